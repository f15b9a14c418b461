/*
 * `npm run dataset:export -- [--dataset content/data.ndjson] --out export.tar.gz [--name <folder>]
 *   [--assets <dir>] [--no-drafts]`
 *
 * Writes a dataset as a `sanity dataset export`-shaped archive (`<folder>/data.ndjson`,
 * `<folder>/assets.json`, `images/`, `files/`), which `sanity dataset import` and `npm run build --
 * --dataset` both read. `--assets` points at asset binaries in export layout (e.g. an unpacked export);
 * without it, asset references are kept as plain references.
 */
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { writeExportArchive } from './archive.ts'

export async function main(args: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        dataset: { type: 'string', default: 'content/data.ndjson' },
        out: { type: 'string' },
        name: { type: 'string' },
        assets: { type: 'string' },
        'no-drafts': { type: 'boolean', default: false },
      },
      strict: true,
    })
    if (!values.out) throw new Error('--out <file.tar.gz> is required')
    if (!/\.(tar\.gz|tgz)$/i.test(values.out))
      throw new Error(`--out must end in .tar.gz, not "${values.out}"`)
    const result = await writeExportArchive({
      dataset: values.dataset,
      out: values.out,
      ...(values.name ? { name: values.name } : {}),
      ...(values.assets ? { assets: values.assets } : {}),
      drafts: !values['no-drafts'],
    })
    for (const id of result.missingAssets)
      console.error(`warning: no binary for ${id}; its references stay as they are`)
    console.log(
      `Exported ${result.documents} documents (${result.drafts} draft(s)) and ${result.assets} asset(s) from ${values.dataset} to ${values.out} (folder ${result.name}/)`,
    )
    return 0
  } catch (error) {
    console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}

import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { restoreAssetReferences } from '../source/assets.ts'

const run = promisify(execFile)
const node = (script: string, args: string[]) => run(process.execPath, [script, ...args])
type Failure = { code: number; stderr: string }

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reel-dataset-cli-'))
})

describe('dataset:export and dataset:read', () => {
  it('exports the bundled dataset and reads it back to the same ndjson', async () => {
    const archive = join(dir, 'bundled.tar.gz')
    const exported = await node('scripts/dataset/export.ts', [
      '--out',
      archive,
      '--name',
      'production-export',
    ])
    expect(exported.stdout).toBe(
      `Exported 65 documents (1 draft(s)) and 3 asset(s) from content/data.ndjson to ${archive} (folder production-export/)\n`,
    )

    const ndjson = join(dir, 'read-back.ndjson')
    const read = await node('scripts/dataset/read.ts', [archive, '--out', ndjson])
    expect(read.stdout).toContain(
      `${archive}: 65 documents (64 published, 1 draft or version), 3 asset file(s)`,
    )
    expect(read.stdout).toContain(
      'published by type: article 4, author 2, castCredit 15, network 4, person 12, season 6, show 5, statusEvent 16',
    )
    // Written back with the image placeholders restored to asset references.
    const bundled = (await readFile('content/data.ndjson', 'utf8')).trimEnd().split('\n')
    const restored = bundled.map((line) => JSON.stringify(restoreAssetReferences(JSON.parse(line))))
    expect(await readFile(ndjson, 'utf8')).toBe(`${restored.join('\n')}\n`)

    const json = await node('scripts/dataset/read.ts', [archive, '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ folder: 'production-export', documents: 65, drafts: 1 })
  })

  it('explains bad arguments and unreadable input', async () => {
    const noOut = await node('scripts/dataset/export.ts', []).catch((error: Failure) => error)
    expect(noOut).toMatchObject({ code: 1, stderr: 'Export failed: --out <file.tar.gz> is required\n' })
    const notArchive = join(dir, 'not-an-archive.tar.gz')
    await writeFile(notArchive, 'hello')
    const bad = await node('scripts/dataset/read.ts', [notArchive]).catch((error: Failure) => error)
    expect(bad).toMatchObject({ code: 1 })
    expect((bad as Failure).stderr).toMatch(/^Read failed: .*not-an-archive\.tar\.gz: cannot read archive/)
  })
})

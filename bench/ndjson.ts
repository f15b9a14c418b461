import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import type { SanityDocument } from '../scripts/source/types.ts'

/**
 * Calls `visit` for every document of an ndjson file, in order (awaiting it when it returns a
 * promise). A plain line reader: the bench's own preparation, not part of any measured build.
 */
export async function forEachDocument(
  file: string,
  visit: (document: SanityDocument) => void | Promise<void>,
): Promise<void> {
  let rest = ''
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) if (line.trim() !== '') await visit(JSON.parse(line) as SanityDocument)
  }
  if (rest.trim() !== '') await visit(JSON.parse(rest) as SanityDocument)
}

/** Copies an ndjson dataset, passing every document through `edit`. */
export async function rewrite(
  from: string,
  to: string,
  edit: (doc: SanityDocument) => SanityDocument,
): Promise<void> {
  const out = createWriteStream(to)
  let batch = ''
  await forEachDocument(from, async (doc) => {
    batch += `${JSON.stringify(edit(doc))}\n`
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain')
      batch = ''
    }
  })
  out.end(batch)
  await once(out, 'finish')
}

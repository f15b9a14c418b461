import { createReadStream } from 'node:fs'
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

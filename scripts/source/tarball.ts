import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { extract } from 'tar-stream'
import { type LoadedDocument, parseNdjson } from './ndjson.ts'
import { DatasetError } from './types.ts'

/**
 * Reads the documents of a `sanity dataset export` archive (`<name>/data.ndjson` inside a `.tar.gz`).
 * Asset binaries are skipped here; only the document stream is parsed.
 *
 * @param file path to the `.tar.gz`
 * @param maxLineBytes refuse ndjson lines longer than this
 */
export async function* readExportArchive(
  file: string,
  maxLineBytes?: number,
): AsyncGenerator<LoadedDocument> {
  const entries = extract()
  let streamError: Error | undefined
  pipeline(createReadStream(file), createGunzip(), entries, (error) => {
    if (error) streamError = error
  })
  let found = false
  let lastLine = 0
  try {
    for await (const entry of entries) {
      if (!found && entry.header.type === 'file' && /(^|\/)data\.ndjson$/.test(entry.header.name)) {
        found = true
        const name = `${file}#${entry.header.name}`
        for await (const loaded of parseNdjson(entry as AsyncIterable<Buffer>, name, maxLineBytes)) {
          lastLine = loaded.line
          yield loaded
        }
      } else {
        entry.resume()
      }
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error
    throw archiveError(file, streamError ?? error, found ? lastLine + 1 : undefined)
  }
  if (streamError) throw archiveError(file, streamError, found ? lastLine + 1 : undefined)
  if (!found)
    throw new DatasetError('archive has no data.ndjson (is it a `sanity dataset export` file?)', { file })
}

/** `line` is the data.ndjson line being read when the archive broke off, when it got that far. */
function archiveError(file: string, error: unknown, line?: number): DatasetError {
  const reason = error instanceof Error ? error.message : String(error)
  const where = line === undefined ? '' : ` while reading data.ndjson line ${line}`
  return new DatasetError(`cannot read archive${where}: ${reason} (truncated or not a .tar.gz?)`, { file })
}

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { type GenerateOptions, generateDocuments } from './dataset.ts'

export interface WrittenDataset {
  file: string
  /** Documents written per `_type` (drafts counted under their type). */
  counts: Record<string, number>
  documents: number
  drafts: number
  bytes: number
}

/** Lines are buffered up to this many characters before each write. */
const BATCH_CHARS = 1 << 20

/**
 * Streams a generated dataset to an ndjson file (written beside it, then renamed into place).
 *
 * @param options article count and seed (see `generateDocuments`)
 * @param file destination `.ndjson`
 */
export async function writeDataset(options: GenerateOptions, file: string): Promise<WrittenDataset> {
  const target = resolve(file)
  await mkdir(dirname(target), { recursive: true })
  const partial = `${target}.partial-${process.pid}`
  const stream = createWriteStream(partial)
  const counts: Record<string, number> = {}
  let documents = 0
  let drafts = 0
  let bytes = 0
  let batch = ''
  const flush = async () => {
    if (batch === '') return
    bytes += Buffer.byteLength(batch)
    if (!stream.write(batch)) await once(stream, 'drain')
    batch = ''
  }
  try {
    for (const document of generateDocuments(options)) {
      batch += `${JSON.stringify(document)}\n`
      counts[document._type] = (counts[document._type] ?? 0) + 1
      documents += 1
      if (document._id.startsWith('drafts.')) drafts += 1
      if (batch.length >= BATCH_CHARS) await flush()
    }
    await flush()
    stream.end()
    await once(stream, 'finish')
    await rename(partial, target)
  } catch (error) {
    stream.destroy()
    await rm(partial, { force: true })
    throw error
  }
  return { file: target, counts, documents, drafts, bytes }
}

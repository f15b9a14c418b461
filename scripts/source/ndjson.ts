import { createHash, hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { restoreAssetReferences } from './assets.ts'
import { DatasetError, type SanityDocument } from './types.ts'

/** A document together with the line it was read from. */
export interface LoadedDocument {
  document: SanityDocument
  line: number
}

/** Lines longer than this are rejected before they are buffered further. */
export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024

/** One line of an ndjson stream, as bytes (without its newline). */
export interface NdjsonLine {
  bytes: Buffer
  /** 1-based line number. */
  line: number
}

/**
 * Reads a file in chunks into two buffers, reused in turn: a chunk is only valid until the next one is
 * asked for. The next chunk is read while the caller works on this one, and reading a large dataset
 * allocates no new memory per chunk, which the garbage collector would otherwise be asked to account
 * for hundreds of times per read.
 *
 * @param file path of the file, or an open handle (left open)
 * @param size bytes per chunk
 * @param range bytes `[start, end)` to read; default: the whole file
 */
export async function* readFileChunks(
  file: string | FileHandle,
  size = 1 << 20,
  range: { start: number; end: number } = { start: 0, end: Number.POSITIVE_INFINITY },
): AsyncGenerator<Buffer> {
  const handle = typeof file === 'string' ? await open(file) : file
  const buffers: readonly [Buffer, Buffer] = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)]
  let turn: 0 | 1 = 0
  let position = range.start
  const readNext = () => {
    const length = Math.min(size, range.end - position)
    return length > 0 ? handle.read(buffers[turn], 0, length, position) : Promise.resolve({ bytesRead: 0 })
  }
  let reading = readNext()
  try {
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) return
      position += bytesRead
      const chunk = buffers[turn].subarray(0, bytesRead)
      turn = turn === 0 ? 1 : 0
      reading = readNext()
      yield chunk
    }
  } finally {
    // A read may still be under way (the caller stopped early); the handle closes after it.
    await reading.catch(() => undefined)
    if (typeof file === 'string') await handle.close()
  }
}

/**
 * Splits an ndjson byte stream into lines, without parsing them. A line's bytes may be a view of the
 * stream's chunk, so they are only valid until the next line is asked for.
 *
 * @param chunks the bytes (a file stream or a tar entry)
 * @param file name used in error messages
 * @param maxLineBytes refuse lines longer than this (protects memory against runaway input)
 */
export async function* splitNdjsonLines(
  chunks: AsyncIterable<Buffer | string>,
  file: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let line = 0

  for await (const raw of chunks) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    let newline = chunk.indexOf(10)
    while (newline !== -1) {
      line += 1
      if (pendingBytes + newline > maxLineBytes) throw tooLong(file, line, maxLineBytes)
      const head = chunk.subarray(0, newline)
      yield { bytes: pending.length === 0 ? head : Buffer.concat([...pending, head]), line }
      pending = []
      pendingBytes = 0
      chunk = chunk.subarray(newline + 1)
      newline = chunk.indexOf(10)
    }
    if (chunk.length > 0) {
      // Copied: a reader may reuse its buffer for the next chunk (see `readFileChunks`).
      pending.push(Buffer.from(chunk))
      pendingBytes += chunk.length
      if (pendingBytes > maxLineBytes) throw tooLong(file, line + 1, maxLineBytes)
    }
  }
  if (pendingBytes > 0) yield { bytes: Buffer.concat(pending), line: line + 1 }
}

/**
 * The content hash of an ndjson file, built line by line as a loader reads it: the sha256 of each
 * line's bytes, folded into one sha256. A loader that hashes lines anyway (to find the ones that
 * changed) gets the file's hash for free.
 */
export class LineDigest {
  readonly #whole = createHash('sha256')

  /** Adds the next line; returns that line's own hash (base64). */
  add(line: Buffer): string {
    return this.addHashed(hash('sha256', line, 'buffer'))
  }

  /** Adds the next line by its sha256, hashed elsewhere; returns it as base64. */
  addHashed(lineHash: Uint8Array): string {
    this.#whole.update(lineHash)
    return Buffer.from(lineHash.buffer, lineHash.byteOffset, lineHash.byteLength).toString('base64')
  }

  /** The file's hash (hex); call once, after the last line. */
  digest(): string {
    return this.#whole.digest('hex')
  }
}

/**
 * What a {@link LineDigest} gives for lines of these hashes.
 *
 * @param hashes every line's sha256 (32 bytes each), in order
 */
export function digestOfLineHashes(hashes: Uint8Array): string {
  return createHash('sha256').update(hashes).digest('hex')
}

/**
 * The {@link LineDigest} of an ndjson file.
 *
 * @param file path to a `.ndjson` file
 */
export async function ndjsonDigest(file: string): Promise<string> {
  const digest = new LineDigest()
  for await (const { bytes } of splitNdjsonLines(readFileChunks(file), file)) digest.add(bytes)
  return digest.digest()
}

/**
 * Parses Sanity export ndjson from a byte stream, one document per line.
 *
 * @param chunks the bytes (a file stream or a tar entry)
 * @param file name used in error messages
 * @param maxLineBytes refuse lines longer than this (protects memory against runaway input)
 */
export async function* parseNdjson(
  chunks: AsyncIterable<Buffer | string>,
  file: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<LoadedDocument> {
  for await (const { bytes, line } of splitNdjsonLines(chunks, file, maxLineBytes)) {
    const loaded = parseDocumentLine(bytes.toString('utf8'), file, line)
    if (loaded) yield loaded
  }
}

/**
 * Reads an ndjson file from disk.
 *
 * @param file path to a `.ndjson` file
 */
export function readNdjsonFile(file: string, maxLineBytes?: number): AsyncGenerator<LoadedDocument> {
  return parseNdjson(createReadStream(file), file, maxLineBytes)
}

/** The error for a line longer than `max` bytes. */
export function tooLong(file: string, line: number, max: number): DatasetError {
  return new DatasetError(`line is longer than ${max} bytes; refusing to load it`, { file, line })
}

/**
 * Parses one ndjson line into a document; `undefined` for a blank line.
 *
 * @param text the line
 * @param file name used in error messages
 * @param line 1-based line number, for error messages
 */
export function parseDocumentLine(text: string, file: string, line: number): LoadedDocument | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DatasetError(`malformed JSON (${reason})`, { file, line, documentId: sniffId(trimmed) })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DatasetError('expected one JSON object per line', { file, line })
  }
  let document = value as Record<string, unknown>
  if (typeof document._id !== 'string' || document._id === '') {
    throw new DatasetError('document has no string _id', { file, line })
  }
  if (typeof document._type !== 'string' || document._type === '') {
    throw new DatasetError('document has no string _type', { file, line, documentId: document._id })
  }
  // Exports (and the bundled dataset) store images as upload placeholders; restore the asset
  // references so every later step sees one shape. Only lines that mention one pay for the walk.
  if (trimmed.includes('"_sanityAsset"')) document = restoreAssetReferences(document as SanityDocument)
  return { document: document as SanityDocument, line }
}

/** Best-effort id from a line that failed to parse, so the error can still name the document. */
function sniffId(text: string): string | undefined {
  return /"_id"\s*:\s*"([^"\\]{1,200})"/.exec(text)?.[1]
}

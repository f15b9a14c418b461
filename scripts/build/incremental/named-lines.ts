/*
 * Reading again only the lines of the documents a change names (a publisher's webhooks name the
 * documents they are for), instead of hashing a whole ndjson file to find them: at 300 MB the whole
 * read is ~0.36 s of CPU (~0.25 s on two threads), the named lines a few kilobytes. Every other line is taken to be where and
 * what it was in the last load. That is checked where it is cheap to check (the file's size, the
 * lines either side of each changed one, the last line) and otherwise left to the content hash:
 * the file's hash is made from the lines' hashes as they are taken to be, so a change nobody named
 * that the checks miss makes the next reconciliation, which hashes the whole file, see a difference
 * and build from a whole read.
 */
import { hash } from 'node:crypto'
import { type FileHandle, open } from 'node:fs/promises'
import { DEFAULT_MAX_LINE_BYTES, tooLong } from '../../source/ndjson.ts'

const HASH_BYTES = 32

/** Where every line of an ndjson file was, and its sha256, as a load read them. */
export interface LineTable {
  /** The file's size then. */
  size: number
  /** Byte offset of each line. */
  starts: Float64Array
  /** Length of each line in bytes, without its newline. */
  lengths: Float64Array
  /** The sha256 of each line, 32 bytes each, in order. */
  hashes: Uint8Array
}

/** A line read again: where it is now and its bytes. */
export interface ReadLine {
  /** 0-based index of the line. */
  index: number
  bytes: Buffer
  hash: Uint8Array
}

export interface NamedRead {
  /** The file as it is now, by the lines read and the lines taken as they were. */
  table: LineTable
  /** The lines read again, in order. */
  lines: ReadLine[]
}

/**
 * Builds a {@link LineTable} line by line, as a load reads the file.
 */
export class LineTableBuilder {
  #starts: number[] = []
  #lengths: number[] = []
  #hashes: Uint8Array[] = []

  /** Adds the next line. */
  add(start: number, length: number, lineHash: Uint8Array): void {
    this.#starts.push(start)
    this.#lengths.push(length)
    this.#hashes.push(lineHash)
  }

  /** The table, for a file of `size` bytes. */
  finish(size: number): LineTable {
    const hashes = new Uint8Array(this.#hashes.length * HASH_BYTES)
    this.#hashes.forEach((lineHash, index) => {
      hashes.set(lineHash, index * HASH_BYTES)
    })
    return {
      size,
      starts: Float64Array.from(this.#starts),
      lengths: Float64Array.from(this.#lengths),
      hashes,
    }
  }
}

/** The sha256 of line `index` in `table`. */
export function lineHash(table: LineTable, index: number): Uint8Array {
  return table.hashes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES)
}

/**
 * Reads lines `indexes` (ascending) of `file` again, every other line taken as in `table`, and
 * checks what is cheap to check; `undefined` when the file is not that file with those lines
 * changed (the caller reads it whole).
 *
 * @param file path of the ndjson file
 * @param table the lines as the last load read them
 * @param indexes the lines to read again, 0-based, ascending
 * @param maxLineBytes refuse a line longer than this (as a whole read does)
 */
export async function readNamedLines(
  file: string,
  table: LineTable,
  indexes: readonly number[],
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<NamedRead | undefined> {
  const count = table.starts.length
  const handle = await open(file)
  try {
    const { size } = await handle.stat()
    const starts = Float64Array.from(table.starts)
    const lengths = Float64Array.from(table.lengths)
    const hashes = Uint8Array.from(table.hashes)
    const lines: ReadLine[] = []
    let shift = 0
    let next = 0
    for (let index = 0; index < count; index++) {
      starts[index] = (table.starts[index] as number) + shift
      if (indexes[next] !== index) continue
      next += 1
      const bytes = await readLine(handle, file, starts[index] as number, size, maxLineBytes, index)
      if (!bytes) return undefined
      const read = hash('sha256', bytes, 'buffer')
      hashes.set(read, index * HASH_BYTES)
      shift += bytes.length - (lengths[index] as number)
      lengths[index] = bytes.length
      lines.push({ index, bytes, hash: read })
    }
    if (next !== indexes.length || size !== table.size + shift) return undefined
    const now: LineTable = { size, starts, lengths, hashes }
    for (const index of neighbours(indexes, count)) {
      if (!(await lineIsAsBefore(handle, now, index))) return undefined
    }
    return { table: now, lines }
  } finally {
    await handle.close()
  }
}

/** The unread lines either side of each read one, and the last line. */
function neighbours(indexes: readonly number[], count: number): number[] {
  const read = new Set(indexes)
  const around = new Set<number>()
  for (const index of indexes) for (const near of [index - 1, index + 1]) around.add(near)
  around.add(count - 1)
  return [...around].filter((index) => index >= 0 && index < count && !read.has(index)).sort((a, b) => a - b)
}

/** True when the line at its place in `table` has its length, its newline (if any) and its hash. */
async function lineIsAsBefore(handle: FileHandle, table: LineTable, index: number): Promise<boolean> {
  const start = table.starts[index] as number
  const length = table.lengths[index] as number
  const withNewline = Math.min(length + 1, table.size - start)
  const bytes = Buffer.allocUnsafe(withNewline)
  if ((await readFully(handle, bytes, start)) !== withNewline) return false
  if (withNewline > length && bytes[length] !== 10) return false
  return Buffer.from(hash('sha256', bytes.subarray(0, length), 'buffer')).equals(lineHash(table, index))
}

/**
 * The line beginning at `start` (up to its newline or the end of the file); `undefined` when `start`
 * is past the end or not the beginning of a line.
 */
async function readLine(
  handle: FileHandle,
  file: string,
  start: number,
  size: number,
  maxLineBytes: number,
  index: number,
): Promise<Buffer | undefined> {
  if (start > size || (start > 0 && (await byteAt(handle, start - 1)) !== 10)) return undefined
  const parts: Buffer[] = []
  let position = start
  let length = 0
  while (position < size) {
    const window = Buffer.allocUnsafe(Math.min(64 * 1024, size - position))
    const read = await readFully(handle, window, position)
    const view = window.subarray(0, read)
    const newline = view.indexOf(10)
    const part = newline === -1 ? view : view.subarray(0, newline)
    length += part.length
    if (length > maxLineBytes) throw tooLong(file, index + 1, maxLineBytes)
    parts.push(part)
    if (newline !== -1 || read < window.length) break
    position += read
  }
  return Buffer.concat(parts, length)
}

async function byteAt(handle: FileHandle, position: number): Promise<number | undefined> {
  const byte = Buffer.alloc(1)
  return (await readFully(handle, byte, position)) === 1 ? byte[0] : undefined
}

/** Reads into all of `buffer` from `position`, unless the file ends first; returns bytes read. */
async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let done = 0
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done)
    if (bytesRead === 0) break
    done += bytesRead
  }
  return done
}

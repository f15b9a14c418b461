import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Where a blob lives: segment name, byte offset, byte length. */
export type BlobRef = readonly [segment: string, offset: number, length: number]

/** A new segment is started when the current one reaches this size. */
const SEGMENT_BYTES = 512 * 1024 * 1024
/** Appends are buffered up to this size before a write. */
const BUFFER_BYTES = 4 * 1024 * 1024

/**
 * Append-only blob storage for the build cache: UTF-8 strings in segment files (`<dir>/<name>.pack`),
 * addressed by {@link BlobRef}. Each pack writes to segments of its own (never shared with another
 * process) and blobs are never rewritten in place, so a reader of an older index still finds its
 * blobs; {@link BlobPack.compact} drops unreferenced ones.
 *
 * The index of what is stored where belongs to the caller (it is saved with the rest of the cache
 * state); a pack only knows bytes.
 */
export class BlobPack {
  readonly dir: string
  #segment: string
  #size = 0
  #fd: number | undefined
  /**
   * Appends waiting to be written, and a buffer reads go through: both reused. A cold 10k build
   * appends and reads ~60,000 blobs; a buffer each was several hundred MB of short-lived memory
   * outside the heap, which the process kept until collections caught up.
   */
  #pending: Buffer | undefined
  #pendingBytes = 0
  #scratch: Buffer | undefined
  readonly #readFds = new Map<string, number>()

  readonly #readOnly: boolean

  /** @param options.readOnly only read (a render worker): appending throws */
  constructor(dir: string, options: { readOnly?: boolean } = {}) {
    this.dir = dir
    this.#readOnly = options.readOnly === true
    if (!this.#readOnly) mkdirSync(dir, { recursive: true })
    this.#segment = newSegmentName()
  }

  /**
   * Appends go to a new segment from here on, as they would in a new pack; what is stored stays
   * readable through this pack.
   */
  startSegment(): void {
    this.flush()
    this.#closeWriter()
    mkdirSync(this.dir, { recursive: true })
    this.#segment = newSegmentName()
    this.#size = 0
  }

  /** Stores a string and returns where it is (readable at once, written to disk by `flush`). */
  append(text: string): BlobRef {
    if (this.#readOnly) throw new Error(`blob pack ${this.dir} is open read-only`)
    const length = Buffer.byteLength(text, 'utf8')
    if (this.#size > 0 && this.#size + length > SEGMENT_BYTES) {
      this.flush()
      this.#closeWriter()
      this.#segment = newSegmentName()
      this.#size = 0
    }
    const ref: BlobRef = [this.#segment, this.#size, length]
    if (this.#pendingBytes + length > BUFFER_BYTES) this.flush()
    if (length > BUFFER_BYTES) {
      this.#write(Buffer.from(text, 'utf8'))
    } else {
      this.#pending ??= Buffer.allocUnsafe(BUFFER_BYTES)
      this.#pending.write(text, this.#pendingBytes, 'utf8')
      this.#pendingBytes += length
    }
    this.#size += length
    return ref
  }

  read(ref: BlobRef): string {
    const [segment, offset, length] = ref
    // An empty blob may sit in a segment nothing was written to yet.
    if (length === 0) return ''
    if (segment === this.#segment && offset + length > this.#size - this.#pendingBytes) this.flush()
    // Blobs larger than the append buffer are rare: they get a buffer of their own.
    this.#scratch ??= Buffer.allocUnsafe(BUFFER_BYTES)
    const buffer = length > BUFFER_BYTES ? Buffer.allocUnsafe(length) : this.#scratch
    let done = 0
    const fd = this.#reader(segment)
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, offset + done)
      if (n === 0) throw new Error(`blob ${ref.join(':')} is truncated in ${this.dir}`)
      done += n
    }
    return buffer.toString('utf8', 0, length)
  }

  /** Writes buffered blobs to disk. */
  flush(): void {
    if (this.#pendingBytes === 0 || !this.#pending) return
    this.#write(this.#pending.subarray(0, this.#pendingBytes))
    this.#pendingBytes = 0
  }

  #write(data: Buffer): void {
    this.#fd ??= openSync(this.#path(this.#segment), 'a')
    let done = 0
    while (done < data.length) done += writeSync(this.#fd, data, done)
  }

  close(): void {
    this.flush()
    this.#closeWriter()
    for (const fd of this.#readFds.values()) closeSync(fd)
    this.#readFds.clear()
  }

  /**
   * Rewrites the live blobs into fresh segments and deletes every other segment.
   *
   * @param live every ref still in use
   * @returns the new ref of each live ref, in the same order
   */
  compact(live: readonly BlobRef[]): BlobRef[] {
    this.flush()
    this.#closeWriter()
    const old = listSegments(this.dir)
    this.#segment = newSegmentName()
    this.#size = 0
    const moved = live.map((ref) => this.append(this.read(ref)))
    this.flush()
    this.#closeWriter()
    for (const fd of this.#readFds.values()) closeSync(fd)
    this.#readFds.clear()
    const keep = new Set(moved.map((ref) => ref[0]))
    for (const segment of old) if (!keep.has(segment)) rmSync(this.#path(segment), { force: true })
    return moved
  }

  /** Bytes in the segment files, buffered appends included. */
  get bytes(): number {
    let total = this.#pendingBytes
    for (const segment of listSegments(this.dir)) total += statSync(this.#path(segment)).size
    return total
  }

  #reader(segment: string): number {
    let fd = this.#readFds.get(segment)
    if (fd === undefined) {
      fd = openSync(this.#path(segment), 'r')
      this.#readFds.set(segment, fd)
    }
    return fd
  }

  #closeWriter(): void {
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
    // A reader opened before more was appended still sees the whole file: no need to reopen.
  }

  #path(segment: string): string {
    return join(this.dir, `${segment}.pack`)
  }
}

/** Sortable by creation time, unique per writer. */
function newSegmentName(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${randomBytes(3).toString('hex')}`
}

function listSegments(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pack'))
    .map((name) => name.slice(0, -'.pack'.length))
    .sort()
}

/*
 * A thread that hashes the lines of part of an ndjson file (see hashed-lines.ts): a reload of a large
 * dataset hashes its second half here while the main thread hashes the first.
 */
import { hash } from 'node:crypto'
import { readSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'

/** Lines to hash: bytes `[start, end)` of an open file, `start` at the beginning of a line. */
export interface HashRequest {
  id: number
  fd: number
  start: number
  end: number
  /** A longer line stops the work (the caller reports it). */
  maxLineBytes: number
}

/** Each line's sha256 (32 bytes each, in order) and where its bytes are. */
export interface HashedRange {
  hashes: Uint8Array
  starts: Float64Array
  lengths: Float64Array
  /** Index of a line longer than `maxLineBytes`, where hashing stopped. */
  tooLong?: number
}

export type HashReply = { id: number } & (HashedRange | { error: string })

const CHUNK_BYTES = 1 << 20
const HASH_BYTES = 32

/**
 * Splits `[start, end)` of the file into lines as `splitNdjsonLines` does (a last line without a
 * newline counts) and hashes each.
 *
 * @param request what to hash
 */
export function hashRange({ fd, start, end, maxLineBytes }: Omit<HashRequest, 'id'>): HashedRange {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  const hashes: Buffer[] = []
  const starts: number[] = []
  const lengths: number[] = []
  let pending: Buffer[] = []
  let pendingBytes = 0
  let lineStart = start
  let position = start
  const finish = (tooLong?: number): HashedRange => ({
    hashes: Buffer.concat(hashes, hashes.length * HASH_BYTES),
    starts: Float64Array.from(starts),
    lengths: Float64Array.from(lengths),
    ...(tooLong === undefined ? {} : { tooLong }),
  })
  const push = (bytes: Buffer) => {
    hashes.push(hash('sha256', bytes, 'buffer'))
    starts.push(lineStart)
    lengths.push(bytes.length)
  }
  while (position < end) {
    const bytesRead = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, end - position), position)
    if (bytesRead === 0) break
    const view = chunk.subarray(0, bytesRead)
    let from = 0
    for (let newline = view.indexOf(10); newline !== -1; newline = view.indexOf(10, from)) {
      if (pendingBytes + newline - from > maxLineBytes) return finish(lengths.length)
      const head = view.subarray(from, newline)
      push(pending.length === 0 ? head : Buffer.concat([...pending, head]))
      pending = []
      pendingBytes = 0
      from = newline + 1
      lineStart = position + from
    }
    if (from < bytesRead) {
      pending.push(Buffer.from(view.subarray(from)))
      pendingBytes += bytesRead - from
      if (pendingBytes > maxLineBytes) return finish(lengths.length)
    }
    position += bytesRead
  }
  if (pendingBytes > 0) push(Buffer.concat(pending))
  return finish()
}

parentPort?.on('message', ({ id, ...request }: HashRequest) => {
  let reply: HashReply
  try {
    reply = { id, ...hashRange(request) }
  } catch (error) {
    reply = { id, error: String(error) }
  }
  // Copied, not transferred: a small result may sit in Buffer's shared pool.
  parentPort?.postMessage(reply)
})

/*
 * The lines of an ndjson file with the sha256 of each, for a reload that finds changed documents by
 * their lines' hashes (dataset-source.ts). Hashing is most of a reload's work (~170 ms of ~330 at
 * 300 MB): most of a large file is hashed by a thread (line-hash-worker.ts) while this one hashes
 * its beginning, both from one open file, so they read the same bytes even if the file is replaced
 * meanwhile.
 */
import { hash } from 'node:crypto'
import { readSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { DEFAULT_MAX_LINE_BYTES, readFileChunks, splitNdjsonLines, tooLong } from '../../source/ndjson.ts'
import type { HashedRange, HashReply, HashRequest } from './line-hash-worker.ts'

export interface HashedLine {
  /** 1-based line number. */
  line: number
  /** Byte offset of the line in the file. */
  start: number
  /** Its length in bytes, without the newline. */
  length: number
  /** The size of the file read. */
  fileSize: number
  /** sha256 of the line's bytes. */
  hash: Uint8Array
  /** The line's bytes, valid until the next line is asked for. */
  bytes(): Buffer
}

export interface HashedLinesOptions {
  /** Files at least this large are hashed in two parts at once (default 16 MiB). */
  parallelFrom?: number
  /** Refuse lines longer than this (as `splitNdjsonLines` does). */
  maxLineBytes?: number
}

const PARALLEL_FROM = 16 * 1024 * 1024
/**
 * The share of a large file this thread hashes; the thread takes the rest. This thread also hands
 * every line, the thread's too, to the reload that compares them: with halves, the thread was done
 * in ~100 ms and this one after ~230 (300 MB); reloads at 0.3 take ~255 ms instead of ~300.
 */
const OWN_SHARE = 0.3

/**
 * Every line of an ndjson file, in order, with its hash; split and numbered as `splitNdjsonLines`
 * splits and numbers them.
 *
 * @param file path of the file
 * @param options when to hash in parallel, longest line
 */
export async function* hashedLines(
  file: string,
  options: HashedLinesOptions = {},
): AsyncGenerator<HashedLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  const handle = await open(file)
  let second: Promise<HashedRange> | undefined
  try {
    const { size } = await handle.stat()
    const split =
      size >= (options.parallelFrom ?? PARALLEL_FROM)
        ? await lineAfter(handle, Math.floor(size * OWN_SHARE), size)
        : size
    if (split < size) {
      second = hashInThread({ fd: handle.fd, start: split, end: size, maxLineBytes })
      // Awaited below or in `finally`; never left to reject unheard.
      second.catch(() => undefined)
    }
    let lines = 0
    let start = 0
    const firstHalf = readFileChunks(handle, undefined, { start: 0, end: split })
    for await (const { bytes, line } of splitNdjsonLines(firstHalf, file, maxLineBytes)) {
      lines = line
      const length = bytes.length
      yield { line, start, length, fileSize: size, hash: hash('sha256', bytes, 'buffer'), bytes: () => bytes }
      start += length + 1
    }
    if (!second) return
    const { hashes, starts, lengths, tooLong: longLine } = await second
    for (let index = 0; index < lengths.length; index++) {
      const start = starts[index] as number
      const length = lengths[index] as number
      yield {
        line: lines + 1 + index,
        start,
        length,
        fileSize: size,
        hash: hashes.subarray(index * 32, index * 32 + 32),
        bytes: () => readBytes(handle, start, length),
      }
    }
    if (longLine !== undefined) throw tooLong(file, lines + 1 + longLine, maxLineBytes)
  } finally {
    // The thread reads through this handle: it closes only once the thread is done with it.
    await second?.catch(() => undefined)
    await handle.close()
  }
}

/** Where the line after `from` begins (the file's size when no newline follows). */
async function lineAfter(handle: FileHandle, from: number, size: number): Promise<number> {
  const window = Buffer.allocUnsafe(64 * 1024)
  for (let position = from; position < size; position += window.length) {
    const { bytesRead } = await handle.read(window, 0, window.length, position)
    const newline = window.subarray(0, bytesRead).indexOf(10)
    if (newline !== -1) return position + newline + 1
    if (bytesRead === 0) break
  }
  return size
}

function readBytes(handle: FileHandle, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length)
  let done = 0
  while (done < length) {
    const read = readSync(handle.fd, bytes, done, length - done, start + done)
    if (read === 0) throw new Error(`file ended while reading a line at byte ${start}`)
    done += read
  }
  return bytes
}

/** The hashing thread, started on first use and kept (it does not keep the process alive). */
let thread: { worker: Worker; pending: Map<number, (reply: HashReply) => void> } | undefined
let nextId = 0

function hashInThread(request: Omit<HashRequest, 'id'>): Promise<HashedRange> {
  if (!thread) {
    const worker = new Worker(new URL('./line-hash-worker.ts', import.meta.url))
    const started = { worker, pending: new Map<number, (reply: HashReply) => void>() }
    worker.on('message', (reply: HashReply) => {
      started.pending.get(reply.id)?.(reply)
      started.pending.delete(reply.id)
      if (started.pending.size === 0) worker.unref()
    })
    const fail = (error: unknown) => {
      if (thread === started) thread = undefined
      for (const [id, answer] of started.pending)
        answer({ id, error: `hashing thread failed: ${String(error)}` })
      started.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(`exited with code ${code}`))
    thread = started
  }
  const id = nextId++
  const { worker, pending } = thread
  return new Promise((resolve, reject) => {
    pending.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)))
    // Held open while it works for someone, and not a moment longer.
    worker.ref()
    worker.postMessage({ id, ...request } satisfies HashRequest)
  })
}

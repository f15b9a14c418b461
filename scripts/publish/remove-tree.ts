import { Worker } from 'node:worker_threads'

/*
 * Deletions run on a thread of their own, one at a time, with the synchronous `rmSync`: they never
 * touch the thread pool the static server needs for every request it answers (`fs.rm` with
 * `recursive` started its deletions all at once and held page requests for more than a second
 * after each publish), and they keep up with publishing. Deleting one entry at a time through the
 * pool kept requests free but took longer than a release between two publishes while edits followed
 * one another (36,000 files at 10,000 articles), so deletions fell further behind with each edit.
 */

// Evaluated in the thread (no module to resolve), as a script or a module alike.
const REMOVER = `
const { parentPort } = process.getBuiltinModule('node:worker_threads')
const { rmSync } = process.getBuiltinModule('node:fs')
parentPort.on('message', ({ id, path }) => {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2 })
    parentPort.postMessage({ id })
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
`

interface Pending {
  resolve: () => void
  reject: (error: Error) => void
}

let remover: Worker | undefined
const pending = new Map<number, Pending>()
let nextId = 0

function thread(): Worker {
  if (remover) return remover
  const worker = new Worker(REMOVER, { eval: true })
  worker.on('message', ({ id, error }: { id: number; error?: string }) => {
    const waiting = pending.get(id)
    pending.delete(id)
    if (error) waiting?.reject(new Error(error))
    else waiting?.resolve()
    // Idle, the thread does not keep the process up.
    if (pending.size === 0) worker.unref()
  })
  worker.on('error', (error) => fail(worker, error))
  worker.on('exit', () => fail(worker, new Error('the deletion thread stopped')))
  remover = worker
  return worker
}

function fail(worker: Worker, error: Error): void {
  if (remover === worker) remover = undefined
  for (const waiting of pending.values()) waiting.reject(error)
  pending.clear()
}

/**
 * Deletes a file or directory tree, off the main thread and its thread pool; a path that does not
 * exist is no error. Symbolic links are removed, never followed. Deletions run one after another in
 * the order asked.
 *
 * @param path what to delete
 */
export function removeTree(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const id = nextId++
    pending.set(id, { resolve, reject })
    const worker = thread()
    worker.ref()
    worker.postMessage({ id, path })
  })
}

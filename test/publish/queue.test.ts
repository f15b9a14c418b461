import { describe, expect, it } from 'vitest'
import { type BuildBatch, BuildQueue } from '../../scripts/publish/queue.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function recorder(buildMs: number) {
  const batches: BuildBatch[] = []
  const signals: AbortSignal[] = []
  let running = 0
  let maxRunning = 0
  const job = async (batch: BuildBatch, signal: AbortSignal) => {
    batches.push(batch)
    signals.push(signal)
    running += 1
    maxRunning = Math.max(maxRunning, running)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, buildMs)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    running -= 1
  }
  return { job, batches, signals, maxRunning: () => maxRunning }
}

describe('BuildQueue', () => {
  it('debounces a burst into one build with the union of ids', async () => {
    const r = recorder(10)
    const queue = new BuildQueue(r.job, { debounceMs: 50, maxWaitMs: 1_000 })
    for (let i = 0; i < 100; i++) queue.enqueue({ reason: 'webhook', ids: [`doc-${i % 7}`] })
    expect(queue.state.pending).toBe(100)
    await queue.idle()
    expect(r.batches).toHaveLength(1)
    expect(r.batches[0]).toMatchObject({ requests: 100, full: false, reasons: ['webhook'] })
    expect(r.batches[0]?.ids).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5', 'doc-6'])
  })

  it('counts the requests it accepts, not those after it stopped', async () => {
    const queue = new BuildQueue(recorder(1).job, { debounceMs: 5, maxWaitMs: 100 })
    expect(queue.received).toBe(0)
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    queue.enqueue({ reason: 'reconcile' })
    expect(queue.received).toBe(2)
    await queue.idle()
    await queue.stop(0)
    expect(queue.enqueue({ reason: 'webhook', ids: ['b'] })).toBe(false)
    expect(queue.received).toBe(2)
  })

  it('names the ids the waiting requests named, unless one named none', async () => {
    const queue = new BuildQueue(recorder(1).job, { debounceMs: 20, maxWaitMs: 100 })
    expect(queue.pendingIds()).toBeUndefined()
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    queue.enqueue({ reason: 'webhook', ids: ['b', 'a'] })
    expect(queue.pendingIds()).toEqual(['a', 'b'])
    queue.enqueue({ reason: 'reconcile' })
    expect(queue.pendingIds()).toBeUndefined()
    await queue.idle()
    expect(queue.pendingIds()).toBeUndefined()
  })

  it('runs one build at a time and merges everything that arrives meanwhile into the next', async () => {
    const r = recorder(100)
    const queue = new BuildQueue(r.job, { debounceMs: 10, maxWaitMs: 1_000 })
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    await sleep(40)
    expect(queue.state.running).toBe(true)
    queue.enqueue({ reason: 'webhook', ids: ['b'] })
    queue.enqueue({ reason: 'reconcile' })
    queue.enqueue({ reason: 'webhook', ids: ['c'] })
    await queue.idle()
    expect(r.maxRunning()).toBe(1)
    expect(r.batches).toHaveLength(2)
    expect(r.batches[1]).toMatchObject({
      ids: ['b', 'c'],
      full: true,
      requests: 3,
      reasons: ['webhook', 'reconcile'],
    })
  })

  it('caps the wait while requests keep coming', async () => {
    const r = recorder(5)
    const queue = new BuildQueue(r.job, { debounceMs: 50, maxWaitMs: 120 })
    const started = Date.now()
    while (Date.now() - started < 300) {
      queue.enqueue({ reason: 'webhook', ids: ['x'] })
      await sleep(20)
    }
    await queue.idle()
    expect(r.batches.length).toBeGreaterThanOrEqual(2)
  })

  it('leading: a request after a quiet spell builds at once, and what follows waits and is merged', async () => {
    const r = recorder(30)
    const queue = new BuildQueue(r.job, { debounceMs: 300, maxWaitMs: 10_000, leading: true })
    const started = Date.now()
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    queue.enqueue({ reason: 'webhook', ids: ['b'] })
    await sleep(10)
    expect(r.batches).toHaveLength(1)
    expect(r.batches[0]).toMatchObject({ ids: ['a', 'b'], requests: 2 })
    expect(Date.now() - started).toBeLessThan(300)
    await sleep(10)
    queue.enqueue({ reason: 'webhook', ids: ['c'] })
    await sleep(40)
    const lastAt = Date.now()
    queue.enqueue({ reason: 'webhook', ids: ['d'] })
    await sleep(50)
    // The first build is over; the second waits for a quiet period after the last request.
    expect(r.batches).toHaveLength(1)
    await queue.idle()
    expect(r.batches).toHaveLength(2)
    expect(r.batches[1]).toMatchObject({ ids: ['c', 'd'], requests: 2 })
    expect((r.batches[1]?.lastAt ?? 0) - lastAt).toBeLessThan(20)
    expect(Date.now() - lastAt).toBeGreaterThanOrEqual(300)
  })

  it('leading: a request soon after the last one waits for the quiet period even when idle', async () => {
    const r = recorder(1)
    const queue = new BuildQueue(r.job, { debounceMs: 300, maxWaitMs: 10_000, leading: true })
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    await queue.idle()
    queue.enqueue({ reason: 'webhook', ids: ['b'] })
    await sleep(30)
    expect(r.batches).toHaveLength(1)
    await queue.idle()
    await sleep(300)
    queue.enqueue({ reason: 'webhook', ids: ['c'] })
    await sleep(30)
    expect(r.batches.map((batch) => batch.ids)).toEqual([['a'], ['b'], ['c']])
  })

  it('without leading, even the first request waits for the quiet period', async () => {
    const r = recorder(1)
    const queue = new BuildQueue(r.job, { debounceMs: 300, maxWaitMs: 10_000 })
    queue.enqueue({ reason: 'webhook', ids: ['a'] })
    await sleep(40)
    expect(r.batches).toHaveLength(0)
    await queue.idle()
    expect(r.batches).toHaveLength(1)
  })

  it('starts immediate requests without the debounce', async () => {
    const r = recorder(5)
    const queue = new BuildQueue(r.job, { debounceMs: 10_000, maxWaitMs: 10_000 })
    queue.enqueue({ reason: 'startup', immediate: true })
    await sleep(30)
    expect(r.batches).toHaveLength(1)
    await queue.idle()
  })

  it('stop() waits for a running build within the grace period, or aborts it', async () => {
    const slow = recorder(200)
    const q1 = new BuildQueue(slow.job, { debounceMs: 0, maxWaitMs: 0 })
    q1.enqueue({ reason: 'manual', immediate: true })
    await sleep(20)
    q1.enqueue({ reason: 'webhook', ids: ['late'] })
    expect(await q1.stop(1_000)).toEqual({ outcome: 'finished', dropped: 1 })
    expect(slow.signals[0]?.aborted).toBe(false)
    expect(q1.enqueue({ reason: 'webhook' })).toBe(false)

    const slower = recorder(5_000)
    const q2 = new BuildQueue(slower.job, { debounceMs: 0, maxWaitMs: 0 })
    q2.enqueue({ reason: 'manual', immediate: true })
    await sleep(20)
    const started = Date.now()
    expect(await q2.stop(50)).toEqual({ outcome: 'cancelled', dropped: 0 })
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(slower.signals[0]?.aborted).toBe(true)

    const q3 = new BuildQueue(slow.job, { debounceMs: 0, maxWaitMs: 0 })
    expect(await q3.stop(0)).toEqual({ outcome: 'idle', dropped: 0 })
  })

  it('keeps going after a job throws', async () => {
    const errors: unknown[] = []
    let calls = 0
    const queue = new BuildQueue(
      async () => {
        calls += 1
        if (calls === 1) throw new Error('boom')
      },
      { debounceMs: 0, maxWaitMs: 0, onError: (error) => errors.push(error) },
    )
    queue.enqueue({ reason: 'manual' })
    await queue.idle()
    queue.enqueue({ reason: 'manual' })
    await queue.idle()
    expect(calls).toBe(2)
    expect(errors).toHaveLength(1)
  })
})

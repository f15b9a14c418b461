import { access, copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { compareTrees } from '../../bench/tree.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { openDatasetSource } from '../../scripts/build/incremental/dataset-source.ts'
import { renderSite } from '../../scripts/build/pipeline.ts'
import { generateDocuments } from '../../scripts/gen/dataset.ts'
import { editFields, editText } from '../../scripts/gen/edits.ts'
import {
  runBuildJob,
  runReadJob,
  runWorkerJob,
  type TreeResult,
  type WorkerJob,
} from '../../scripts/publish/build-job.ts'
import { BuildCancelledError, BuildFailedError, BuildWorker } from '../../scripts/publish/runner.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

const workerPath = fileURLToPath(new URL('./fixtures/echo-worker.ts', import.meta.url))
const job = (mode = 'build'): WorkerJob => ({
  source: { kind: 'dataset', dataset: 'content/data.ndjson' },
  dir: '/nonexistent',
  strict: false,
  changedIds: [],
  full: true,
  reasons: [mode],
})

let worker: BuildWorker | undefined
afterEach(() => worker?.close())

async function run(host: BuildWorker, mode?: string, signal = new AbortController().signal) {
  const steps: string[] = []
  const result = await host.run({
    job: job(mode),
    signal,
    timeoutMs: 10_000,
    killGraceMs: 200,
    onMessage: (message) => {
      if (message.type === 'step') steps.push(message.message)
    },
  })
  return { pid: Number(result.origin), steps }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('the build worker host', () => {
  it('keeps one process between builds and passes progress on', async () => {
    worker = new BuildWorker({ workerPath })
    const first = await run(worker)
    const second = await run(worker)
    expect(second.pid).toBe(first.pid)
    expect(second.steps).toEqual(['working'])
  })

  it('starts a fresh process after a failed build, and after a crash', async () => {
    worker = new BuildWorker({ workerPath })
    const before = (await run(worker)).pid
    await expect(run(worker, 'fail')).rejects.toThrow(BuildFailedError)
    const afterFailure = (await run(worker)).pid
    expect(afterFailure).not.toBe(before)
    await expect(run(worker, 'crash')).rejects.toThrow(/exited with code 3/)
    const afterCrash = (await run(worker)).pid
    expect(afterCrash).not.toBe(afterFailure)
  })

  it('adds no listeners to the process that outlive a build', async () => {
    worker = new BuildWorker({ workerPath })
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const pids = new Set<number>()
      for (let i = 0; i < 15; i++) pids.add((await run(worker)).pid)
      expect(pids.size).toBe(1)
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
  })

  it('replaces the process after maxBuilds builds', async () => {
    worker = new BuildWorker({ workerPath, maxBuilds: 2 })
    const pids = [(await run(worker)).pid, (await run(worker)).pid, (await run(worker)).pid]
    expect(pids[1]).toBe(pids[0])
    expect(pids[2]).not.toBe(pids[0])
  })

  it('replaces a process that answered a build above its resident-size ceiling', async () => {
    worker = new BuildWorker({ workerPath, maxRssMiB: 100 })
    const first = (await run(worker, 'rss:99')).pid
    expect((await run(worker, 'rss:100')).pid).toBe(first)
    expect(worker.hasProcess()).toBe(true)
    expect((await run(worker, 'rss:101')).pid).toBe(first)
    // It answered above the ceiling: let go, the next build starts a new one.
    expect(worker.hasProcess()).toBe(false)
    expect((await run(worker, 'rss:50')).pid).not.toBe(first)
    worker.close()
    worker = new BuildWorker({ workerPath, maxRssMiB: 0 })
    const kept = (await run(worker, 'rss:100000')).pid
    expect((await run(worker, 'rss:100000')).pid).toBe(kept)
  })

  it('counts builds only, not the small jobs between them, and says when no process is kept', async () => {
    worker = new BuildWorker({ workerPath, maxBuilds: 2 })
    expect(worker.hasProcess()).toBe(false)
    const first = (await run(worker)).pid
    expect(worker.hasProcess()).toBe(true)
    // The echo worker answers every job as a build, with its pid.
    const finish = await worker.run({
      job: { task: 'finish' },
      signal: new AbortController().signal,
      timeoutMs: 10_000,
    })
    expect(Number(finish.origin)).toBe(first)
    expect((await run(worker)).pid).toBe(first)
    // That was its second build: it is let go.
    expect(worker.hasProcess()).toBe(false)
    expect((await run(worker)).pid).not.toBe(first)
  })

  it('ends the process of a cancelled or timed-out build', async () => {
    worker = new BuildWorker({ workerPath })
    const pid = (await run(worker)).pid
    const controller = new AbortController()
    const hanging = run(worker, 'hang', controller.signal)
    setTimeout(() => controller.abort(), 100)
    await expect(hanging).rejects.toThrow(BuildCancelledError)
    expect(isAlive(pid)).toBe(false)
    await expect(
      worker.run({
        job: job('hang'),
        signal: new AbortController().signal,
        timeoutMs: 200,
        killGraceMs: 100,
      }),
    ).rejects.toThrow(/timed out/)
    expect((await run(worker)).pid).not.toBe(pid)
  })

  it('close() ends an idle process', async () => {
    worker = new BuildWorker({ workerPath })
    const { pid } = await run(worker)
    worker.close()
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(isAlive(pid)).toBe(false)
  })
})

describe('a build job in a process that stays up', () => {
  it('reuses the dataset it read last while the file is unchanged, with the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-job-'))
    const dataset = join(dir, 'data.ndjson')
    await copyFile('content/data.ndjson', dataset)
    const build = async (name: string) => {
      const steps: string[] = []
      const result = await runBuildJob(
        { ...job(), source: { kind: 'dataset', dataset }, dir: join(dir, name), cacheDir: false },
        (message) => {
          if (message.type === 'step') steps.push(message.message)
        },
      )
      return { result, steps }
    }
    const first = await build('one')
    const second = await build('two')
    expect(first.steps.some((step) => step.includes('reusing'))).toBe(false)
    expect(second.steps).toContain('dataset unchanged since the previous build; reusing it')
    expect(second.result.fingerprint).toEqual(first.result.fingerprint)
    expect(
      await compareTrees(join(dir, 'one'), join(dir, 'two'), ['_build/report.json', '_build/manifest.json']),
    ).toEqual([])
    // Built without an index, a release carries the previous one (the same files) until indexed.
    await runBuildJob(
      {
        ...job(),
        source: { kind: 'dataset', dataset },
        dir: join(dir, 'later'),
        cacheDir: false,
        search: 'later',
        previous: join(dir, 'one'),
      },
      () => {},
    )
    const entry = (name: string) => stat(join(dir, name, 'pagefind', 'pagefind-entry.json'))
    expect((await entry('later')).ino).toBe((await entry('one')).ino)
    // An edited file is read again.
    await writeFile(dataset, (await readFile(dataset, 'utf8')).replace('Partner Track', 'Partner Track!'))
    const third = await build('three')
    expect(third.steps.some((step) => step.includes('reusing'))).toBe(false)
    expect(third.result.fingerprint.contentHash).not.toBe(first.result.fingerprint.contentHash)
  }, 60_000)
})

describe('a read job ahead of a build', () => {
  it('gives the build the file it read while the file is unchanged, and reads a changed file again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-read-'))
    const dataset = join(dir, 'data.ndjson')
    await copyFile('content/data.ndjson', dataset)
    const source = { kind: 'dataset' as const, dataset }
    const cacheDir = join(dir, 'cache')
    const build = async (name: string, readAhead: boolean) => {
      const steps: string[] = []
      const result = await runBuildJob(
        { ...job(), source, dir: join(dir, name), cacheDir, search: 'later', readAhead },
        (message) => {
          if (message.type === 'step') steps.push(message.message)
        },
      )
      return { result, steps, html: await readFile(join(dir, name, 'index.html'), 'utf8') }
    }
    const AHEAD = 'dataset read ahead of the build and unchanged since; using it'
    const usedReadAhead = (steps: string[]) => steps.some((step) => step.startsWith(AHEAD))

    expect(await runReadJob({ task: 'read', source, cacheDir })).toEqual({ read: true })
    const first = await build('one', true)
    expect(usedReadAhead(first.steps)).toBe(true)

    // Read ahead, then replaced before the build (a newer edit): the build reads the new file.
    await runReadJob({ task: 'read', source, cacheDir })
    const edited = (await readFile(dataset, 'utf8')).replace('Partner Track', 'Partner Track Revisited')
    await writeFile(`${dataset}.next`, edited)
    await rename(`${dataset}.next`, dataset)
    const second = await build('two', true)
    expect(usedReadAhead(second.steps)).toBe(false)
    expect(second.result.fingerprint.contentHash).not.toBe(first.result.fingerprint.contentHash)
    expect(second.html).toContain('Partner Track Revisited')

    // A read the publisher does not vouch for (a request came after it) is not used as it is.
    await runReadJob({ task: 'read', source, cacheDir })
    const third = await build('three', false)
    expect(usedReadAhead(third.steps)).toBe(false)
    expect(third.result.fingerprint).toEqual(second.result.fingerprint)

    // Nothing to read ahead without a cache, or for the live source.
    expect(await runReadJob({ task: 'read', source, cacheDir: false })).toEqual({ read: false })
    expect(await runReadJob({ task: 'read', source: { kind: 'sanity', dataset: '' }, cacheDir })).toEqual({
      read: false,
    })
  }, 60_000)
})

describe('a build answered before its manifest is written', () => {
  it('writes it at the next job into the build wherever it was moved, and into no other directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-later-'))
    const dataset = join(dir, 'data.ndjson')
    await copyFile('content/data.ndjson', dataset)
    const source = { kind: 'dataset' as const, dataset }
    const cacheDir = join(dir, 'cache')
    const at = (name: string) => join(dir, name)
    const manifestIn = (name: string) => join(dir, name, '_build', 'manifest.json')
    const builtAt = async (name: string) =>
      (JSON.parse(await readFile(manifestIn(name), 'utf8')) as { builtAt: string }).builtAt
    const build = async (name: string, more: Partial<WorkerJob> = {}) => {
      const steps: string[] = []
      await runBuildJob(
        { ...job(), source, dir: at(name), cacheDir, search: 'later', ...more },
        (message) => {
          if (message.type === 'step') steps.push(message.message)
        },
      )
      return steps
    }
    const id = 'article-partner-track-season-2'
    // The article's own line, as an edit in Studio changes it.
    const edit = async (from: string, to: string) => {
      const lines = (await readFile(dataset, 'utf8')).split('\n')
      const line = lines.findIndex((text) => text.startsWith(`{"_id":"${id}"`))
      lines[line] = (lines[line] as string).replace(from, to)
      await writeFile(dataset, lines.join('\n'))
      return { changedIds: [id], full: false }
    }

    await build('one')
    await expect(access(manifestIn('one'))).rejects.toThrow()
    // The next job writes it first: a copy of the build made by that job holds it.
    const tree = {
      dir: at('tree'),
      ...((await runWorkerJob({ task: 'tree', from: at('one'), dir: at('tree') }, () => {})) as TreeResult),
    }
    expect(tree.files).toContain('_build/manifest.json')

    // Settled into that copy, the next build does not pass its manifest off as its own; moved where
    // the publisher publishes it, it gets its own there.
    const steps = await build('two', {
      previous: at('one'),
      tree,
      release: at('two-published'),
      ...(await edit('Is the Latest', 'Is This Latest')),
    })
    expect(steps.some((step) => step.startsWith('incremental render'))).toBe(true)
    await expect(access(manifestIn('two'))).rejects.toThrow()
    await rename(at('two'), at('two-published'))
    const next = await build('three', {
      previous: at('two-published'),
      release: at('three-published'),
      ...(await edit('Is This Latest', 'Is the Latest')),
    })
    expect(next.some((step) => step.startsWith('incremental render'))).toBe(true)
    expect(await builtAt('two-published')).not.toBe(await builtAt('one'))
    await expect(access(at('two'))).rejects.toThrow()

    // A build that was dropped keeps no manifest, and another directory where it would have gone gets none.
    await rm(at('three'), { recursive: true })
    await mkdir(join(at('three-published'), '_build'), { recursive: true })
    await runWorkerJob({ task: 'tree', from: at('one'), dir: at('tree-two') }, () => {})
    await expect(access(manifestIn('three-published'))).rejects.toThrow()
    await expect(access(at('three'))).rejects.toThrow()
  }, 120_000)
})

describe('builds one after another in a process that stays up', () => {
  it('keep site data made from unchanged documents, and publish what a fresh build publishes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-kept-'))
    const dataset = join(dir, 'data.ndjson')
    let docs = [...generateDocuments({ articles: 20, seed: 'kept' })]
    const save = () => writeFile(dataset, `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
    const source = { kind: 'dataset' as const, dataset }
    const cacheDir = join(dir, 'cache')
    let previous: string | undefined
    const build = async (name: string, changedIds: string[]) => {
      const steps: string[] = []
      await runBuildJob(
        { ...job(), source, dir: join(dir, name), cacheDir, changedIds, ...(previous ? { previous } : {}) },
        (message) => {
          if (message.type === 'step') steps.push(message.message)
        },
      )
      previous = join(dir, name)
      const fresh = join(dir, `${name}-fresh`)
      const opened = await openDatasetSource(dataset, false)
      await renderSite({ source: opened, origin: dataset, site: siteConfigFromEnv(), cacheDir: false }, fresh)
      expect(await compareTrees(fresh, previous, ['_build/report.json', '_build/manifest.json'])).toEqual([])
      return steps
    }
    const edit = async (id: string, change: (doc: SanityDocument) => SanityDocument) => {
      docs = docs.map((doc) => (doc._id === id ? change(doc) : doc))
      await save()
      return [id]
    }
    const ofType = (type: string) => docs.find((doc) => doc._type === type) as SanityDocument

    await save()
    await build('start', [])
    const steps = await build('text', await edit(ofType('article')._id, (d) => editText(d, 'Kept or not.')))
    expect(steps.find((step) => step.startsWith('site data:'))).toMatch(/^site data: \d+ object\(s\) kept/)
    await build('author', await edit(ofType('author')._id, (d) => editFields(d, { name: 'A. New Name' })))
    await build('person', await edit(ofType('person')._id, (d) => editFields(d, { name: 'P. New Name' })))
    await build('show', await edit(ofType('show')._id, (d) => editFields(d, { title: 'A New Title' })))
  }, 120_000)
})

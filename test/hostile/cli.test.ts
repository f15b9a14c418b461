/*
 * The build CLI (`scripts/build.ts`, run as a child process) against the hostile fixtures: exit codes,
 * the messages naming file, line and document, and the output directory left exactly as it was
 * whenever a build fails.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MAX_LINE_BYTES } from '../../scripts/source/ndjson.ts'
import type { BuildReport } from '../../scripts/validate/report.ts'
import { HOSTILE_DATASET, hostileFixture, LOADER_FIXTURES } from './write-fixture.ts'

const run = promisify(execFile)

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

async function build(args: string[]): Promise<Outcome> {
  try {
    // No rich-text cache: each run renders everything and shares nothing with other tests.
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', ...args], {
      env: { ...process.env, SITE_URL: 'https://reel.example', REEL_CACHE_DIR: 'off' },
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

/** A folder holding a previous site (`site/`), to check a failed build leaves it exactly as it was. */
async function previousSite(): Promise<{ parent: string; out: string; snapshot: () => Promise<string> }> {
  const parent = await mkdtemp(join(tmpdir(), 'reel-cli-hostile-'))
  const out = join(parent, 'site')
  await mkdir(join(out, 'shows', 'kept'), { recursive: true })
  await writeFile(join(out, 'index.html'), '<!doctype html><title>previous build</title>')
  await writeFile(join(out, 'shows', 'kept', 'index.html'), 'kept page')
  const snapshot = async () => {
    const entries = await readdir(parent, { recursive: true })
    const lines: string[] = []
    for (const entry of entries.sort()) {
      const info = await stat(join(parent, entry))
      const content = info.isFile() ? await readFile(join(parent, entry), 'utf8') : '(dir)'
      lines.push(`${entry} ${info.mtimeMs} ${content}`)
    }
    return lines.join('\n')
  }
  return { parent, out, snapshot }
}

const cleanup: string[] = []
afterAll(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })))
})

let hugeLine: string
beforeAll(async () => {
  // A 1 GiB line without allocating or writing 1 GiB: a sparse file (one valid line, then the start
  // of a document and nothing but unwritten bytes, never a newline).
  const dir = await mkdtemp(join(tmpdir(), 'reel-huge-line-'))
  cleanup.push(dir)
  hugeLine = join(dir, 'huge-line.ndjson')
  const handle = await open(hugeLine, 'w')
  await handle.write('{"_id":"show-a","_type":"show"}\n{"_id":"show-huge","_type":"show","title":"')
  await handle.truncate(1024 ** 3)
  await handle.close()
})

const loaderFailures: Array<[name: string, dataset: () => string, message: (file: string) => string]> = [
  ['empty file', () => hostileFixture('empty.ndjson'), (f) => `${f}: dataset is empty: no documents found`],
  [
    'blank lines only',
    () => hostileFixture('blank.ndjson'),
    (f) => `${f}: dataset is empty: no documents found`,
  ],
  [
    'malformed JSON line',
    () => hostileFixture('malformed.ndjson'),
    (f) => `${f}:3 (document show-broken): malformed JSON (Unterminated string in JSON at position 57`,
  ],
  [
    'a line that is not an object',
    () => hostileFixture('not-an-object.ndjson'),
    (f) => `${f}:2: expected one JSON object per line`,
  ],
  [
    'a document without _id',
    () => hostileFixture('no-id.ndjson'),
    (f) => `${f}:2: document has no string _id`,
  ],
  [
    'a repeated _id',
    () => hostileFixture('duplicate-id.ndjson'),
    (f) => `${f}:3 (document show-a): duplicate _id, first seen on line 1`,
  ],
  [
    'a 1 GiB line',
    () => hugeLine,
    (f) => `${f}:2: line is longer than ${DEFAULT_MAX_LINE_BYTES} bytes; refusing to load it`,
  ],
  [
    'a truncated .tar.gz',
    () => hostileFixture('truncated.tar.gz'),
    (f) =>
      `${f}: cannot read archive while reading data.ndjson line 197: unexpected end of file (truncated or not a .tar.gz?)`,
  ],
  [
    'a .tar.gz that is not gzip',
    () => hostileFixture('not-gzip.tar.gz'),
    (f) => `${f}: cannot read archive: incorrect header check (truncated or not a .tar.gz?)`,
  ],
  [
    'an archive without data.ndjson',
    () => hostileFixture('no-data.tar.gz'),
    (f) => `${f}: archive has no data.ndjson (is it a \`sanity dataset export\` file?)`,
  ],
  ['a missing file', () => '/nonexistent/reel/data.ndjson', () => 'ENOENT: no such file or directory'],
  [
    'two shows with the same slug',
    () => hostileFixture('duplicate-slug.ndjson'),
    (f) =>
      `${f} (document show-twin-2): show slug "twin-peaks" is used by both show-twin-1 and show-twin-2 (as "Twin Peaks")`,
  ],
]

// Each case runs its own child process and folders: they run side by side.
describe.concurrent('build CLI on broken input', () => {
  it('has a committed fixture for each loader case', async ({ expect }) => {
    for (const [name, content] of Object.entries(LOADER_FIXTURES)) {
      expect(await readFile(hostileFixture(name), 'utf8'), name).toBe(content)
    }
  })

  it.for(loaderFailures)(
    '%s: exit 1, a message naming file and line, output unchanged',
    async ([, dataset, message], { expect }) => {
      const site = await previousSite()
      cleanup.push(site.parent)
      const before = await site.snapshot()
      const file = dataset()
      const result = await build(['--dataset', file, '--out', site.out, '--quiet'])
      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain(`Build failed: ${message(file)}`)
      expect(result.stderr).toContain(`The existing ${site.out}/ was left unchanged.`)
      expect(await site.snapshot()).toBe(before)
    },
  )

  it('reports a build that had nothing to replace', async ({ expect }) => {
    const parent = await mkdtemp(join(tmpdir(), 'reel-cli-hostile-'))
    cleanup.push(parent)
    const result = await build(['--dataset', hostileFixture('empty.ndjson'), '--out', join(parent, 'site')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Nothing was written to ${join(parent, 'site')}/.`)
    expect(await readdir(parent)).toEqual([])
  })

  it.for([
    [['--bogus'], "Build failed: Unknown option '--bogus'"],
    [['--source', 'nope'], 'Build failed: --source must be "dataset" or "sanity", not "nope"'],
  ] as const)('invalid command line %j: exit 2 with usage', async ([args, message], { expect }) => {
    const result = await build([...args])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('usage: npm run build --')
  })
})

describe('build CLI on the hostile dataset', () => {
  let report: BuildReport
  let summary: RegExpExecArray | null
  let success: Outcome
  let parent: string

  beforeAll(async () => {
    const site = await previousSite()
    parent = site.parent
    cleanup.push(parent)
    success = await build(['--dataset', HOSTILE_DATASET, '--out', site.out, '--quiet'])
    report = JSON.parse(await readFile(join(site.out, '_build', 'report.json'), 'utf8')) as BuildReport
    summary =
      /^Built (\d+) pages into (.+) in ([\d.]+)s with (\d+) warning\(s\), (\d+) skipped document\(s\)$/.exec(
        success.stdout.trim(),
      )
  }, 60_000)

  it('builds (exit 0) and counts warnings and skipped documents on the summary line', () => {
    expect(success.code, success.stderr).toBe(0)
    expect(success.stdout.trim().split('\n')).toHaveLength(1)
    expect(summary).not.toBeNull()
    expect(Number(summary?.[4])).toBe(report.counts.warnings)
    expect(Number(summary?.[5])).toBe(report.counts.skipped)
    expect(report.counts.skipped).toBeGreaterThan(10)
  })

  it('replaces the previous site and leaves no staging folder behind', async () => {
    expect(await readdir(parent)).toEqual(['site'])
    await expect(stat(join(parent, 'site', 'shows', 'kept'))).rejects.toThrow(/ENOENT/)
  })

  it('--strict: exit 1, the counts and the warnings on stderr, output unchanged', async () => {
    const site = await previousSite()
    cleanup.push(site.parent)
    const before = await site.snapshot()
    const strict = await build(['--dataset', HOSTILE_DATASET, '--out', site.out, '--quiet', '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toBe('')
    expect(strict.stderr).toContain(
      `Build failed: ${report.counts.warnings} warning(s), ${report.counts.skipped} skipped document(s) in strict mode; nothing was published`,
    )
    expect(strict.stderr).toContain('  - article article-hx-no-title')
    expect(strict.stderr).toContain(`  … and ${report.counts.warnings - 50} more`)
    expect(await site.snapshot()).toBe(before)
  })
})

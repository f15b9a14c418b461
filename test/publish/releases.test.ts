import { execFile } from 'node:child_process'
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import {
  isReleaseId,
  newReleaseId,
  type ReleaseMeta,
  Releases,
  ReleaseValidationError,
  validateRelease,
} from '../../scripts/publish/releases.ts'

const run = promisify(execFile)

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function setup(keep = 3) {
  const dir = await mkdtemp(join(tmpdir(), 'reel-releases-'))
  dirs.push(dir)
  const releases = new Releases({ link: join(dir, '_site'), keep })
  await releases.init()
  return { dir, releases }
}

// Releases made by the tests are dated after "now", so an imported release (dated now) is older.
let tick = Date.now() + 3_600_000
async function addRelease(releases: Releases, label: string, pages = 3): Promise<string> {
  tick += 1_000
  const id = newReleaseId(new Date(tick))
  const staging = releases.stagingDir(id)
  await mkdir(staging, { recursive: true })
  await writeFile(join(staging, 'index.html'), `<h1>${label}</h1>`)
  for (let i = 1; i < pages; i++) await writeFile(join(staging, `p${i}.html`), 'x')
  const meta: ReleaseMeta = {
    id,
    createdAt: new Date(tick).toISOString(),
    reasons: ['webhook'],
    changedIds: [],
    full: true,
    pages,
    warnings: [],
    durationMs: 1,
    fingerprint: null,
    nextScheduledAt: null,
    origin: 'test',
  }
  await releases.commit(staging, meta)
  return id
}

describe('Releases', () => {
  it('makes sortable ids', () => {
    const id = newReleaseId(new Date('2026-11-30T09:08:07.006Z'))
    expect(id).toMatch(/^20261130T090807006Z-[0-9a-f]{4}$/)
    expect(isReleaseId(id)).toBe(true)
    expect(isReleaseId('../etc')).toBe(false)
  })

  it('swaps the published symlink atomically and rolls back to the previous release', async () => {
    const { dir, releases } = await setup()
    const a = await addRelease(releases, 'A')
    const b = await addRelease(releases, 'B')
    expect(await releases.activate(a)).toEqual({ previous: null, imported: null })
    expect(await releases.activate(b)).toEqual({ previous: a, imported: null })
    expect(await readlink(join(dir, '_site'))).toBe(join('.builds', b))
    expect(await readFile(join(dir, '_site', 'index.html'), 'utf8')).toBe('<h1>B</h1>')
    expect(await releases.current()).toMatchObject({ kind: 'release', id: b })

    expect(await releases.rollback()).toEqual({ from: b, to: a })
    expect(await readFile(join(dir, '_site', 'index.html'), 'utf8')).toBe('<h1>A</h1>')
    await expect(releases.rollback()).rejects.toThrow(/no release older/)
    expect(await releases.rollback(b)).toEqual({ from: a, to: b })
    await expect(releases.rollback('20990101T000000000Z-ffff')).rejects.toThrow(/no release/)
    expect((await readdir(dir)).filter((name) => name.includes('.swap-'))).toEqual([])
  })

  it('keeps the newest N releases and always the current one', async () => {
    const { releases } = await setup(2)
    const ids = [] as string[]
    for (const label of ['1', '2', '3', '4']) ids.push(await addRelease(releases, label))
    await releases.activate(ids[0] as string) // rolled back to the oldest
    expect(await releases.prune()).toEqual([ids[1]])
    expect((await releases.list()).map((r) => r.id)).toEqual([ids[0], ids[2], ids[3]])
    expect((await readdir(releases.root)).filter((name) => name.endsWith('.json'))).toHaveLength(3)
    // Nothing of a removed release is left, not even the directory it was moved aside to.
    expect((await readdir(releases.root)).sort()).toEqual(
      [ids[0], ids[2], ids[3]].flatMap((id) => [id, `${id}.json`]).sort(),
    )
  })

  it('stops listing a release as soon as its removal starts', async () => {
    const { releases } = await setup(5)
    const old = await addRelease(releases, 'old', 200)
    const live = await addRelease(releases, 'live')
    await releases.activate(live)
    let done = false
    const removing = releases.remove(old).finally(() => {
      done = true
    })
    // Whenever it is looked at, the release is either whole or not listed (a rollback never finds
    // one half deleted).
    const seen = new Set<string>()
    while (!done) {
      for (const release of await releases.list()) {
        // Gone since it was listed: moved aside meanwhile.
        const files = await readdir(release.dir).catch(() => undefined)
        if (files) seen.add(release.id === old ? `old:${files.length}` : release.id)
      }
    }
    await removing
    expect([...seen].filter((entry) => entry.startsWith('old:') && entry !== 'old:200')).toEqual([])
    expect((await releases.list()).map((r) => r.id)).toEqual([live])
    expect(await readdir(releases.root)).toEqual([live, `${live}.json`].sort())
    await expect(releases.remove(live)).rejects.toThrow(/is live/)
  })

  it('moves a plain _site directory from `npm run build` into an imported release', async () => {
    const { dir, releases } = await setup()
    await mkdir(join(dir, '_site', 'shows'), { recursive: true })
    await writeFile(join(dir, '_site', 'index.html'), 'plain build')
    await writeFile(join(dir, '_site', 'shows', 'index.html'), 'shows')
    expect(await releases.current()).toMatchObject({ kind: 'directory' })

    const fresh = await addRelease(releases, 'fresh')
    const { previous, imported } = await releases.activate(fresh)
    expect(imported).toBeTruthy()
    expect(previous).toBe(imported)
    expect((await lstat(join(dir, '_site'))).isSymbolicLink()).toBe(true)
    const meta = await releases.readMeta(imported as string)
    expect(meta).toMatchObject({ imported: true, pages: 2, fingerprint: null })
    expect(await releases.rollback()).toEqual({ from: fresh, to: imported })
    expect(await readFile(join(dir, '_site', 'index.html'), 'utf8')).toBe('plain build')
  })

  it('cleans up staging directories, copies for a next build, releases half deleted and swap links left by a crash', async () => {
    const { dir, releases } = await setup()
    await mkdir(join(releases.root, '.staging-20261130T000000000Z-0000'), { recursive: true })
    await mkdir(releases.treeDir('20261130T000000000Z-0000'), { recursive: true })
    await mkdir(join(releases.root, '.trash-20261130T000000000Z-0000-beef', 'shows'), { recursive: true })
    await writeFile(join(dir, '._site.swap-dead'), '')
    expect(await releases.init()).toHaveLength(4)
    expect(await readdir(releases.root)).toEqual([])
  })

  it('refuses a releases directory inside the published path', () => {
    expect(() => new Releases({ link: '/tmp/x/_site', root: '/tmp/x/_site/.builds' })).toThrow(/inside/)
  })
})

describe('validateRelease', () => {
  it('requires a home page and a sane page count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-validate-'))
    dirs.push(dir)
    await expect(validateRelease(dir, null, 0.5)).rejects.toThrow(ReleaseValidationError)
    await writeFile(join(dir, 'index.html'), 'home')
    await expect(validateRelease(dir, null, 0.5)).rejects.toThrow(/only 1 page/)
    for (let i = 0; i < 5; i++) await writeFile(join(dir, `p${i}.html`), 'x')
    expect(await validateRelease(dir, null, 0.5)).toBe(6)
    await expect(validateRelease(dir, 20, 0.5)).rejects.toThrow(/6 pages where the current site has 20/)
    expect(await validateRelease(dir, 20, 0)).toBe(6)
    expect(await validateRelease(dir, 8, 0.5)).toBe(6)
  })
})

describe('npm run rollback', () => {
  it('lists releases and rolls the published path back', async () => {
    const { dir, releases } = await setup()
    const a = await addRelease(releases, 'A')
    const b = await addRelease(releases, 'B')
    await releases.activate(b)
    const out = join(dir, '_site')
    const list = await run(process.execPath, ['scripts/rollback.ts', '--out', out, '--list'])
    expect(list.stdout).toContain(`* ${b}`)
    expect(list.stdout).toContain(`  ${a}  3 pages`)
    const rolled = await run(process.execPath, ['scripts/rollback.ts', '--out', out])
    expect(rolled.stdout.trim()).toBe(`Rolled back ${out}: ${b} → ${a}`)
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<h1>A</h1>')
    const failed = await run(process.execPath, ['scripts/rollback.ts', '--out', out]).catch((error) => error)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/no release older/)
  })
})

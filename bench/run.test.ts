import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

/**
 * The benchmark end to end on a tiny dataset (plain Eleventy's baselines, not Hugo's): every measured
 * step runs, the incremental result is checked against a full build, and the last line is the JSON
 * summary.
 */
describe('npm run bench', () => {
  let work: string | undefined
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('measures every step and ends with the JSON summary', async () => {
    work = await mkdtemp(join(tmpdir(), 'reel-bench-'))
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bench/run.ts', '--articles', '12', '--no-hugo', '--verify', '--dir', work],
      { cwd: ROOT, maxBuffer: 16 << 20 },
    )
    const summary = JSON.parse(stdout.trimEnd().split('\n').at(-1) as string) as Record<string, unknown>
    expect(summary).toMatchObject({ articles: 12, hugoSeconds: null })
    expect(summary.pages).toBeGreaterThan(12)
    for (const key of [
      'fullSeconds',
      'warmSeconds',
      'incrementalArticleSeconds',
      'incrementalPersonSeconds',
      'webhookToLiveSeconds',
      'webhookPersonToLiveSeconds',
      'webhookInARowSeconds',
      'peakRssMiB',
      'eleventyMarkdownSeconds',
      'eleventyHtmlSeconds',
    ])
      expect(summary[key], key).toBeGreaterThan(0)
    expect(stdout).toMatch(/\| publisher: webhook → live, one person renamed +\|/)
    expect(stdout).toMatch(/\| publisher: webhook → live, article edits in a row +\|/)
    expect(stdout).toMatch(/\| plain Eleventy 3, pre-rendered HTML +\| 12 +\|/)
  }, 300_000)
})

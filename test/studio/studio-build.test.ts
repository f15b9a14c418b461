/** `sanity build` produces a static Studio (offline; no Sanity project needed). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSanity, studioDir } from './helpers.ts'

const out = mkdtempSync(path.join(os.tmpdir(), 'reel-studio-build-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('sanity build', () => {
  it('builds the Studio into a static bundle', () => {
    const run = runSanity(['build', out, '--yes', '--no-auto-updates'], studioDir)
    expect(run.status, run.output).toBe(0)
    expect(existsSync(path.join(out, 'index.html'))).toBe(true)
    const html = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(html).toContain('<div id="sanity"')
    const assets = readdirSync(path.join(out, 'static'))
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true)
    console.info(`sanity build took ${(run.ms / 1000).toFixed(1)} s`)
  }, 300_000)
})

import { execFile } from 'node:child_process'
import { lstat, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { ARTICLE_ID, ARTICLE_PATH, page, setField, startReady, status, workspace } from './helpers.ts'

const run = promisify(execFile)

it('takes over a plain _site from `npm run build`, and `npm run rollback` switches the live site at once', async () => {
  const ws = await workspace()
  await setField(ws.dataset, ARTICLE_ID, 'title', 'Built By The CLI')
  await run(process.execPath, ['scripts/build.ts', '--dataset', ws.dataset, '--out', ws.out, '--quiet'])
  const plainHome = await readFile(join(ws.out, 'index.html'))
  expect((await lstat(ws.out)).isDirectory()).toBe(true)

  await setField(ws.dataset, ARTICLE_ID, 'title', 'Built By The Publisher')
  const publisher = await startReady(ws, { reconcileIntervalMs: 300 })
  try {
    const { url } = publisher
    expect((await lstat(ws.out)).isSymbolicLink()).toBe(true)
    let s = await status(url)
    expect(s.releases).toHaveLength(2) // the imported directory, then the startup build
    expect(s.counters.builds.started).toBe(1)
    expect((await page(url, ARTICLE_PATH)).text).toContain('Built By The Publisher')

    const rolled = await run(process.execPath, ['scripts/rollback.ts', '--out', ws.out])
    expect(rolled.stdout).toContain(`→ ${s.releases[0]}`)
    const home = Buffer.from(await (await fetch(`${url}/`)).arrayBuffer())
    expect(home.equals(plainHome)).toBe(true)
    expect((await page(url, ARTICLE_PATH)).text).toContain('Built By The CLI')

    // Reconciliation compares with the last build, not the live release: a rollback sticks.
    await new Promise((resolve) => setTimeout(resolve, 800))
    s = await status(url)
    expect(s.counters.builds.started).toBe(1)
    expect(s.current).toMatchObject({ id: s.releases[0], imported: true })
  } finally {
    await publisher.stop()
  }
})

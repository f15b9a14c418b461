import { type ChildProcess, spawn } from 'node:child_process'
import { lstat, readdir } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { expect, it } from 'vitest'
import { type Workspace, workspace } from './helpers.ts'

interface LogLine {
  event: string
  [field: string]: unknown
}

/** Runs `npm start` (scripts/start.ts) and collects its JSON log lines. */
function start(args: string[]) {
  const child = spawn(process.execPath, ['scripts/start.ts', ...args], {
    env: { ...process.env, SANITY_WEBHOOK_SECRET: 'secret', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: LogLine[] = []
  const waiters: Array<{ event: string; resolve: (line: LogLine) => void }> = []
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine
    lines.push(line)
    for (const waiter of waiters.filter((w) => w.event === line.event)) waiter.resolve(line)
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const next = (event: string) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = lines.find((line) => line.event === event)
      if (seen) return resolve(seen)
      waiters.push({ event, resolve })
      void exited.then(() => reject(new Error(`exited before ${event}; stderr: ${stderr}`)))
    })
  return { child, lines, next, exited, stderr: () => stderr }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** `npm start` on the workspace with no reconciliation and the given shutdown grace period. */
function startWithGrace(ws: Workspace, grace: string) {
  const args = ['--dataset', ws.dataset, '--out', ws.out, '--port', '0', '--reconcile-interval', '0']
  return start([...args, '--shutdown-grace', grace])
}

async function stopped(child: ChildProcess, exited: Promise<{ code: number | null }>) {
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  const result = await exited
  clearTimeout(timer)
  return result
}

it('SIGTERM during a build cancels it and exits cleanly, leaving no worker or staging behind', async () => {
  const ws = await workspace()
  const run = startWithGrace(ws, '0')
  const worker = await run.next('build.worker')
  run.child.kill('SIGTERM')
  const { code } = await stopped(run.child, run.exited)

  expect(code, run.stderr()).toBe(0)
  const events = run.lines.map((line) => line.event)
  expect(events).toContain('build.cancelled')
  expect(events).not.toContain('build.done')
  expect(run.lines.find((line) => line.event === 'shutdown.done')).toMatchObject({ build: 'cancelled' })
  expect(alive(worker.pid as number)).toBe(false)
  expect(await readdir(ws.releases)).toEqual([])
  await expect(lstat(ws.out)).rejects.toThrow()
})

it('SIGTERM with a grace period lets the running build finish and publish, then exits cleanly', async () => {
  const ws = await workspace()
  const run = startWithGrace(ws, '30s')
  await run.next('build.worker')
  run.child.kill('SIGTERM')
  const { code } = await stopped(run.child, run.exited)

  expect(code, run.stderr()).toBe(0)
  expect(run.lines.map((line) => line.event)).toContain('build.done')
  expect(run.lines.find((line) => line.event === 'shutdown.done')).toMatchObject({ build: 'finished' })
  expect((await lstat(ws.out)).isSymbolicLink()).toBe(true)

  // Structured logs: one JSON object per line, each with t, level and event.
  for (const line of run.lines) {
    expect(line).toMatchObject({
      t: expect.any(String),
      level: expect.stringMatching(/^(debug|info|warn|error)$/),
    })
  }
  const listening = run.lines.find((line) => line.event === 'server.listening')
  expect(listening?.url).toMatch(/^http:\/\/localhost:\d+$/)
})

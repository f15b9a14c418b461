import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Measured {
  seconds: number
  /** Peak resident set size of the command (the largest process it ran), in MiB. */
  peakRssMiB: number | null
  stdout: string
  stderr: string
}

const GNU_TIME = '/usr/bin/time'

/**
 * Runs a command to completion and measures its wall time and peak RSS. Peak RSS comes from GNU
 * `time` when installed (the kernel's max RSS of the child), else from polling `/proc/<pid>/status`
 * (`VmHWM`) every 20 ms.
 *
 * @param command executable
 * @param args arguments
 * @param options working directory and extra environment
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measured> {
  const useTime = existsSync(GNU_TIME)
  const dir = useTime ? await mkdtemp(join(tmpdir(), 'reel-time-')) : undefined
  const timeFile = dir ? join(dir, 'time.txt') : undefined
  const [file, argv] = timeFile
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, [...args]]
  const started = performance.now()
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  let polledKiB = 0
  const poll =
    timeFile === undefined && child.pid !== undefined
      ? setInterval(() => {
          polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid as number))
        }, 20)
      : undefined
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (exitCode) => resolve(exitCode))
  })
  const seconds = (performance.now() - started) / 1000
  if (poll) clearInterval(poll)
  let peakKiB = polledKiB
  if (timeFile && dir) {
    const text = await readFile(timeFile, 'utf8').catch(() => '')
    const match = /(\d+)\s*$/.exec(text.trim())
    if (match) peakKiB = Number(match[1])
    await rm(dir, { recursive: true, force: true })
  }
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}`)
  }
  return { seconds, peakRssMiB: peakKiB > 0 ? peakKiB / 1024 : null, stdout, stderr }
}

function vmHwmKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** True when `command` runs (e.g. `hugo version`). */
export async function available(command: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' })
    child.once('error', () => resolve(false))
    child.once('close', (code) => resolve(code === 0))
  })
}

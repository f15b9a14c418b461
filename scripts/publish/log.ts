/**
 * Structured logs: one JSON object per line on stdout, e.g.
 * `{"t":"2026-11-30T09:00:00.000Z","level":"info","event":"build.done","id":"…","pages":21}`.
 * Events are dotted names (`webhook.accepted`, `build.failed`); fields are flat and JSON-safe.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface LoggerOptions {
  /** Lowest level written; `silent` writes nothing. Default `info`. */
  level?: LogLevel | 'silent'
  stream?: { write(line: string): unknown }
  clock?: () => Date
}

export function createLogger(options: LoggerOptions = {}, base: LogFields = {}): Logger {
  const level = options.level ?? 'info'
  const min = level === 'silent' ? Number.POSITIVE_INFINITY : RANK[level]
  const stream = options.stream ?? process.stdout
  const clock = options.clock ?? (() => new Date())

  const write = (lineLevel: LogLevel, event: string, fields: LogFields | undefined) => {
    if (RANK[lineLevel] < min) return
    const record: LogFields = { t: clock().toISOString(), level: lineLevel, event, ...base }
    for (const [key, value] of Object.entries(fields ?? {})) {
      if (value !== undefined) record[key] = serializable(value)
    }
    stream.write(`${safeStringify(record)}\n`)
  }

  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  }
}

export const silentLogger: Logger = createLogger({ level: 'silent' })

/** Parses `LOG_LEVEL`; unknown values fall back to `info`. */
export function parseLogLevel(value: string | undefined): LogLevel | 'silent' {
  const v = value?.trim().toLowerCase()
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' || v === 'silent' ? v : 'info'
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function serializable(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Set) return [...value]
  return value
}

function safeStringify(record: LogFields): string {
  try {
    return JSON.stringify(record)
  } catch {
    return JSON.stringify({
      t: record.t,
      level: record.level,
      event: record.event,
      note: 'unserializable fields',
    })
  }
}

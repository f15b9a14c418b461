import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { SourceKind } from '../source/open.ts'
import { parseBoolean, parseDuration } from './env.ts'
import type { LogLevel } from './log.ts'
import { parseLogLevel } from './log.ts'
import type { PublisherOptions } from './publisher.ts'

/*
 * `npm start` options: flags win over environment variables, which win over defaults.
 * Durations take a unit (`500ms`, `30s`, `10m`, `1h`); a bare number uses the unit named per option.
 */

export const USAGE = `Usage: npm start -- [options]

Builds the site if needed, serves it, and rebuilds on Sanity webhooks (POST /api/sanity-webhook).

  --dataset <file>             dataset (.ndjson or export .tar.gz), default content/data.ndjson
  --source dataset|sanity      content source, default dataset
  --out <path>                 published path, a symlink to the current release (default _site)
  --releases <dir>             where releases are kept (default .builds beside --out)
  --keep <n>                   releases kept for rollback (PUBLISH_KEEP, default 5)
  --port <n>                   (PORT, default 8080)
  --host <address>             (HOST, default all interfaces; 127.0.0.1 with --insecure-no-signature)
  --debounce <duration>        quiet period before a build (PUBLISH_DEBOUNCE, default 250ms; bare number = ms)
  --debounce-edge <edge>       leading: a webhook after a quiet spell builds at once, those that follow
                               wait for the quiet period; trailing: every build waits for it
                               (PUBLISH_DEBOUNCE_EDGE, default leading)
  --max-wait <duration>        longest wait while webhooks keep coming (PUBLISH_MAX_WAIT, default 10s)
  --reconcile-interval <dur>   check the source for missed changes (RECONCILE_INTERVAL, default 10m;
                               bare number = minutes; 0 = off)
  --replay-window <duration>   accepted signature age (SANITY_WEBHOOK_REPLAY_WINDOW, default 5m; bare number = s)
  --max-body <bytes>           webhook body limit (SANITY_WEBHOOK_MAX_BYTES, default 102400)
  --min-page-ratio <0..1>      refuse a build with fewer pages than this share of the live site's
                               (PUBLISH_MIN_PAGE_RATIO, default 0.5; 0 = off)
  --shutdown-grace <duration>  on SIGTERM, let a running build finish this long, then cancel it
                               (PUBLISH_SHUTDOWN_GRACE, default 5s)
  --worker-max-rss <MiB>       replace the resident build worker after a build that left it larger
                               (PUBLISH_WORKER_MAX_RSS, default 2048; 0 = never)
  --strict                     content warnings fail the build
  --quiet                      log warnings and errors only (or LOG_LEVEL=debug|info|warn|error|silent)
  --insecure-no-signature      accept UNSIGNED webhooks (local experiments only)

Environment: SANITY_WEBHOOK_SECRET (the webhook's secret; without it the endpoint answers 503),
SANITY_WEBHOOK_ENABLED=false (kill switch: 503, no builds from webhooks), SITE_URL.
`

export interface StartConfig {
  options: Omit<PublisherOptions, 'logger'>
  logLevel: LogLevel | 'silent'
  help: boolean
}

export function parseStartConfig(argv: string[], env: NodeJS.ProcessEnv): StartConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: 'string' },
      source: { type: 'string' },
      out: { type: 'string' },
      releases: { type: 'string' },
      keep: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      debounce: { type: 'string' },
      'debounce-edge': { type: 'string' },
      'max-wait': { type: 'string' },
      'reconcile-interval': { type: 'string' },
      'replay-window': { type: 'string' },
      'max-body': { type: 'string' },
      'min-page-ratio': { type: 'string' },
      'shutdown-grace': { type: 'string' },
      'worker-max-rss': { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'insecure-no-signature': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name]?.trim() || undefined)
  const insecure = values['insecure-no-signature']
  const kind = parseSourceKind(values.source ?? 'dataset')
  const host = pick(values.host, 'HOST') ?? (insecure ? '127.0.0.1' : undefined)

  const options: StartConfig['options'] = {
    source: { kind, dataset: resolve(values.dataset ?? 'content/data.ndjson') },
    out: resolve(values.out ?? '_site'),
    keep: parseInteger(pick(values.keep, 'PUBLISH_KEEP') ?? '5', 'keep', 1),
    port: parseInteger(pick(values.port, 'PORT') ?? '8080', 'port', 0, 65535),
    webhook: {
      secret: env.SANITY_WEBHOOK_SECRET?.trim() || undefined,
      enabled: parseBoolean(env.SANITY_WEBHOOK_ENABLED, 'SANITY_WEBHOOK_ENABLED', true),
      insecure,
      windowMs: parseDuration(
        pick(values['replay-window'], 'SANITY_WEBHOOK_REPLAY_WINDOW') ?? '5m',
        's',
        'replay-window',
      ),
      maxBodyBytes: parseInteger(
        pick(values['max-body'], 'SANITY_WEBHOOK_MAX_BYTES') ?? '102400',
        'max-body',
        1,
      ),
    },
    debounceMs: parseDuration(pick(values.debounce, 'PUBLISH_DEBOUNCE') ?? '250ms', 'ms', 'debounce'),
    debounceEdge: parseDebounceEdge(pick(values['debounce-edge'], 'PUBLISH_DEBOUNCE_EDGE') ?? 'leading'),
    maxWaitMs: parseDuration(pick(values['max-wait'], 'PUBLISH_MAX_WAIT') ?? '10s', 'ms', 'max-wait'),
    reconcileIntervalMs: parseDuration(
      pick(values['reconcile-interval'], 'RECONCILE_INTERVAL') ?? '10m',
      'm',
      'reconcile-interval',
    ),
    minPageRatio: parseRatio(pick(values['min-page-ratio'], 'PUBLISH_MIN_PAGE_RATIO') ?? '0.5'),
    shutdownGraceMs: parseDuration(
      pick(values['shutdown-grace'], 'PUBLISH_SHUTDOWN_GRACE') ?? '5s',
      'ms',
      'shutdown-grace',
    ),
    workerMaxRssMiB: parseInteger(
      pick(values['worker-max-rss'], 'PUBLISH_WORKER_MAX_RSS') ?? '2048',
      'worker-max-rss',
      0,
    ),
    strict: values.strict,
  }
  if (values.releases) options.releasesDir = resolve(values.releases)
  if (host) options.host = host
  const logLevel = values.quiet && !env.LOG_LEVEL ? 'warn' : parseLogLevel(env.LOG_LEVEL)
  return { options, logLevel, help: values.help }
}

function parseInteger(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, not "${value}"`)
  return n
}

function parseRatio(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new Error(`--min-page-ratio must be between 0 and 1, not "${value}"`)
  return n
}

function parseDebounceEdge(value: string): 'leading' | 'trailing' {
  if (value === 'leading' || value === 'trailing') return value
  throw new Error(`--debounce-edge must be "leading" or "trailing", not "${value}"`)
}

function parseSourceKind(value: string): SourceKind {
  if (value === 'dataset' || value === 'sanity') return value
  throw new Error(`--source must be "dataset" or "sanity", not "${value}"`)
}

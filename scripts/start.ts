/*
 * `npm start [-- options]` (see scripts/publish/config.ts or `npm start -- --help`)
 *
 * The self-hosted publisher: builds the site if the published one is missing or out of date,
 * serves it on http://localhost:8080, and rebuilds on signed Sanity webhooks
 * (POST /api/sanity-webhook), on missed changes (reconciliation) and when a scheduled article is
 * due. One JSON log line per event on stdout. SIGTERM/SIGINT shut down gracefully.
 */
import { parseStartConfig, USAGE } from './publish/config.ts'
import { createLogger, errorMessage } from './publish/log.ts'
import { startPublisher } from './publish/publisher.ts'

async function main(): Promise<void> {
  let config: ReturnType<typeof parseStartConfig>
  try {
    config = parseStartConfig(process.argv.slice(2), process.env)
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (config.help) {
    process.stdout.write(USAGE)
    return
  }
  const logger = createLogger({ level: config.logLevel })
  if (config.options.webhook?.insecure) {
    process.stderr.write(
      [
        '',
        '  ██ WARNING: --insecure-no-signature ██',
        '  Webhook signatures are NOT checked: anyone who can reach this port can trigger builds.',
        '  Use it for local experiments only, never on a reachable host.',
        '',
      ].join('\n'),
    )
    logger.warn('webhook.insecure', { message: 'unsigned webhooks are accepted; local experiments only' })
  }

  let publisher: Awaited<ReturnType<typeof startPublisher>>
  try {
    publisher = await startPublisher({ ...config.options, logger })
  } catch (error) {
    logger.error('startup.failed', { error: errorMessage(error) })
    process.exitCode = 1
    return
  }

  let signals = 0
  const shutdown = async (signal: NodeJS.Signals) => {
    signals += 1
    if (signals > 1) {
      logger.warn('shutdown.forced', { signal })
      process.exit(130)
    }
    logger.info('shutdown.signal', { signal })
    await publisher.stop()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

await main()

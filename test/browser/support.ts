import { access, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import sirv from 'sirv'
import { SECURITY_HEADERS } from '../../scripts/publish/static.ts'

/** Debian's Chromium (installed by .ci/run); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The site is tested under the Content-Security-Policy it is served with. */
export const TEST_CSP = SECURITY_HEADERS['Content-Security-Policy'] as string

export async function chromiumAvailable(): Promise<boolean> {
  try {
    await access(CHROMIUM_PATH)
    return true
  } catch {
    return false
  }
}

/**
 * Browser tests run wherever Chromium is installed. Outside CI a missing browser skips them with a
 * message; in CI (`CI=true`) it is a failure, so a broken install can never pass unnoticed.
 */
export async function browserTestMode(): Promise<{ run: boolean; reason?: string }> {
  if (await chromiumAvailable()) return { run: true }
  const reason = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH)`
  if (process.env.CI === 'true') throw new Error(`${reason}; browser tests cannot be skipped in CI`)
  return { run: false, reason }
}

export interface LaunchedBrowser {
  browser: Browser
  close(): Promise<void>
}

/** Headless Chromium with no background traffic; Playwright gives each launch a fresh temporary profile. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    close: () => browser.close(),
  }
}

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

/**
 * Serves a built site on 127.0.0.1 (a free port): `/x/` → `/x/index.html`, unknown paths get
 * `404.html` with status 404, and every response carries {@link TEST_CSP}.
 *
 * @param dir the built site
 */
export async function serveSite(dir: string): Promise<StaticServer> {
  // `dev` mode looks files up per request, so the site may be (re)built after the server starts.
  const files = sirv(dir, { dev: true, dotfiles: false, etag: false })
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', TEST_CSP)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    files(req, res, () => {
      readFile(join(dir, '404.html')).then(
        (page) => {
          res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
          res.end(page)
        },
        () => {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
          res.end('Not found')
        },
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

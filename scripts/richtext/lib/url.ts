/**
 * URL policy shared by links and images. Only `http:`, `https:`, `mailto:`, `tel:` (links) and
 * `http:`/`https:` (images) get through, plus relative URLs. Everything else — `javascript:`,
 * `vbscript:`, `data:`, `file:`, unknown schemes — is refused. The scheme test mirrors
 * hast-util-sanitize's (a colon before any `/`, `?` or `#` means "scheme"), after removing what browsers
 * ignore (leading/trailing C0 controls and spaces, tabs and newlines anywhere), so the two layers agree.
 */

export type UrlKind = 'relative' | 'http' | 'mailto' | 'tel'

export interface CheckedUrl {
  /** Cleaned URL to put into the attribute (scheme lower-cased). */
  href: string
  kind: UrlKind
}

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel'])
const MEDIA_SCHEMES: ReadonlySet<string> = new Set(['http', 'https'])
const HAS_TAB_NEWLINE = /[\t\n\r]/
const TAB_NEWLINE = /[\t\n\r]/g

/**
 * Checks a link or image URL.
 * @param raw Untrusted value from content or a resolver.
 * @param media `true` for `src`/`srcset` (only http/https/relative), `false` for `href`.
 * @returns The cleaned URL, or `undefined` when it is empty, not a string or not allowed.
 */
export function checkUrl(raw: unknown, media = false): CheckedUrl | undefined {
  if (typeof raw !== 'string') return undefined
  // C0 controls and space at the ends, tab/CR/LF anywhere: the WHATWG URL parser ignores them.
  let start = 0
  let end = raw.length
  while (start < end && raw.charCodeAt(start) <= 32) start++
  while (end > start && raw.charCodeAt(end - 1) <= 32) end--
  let href = start === 0 && end === raw.length ? raw : raw.slice(start, end)
  if (HAS_TAB_NEWLINE.test(href)) href = href.replace(TAB_NEWLINE, '')
  if (href === '') return undefined
  const colon = href.indexOf(':')
  if (colon < 0 || isAfterDelimiter(href, colon)) return { href, kind: 'relative' }
  const scheme = href.slice(0, colon).toLowerCase()
  if (!(media ? MEDIA_SCHEMES : LINK_SCHEMES).has(scheme)) return undefined
  if (scheme === 'http' || scheme === 'https') {
    return { href: scheme + href.slice(colon), kind: 'http' }
  }
  return { href: scheme + href.slice(colon), kind: scheme === 'tel' ? 'tel' : 'mailto' }
}

function isAfterDelimiter(url: string, colon: number): boolean {
  for (let i = 0; i < colon; i++) {
    const c = url.charCodeAt(i)
    if (c === 47 || c === 63 || c === 35) return true // / ? #
  }
  return false
}

/** Normalises a configured site host (`https://www.Example.com:8080/` → `example.com`). */
export function normaliseHost(siteHost: string | undefined): string | undefined {
  if (typeof siteHost !== 'string' || siteHost.trim() === '') return undefined
  let host = siteHost.trim().toLowerCase()
  const scheme = host.indexOf('://')
  if (scheme > -1) host = host.slice(scheme + 3)
  host = host.split(/[/?#]/, 1)[0] ?? ''
  host = host.slice(host.lastIndexOf('@') + 1)
  const colon = host.lastIndexOf(':')
  if (colon > -1 && host.indexOf(']') < colon) host = host.slice(0, colon)
  return host === '' ? undefined : stripWww(host)
}

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host
}

/**
 * Whether a checked link points to another host than the site's. Relative links, `mailto:` and `tel:`
 * are not external; protocol-relative (`//host`, also `/\\host` and `\\\\host`, which browsers read the same
 * way) and absolute http(s) links are compared by host (`www.` ignored). Without a site host every absolute
 * link is external. Anything unusual in the authority (percent-escapes, IDN, trailing dot) counts as
 * external, which only adds `rel="noopener noreferrer"`.
 * @param url A URL returned by {@link checkUrl}.
 * @param siteHost Output of {@link normaliseHost}.
 */
export function isExternal(url: CheckedUrl, siteHost: string | undefined): boolean {
  if (url.kind === 'mailto' || url.kind === 'tel') return false
  const h = url.href
  let start: number
  if (url.kind === 'http') {
    start = h.indexOf(':') + 1
    while (isSlash(h.charCodeAt(start))) start++
  } else {
    if (!(isSlash(h.charCodeAt(0)) && isSlash(h.charCodeAt(1)))) return false
    start = 2
    while (isSlash(h.charCodeAt(start))) start++
  }
  if (siteHost === undefined) return true
  return hostOf(h, start) !== siteHost
}

function isSlash(c: number): boolean {
  return c === 47 || c === 92
}

/** Host of the authority starting at `start`: up to `/ ? # \\`, after the last `@`, without port. */
function hostOf(href: string, start: number): string {
  let end = start
  while (end < href.length) {
    const c = href.charCodeAt(end)
    if (c === 47 || c === 63 || c === 35 || c === 92) break
    end++
  }
  let host = href.slice(start, end)
  const at = host.lastIndexOf('@')
  if (at > -1) host = host.slice(at + 1)
  const colon = host.lastIndexOf(':')
  if (colon > -1 && host.indexOf(']') < colon) host = host.slice(0, colon)
  return stripWww(host.toLowerCase())
}

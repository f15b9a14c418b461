/**
 * Settings for reading a live Sanity project, from the environment:
 *
 * | variable | |
 * |---|---|
 * | `SANITY_PROJECT_ID` | required |
 * | `SANITY_DATASET` | required |
 * | `SANITY_API_VERSION` | dated API version, default {@link DEFAULT_API_VERSION} |
 * | `SANITY_READ_TOKEN` | optional: a Viewer token, needed only for private datasets |
 * | `SANITY_API_HOST` | optional: send requests to this origin (a proxy, or a test double) instead of `https://<projectId>.api.sanity.io` |
 */

/** The API version this project's queries were written and tested against. */
export const DEFAULT_API_VERSION = '2025-02-19'

export interface SanityConnection {
  projectId: string
  dataset: string
  /** `YYYY-MM-DD`, without the `v`. */
  apiVersion: string
  /** Read token for private datasets; never logged. */
  token: string | undefined
  /** Origin (and optional path prefix) used instead of the project hostname, e.g. `http://127.0.0.1:4000`. */
  apiHost: string | undefined
  /** Read through the API CDN (cached, for scheduled builds) or the live API (fresh, for webhook builds). */
  useCdn: boolean
}

/** Raised for missing or malformed `SANITY_*` settings; names every problem at once. */
export class SanityConfigError extends Error {
  constructor(problems: string[]) {
    super(`cannot read the live Sanity project: ${problems.join('; ')}`)
    this.name = 'SanityConfigError'
  }
}

/**
 * Reads and checks the `SANITY_*` variables.
 *
 * @param env usually `process.env`
 * @param useCdn whether reads may be served by the API CDN
 */
export function sanityConnectionFromEnv(env: NodeJS.ProcessEnv, useCdn: boolean): SanityConnection {
  const problems: string[] = []
  const projectId = setting(env, 'SANITY_PROJECT_ID')
  const dataset = setting(env, 'SANITY_DATASET')
  const missing = [
    projectId === undefined ? 'SANITY_PROJECT_ID' : undefined,
    dataset === undefined ? 'SANITY_DATASET' : undefined,
  ].filter((name) => name !== undefined)
  if (missing.length > 0)
    problems.push(`${missing.join(' and ')} must be set (see README, "Live Sanity source")`)
  if (projectId !== undefined && !/^[a-z0-9][-a-z0-9]*$/i.test(projectId)) {
    problems.push(`SANITY_PROJECT_ID "${projectId}" is not a project id (letters, digits and dashes)`)
  }
  if (dataset !== undefined && !/^~?[a-z0-9][-\w]{0,63}$/.test(dataset)) {
    problems.push(
      `SANITY_DATASET "${dataset}" is not a dataset name (lowercase letters, digits, "_" and "-", at most 64)`,
    )
  }

  const rawVersion = setting(env, 'SANITY_API_VERSION') ?? DEFAULT_API_VERSION
  const apiVersion = rawVersion.replace(/^v/, '')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion) || Number.isNaN(Date.parse(apiVersion))) {
    problems.push(`SANITY_API_VERSION "${rawVersion}" must be a date such as ${DEFAULT_API_VERSION}`)
  }

  const token = setting(env, 'SANITY_READ_TOKEN')
  const apiHost = parseApiHost(setting(env, 'SANITY_API_HOST'), token !== undefined, problems)

  if (problems.length > 0) throw new SanityConfigError(problems)
  return {
    projectId: projectId ?? '',
    dataset: dataset ?? '',
    apiVersion,
    token,
    apiHost,
    useCdn,
  }
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function parseApiHost(value: string | undefined, hasToken: boolean, problems: string[]): string | undefined {
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`SANITY_API_HOST "${value}" is not a URL (e.g. https://sanity-proxy.example.com)`)
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`SANITY_API_HOST must be an http(s) URL, not ${url.protocol}`)
    return undefined
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push('SANITY_API_HOST must not have a query string or fragment')
    return undefined
  }
  if (url.protocol === 'http:' && hasToken && !isLoopback(url.hostname)) {
    problems.push(
      `SANITY_API_HOST ${url.origin} is plain http: the read token would travel unencrypted (use https, or a localhost proxy)`,
    )
    return undefined
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

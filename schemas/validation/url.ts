import type { RuleResult } from './types.ts'

/** Source URLs must be absolute http(s) links, e.g. `https://variety.com/...`. */
export function validateHttpUrl(value: unknown): RuleResult {
  if (value === undefined || value === null || value === '') return true // "required" is a separate rule
  if (typeof value !== 'string') return 'Must be a web address.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Must be a full web address starting with https:// (or http://).'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Only http:// and https:// links are allowed here (got "${url.protocol}").`
  }
  if (!url.hostname) return 'The link has no domain name.'
  return true
}

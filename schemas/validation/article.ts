import type { Reference, RuleResult } from './types.ts'

interface ArticleLike {
  show?: Reference | undefined
  sources?: unknown[] | undefined
}

/**
 * Warning (not error): an article about a show should cite at least one source
 * for the status it reports, so readers can check the claim.
 */
export function validateArticleHasStatusSource(article: ArticleLike | undefined): RuleResult {
  if (!article?.show?._ref) return true
  const sources = Array.isArray(article.sources) ? article.sources : []
  const withUrl = sources.filter(
    (s) => typeof s === 'object' && s !== null && typeof (s as { url?: unknown }).url === 'string',
  )
  if (withUrl.length === 0) {
    return 'This article is about a show but cites no source for its status. Add the announcement or trade report under "Sources".'
  }
  return true
}

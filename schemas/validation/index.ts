export { validateArticleHasStatusSource } from './article.ts'
export { DUPLICATE_CAST_CREDIT_QUERY, validateUniqueCastCredit } from './castCredit.ts'
export {
  todayIso,
  validateAnnouncedAt,
  validateNotBefore,
  validateNotInFuture,
} from './dates.ts'
export { ownIds, publishedId } from './ids.ts'
export { validateImageAlt } from './image.ts'
export { validatePositiveInteger, validateSeasonNumbers } from './numbers.ts'
export { isSlugUniqueForType, SLUG_UNIQUE_QUERY } from './slug.ts'
export type { ClientContext, FetchClient, RuleResult } from './types.ts'
export { validateHttpUrl } from './url.ts'

import type { ArticleListPage, ArticleSummary } from './types.ts'

/** Articles per page of a list of articles: the archive, a tag's, an author's. */
export const ARTICLES_PER_PAGE = 20

/**
 * Splits a list of articles (newest first) into pages. There is always a first page, even without
 * articles.
 *
 * @param articles newest first
 * @param pathOf the path of page `number`; page 1 is the list's own address
 * @param size articles per page
 */
export function paginateArticles(
  articles: readonly ArticleSummary[],
  pathOf: (number: number) => string,
  size: number = ARTICLES_PER_PAGE,
): ArticleListPage[] {
  const total = Math.max(1, Math.ceil(articles.length / size))
  // One list of every page, shared by the pages (their numbered links).
  const pages = Array.from({ length: total }, (_, index) => ({ href: pathOf(index + 1), number: index + 1 }))
  return pages.map(({ href, number }) => ({
    url: href,
    number,
    total,
    articles: articles.slice((number - 1) * size, number * size),
    previous: number > 1 ? pathOf(number - 1) : undefined,
    next: number < total ? pathOf(number + 1) : undefined,
    pages,
  }))
}

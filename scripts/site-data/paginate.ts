import type { ArticleListPage, ArticleSummary, Link, ListPageNavigation, PeopleListPage } from './types.ts'

/** Articles per page of a list of articles: the archive, a tag's, an author's. */
export const ARTICLES_PER_PAGE = 20

/** People per page of the people index: names only, so more than articles. */
export const PEOPLE_PER_PAGE = 100

/** One page of a list split into pages (see {@link paginate}). */
export interface ListPage<T> extends ListPageNavigation {
  items: T[]
}

/**
 * Splits a list into pages. There is always a first page, even for an empty list.
 *
 * @param items in the order the pages show them
 * @param pathOf the path of page `number`; page 1 is the list's own address
 * @param size items per page
 */
export function paginate<T>(
  items: readonly T[],
  pathOf: (number: number) => string,
  size: number,
): Array<ListPage<T>> {
  const total = Math.max(1, Math.ceil(items.length / size))
  // One list of every page, shared by the pages (their numbered links).
  const pages = Array.from({ length: total }, (_, index) => ({ href: pathOf(index + 1), number: index + 1 }))
  return pages.map(({ href, number }) => ({
    url: href,
    number,
    total,
    items: items.slice((number - 1) * size, number * size),
    previous: number > 1 ? pathOf(number - 1) : undefined,
    next: number < total ? pathOf(number + 1) : undefined,
    pages,
  }))
}

/**
 * Splits a list of articles (newest first) into pages.
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
  return paginate(articles, pathOf, size).map(({ items, ...page }) => ({ ...page, articles: items }))
}

/**
 * Splits the people index (in name order) into pages.
 *
 * @param people links to every person's page, in name order
 * @param pathOf the path of page `number`
 * @param size people per page
 */
export function paginatePeople(
  people: readonly Link[],
  pathOf: (number: number) => string,
  size: number = PEOPLE_PER_PAGE,
): PeopleListPage[] {
  return paginate(people, pathOf, size).map(({ items, ...page }) => ({ ...page, people: items }))
}

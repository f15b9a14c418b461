import { onceEachObject } from '../lib/once-each.ts'
import { pushTo } from '../lib/push-to.ts'
import { sameItems } from '../lib/same-items.ts'
import type { SiteDataMemo } from './memo.ts'
import type { ArticlePage, ArticleSummary } from './types.ts'
import { safeSlug } from './urls.ts'

/*
 * Articles listed by show, author and tag, in the order of the articles. After one edit, the
 * article list is the last build's but for a page or two whose show, authors and tags stay as they
 * were: the last build's lists are then patched where those pages are listed (new lists, the old ones
 * are never changed) instead of 10,000 articles being grouped again.
 */

/** What an article is grouped by. */
export interface GroupedRow {
  showId?: string | null
  authorIds?: readonly string[] | null
  tags?: readonly string[] | null
}

export interface ArticleGroups {
  /** Each article page's summary, in the articles' order. */
  summaries: readonly ArticleSummary[]
  byShow: ReadonlyMap<string, ArticleSummary[]>
  byAuthor: ReadonlyMap<string, ArticleSummary[]>
  /** By tag slug: the tag's name (as its first article spells it) and its articles. */
  byTag: ReadonlyMap<string, { name: string; articles: ArticleSummary[] }>
}

interface Kept {
  rows: readonly GroupedRow[]
  pages: readonly ArticlePage[]
  groups: ArticleGroups
}

const KEPT = 'article-groups'

/** Past this many changed places, grouping everything again is about as quick as patching. */
const MOST_PATCHED = 200

/**
 * The article groups of this build: the last build's, patched, when the articles are the same in
 * number and every changed place keeps its show, authors and tags; else grouped anew.
 *
 * @param memo the build's memo (keeps the groups for the next build)
 * @param rows the articles' rows, in order
 * @param pages their pages, in the same order
 * @param summarise an article page's summary (the same object for the same page)
 */
export function groupArticles(
  memo: SiteDataMemo,
  rows: readonly GroupedRow[],
  pages: readonly ArticlePage[],
  summarise: (page: ArticlePage) => ArticleSummary,
): ArticleGroups {
  const last = memo.last<Kept>(KEPT)
  const groups = (last && patched(last, rows, pages, summarise)) ?? grouped(rows, pages, summarise)
  memo.keep(KEPT, { rows, pages, groups } satisfies Kept)
  return groups
}

function grouped(
  rows: readonly GroupedRow[],
  pages: readonly ArticlePage[],
  summarise: (page: ArticlePage) => ArticleSummary,
): ArticleGroups {
  const summaries = pages.map(summarise)
  const byShow = new Map<string, ArticleSummary[]>()
  const byAuthor = new Map<string, ArticleSummary[]>()
  const byTag = new Map<string, { name: string; articles: ArticleSummary[] }>()
  rows.forEach((row, index) => {
    const summary = summaries[index] as ArticleSummary
    if (row.showId) pushTo(byShow, row.showId, summary)
    for (const id of row.authorIds ?? []) pushTo(byAuthor, id, summary)
    for (const tag of uniqueTags(row.tags)) {
      const entry = byTag.get(tag.slug)
      if (entry) entry.articles.push(summary)
      else byTag.set(tag.slug, { name: tag.name, articles: [summary] })
    }
  })
  return { summaries, byShow, byAuthor, byTag }
}

function patched(
  last: Kept,
  rows: readonly GroupedRow[],
  pages: readonly ArticlePage[],
  summarise: (page: ArticlePage) => ArticleSummary,
): ArticleGroups | undefined {
  if (rows.length !== last.rows.length || pages.length !== last.pages.length) return undefined
  const changed: number[] = []
  for (let index = 0; index < rows.length; index++) {
    if (rows[index] === last.rows[index] && pages[index] === last.pages[index]) continue
    if (changed.length === MOST_PATCHED) return undefined
    if (!sameGroups(last.rows[index] as GroupedRow, rows[index] as GroupedRow)) return undefined
    changed.push(index)
  }
  if (changed.length === 0) return last.groups
  const summaries = [...last.groups.summaries]
  const byShow = new Map(last.groups.byShow)
  const byAuthor = new Map(last.groups.byAuthor)
  const byTag = new Map(last.groups.byTag)
  // Lists copied once in this build, then patched in place.
  const copies = new Set<unknown>()
  const patch = (list: ArticleSummary[] | undefined, before: ArticleSummary, now: ArticleSummary) => {
    const index = list ? list.indexOf(before) : -1
    if (!list || index < 0) return undefined
    const copy = copies.has(list) ? list : [...list]
    copies.add(copy)
    copy[index] = now
    return copy
  }
  for (const index of changed) {
    const before = last.groups.summaries[index] as ArticleSummary
    const now = summarise(pages[index] as ArticlePage)
    summaries[index] = now
    if (now === before) continue
    const row = rows[index] as GroupedRow
    if (row.showId) {
      const list = patch(byShow.get(row.showId), before, now)
      if (!list) return undefined
      byShow.set(row.showId, list)
    }
    for (const id of row.authorIds ?? []) {
      const list = patch(byAuthor.get(id), before, now)
      if (!list) return undefined
      byAuthor.set(id, list)
    }
    for (const tag of uniqueTags(row.tags)) {
      const entry = byTag.get(tag.slug)
      const list = patch(entry?.articles, before, now)
      if (!entry || !list) return undefined
      byTag.set(tag.slug, list === entry.articles ? entry : { name: entry.name, articles: list })
    }
  }
  return { summaries, byShow, byAuthor, byTag }
}

/** Whether both rows are grouped alike: the same show, authors and tags (slugs and names). */
function sameGroups(a: GroupedRow, b: GroupedRow): boolean {
  if ((a.showId ?? undefined) !== (b.showId ?? undefined)) return false
  if (!sameItems(a.authorIds ?? [], b.authorIds ?? [])) return false
  const tagsA = uniqueTags(a.tags)
  const tagsB = uniqueTags(b.tags)
  if (tagsA.length !== tagsB.length) return false
  return tagsA.every((tag, index) => tag.slug === tagsB[index]?.slug && tag.name === tagsB[index]?.name)
}

/**
 * An article's tags, each once by slug (as `safeSlug` makes it), named as first written.
 *
 * @param tags the article's tags field
 */
export function uniqueTags(
  tags: readonly string[] | null | undefined,
): ReadonlyArray<{ slug: string; name: string }> {
  return tags ? uniqueTagsOfList(tags) : []
}

/** By list: an unchanged document's row (and its tags list) is the same object build after build. */
const uniqueTagsOfList = onceEachObject((tags: readonly string[]) => findUniqueTags(tags))

function findUniqueTags(tags: readonly string[]): Array<{ slug: string; name: string }> {
  const seen = new Map<string, string>()
  for (const name of tags) {
    if (typeof name !== 'string') continue
    const slug = safeSlug(name)
    if (slug && !seen.has(slug)) seen.set(slug, name.trim())
  }
  return [...seen].map(([slug, name]) => ({ slug, name }))
}

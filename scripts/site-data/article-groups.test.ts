import { describe, expect, it } from 'vitest'
import { type GroupedRow, groupArticles } from './article-groups.ts'
import { SiteDataMemo } from './memo.ts'
import type { ArticlePage, ArticleSummary } from './types.ts'

const row = (showId: string, authorIds: string[], tags: string[]): GroupedRow => ({ showId, authorIds, tags })
const page = (id: string) => ({ id, title: id }) as unknown as ArticlePage
const summaries = new WeakMap<ArticlePage, ArticleSummary>()
const summarise = (p: ArticlePage) => {
  let summary = summaries.get(p)
  if (!summary) {
    summary = { id: p.id, title: p.title } as ArticleSummary
    summaries.set(p, summary)
  }
  return summary
}

/** One build's groups, as plain ids. */
function build(memo: SiteDataMemo, rows: GroupedRow[], pages: ArticlePage[]) {
  memo.begin()
  const groups = groupArticles(memo, rows, pages, summarise)
  memo.commit()
  return groups
}

const ids = (groups: ReturnType<typeof build>) => ({
  summaries: groups.summaries.map((s) => s.id),
  byShow: Object.fromEntries([...groups.byShow].map(([k, v]) => [k, v.map((s) => s.id)])),
  byAuthor: Object.fromEntries([...groups.byAuthor].map(([k, v]) => [k, v.map((s) => s.id)])),
  byTag: Object.fromEntries([...groups.byTag].map(([k, v]) => [k, [v.name, ...v.articles.map((s) => s.id)]])),
})

describe('groupArticles', () => {
  const rows = [
    row('s1', ['w1'], ['Drama', 'drama ']),
    row('s2', ['w1', 'w2'], ['Comedy']),
    row('s1', ['w2'], ['Drama']),
  ]
  const pages = [page('a'), page('b'), page('c')]

  it('lists articles by show, author and tag in their order, each tag once by slug', () => {
    expect(ids(build(new SiteDataMemo(), rows, pages))).toEqual({
      summaries: ['a', 'b', 'c'],
      byShow: { s1: ['a', 'c'], s2: ['b'] },
      byAuthor: { w1: ['a', 'b'], w2: ['b', 'c'] },
      byTag: { drama: ['Drama', 'a', 'c'], comedy: ['Comedy', 'b'] },
    })
  })

  it('patches the last build’s lists where an edited page is listed, never changing them', () => {
    const memo = new SiteDataMemo()
    const first = build(memo, rows, pages)
    const firstIds = ids(first)
    const edited = [pages[0], page('b2'), pages[2]] as ArticlePage[]
    // A new row object for the edited article, grouped alike.
    const second = build(memo, [rows[0], { ...rows[1] }, rows[2]] as GroupedRow[], edited)
    expect(ids(second)).toEqual(ids(build(new SiteDataMemo(), rows, edited)))
    expect(ids(first)).toEqual(firstIds)
    // Lists the edit did not reach are the last build's.
    expect(second.byShow.get('s1')).toBe(first.byShow.get('s1'))
    expect(second.byTag.get('drama')).toBe(first.byTag.get('drama'))
    expect(second.byShow.get('s2')).not.toBe(first.byShow.get('s2'))
  })

  it('groups anew when an edited article moved to another show or tag, or articles came or went', () => {
    const memo = new SiteDataMemo()
    build(memo, rows, pages)
    const moved = [rows[0], row('s1', ['w1', 'w2'], ['Comedy']), rows[2]] as GroupedRow[]
    const edited = [pages[0], page('b3'), pages[2]] as ArticlePage[]
    expect(ids(build(memo, moved, edited))).toEqual(ids(build(new SiteDataMemo(), moved, edited)))
    // An author dropped: the lists of the edited article's new row alone would miss it.
    const dropped = [rows[0], row('s1', ['w1'], ['Comedy']), rows[2]] as GroupedRow[]
    const again = [pages[0], page('b4'), pages[2]] as ArticlePage[]
    expect(ids(build(memo, dropped, again))).toEqual(ids(build(new SiteDataMemo(), dropped, again)))
    const fewer = [rows[0], rows[2]] as GroupedRow[]
    const left = [pages[0], pages[2]] as ArticlePage[]
    expect(ids(build(memo, fewer, left))).toEqual(ids(build(new SiteDataMemo(), fewer, left)))
  })
})

import { describe, expect, it } from 'vitest'
import { PlacedPages, type PlacedRichText } from './carry-over.ts'
import { SiteDataMemo } from './memo.ts'

/** Rich text that renders as in the last build unless its tokens say otherwise. */
function richText(changed = new Set<unknown>()): PlacedRichText & { used: unknown[] } {
  const used: unknown[] = []
  return {
    used,
    stillUnchanged: (tokens) => !tokens.some((token) => changed.has(token)),
    useUnchanged: (tokens) => used.push(...tokens),
  }
}

const options = { imageUrl: 'same' }
const warn = () => {}
/** The catalogue as in the last build: no id's share of it changed. */
const same = new Set<string>()

/** A first build that makes one page per row and records them. */
function firstBuild(memo: SiteDataMemo, rows: Array<{ _id: string; _updatedAt?: string | null }>) {
  memo.begin()
  const placed = new PlacedPages('rows', memo, undefined, options, richText(), warn)
  const pages = rows.map((doc, index) => {
    const page = memo.made(`row:${doc._id}`, [doc], warn, () => ({ id: doc._id }))
    placed.record(index, doc, `row:${doc._id}`, [`token-${doc._id}`], ['listed'])
    return page
  })
  memo.commit()
  return pages
}

describe('PlacedPages', () => {
  const a = { _id: 'a', _updatedAt: '2026-01-01T00:00:00Z' }
  const b = { _id: 'b', _updatedAt: '2026-01-01T00:00:00Z' }

  it('carries a page over while its row, list and rich text are as in the last build', () => {
    const memo = new SiteDataMemo()
    const [pageA] = firstBuild(memo, [a, b])
    memo.begin()
    const text = richText()
    const placed = new PlacedPages('rows', memo, same, options, text, warn)
    expect(placed.carry(0, a, ['listed'])).toBe(pageA)
    expect(text.used).toEqual(['token-a'])
    // Another list, another row at the place, or rich text that renders otherwise: not carried.
    expect(placed.carry(1, b, ['other'])).toBeUndefined()
    expect(placed.carry(1, { ...b }, ['listed'])).toBeUndefined()
    const stale = new PlacedPages('rows', memo, same, options, richText(new Set(['token-b'])), warn)
    expect(stale.carry(1, b, ['listed'])).toBeUndefined()
    expect(memo.stats.carried).toBe(1)
  })

  it('carries nothing when the catalogue’s changes are unknown, the rich-text options changed, or a row is dated by the build', () => {
    const undated = { _id: 'c', _updatedAt: null }
    const memo = new SiteDataMemo()
    firstBuild(memo, [a, undated])
    memo.begin()
    expect(
      new PlacedPages('rows', memo, undefined, options, richText(), warn).carry(0, a, ['listed']),
    ).toBeUndefined()
    expect(
      new PlacedPages('rows', memo, same, { imageUrl: 'other' }, richText(), warn).carry(0, a, ['listed']),
    ).toBeUndefined()
    expect(
      new PlacedPages('rows', memo, same, options, richText(), warn).carry(1, undated, ['listed']),
    ).toBeUndefined()
    expect(memo.stats.carried).toBe(0)
  })

  it('carries the pages whose share of a changed catalogue is as then', () => {
    const memo = new SiteDataMemo()
    const [, pageB] = firstBuild(memo, [a, b])
    memo.begin()
    const placed = new PlacedPages('rows', memo, new Set(['a']), options, richText(), warn)
    expect(placed.carry(0, a, ['listed'])).toBeUndefined()
    expect(placed.carry(1, b, ['listed'])).toBe(pageB)
  })

  it('hands a carried record on to the build after', () => {
    const memo = new SiteDataMemo()
    const [pageA] = firstBuild(memo, [a])
    for (let build = 0; build < 2; build++) {
      memo.begin()
      const placed = new PlacedPages('rows', memo, same, options, richText(), warn)
      expect(placed.carry(0, a, ['listed'])).toBe(pageA)
      memo.commit()
    }
  })
})

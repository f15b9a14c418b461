import { describe, expect, it } from 'vitest'
import { DataHasher } from '../../scripts/build/incremental/fingerprint.ts'
import type { SiteData } from '../../scripts/site-data/index.ts'
import { shared } from '../../scripts/site-data/shared.ts'

/** Just enough site data for the hasher: it only walks what it is asked about. */
function siteData(parts: Partial<SiteData>): SiteData {
  return parts as SiteData
}

const summary = (title: string) =>
  shared({
    id: 'a',
    url: '/articles/a/',
    title,
    excerpt: 'x',
    publishedAt: '2024-01-01',
    updatedAt: '2024-01-01',
    isSample: false,
  })

describe('DataHasher with shared summaries', () => {
  it('changes a list page’s hash when a summary it lists changes', () => {
    const before = new DataHasher(siteData({}))
    const after = new DataHasher(siteData({}))
    const tag = (title: string) => ({ slug: 't', url: '/tags/t/', name: 'T', articles: [summary(title)] })
    expect(before.value(tag('One'))).not.toBe(after.value(tag('Two')))
    expect(new DataHasher(siteData({})).value(tag('One'))).toBe(before.value(tag('One')))
  })

  it('hashes an item holding a summary as one holding an equal summary', () => {
    const hasher = new DataHasher(siteData({}))
    const one = { url: '/shows/s/', articles: [summary('Same'), summary('Other')] }
    const two = { url: '/shows/s/', articles: [summary('Same'), summary('Other')] }
    expect(hasher.value(one)).toBe(hasher.value(two))
  })

  it('leaves JSON of summaries outside fingerprints as it was', () => {
    const value = summary('Plain')
    new DataHasher(siteData({})).value({ articles: [value] })
    expect(JSON.parse(JSON.stringify({ list: [value] }))).toEqual({ list: [{ ...value }] })
    expect(Object.keys(value)).not.toContain('toJSON')
  })

  it('hashes a summary nested in a plain object by its content', () => {
    const hasher = new DataHasher(siteData({}))
    const credit = (title: string) => ({ id: 'c', show: summary(title), characterName: 'Rachel' })
    expect(hasher.value(credit('A'))).not.toBe(hasher.value(credit('B')))
  })
})

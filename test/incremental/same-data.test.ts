import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defineDeferred, withDeferredAsTokens } from '../../scripts/build/incremental/deferred.ts'
import { DataHasher } from '../../scripts/build/incremental/fingerprint.ts'
import { BlobPack } from '../../scripts/build/incremental/pack.ts'
import { SameData } from '../../scripts/build/incremental/same-data.ts'
import type { SiteData } from '../../scripts/site-data/index.ts'
import { shared } from '../../scripts/site-data/shared.ts'

const dir = mkdtempSync(join(tmpdir(), 'same-data-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Equal as SameData says must mean equal as JSON.stringify says, in both directions we rely on. */
function expectAgreement(a: unknown, b: unknown) {
  const same = new SameData().equal(a, b)
  if (same)
    expect(withDeferredAsTokens(() => JSON.stringify(b))).toBe(withDeferredAsTokens(() => JSON.stringify(a)))
  return same
}

describe('SameData', () => {
  it('finds equal data equal and serializing alike', () => {
    const make = () => ({ id: 'a', list: [1, 'two', { three: [true, null] }], nested: { x: 'y' } })
    expect(expectAgreement(make(), make())).toBe(true)
  })

  it('tells apart values, key order, lengths and lists from objects', () => {
    const same = new SameData()
    expect(same.equal({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(same.equal({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(same.equal([1, 2], [1, 2, 3])).toBe(false)
    expect(same.equal({ 0: 'x' }, ['x'])).toBe(false)
    expect(same.equal({ a: '1' }, { a: 1 })).toBe(false)
    expect(same.equal({ a: Number.NaN }, { a: Number.NaN })).toBe(false)
    expect(same.equal({ a: { b: [{ c: 'd' }] } }, { a: { b: [{ c: 'e' }] } })).toBe(false)
  })

  it('keeps shared objects apart from plain ones, and objects with their own toJSON apart', () => {
    const same = new SameData()
    expect(same.equal({ s: shared({ id: 'x' }) }, { s: { id: 'x' } })).toBe(false)
    expect(same.equal({ s: shared({ id: 'x' }) }, { s: shared({ id: 'x' }) })).toBe(true)
    const custom = () => ({ toJSON: () => Math.random() })
    expect(same.equal(custom(), custom())).toBe(false)
  })

  it('does not take a shared object found equal to one value as equal to another', () => {
    const same = new SameData()
    const newer = shared({ id: 's', title: 'New' })
    expect(same.equal(shared({ id: 's', title: 'New' }), newer)).toBe(true)
    expect(same.equal(shared({ id: 's', title: 'Old' }), newer)).toBe(false)
    const list = Array.from({ length: 40 }, (_, index) => index)
    expect(same.equal([...list], list)).toBe(true)
    expect(same.equal([...list.slice(1), 99], list)).toBe(false)
  })

  it('compares deferred bodies by content hash without reading them', () => {
    const pack = new BlobPack(join(dir, 'pack'))
    const body = (text: string, hash: string) => {
      const target = { id: 'a' }
      defineDeferred(target, 'bodyHtml', pack, pack.append(text), hash)
      return target
    }
    const same = new SameData()
    expect(same.equal(body('<p>one</p>', 'h1'), body('<p>one, again</p>', 'h1'))).toBe(true)
    expect(same.equal(body('<p>one</p>', 'h1'), body('<p>one</p>', 'h2'))).toBe(false)
    pack.close()
  })
})

describe('DataHasher carrying hashes over from the previous build', () => {
  const article = (id: string, title: string) => ({ id, url: `/articles/${id}/`, title, show: summary })
  const summary = shared({ id: 's', url: '/shows/s/', title: 'Show' })
  const data = (articles: object[]) => ({ articles, builtAt: 'now' }) as unknown as SiteData

  it('gives every item the hash a fresh hasher gives it, after edits, inserts and reorders', () => {
    const before = data([article('a', 'A'), article('b', 'B'), article('c', 'C')])
    const previous = new DataHasher(before)
    for (const item of previous.items('reel.articles')) previous.value(item)
    previous.top('*')
    const after = data([
      article('new', 'New'),
      article('c', 'C'),
      article('a', 'A edited'),
      article('b', 'B'),
    ])
    const carried = new DataHasher(after, previous)
    const fresh = new DataHasher(after)
    for (const item of carried.items('reel.articles')) expect(carried.value(item)).toBe(fresh.value(item))
    expect(carried.top('*')).toBe(fresh.top('*'))
    expect(carried.top('articles')).not.toBe(previous.top('articles'))
  })

  it('takes the previous hash for an equal item instead of hashing it', () => {
    const before = data([article('a', 'A')])
    const previous = new DataHasher(before)
    const [old] = previous.items('reel.articles')
    const hash = previous.value(old)
    const after = data([article('a', 'A')])
    const carried = new DataHasher(after, previous)
    const [item] = carried.items('reel.articles') as Array<Record<string, unknown>>
    // Changed behind the hasher's back after the comparison: the carried hash shows it was not rehashed.
    ;(item as { title: string }).title = 'Changed later'
    expect(carried.value(item)).toBe(hash)
  })
})

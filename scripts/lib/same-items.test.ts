import { describe, expect, it } from 'vitest'
import { changedKeys, sameItems } from './same-items.ts'

describe('sameItems', () => {
  it('compares items by identity, in order', () => {
    const object = { a: 1 }
    expect(sameItems([object, 'x', 1], [object, 'x', 1])).toBe(true)
    expect(sameItems([{ a: 1 }], [{ a: 1 }])).toBe(false)
    expect(sameItems(['x', 'y'], ['y', 'x'])).toBe(false)
    expect(sameItems(['x'], ['x', undefined])).toBe(false)
    expect(sameItems([Number.NaN], [Number.NaN])).toBe(false)
  })
})

describe('changedKeys', () => {
  it('names keys whose value is another object, or that only one map has', () => {
    const kept = { a: 1 }
    const before = new Map<string, unknown>([
      ['same', kept],
      ['other', { a: 1 }],
      ['gone', 1],
      ['undefined', undefined],
    ])
    const now = new Map<string, unknown>([
      ['same', kept],
      ['other', { a: 1 }],
      ['new', undefined],
      ['undefined', undefined],
    ])
    expect([...changedKeys(before, now)].sort()).toEqual(['gone', 'new', 'other'])
    expect(changedKeys(undefined, now).size).toBe(0)
  })

  it('compares values as told', () => {
    const before = new Map([
      ['same', { href: '/a/' }],
      ['moved', { href: '/b/' }],
    ])
    const now = new Map([
      ['same', { href: '/a/' }],
      ['moved', { href: '/c/' }],
    ])
    expect([...changedKeys(before, now, (a, b) => a.href === b.href)]).toEqual(['moved'])
  })
})

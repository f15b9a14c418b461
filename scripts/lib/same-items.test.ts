import { describe, expect, it } from 'vitest'
import { sameItems } from './same-items.ts'

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

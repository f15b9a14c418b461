import { describe, expect, it } from 'vitest'
import { onceEach, onceEachObject } from './once-each.ts'

describe('onceEach', () => {
  it('computes each argument once, undefined answers included, and starts again past the limit', () => {
    const asked: string[] = []
    const known = new Map<string, string | undefined>()
    const upper = onceEach(
      known,
      (value) => {
        asked.push(value)
        return value === 'none' ? undefined : value.toUpperCase()
      },
      2,
    )
    expect([upper('a'), upper('a'), upper('none'), upper('none')]).toEqual(['A', 'A', undefined, undefined])
    expect(asked).toEqual(['a', 'none'])
    expect(upper('b')).toBe('B')
    expect([...known.keys()]).toEqual(['b'])
    expect(upper('a')).toBe('A')
    expect(asked).toEqual(['a', 'none', 'b', 'a'])
  })
})

describe('onceEachObject', () => {
  it('computes each object once, undefined answers included, and equal objects apart', () => {
    const asked: object[] = []
    const sizeOf = onceEachObject((value: { items: number[] }) => {
      asked.push(value)
      return value.items.length === 0 ? undefined : value.items.length
    })
    const a = { items: [1, 2] }
    const empty = { items: [] }
    expect([sizeOf(a), sizeOf(a), sizeOf(empty), sizeOf(empty)]).toEqual([2, 2, undefined, undefined])
    expect(asked).toEqual([a, empty])
    expect(sizeOf({ items: [1, 2] })).toBe(2)
    expect(asked).toHaveLength(3)
  })
})

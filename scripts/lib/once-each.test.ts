import { describe, expect, it } from 'vitest'
import { onceEach } from './once-each.ts'

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

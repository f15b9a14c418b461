import { describe, expect, it } from 'vitest'
import type { RichTextOptions } from '../richtext/index.ts'
import { AnswerHash, answerKey, BuildLookups, type Call, type Dependencies } from './lookups.ts'

/** Dependencies as a render that made `calls` and got `answers` records them. */
function recording(
  calls: Call[],
  answers: unknown[],
): { deps: Dependencies; answers: Array<{ call: Call; answer: string }> } {
  const hash = new AnswerHash()
  const recorded = calls.map((call, index) => ({ call, answer: answerKey(answers[index]) }))
  for (const { answer } of recorded) hash.add(answer)
  return { deps: { calls: JSON.stringify(calls), answers: hash.digest() }, answers: recorded }
}

/** Options whose reference resolver answers from `titles`, counting the calls it gets. */
function resolving(titles: Record<string, string>): { options: RichTextOptions; asked: string[] } {
  const asked: string[] = []
  const options: RichTextOptions = {
    resolveReference: (id) => {
      asked.push(id)
      const title = titles[id]
      return title === undefined ? undefined : { href: `/${id}/`, title }
    },
  }
  return { options, asked }
}

const linksX = recording([['reference', 'x']], [{ href: '/x/', title: 'X' }])
const linksY = recording([['reference', 'y']], [{ href: '/y/', title: 'Y' }])
const linksBoth = recording(
  [
    ['reference', 'x'],
    ['reference', 'y'],
  ],
  [
    { href: '/x/', title: 'X' },
    { href: '/y/', title: 'Y' },
  ],
)

describe('BuildLookups', () => {
  it('checks recorded answers against what the resolvers answer now, asking each call once per build', () => {
    const lookups = new BuildLookups()
    const { options, asked } = resolving({ x: 'X', y: 'Renamed' })
    expect(lookups.stillValid(linksX.deps, options)).toBe(true)
    expect(lookups.stillValid(linksY.deps, options)).toBe(false)
    expect(lookups.stillValid(linksBoth.deps, options)).toBe(false)
    expect(asked).toEqual(['x', 'y'])
  })

  it('in the next build, keeps entries none of whose calls answers otherwise, and only those', () => {
    const first = new BuildLookups()
    const before = resolving({ x: 'X', y: 'Y' })
    for (const { deps, answers } of [linksX, linksY, linksBoth]) first.recorded(deps, answers, before.options)
    first.completed()

    const second = new BuildLookups(first)
    const after = resolving({ x: 'X', y: 'Renamed' })
    expect(second.stillValid(linksX.deps, after.options)).toBe(true)
    expect(second.stillValid(linksY.deps, after.options)).toBe(false)
    expect(second.stillValid(linksBoth.deps, after.options)).toBe(false)
    // Every call of the last build once, then nothing more.
    expect(after.asked.sort()).toEqual(['x', 'y'])
    second.completed()

    // Renamed back: entries that failed in the build between are checked call by call, and hold.
    const third = new BuildLookups(second)
    const back = resolving({ x: 'X', y: 'Y' })
    expect(third.stillValid(linksY.deps, back.options)).toBe(true)
    expect(third.stillValid(linksBoth.deps, back.options)).toBe(true)
    expect(third.stillValid(linksX.deps, back.options)).toBe(true)
  })

  it('checks every call of an entry whose options have resolvers of their own', () => {
    const first = new BuildLookups()
    const shared = resolving({ x: 'X', y: 'Y' })
    first.recorded(linksX.deps, linksX.answers, shared.options)
    first.completed()
    const second = new BuildLookups(first)
    expect(second.stillValid(linksY.deps, resolving({ x: 'X', y: 'Y' }).options)).toBe(true)
    const own = resolving({ x: 'Other' })
    expect(second.stillValid(linksX.deps, own.options)).toBe(false)
    expect(own.asked).toEqual(['x'])
  })

  it('fails an entry whose lookup has no resolver now', () => {
    const image = recording([['imageUrl', '[{"asset":"a"},400]']], ['https://cdn/a?w=400'])
    expect(new BuildLookups().stillValid(image.deps, {})).toBe(false)
    const withUrls: RichTextOptions = { imageUrl: (_image, width) => `https://cdn/a?w=${width}` }
    expect(new BuildLookups().stillValid(image.deps, withUrls)).toBe(true)
  })
})

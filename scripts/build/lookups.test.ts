import { describe, expect, it } from 'vitest'
import type { RichTextOptions } from '../richtext/index.ts'
import { AnswerHash, answerKey, BuildLookups, type Call, type Dependencies, sameFlat } from './lookups.ts'

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

  it('asks only the calls said to have changed since the last build, when it is the build said', () => {
    const firstBasis = {}
    const first = new BuildLookups()
    const before = resolving({ x: 'X', y: 'Y' })
    first.assume(before.options, firstBasis, undefined, new Map())
    for (const { deps, answers } of [linksX, linksY, linksBoth]) first.recorded(deps, answers, before.options)
    first.completed()

    const secondBasis = {}
    const second = new BuildLookups(first)
    const after = resolving({ x: 'X', y: 'Renamed' })
    second.assume(after.options, secondBasis, firstBasis, new Map([['reference', new Set(['y'])]]))
    expect(second.stillValid(linksX.deps, after.options)).toBe(true)
    expect(second.stillValid(linksY.deps, after.options)).toBe(false)
    expect(second.stillValid(linksBoth.deps, after.options)).toBe(false)
    expect(after.asked).toEqual(['y'])
    second.completed()

    // What was not asked was taken as it was: the build after compares with every call again.
    const third = new BuildLookups(second)
    const back = resolving({ x: 'Moved', y: 'Y' })
    expect(third.stillValid(linksX.deps, back.options)).toBe(false)
    expect(third.stillValid(linksY.deps, back.options)).toBe(true)
    expect(back.asked.sort()).toEqual(['x', 'y'])
    third.completed()

    // Said of a build that is not the last one: every call is asked.
    const fourth = new BuildLookups(third)
    const again = resolving({ x: 'Moved', y: 'Y' })
    fourth.assume(again.options, {}, secondBasis, new Map())
    expect(fourth.stillValid(linksY.deps, again.options)).toBe(true)
    expect(again.asked.sort()).toEqual(['x', 'y'])
  })

  it('finds the entries a changed call affects from the last build filed by call, build after build', () => {
    const linksZ = recording([['reference', 'z']], [{ href: '/z/', title: 'Z' }])
    const all = [linksX, linksY, linksBoth, linksZ]
    let titles: Record<string, string> = { x: 'X', y: 'Y', z: 'Z' }
    let basis = {}
    let last = new BuildLookups()
    const first = resolving(titles)
    last.assume(first.options, basis, undefined, new Map())
    for (const { deps, answers } of all) last.recorded(deps, answers, first.options)
    last.completed()
    // y renamed, then z, then y back: each build keeps at a glance exactly what no renamed call made.
    for (const [renamed, title, kept] of [
      ['y', 'Renamed', [linksX, linksZ]],
      ['z', 'Moved', [linksX]],
      ['y', 'Y', [linksX]],
    ] as const) {
      last.indexValid()
      titles = { ...titles, [renamed]: title }
      const now = resolving(titles)
      const build = new BuildLookups(last)
      const since = basis
      basis = {}
      build.assume(now.options, basis, since, new Map([['reference', new Set([renamed])]]))
      const atAGlance = all.filter(({ deps }) => build.validAsInLastBuild(deps, now.options))
      expect(atAGlance).toEqual(kept)
      expect(now.asked).toEqual([renamed])
      // The rest are checked call by call as before.
      for (const { deps } of all) build.stillValid(deps, now.options)
      build.completed()
      last = build
    }
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

  it('finds changed answers by comparing with what the resolvers returned a build before', () => {
    // A build asks the last one's calls itself; the build after it compares their returns.
    let last: BuildLookups | undefined
    const results: boolean[] = []
    const titles = [
      { x: 'X', y: 'Y' },
      { x: 'X', y: 'Y' },
      { x: 'X', y: 'Renamed' },
      { x: 'X', y: 'Renamed' },
      { x: 'X', y: 'Y' },
    ]
    for (const [index, names] of titles.entries()) {
      const lookups = new BuildLookups(last)
      const { options } = resolving(names)
      if (index === 0)
        for (const { deps, answers } of [linksX, linksY]) lookups.recorded(deps, answers, options)
      else results.push(lookups.stillValid(linksX.deps, options), lookups.stillValid(linksY.deps, options))
      lookups.completed()
      last = lookups
    }
    expect(results).toEqual([true, true, true, false, true, false, true, true])
  })
})

describe('sameFlat', () => {
  it('is true only for values that serialize alike, judged without serializing', () => {
    expect(sameFlat(undefined, undefined)).toBe(true)
    expect(sameFlat('a', 'a')).toBe(true)
    expect(sameFlat(Number.NaN, Number.NaN)).toBe(false)
    expect(sameFlat({ href: '/x/', title: 'X' }, { href: '/x/', title: 'X' })).toBe(true)
    expect(sameFlat({ href: '/x/', title: 'X' }, { title: 'X', href: '/x/' })).toBe(false)
    expect(sameFlat({ href: '/x/', title: 'X' }, { href: '/x/', title: 'Y' })).toBe(false)
    expect(sameFlat({ href: '/x/' }, { href: '/x/', title: undefined })).toBe(false)
    expect(sameFlat({ a: { b: 1 } }, { a: { b: 1 } })).toBe(false)
    expect(sameFlat([1], [1])).toBe(false)
    expect(sameFlat(null, undefined)).toBe(false)
    const one = { href: '/x/' }
    expect(sameFlat(one, one)).toBe(false)
  })
})

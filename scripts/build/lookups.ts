/*
 * What a cached render looked up, and whether every lookup still gives the same answer (see cache.ts).
 *
 * A render records each call it made to a resolver (internal links, cast credits, show status, image
 * URLs) and a hash of the answers. Checking an entry means asking each of its calls again: at 10,000
 * articles that is ~250,000 calls per build, for entries of which nearly all are unchanged. A process
 * that builds again (the publisher's worker) keeps what each call answered in its last build: it asks
 * every distinct call once, and an entry found valid then, none of whose calls now answers otherwise,
 * is valid without looking at its calls one by one.
 */
import { createHash } from 'node:crypto'
import { sameItems } from '../lib/same-items.ts'
import type { RichTextOptions } from '../richtext/index.ts'

export type Lookup = 'reference' | 'castCredit' | 'status' | 'imageUrl'
/** One resolver call: which resolver, with what argument. */
export type Call = readonly [lookup: Lookup, argument: string]

/**
 * What a render looked up, kept small: a 10,000-article cache records ~250,000 calls, and holding
 * each call and its answer as strings in arrays made the index the largest thing a build kept in
 * memory (and the garbage collector's longest walk). The calls are one JSON string per entry; the
 * answers only a hash, enough to tell whether every one of them is still the same.
 */
export interface Dependencies {
  /** Each distinct call, in the order first made, as JSON (`Call[]`). */
  calls: string
  /** Hash of every answer in call order (JSON; `!` + message when it threw). */
  answers: string
}

/** Hash of a sequence of answers (each length-prefixed, so no two sequences hash alike by joining). */
export class AnswerHash {
  readonly #hash = createHash('sha1')
  add(answer: string): void {
    this.#hash.update(`${answer.length}:`).update(answer)
  }
  digest(): string {
    return this.#hash.digest('base64')
  }
}

/**
 * A resolver's answer as recorded: JSON, `u` for `undefined`.
 *
 * @param answer what the resolver returned
 */
export function answerKey(answer: unknown): string {
  return answer === undefined ? 'u' : JSON.stringify(answer)
}

/** What a call that threw answers. */
export function thrownKey(error: unknown): string {
  return `!${String(error)}`
}

/** Calls whose answer changed, by lookup, and how many in all. */
interface ChangedCalls {
  calls: Map<Lookup, Set<string>>
  count: number
}

/**
 * The lookups of one build: each distinct call is asked once, and (see the top of this file) what the
 * calls answered in `last`, the process's previous build, tells which entries are still valid at once.
 */
export class BuildLookups {
  #last: BuildLookups | undefined
  /** The first options seen: their resolvers are the ones every document of a build shares. */
  #first: RichTextOptions | undefined
  /** Answers by lookup and argument, for the shared resolvers: what the next build compares with. */
  readonly #shared = new Map<Lookup, Map<string, string>>()
  /**
   * What the shared resolvers returned, by lookup and argument, for the calls this build asked
   * itself: the next build recognises an answer equal to one of these without serializing it.
   */
  readonly #returned = new Map<Lookup, Map<string, unknown>>()
  /** Answers by resolver and argument, for any other resolvers. */
  readonly #byResolver = new WeakMap<object, Map<string, string>>()
  /** Dependencies found valid (or recorded) in this build, with the shared resolvers. */
  readonly #valid = new Set<Dependencies>()
  /** Holds every one of `#valid` by its calls, once `indexValid` has run. */
  #index: CallIndex | undefined
  /** The entries of the last build that made a call answering otherwise now (from its index). */
  #affected: Set<Dependencies> | undefined
  /** Calls whose answer differs from the one in `last`, by lookup; and how many. */
  #changed: ChangedCalls | undefined
  /** Stands for what this build's shared resolvers answer from (see `assume`). */
  #basis: object | undefined
  /** What the caller said of this build's answers (see `assume`). */
  #assumed: { since: object; changed: ReadonlyMap<Lookup, ReadonlySet<string>> } | undefined

  /** @param last the lookups of the process's previous build that completed, if any */
  constructor(last?: BuildLookups) {
    this.#last = last
  }

  /**
   * True when `deps` still hold: every call gives the answer recorded in them.
   *
   * @param deps what an entry looked up
   * @param options the render options of this build (its resolvers answer the calls)
   */
  stillValid(deps: Dependencies, options: RichTextOptions): boolean {
    const shared = this.#shares(options)
    if (shared && this.#unchangedSinceLast(deps, options)) {
      this.#valid.add(deps)
      return true
    }
    const now: string[] = []
    for (const [lookup, argument] of callsOf(deps)) {
      const answer = this.#answer(lookup, argument, options, shared)
      if (answer === undefined) return false
      now.push(answer)
    }
    // The same answers as when the entry was last found valid need no hashing.
    const before = validAnswers.get(deps)
    if (!before || !sameItems(before, now)) {
      const answers = new AnswerHash()
      for (const answer of now) answers.add(answer)
      if (answers.digest() !== deps.answers) return false
      validAnswers.set(deps, now)
    }
    if (shared) this.#valid.add(deps)
    return true
  }

  /**
   * True when `deps` were valid in the process's last build and none of their calls answers
   * otherwise now (the check `stillValid` makes first, without its fallback of asking each call).
   *
   * @param deps what an entry looked up
   * @param options the render options of this build
   */
  validAsInLastBuild(deps: Dependencies, options: RichTextOptions): boolean {
    if (!this.#shares(options) || !this.#unchangedSinceLast(deps, options)) return false
    this.#valid.add(deps)
    return true
  }

  /**
   * Takes in a render's own recording: its calls were answered as recorded, and its dependencies
   * are valid in this build.
   *
   * @param deps what the render looked up
   * @param answers each call and what it answered
   * @param options the options the render was given
   */
  recorded(
    deps: Dependencies,
    answers: Iterable<{ call: Call; answer: string }>,
    options: RichTextOptions,
  ): void {
    if (!this.#shares(options)) return
    for (const { call, answer } of answers) this.#sharedFor(call[0]).set(call[1], answer)
    this.#valid.add(deps)
  }

  /**
   * Says what the shared resolvers of this build answer from. Given `since`, the basis of an
   * earlier build, it says too that they answer as in that build except perhaps for the calls in
   * `changed` (by lookup, their arguments; a lookup not named answers as it did): when that build is
   * the last one, only those calls are asked again to find which entries still hold, instead of
   * every call of the last build (~22,000 at 10,000 articles). Call it before checking any entry.
   *
   * @param options the render options whose resolvers are meant
   * @param basis stands for what they answer from now (an object the next build may pass as `since`)
   * @param since the basis of the build they answer as, if the caller knows one
   * @param changed the calls that may answer otherwise than then
   */
  assume(
    options: RichTextOptions,
    basis: object,
    since: object | undefined,
    changed: ReadonlyMap<Lookup, ReadonlySet<string>>,
  ): void {
    if (!this.#shares(options)) return
    this.#basis = basis
    this.#assumed = since && { since, changed }
  }

  /** Lets go of the previous build's lookups once this build is the one the next compares with. */
  completed(): void {
    this.#last = undefined
  }

  /**
   * For a process that builds again, after this build completed (while it is idle): files every
   * dependency valid in it under each call it makes, in the process's index, so that the next build
   * finds the entries a changed call affects at once instead of looking through the calls of every
   * entry (~250,000 at 10,000 articles). Only what the index does not hold yet is filed.
   */
  indexValid(): void {
    let index = processIndex
    // Entries replaced since stay filed: started again once they are most of it.
    if (!index || index.count > 2 * this.#valid.size + STALE_ALLOWANCE) {
      index = new CallIndex()
      processIndex = index
    }
    for (const deps of this.#valid) index.add(deps)
    this.#index = index
  }

  #shares(options: RichTextOptions): boolean {
    this.#first ??= options
    const shared = this.#first
    return (
      options.resolveReference === shared.resolveReference &&
      options.resolveCastCredit === shared.resolveCastCredit &&
      options.resolveStatus === shared.resolveStatus &&
      options.imageUrl === shared.imageUrl
    )
  }

  #sharedFor(lookup: Lookup): Map<string, string> {
    return innerMap(this.#shared, lookup)
  }

  /** Valid in the last build, and none of its calls answers otherwise now. */
  #unchangedSinceLast(deps: Dependencies, options: RichTextOptions): boolean {
    const last = this.#last
    if (last === undefined) return false
    if (!last.#valid.has(deps)) return false
    const changed = this.#changedSinceLast(last, options)
    if (changed.count === 0) return true
    if (last.#index) {
      this.#affected ??= last.#index.callersOf(changed.calls)
      return !this.#affected.has(deps)
    }
    for (const [lookup, argument] of callsOf(deps)) if (changed.calls.get(lookup)?.has(argument)) return false
    return true
  }

  /** Asks every call the last build asked (so every call of its valid entries) once. */
  #changedSinceLast(last: BuildLookups, options: RichTextOptions): ChangedCalls {
    if (this.#changed) return this.#changed
    const assumed = this.#assumed
    if (assumed && last.#basis === assumed.since) {
      this.#changed = this.#changedAsAssumed(last, assumed.changed, options)
      return this.#changed
    }
    const changed = { calls: new Map<Lookup, Set<string>>(), count: 0 }
    for (const [lookup, answers] of last.#shared) {
      const calls = new Set<string>()
      for (const [argument, before] of answers)
        if (this.#answer(lookup, argument, options, true) !== before) calls.add(argument)
      changed.calls.set(lookup, calls)
      changed.count += calls.size
    }
    this.#changed = changed
    return changed
  }

  /**
   * The last build's answers taken as they were, but for the calls that may have changed, which are
   * asked again; what the last build returned is kept too, for the next build to compare with.
   */
  #changedAsAssumed(
    last: BuildLookups,
    assumed: ReadonlyMap<Lookup, ReadonlySet<string>>,
    options: RichTextOptions,
  ): ChangedCalls {
    const changed = { calls: new Map<Lookup, Set<string>>(), count: 0 }
    for (const [lookup, answers] of last.#shared) {
      const mine = this.#sharedFor(lookup)
      const returned = innerMap(this.#returned, lookup)
      const lastReturned = last.#returned.get(lookup)
      const maybe = assumed.get(lookup)
      const calls = new Set<string>()
      for (const [argument, before] of answers) {
        if (maybe?.has(argument)) {
          if (this.#answer(lookup, argument, options, true) !== before) calls.add(argument)
        } else if (!mine.has(argument)) {
          mine.set(argument, before)
          if (lastReturned?.has(argument)) returned.set(argument, lastReturned.get(argument))
        }
      }
      changed.calls.set(lookup, calls)
      changed.count += calls.size
    }
    return changed
  }

  /** What a call answers now; `undefined` when the options have no resolver for it. */
  #answer(lookup: Lookup, argument: string, options: RichTextOptions, shared: boolean): string | undefined {
    const resolver = resolverFor(lookup, options)
    if (!resolver) return undefined
    let known = shared ? this.#sharedFor(lookup) : this.#byResolver.get(resolver)
    if (!known) {
      known = new Map()
      this.#byResolver.set(resolver, known)
    }
    let answer = known.get(argument)
    if (answer === undefined) {
      try {
        const returned = resolver(argument)
        answer = shared ? this.#sharedAnswer(lookup, argument, returned) : answerKey(returned)
      } catch (error) {
        answer = thrownKey(error)
      }
      known.set(argument, answer)
    }
    return answer
  }

  /**
   * `answerKey(returned)`, taken from the last build when it returned an equal flat object there:
   * after one edit nearly every call answers as before, and serializing 20,000 answers a build to
   * find that out took longer than comparing them.
   */
  #sharedAnswer(lookup: Lookup, argument: string, returned: unknown): string {
    innerMap(this.#returned, lookup).set(argument, returned)
    const last = this.#last
    if (last === undefined) return answerKey(returned)
    const before = last.#shared.get(lookup)?.get(argument)
    const lastReturns = last.#returned.get(lookup)
    if (before !== undefined && lastReturns?.has(argument) && sameFlat(lastReturns.get(argument), returned))
      return before
    return answerKey(returned)
  }
}

/** Index entries of stale dependencies allowed beyond twice the valid ones before starting again. */
const STALE_ALLOWANCE = 10_000

/**
 * Dependencies by each call they make (see `BuildLookups.indexValid`): one set entry per call of
 * every valid entry, held by a process that builds again instead of walking every entry's calls in
 * each build.
 */
class CallIndex {
  readonly #byCall = new Map<Lookup, Map<string, Set<Dependencies>>>()
  readonly #filed = new WeakSet<Dependencies>()
  /** Dependencies filed, stale ones included. */
  count = 0

  /** Files `deps` under each of its calls, unless filed already. */
  add(deps: Dependencies): void {
    if (this.#filed.has(deps)) return
    for (const [lookup, argument] of callsOf(deps)) {
      const byArgument = innerMap(this.#byCall, lookup)
      let callers = byArgument.get(argument)
      if (!callers) {
        callers = new Set()
        byArgument.set(argument, callers)
      }
      callers.add(deps)
    }
    this.#filed.add(deps)
    this.count += 1
  }

  /** Every dependency filed that makes one of `calls` (arguments by lookup). */
  callersOf(calls: ReadonlyMap<Lookup, ReadonlySet<string>>): Set<Dependencies> {
    const callers = new Set<Dependencies>()
    for (const [lookup, arguments_] of calls) {
      const byArgument = this.#byCall.get(lookup)
      if (!byArgument) continue
      for (const argument of arguments_) for (const deps of byArgument.get(argument) ?? []) callers.add(deps)
    }
    return callers
  }
}

/** The process's index of valid dependencies by call (see `BuildLookups.indexValid`). */
let processIndex: CallIndex | undefined

/** The map under `key` in `outer`, made when first asked for. */
function innerMap<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = outer.get(key)
  if (!inner) {
    inner = new Map()
    outer.set(key, inner)
  }
  return inner
}

/**
 * True when `a` and `b` serialize alike as JSON, judged without serializing them: `undefined`, the
 * same primitive, or plain objects with the same keys in the same order and the same primitive
 * values. False for anything else (nested objects, arrays), which the caller then serializes.
 */
export function sameFlat(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b
  // One object twice may have been changed in between: only its text can tell.
  if (a === b || Array.isArray(a) || Array.isArray(b)) return false
  const keys = Object.keys(a)
  const others = Object.keys(b)
  if (keys.length !== others.length) return false
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    if (key !== others[index]) return false
    const value = (a as Record<string, unknown>)[key]
    if (value !== (b as Record<string, unknown>)[key] || (typeof value === 'object' && value !== null))
      return false
  }
  return true
}

/** Each entry's calls, parsed once per process (an entry lives on while its document is unchanged). */
const parsedCalls = new WeakMap<Dependencies, readonly Call[]>()

function callsOf(deps: Dependencies): readonly Call[] {
  let calls = parsedCalls.get(deps)
  if (!calls) {
    calls = JSON.parse(deps.calls) as Call[]
    parsedCalls.set(deps, calls)
  }
  return calls
}

/** The answers each entry was last found valid with, in this process. */
const validAnswers = new WeakMap<Dependencies, readonly string[]>()

/** The function a recorded lookup calls, taking the call's argument as recorded. */
function resolverFor(lookup: Lookup, options: RichTextOptions): ((argument: string) => unknown) | undefined {
  switch (lookup) {
    case 'reference':
      return options.resolveReference ?? answersNothing
    case 'castCredit':
      return options.resolveCastCredit ?? answersNothing
    case 'status':
      return options.resolveStatus ?? answersNothing
    case 'imageUrl': {
      const imageUrl = options.imageUrl
      if (typeof imageUrl !== 'function') return undefined
      let parsing = imageUrlParsers.get(imageUrl)
      if (!parsing) {
        parsing = (argument: string) => {
          const [image, width] = JSON.parse(argument) as [Record<string, unknown>, number]
          return imageUrl(image, width)
        }
        imageUrlParsers.set(imageUrl, parsing)
      }
      return parsing
    }
    default:
      return undefined
  }
}

/** A missing resolver: every lookup answers `undefined`. */
const answersNothing = (): undefined => undefined

const imageUrlParsers = new WeakMap<object, (argument: string) => unknown>()

import { sameItems } from '../lib/same-items.ts'
import type { BuildWarning } from './types.ts'

/*
 * Site data kept from one build to the next by a process that builds again (the publisher's worker).
 * After one edit nearly every page's data is made from the same inputs as last time: the query rows of
 * unchanged documents are the very same objects (scripts/source/row-memo.ts), and so are rich text
 * results from the cache. Such an object is given back as it was instead of being made again, and
 * later steps (fingerprints, scripts/build/incremental/fingerprint.ts) recognise it by identity
 * instead of serializing it.
 */

/** What was made for one key, from which inputs, and the warnings made on the way. */
interface Made {
  key: string
  inputs: readonly unknown[]
  /** The inputs given to `kept` (see there), when the caller has such. */
  quick?: readonly unknown[] | undefined
  value: object
  warnings: readonly BuildWarning[]
}

export interface MadeOptions<T extends object> {
  /**
   * Called with an object about to be given back; returning false makes it anew instead (e.g. when
   * it cannot be fitted to this build).
   */
  adopt?: (value: T) => boolean
  /** What the caller would give `kept` next time for this key. */
  quick?: readonly unknown[] | undefined
}

/**
 * What one key was given in a build, as {@link SiteDataMemo.record} hands it out: the next build may
 * give it back as it was with {@link SiteDataMemo.carry}.
 */
export type MadeRecord = Readonly<Made>

export class SiteDataMemo {
  /**
   * Objects of the current (else the last) build: kept from the build before (`unchanged` of them by
   * `kept` or `carry`, without their inputs being found; `carried` of those by `carry`), or made anew.
   */
  readonly stats = { kept: 0, unchanged: 0, carried: 0, made: 0 }
  #previous = new Map<string, Made>()
  #current = new Map<string, Made>()
  readonly #derived = new WeakMap<object, object>()
  #previousValues = new Map<string, unknown>()
  #currentValues = new Map<string, unknown>()

  /** Starts a build: what the last completed build made is what this one compares with. */
  begin(): void {
    this.#current = new Map()
    this.#currentValues = new Map()
    this.stats.kept = 0
    this.stats.unchanged = 0
    this.stats.carried = 0
    this.stats.made = 0
  }

  /** Ends a build that completed: the next build compares with what this one made. */
  commit(): void {
    this.#previous = this.#current
    this.#current = new Map()
    this.#previousValues = this.#currentValues
    this.#currentValues = new Map()
  }

  /**
   * Keeps `value` for the next build, which finds it with {@link last} once this build completes.
   *
   * @param name names the value among those a build keeps
   * @param value anything the next build compares with (it must not be changed afterwards)
   */
  keep(name: string, value: unknown): void {
    this.#currentValues.set(name, value)
  }

  /**
   * What the last completed build kept under `name` ({@link keep}), else undefined.
   *
   * @param name as given to `keep`
   */
  last<T>(name: string): T | undefined {
    return this.#previousValues.get(name) as T | undefined
  }

  /**
   * What this build made or kept for `key` so far, to be handed to {@link carry} in the next build.
   *
   * @param key as given to `made` or `kept`
   */
  record(key: string): MadeRecord | undefined {
    return this.#current.get(key)
  }

  /**
   * Takes `records` into this build as they were, for a caller that gives back what they made (and
   * reports their warnings) itself; nothing is taken unless every record is what the last completed
   * build made or kept for its key.
   *
   * @param records from {@link record} in the last completed build
   * @returns whether they were taken
   */
  keepRecords(records: readonly MadeRecord[]): boolean {
    if (!records.every((record) => this.#isLastBuilds(record))) return false
    for (const record of records) this.#take(record)
    return true
  }

  /**
   * The object of `record` given back as it was, with its warnings: for a caller that knows, without
   * looking at its inputs, that none changed (e.g. nothing it was made from is new since the last
   * build). Undefined when `record` is not what the last completed build made or kept for its key.
   *
   * @param record from {@link record} in the last completed build
   * @param warn where the build's warnings go
   * @param keeping called when the object is kept, before its warnings are reported again
   */
  carry<T extends object>(
    record: MadeRecord,
    warn: (warning: BuildWarning) => void,
    keeping?: () => void,
  ): T | undefined {
    if (!this.#isLastBuilds(record)) return undefined
    keeping?.()
    for (const warning of record.warnings) warn(warning)
    this.#take(record)
    return record.value as T
  }

  /** Whether `record` is what the last completed build made or kept for its key. */
  #isLastBuilds(record: MadeRecord): boolean {
    return this.#previous.get(record.key) === record
  }

  /** Takes a record of the last build into this one as it was (carried over). */
  #take(record: MadeRecord): void {
    this.#current.set(record.key, record)
    this.stats.kept += 1
    this.stats.unchanged += 1
    this.stats.carried += 1
  }

  /**
   * The object made for `key` from `inputs`: last build's when every input is the same (`===`,
   * in order), its warnings reported again; else what `make` makes now.
   *
   * @param key names the object among everything the build makes (e.g. `article:<id>`)
   * @param inputs everything the object is made from; objects count by identity
   * @param warn where the build's warnings go
   * @param make makes the object, reporting warnings through the function it is given
   */
  made<T extends object>(
    key: string,
    inputs: readonly unknown[],
    warn: (warning: BuildWarning) => void,
    make: (warn: (warning: BuildWarning) => void) => T,
    options: MadeOptions<T> = {},
  ): T {
    const last = this.#previous.get(key)
    if (last && sameItems(last.inputs, inputs) && (options.adopt?.(last.value as T) ?? true)) {
      for (const warning of last.warnings) warn(warning)
      this.#current.set(key, last.quick === options.quick ? last : { ...last, quick: options.quick })
      this.stats.kept += 1
      return last.value as T
    }
    const warnings: BuildWarning[] = []
    const value = make((warning) => {
      warnings.push(warning)
      warn(warning)
    })
    this.#current.set(key, { key, inputs, quick: options.quick, value, warnings })
    this.stats.made += 1
    return value
  }

  /**
   * Last build's object for `key`, given back as `made` would, without the work of finding its
   * inputs: when `quick` is the same (`===`, in order) as the `quick` it was last made or kept with.
   * The caller's `quick` must decide the full inputs (equal `quick`, equal inputs); when it gives
   * undefined, the caller goes on to `made`.
   *
   * @param key as for `made`
   * @param quick the few values the full inputs follow from (e.g. the document's row and tokens of
   *   its cached rich text, standing for what was rendered from it)
   * @param warn where the build's warnings go
   * @param keeping called when the object is kept, before its warnings are reported again
   */
  kept<T extends object>(
    key: string,
    quick: readonly unknown[],
    warn: (warning: BuildWarning) => void,
    keeping?: () => void,
  ): T | undefined {
    const last = this.#previous.get(key)
    if (!last?.quick || !sameItems(last.quick, quick)) return undefined
    keeping?.()
    for (const warning of last.warnings) warn(warning)
    this.#current.set(key, last)
    this.stats.kept += 1
    this.stats.unchanged += 1
    return last.value as T
  }

  /**
   * What `derive` gives for `source`, once per source object: a source kept from the last build
   * keeps what was derived from it.
   *
   * @param source an object made by {@link made} (or any object that is never changed)
   * @param derive makes the derived object from it
   */
  derived<S extends object, T extends object>(source: S, derive: (source: S) => T): T {
    let value = this.#derived.get(source) as T | undefined
    if (value === undefined) {
      value = derive(source)
      this.#derived.set(source, value)
    }
    return value
  }
}

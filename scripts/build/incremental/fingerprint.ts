/**
 * Fingerprints of site data: a page's fingerprint is a hash of exactly the data it renders (its item,
 * and the top-level `reel` values it read), so two builds that give a page the same fingerprint give
 * it the same bytes.
 */
import { createHash, hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SiteData } from '../../site-data/index.ts'
import { withSharedReplaced } from '../../site-data/shared.ts'
import { withDeferredAsTokens } from './deferred.ts'
import { namedKey } from './pages.ts'
import { SameData } from './same-data.ts'

/** Stands for a shared object (see scripts/site-data/shared.ts) inside another value's text. */
const SHARED_TOKEN = '\u0000shared:'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export function sha1(text: string): string {
  return hash('sha1', text, 'base64')
}

/**
 * Hashes site-data values, each object once per build: items are hashed by identity, so an item
 * listed by several templates (or read again) costs nothing the second time. Rich text deferred to
 * disk counts by its content hash and is not read.
 *
 * Given the hasher of the previous build (a process that builds again, like the publisher's worker),
 * an item or top-level value equal to its counterpart there (`SameData`) takes that one's hash:
 * comparing is cheaper than serializing and hashing, and after one edit nearly everything is equal.
 */
export class DataHasher {
  readonly #siteData: SiteData
  readonly #objects = new WeakMap<object, string>()
  readonly #top = new Map<string, string>()
  readonly #reads = new Map<string, string>()
  /** `#reads` by the array a page holds its keys in. */
  readonly #readsByList = new WeakMap<readonly string[], string>()
  #previous: DataHasher | undefined
  readonly #same = new SameData()
  /** Lists whose items have been matched with the previous build's. */
  readonly #carried = new WeakSet<object>()

  /**
   * @param siteData this build's site data
   * @param previous the previous build's hasher, to take hashes of unchanged items from
   */
  constructor(siteData: SiteData, previous?: DataHasher) {
    this.#siteData = siteData
    this.#previous = previous
  }

  /** Stops looking at the previous build (and lets its data go); call once this build is hashed. */
  forgetPrevious(): void {
    this.#previous = undefined
  }

  /** Hash of one value (an item, a list, anything JSON can hold). */
  value(value: unknown): string {
    if (value === null || typeof value !== 'object') return sha1(JSON.stringify(value) ?? 'undefined')
    const known =
      this.#objects.get(value) ?? (this.#previous ? this.#previous.#objects.get(value) : undefined)
    if (known) {
      // Kept here too: the next build looks only one build back.
      this.#objects.set(value, known)
      return known
    }
    let hash: string
    if (Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object')) {
      hash = sha1(`[${value.map((item) => this.value(item)).join(',')}]`)
    } else {
      // Summaries inside the value count by their own (remembered) hash, not their text again.
      const top = value
      hash = withDeferredAsTokens(() =>
        withSharedReplaced(
          (object) => (object === top ? object : `${SHARED_TOKEN}${this.value(object)}`),
          () => sha1(JSON.stringify(value)),
        ),
      )
    }
    this.#objects.set(value, hash)
    return hash
  }

  /** Hash of `reel[key]`; `*` stands for every key. */
  top(key: string): string {
    let hash = this.#top.get(key)
    if (hash === undefined) {
      const data = this.#siteData as unknown as Record<string, unknown>
      if (key !== '*' && this.#previous) this.#carryOver(data[key], this.#previous.#topValue(key))
      hash =
        key === '*'
          ? sha1(
              Object.keys(data)
                .sort()
                .map((k) => `${k}=${this.top(k)}`)
                .join(','),
            )
          : this.value(data[key])
      this.#top.set(key, hash)
    }
    return hash
  }

  /**
   * Combined hash of the `reel` keys a page read (most pages read the same few keys, and pages of a
   * manifest share one array per list of keys: known by the array, it is not joined again).
   */
  reads(keys: readonly string[]): string {
    let hash = this.#readsByList.get(keys)
    if (hash !== undefined) return hash
    const list = keys.join('\u0000')
    hash = this.#reads.get(list)
    if (hash === undefined) {
      hash = sha1(keys.map((key) => `${key}=${this.top(key)}`).join(','))
      this.#reads.set(list, hash)
    }
    this.#readsByList.set(keys, hash)
    return hash
  }

  /** The items of a one-item-per-page template (`reel.articles` → `siteData.articles`). */
  items(path: string): unknown[] {
    const items = itemsAt(this.#siteData, path)
    if (this.#previous) this.#carryOver(items, itemsAt(this.#previous.#siteData, path))
    return items
  }

  #topValue(key: string): unknown {
    return (this.#siteData as unknown as Record<string, unknown>)[key]
  }

  /**
   * Takes the previous build's hash for `value` when it equals `previous`; for a list, item by item,
   * matching items by their key (`id`, `url` or `slug`), else by position.
   */
  #carryOver(value: unknown, previous: unknown): void {
    const hashes = this.#previous ? this.#previous.#objects : undefined
    if (!hashes || !value || typeof value !== 'object' || !previous || typeof previous !== 'object') return
    // The same object needs nothing: `value` finds its hash in the previous build.
    if (value === previous) return
    if (!Array.isArray(value)) {
      const hash = hashes.get(previous)
      if (hash !== undefined && !this.#objects.has(value) && this.#same.equal(previous, value))
        this.#objects.set(value, hash)
      return
    }
    if (!Array.isArray(previous) || this.#carried.has(value)) return
    this.#carried.add(value)
    // Lists mostly keep their order: an item is first matched with the one at its place.
    let byKey: Map<string, unknown> | undefined
    value.forEach((item, index) => {
      const placed = previous[index]
      if (item === placed) return
      const key = namedKey(item)
      let counterpart = placed
      if (key !== undefined && (placed === undefined || namedKey(placed) !== key)) {
        byKey ??= byNamedKey(previous)
        counterpart = byKey.get(key)
      }
      if (counterpart !== undefined) this.#carryOver(item, counterpart)
    })
  }
}

function byNamedKey(items: readonly unknown[]): Map<string, unknown> {
  const byKey = new Map<string, unknown>()
  for (const item of items) {
    const key = namedKey(item)
    if (key !== undefined) byKey.set(key, item)
  }
  return byKey
}

function itemsAt(siteData: SiteData, path: string): unknown[] {
  let value: unknown = { reel: siteData }
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part]
  return Array.isArray(value) ? value : []
}

let codeHash: string | undefined

/**
 * Hash of everything that decides how data becomes pages: the site's templates and assets, the build
 * scripts (tests, generator and publisher excluded) and the installed packages. When it changes,
 * pages cannot be reused and the next build is a full one.
 */
export function siteCodeHash(): string {
  if (codeHash) return codeHash
  const hash = createHash('sha1')
  const skip = new Set(['node_modules', 'test', 'publish', 'gen', 'content', 'dataset'])
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(path)
      } else if (!entry.name.endsWith('.test.ts')) {
        hash.update(relative(ROOT, path)).update('\u0000').update(readFileSync(path))
      }
    }
  }
  walk(join(ROOT, 'site'))
  walk(join(ROOT, 'scripts'))
  const lock = join(ROOT, 'package-lock.json')
  if (existsSync(lock)) hash.update(readFileSync(lock))
  codeHash = hash.digest('base64')
  return codeHash
}

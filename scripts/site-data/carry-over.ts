import { changedKeys, sameItems } from '../lib/same-items.ts'
import type { MadeRecord, SiteDataMemo } from './memo.ts'
import type { BuildWarning, Link } from './types.ts'

/*
 * Article pages carried over from the last build without their rows being read. At 10,000 articles,
 * even recognising every unchanged page at a glance (its row, joins and rich text looked up one by
 * one) took a fifth of a second a build on a slow machine; most of it was reaching into rows and
 * maps spread over a large heap. What the last build knew of each article, by its place in the list,
 * lets a page whose row is the very same object be kept when nothing it joins has changed since.
 */

/** What the last build knew of one article: enough to keep its page without reading its row. */
export interface ArticleRecord {
  /** The row the page was made from (unchanged documents keep theirs, build after build). */
  doc: object
  id: string
  showId: string | undefined
  authorIds: readonly string[]
  /** The rich-text cache's tokens for its fields (see `RichTextRenderer.unchanged`). */
  tokens: readonly unknown[]
  made: MadeRecord
}

/** What changed since the last build among the joins an article page is made from. */
export interface ArticleJoins {
  /** The last build's records, by place. */
  records: ReadonlyArray<ArticleRecord | undefined>
  /** Shows whose summary or key art is not the object it was. */
  shows: ReadonlySet<string>
  /** Authors whose link (address or name) is not what it was. */
  authors: ReadonlySet<string>
}

/** What a build keeps for the next one, by name (`SiteDataMemo.keep`). */
const KEPT = {
  records: 'articles:records',
  summaries: 'articles:show-summaries',
  keyArt: 'articles:key-art',
  authors: 'articles:author-links',
  richText: 'articles:rich-text-options',
} as const

/**
 * Compares the joins of this build with the last one's and keeps this build's for the next: `joins`
 * is undefined when nothing can be carried over (no last build, other rich-text options);
 * `authorLinks` is what the next build compares with, to which the caller adds the authors of the
 * articles it does not carry over.
 *
 * @param memo the build's memo
 * @param summaries show summaries by show id, as articles join them
 * @param keyArt each show's key art field by show id
 * @param linkOf every linkable document's link by id (authors are looked up in it)
 * @param richText the build's rich-text options
 */
export function articleJoins(
  memo: SiteDataMemo,
  summaries: ReadonlyMap<string, unknown>,
  keyArt: ReadonlyMap<string, unknown>,
  linkOf: (id: string) => Link | undefined,
  richText: unknown,
): { joins: ArticleJoins | undefined; authorLinks: Map<string, string> } {
  const records = memo.last<ReadonlyArray<ArticleRecord | undefined>>(KEPT.records)
  const sameOptions = records !== undefined && memo.last(KEPT.richText) === richText
  // Authors any article listed in an earlier build, with their link then (a superset is harmless).
  const authorLinks = new Map(memo.last<ReadonlyMap<string, string>>(KEPT.authors))
  const authors = new Set<string>()
  for (const [id, before] of authorLinks) {
    const now = linkText(linkOf(id))
    if (now !== before) {
      authors.add(id)
      authorLinks.set(id, now)
    }
  }
  const shows = changedKeys(memo.last<ReadonlyMap<string, unknown>>(KEPT.summaries), summaries)
  for (const id of changedKeys(memo.last<ReadonlyMap<string, unknown>>(KEPT.keyArt), keyArt)) shows.add(id)
  memo.keep(KEPT.summaries, summaries)
  memo.keep(KEPT.keyArt, keyArt)
  memo.keep(KEPT.authors, authorLinks)
  memo.keep(KEPT.richText, richText)
  return { joins: sameOptions ? { records, shows, authors } : undefined, authorLinks }
}

/**
 * Keeps this build's article records for the next build.
 *
 * @param memo the build's memo
 * @param records by place in the list of articles
 */
export function keepArticleRecords(
  memo: SiteDataMemo,
  records: ReadonlyArray<ArticleRecord | undefined>,
): void {
  memo.keep(KEPT.records, records)
}

/**
 * The last build's record of the article `doc` at `index`, when its row is the very same object and
 * nothing it joins has changed since: the page may then be carried over once its rich text is found
 * unchanged too. A row found elsewhere in the list (articles moved) is found by id.
 *
 * @param joins from {@link articleJoins}
 * @param doc this build's row
 * @param index its place in this build's list
 * @param byId the last build's records by id, made when first needed
 */
export function unchangedArticle(
  joins: ArticleJoins,
  doc: { _id: string },
  index: number,
  byId: () => ReadonlyMap<string, ArticleRecord>,
): ArticleRecord | undefined {
  let record = joins.records[index]
  // A changed row in its place is that document's: no other record can have the row.
  if (record?.doc !== doc && record?.id !== doc._id) record = byId().get(doc._id)
  if (record?.doc !== doc) return undefined
  if (joins.shows.size > 0 && record.showId !== undefined && joins.shows.has(record.showId)) return undefined
  if (joins.authors.size > 0 && record.authorIds.some((id) => joins.authors.has(id))) return undefined
  return record
}

/**
 * Records by id.
 *
 * @param records by place
 */
export function recordsById(records: ReadonlyArray<ArticleRecord | undefined>): Map<string, ArticleRecord> {
  const byId = new Map<string, ArticleRecord>()
  for (const record of records) if (record) byId.set(record.id, record)
  return byId
}

/** How a link is compared between builds. */
export function linkText(link: Link | undefined): string {
  return link ? `${link.href}\u0000${link.text}` : ''
}

/** What the last build knew of a page made from one row, by the row's place in its list. */
interface PlacedRecord {
  doc: object
  /** The rich-text cache's tokens for the row's fields. */
  tokens: readonly unknown[]
  made: MadeRecord
  /** Anything else the page lists that is not the catalogue's (a show's articles), by identity. */
  listed: readonly unknown[]
}

/** What a build keeps of one list's records for the next. */
interface PlacedKept {
  richText: unknown
  records: ReadonlyArray<PlacedRecord | undefined>
}

/** How a page's rich text is checked and taken as the last build's (see `RichTextRenderer`). */
export interface PlacedRichText {
  stillUnchanged(tokens: readonly unknown[], documentId: string): boolean
  useUnchanged(tokens: readonly unknown[]): void
}

/**
 * The page of `record` carried over from the last build when its rich text renders as then (its
 * fields then taken as rendered by this build), else undefined.
 *
 * @param memo the build's memo
 * @param richText checks and takes cached rich text
 * @param record what the last build knew of the page
 * @param documentId the page's document
 * @param warn where the build's warnings go
 */
export function carryWithRichText<T extends object>(
  memo: SiteDataMemo,
  richText: PlacedRichText,
  record: { tokens: readonly unknown[]; made: MadeRecord },
  documentId: string,
  warn: (warning: BuildWarning) => void,
): T | undefined {
  if (!richText.stillUnchanged(record.tokens, documentId)) return undefined
  return memo.carry<T>(record.made, warn, () => richText.useUnchanged(record.tokens))
}

/**
 * Pages made one per row of a catalogue list (people, shows), carried over by place: while the
 * rich-text options are the same, a page whose row is the very same object, whose share of the
 * catalogue and own list are the same and whose rich text renders as then is the last build's page,
 * without its joins being looked up again.
 */
export class PlacedPages {
  readonly #memo: SiteDataMemo
  readonly #richText: PlacedRichText
  readonly #warn: (warning: BuildWarning) => void
  readonly #last: ReadonlyArray<PlacedRecord | undefined> | undefined
  readonly #catalogueChanged: ReadonlySet<string>
  readonly #records: Array<PlacedRecord | undefined> = []

  /**
   * @param name names the list among what a build keeps
   * @param memo the build's memo
   * @param catalogueChanged ids whose share of the catalogue differs from the last build's
   *   (`CatalogueChanges`), or undefined when that is not known: then no page is carried over
   * @param richTextOptions the build's rich-text options (image URLs)
   * @param richText checks and takes cached rich text
   * @param warn where the build's warnings go
   */
  constructor(
    name: string,
    memo: SiteDataMemo,
    catalogueChanged: ReadonlySet<string> | undefined,
    richTextOptions: unknown,
    richText: PlacedRichText,
    warn: (warning: BuildWarning) => void,
  ) {
    this.#memo = memo
    this.#richText = richText
    this.#warn = warn
    this.#catalogueChanged = catalogueChanged ?? new Set()
    const last = catalogueChanged ? memo.last<PlacedKept>(name) : undefined
    this.#last = last && last.richText === richTextOptions ? last.records : undefined
    memo.keep(name, { richText: richTextOptions, records: this.#records } satisfies PlacedKept)
  }

  /**
   * The last build's page for the row `doc` at `index`, when it may be carried over (see the class).
   * A row without `_updatedAt` is dated by the build, so never.
   *
   * @param index the row's place in its list
   * @param doc the row
   * @param listed what else the page lists, compared by identity
   */
  carry<T extends object>(
    index: number,
    doc: { _id: string; _updatedAt?: string | null },
    listed: readonly unknown[] = [],
  ): T | undefined {
    const record = this.#last?.[index]
    if (record?.doc !== doc || !doc._updatedAt || !sameItems(record.listed, listed)) return undefined
    if (this.#catalogueChanged.has(doc._id)) return undefined
    const carried = carryWithRichText<T>(this.#memo, this.#richText, record, doc._id, this.#warn)
    if (carried) this.#records[index] = record
    return carried
  }

  /**
   * Notes what the next build needs to carry over the page made for `key` from the row at `index`.
   *
   * @param index the row's place
   * @param doc the row
   * @param key the page's memo key
   * @param tokens the rich-text cache's tokens for its fields as rendered now (`usedTokens`), if any
   * @param listed what else the page lists
   */
  record(
    index: number,
    doc: object,
    key: string,
    tokens: readonly unknown[] | undefined,
    listed: readonly unknown[] = [],
  ): void {
    const made = this.#memo.record(key)
    this.#records[index] = tokens && made && { doc, tokens, made, listed }
  }
}

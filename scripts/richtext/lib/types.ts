/**
 * Public types of the rich-text renderer. Everything here is plain data: callers pass what GROQ returned
 * (typed `unknown` at the entry points) plus resolver callbacks that look things up in the build's dataset.
 */

/** Machine-readable reason for a {@link RichTextWarning}. */
export type RichTextWarningCode =
  | 'invalid-block'
  | 'unknown-block-type'
  | 'unknown-block-style'
  | 'unknown-list-style'
  | 'list-level-clamped'
  | 'unknown-inline-type'
  | 'unknown-mark'
  | 'missing-mark-def'
  | 'too-many-marks'
  | 'nested-link'
  | 'unsafe-url'
  | 'missing-href'
  | 'unresolved-reference'
  | 'unresolved-cast-credit'
  | 'empty-cast-list'
  | 'unresolved-status'
  | 'invalid-status'
  | 'invalid-date'
  | 'image-unresolvable'
  | 'missing-alt'
  | 'empty-pull-quote'
  | 'raw-html-dropped'
  | 'markdown-too-long'
  | 'markdown-too-deep'
  | 'render-failed'

/** A problem in the content that did not stop the build (the renderer never throws on content). */
export interface RichTextWarning {
  /** `options.documentId` of the render call, when given. */
  documentId?: string
  /** `_key` of the top-level Portable Text block the problem is in (absent for Markdown). */
  blockKey?: string
  code: RichTextWarningCode
  message: string
}

/** Result of {@link RichTextOptions.resolveReference}: where an `internalLink` annotation points. */
export interface ResolvedReference {
  /** Site URL of the referenced show/person/article, e.g. `/shows/partner-track/`. */
  href: string
  /** Optional `title` attribute for the link. */
  title?: string
}

/** Result of {@link RichTextOptions.resolveCastCredit}: one line of a `castList` block. */
export interface ResolvedCastCredit {
  actorName: string
  characterName: string
  billing?: 'main' | 'recurring' | 'guest'
  /** Site URL of the person page, e.g. `/people/alexandra-turshen/`. */
  personHref?: string
}

/** Status values of a `statusEvent` (contract), plus `unknown`. */
export type ShowStatus =
  | 'in-development'
  | 'ordered'
  | 'awaiting-premiere'
  | 'airing'
  | 'renewed'
  | 'final-season'
  | 'pending'
  | 'cancelled'
  | 'ended'
  | 'limited'
  | 'revived'
  | 'unknown'

/** Confidence of a `statusEvent`. */
export type StatusConfidence = 'official' | 'reported' | 'speculative'

/** Result of {@link RichTextOptions.resolveStatus}: the current status of a show (contract's "current status rule"). */
export interface ResolvedStatus {
  showTitle: string
  /** Site URL of the show, e.g. `/shows/partner-track/`. */
  showHref?: string
  status: ShowStatus | string
  /** Human label, e.g. `Cancelled`. */
  statusLabel: string
  confidence: StatusConfidence | string
  /** `YYYY-MM-DD` (the statusEvent's `announcedAt`). */
  date: string
  sourceUrl?: string
  sourceTitle?: string
}

/** Sanity project coordinates for `@sanity/image-url`. */
export interface SanityImageUrlConfig {
  projectId: string
  dataset: string
  /** CDN base, default `https://cdn.sanity.io`. */
  baseUrl?: string
  /**
   * Force this width/height ratio (e.g. `16 / 9`) for every rendition. The crop is then placed around the
   * image's hotspot by `@sanity/image-url`. Without it each rendition keeps the cropped image's own ratio
   * (crop honoured, hotspot has nothing to decide).
   */
  aspectRatio?: number
}

/** Builds the URL of `image` (the raw block, incl. asset/crop/hotspot) at `width` CSS pixels; for local files. */
export type ImageUrlFunction = (image: Readonly<Record<string, unknown>>, width: number) => string | undefined

/** Options shared by every entry point. All optional. */
export interface RichTextOptions {
  /** Document `_id`, copied into every warning. */
  documentId?: string
  /** Receives every warning (deduplicated per call). Default: `console.warn` one line per warning. */
  onWarning?: (warning: RichTextWarning) => void
  /** Resolves an `internalLink` annotation's `reference._ref` to its site URL. Unresolved → text only + warning. */
  resolveReference?: (ref: string) => ResolvedReference | undefined
  /** Resolves a `castList` credit's `_ref` (a `castCredit-…` id). Unresolved → credit skipped + warning. */
  resolveCastCredit?: (ref: string) => ResolvedCastCredit | undefined
  /** Resolves a `statusCallout`'s `show._ref` to that show's current status. Unresolved → block skipped + warning. */
  resolveStatus?: (showRef: string) => ResolvedStatus | undefined
  /** Sanity CDN config, or a function for local files. Absent → image blocks are skipped with a warning. */
  imageUrl?: SanityImageUrlConfig | ImageUrlFunction
  /** Rendition widths for `srcset` (default 320, 480, 640, 800, 1024, 1280, 1600; never above the source). */
  imageWidths?: readonly number[]
  /** `sizes` attribute of body images (default `(min-width: 48rem) 48rem, 100vw`). */
  imageSizes?: string
  /** Host of the site (e.g. `reelstatus.com`); absolute links to it (or `www.` of it) count as internal. */
  siteHost?: string
  /** Give headings slug ids (github-slugger, unique per call). Default `true`. */
  headingIds?: boolean
  /** Prefix for heading ids, e.g. `faq-3-` when several rendered fields share a page. Default none. */
  idPrefix?: string
  /**
   * Prepend a table of contents `<nav class="toc">` to the HTML. `true` = all heading depths, at least 2
   * entries. `RenderedRichText.toc` is filled either way (filtered by minDepth/maxDepth when given).
   */
  toc?: boolean | TocOptions
  /** Replace straight quotes/apostrophes with typographic ones (not inside `code`/`pre`). Default `false`. */
  typographicQuotes?: boolean
  /** Maximum length of `RenderedRichText.excerpt` in characters, ellipsis included. Default 160. */
  excerptLength?: number
}

/** Table-of-contents options. */
export interface TocOptions {
  /** Shallowest heading rank listed (default 1). */
  minDepth?: number
  /** Deepest heading rank listed (default 6). */
  maxDepth?: number
  /** Fewest entries for the `<nav>` to be rendered (default 2). */
  minEntries?: number
  /** Accessible name of the `<nav>` (default `Contents`). */
  label?: string
}

/** One heading of the body. */
export interface TocEntry {
  /** The heading's `id` (for `#id` links). */
  id: string
  /** The heading's plain text. */
  text: string
  /** Heading rank 1–6. */
  depth: number
}

/** Everything the site needs from one rich-text field, derived from the same (sanitised) hast tree. */
export interface RenderedRichText {
  html: string
  /** Plain text: blocks separated by blank lines, list items and `<br>` by newlines. */
  text: string
  /** First paragraphs' text, whitespace collapsed, cut at a word boundary with `…` (meta descriptions, feeds). */
  excerpt: string
  wordCount: number
  /** `ceil(wordCount / 230)`, 0 for an empty body. */
  readingMinutes: number
  toc: TocEntry[]
}

import type { TocEntry } from '../richtext/index.ts'
import type { Confidence, StatusKey } from './status.ts'

/*
 * What templates receive: every page's data resolved, rich text already rendered to sanitized HTML,
 * every URL computed. Templates only present it.
 */

export interface SiteConfig {
  title: string
  description: string
  /** Absolute origin without trailing slash, e.g. `https://reelstatus.example`. */
  url: string
  language: string
}

export interface Link {
  href: string
  text: string
}

export interface SourceView {
  url: string
  title: string
  publisher?: string | undefined
}

export interface StatusView {
  id: string
  status: StatusKey
  label: string
  confidence: Confidence
  confidenceLabel: string
  /** `YYYY-MM-DD` */
  announcedAt: string
  forSeason?: number | undefined
  summary?: string | undefined
  sources: SourceView[]
  verifiedAt?: string | undefined
  isSample: boolean
  /** Last edit of the event document. */
  updatedAt: string
}

export interface CastLine {
  id: string
  person: Link
  characterName: string
  billing: 'main' | 'recurring' | 'guest'
  seasons: number[]
}

export interface SeasonView {
  id: string
  number: number
  title?: string | undefined
  episodeCount?: number | undefined
  premiereDate?: string | undefined
  finaleDate?: string | undefined
  synopsis?: string | undefined
}

export interface ImageView {
  src: string
  srcset?: string | undefined
  sizes?: string | undefined
  width: number
  height: number
  alt: string
}

export interface ShowSummary {
  id: string
  url: string
  title: string
  network?: Link | undefined
  currentStatus?: StatusView | undefined
  isSample: boolean
}

export interface ShowPage extends ShowSummary {
  slug: string
  basedOn?: { title?: string; author?: string; year?: number; kind?: string } | undefined
  creators: Link[]
  premiereDate?: string | undefined
  finaleDate?: string | undefined
  synopsisHtml: string
  synopsisText: string
  genres: string[]
  keyArt?: ImageView | undefined
  externalIds: { imdb?: string; tmdb?: string; tvmaze?: string }
  /** Newest first. */
  timeline: StatusView[]
  seasons: SeasonView[]
  cast: { main: CastLine[]; recurring: CastLine[]; guest: CastLine[] }
  articles: ArticleSummary[]
  /** Newest `verifiedAt` among the show's status events. */
  statusVerifiedAt?: string | undefined
  updatedAt: string
}

export interface PersonPage {
  id: string
  slug: string
  url: string
  name: string
  bioHtml: string
  bioText: string
  portrait?: ImageView | undefined
  externalIds: { imdb?: string; tmdb?: string; tvmaze?: string }
  credits: Array<{
    id: string
    show: ShowSummary
    characterName: string
    billing: CastLine['billing']
    seasons: number[]
  }>
  isSample: boolean
  updatedAt: string
}

/** One page of an author's articles (the first also shows the bio). */
export interface AuthorPage extends ArticleListPage {
  /** The author document's id (pages are told apart by `url`). */
  authorId: string
  slug: string
  name: string
  bio?: string | undefined
  /** The author's articles, on all of their pages. */
  count: number
  isSample: boolean
  updatedAt: string
}

export interface NetworkPage {
  id: string
  slug: string
  url: string
  name: string
  kind?: string | undefined
  website?: string | undefined
  shows: ShowSummary[]
  /** The network's shows grouped by status, with the tracker's filter links. */
  tracker: TrackerView
  isSample: boolean
  updatedAt: string
}

/** One page of the articles with a tag. */
export interface TagPage extends ArticleListPage {
  slug: string
  name: string
  /** Articles with the tag, on all of its pages. */
  count: number
}

export interface ArticleSummary {
  id: string
  url: string
  title: string
  dek?: string | undefined
  excerpt: string
  publishedAt: string
  updatedAt: string
  isSample: boolean
}

export interface ArticlePage extends ArticleSummary {
  slug: string
  kind?: string | undefined
  bodyHtml: string
  bodyText: string
  toc: TocEntry[]
  readingMinutes: number
  wordCount: number
  show?: ShowSummary | undefined
  authors: Link[]
  tags: Link[]
  lastVerifiedAt?: string | undefined
  sources: SourceView[]
  faq: Array<{ question: string; answerHtml: string }>
  seo: { title: string; description: string; image?: ImageView | undefined }
}

export interface StatusGroup {
  status: StatusKey | 'unknown'
  label: string
  /** Newest decision first. */
  shows: ShowSummary[]
}

/** One choice in the status tracker's filter bar; only choices with shows are listed. */
export interface FilterLink {
  href: string
  text: string
  count: number
  current: boolean
}

export interface TrackerView {
  /** Newest decision first within each group. */
  groups: StatusGroup[]
  total: number
  filters: { statuses: FilterLink[]; networks: FilterLink[] }
}

/** `/status/`, `/status/<status>/` and `/status/<status>/<network>/`. */
export interface StatusTrackerPage extends TrackerView {
  url: string
  title: string
  description: string
  status?: StatusGroup['status'] | undefined
  network?: Link | undefined
}

/**
 * One page of a list of articles, newest first: the archive's (`/articles/`, `/articles/page/2/`, …),
 * a tag's (`/tags/<slug>/`, `/tags/<slug>/page/2/`, …) or an author's (`/authors/<slug>/…`).
 */
/** Where one page of a list split into pages is, and its neighbours. */
export interface ListPageNavigation {
  url: string
  number: number
  total: number
  previous?: string | undefined
  next?: string | undefined
  /** Every page of the list, for the numbered page links. */
  pages: Array<{ href: string; number: number }>
}

export interface ArticleListPage extends ListPageNavigation {
  articles: ArticleSummary[]
}

/** One page of the people index, in name order. */
export interface PeopleListPage extends ListPageNavigation {
  people: Link[]
}

/** One page of the article archive. */
export type ArchivePage = ArticleListPage

/** A page in the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  loc: string
  /** RFC 3339: when the content shown on the page last changed. */
  lastmod: string
}

/** One file of the sitemap (`/sitemap.xml` is their index). */
export interface SitemapFile {
  /** Site path, `/sitemaps/<section>-<n>.xml`. */
  url: string
  /** Absolute URL. */
  loc: string
  /** The newest `lastmod` of its pages. */
  lastmod: string
  entries: SitemapEntry[]
}

/** A status event with its show, for decision lists and status feeds. */
export interface Decision {
  show: ShowSummary
  event: StatusView
}

export interface BuildWarning {
  code: string
  message: string
  documentId?: string | undefined
  blockKey?: string | undefined
}

/**
 * What the search page lists for browsing without JavaScript: only names and links (and each show's
 * status), so an edit that changes neither leaves that page as it was.
 */
/**
 * What the search page lists without JavaScript: every show, and how many articles and people the
 * archive and the people index list (a page of every article and person would weigh megabytes).
 */
export interface BrowseLists {
  shows: Array<Link & { currentStatus?: StatusView | undefined }>
  articleCount: number
  peopleCount: number
}

export interface SiteData {
  site: SiteConfig
  /** ISO time the content was read; pages show it as "generated". */
  builtAt: string
  articles: ArticlePage[]
  /**
   * The newest articles, as many as any page that lists only the newest shows (the feeds): such pages
   * read these instead of `articles`, so an edit to an older article leaves them as they were.
   */
  latestArticles: ArticlePage[]
  browse: BrowseLists
  shows: ShowPage[]
  people: PersonPage[]
  /** Every page of every author. */
  authorPages: AuthorPage[]
  networks: NetworkPage[]
  /** Every page of every tag, by tag name. */
  tagPages: TagPage[]
  statusGroups: StatusGroup[]
  statusPages: StatusTrackerPage[]
  archivePages: ArchivePage[]
  /** Every page of the people index. */
  peoplePages: PeopleListPage[]
  /** Every status event of every show, newest first. */
  decisions: Decision[]
  /** The sitemap, in files of at most 1,000 pages. */
  sitemapFiles: SitemapFile[]
  warnings: BuildWarning[]
}

import type { ContentSnapshot } from './snapshot.ts'
import type { CastLine, Link, PersonPage, ShowSummary, StatusView } from './types.ts'

/*
 * What the catalogue (catalogue.ts) is: its rows, its joins and what differs from the last build's.
 */

/** The rows a catalogue is made from: every section of the snapshot but articles. */
export type CatalogueRows = Pick<
  ContentSnapshot,
  'networks' | 'shows' | 'people' | 'authors' | 'statusEvents' | 'castCredits' | 'seasons'
>

export const SECTIONS = [
  'networks',
  'shows',
  'people',
  'authors',
  'statusEvents',
  'castCredits',
  'seasons',
] as const satisfies ReadonlyArray<keyof CatalogueRows>

/** A person's credits as their page lists them. */
export type PersonCredit = PersonPage['credits'][number]

/**
 * Maps by id are looked up, never listed: their order is not part of what they say (a patched
 * catalogue keeps the last build's order when a renamed person moves in the list).
 */
export interface Catalogue {
  /** Slugs by document id, by type. */
  slugs: Readonly<Record<'network' | 'show' | 'person' | 'author', ReadonlyMap<string, string>>>
  /** Links of networks, shows, people and authors by id. */
  links: ReadonlyMap<string, Link>
  /** Status history per show, newest first. */
  eventsByShow: ReadonlyMap<string, StatusView[]>
  summaries: ReadonlyMap<string, ShowSummary>
  /** Cast lines by show and by credit id; a person's credits by person id. */
  creditsByShow: ReadonlyMap<string, CastLine[]>
  castLineById: ReadonlyMap<string, CastLine>
  creditsByPerson: ReadonlyMap<string, PersonCredit[]>
  /** What a person's credits are made from (each credit's row and show), by person id. */
  creditInputsByPerson: ReadonlyMap<string, unknown[]>
  /** What a show's cast is made from (each credit's row and person link), by show id. */
  creditInputsByShow: ReadonlyMap<string, unknown[]>
  /** Seasons per show, in the query's order (by number). */
  seasonsByShow: ReadonlyMap<string, Array<ContentSnapshot['seasons'][number]>>
  /** Each show's key art field by show id. */
  keyArtByShow: ReadonlyMap<string, unknown>
  /** Whether this is the last build's catalogue, given back whole: nothing it is made from changed. */
  unchanged: boolean
  /**
   * What differs from the last build's catalogue (none of it when given back whole); undefined when
   * there is no last build's catalogue to compare with.
   */
  changes: CatalogueChanges | undefined
}

/** Ids whose part of the catalogue differs from the last build's, or that came or went. */
export interface CatalogueChanges {
  /** Documents whose link (address or text) differs. */
  links: ReadonlySet<string>
  /** Cast credits whose line differs. */
  castLines: ReadonlySet<string>
  /** Shows whose summary differs. */
  summaries: ReadonlySet<string>
  /** Shows whose page's share of the catalogue differs: summary, timeline, seasons, cast, creators. */
  shows: ReadonlySet<string>
  /** People whose page's share of the catalogue differs: their credits. */
  people: ReadonlySet<string>
}

export const NO_CHANGES: CatalogueChanges = {
  links: new Set(),
  castLines: new Set(),
  summaries: new Set(),
  shows: new Set(),
  people: new Set(),
}

/** A catalogue as made or patched, before it is compared with the last build's. */
export type MadeCatalogue = Omit<Catalogue, 'changes'>

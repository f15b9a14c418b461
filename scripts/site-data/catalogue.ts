import { pushTo } from '../lib/push-to.ts'
import { changedKeys, sameItems } from '../lib/same-items.ts'
import {
  type Catalogue,
  type CatalogueChanges,
  type CatalogueRows,
  type MadeCatalogue,
  NO_CHANGES,
  type PersonCredit,
  SECTIONS,
} from './catalogue-types.ts'
import { link, sameLink } from './link.ts'
import type { MadeRecord, SiteDataMemo } from './memo.ts'
import { patchPeople } from './people-patch.ts'
import { shared } from './shared.ts'
import { assignSlugs } from './slugs.ts'
import type { ContentSnapshot } from './snapshot.ts'
import {
  CONFIDENCE_LABELS,
  compareNewest,
  currentStatusOf,
  isConfidence,
  isStatusKey,
  STATUS_LABELS,
} from './status.ts'
import type { BuildWarning, CastLine, Link, ShowSummary, SourceView, StatusView } from './types.ts'
import { paths } from './urls.ts'

export type { Catalogue, CatalogueChanges } from './catalogue-types.ts'
export { link } from './link.ts'

/*
 * Everything of the site data that does not depend on articles: slugs and links of networks, shows,
 * people and authors, each show's status timeline and summary, and the cast credits. After an
 * article is edited, none of its rows is a new object (unchanged documents keep theirs), so the last
 * build's catalogue is given back whole instead of being worked out again: at 10,000 articles,
 * 5,000 people and 1,000 shows that was a fifth of what a webhook build spent on site data. When a
 * show, person or other catalogue document changed, it is worked out again and compared with the
 * last build's, so that pages and rich text untouched by the change are still carried over.
 */

const BILLINGS = ['main', 'recurring', 'guest'] as const
type Billing = (typeof BILLINGS)[number]

/** What a build keeps of its catalogue for the next one. */
interface Kept {
  rows: CatalogueRows
  catalogue: Catalogue
  warnings: readonly BuildWarning[]
  /** What the catalogue's objects were made as (`SiteDataMemo.made`), for the next build to keep. */
  records: readonly MadeRecord[]
}

const KEPT = 'catalogue'

export interface CatalogueOptions {
  memo: SiteDataMemo
  /** The build time (ISO): what a status event without `_updatedAt` is dated by. */
  builtAt: string
  /** Dataset name for errors. */
  file: string
  warn: (warning: BuildWarning) => void
}

/**
 * The catalogue of `snapshot`: the last build's, with its warnings reported again, when every row it
 * is made from is the very object it was then, or with the people edited in place put in
 * (`patchPeople`); else worked out anew and compared with the last build's.
 *
 * @param snapshot query results
 * @param options the build's memo, time, file name and warnings
 */
export function catalogueOf(snapshot: CatalogueRows, options: CatalogueOptions): Catalogue {
  const { memo, warn } = options
  const last = memo.last<Kept>(KEPT)
  const given = last && lastBuilds(last, snapshot, options.file)
  if (last && given && memo.keepRecords(last.records)) {
    for (const warning of last.warnings) warn(warning)
    memo.keep(KEPT, { ...last, rows: pick(snapshot), catalogue: given } satisfies Kept)
    return given
  }
  const warnings: BuildWarning[] = []
  const keys: string[] = []
  const made = makeCatalogue(snapshot, options, warnings, keys)
  const catalogue = { ...made, changes: last && changesSince(last.catalogue, made, snapshot.shows) }
  for (const warning of warnings) warn(warning)
  const records = keys.flatMap((key) => memo.record(key) ?? [])
  // A status event dated by the build is not the same next time: such a catalogue is not kept.
  const datedByBuild = snapshot.statusEvents.some((event) => !event._updatedAt)
  if (!datedByBuild) memo.keep(KEPT, { rows: pick(snapshot), catalogue, warnings, records } satisfies Kept)
  return catalogue
}

/** The last build's catalogue, whole or with people edited in place put in, when it serves. */
function lastBuilds(last: Kept, snapshot: CatalogueRows, file: string): Catalogue | undefined {
  if (sameRows(last.rows, snapshot)) return { ...last.catalogue, unchanged: true, changes: NO_CHANGES }
  const patched = patchPeople(last, snapshot, file)
  return patched && { ...patched.catalogue, unchanged: false, changes: patched.changes }
}

/**
 * What differs between two catalogues, by id: what lets a build worked out again after one show or
 * person changed still take the last build's pages and rich text for everything else.
 *
 * @param before the last build's catalogue
 * @param now this build's
 * @param shows this build's show rows (their creators are people's links)
 */
function changesSince(
  before: MadeCatalogue,
  now: MadeCatalogue,
  shows: CatalogueRows['shows'],
): CatalogueChanges {
  const links = changedKeys(before.links, now.links, sameLink)
  const summaries = changedKeys(before.summaries, now.summaries)
  const differs = <T>(
    id: string,
    a: ReadonlyMap<string, readonly T[]>,
    b: ReadonlyMap<string, readonly T[]>,
  ) => !sameItems(a.get(id) ?? [], b.get(id) ?? [])
  // A slug is made from its own row alone (a clash is an error), and a page whose row changed is
  // made again anyway; a show's slug is in its summary too.
  const changedShows = new Set<string>()
  for (const show of shows) {
    const id = show._id
    if (
      summaries.has(id) ||
      differs(id, before.eventsByShow, now.eventsByShow) ||
      differs(id, before.seasonsByShow, now.seasonsByShow) ||
      differs(id, before.creditInputsByShow, now.creditInputsByShow) ||
      (show.creatorIds ?? []).some((creator) => links.has(creator))
    )
      changedShows.add(id)
  }
  const people = new Set<string>()
  for (const id of now.slugs.person.keys())
    if (differs(id, before.creditInputsByPerson, now.creditInputsByPerson)) people.add(id)
  return {
    links,
    castLines: changedKeys(before.castLineById, now.castLineById, sameCastLine),
    summaries,
    shows: changedShows,
    people,
  }
}

const sameCastLine = (a: CastLine, b: CastLine): boolean =>
  sameLink(a.person, b.person) &&
  a.characterName === b.characterName &&
  a.billing === b.billing &&
  sameItems(a.seasons, b.seasons)

function makeCatalogue(
  snapshot: CatalogueRows,
  { memo, builtAt, file }: CatalogueOptions,
  warnings: BuildWarning[],
  keys: string[],
): MadeCatalogue {
  const warn = (warning: BuildWarning): void => {
    warnings.push(warning)
  }
  /** `memo.made`, with the key noted for the catalogue's records. */
  const made = <T extends object>(key: string, inputs: readonly unknown[], make: () => T): T => {
    keys.push(key)
    return memo.made(key, inputs, warn, make)
  }
  const slugs = {
    network: assignSlugs('network', snapshot.networks, warnings, file),
    show: assignSlugs('show', snapshot.shows, warnings, file),
    person: assignSlugs('person', snapshot.people, warnings, file),
    author: assignSlugs('author', snapshot.authors, warnings, file),
  }
  const links = new Map<string, Link>()
  for (const n of snapshot.networks)
    links.set(n._id, link(paths.network(slugOf(slugs.network, n._id)), n.name))
  for (const s of snapshot.shows) links.set(s._id, link(paths.show(slugOf(slugs.show, s._id)), s.title))
  for (const p of snapshot.people) links.set(p._id, link(paths.person(slugOf(slugs.person, p._id)), p.name))
  for (const a of snapshot.authors) links.set(a._id, link(paths.author(slugOf(slugs.author, a._id)), a.name))

  const eventsByShow = new Map<string, StatusView[]>()
  for (const event of snapshot.statusEvents) {
    if (!event.showId || !links.has(event.showId)) {
      warn({
        code: 'status-orphan',
        documentId: event._id,
        message: `statusEvent ${event._id}: show is missing`,
      })
      continue
    }
    if (!isStatusKey(event.status) || !isConfidence(event.confidence) || !event.announcedAt) {
      warn({
        code: 'status-invalid',
        documentId: event._id,
        message: `statusEvent ${event._id}: needs a known status, confidence and announcedAt`,
      })
      continue
    }
    const status = event.status
    const confidence = event.confidence
    const announcedAt = event.announcedAt
    const view = made(`status:${event._id}`, [event, event._updatedAt ? '' : builtAt], () => ({
      id: event._id,
      status,
      label: STATUS_LABELS[status],
      confidence,
      confidenceLabel: CONFIDENCE_LABELS[confidence],
      announcedAt,
      forSeason: event.forSeason ?? undefined,
      summary: event.summary ?? undefined,
      sources: sourceViews(event.sources),
      verifiedAt: event.verifiedAt ?? undefined,
      isSample: event.isSample === true,
      updatedAt: event._updatedAt ?? builtAt,
    }))
    pushTo(eventsByShow, event.showId, view)
  }
  for (const events of eventsByShow.values()) events.sort(compareNewest)

  const summaries = new Map<string, ShowSummary>()
  for (const show of snapshot.shows) {
    const showLink = links.get(show._id) as Link
    const network = show.networkId ? links.get(show.networkId) : undefined
    const currentStatus = currentStatusOf(eventsByShow.get(show._id) ?? [])
    const inputs = [show, showLink.href, network?.href, network?.text, currentStatus]
    summaries.set(
      show._id,
      made(`show-summary:${show._id}`, inputs, () =>
        shared({
          id: show._id,
          url: showLink.href,
          title: show.title ?? showLink.text,
          network,
          currentStatus,
          isSample: show.isSample === true,
        }),
      ),
    )
  }

  const creditsByShow = new Map<string, CastLine[]>()
  const creditsByPerson = new Map<string, PersonCredit[]>()
  const castLineById = new Map<string, CastLine>()
  const creditInputsByPerson = new Map<string, unknown[]>()
  const creditInputsByShow = new Map<string, unknown[]>()
  for (const credit of snapshot.castCredits) {
    const person = credit.personId ? links.get(credit.personId) : undefined
    const show = credit.showId ? summaries.get(credit.showId) : undefined
    if (!person || !show || !credit.characterName) {
      warn({
        code: 'credit-unresolved',
        documentId: credit._id,
        message: `castCredit ${credit._id}: needs an existing show, person and a character name`,
      })
      continue
    }
    const billing: Billing = BILLINGS.includes(credit.billing as Billing)
      ? (credit.billing as Billing)
      : 'main'
    const line: CastLine = {
      id: credit._id,
      person,
      characterName: credit.characterName,
      billing,
      seasons: credit.seasons ?? [],
    }
    castLineById.set(credit._id, line)
    pushTo(creditsByShow, show.id, line)
    // Three inputs per line, side by side with the show's lines (people-patch.ts puts a person in).
    pushTo(creditInputsByShow, show.id, credit, person.href, person.text)
    pushTo(creditsByPerson, credit.personId as string, {
      id: credit._id,
      show,
      characterName: credit.characterName,
      billing,
      seasons: line.seasons,
    })
    // What a person's credit is made from: the credit's row and the show it joins.
    pushTo(creditInputsByPerson, credit.personId as string, credit, show)
  }

  const seasonsByShow = new Map<string, Array<ContentSnapshot['seasons'][number]>>()
  for (const season of snapshot.seasons)
    if (season.showId && typeof season.number === 'number') pushTo(seasonsByShow, season.showId, season)

  return {
    slugs,
    links,
    eventsByShow,
    summaries,
    creditsByShow,
    castLineById,
    creditsByPerson,
    creditInputsByPerson,
    creditInputsByShow,
    seasonsByShow,
    keyArtByShow: new Map(snapshot.shows.map((show) => [show._id, show.keyArt])),
    unchanged: false,
  }
}

/** Whether each section of `now` holds the very rows of `before`, in the same order. */
function sameRows(before: CatalogueRows, now: CatalogueRows): boolean {
  return SECTIONS.every((section) => sameItems(before[section], now[section]))
}

/** The sections a catalogue is made from, without the rest of the snapshot (articles). */
function pick(snapshot: CatalogueRows): CatalogueRows {
  const rows = {} as Record<keyof CatalogueRows, unknown>
  for (const section of SECTIONS) rows[section] = snapshot[section]
  return rows as CatalogueRows
}

/** The slug assigned to `id` (every document of the type has one). */
export function slugOf(slugs: ReadonlyMap<string, string>, id: string): string {
  return slugs.get(id) as string
}

interface SourceInput {
  url?: string | null
  title?: string | null
  publisher?: string | null
}

/** Only http(s) sources are shown: a source is a claim readers must be able to check. */
export function sourceViews(sources: readonly SourceInput[] | null | undefined): SourceView[] {
  return (sources ?? []).flatMap((source) => {
    if (typeof source?.url !== 'string' || !/^https?:\/\//i.test(source.url)) return []
    return [
      {
        url: source.url,
        title: source.title || source.publisher || source.url,
        publisher: source.publisher ?? undefined,
      },
    ]
  })
}

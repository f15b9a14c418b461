import type {
  ArticlesQueryResult,
  AuthorsQueryResult,
  CastCreditsQueryResult,
  NetworksQueryResult,
  PeopleQueryResult,
  SeasonsQueryResult,
  ShowsQueryResult,
  StatusEventsQueryResult,
} from '../../sanity.types.ts'
import {
  articlesQuery,
  authorsQuery,
  castCreditsQuery,
  networksQuery,
  peopleQuery,
  seasonsQuery,
  showsQuery,
  statusEventsQuery,
} from '../queries.ts'
import type { ContentSource } from '../source/index.ts'
import { isDateTime } from '../validate/check.ts'

/** Everything the site is built from, as the queries return it. */
export interface ContentSnapshot {
  networks: NetworksQueryResult
  shows: ShowsQueryResult
  seasons: SeasonsQueryResult
  people: PeopleQueryResult
  castCredits: CastCreditsQueryResult
  statusEvents: StatusEventsQueryResult
  authors: AuthorsQueryResult
  /** Articles due by the build's time, newest first. */
  articles: ArticlesQueryResult
  /** The earliest `publishedAt` still to come: a rebuild is due then. */
  nextScheduledAt: string | null
}

/**
 * Runs every site query against a source.
 *
 * @param source embedded dataset or live project
 * @param now articles published after this instant are left for a later build (see `dueBy`)
 */
export async function fetchSnapshot(source: ContentSource, now: Date): Promise<ContentSnapshot> {
  const [networks, shows, seasons, people, castCredits, statusEvents, authors, routable] = await Promise.all([
    source.fetch<NetworksQueryResult>(networksQuery),
    source.fetch<ShowsQueryResult>(showsQuery),
    source.fetch<SeasonsQueryResult>(seasonsQuery),
    source.fetch<PeopleQueryResult>(peopleQuery),
    source.fetch<CastCreditsQueryResult>(castCreditsQuery),
    source.fetch<StatusEventsQueryResult>(statusEventsQuery),
    source.fetch<AuthorsQueryResult>(authorsQuery),
    source.fetch<ArticlesQueryResult>(articlesQuery),
  ])
  const { due, nextScheduledAt } = dueBy(routable, now)
  return {
    networks,
    shows,
    seasons,
    people,
    castCredits,
    statusEvents,
    authors,
    articles: due,
    nextScheduledAt,
  }
}

/**
 * Splits articles by their `publishedAt` as `dateTime(publishedAt) <= dateTime($now)` would: those
 * due keep their order; the earliest of the others (by time, then as written) is when a rebuild is
 * due. An article whose `publishedAt` is not a date-time GROQ reads is neither, as in GROQ.
 *
 * @param articles articles in query order
 * @param now the build's time
 */
export function dueBy<T extends { publishedAt: string | null }>(
  articles: readonly T[],
  now: Date,
): { due: T[]; nextScheduledAt: string | null } {
  const due: T[] = []
  let next: { at: string; time: number } | undefined
  for (const article of articles) {
    const at = article.publishedAt
    if (typeof at !== 'string' || !isDateTime(at)) continue
    // A date-time naming a real instant (as validation checks it) always parses.
    const time = Date.parse(at)
    if (time <= now.getTime()) due.push(article)
    else if (!next || time < next.time || (time === next.time && at < next.at)) next = { at, time }
  }
  return { due, nextScheduledAt: next?.at ?? null }
}

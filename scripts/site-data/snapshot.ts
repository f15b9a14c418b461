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

/** Everything the site is built from, as the queries return it. */
export interface ContentSnapshot {
  networks: NetworksQueryResult
  shows: ShowsQueryResult
  seasons: SeasonsQueryResult
  people: PeopleQueryResult
  castCredits: CastCreditsQueryResult
  statusEvents: StatusEventsQueryResult
  authors: AuthorsQueryResult
  articles: ArticlesQueryResult
}

/**
 * Runs every site query against a source.
 *
 * @param source embedded dataset or live project
 * @param now articles published after this instant are left for a later build
 */
export async function fetchSnapshot(source: ContentSource, now: Date): Promise<ContentSnapshot> {
  const [networks, shows, seasons, people, castCredits, statusEvents, authors, articles] = await Promise.all([
    source.fetch<NetworksQueryResult>(networksQuery),
    source.fetch<ShowsQueryResult>(showsQuery),
    source.fetch<SeasonsQueryResult>(seasonsQuery),
    source.fetch<PeopleQueryResult>(peopleQuery),
    source.fetch<CastCreditsQueryResult>(castCreditsQuery),
    source.fetch<StatusEventsQueryResult>(statusEventsQuery),
    source.fetch<AuthorsQueryResult>(authorsQuery),
    source.fetch<ArticlesQueryResult>(articlesQuery, { now: now.toISOString() }),
  ])
  return { networks, shows, seasons, people, castCredits, statusEvents, authors, articles }
}

import { defineQuery } from 'groq'

/*
 * Every GROQ query the pipeline runs. Both sources (the bundled dataset through groq-js and a live
 * project through @sanity/client) answer exactly these; result types come from Sanity TypeGen.
 *
 * Relations come back as ids (`showId`, `personId`, ...) and are joined in scripts/site-data through
 * `_id` maps: one flat pass per type stays linear at tens of thousands of documents, where correlated
 * sub-queries per show or per article would not, and the same ids drive incremental rebuilds.
 *
 * Every ordering ends with `_id`: GROQ keeps ties in storage order, which differs between an export
 * file and the Content Lake, so without it the two sources could list tied rows differently.
 */

export const networksQuery = defineQuery(`
  *[_type == "network" && defined(slug.current)] | order(name asc, _id asc) {
    _id, _rev, _updatedAt, name, "slug": slug.current, kind, website, isSample
  }
`)

export const showsQuery = defineQuery(`
  *[_type == "show" && defined(slug.current)] | order(title asc, _id asc) {
    _id, _rev, _updatedAt, title, "slug": slug.current, "networkId": network._ref, basedOn,
    "creatorIds": creators[]._ref, premiereDate, finaleDate, synopsis, keyArt, genres, externalIds, isSample
  }
`)

export const seasonsQuery = defineQuery(`
  *[_type == "season" && defined(show._ref)] | order(number asc, _id asc) {
    _id, _rev, _updatedAt, "showId": show._ref, number, title, episodeCount, premiereDate, finaleDate,
    synopsis, isSample
  }
`)

export const peopleQuery = defineQuery(`
  *[_type == "person" && defined(slug.current)] | order(name asc, _id asc) {
    _id, _rev, _updatedAt, name, "slug": slug.current, portrait, bio, externalIds, isSample
  }
`)

export const castCreditsQuery = defineQuery(`
  *[_type == "castCredit"] | order(order asc, characterName asc, _id asc) {
    _id, _rev, _updatedAt, "showId": show._ref, "personId": person._ref, characterName, billing, order,
    seasons, sources, isSample
  }
`)

/** Newest first: the current status of a show is the first official (else reported) event of its own. */
export const statusEventsQuery = defineQuery(`
  *[_type == "statusEvent" && defined(show._ref)] | order(announcedAt desc, _updatedAt desc, _id asc) {
    _id, _rev, _updatedAt, "showId": show._ref, status, forSeason, announcedAt, confidence, summary,
    sources, verifiedAt, isSample
  }
`)

export const authorsQuery = defineQuery(`
  *[_type == "author" && defined(slug.current)] | order(name asc, _id asc) {
    _id, _rev, _updatedAt, name, "slug": slug.current, bio, avatar, isSample
  }
`)

/**
 * Every routable article, scheduled ones included, newest first: `fetchSnapshot` publishes those due
 * by the build's time and schedules a rebuild for the earliest one still to come. The clock stays out
 * of the query, so its answer depends on the documents alone (an embedded source that builds again
 * then filters only the documents that changed, see scripts/source/row-memo.ts).
 */
export const articlesQuery = defineQuery(`
  *[_type == "article" && defined(slug.current) && defined(publishedAt)]
    | order(publishedAt desc, _id asc) {
    _id, _rev, _createdAt, _updatedAt, title, "slug": slug.current, dek, "showId": show._ref, kind, body,
    "authorIds": authors[]._ref, tags, publishedAt, updatedAt, lastVerifiedAt, sources, faq, seo, isSample
  }
`)

/** Cheap change detector for reconciliation: any publish, edit or delete moves one of these. */
export const datasetFingerprintQuery = defineQuery(`
  {
    "count": count(*[!(_id in path("drafts.**")) && !(_id in path("versions.**"))]),
    "lastUpdatedAt": *[!(_id in path("drafts.**")) && !(_id in path("versions.**"))]
      | order(_updatedAt desc)[0]._updatedAt
  }
`)

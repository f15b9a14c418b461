import type { ArticlePage, ImageView, PersonPage, ShowPage, SiteConfig } from './types.ts'
import { absoluteUrl } from './urls.ts'

/*
 * schema.org structured data for search engines, as plain objects; the templates serialise them into
 * `<script type="application/ld+json">` (see site/lib/seo.ts, which escapes `<` so no string can close
 * the tag). Every URL is absolute, from the configured site URL.
 */

export type JsonLd = { '@context'?: string; '@type': string | string[]; [property: string]: unknown }

const CONTEXT = 'https://schema.org'

/** Public profile pages for the external ids we store, for `sameAs`. */
const SHOW_PROFILES = {
  imdb: (id: string) => `https://www.imdb.com/title/${encodeURIComponent(id)}/`,
  tmdb: (id: string) => `https://www.themoviedb.org/tv/${encodeURIComponent(id)}`,
  tvmaze: (id: string) => `https://www.tvmaze.com/shows/${encodeURIComponent(id)}`,
} as const
const PERSON_PROFILES = {
  imdb: (id: string) => `https://www.imdb.com/name/${encodeURIComponent(id)}/`,
  tmdb: (id: string) => `https://www.themoviedb.org/person/${encodeURIComponent(id)}`,
  tvmaze: (id: string) => `https://www.tvmaze.com/people/${encodeURIComponent(id)}`,
} as const

/** The site as the publisher of every article. */
export function publisherJsonLd(site: SiteConfig): JsonLd {
  return { '@type': 'Organization', name: site.title, url: `${site.url}/` }
}

/** `WebSite` with a `SearchAction` pointing at the search page (home page only). */
export function websiteJsonLd(site: SiteConfig): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.title,
    description: site.description,
    url: `${site.url}/`,
    inLanguage: site.language,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.url}/search/?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  }
}

/**
 * `NewsArticle` about the show it covers (a `TVSeries`), with authors, dates, publisher, tags and
 * the sources it cites.
 */
export function articleJsonLd(article: ArticlePage, site: SiteConfig): JsonLd {
  const url = absoluteUrl(site.url, article.url)
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    headline: article.title,
    description: article.seo.description,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    inLanguage: site.language,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    author:
      article.authors.length > 0
        ? article.authors.map((author) => ({
            '@type': 'Person',
            name: author.text,
            url: absoluteUrl(site.url, author.href),
          }))
        : [publisherJsonLd(site)],
    publisher: publisherJsonLd(site),
    image: article.seo.image ? imageJsonLd(article.seo.image, site) : undefined,
    keywords: article.tags.length > 0 ? article.tags.map((tag) => tag.text).join(', ') : undefined,
    about: article.show
      ? { '@type': 'TVSeries', name: article.show.title, url: absoluteUrl(site.url, article.show.url) }
      : undefined,
    citation:
      article.sources.length > 0
        ? article.sources.map((source) => ({ '@type': 'CreativeWork', name: source.title, url: source.url }))
        : undefined,
  }
}

/**
 * `TVSeries` with its cast (`actor` as `PerformanceRole`: the `Person` and the `characterName`), its
 * seasons (`containsSeason`), creators, the book it adapts (`isBasedOn`) and profiles elsewhere.
 */
export function showJsonLd(show: ShowPage, site: SiteConfig): JsonLd {
  const url = absoluteUrl(site.url, show.url)
  const cast = [...show.cast.main, ...show.cast.recurring, ...show.cast.guest]
  return {
    '@context': CONTEXT,
    '@type': 'TVSeries',
    '@id': `${url}#series`,
    name: show.title,
    url,
    description: show.synopsisText || undefined,
    genre: show.genres.length > 0 ? show.genres : undefined,
    startDate: show.premiereDate,
    endDate: show.finaleDate,
    image: show.keyArt ? imageJsonLd(show.keyArt, site) : undefined,
    numberOfSeasons: show.seasons.length > 0 ? show.seasons.length : undefined,
    containsSeason:
      show.seasons.length > 0
        ? show.seasons.map((season) => ({
            '@type': 'TVSeason',
            seasonNumber: season.number,
            name: season.title ?? `Season ${season.number}`,
            numberOfEpisodes: season.episodeCount,
            startDate: season.premiereDate,
            endDate: season.finaleDate,
          }))
        : undefined,
    actor:
      cast.length > 0
        ? cast.map((line) => ({
            '@type': 'PerformanceRole',
            actor: {
              '@type': 'Person',
              name: line.person.text,
              url: absoluteUrl(site.url, line.person.href),
            },
            characterName: line.characterName,
          }))
        : undefined,
    creator:
      show.creators.length > 0
        ? show.creators.map((person) => ({
            '@type': 'Person',
            name: person.text,
            url: absoluteUrl(site.url, person.href),
          }))
        : undefined,
    isBasedOn: show.basedOn?.title ? basedOnJsonLd(show.basedOn) : undefined,
    sameAs: profiles(show.externalIds, SHOW_PROFILES),
  }
}

/** `Person` with the characters they play (`performerIn` the series). */
export function personJsonLd(person: PersonPage, site: SiteConfig): JsonLd {
  const url = absoluteUrl(site.url, person.url)
  return {
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': `${url}#person`,
    name: person.name,
    url,
    description: person.bioText || undefined,
    image: person.portrait ? imageJsonLd(person.portrait, site) : undefined,
    performerIn:
      person.credits.length > 0
        ? person.credits.map((credit) => ({
            '@type': 'TVSeries',
            name: credit.show.title,
            url: absoluteUrl(site.url, credit.show.url),
          }))
        : undefined,
    sameAs: profiles(person.externalIds, PERSON_PROFILES),
  }
}

function basedOnJsonLd(basedOn: NonNullable<ShowPage['basedOn']>): JsonLd {
  const type =
    basedOn.kind === 'film'
      ? 'Movie'
      : basedOn.kind === 'comic'
        ? 'ComicSeries'
        : basedOn.kind === 'other'
          ? 'CreativeWork'
          : 'Book'
  return {
    '@type': type,
    name: basedOn.title,
    author: basedOn.author ? { '@type': 'Person', name: basedOn.author } : undefined,
    datePublished: basedOn.year ? String(basedOn.year) : undefined,
  }
}

function imageJsonLd(image: ImageView, site: SiteConfig): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(site.url, image.src),
    width: image.width,
    height: image.height,
    caption: image.alt || undefined,
  }
}

function profiles(
  ids: { imdb?: string; tmdb?: string; tvmaze?: string },
  urls: Record<'imdb' | 'tmdb' | 'tvmaze', (id: string) => string>,
): string[] | undefined {
  const out = (['imdb', 'tmdb', 'tvmaze'] as const).flatMap((key) => {
    const id = ids[key]
    return typeof id === 'string' && id.trim() !== '' ? [urls[key](id.trim())] : []
  })
  return out.length > 0 ? out : undefined
}

import { describe, expect, it } from 'vitest'
import { articleJsonLd, personJsonLd, showJsonLd, websiteJsonLd } from './jsonld.ts'
import type { ArticlePage, CastLine, PersonPage, ShowPage, SiteConfig } from './types.ts'

const site: SiteConfig = {
  title: 'Reel Status',
  description: 'd',
  url: 'https://reelstatus.example',
  language: 'en',
}

const line = (name: string, character: string, billing: CastLine['billing']): CastLine => ({
  id: `castCredit-${name}`,
  person: { href: `/people/${name}/`, text: name },
  characterName: character,
  billing,
  seasons: [1],
})

const show: ShowPage = {
  id: 'show-x',
  url: '/shows/x/',
  slug: 'x',
  title: 'X',
  isSample: false,
  creators: [{ href: '/people/creator/', text: 'Creator' }],
  basedOn: { title: 'The Book', author: 'Writer', year: 2013, kind: 'novel' },
  premiereDate: '2022-08-26',
  synopsisHtml: '<p>S</p>',
  synopsisText: 'S',
  genres: ['legal drama'],
  externalIds: { imdb: 'tt123', tvmaze: '42' },
  timeline: [],
  seasons: [{ id: 'season-x-1', number: 1, episodeCount: 10, premiereDate: '2022-08-26' }],
  cast: {
    main: [line('lead', 'Rachel', 'main')],
    recurring: [line('friend', 'Tyler', 'recurring')],
    guest: [line('visitor', 'Judge', 'guest')],
  },
  articles: [],
  updatedAt: '2026-01-01T00:00:00Z',
}

describe('showJsonLd', () => {
  const ld = showJsonLd(show, site)

  it('is a TVSeries with absolute URLs', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'TVSeries',
      name: 'X',
      url: 'https://reelstatus.example/shows/x/',
      startDate: '2022-08-26',
      genre: ['legal drama'],
      numberOfSeasons: 1,
      sameAs: ['https://www.imdb.com/title/tt123/', 'https://www.tvmaze.com/shows/42'],
    })
  })

  it('lists every cast member as a PerformanceRole with the Person and the character', () => {
    expect(ld.actor).toEqual([
      {
        '@type': 'PerformanceRole',
        actor: { '@type': 'Person', name: 'lead', url: 'https://reelstatus.example/people/lead/' },
        characterName: 'Rachel',
      },
      expect.objectContaining({ characterName: 'Tyler' }),
      expect.objectContaining({ characterName: 'Judge' }),
    ])
  })

  it('has its seasons and the book it is based on', () => {
    expect(ld.containsSeason).toEqual([
      {
        '@type': 'TVSeason',
        seasonNumber: 1,
        name: 'Season 1',
        numberOfEpisodes: 10,
        startDate: '2022-08-26',
      },
    ])
    expect(ld.isBasedOn).toEqual({
      '@type': 'Book',
      name: 'The Book',
      author: { '@type': 'Person', name: 'Writer' },
      datePublished: '2013',
    })
  })

  it('leaves out what it does not know', () => {
    const bare = showJsonLd(
      {
        ...show,
        basedOn: undefined,
        seasons: [],
        cast: { main: [], recurring: [], guest: [] },
        externalIds: {},
      },
      site,
    )
    const parsed = JSON.parse(JSON.stringify(bare))
    for (const key of ['isBasedOn', 'containsSeason', 'actor', 'sameAs', 'numberOfSeasons'])
      expect(parsed).not.toHaveProperty(key)
  })
})

describe('articleJsonLd', () => {
  const article = {
    id: 'article-a',
    slug: 'a',
    url: '/articles/a/',
    title: 'A',
    excerpt: 'E',
    bodyHtml: '',
    bodyText: '',
    toc: [],
    readingMinutes: 1,
    wordCount: 100,
    publishedAt: '2022-11-14T09:00:00Z',
    updatedAt: '2026-11-30T09:00:00Z',
    show: { id: 'show-x', url: '/shows/x/', title: 'X', isSample: false },
    authors: [{ href: '/authors/desk/', text: 'Desk' }],
    tags: [{ href: '/tags/netflix/', text: 'netflix' }],
    sources: [{ url: 'https://news.example/x', title: 'News' }],
    faq: [],
    seo: { title: 'A', description: 'About A' },
    isSample: false,
  } satisfies ArticlePage

  it('is a NewsArticle about the TVSeries, with authors, dates and publisher', () => {
    expect(articleJsonLd(article, site)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'A',
      description: 'About A',
      datePublished: '2022-11-14T09:00:00Z',
      dateModified: '2026-11-30T09:00:00Z',
      author: [{ '@type': 'Person', name: 'Desk', url: 'https://reelstatus.example/authors/desk/' }],
      publisher: { '@type': 'Organization', name: 'Reel Status', url: 'https://reelstatus.example/' },
      about: { '@type': 'TVSeries', name: 'X', url: 'https://reelstatus.example/shows/x/' },
      citation: [{ '@type': 'CreativeWork', name: 'News', url: 'https://news.example/x' }],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://reelstatus.example/articles/a/' },
    })
  })

  it('falls back to the site as author', () => {
    expect(articleJsonLd({ ...article, authors: [] }, site).author).toEqual([
      { '@type': 'Organization', name: 'Reel Status', url: 'https://reelstatus.example/' },
    ])
  })
})

describe('personJsonLd and websiteJsonLd', () => {
  it('describes a person with profiles and the series they appear in', () => {
    const person: PersonPage = {
      id: 'person-p',
      slug: 'p',
      url: '/people/p/',
      name: 'P',
      bioHtml: '',
      bioText: '',
      externalIds: { imdb: 'nm1' },
      credits: [
        {
          id: 'c',
          show: { id: 'show-x', url: '/shows/x/', title: 'X', isSample: false },
          characterName: 'R',
          billing: 'main',
          seasons: [],
        },
      ],
      isSample: false,
      updatedAt: '2026-01-01T00:00:00Z',
    }
    expect(personJsonLd(person, site)).toMatchObject({
      '@type': 'Person',
      name: 'P',
      sameAs: ['https://www.imdb.com/name/nm1/'],
      performerIn: [{ '@type': 'TVSeries', name: 'X', url: 'https://reelstatus.example/shows/x/' }],
    })
  })

  it('offers the search page as the site search action', () => {
    expect(websiteJsonLd(site)).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'https://reelstatus.example/search/?q={search_term_string}' },
      },
    })
  })
})

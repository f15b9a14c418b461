/**
 * Generates content/data.ndjson (Sanity export format, one document per line).
 *
 *   npx node scripts/content/build-dataset.ts          # write content/data.ndjson
 *   npx node scripts/content/build-dataset.ts --stdout # print instead of writing
 *
 * Output is deterministic (keys and revisions are hashed from document ids), so re-running it
 * produces a byte-identical file unless the content below changes.
 *
 * REAL content: the Partner Track article (wording kept), plus the
 * structured facts it implies. SAMPLE content: everything with `isSample: true` — fictional
 * shows, networks, people and articles that exist only so lists have more than one item.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { keyArt } from './key-art.ts'
import {
  bullet,
  castList,
  document,
  faq,
  h2,
  h3,
  type JsonObject,
  type KeyFn,
  keyedRef,
  keyFactory,
  numbered,
  p,
  pullQuote,
  quote,
  ref,
  type SourceSpec,
  sources,
  statusCallout,
} from './portable-text.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DATASET_PATH = resolve(ROOT, 'content/data.ndjson')
/** Image files beside the dataset, as in a `sanity dataset export`. */
export const IMAGES_DIR = resolve(ROOT, 'content/images')

/** Generated key art of the sample shows (no real artwork is bundled). */
export const SAMPLE_KEY_ART = {
  'show-harbor-lights': keyArt(1200, 675, [18, 52, 86], [196, 120, 64], 3),
  'show-the-long-docket': keyArt(1200, 675, [40, 30, 60], [120, 140, 170], 2),
  'show-the-glass-orchard': keyArt(1200, 675, [20, 70, 50], [210, 200, 150], 4),
}

/** An image field in export form: the importer uploads the file and the loader restores the reference. */
function sampleKeyArt(id: keyof typeof SAMPLE_KEY_ART, title: string): JsonObject {
  return {
    _sanityAsset: `image@file://./images/${SAMPLE_KEY_ART[id].fileName}`,
    _type: 'imageWithAlt',
    alt: `Sample key art for ${title}: an abstract colour gradient`,
    credit: 'Generated placeholder (sample content)',
  }
}

/** Date the real facts were last checked against the sources listed on each document. */
const VERIFIED = '2026-11-30'
const REAL_TS = '2026-11-30T09:00:00Z'
const SAMPLE_TS = '2026-11-30T09:15:00Z'
const DRAFT_TS = '2026-11-30T09:30:00Z'

// ---------------------------------------------------------------------------------------------
// Sources actually consulted for the real (Partner Track) facts.
// ---------------------------------------------------------------------------------------------
const SRC = {
  wikipedia: {
    url: 'https://en.wikipedia.org/wiki/Partner_Track',
    title: 'Partner Track',
    publisher: 'Wikipedia',
    accessedAt: VERIFIED,
  },
  tvInsiderCancelled: {
    url: 'https://www.tvinsider.com/1068971/partner-track-canceled-netflix-season-1-finale-cliffhanger/',
    title: '‘Partner Track’ Canceled at Netflix After Big Finale Cliffhanger',
    publisher: 'TV Insider',
    accessedAt: VERIFIED,
  },
  comicbookCancelled: {
    url: 'https://comicbook.com/tv-shows/news/netflix-cancels-partner-track-the-imperfects-after-first-seasons/',
    title: 'Netflix cancels Partner Track and The Imperfects after first seasons',
    publisher: 'ComicBook.com',
    accessedAt: VERIFIED,
  },
  popcultureCancelled: {
    url: 'https://popculture.com/streaming/news/netflix-cancels-the-imperfects-partner-track/',
    title: 'Netflix Just Canceled Two Shows at Once',
    publisher: 'PopCulture.com',
    accessedAt: VERIFIED,
  },
  whatsOnNetflixOrder: {
    url: 'https://www.whats-on-netflix.com/news/partner-track-netflix-series-what-we-know-so-far/',
    title: 'Partner Track Netflix series: what we know so far',
    publisher: 'What’s on Netflix',
    accessedAt: VERIFIED,
  },
  netflixLifeOrder: {
    url: 'https://netflixlife.com/2022/05/09/partner-track-starring-arden-cho-release-date-confirmed-summer/',
    title: 'Partner Track starring Arden Cho release date confirmed for summer 2022',
    publisher: 'Netflix Life',
    accessedAt: VERIFIED,
  },
} satisfies Record<string, SourceSpec>

const docs: JsonObject[] = []
const add = (d: JsonObject): void => {
  docs.push(d)
}

// ---------------------------------------------------------------------------------------------
// REAL: network, show, season
// ---------------------------------------------------------------------------------------------
add(
  document(
    'network-netflix',
    'network',
    {
      name: 'Netflix',
      slug: { _type: 'slug', current: 'netflix' },
      kind: 'streaming',
      website: 'https://www.netflix.com/',
      isSample: false,
    },
    { createdAt: REAL_TS },
  ),
)

{
  const k = keyFactory('show-partner-track')
  add(
    document(
      'show-partner-track',
      'show',
      {
        title: 'Partner Track',
        slug: { _type: 'slug', current: 'partner-track' },
        network: ref('network-netflix'),
        basedOn: {
          _type: 'basedOn',
          title: 'The Partner Track',
          author: 'Helen Wan',
          year: 2013,
          kind: 'novel',
        },
        premiereDate: '2022-08-26',
        finaleDate: '2022-08-26',
        genres: ['legal drama', 'drama'],
        synopsis: [
          p(
            k,
            { text: 'Partner Track', marks: ['em'] },
            ' follows the journey and dream of Ingrid Yun, who aspires to become a junior partner at a law firm named Parsons. Based on Helen Wan’s 2013 novel, the Netflix legal drama made its debut in August 2022.',
          ),
          p(
            k,
            'Ingrid, Thomas Cole and Hillary Green all aspire to climb the professional ladder and shoot for the same position. The first season also features the Dylan Stone case and Ingrid’s history with Jackson Rosen.',
          ),
        ],
        isSample: false,
      },
      { createdAt: REAL_TS },
    ),
  )
}

add(
  document(
    'season-partner-track-1',
    'season',
    {
      show: ref('show-partner-track'),
      number: 1,
      title: 'Season 1',
      episodeCount: 10,
      premiereDate: '2022-08-26',
      finaleDate: '2022-08-26',
      synopsis:
        'The first and only season of Partner Track, released on Netflix on 26 August 2022 with all ten episodes at once.',
      isSample: false,
    },
    { createdAt: REAL_TS },
  ),
)

// ---------------------------------------------------------------------------------------------
// REAL: status history
// ---------------------------------------------------------------------------------------------
{
  const k = keyFactory('statusEvent-partner-track-ordered')
  add(
    document(
      'statusEvent-partner-track-ordered',
      'statusEvent',
      {
        show: ref('show-partner-track'),
        status: 'ordered',
        forSeason: 1,
        announcedAt: '2021-09-17',
        confidence: 'reported',
        summary:
          'Netflix ordered Partner Track, a legal drama based on Helen Wan’s 2013 novel, as a series. Coverage of the order is dated September 2021 (What’s on Netflix, 17 September 2021); the exact day of Netflix’s own announcement has not been verified. The Reel Status article describes the announcement as coming towards the end of 2021.',
        verifiedAt: VERIFIED,
        sources: sources(k, [SRC.whatsOnNetflixOrder, SRC.netflixLifeOrder]),
        isSample: false,
      },
      { createdAt: REAL_TS },
    ),
  )
}
{
  const k = keyFactory('statusEvent-partner-track-premiere')
  add(
    document(
      'statusEvent-partner-track-premiere',
      'statusEvent',
      {
        show: ref('show-partner-track'),
        status: 'airing',
        forSeason: 1,
        announcedAt: '2022-08-26',
        confidence: 'official',
        summary: 'Season 1 premiered on Netflix on 26 August 2022, with all ten episodes released at once.',
        verifiedAt: VERIFIED,
        sources: sources(k, [SRC.wikipedia, SRC.tvInsiderCancelled]),
        isSample: false,
      },
      { createdAt: REAL_TS },
    ),
  )
}
{
  const k = keyFactory('statusEvent-partner-track-cancelled')
  add(
    document(
      'statusEvent-partner-track-cancelled',
      'statusEvent',
      {
        show: ref('show-partner-track'),
        status: 'cancelled',
        announcedAt: '2022-11-08',
        confidence: 'official',
        summary:
          'Netflix cancelled Partner Track after one season; it will not get a second season. The decision was first reported by Deadline on Tuesday 8 November 2022 and covered the same day by other outlets. No revival or move to another platform has been announced.',
        verifiedAt: VERIFIED,
        sources: sources(k, [SRC.tvInsiderCancelled, SRC.comicbookCancelled, SRC.popcultureCancelled]),
        isSample: false,
      },
      { createdAt: REAL_TS },
    ),
  )
}

// ---------------------------------------------------------------------------------------------
// REAL: people and cast credits (order as listed in the seed article)
// ---------------------------------------------------------------------------------------------
const PARTNER_TRACK_CAST: Array<{ slug: string; name: string; character: string; tvInsider: boolean }> = [
  {
    slug: 'alexandra-turshen',
    name: 'Alexandra Turshen',
    character: 'Rachel Friedman',
    tvInsider: true,
  },
  { slug: 'bradley-gibson', name: 'Bradley Gibson', character: 'Tyler Robinson', tvInsider: true },
  { slug: 'desmond-chiam', name: 'Desmond Chiam', character: 'Zi-Xin ‘Z’ Min', tvInsider: false },
  { slug: 'dominic-sherwood', name: 'Dominic Sherwood', character: 'Jeff Murphy', tvInsider: true },
  { slug: 'matthew-rauch', name: 'Matthew Rauch', character: 'Marty Adler', tvInsider: false },
  { slug: 'nolan-gerard-funk', name: 'Nolan Gerard Funk', character: 'Dan Fallon', tvInsider: true },
]

export const PARTNER_TRACK_CREDIT_IDS = PARTNER_TRACK_CAST.map((c) => `castCredit-partner-track-${c.slug}`)

for (const [i, c] of PARTNER_TRACK_CAST.entries()) {
  add(
    document(
      `person-${c.slug}`,
      'person',
      { name: c.name, slug: { _type: 'slug', current: c.slug }, isSample: false },
      { createdAt: REAL_TS },
    ),
  )
  const id = `castCredit-partner-track-${c.slug}`
  const k = keyFactory(id)
  add(
    document(
      id,
      'castCredit',
      {
        show: ref('show-partner-track'),
        person: ref(`person-${c.slug}`),
        characterName: c.character,
        billing: 'main',
        order: i + 1,
        seasons: [1],
        sources: sources(k, c.tvInsider ? [SRC.wikipedia, SRC.tvInsiderCancelled] : [SRC.wikipedia]),
        isSample: false,
      },
      { createdAt: REAL_TS },
    ),
  )
}

// ---------------------------------------------------------------------------------------------
// REAL: author and the seed article (wording kept from the seed)
// ---------------------------------------------------------------------------------------------
add(
  document(
    'author-reel-status-desk',
    'author',
    {
      name: 'Reel Status Desk',
      slug: { _type: 'slug', current: 'reel-status-desk' },
      bio: 'The Reel Status editorial desk tracks renewals, cancellations and premiere dates, and checks each status against its sources.',
      isSample: false,
    },
    { createdAt: REAL_TS },
  ),
)

const ARTICLE_TITLE = 'Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?'
const ARTICLE_DEK =
  'Netflix’s legal drama Partner Track stands cancelled after one season. Here is what is known about a second season, what it could have explored and who the recurring faces in the show are.'

function partnerTrackBody(k: KeyFn): JsonObject[] {
  const pt = { text: 'Partner Track', ref: 'show-partner-track' }
  return [
    p(
      k,
      'If you are a fan of one of those good old legal dramas then you have probably already watched and even got hooked to the latest Netflix legal drama in town, ',
      pt,
      '. In only one season the show was able to secure for itself a very passionate and loyal fan base.',
    ),
    p(
      k,
      'This fan base turned anxious a few days back when rumors about the show being canceled started to do the rounds.',
    ),
    p(
      k,
      'So, will Partner Track be back with a season 2? If yes, then when will Partner Track season 2 be back? If a Partner Track season 2 is not going to happen on Netflix, is the show going to shift to some other host platform? To find out answers to all these questions and more please keep reading.',
    ),
    h2(k, 'What is the release date of Partner Track season 2?'),
    p(
      k,
      'Netflix came up with an official announcement towards the end of 2021 that it was going to launch a new legal drama series named Partner Track. Based on Helen Wan’s 2013 novel, this series made its debut on the platform of ',
      { text: 'Netflix', href: 'https://www.netflix.com/', blank: true },
      ' in August 2022.',
    ),
    p(
      k,
      'The series was pretty well received by critics and the audience alike. However, perhaps the impact factor of the series was not to the mark that Netflix and the production team of the series had hoped for.',
    ),
    p(
      k,
      'In other words, while the show had secured a fan base that was quite passionate about it, it was not as big as it was expected to be. So, after just one season the show stands canceled as of now.',
    ),
    p(
      k,
      'No confirmed news or official update has been provided to the fans regarding the release of season 2 of Partner Track. ',
      { text: 'The show now ', marks: ['strong'] },
      {
        text: 'officially stands canceled',
        marks: ['strong'],
        href: SRC.tvInsiderCancelled.url,
        blank: true,
      },
      { text: '.', marks: ['strong'] },
    ),
    statusCallout(
      k,
      'show-partner-track',
      'Cancelled by Netflix after one season; no second season has been ordered.',
    ),
    h2(k, 'What could have been the plot of Partner Track Season 2?'),
    p(
      k,
      'Even though the show stands canceled at the moment, the fans of the show refuse to let go of the hope that someday the show might be revived. Perhaps the show might be on a different platform, but there’s always a chance that the show might be due for a comeback.',
    ),
    p(
      k,
      'The basic plot line of Partner Track is the journey and dream of Ingrid Yun who aspires to become a junior partner at a law firm named Parsons, someday. Season 2 of the show would have taken up from where Season 1 had left off.',
    ),
    p(
      k,
      'There could be a chance that the plot went on to explore the competitive spirit between Thomas Cole, Ingrid, and Hillary Green. Their aspiration to climb up the professional ladder and shoot for the same position could be one of the major story arcs that the second season of Partner Track might have explored.',
    ),
    p(
      k,
      'Fans might also remember the Dylan Stone case from season one of the show. How it affects Ingrid’s career would also make an interesting story arc. Ingrid’s history with Jackson Rosen would also be a plot line that the fans would have loved to know more about since it also held a major part in the first season of the show.',
    ),
    h2(k, 'Who could be the possible cast members of Partner Track Season 2?'),
    p(
      k,
      'While you never know when and how new characters might enter a show and even become big hits, the basic cast of the show is likely to remain the same. So, here is the list of the recurring faces in the show.',
    ),
    castList(k, PARTNER_TRACK_CREDIT_IDS),
    p(
      k,
      'It is going to be interesting to see what twists and turns await the fans once Partner Track Season 2 is renewed. There has been no official confirmation regarding a second season as of now. The fans will have to wait longer than they expect perhaps for some positive confirmed and official update on the renewal of Partner Track Season 2.',
    ),
  ]
}

function partnerTrackArticleFields(k: KeyFn, title: string, dek: string): JsonObject {
  return {
    title,
    slug: { _type: 'slug', current: 'partner-track-season-2-cancelled' },
    dek,
    show: ref('show-partner-track'),
    kind: 'status-update',
    body: partnerTrackBody(k),
    authors: [keyedRef(k, 'author-reel-status-desk')],
    tags: ['netflix', 'legal-drama', 'cancelled'],
    publishedAt: '2022-11-14T10:00:00Z',
    updatedAt: '2026-11-30T09:00:00Z',
    lastVerifiedAt: VERIFIED,
    sources: sources(k, [SRC.tvInsiderCancelled, SRC.comicbookCancelled, SRC.wikipedia]),
    faq: faq(k, [
      {
        question: 'Is Partner Track cancelled?',
        answer:
          'Yes. **Partner Track** stands cancelled after just one season, and there has been no official confirmation regarding a second season.',
      },
      {
        question: 'What is Partner Track based on?',
        answer:
          'The series is based on Helen Wan’s 2013 novel *The Partner Track*. It made its debut on [Netflix](https://www.netflix.com/) in August 2022.',
      },
    ]),
    seo: {
      _type: 'seo',
      title: 'Partner Track Season 2: Is the Netflix Legal Drama Cancelled?',
      description:
        'Partner Track stands cancelled after one season on Netflix. What we know about season 2, the plot it could have followed and the cast.',
    },
    isSample: false,
  }
}

export const SEED_ARTICLE_ID = 'article-partner-track-season-2'
add(
  document(
    SEED_ARTICLE_ID,
    'article',
    partnerTrackArticleFields(keyFactory(SEED_ARTICLE_ID), ARTICLE_TITLE, ARTICLE_DEK),
    { createdAt: REAL_TS },
  ),
)

// A draft edit of the seed article. Must never reach the site (the build reads published docs only).
add(
  document(
    `drafts.${SEED_ARTICLE_ID}`,
    'article',
    partnerTrackArticleFields(
      keyFactory(`drafts.${SEED_ARTICLE_ID}`),
      `DRAFT — unpublished edit: ${ARTICLE_TITLE}`,
      `DRAFT — unpublished edit. ${ARTICLE_DEK}`,
    ),
    { createdAt: DRAFT_TS },
  ),
)

// ---------------------------------------------------------------------------------------------
// SAMPLE content (fictional; every document has isSample: true)
// ---------------------------------------------------------------------------------------------
const S = { isSample: true } as const
const sample = (id: string, type: string, fields: JsonObject): void =>
  add(document(id, type, { ...fields, ...S }, { createdAt: SAMPLE_TS }))
const slug = (current: string): JsonObject => ({ _type: 'slug', current })

// Networks
sample('network-northwind-plus', 'network', {
  name: 'Northwind+',
  slug: slug('northwind-plus'),
  kind: 'streaming',
  website: 'https://northwind-plus.example.com/',
})
sample('network-cobalt-broadcasting', 'network', {
  name: 'Cobalt Broadcasting',
  slug: slug('cobalt-broadcasting'),
  kind: 'broadcast',
  website: 'https://cobalt-broadcasting.example.com/',
})
sample('network-ember-channel', 'network', {
  name: 'Ember Channel',
  slug: slug('ember-channel'),
  kind: 'cable',
  website: 'https://ember-channel.example.com/',
})

// People
const SAMPLE_PEOPLE: Array<[string, string, string]> = [
  ['maren-solberg', 'Maren Solberg', 'actor'],
  ['theo-adeyemi', 'Theo Adeyemi', 'actor'],
  ['priya-castellanos', 'Priya Castellanos', 'actor'],
  ['jonah-whitlock', 'Jonah Whitlock', 'actor'],
  ['caleb-moreau', 'Caleb Moreau', 'actor'],
  ['ines-varga', 'Ines Varga', 'showrunner'],
]
for (const [s, name, role] of SAMPLE_PEOPLE) {
  const k = keyFactory(`person-${s}`)
  sample(`person-${s}`, 'person', {
    name,
    slug: slug(s),
    bio: [
      p(
        k,
        `${name} is a `,
        { text: 'fictional', marks: ['em'] },
        ` ${role} created as sample content for Reel Status. Not a real person.`,
      ),
    ],
  })
}

// Shows
{
  const k = keyFactory('show-harbor-lights')
  sample('show-harbor-lights', 'show', {
    title: 'Harbor Lights',
    keyArt: sampleKeyArt('show-harbor-lights', 'Harbor Lights'),
    slug: slug('harbor-lights'),
    network: ref('network-northwind-plus'),
    creators: [keyedRef(k, 'person-ines-varga')],
    premiereDate: '2024-03-08',
    genres: ['family drama', 'drama'],
    synopsis: [
      p(
        k,
        'Two siblings take over their late father’s harbour pilot business in a fictional Nordic port town, and find that ',
        { text: 'every ship', marks: ['em'] },
        ' brings a secret with it.',
      ),
      p(k, { text: 'Sample content:', marks: ['strong'] }, ' this show does not exist.'),
    ],
  })
}
{
  const k = keyFactory('show-the-long-docket')
  sample('show-the-long-docket', 'show', {
    title: 'The Long Docket',
    keyArt: sampleKeyArt('show-the-long-docket', 'The Long Docket'),
    slug: slug('the-long-docket'),
    network: ref('network-cobalt-broadcasting'),
    premiereDate: '2025-09-22',
    genres: ['legal drama', 'procedural'],
    synopsis: [
      p(
        k,
        'A night-court judge and an overworked public defender clear the city’s oldest cases, one hearing at a time.',
      ),
      p(k, { text: 'Sample content:', marks: ['strong'] }, ' this show does not exist.'),
    ],
  })
}
{
  const k = keyFactory('show-the-glass-orchard')
  sample('show-the-glass-orchard', 'show', {
    title: 'The Glass Orchard',
    keyArt: sampleKeyArt('show-the-glass-orchard', 'The Glass Orchard'),
    slug: slug('the-glass-orchard'),
    network: ref('network-ember-channel'),
    basedOn: {
      _type: 'basedOn',
      title: 'Orchard of Glass',
      author: 'E. L. Marrow (fictional)',
      year: 2017,
      kind: 'novel',
    },
    premiereDate: '2022-06-05',
    finaleDate: '2023-08-20',
    genres: ['period drama', 'mystery'],
    synopsis: [
      p(k, 'A glassblower’s family guards an orchard that only blooms in the years someone disappears.'),
      p(k, { text: 'Sample content:', marks: ['strong'] }, ' this show does not exist.'),
    ],
  })
}
{
  const k = keyFactory('show-static-season')
  sample('show-static-season', 'show', {
    title: 'Static Season',
    slug: slug('static-season'),
    network: ref('network-northwind-plus'),
    genres: ['science fiction'],
    synopsis: [
      p(k, 'A radio astronomer hears a broadcast from a station that closed forty years ago.'),
      p(k, { text: 'Sample content:', marks: ['strong'] }, ' this show does not exist.'),
    ],
  })
}

// Seasons
sample('season-harbor-lights-1', 'season', {
  show: ref('show-harbor-lights'),
  number: 1,
  title: 'Season 1',
  episodeCount: 8,
  premiereDate: '2024-03-08',
  finaleDate: '2024-04-26',
  synopsis: 'Sample content: the siblings take over the pilot boat.',
})
sample('season-harbor-lights-2', 'season', {
  show: ref('show-harbor-lights'),
  number: 2,
  title: 'Season 2',
  episodeCount: 8,
  premiereDate: '2025-04-11',
  finaleDate: '2025-05-30',
  synopsis: 'Sample content: a winter storm closes the harbour.',
})
sample('season-the-long-docket-1', 'season', {
  show: ref('show-the-long-docket'),
  number: 1,
  episodeCount: 13,
  premiereDate: '2025-09-22',
  synopsis: 'Sample content: the first term of night court.',
})
sample('season-the-glass-orchard-1', 'season', {
  show: ref('show-the-glass-orchard'),
  number: 1,
  episodeCount: 6,
  premiereDate: '2022-06-05',
  finaleDate: '2022-07-10',
})
sample('season-the-glass-orchard-2', 'season', {
  show: ref('show-the-glass-orchard'),
  number: 2,
  title: 'The Final Harvest',
  episodeCount: 6,
  premiereDate: '2023-07-16',
  finaleDate: '2023-08-20',
})

// Status events (varied confidence)
const SAMPLE_EVENTS: Array<{
  id: string
  show: string
  status: string
  forSeason?: number
  announcedAt: string
  confidence: 'official' | 'reported' | 'speculative'
  summary: string
  source?: SourceSpec
}> = [
  // Harbor Lights: current = renewed (official)
  {
    id: 'statusEvent-harbor-lights-ordered',
    show: 'show-harbor-lights',
    status: 'ordered',
    forSeason: 1,
    announcedAt: '2023-01-10',
    confidence: 'official',
    summary: 'Sample content: Northwind+ ordered eight episodes.',
    source: {
      url: 'https://northwind-plus.example.com/press/harbor-lights-order',
      title: 'Northwind+ orders Harbor Lights',
      publisher: 'Northwind+ (fictional)',
    },
  },
  {
    id: 'statusEvent-harbor-lights-premiere',
    show: 'show-harbor-lights',
    status: 'airing',
    forSeason: 1,
    announcedAt: '2024-03-08',
    confidence: 'official',
    summary: 'Sample content: season 1 premiered with two episodes, then weekly.',
  },
  {
    id: 'statusEvent-harbor-lights-renewed-s2',
    show: 'show-harbor-lights',
    status: 'renewed',
    forSeason: 2,
    announcedAt: '2024-05-02',
    confidence: 'official',
    summary: 'Sample content: renewed for a second season.',
    source: {
      url: 'https://northwind-plus.example.com/press/harbor-lights-season-2',
      title: 'Harbor Lights returns for season 2',
      publisher: 'Northwind+ (fictional)',
    },
  },
  {
    id: 'statusEvent-harbor-lights-renewed-s3',
    show: 'show-harbor-lights',
    status: 'renewed',
    forSeason: 3,
    announcedAt: '2025-06-20',
    confidence: 'official',
    summary: 'Sample content: renewed for a third season after the season 2 finale.',
    source: {
      url: 'https://northwind-plus.example.com/press/harbor-lights-season-3',
      title: 'Harbor Lights renewed for season 3',
      publisher: 'Northwind+ (fictional)',
    },
  },
  // The Long Docket: current = airing (official beats the newer speculative event)
  {
    id: 'statusEvent-the-long-docket-ordered',
    show: 'show-the-long-docket',
    status: 'ordered',
    forSeason: 1,
    announcedAt: '2025-05-12',
    confidence: 'official',
    summary: 'Sample content: Cobalt Broadcasting picked the pilot up to series.',
    source: {
      url: 'https://cobalt-broadcasting.example.com/upfront-2025',
      title: 'Cobalt Broadcasting 2025–26 schedule',
      publisher: 'Cobalt Broadcasting (fictional)',
    },
  },
  {
    id: 'statusEvent-the-long-docket-premiere',
    show: 'show-the-long-docket',
    status: 'airing',
    forSeason: 1,
    announcedAt: '2025-09-22',
    confidence: 'official',
    summary: 'Sample content: premiered on Monday nights.',
  },
  {
    id: 'statusEvent-the-long-docket-back-order-rumour',
    show: 'show-the-long-docket',
    status: 'pending',
    forSeason: 2,
    announcedAt: '2025-11-03',
    confidence: 'speculative',
    summary:
      'Sample content: ratings chatter suggests a decision on more episodes is pending. Nothing has been announced.',
  },
  // The Glass Orchard: current = ended (official)
  {
    id: 'statusEvent-the-glass-orchard-premiere',
    show: 'show-the-glass-orchard',
    status: 'airing',
    forSeason: 1,
    announcedAt: '2022-06-05',
    confidence: 'official',
    summary: 'Sample content: season 1 premiered on Ember Channel.',
  },
  {
    id: 'statusEvent-the-glass-orchard-final-season',
    show: 'show-the-glass-orchard',
    status: 'final-season',
    forSeason: 2,
    announcedAt: '2023-01-15',
    confidence: 'official',
    summary: 'Sample content: Ember Channel announced that season 2 would be the last.',
    source: {
      url: 'https://ember-channel.example.com/news/glass-orchard-final-season',
      title: 'The Glass Orchard to end with season 2',
      publisher: 'Ember Channel (fictional)',
    },
  },
  {
    id: 'statusEvent-the-glass-orchard-ended',
    show: 'show-the-glass-orchard',
    status: 'ended',
    forSeason: 2,
    announcedAt: '2023-08-20',
    confidence: 'official',
    summary: 'Sample content: the series finale aired.',
  },
  // Static Season: no official event; current = newest reported (pending)
  {
    id: 'statusEvent-static-season-in-development',
    show: 'show-static-season',
    status: 'in-development',
    announcedAt: '2025-02-14',
    confidence: 'reported',
    summary: 'Sample content: a trade report says the project is in development at Northwind+.',
    source: {
      url: 'https://trade-weekly.example.com/static-season-development',
      title: 'Northwind+ develops Static Season',
      publisher: 'Trade Weekly (fictional)',
    },
  },
  {
    id: 'statusEvent-static-season-pending',
    show: 'show-static-season',
    status: 'pending',
    forSeason: 1,
    announcedAt: '2026-06-01',
    confidence: 'reported',
    summary: 'Sample content: a pilot was shot; a series decision is reportedly pending.',
    source: {
      url: 'https://trade-weekly.example.com/static-season-pilot',
      title: 'Static Season pilot awaits verdict',
      publisher: 'Trade Weekly (fictional)',
    },
  },
  {
    id: 'statusEvent-static-season-rumoured-order',
    show: 'show-static-season',
    status: 'ordered',
    forSeason: 1,
    announcedAt: '2026-03-01',
    confidence: 'speculative',
    summary: 'Sample content: fan forums claimed a series order; unconfirmed.',
  },
]
for (const e of SAMPLE_EVENTS) {
  const k = keyFactory(e.id)
  const fields: JsonObject = {
    show: ref(e.show),
    status: e.status,
    announcedAt: e.announcedAt,
    confidence: e.confidence,
    summary: e.summary,
    verifiedAt: VERIFIED,
  }
  if (e.forSeason !== undefined) fields.forSeason = e.forSeason
  if (e.source) fields.sources = sources(k, [e.source])
  sample(e.id, 'statusEvent', fields)
}

// Cast credits
const SAMPLE_CREDITS: Array<{
  show: string
  person: string
  character: string
  billing: 'main' | 'recurring' | 'guest'
  order: number
  seasons: number[]
}> = [
  {
    show: 'harbor-lights',
    person: 'maren-solberg',
    character: 'Astrid Calloway',
    billing: 'main',
    order: 1,
    seasons: [1, 2],
  },
  {
    show: 'harbor-lights',
    person: 'theo-adeyemi',
    character: 'Rafe Calloway',
    billing: 'main',
    order: 2,
    seasons: [1, 2],
  },
  {
    show: 'harbor-lights',
    person: 'jonah-whitlock',
    character: 'Harbourmaster Lyle Penney',
    billing: 'recurring',
    order: 3,
    seasons: [2],
  },
  {
    show: 'harbor-lights',
    person: 'caleb-moreau',
    character: 'Inspector Voss',
    billing: 'guest',
    order: 4,
    seasons: [1],
  },
  {
    show: 'the-long-docket',
    person: 'priya-castellanos',
    character: 'Judge Nora Quill',
    billing: 'main',
    order: 1,
    seasons: [1],
  },
  {
    show: 'the-long-docket',
    person: 'theo-adeyemi',
    character: 'Public Defender Sam Okoro',
    billing: 'recurring',
    order: 2,
    seasons: [1],
  },
  {
    show: 'the-glass-orchard',
    person: 'caleb-moreau',
    character: 'Tomas Ferrell',
    billing: 'main',
    order: 1,
    seasons: [1, 2],
  },
  {
    show: 'the-glass-orchard',
    person: 'priya-castellanos',
    character: 'Elena Ferrell',
    billing: 'main',
    order: 2,
    seasons: [1, 2],
  },
  {
    show: 'the-glass-orchard',
    person: 'maren-solberg',
    character: 'The Visitor',
    billing: 'guest',
    order: 3,
    seasons: [2],
  },
]
const creditId = (show: string, person: string): string => `castCredit-${show}-${person}`
for (const c of SAMPLE_CREDITS) {
  sample(creditId(c.show, c.person), 'castCredit', {
    show: ref(`show-${c.show}`),
    person: ref(`person-${c.person}`),
    characterName: c.character,
    billing: c.billing,
    order: c.order,
    seasons: c.seasons,
  })
}
const creditsFor = (show: string): string[] =>
  SAMPLE_CREDITS.filter((c) => c.show === show)
    .sort((a, b) => a.order - b.order)
    .map((c) => creditId(c.show, c.person))

// Sample author
sample('author-sample-desk', 'author', {
  name: 'Sample Desk',
  slug: slug('sample-desk'),
  bio: 'A fictional byline used for sample content. Articles by this author are not real news.',
})

// Sample articles
{
  const id = 'article-sample-how-renewals-work'
  const k = keyFactory(id)
  sample(id, 'article', {
    title: 'How a Renewal Decision Gets Made',
    slug: slug('how-a-renewal-decision-gets-made'),
    dek: 'Sample content: a fictional explainer showing how Reel Status tracks orders, renewals and cancellations. The shows and networks named here do not exist.',
    kind: 'explainer',
    authors: [keyedRef(k, 'author-sample-desk')],
    tags: ['explainer', 'renewals', 'sample'],
    publishedAt: '2026-05-04T08:00:00Z',
    updatedAt: '2026-06-02T08:00:00Z',
    lastVerifiedAt: '2026-06-02',
    body: [
      p(
        k,
        'A show’s status is ',
        { text: 'not', marks: ['em'] },
        ' a single fact. It is a ',
        { text: 'history of announcements', marks: ['strong'] },
        ', each with a date, a source and a level of confidence.',
      ),
      h2(k, 'Official, reported or speculative?'),
      bullet(k, [
        { text: 'Official', marks: ['strong'] },
        ': the network or service said so itself, for example:',
      ]),
      bullet(k, ['a press release or a programming announcement;'], 2),
      bullet(k, ['a post on the network’s own channels.'], 2),
      bullet(k, [
        { text: 'Reported', marks: ['strong'] },
        ': a trade publication cites people familiar with the decision.',
      ]),
      bullet(k, [
        { text: 'Speculative', marks: ['strong'] },
        ': ratings chatter, fan campaigns and ',
        { text: 'rumours', marks: ['strike-through'] },
        ' educated guesses.',
      ]),
      h2(k, 'The usual timeline'),
      numbered(k, ['A project is ', { text: 'in development', marks: ['underline'] }, '.']),
      numbered(k, ['The network ', { text: 'orders', marks: ['em'] }, ' it to series.']),
      numbered(k, ['The season premieres and airs.']),
      numbered(k, ['The network renews it, cancels it or announces a final season.']),
      h3(k, 'An example'),
      p(
        k,
        'The fictional ',
        { text: 'Static Season', ref: 'show-static-season' },
        ' has only reported events so far, so its status comes from the newest report. Each event stores its date in ',
        { text: 'announcedAt', marks: ['code'] },
        '. Public data services such as ',
        { text: 'TVmaze', href: 'https://www.tvmaze.com/api', blank: true },
        ' use their own status vocabularies.',
      ),
      statusCallout(k, 'show-static-season', 'Sample content: no official decision yet.'),
      pullQuote(k, 'A status is only as good as the source behind it.', 'Reel Status style guide (sample)'),
      p(
        k,
        'Compare ',
        { text: 'Harbor Lights', ref: 'show-harbor-lights' },
        ', whose renewals were all announced by its (fictional) service.',
      ),
    ],
    faq: faq(k, [
      {
        question: 'Why does a newer rumour not change the status?',
        answer:
          'Because an **official** announcement always wins over a *reported* or *speculative* one, even if the rumour is newer.',
      },
    ]),
  })
}
{
  const id = 'article-sample-harbor-lights-renewed'
  const k = keyFactory(id)
  sample(id, 'article', {
    title: 'Harbor Lights Renewed for Season 3',
    slug: slug('harbor-lights-renewed-season-3'),
    dek: 'Sample content: fictional news about a fictional Northwind+ series, used to demonstrate the site.',
    show: ref('show-harbor-lights'),
    kind: 'news',
    authors: [keyedRef(k, 'author-sample-desk')],
    tags: ['northwind-plus', 'renewed', 'sample'],
    publishedAt: '2025-06-20T15:00:00Z',
    lastVerifiedAt: '2025-06-20',
    sources: sources(k, [
      {
        url: 'https://northwind-plus.example.com/press/harbor-lights-season-3',
        title: 'Harbor Lights renewed for season 3',
        publisher: 'Northwind+ (fictional)',
      },
    ]),
    body: [
      p(
        k,
        'Northwind+ has renewed ',
        { text: 'Harbor Lights', ref: 'show-harbor-lights', marks: ['em'] },
        ' for a third season, according to a ',
        {
          text: 'press release',
          href: 'https://northwind-plus.example.com/press/harbor-lights-season-3',
          blank: true,
        },
        ' from the (fictional) service.',
      ),
      statusCallout(k, 'show-harbor-lights'),
      h2(k, 'Who is coming back'),
      p(
        k,
        'Creator ',
        { text: 'Ines Varga', ref: 'person-ines-varga' },
        ' returns as showrunner, and the main cast is expected back:',
      ),
      castList(k, creditsFor('harbor-lights'), 'Harbor Lights cast'),
      h2(k, 'What we know so far'),
      numbered(k, ['Season 3 will have eight episodes.']),
      numbered(k, ['Filming starts in the autumn.']),
      numbered(k, ['No premiere date has been announced.']),
    ],
  })
}
{
  const id = 'article-sample-glass-orchard-review'
  const k = keyFactory(id)
  sample(id, 'article', {
    title: 'Review: The Glass Orchard Ends With Grace',
    slug: slug('review-the-glass-orchard-ends-with-grace'),
    dek: 'Sample content: a fictional review of a fictional Ember Channel series, used to demonstrate the site.',
    show: ref('show-the-glass-orchard'),
    kind: 'review',
    authors: [keyedRef(k, 'author-sample-desk')],
    tags: ['ember-channel', 'review', 'sample'],
    publishedAt: '2023-08-21T12:00:00Z',
    updatedAt: '2023-08-22T09:00:00Z',
    sources: sources(k, [
      {
        url: 'https://ember-channel.example.com/news/glass-orchard-final-season',
        title: 'The Glass Orchard to end with season 2',
        publisher: 'Ember Channel (fictional)',
      },
    ]),
    body: [
      p(
        k,
        { text: 'The Glass Orchard', ref: 'show-the-glass-orchard', marks: ['em'] },
        ' closes its second and final season the way it opened: quietly, and with a ',
        { text: 'very', marks: ['strong', 'em'] },
        ' good reason for every silence.',
      ),
      h2(k, 'A finale that trusts its audience'),
      p(k, 'The last hour answers the question of the disappearances without explaining the magic.'),
      pullQuote(k, 'The orchard was never the mystery. The family was.', 'Sample Desk (fictional critic)'),
      quote(k, 'Sample content: this blockquote shows the blockquote style.'),
      h2(k, 'The cast'),
      castList(k, creditsFor('the-glass-orchard')),
      h3(k, 'Verdict'),
      bullet(k, ['Worth it for the performances.']),
      bullet(k, ['Best watched in one weekend.']),
      statusCallout(k, 'show-the-glass-orchard', 'Sample content: the series has ended.'),
      p(
        k,
        'New to status labels? Read ',
        { text: 'how a renewal decision gets made', ref: 'article-sample-how-renewals-work' },
        '.',
      ),
    ],
  })
}

// ---------------------------------------------------------------------------------------------
export function buildDataset(): JsonObject[] {
  return docs
}

export function serialize(list: JsonObject[]): string {
  return `${list.map((d) => JSON.stringify(d)).join('\n')}\n`
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = serialize(buildDataset())
  if (process.argv.includes('--stdout')) {
    process.stdout.write(out)
  } else {
    writeFileSync(DATASET_PATH, out)
    mkdirSync(IMAGES_DIR, { recursive: true })
    for (const art of Object.values(SAMPLE_KEY_ART)) writeFileSync(resolve(IMAGES_DIR, art.fileName), art.png)
    console.log(`wrote ${docs.length} documents to ${DATASET_PATH} and their images to ${IMAGES_DIR}`)
  }
}

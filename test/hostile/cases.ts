/*
 * The hostile dataset: broken and malicious content, one case per problem, each with the exact
 * outcome the build must produce. `write-fixture.ts` turns the cases into
 * test/fixtures/hostile/data.ndjson (committed); hostile-build.test.ts builds that file and checks
 * every case; loader and CLI cases with their own files are in cli.test.ts.
 */

type Doc = Record<string, unknown> & { _id: string; _type: string }

/** A warning the build must report for a case (all of a case's warnings are listed, exactly). */
export interface ExpectedWarning {
  code: string
  documentId: string
  /** Field path for validation warnings. */
  field?: string
  /** Validation outcome: skipped, dropped, cleaned or reported. */
  outcome?: string
}

export interface HostileCase {
  id: string
  category: 'schema' | 'references' | 'slugs' | 'drafts' | 'text' | 'loader'
  about: string
  documents: Doc[]
  /** Lines written to the dataset as they are (bytes JSON.stringify cannot produce). */
  rawLines?: string[]
  warnings: ExpectedWarning[]
  /** Output files (relative to the site root) that must exist. */
  present?: string[]
  /** Output files that must not exist. */
  absent?: string[]
  /** Text that must not occur in any output file (HTML, XML, JSON). */
  nowhere?: string[]
  /** HTML that must (or must not) occur in one output file. */
  html?: Array<{ file: string; contains?: string[]; excludes?: string[]; noElementsInMain?: string[] }>
}

const T = '2026-11-01T09:00:00Z'
/** The build time of the hostile build: articles published after it are scheduled. */
export const HOSTILE_NOW = new Date('2026-11-30T00:00:00Z')

const base = (id: string, type: string, fields: Record<string, unknown> = {}): Doc => ({
  _id: id,
  _type: type,
  _rev: 'r1',
  _createdAt: T,
  _updatedAt: T,
  isSample: true,
  ...fields,
})
const slug = (current: unknown) => ({ _type: 'slug', current })
const ref = (id: string, key?: string) => ({ ...(key ? { _key: key } : {}), _type: 'reference', _ref: id })
const block = (key: string, text: string, extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
  ...extra,
})
const source = (key: string, fields: Record<string, unknown>) => ({ _type: 'source', _key: key, ...fields })
const article = (id: string, fields: Record<string, unknown>) =>
  base(id, 'article', { publishedAt: T, kind: 'news', body: [block('b1', 'Body text.')], ...fields })

export const HOSTILE_CASES: HostileCase[] = [
  // ── baseline: valid documents the other cases point at ──────────────────────────────────────
  {
    id: 'baseline',
    category: 'schema',
    about: 'valid network, show, person, author, credit, status event and article build cleanly',
    documents: [
      base('network-hx-base', 'network', {
        name: 'Hostile Network',
        slug: slug('hostile-network'),
        kind: 'streaming',
        website: 'https://network.example/',
      }),
      base('show-hx-base', 'show', {
        title: 'Baseline Show',
        slug: slug('baseline-show'),
        network: ref('network-hx-base'),
        premiereDate: '2025-03-01',
        synopsis: [block('s1', 'A show used by the hostile cases.')],
      }),
      base('person-hx-base', 'person', { name: 'Base Person', slug: slug('base-person') }),
      base('author-hx-base', 'author', { name: 'Base Author', slug: slug('base-author') }),
      base('castCredit-hx-base', 'castCredit', {
        show: ref('show-hx-base'),
        person: ref('person-hx-base'),
        characterName: 'Lead Character',
        billing: 'main',
        order: 1,
      }),
      base('statusEvent-hx-base', 'statusEvent', {
        show: ref('show-hx-base'),
        status: 'renewed',
        confidence: 'official',
        announcedAt: '2026-10-01',
        summary: 'Renewed for a second season.',
        sources: [source('src1', { url: 'https://news.example/renewed', title: 'Renewal announced' })],
      }),
      article('article-hx-base', {
        title: 'Baseline Article',
        slug: slug('baseline-article'),
        show: ref('show-hx-base'),
        authors: [ref('author-hx-base', 'a1')],
        sources: [source('src1', { url: 'https://news.example/renewed' })],
        tags: ['hostile'],
      }),
    ],
    warnings: [],
    present: [
      'index.html',
      'shows/baseline-show/index.html',
      'people/base-person/index.html',
      'authors/base-author/index.html',
      'networks/hostile-network/index.html',
      'articles/baseline-article/index.html',
      'tags/hostile/index.html',
    ],
    html: [{ file: 'shows/baseline-show/index.html', contains: ['Lead Character', 'Baseline Show'] }],
  },

  // ── schema: wrong types, missing required fields, invalid dates, unknown types ──────────────
  {
    id: 'article-missing-title',
    category: 'schema',
    about: 'an article without its required title is skipped',
    documents: [article('article-hx-no-title', { slug: slug('no-title') })],
    warnings: [
      { code: 'required-missing', documentId: 'article-hx-no-title', field: 'title', outcome: 'skipped' },
    ],
    absent: ['articles/no-title/index.html'],
  },
  {
    id: 'article-blank-title',
    category: 'schema',
    about: 'a title of spaces and a zero-width space counts as missing',
    documents: [article('article-hx-blank-title', { title: '  \u200b  ', slug: slug('blank-title') })],
    warnings: [
      { code: 'required-missing', documentId: 'article-hx-blank-title', field: 'title', outcome: 'skipped' },
    ],
    absent: ['articles/blank-title/index.html'],
  },
  {
    id: 'show-title-number',
    category: 'schema',
    about: 'a show whose title is a number is skipped',
    documents: [base('show-hx-numeric', 'show', { title: 42, slug: slug('numeric-title') })],
    warnings: [{ code: 'wrong-type', documentId: 'show-hx-numeric', field: 'title', outcome: 'skipped' }],
    absent: ['shows/numeric-title/index.html'],
  },
  {
    id: 'person-without-slug',
    category: 'schema',
    about: 'a person without a slug is skipped (it has no address)',
    documents: [base('person-hx-no-slug', 'person', { name: 'Nobody Without Slug' })],
    warnings: [
      { code: 'required-missing', documentId: 'person-hx-no-slug', field: 'slug', outcome: 'skipped' },
    ],
    nowhere: ['Nobody Without Slug'],
  },
  {
    id: 'author-slug-string',
    category: 'schema',
    about: 'a slug stored as a plain string instead of {current} is skipped',
    documents: [base('author-hx-slug-string', 'author', { name: 'String Slug', slug: 'string-slug' })],
    warnings: [
      { code: 'wrong-type', documentId: 'author-hx-slug-string', field: 'slug', outcome: 'skipped' },
    ],
    absent: ['authors/string-slug/index.html'],
  },
  {
    id: 'network-unknown-kind',
    category: 'schema',
    about: 'a value outside the option list is dropped, the network kept',
    documents: [
      base('network-hx-kind', 'network', {
        name: 'Satellite Net',
        slug: slug('satellite-net'),
        kind: 'satellite',
      }),
    ],
    warnings: [{ code: 'not-in-list', documentId: 'network-hx-kind', field: 'kind', outcome: 'dropped' }],
    present: ['networks/satellite-net/index.html'],
  },
  {
    id: 'article-publishedAt-word',
    category: 'schema',
    about: 'publishedAt "yesterday" cannot be scheduled: skipped',
    documents: [
      article('article-hx-date-word', {
        title: 'Word Date',
        slug: slug('word-date'),
        publishedAt: 'yesterday',
      }),
    ],
    warnings: [
      { code: 'invalid-date', documentId: 'article-hx-date-word', field: 'publishedAt', outcome: 'skipped' },
    ],
    absent: ['articles/word-date/index.html'],
  },
  {
    id: 'article-publishedAt-date-only',
    category: 'schema',
    about: 'a date without time is not a GROQ dateTime (it would vanish silently): skipped with a warning',
    documents: [
      article('article-hx-date-only', {
        title: 'Date Only',
        slug: slug('date-only'),
        publishedAt: '2026-01-05',
      }),
    ],
    warnings: [
      { code: 'invalid-date', documentId: 'article-hx-date-only', field: 'publishedAt', outcome: 'skipped' },
    ],
    absent: ['articles/date-only/index.html'],
  },
  {
    id: 'show-impossible-date',
    category: 'schema',
    about: 'an impossible optional date (30 February) is dropped',
    documents: [
      base('show-hx-bad-date', 'show', {
        title: 'Leap Show',
        slug: slug('leap-show'),
        premiereDate: '2023-02-30',
      }),
    ],
    warnings: [
      { code: 'invalid-date', documentId: 'show-hx-bad-date', field: 'premiereDate', outcome: 'dropped' },
    ],
    present: ['shows/leap-show/index.html'],
    nowhere: ['2023-02-30'],
  },
  {
    id: 'unknown-type',
    category: 'schema',
    about: 'a document of an unknown type is skipped',
    documents: [
      base('movie-hx-unknown', 'movie', { title: 'Unknown Movie Type', slug: slug('unknown-movie') }),
    ],
    warnings: [{ code: 'unknown-type', documentId: 'movie-hx-unknown', outcome: 'skipped' }],
    nowhere: ['Unknown Movie Type'],
  },
  {
    id: 'status-unknown-value',
    category: 'schema',
    about: 'a status event with a status outside the list is skipped',
    documents: [
      base('statusEvent-hx-zombie', 'statusEvent', {
        show: ref('show-hx-base'),
        status: 'zombie',
        confidence: 'official',
        announcedAt: '2026-11-02',
        summary: 'ZOMBIE STATUS SUMMARY',
      }),
    ],
    warnings: [
      { code: 'not-in-list', documentId: 'statusEvent-hx-zombie', field: 'status', outcome: 'skipped' },
    ],
    nowhere: ['ZOMBIE STATUS SUMMARY'],
  },
  {
    id: 'credit-without-billing',
    category: 'schema',
    about: 'a cast credit without its required billing is skipped',
    documents: [
      base('castCredit-hx-no-billing', 'castCredit', {
        show: ref('show-hx-base'),
        person: ref('person-hx-base'),
        characterName: 'Unbilled Character',
      }),
    ],
    warnings: [
      {
        code: 'required-missing',
        documentId: 'castCredit-hx-no-billing',
        field: 'billing',
        outcome: 'skipped',
      },
    ],
    nowhere: ['Unbilled Character'],
  },
  {
    id: 'season-zero',
    category: 'schema',
    about: 'season number 0 fails the schema rule validatePositiveInteger: skipped',
    documents: [
      base('season-hx-zero', 'season', { show: ref('show-hx-base'), number: 0, title: 'Season Zero Title' }),
    ],
    warnings: [{ code: 'invalid-number', documentId: 'season-hx-zero', field: 'number', outcome: 'skipped' }],
    nowhere: ['Season Zero Title'],
  },
  {
    id: 'credit-fractional-order',
    category: 'schema',
    about: 'billing order 1.5 is dropped; the credit is shown',
    documents: [
      base('castCredit-hx-order', 'castCredit', {
        show: ref('show-hx-base'),
        person: ref('person-hx-base'),
        characterName: 'Fractional Character',
        billing: 'recurring',
        order: 1.5,
      }),
    ],
    warnings: [
      { code: 'invalid-number', documentId: 'castCredit-hx-order', field: 'order', outcome: 'dropped' },
    ],
    html: [{ file: 'shows/baseline-show/index.html', contains: ['Fractional Character'] }],
  },
  {
    id: 'article-bad-tags',
    category: 'schema',
    about: 'non-text tags and a repeated tag are dropped one by one',
    documents: [
      article('article-hx-tags', {
        title: 'Tagged Article',
        slug: slug('tagged-article'),
        tags: ['ok-tag', 5, null, { x: 1 }, 'ok-tag'],
      }),
    ],
    warnings: [
      { code: 'wrong-type', documentId: 'article-hx-tags', field: 'tags[1]', outcome: 'dropped' },
      { code: 'wrong-type', documentId: 'article-hx-tags', field: 'tags[2]', outcome: 'dropped' },
      { code: 'wrong-type', documentId: 'article-hx-tags', field: 'tags[3]', outcome: 'dropped' },
      { code: 'duplicate-item', documentId: 'article-hx-tags', field: 'tags[4]', outcome: 'dropped' },
    ],
    present: ['articles/tagged-article/index.html', 'tags/ok-tag/index.html'],
    absent: ['tags/5/index.html'],
  },
  {
    id: 'show-genres-string',
    category: 'schema',
    about: 'genres as a string instead of a list is dropped',
    documents: [
      base('show-hx-genres', 'show', { title: 'Genre Show', slug: slug('genre-show'), genres: 'drama' }),
    ],
    warnings: [{ code: 'wrong-type', documentId: 'show-hx-genres', field: 'genres', outcome: 'dropped' }],
    present: ['shows/genre-show/index.html'],
  },
  {
    id: 'article-bad-sources',
    category: 'schema',
    about: 'sources with javascript:, ftp: or no URL are dropped; the valid one is listed',
    documents: [
      article('article-hx-sources', {
        title: 'Sourced Article',
        slug: slug('sourced-article'),
        sources: [
          source('s0', { url: 'javascript:alert("src")', title: 'JS source' }),
          source('s1', { url: 'ftp://files.example/a', title: 'FTP source' }),
          source('s2', { title: 'Source without a URL' }),
          source('s3', { url: 'https://news.example/ok', title: 'Good source' }),
        ],
      }),
    ],
    warnings: [
      { code: 'invalid-url', documentId: 'article-hx-sources', field: 'sources[0].url', outcome: 'dropped' },
      { code: 'invalid-url', documentId: 'article-hx-sources', field: 'sources[1].url', outcome: 'dropped' },
      {
        code: 'required-missing',
        documentId: 'article-hx-sources',
        field: 'sources[2].url',
        outcome: 'dropped',
      },
    ],
    html: [
      {
        file: 'articles/sourced-article/index.html',
        contains: ['href="https://news.example/ok"', 'Good source'],
        excludes: ['JS source', 'FTP source', 'Source without a URL'],
      },
    ],
  },
  {
    id: 'network-javascript-website',
    category: 'schema',
    about: 'a javascript: website is dropped',
    documents: [
      base('network-hx-js', 'network', {
        name: 'Script Net',
        slug: slug('script-net'),
        website: 'javascript:alert(document.cookie)',
      }),
    ],
    warnings: [{ code: 'invalid-url', documentId: 'network-hx-js', field: 'website', outcome: 'dropped' }],
    present: ['networks/script-net/index.html'],
  },
  {
    id: 'network-data-website',
    category: 'schema',
    about: 'a data: URL website is dropped',
    documents: [
      base('network-hx-data', 'network', {
        name: 'Data Net',
        slug: slug('data-net'),
        website: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      }),
    ],
    warnings: [{ code: 'invalid-url', documentId: 'network-hx-data', field: 'website', outcome: 'dropped' }],
    present: ['networks/data-net/index.html'],
  },
  {
    id: 'person-sample-string',
    category: 'schema',
    about: 'isSample "yes" is not a boolean: dropped',
    documents: [
      base('person-hx-sample', 'person', {
        name: 'Sample String',
        slug: slug('sample-string'),
        isSample: 'yes',
      }),
    ],
    warnings: [{ code: 'wrong-type', documentId: 'person-hx-sample', field: 'isSample', outcome: 'dropped' }],
    present: ['people/sample-string/index.html'],
  },
  {
    id: 'show-basedOn-year',
    category: 'schema',
    about: 'a year outside 1000–2100 (rule.min/max in basedOn) is dropped, the rest of basedOn kept',
    documents: [
      base('show-hx-year', 'show', {
        title: 'Adapted Show',
        slug: slug('adapted-show'),
        basedOn: { _type: 'basedOn', title: 'The Source Novel', year: 99999, kind: 'novel' },
      }),
    ],
    warnings: [
      { code: 'invalid-number', documentId: 'show-hx-year', field: 'basedOn.year', outcome: 'dropped' },
    ],
    html: [{ file: 'shows/adapted-show/index.html', contains: ['The Source Novel'], excludes: ['99999'] }],
  },
  {
    id: 'article-faq-without-question',
    category: 'schema',
    about: 'an FAQ item without its required question is dropped, the others kept',
    documents: [
      article('article-hx-faq', {
        title: 'FAQ Article',
        slug: slug('faq-article'),
        faq: [
          { _type: 'faqItem', _key: 'f0', answer: 'ORPHAN ANSWER' },
          { _type: 'faqItem', _key: 'f1', question: 'Is it back?', answer: 'Yes.' },
        ],
      }),
    ],
    warnings: [
      {
        code: 'required-missing',
        documentId: 'article-hx-faq',
        field: 'faq[0].question',
        outcome: 'dropped',
      },
    ],
    html: [
      { file: 'articles/faq-article/index.html', contains: ['Is it back?'], excludes: ['ORPHAN ANSWER'] },
    ],
  },
  {
    id: 'private-dotted-id',
    category: 'drafts',
    about: 'a dotted id (private in Sanity) never renders',
    documents: [
      base('secret.show-hidden', 'show', { title: 'SECRET DOTTED SHOW', slug: slug('secret-show') }),
    ],
    warnings: [{ code: 'private-id', documentId: 'secret.show-hidden', outcome: 'skipped' }],
    absent: ['shows/secret-show/index.html'],
    nowhere: ['SECRET DOTTED SHOW'],
  },
  {
    id: 'invalid-updatedAt',
    category: 'schema',
    about: 'an invalid system timestamp is dropped; no "undefined" anywhere',
    documents: [
      base('show-hx-updated', 'show', {
        title: 'Timeless Show',
        slug: slug('timeless-show'),
        _updatedAt: 'not a date',
      }),
    ],
    warnings: [
      { code: 'invalid-date', documentId: 'show-hx-updated', field: '_updatedAt', outcome: 'dropped' },
    ],
    present: ['shows/timeless-show/index.html'],
    nowhere: ['not a date'],
  },

  // ── references: missing, skipped, wrong type, cycles ────────────────────────────────────────
  {
    id: 'article-missing-show',
    category: 'references',
    about: 'an article about a show that does not exist keeps its page without the show line',
    documents: [
      article('article-hx-ghost-show', {
        title: 'Ghost Show Article',
        slug: slug('ghost-show-article'),
        show: ref('show-does-not-exist'),
      }),
    ],
    warnings: [
      { code: 'reference-missing', documentId: 'article-hx-ghost-show', field: 'show', outcome: 'dropped' },
    ],
    present: ['articles/ghost-show-article/index.html'],
  },
  {
    id: 'credit-missing-person',
    category: 'references',
    about: 'a cast credit whose person does not exist is skipped',
    documents: [
      base('castCredit-hx-ghost-person', 'castCredit', {
        show: ref('show-hx-base'),
        person: ref('person-nobody'),
        characterName: 'Ghost Person Character',
        billing: 'main',
      }),
    ],
    warnings: [
      {
        code: 'reference-missing',
        documentId: 'castCredit-hx-ghost-person',
        field: 'person',
        outcome: 'skipped',
      },
    ],
    nowhere: ['Ghost Person Character'],
  },
  {
    id: 'credit-skipped-show',
    category: 'references',
    about: 'a cast credit whose show was skipped is skipped too',
    documents: [
      base('castCredit-hx-skipped-show', 'castCredit', {
        show: ref('show-hx-numeric'),
        person: ref('person-hx-base'),
        characterName: 'Orphaned Character',
        billing: 'guest',
      }),
    ],
    warnings: [
      {
        code: 'reference-skipped',
        documentId: 'castCredit-hx-skipped-show',
        field: 'show',
        outcome: 'skipped',
      },
    ],
    nowhere: ['Orphaned Character'],
  },
  {
    id: 'show-network-wrong-type',
    category: 'references',
    about: 'a show whose network points at a person loses the reference',
    documents: [
      base('show-hx-wrong-network', 'show', {
        title: 'Wrong Network Show',
        slug: slug('wrong-network-show'),
        network: ref('person-hx-base'),
      }),
    ],
    warnings: [
      {
        code: 'reference-wrong-type',
        documentId: 'show-hx-wrong-network',
        field: 'network',
        outcome: 'dropped',
      },
    ],
    html: [{ file: 'shows/wrong-network-show/index.html', excludes: ['href="/people/base-person/"'] }],
  },
  {
    id: 'show-creators-broken',
    category: 'references',
    about: 'creators: a repeat, a missing person and a draft id are dropped; the valid creator stays',
    documents: [
      base('show-hx-creators', 'show', {
        title: 'Created Show',
        slug: slug('created-show'),
        creators: [
          ref('person-hx-base', 'c0'),
          ref('person-hx-base', 'c1'),
          ref('person-missing', 'c2'),
          ref('drafts.person-hx-base', 'c3'),
        ],
      }),
    ],
    warnings: [
      { code: 'duplicate-item', documentId: 'show-hx-creators', field: 'creators[1]', outcome: 'dropped' },
      { code: 'reference-missing', documentId: 'show-hx-creators', field: 'creators[2]', outcome: 'dropped' },
      { code: 'reference-missing', documentId: 'show-hx-creators', field: 'creators[3]', outcome: 'dropped' },
    ],
    html: [{ file: 'shows/created-show/index.html', contains: ['href="/people/base-person/"'] }],
  },
  {
    id: 'status-missing-show',
    category: 'references',
    about: 'a status event for a show that does not exist is skipped',
    documents: [
      base('statusEvent-hx-orphan', 'statusEvent', {
        show: ref('show-ghost'),
        status: 'cancelled',
        confidence: 'official',
        announcedAt: '2026-10-05',
        summary: 'ORPHAN STATUS SUMMARY',
      }),
    ],
    warnings: [
      { code: 'reference-missing', documentId: 'statusEvent-hx-orphan', field: 'show', outcome: 'skipped' },
    ],
    nowhere: ['ORPHAN STATUS SUMMARY'],
  },
  {
    id: 'season-missing-show',
    category: 'references',
    about: 'a season of a show that does not exist is skipped',
    documents: [
      base('season-hx-orphan', 'season', { show: ref('show-ghost'), number: 3, title: 'Orphan Season' }),
    ],
    warnings: [
      { code: 'reference-missing', documentId: 'season-hx-orphan', field: 'show', outcome: 'skipped' },
    ],
    nowhere: ['Orphan Season'],
  },
  {
    id: 'authors-wrong-type',
    category: 'references',
    about: 'a byline pointing at an article is dropped',
    documents: [
      article('article-hx-byline', {
        title: 'Byline Article',
        slug: slug('byline-article'),
        authors: [ref('article-hx-base', 'a0')],
      }),
    ],
    warnings: [
      {
        code: 'reference-wrong-type',
        documentId: 'article-hx-byline',
        field: 'authors[0]',
        outcome: 'dropped',
      },
    ],
    present: ['articles/byline-article/index.html'],
  },
  {
    id: 'reference-cycle',
    category: 'references',
    about: 'two shows naming each other as network: both references dropped, the cycle reported once',
    documents: [
      base('show-hx-cycle-a', 'show', {
        title: 'Cycle A',
        slug: slug('cycle-a'),
        network: ref('show-hx-cycle-b'),
      }),
      base('show-hx-cycle-b', 'show', {
        title: 'Cycle B',
        slug: slug('cycle-b'),
        network: ref('show-hx-cycle-a'),
      }),
    ],
    warnings: [
      { code: 'reference-wrong-type', documentId: 'show-hx-cycle-a', field: 'network', outcome: 'dropped' },
      { code: 'reference-wrong-type', documentId: 'show-hx-cycle-b', field: 'network', outcome: 'dropped' },
      { code: 'reference-cycle', documentId: 'show-hx-cycle-a', field: 'network', outcome: 'reported' },
    ],
    present: ['shows/cycle-a/index.html', 'shows/cycle-b/index.html'],
  },
  {
    id: 'self-reference',
    category: 'references',
    about: 'a show listing itself as creator: dropped, reported as a cycle',
    documents: [
      base('show-hx-self', 'show', {
        title: 'Self Show',
        slug: slug('self-show'),
        creators: [ref('show-hx-self', 'c0')],
      }),
    ],
    warnings: [
      { code: 'reference-wrong-type', documentId: 'show-hx-self', field: 'creators[0]', outcome: 'dropped' },
      { code: 'reference-cycle', documentId: 'show-hx-self', field: 'creators[0]', outcome: 'reported' },
    ],
    present: ['shows/self-show/index.html'],
  },
  {
    id: 'body-links-to-missing',
    category: 'references',
    about: 'rich-text links and blocks pointing at missing or skipped documents keep their text, unlinked',
    documents: [
      article('article-hx-rich-refs', {
        title: 'Rich References',
        slug: slug('rich-references'),
        body: [
          {
            ...block('r1', 'nowhere link'),
            markDefs: [{ _type: 'internalLink', _key: 'm1', reference: ref('article-nowhere') }],
            children: [{ _type: 'span', _key: 'r1s', text: 'Linked to nowhere', marks: ['m1'] }],
          },
          {
            _type: 'castList',
            _key: 'cl',
            title: 'Cast',
            credits: [ref('castCredit-hx-ghost-person', 'k1')],
          },
          { _type: 'statusCallout', _key: 'sc', show: ref('show-hx-numeric') },
        ],
      }),
    ],
    warnings: [
      { code: 'unresolved-reference', documentId: 'article-hx-rich-refs' },
      { code: 'unresolved-cast-credit', documentId: 'article-hx-rich-refs' },
      { code: 'empty-cast-list', documentId: 'article-hx-rich-refs' },
      { code: 'unresolved-status', documentId: 'article-hx-rich-refs' },
    ],
    html: [
      {
        file: 'articles/rich-references/index.html',
        contains: ['Linked to nowhere'],
        excludes: ['href="/articles/nowhere', 'Ghost Person Character'],
      },
    ],
  },

  // ── slugs ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'slug-path-traversal',
    category: 'slugs',
    about: '../../etc/passwd becomes one safe segment inside the output folder',
    documents: [
      base('show-hx-traversal', 'show', { title: 'Traversal Show', slug: slug('../../etc/passwd') }),
    ],
    warnings: [{ code: 'slug-normalised', documentId: 'show-hx-traversal' }],
    present: ['shows/etc-passwd/index.html'],
  },
  {
    id: 'slug-uppercase-spaces',
    category: 'slugs',
    about: 'uppercase and spaces are normalised',
    documents: [
      base('person-hx-upper', 'person', { name: 'Upper Person', slug: slug('Upper Case  With Spaces') }),
    ],
    warnings: [{ code: 'slug-normalised', documentId: 'person-hx-upper' }],
    present: ['people/upper-case-with-spaces/index.html'],
  },
  {
    id: 'slug-emoji-only',
    category: 'slugs',
    about: 'an emoji-only slug falls back to the document id',
    documents: [article('article-hx-emoji', { title: 'Emoji Slug', slug: slug('🎬🍿') })],
    warnings: [{ code: 'slug-empty', documentId: 'article-hx-emoji' }],
    present: ['articles/article-hx-emoji/index.html'],
  },
  {
    id: 'slug-rtl-override',
    category: 'slugs',
    about: 'a right-to-left override and Hebrew letters are removed',
    documents: [base('network-hx-rtl', 'network', { name: 'RTL Net', slug: slug('\u202eשלום-world') })],
    warnings: [{ code: 'slug-normalised', documentId: 'network-hx-rtl' }],
    present: ['networks/world/index.html'],
  },
  {
    id: 'slug-zero-width-and-control',
    category: 'slugs',
    about: 'zero-width and control characters are stripped from the slug',
    documents: [base('author-hx-zw', 'author', { name: 'Zero Width', slug: slug('zero\u200bwidth\u0000') })],
    warnings: [
      { code: 'control-characters', documentId: 'author-hx-zw', field: 'slug.current', outcome: 'cleaned' },
      { code: 'slug-normalised', documentId: 'author-hx-zw' },
    ],
    present: ['authors/zerowidth/index.html'],
  },
  {
    id: 'slug-empty-string',
    category: 'slugs',
    about: 'an empty slug is a missing required field: skipped',
    documents: [base('show-hx-empty-slug', 'show', { title: 'Empty Slug Show', slug: slug('') })],
    warnings: [
      { code: 'required-missing', documentId: 'show-hx-empty-slug', field: 'slug', outcome: 'skipped' },
    ],
    nowhere: ['Empty Slug Show'],
  },
  {
    id: 'slug-too-long',
    category: 'slugs',
    about: 'a 600-character slug is cut to 96 characters',
    documents: [article('article-hx-long-slug', { title: 'Long Slug', slug: slug('ab-'.repeat(200)) })],
    warnings: [{ code: 'slug-normalised', documentId: 'article-hx-long-slug' }],
    present: [`articles/${'ab-'.repeat(32).slice(0, 95)}/index.html`],
  },
  {
    id: 'slug-query-and-fragment',
    category: 'slugs',
    about: '?, = and # cannot reach the URL',
    documents: [base('show-hx-query', 'show', { title: 'Query Show', slug: slug('what?x=1#frag') })],
    warnings: [{ code: 'slug-normalised', documentId: 'show-hx-query' }],
    present: ['shows/what-x-1-frag/index.html'],
  },
  {
    id: 'slug-same-across-types',
    category: 'slugs',
    about: 'a show and a person may share a slug',
    documents: [
      base('show-hx-twin', 'show', { title: 'Twin Show', slug: slug('twin') }),
      base('person-hx-twin', 'person', { name: 'Twin Person', slug: slug('twin') }),
    ],
    warnings: [],
    present: ['shows/twin/index.html', 'people/twin/index.html'],
  },
  {
    id: 'slug-and-id-unusable',
    category: 'slugs',
    about: 'when neither slug nor id has usable characters, the type and a hash of the id are used',
    documents: [base('___', 'author', { name: 'Punctuation Author', slug: slug('***') })],
    warnings: [{ code: 'slug-empty', documentId: '___' }],
    present: ['authors/author-bf2957508f/index.html'],
  },
  {
    id: 'hostile-tags',
    category: 'slugs',
    about: 'tags with markup and javascript: get safe tag pages and escaped names',
    documents: [
      article('article-hx-hostile-tags', {
        title: 'Hostile Tags',
        slug: slug('hostile-tags'),
        tags: ['<b>Bold</b>', 'javascript:alert(1)', 'C++ & C#'],
      }),
    ],
    warnings: [],
    present: ['tags/b-bold-b/index.html', 'tags/javascript-alert-1/index.html', 'tags/c-c/index.html'],
    html: [
      { file: 'tags/b-bold-b/index.html', contains: ['&#x3C;b>Bold&#x3C;/b>'], noElementsInMain: ['b'] },
    ],
  },

  // ── drafts and scheduling ────────────────────────────────────────────────────────────────────
  {
    id: 'draft-only',
    category: 'drafts',
    about: 'a draft without a published copy never renders',
    documents: [
      article('drafts.article-hx-draft-only', { title: 'DRAFT ONLY TITLE', slug: slug('draft-only') }),
    ],
    warnings: [],
    absent: ['articles/draft-only/index.html'],
    nowhere: ['DRAFT ONLY TITLE'],
  },
  {
    id: 'release-version-only',
    category: 'drafts',
    about: 'a release version without a published copy never renders',
    documents: [
      base('versions.rRelease.show-hx-version', 'show', {
        title: 'RELEASE ONLY SHOW',
        slug: slug('release-only'),
      }),
    ],
    warnings: [],
    absent: ['shows/release-only/index.html'],
    nowhere: ['RELEASE ONLY SHOW'],
  },
  {
    id: 'draft-of-published',
    category: 'drafts',
    about: 'the draft of a published article does not replace it',
    documents: [
      article('drafts.article-hx-base', { title: 'DRAFT OVERRIDE TITLE', slug: slug('baseline-article') }),
    ],
    warnings: [],
    nowhere: ['DRAFT OVERRIDE TITLE'],
    html: [{ file: 'articles/baseline-article/index.html', contains: ['Baseline Article'] }],
  },
  {
    id: 'future-article',
    category: 'drafts',
    about: 'an article with a future publishedAt is not published anywhere (page, lists, feeds, sitemap)',
    documents: [
      article('article-hx-future', {
        title: 'SCHEDULED FUTURE TITLE',
        slug: slug('scheduled-future'),
        publishedAt: '2027-06-01T09:00:00Z',
        tags: ['future-only-tag'],
        authors: [ref('author-hx-base', 'a0')],
      }),
    ],
    warnings: [],
    absent: ['articles/scheduled-future/index.html', 'tags/future-only-tag/index.html'],
    nowhere: ['SCHEDULED FUTURE TITLE', 'scheduled-future'],
  },
  {
    id: 'reference-to-draft',
    category: 'drafts',
    about: 'an article about a draft id loses the reference; the draft is not shown',
    documents: [
      article('article-hx-draft-ref', {
        title: 'Draft Ref Article',
        slug: slug('draft-ref-article'),
        show: ref('drafts.show-hx-base'),
      }),
    ],
    warnings: [
      { code: 'reference-missing', documentId: 'article-hx-draft-ref', field: 'show', outcome: 'dropped' },
    ],
    present: ['articles/draft-ref-article/index.html'],
  },
  {
    id: 'link-to-scheduled',
    category: 'drafts',
    about: 'a link to a scheduled article keeps its text but not the address',
    documents: [
      article('article-hx-link-future', {
        title: 'Link To Future',
        slug: slug('link-to-future'),
        body: [
          {
            ...block('f1', ''),
            markDefs: [{ _type: 'internalLink', _key: 'm1', reference: ref('article-hx-future') }],
            children: [{ _type: 'span', _key: 'f1s', text: 'coming soon', marks: ['m1'] }],
          },
        ],
      }),
    ],
    warnings: [{ code: 'unresolved-reference', documentId: 'article-hx-link-future' }],
    html: [{ file: 'articles/link-to-future/index.html', contains: ['coming soon'] }],
  },

  // ── text hygiene ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'script-in-title',
    category: 'text',
    about: 'a <script> title is text on the page, in meta tags, feeds and JSON-LD',
    documents: [
      article('article-hx-script-title', {
        title: '<script>alert("t1")</script> Scripted',
        slug: slug('scripted'),
        dek: '<img src=x onerror=alert("dek")>',
      }),
    ],
    warnings: [],
    html: [
      {
        file: 'articles/scripted/index.html',
        contains: ['&#x3C;script>alert("t1")&#x3C;/script> Scripted'],
        excludes: ['<script>alert("t1")'],
      },
    ],
  },
  {
    id: 'jsonld-breakout',
    category: 'text',
    about: '</script> in a show title cannot close the JSON-LD script',
    documents: [
      base('show-hx-jsonld', 'show', {
        title: '</script><script>alert("t2")</script><!--',
        slug: slug('jsonld-breakout'),
      }),
    ],
    warnings: [],
    present: ['shows/jsonld-breakout/index.html'],
  },
  {
    id: 'attribute-breakout',
    category: 'text',
    about: 'quotes in a name cannot leave an attribute',
    documents: [
      base('person-hx-quotes', 'person', {
        name: '" onmouseover="alert(\'t3\')" x="',
        slug: slug('quote-person'),
      }),
    ],
    warnings: [],
    present: ['people/quote-person/index.html'],
  },
  {
    id: 'markup-in-name',
    category: 'text',
    about: 'an <img onerror> network name is text',
    documents: [
      base('network-hx-img', 'network', { name: '<img src=x onerror=alert("t4")>', slug: slug('img-net') }),
    ],
    warnings: [],
    html: [{ file: 'networks/img-net/index.html', contains: ['&#x3C;img src=x onerror=alert("t4")>'] }],
  },
  {
    id: 'very-long-title',
    category: 'text',
    about: 'a 1500-character headline is whole on the page and cut in meta tags',
    documents: [
      article('article-hx-long-title', { title: 'Long '.repeat(300).trim(), slug: slug('long-title') }),
    ],
    warnings: [],
    present: ['articles/long-title/index.html'],
  },
  {
    id: 'cdata-breakout',
    category: 'text',
    about: ']]> and markup in a dek leave feeds well-formed',
    documents: [
      article('article-hx-cdata', {
        title: 'CDATA ]]> Title',
        slug: slug('cdata-title'),
        dek: ']]><script>alert("t6")</script><![CDATA[',
      }),
    ],
    warnings: [],
    present: ['articles/cdata-title/index.html'],
  },
  {
    id: 'control-characters',
    category: 'text',
    about: 'NUL, BEL and ESC are removed from a name (they are not allowed in XML feeds)',
    documents: [
      base('person-hx-control', 'person', {
        name: 'Ada\u0000 Love\u0007lace\u001b',
        slug: slug('ada-lovelace'),
      }),
    ],
    warnings: [
      { code: 'control-characters', documentId: 'person-hx-control', field: 'name', outcome: 'cleaned' },
    ],
    html: [{ file: 'people/ada-lovelace/index.html', contains: ['Ada Lovelace'] }],
  },
  {
    id: 'lone-surrogate',
    category: 'text',
    about: 'an unpaired surrogate in a name is removed',
    documents: [
      base('author-hx-surrogate', 'author', {
        name: 'Broken \ud800Surrogate',
        slug: slug('broken-surrogate'),
      }),
    ],
    warnings: [
      { code: 'control-characters', documentId: 'author-hx-surrogate', field: 'name', outcome: 'cleaned' },
    ],
    html: [{ file: 'authors/broken-surrogate/index.html', contains: ['Broken Surrogate'] }],
  },
  {
    id: 'entities-stay-text',
    category: 'text',
    about: 'entity-like text is escaped once more, never decoded',
    documents: [
      article('article-hx-entities', { title: 'Tom &amp; Jerry &lt;3', slug: slug('tom-and-jerry') }),
    ],
    warnings: [],
    html: [{ file: 'articles/tom-and-jerry/index.html', contains: ['Tom &#x26;amp; Jerry &#x26;lt;3'] }],
  },
  {
    id: 'javascript-link-in-body',
    category: 'text',
    about: 'a javascript: link in the body is refused by the rich-text renderer',
    documents: [
      article('article-hx-js-link', {
        title: 'JS Link Article',
        slug: slug('js-link-article'),
        body: [
          {
            ...block('j1', ''),
            markDefs: [{ _type: 'link', _key: 'm1', href: 'javascript:alert("body")' }],
            children: [{ _type: 'span', _key: 'j1s', text: 'click me', marks: ['m1'] }],
          },
        ],
      }),
    ],
    warnings: [{ code: 'unsafe-url', documentId: 'article-hx-js-link' }],
    html: [{ file: 'articles/js-link-article/index.html', contains: ['click me'] }],
  },
  {
    id: 'hostile-id',
    category: 'text',
    about: 'markup in a document id goes nowhere unescaped',
    documents: [
      base('show-"><svg onload=alert(1)>', 'show', { title: 'Hostile Id Show', slug: slug('hostile-id') }),
    ],
    warnings: [],
    present: ['shows/hostile-id/index.html'],
  },
  {
    id: 'huge-dek',
    category: 'text',
    about: 'a 200 000-character dek renders; the meta description stays short',
    documents: [
      article('article-hx-huge-dek', {
        title: 'Huge Dek',
        slug: slug('huge-dek'),
        dek: 'word '.repeat(40_000),
      }),
    ],
    warnings: [],
    present: ['articles/huge-dek/index.html'],
  },
  {
    id: 'deeply-nested',
    category: 'loader',
    about: 'a field nested 100 000 levels deep is skipped before anything recurses into it',
    documents: [],
    rawLines: [
      `{"_id":"show-hx-deep","_type":"show","title":"DEEP NESTED SHOW","slug":{"_type":"slug","current":"deep-show"},"junk":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ],
    warnings: [
      {
        code: 'too-deep',
        documentId: 'show-hx-deep',
        field: `${`junk${'[0]'.repeat(63)}`.slice(0, 60)}…`,
        outcome: 'skipped',
      },
    ],
    absent: ['shows/deep-show/index.html'],
    nowhere: ['DEEP NESTED SHOW'],
  },
  {
    id: 'prototype-keys',
    category: 'text',
    about: '__proto__ and constructor keys stay plain data: nothing is smuggled in, nothing polluted',
    documents: [
      JSON.parse(
        JSON.stringify(
          base('show-hx-proto', 'show', { title: 'Proto Show', slug: slug('proto-show') }),
        ).replace(
          /^\{/,
          '{"__proto__":{"title":"PROTO SMUGGLED TITLE","network":{"_ref":"network-hx-base"}},"constructor":{"prototype":{"polluted":"yes"}},"__proto__\\u0000":{"title":"PROTO SMUGGLED TWO"},',
        ),
      ) as Doc,
    ],
    warnings: [
      { code: 'control-characters', documentId: 'show-hx-proto', field: '__proto__', outcome: 'cleaned' },
    ],
    html: [
      {
        file: 'shows/proto-show/index.html',
        contains: ['Proto Show'],
        excludes: ['href="/networks/hostile-network/"'],
      },
    ],
    nowhere: ['PROTO SMUGGLED', 'polluted'],
  },
  {
    id: 'invalid-utf8',
    category: 'loader',
    about: 'invalid UTF-8 bytes in a line become U+FFFD; the document builds',
    documents: [],
    // The bytes \xff\xfe are not UTF-8; write-fixture.ts writes this line in latin1.
    rawLines: [
      '{"_id":"person-hx-utf8","_type":"person","_createdAt":"2026-11-01T09:00:00Z","_updatedAt":"2026-11-01T09:00:00Z","isSample":true,"name":"Bad \u00ff\u00fe Bytes","slug":{"_type":"slug","current":"bad-bytes"}}',
    ],
    warnings: [],
    html: [{ file: 'people/bad-bytes/index.html', contains: ['Bad \ufffd\ufffd Bytes'] }],
  },
]

/** Every document id of a case (raw lines included). */
export function caseDocumentIds(entry: HostileCase): string[] {
  const raw = (entry.rawLines ?? []).map((line) => /"_id":"([^"]+)"/.exec(line)?.[1] ?? '')
  return [...entry.documents.map((document) => document._id), ...raw]
}

/**
 * Synthetic Reel Status datasets for benchmarks and tests, in Sanity export format.
 *
 * `generateDocuments({ articles: N, seed })` yields, in a fixed order: networks, people, shows with
 * their seasons, cast credits and status histories, authors, then N articles (about 1,500 words of
 * Portable Text each: headings, paragraphs with marks and links, lists, quotes, and in some a cast
 * list, a status callout or a pull quote). References are realistic: articles link their show, its
 * cast and other articles; shows list creators; credits join people to shows. A small share of
 * articles also has an unpublished draft, which builds must ignore.
 *
 * Output depends only on `articles` and `seed`: no clock, no `Math.random`.
 */
import type { SanityDocument } from '../source/types.ts'
import { createRandom, type Random } from './random.ts'
import {
  ARTICLE_TITLES,
  CHARACTER_ROLES,
  FIRST_NAMES,
  GENRES,
  HEADINGS,
  LAST_NAMES,
  NETWORKS,
  PUBLISHERS,
  QUESTIONS,
  SENTENCE_OPENERS,
  TAGS,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  WORDS,
} from './vocabulary.ts'

export const DEFAULT_SEED = 'reel-status'

export interface GenerateOptions {
  /** Number of published articles. */
  articles: number
  /** Equal seeds give byte-identical datasets. Default {@link DEFAULT_SEED}. */
  seed?: string
  /** Share of articles that also get a `drafts.` copy (default 0.01). */
  draftShare?: number
}

/** How many documents of each kind a dataset of `articles` articles has (drafts not included). */
export interface DatasetPlan {
  articles: number
  shows: number
  people: number
  networks: number
  authors: number
}

export function planDataset(articles: number): DatasetPlan {
  if (!Number.isInteger(articles) || articles < 1) throw new RangeError('articles must be a positive integer')
  const shows = Math.max(1, Math.round(articles / 10))
  return {
    articles,
    shows,
    people: Math.max(4, Math.round(articles / 2)),
    networks: Math.min(NETWORKS.length, Math.max(2, Math.ceil(shows / 3))),
    authors: Math.min(250, Math.max(2, Math.ceil(articles / 50))),
  }
}

type Doc = SanityDocument
type Json = Record<string, unknown>

interface PersonInfo {
  id: string
  name: string
}
interface ShowInfo {
  id: string
  title: string
  networkId: string
  networkName: string
  seasons: number
  credits: string[]
  cast: PersonInfo[]
}

const DAY = 86_400_000
const EPOCH = Date.UTC(2014, 0, 1)
const SPAN_DAYS = 12 * 365

/**
 * Yields every document of a synthetic dataset (see the module comment).
 *
 * @param options article count and seed
 */
export function* generateDocuments(options: GenerateOptions): Generator<Doc> {
  const plan = planDataset(options.articles)
  const seed = options.seed ?? DEFAULT_SEED
  const draftShare = options.draftShare ?? 0.01
  const rnd = createRandom(`${seed}:${plan.articles}`)
  const text = prose(rnd)

  // Networks
  const networks: Array<{ id: string; name: string }> = []
  for (const network of NETWORKS.slice(0, plan.networks)) {
    const slug = slugify(network.name)
    const id = `network-${slug}`
    networks.push({ id, name: network.name })
    yield doc(rnd, id, 'network', day(0), {
      name: network.name,
      slug: slugValue(slug),
      kind: network.kind,
      website: `https://www.${slug}.example/`,
      isSample: true,
    })
  }

  // People
  const people: PersonInfo[] = []
  const personSlugs = new Set<string>()
  for (let i = 0; i < plan.people; i++) {
    const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`
    const slug = unique(personSlugs, slugify(name))
    const id = `person-${slug}`
    people.push({ id, name })
    const fields: Json = { name, slug: slugValue(slug) }
    if (rnd.chance(0.5)) {
      fields.bio = [text.block('normal', text.paragraph(2, 4))]
    }
    if (rnd.chance(0.4)) fields.externalIds = { _type: 'externalIds', imdb: `nm${7000000 + i}` }
    fields.isSample = true
    yield doc(rnd, id, 'person', day(rnd.int(SPAN_DAYS)), fields)
  }

  // Shows, with seasons, credits and status histories
  const shows: ShowInfo[] = []
  const showSlugs = new Set<string>()
  for (let i = 0; i < plan.shows; i++) {
    const title = `${rnd.chance(0.6) ? 'The ' : ''}${rnd.pick(TITLE_ADJECTIVES)} ${rnd.pick(TITLE_NOUNS)}`
    const slug = unique(showSlugs, slugify(title))
    const id = `show-${slug}`
    const network = rnd.pick(networks)
    const seasons = rnd.between(1, 5)
    const premiere = rnd.int(SPAN_DAYS - 400)
    const cast = rnd.sample(people, rnd.between(4, 14))
    const show: ShowInfo = {
      id,
      title,
      networkId: network.id,
      networkName: network.name,
      seasons,
      credits: [],
      cast,
    }
    shows.push(show)
    const fields: Json = {
      title,
      slug: slugValue(slug),
      network: ref(network.id),
    }
    if (rnd.chance(0.3)) {
      fields.basedOn = {
        _type: 'basedOn',
        title: `${rnd.pick(TITLE_ADJECTIVES)} ${rnd.pick(TITLE_NOUNS)}`,
        author: rnd.pick(people).name,
        year: 1990 + rnd.int(30),
        kind: rnd.pick(['novel', 'book', 'comic', 'film', 'other'] as const),
      }
    }
    fields.creators = rnd.sample(people, rnd.between(1, 2)).map((p) => keyedRef(rnd, p.id))
    fields.premiereDate = isoDate(premiere)
    if (rnd.chance(0.4)) fields.finaleDate = isoDate(premiere + seasons * 300)
    fields.synopsis = [text.block('normal', text.paragraph(3, 5, [{ text: title, ref: id }]))]
    fields.genres = rnd.sample(GENRES, rnd.between(1, 3))
    fields.externalIds = { _type: 'externalIds', imdb: `tt${9000000 + i}`, tmdb: String(100000 + i) }
    fields.isSample = true
    yield doc(rnd, id, 'show', day(premiere), fields)

    for (let n = 1; n <= seasons; n++) {
      const start = premiere + (n - 1) * 365
      yield doc(rnd, `season-${slug}-${n}`, 'season', day(start), {
        show: ref(id),
        number: n,
        title: `Season ${n}`,
        episodeCount: rnd.between(6, 13),
        premiereDate: isoDate(start),
        finaleDate: isoDate(start + 60),
        synopsis: text.sentences(2),
        isSample: true,
      })
    }

    for (const [order, person] of cast.entries()) {
      const creditId = `castCredit-${slug}-${person.id.slice('person-'.length)}`
      show.credits.push(creditId)
      const fields: Json = {
        show: ref(id),
        person: ref(person.id),
        characterName: `${rnd.chance(0.2) ? `${rnd.pick(CHARACTER_ROLES)} ` : ''}${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`,
        billing: order < 5 ? 'main' : order < 10 ? 'recurring' : 'guest',
        order: order + 1,
        seasons: Array.from({ length: rnd.between(1, seasons) }, (_, s) => s + 1),
      }
      if (rnd.chance(0.5)) fields.sources = sourceList(rnd, title, 1)
      fields.isSample = true
      yield doc(rnd, creditId, 'castCredit', day(premiere), fields)
    }

    const events = statusHistory(rnd, seasons)
    for (const [n, event] of events.entries()) {
      const announced = Math.min(SPAN_DAYS - 1, premiere - 120 + event.offset)
      const fields: Json = {
        show: ref(id),
        status: event.status,
        forSeason: event.season,
        announcedAt: isoDate(announced),
        confidence: event.confidence,
        summary: `${title}: ${event.status.replace('-', ' ')} (${event.confidence}). ${text.sentences(1)}`,
        sources: sourceList(rnd, title, rnd.between(1, 2)),
      }
      if (rnd.chance(0.5)) fields.verifiedAt = isoDate(Math.min(SPAN_DAYS - 1, announced + 30))
      fields.isSample = true
      yield doc(rnd, `statusEvent-${slug}-${n + 1}`, 'statusEvent', day(announced), fields)
    }
  }

  // Authors
  const authors: PersonInfo[] = []
  const authorSlugs = new Set<string>()
  for (let i = 0; i < plan.authors; i++) {
    const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`
    const slug = unique(authorSlugs, slugify(name))
    authors.push({ id: `author-${slug}`, name })
    yield doc(rnd, `author-${slug}`, 'author', day(0), {
      name,
      slug: slugValue(slug),
      bio: `${name} covers ${rnd.pick(GENRES)} and ${rnd.pick(GENRES)} for Reel Status. ${text.sentences(1)}`,
      isSample: true,
    })
  }

  // Articles. Ids are planned first so bodies can link to any other article.
  const articleSlugs = new Set<string>()
  const planned = Array.from({ length: plan.articles }, () => {
    const show = rnd.chance(0.92) ? rnd.pick(shows) : undefined
    const title = articleTitle(rnd, show, people)
    const slug = unique(articleSlugs, slugify(title))
    return { id: `article-${slug}`, slug, title, show }
  })
  for (const [i, article] of planned.entries()) {
    const published = rnd.int(SPAN_DAYS)
    const fields: Json = {
      title: article.title,
      slug: slugValue(article.slug),
      dek: text.sentences(1),
    }
    if (article.show) fields.show = ref(article.show.id)
    fields.kind = rnd.pick(['status-update', 'explainer', 'review', 'news'] as const)
    fields.body = articleBody(rnd, text, article.show, people, planned, i)
    fields.authors = rnd.sample(authors, rnd.chance(0.85) ? 1 : 2).map((a) => keyedRef(rnd, a.id))
    fields.tags = rnd.sample(TAGS, rnd.between(1, 4))
    fields.publishedAt = timestamp(published, rnd.int(86_400))
    if (rnd.chance(0.4)) fields.updatedAt = timestamp(Math.min(SPAN_DAYS - 1, published + rnd.int(200)), 0)
    if (rnd.chance(0.5)) fields.lastVerifiedAt = isoDate(Math.min(SPAN_DAYS - 1, published + rnd.int(100)))
    fields.sources = sourceList(rnd, article.show?.title ?? article.title, rnd.between(1, 3))
    if (article.show && rnd.chance(0.6)) fields.faq = faqItems(rnd, text, article.show)
    if (rnd.chance(0.3)) {
      fields.seo = { _type: 'seo', title: article.title.slice(0, 70), description: text.sentences(1) }
    }
    fields.isSample = true
    const published_ = day(published)
    const document = doc(rnd, article.id, 'article', published_, fields)
    yield document
    if (rnd.chance(draftShare)) {
      yield {
        ...document,
        _id: `drafts.${article.id}`,
        _rev: rnd.rev(),
        title: `${article.title} (draft)`,
      }
    }
  }
}

interface StatusStep {
  status: string
  confidence: 'official' | 'reported' | 'speculative'
  season: number
  offset: number
}

/** A plausible history: ordered → airing per season → renewed…, ending in a decision. */
function statusHistory(rnd: Random, seasons: number): StatusStep[] {
  const steps: StatusStep[] = [
    { status: 'ordered', confidence: rnd.chance(0.7) ? 'official' : 'reported', season: 1, offset: 0 },
  ]
  let offset = 120
  for (let s = 1; s <= seasons && steps.length < 5; s++) {
    steps.push({ status: 'airing', confidence: 'official', season: s, offset })
    offset += rnd.between(60, 200)
    if (s < seasons && steps.length < 5) {
      steps.push({
        status: 'renewed',
        confidence: rnd.chance(0.8) ? 'official' : 'reported',
        season: s + 1,
        offset,
      })
      offset += rnd.between(100, 200)
    }
  }
  const ending = rnd.pick([
    ['renewed', 'official'],
    ['cancelled', 'official'],
    ['cancelled', 'reported'],
    ['ended', 'official'],
    ['pending', 'speculative'],
    ['final-season', 'official'],
  ] as const)
  steps.push({ status: ending[0], confidence: ending[1], season: seasons + 1, offset })
  return steps
}

function articleTitle(rnd: Random, show: ShowInfo | undefined, people: readonly PersonInfo[]): string {
  if (!show) return `${rnd.pick(TAGS).replace(/^./, (c) => c.toUpperCase())}: ${rnd.pick(HEADINGS)}`
  return fill(rnd.pick(ARTICLE_TITLES), {
    show: show.title,
    n: String(rnd.between(1, show.seasons + 1)),
    network: show.networkName,
    person: (show.cast[0] ?? rnd.pick(people)).name,
    adjective: rnd.pick(['Bold', 'Uneven', 'Sharp', 'Gripping', 'Slow', 'Confident']),
  })
}

/** About 1,500 words: intro, 5–7 sections with sub-headings, lists, quotes and custom blocks. */
function articleBody(
  rnd: Random,
  text: Prose,
  show: ShowInfo | undefined,
  people: readonly PersonInfo[],
  articles: ReadonlyArray<{ id: string; title: string }>,
  index: number,
): Json[] {
  const links = (): LinkSpec[] => {
    const out: LinkSpec[] = []
    if (show && rnd.chance(0.5)) out.push({ text: show.title, ref: show.id })
    if (show && rnd.chance(0.4)) {
      const person = rnd.pick(show.cast)
      out.push({ text: person.name, ref: person.id })
    }
    if (rnd.chance(0.15)) {
      const person = rnd.pick(people)
      out.push({ text: person.name, ref: person.id })
    }
    if (rnd.chance(0.2)) {
      const other = articles[(index + 1 + rnd.int(articles.length)) % articles.length] as { id: string }
      out.push({ text: 'our earlier coverage', ref: other.id })
    }
    if (rnd.chance(0.35)) {
      const publisher = rnd.pick(PUBLISHERS)
      out.push({ text: publisher, href: `https://www.${slugify(publisher)}.example/${rnd.key()}` })
    }
    return out
  }
  const body: Json[] = []
  body.push(text.block('normal', text.paragraph(3, 5, links())))
  body.push(text.block('normal', text.paragraph(3, 5, links())))
  const sections = rnd.between(5, 7)
  const calloutAt = show && rnd.chance(0.3) ? rnd.int(sections) : -1
  const castAt = show && show.credits.length > 0 && rnd.chance(0.25) ? rnd.int(sections) : -1
  for (let s = 0; s < sections; s++) {
    body.push(text.block('h2', [{ text: rnd.pick(HEADINGS) }]))
    const paragraphs = rnd.between(2, 3)
    for (let p = 0; p < paragraphs; p++) body.push(text.block('normal', text.paragraph(3, 5, links())))
    if (rnd.chance(0.45)) {
      const listItem = rnd.chance(0.7) ? 'bullet' : 'number'
      const items = rnd.between(3, 6)
      for (let item = 0; item < items; item++) {
        const level = item > 0 && rnd.chance(0.2) ? 2 : 1
        body.push(text.block('normal', text.paragraph(1, 1, rnd.chance(0.2) ? links() : []), listItem, level))
      }
    }
    if (rnd.chance(0.35)) {
      body.push(text.block('h3', [{ text: rnd.pick(HEADINGS) }]))
      body.push(text.block('normal', text.paragraph(2, 4, links())))
    }
    if (rnd.chance(0.2)) body.push(text.block('blockquote', text.paragraph(1, 2)))
    if (rnd.chance(0.12)) {
      body.push({
        _type: 'pullQuote',
        _key: rnd.key(),
        text: text.sentences(1),
        attribution: rnd.pick(people).name,
      })
    }
    if (s === calloutAt && show) {
      body.push({
        _type: 'statusCallout',
        _key: rnd.key(),
        show: ref(show.id),
        ...(rnd.chance(0.5) ? { note: text.sentences(1) } : {}),
      })
    }
    if (s === castAt && show) {
      body.push({
        _type: 'castList',
        _key: rnd.key(),
        ...(rnd.chance(0.5) ? { title: `The cast of ${show.title}` } : {}),
        credits: show.credits.slice(0, rnd.between(3, 8)).map((id) => keyedRef(rnd, id)),
      })
    }
  }
  return body
}

function faqItems(rnd: Random, text: Prose, show: ShowInfo): Json[] {
  return rnd.sample(QUESTIONS, rnd.between(1, 3)).map((question) => ({
    _type: 'faqItem',
    _key: rnd.key(),
    question: fill(question, { show: show.title, n: String(show.seasons + 1) }),
    answer: `${text.sentences(1)} **${show.networkName}** ${text.sentences(1).toLowerCase()} See [${rnd.pick(PUBLISHERS)}](https://www.${slugify(rnd.pick(PUBLISHERS))}.example/${rnd.key()}).`,
  }))
}

interface LinkSpec {
  text: string
  ref?: string
  href?: string
}

interface Prose {
  /** `count` sentences of 9–20 words each, capitalised, with a full stop. */
  sentences(count: number): string
  /** Spans of a paragraph of `min`–`max` sentences, with decorators and the given links woven in. */
  paragraph(min: number, max: number, links?: LinkSpec[]): LinkSpec[]
  block(style: string, parts: Array<LinkSpec & { marks?: string[] }>, listItem?: string, level?: number): Json
}

function prose(rnd: Random): Prose {
  const sentence = (): string => {
    const count = rnd.between(9, 20)
    const words: string[] = []
    for (let i = 0; i < count; i++) words.push(rnd.pick(WORDS))
    if (rnd.chance(0.08)) words[rnd.int(words.length)] = `network’s`
    let out = words.join(' ')
    out = out.charAt(0).toUpperCase() + out.slice(1)
    if (rnd.chance(0.2)) out = `${rnd.pick(SENTENCE_OPENERS)} ${out.charAt(0).toLowerCase()}${out.slice(1)}`
    return `${out}.`
  }
  const sentences = (count: number): string => Array.from({ length: count }, sentence).join(' ')
  return {
    sentences,
    paragraph(min, max, links = []) {
      const parts: Array<LinkSpec & { marks?: string[] }> = []
      const count = rnd.between(min, max)
      const pending = [...links]
      for (let i = 0; i < count; i++) {
        const s = sentence()
        const lead = i === 0 ? '' : ' '
        const cut = s.indexOf(' ', Math.floor(s.length / 2))
        if (cut > 0 && rnd.chance(0.35)) {
          // A decorated phrase in the middle of the sentence.
          const end = s.indexOf(' ', cut + 1)
          const phrase = end > 0 ? s.slice(cut + 1, end) : s.slice(cut + 1)
          parts.push({ text: `${lead}${s.slice(0, cut + 1)}` })
          parts.push({
            text: phrase,
            marks: [rnd.pick(['strong', 'em', 'em', 'code', 'underline'] as const)],
          })
          parts.push({ text: end > 0 ? s.slice(end) : '' })
        } else {
          parts.push({ text: `${lead}${s}` })
        }
        const link = pending.shift()
        if (link) {
          parts.push({ text: ' ' })
          parts.push({ ...link, marks: rnd.chance(0.15) ? ['strong'] : [] })
          parts.push({ text: rnd.chance(0.5) ? ' has more.' : '.' })
        }
      }
      // Plain runs are one span, as the Studio stores them.
      const merged: typeof parts = []
      for (const part of parts) {
        if (part.text === '') continue
        const last = merged.at(-1)
        if (last && isPlain(last) && isPlain(part)) last.text += part.text
        else merged.push({ ...part })
      }
      return merged
    },
    block(style, parts, listItem, level) {
      const markDefs: Json[] = []
      const children = parts.map((part) => {
        const marks = [...(part.marks ?? [])]
        if (part.href !== undefined) {
          const key = rnd.key()
          markDefs.push({ _type: 'link', _key: key, href: part.href })
          marks.push(key)
        } else if (part.ref !== undefined) {
          const key = rnd.key()
          markDefs.push({ _type: 'internalLink', _key: key, reference: ref(part.ref) })
          marks.push(key)
        }
        return { _type: 'span', _key: rnd.key(), text: part.text, marks }
      })
      const block: Json = { _type: 'block', _key: rnd.key(), style }
      if (listItem) {
        block.listItem = listItem
        block.level = level ?? 1
      }
      block.markDefs = markDefs
      block.children = children
      return block
    },
  }
}

function isPlain(part: LinkSpec & { marks?: string[] }): boolean {
  return part.ref === undefined && part.href === undefined && (part.marks ?? []).length === 0
}

function sourceList(rnd: Random, subject: string, count: number): Json[] {
  return Array.from({ length: count }, () => {
    const publisher = rnd.pick(PUBLISHERS)
    return {
      _type: 'source',
      _key: rnd.key(),
      url: `https://www.${slugify(publisher)}.example/${slugify(subject)}-${rnd.key()}`,
      title: `${subject}: ${rnd.pick(HEADINGS)}`,
      publisher,
      accessedAt: isoDate(rnd.int(SPAN_DAYS)),
    }
  })
}

function doc(rnd: Random, id: string, type: string, createdAt: string, fields: Json): Doc {
  return { _id: id, _type: type, _rev: rnd.rev(), _createdAt: createdAt, _updatedAt: createdAt, ...fields }
}

function ref(id: string): Json {
  return { _type: 'reference', _ref: id }
}

function keyedRef(rnd: Random, id: string): Json {
  return { _type: 'reference', _key: rnd.key(), _ref: id }
}

function slugValue(current: string): Json {
  return { _type: 'slug', current }
}

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

function unique(taken: Set<string>, slug: string): string {
  let candidate = slug
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`
  taken.add(candidate)
  return candidate
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}

function isoDate(days: number): string {
  return new Date(EPOCH + days * DAY).toISOString().slice(0, 10)
}

function day(days: number): string {
  return new Date(EPOCH + days * DAY).toISOString().replace('.000Z', 'Z')
}

function timestamp(days: number, seconds: number): string {
  return new Date(EPOCH + days * DAY + seconds * 1000).toISOString().replace('.000Z', 'Z')
}

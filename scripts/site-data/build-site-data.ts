import type { RichTextKey, RichTextRenderer } from '../build/cache.ts'
import type { Lookup } from '../build/lookups.ts'
import { onceEachObject } from '../lib/once-each.ts'
import { markdownToHtml, type RichTextOptions, renderPortableText } from '../richtext/index.ts'
import { META_TITLE_MAX, truncateText } from '../validate/text.ts'
import { groupArticles, uniqueTags } from './article-groups.ts'
import { articleLinksOf } from './article-links.ts'
import {
  type ArticleRecord,
  articleJoins,
  carryWithRichText,
  keepArticleRecords,
  linkText,
  PlacedPages,
  type PlacedRichText,
  recordsById,
  unchangedArticle,
} from './carry-over.ts'
import { type Catalogue, catalogueOf, link, slugOf, sourceViews } from './catalogue.ts'
import { FEED_SIZE } from './feeds.ts'
import { imageView, KEY_ART_SIZES, PORTRAIT_SIZES } from './images.ts'
import { SiteDataMemo } from './memo.ts'
import { paginateArticles, paginatePeople } from './paginate.ts'
import { shared } from './shared.ts'
import { sitemapFiles } from './sitemap.ts'
import type { ContentSnapshot } from './snapshot.ts'
import { buildTracker, decisionsOf, groupByStatus, trackerPaths } from './tracker.ts'
import type {
  ArticleListPage,
  ArticlePage,
  ArticleSummary,
  AuthorPage,
  BuildWarning,
  CastLine,
  Link,
  NetworkPage,
  PersonPage,
  ShowPage,
  ShowSummary,
  SiteConfig,
  SiteData,
  TagPage,
} from './types.ts'
import { paths } from './urls.ts'

export interface BuildSiteDataOptions {
  site: SiteConfig
  /** Dataset name for error messages. */
  file: string
  builtAt: Date
  /** Extra rich-text options (image URLs); resolvers are supplied here. */
  richText?: Pick<RichTextOptions, 'imageUrl' | 'imageWidths'>
  /** Renders rich text, e.g. through the build's cache (scripts/build/cache.ts); default: render every field. */
  renderer?: RichTextRenderer
  /**
   * What the previous build made, for a process that builds again: objects made from the same
   * inputs are given back as they were (see memo.ts). Default: everything is made anew.
   */
  memo?: SiteDataMemo
}

type ArticleRow = ContentSnapshot['articles'][number]

/**
 * Joins the query results into page data: resolves references through `_id` maps, derives each
 * show's current status, renders rich text, and groups shows for the status tracker.
 *
 * @param snapshot query results (see `fetchSnapshot`)
 * @param options site settings and build time
 */
export function buildSiteData(snapshot: ContentSnapshot, options: BuildSiteDataOptions): SiteData {
  const warnings: BuildWarning[] = []
  const warn = (warning: BuildWarning): void => {
    warnings.push(warning)
  }
  const { file } = options
  const memo = options.memo ?? new SiteDataMemo()
  memo.begin()
  const render: RichTextRenderer = options.renderer ?? {
    portableText: (blocks, opts) => renderPortableText(blocks, opts),
    markdown: (markdown, opts) => markdownToHtml(markdown, opts),
  }
  // Documents without a (valid) `_updatedAt` count as changed now: pages and feeds never show a blank date.
  const builtAt = options.builtAt.toISOString()
  const image = (field: unknown, documentId: string, sizes: string, report = warn) =>
    imageView(field, options.richText, sizes, (w) => report({ code: w.code, message: w.message, documentId }))

  const catalogue = catalogueOf(snapshot, { memo, builtAt, file, warn })
  const { slugs, summaries, castLineById, creditsByShow, creditsByPerson } = catalogue
  const {
    slugs: articleSlugs,
    links: articleLinks,
    changed,
  } = articleLinksOf(memo, snapshot.articles, file, warn)
  // Every linkable document by id: internal links in rich text and references resolve through it.
  const linkOf = (id: string): Link | undefined => articleLinks.get(id) ?? catalogue.links.get(id)

  // One set of resolvers for every document: they answer from the joins above alone, so a cache may
  // remember an answer per resolver and argument for the build.
  const resolvers: Pick<
    RichTextOptions,
    'onWarning' | 'resolveReference' | 'resolveCastCredit' | 'resolveStatus'
  > = {
    onWarning: (w) =>
      warn({ code: w.code, message: w.message, documentId: w.documentId, blockKey: w.blockKey }),
    resolveReference: (ref) => {
      const target = linkOf(ref)
      return target && { href: target.href, title: target.text }
    },
    resolveCastCredit: (ref) => {
      const line = castLineById.get(ref)
      return (
        line && {
          actorName: line.person.text,
          characterName: line.characterName,
          billing: line.billing,
          personHref: line.person.href,
        }
      )
    },
    resolveStatus: (showRef) => {
      const show = summaries.get(showRef)
      const status = show?.currentStatus
      if (!show || !status) return undefined
      const source = status.sources[0]
      return {
        showTitle: show.title,
        showHref: show.url,
        status: status.status,
        statusLabel: status.label,
        confidence: status.confidence,
        date: status.announcedAt,
        sourceUrl: source?.url,
        sourceTitle: source?.title,
      }
    },
  }
  const sharedRichText: RichTextOptions = { ...options.richText, ...resolvers }
  const richText = (documentId: string): RichTextOptions => ({ ...sharedRichText, documentId })
  assumeAnswers(memo, render, sharedRichText, options.richText, catalogue, changed)
  /**
   * Last build's object for `key` when its rich text renders as then (`tokens`, from the cache's
   * `unchanged`) and `quick` (given those tokens, the rest of what it is made from) is as then; see
   * `SiteDataMemo.kept`.
   */
  const keptAtAGlance = <T extends object>(
    key: string,
    tokens: readonly unknown[] | undefined,
    quick: (tokens: readonly unknown[]) => unknown[],
  ): T | undefined =>
    tokens && memo.kept<T>(key, quick(tokens), warn, () => render.useUnchanged?.(tokens, sharedRichText))

  // How carried-over pages check their rich text and take it as rendered by this build.
  const placedRichText: PlacedRichText = {
    stillUnchanged: (tokens, documentId) =>
      render.stillUnchanged?.(tokens, sharedRichText, documentId) === true,
    useUnchanged: (tokens) => render.useUnchanged?.(tokens, sharedRichText),
  }
  // Articles (already newest first from the query).
  const { keyArtByShow } = catalogue
  const articles: ArticlePage[] = []
  const deferred = { bodyHtml: 'html', bodyText: 'text' } as const
  const { joins, authorLinks } = articleJoins(memo, summaries, keyArtByShow, linkOf, options.richText)
  const records: Array<ArticleRecord | undefined> = []
  let lastById: Map<string, ArticleRecord> | undefined
  const byId = () => {
    lastById ??= recordsById(joins?.records ?? [])
    return lastById
  }
  /**
   * What the next build needs to carry the page for `key` over, given its rich text's tokens; the
   * article's authors' links join those the next build compares.
   */
  const recordOf = (doc: ArticleRow, key: string, tokens: readonly unknown[] | undefined) => {
    const made = memo.record(key)
    const authorIds = doc.authorIds ?? []
    for (const id of authorIds) authorLinks.set(id, linkText(linkOf(id)))
    return tokens && made && { doc, id: doc._id, showId: doc.showId ?? undefined, authorIds, tokens, made }
  }
  for (const [index, doc] of snapshot.articles.entries()) {
    // Its row, its show and authors as in the last build: the page as it was, if its rich text is.
    const unchanged = joins && unchangedArticle(joins, doc, index, byId)
    const carried =
      unchanged && carryWithRichText<ArticlePage>(memo, placedRichText, unchanged, unchanged.id, warn)
    if (carried) {
      articles.push(carried)
      records.push(unchanged)
      continue
    }
    const own = articleLinks.get(doc._id) as Link
    const slug = slugOf(articleSlugs, doc._id)
    const show = doc.showId ? summaries.get(doc.showId) : undefined
    const keyArt = doc.showId ? keyArtByShow.get(doc.showId) : undefined
    const authors = (doc.authorIds ?? []).flatMap((id) => linkOf(id) ?? [])
    const authorInputs = authors.flatMap((author) => [author.href, author.text])
    const { key, fields } = articleKeys(doc)
    // The row, the slug, what it joins and its rich text as in the last build: the page as it was.
    const quick = (tokens: readonly unknown[]) => [
      doc,
      slug,
      show,
      keyArt,
      options.richText,
      ...tokens,
      ...authorInputs,
    ]
    const tokens = render.unchanged?.(fields, sharedRichText)
    const kept = keptAtAGlance<ArticlePage>(key, tokens, quick)
    if (kept) {
      articles.push(kept)
      records.push(recordOf(doc, key, tokens))
      continue
    }
    const articleRichText = richText(doc._id)
    const [bodyField, ...answerFields] = fields
    const rendered = render.portableText(doc.body ?? [], articleRichText, bodyField as RichTextKey)
    let answerField = 0
    const answers = (doc.faq ?? []).map((item) =>
      item.question && item.answer
        ? render.markdown(item.answer, articleRichText, answerFields[answerField++] as RichTextKey)
        : undefined,
    )
    // The row, the slug and what it joins; the body by content (or, without a cache, never the same).
    const inputs = [
      doc,
      slug,
      show,
      keyArt,
      options.richText,
      rendered.excerpt,
      rendered.toc,
      rendered.wordCount,
      rendered.readingMinutes,
      render.contentKey?.(rendered) ?? rendered,
      ...answers,
      ...authorInputs,
    ]
    const usedTokens = render.usedTokens?.(fields)
    const page = memo.made(
      key,
      inputs,
      warn,
      (report) => {
        const publishedAt = doc.publishedAt as string
        const updatedAt = doc.updatedAt ?? doc._updatedAt ?? publishedAt
        const title = doc.title ?? own.text
        const made: ArticlePage = {
          id: doc._id,
          slug,
          url: own.href,
          title,
          dek: doc.dek ?? undefined,
          kind: doc.kind ?? undefined,
          excerpt: rendered.excerpt,
          // Filled in below: from the cache when a page reads them, else here.
          bodyHtml: '',
          bodyText: '',
          toc: rendered.toc,
          readingMinutes: rendered.readingMinutes,
          wordCount: rendered.wordCount,
          publishedAt,
          updatedAt: newestOf([updatedAt, publishedAt]) ?? publishedAt,
          lastVerifiedAt: doc.lastVerifiedAt ?? undefined,
          show,
          authors,
          tags: uniqueTags(doc.tags).map((tag) => link(paths.tag(tag.slug), tag.name)),
          sources: sourceViews(doc.sources),
          faq: (doc.faq ?? []).flatMap((item, index) => {
            const answerHtml = answers[index]
            return item.question && answerHtml !== undefined ? [{ question: item.question, answerHtml }] : []
          }),
          seo: {
            // Meta tags only: the page itself shows the whole headline.
            title: truncateText(doc.seo?.title || title, META_TITLE_MAX),
            description: doc.seo?.description || doc.dek || rendered.excerpt,
            image: image(doc.seo?.image ?? keyArt, doc._id, KEY_ART_SIZES, report),
          },
          isSample: doc.isSample === true,
        }
        // Cached bodies are read from disk when a page uses them, not held for every article at once
        // (nor read here: that was 10,000 reads of the pack per build at 10k articles).
        if (!render.deferRichText?.(made, rendered, deferred)) {
          made.bodyHtml = rendered.html
          made.bodyText = rendered.text
        }
        return made
      },
      // A kept page reads its body through this build's cache.
      {
        adopt: (kept) => render.deferRichText?.(kept, rendered, deferred) === true,
        quick: usedTokens && quick(usedTokens),
      },
    )
    articles.push(page)
    records.push(recordOf(doc, key, usedTokens))
  }
  keepArticleRecords(memo, records)
  const groups = groupArticles(memo, snapshot.articles, articles, (page) => memo.derived(page, summarise))
  const { summaries: articleSummaries, byShow: articlesByShow, byAuthor: articlesByAuthor } = groups

  // A show's or person's page is the last build's when its row is the same object, its share of the
  // catalogue is as then, its rich text renders as then (and a show lists the same articles).
  const placed = (name: string, changed: ReadonlySet<string> | undefined) =>
    new PlacedPages(name, memo, changed, options.richText, placedRichText, warn)
  const placedShows = placed('shows:records', catalogue.changes?.shows)
  const shows: ShowPage[] = snapshot.shows.map((doc, index) => {
    const listed = articlesByShow.get(doc._id) ?? []
    const carried = placedShows.carry<ShowPage>(index, doc, listed)
    if (carried) return carried
    const { key, fields } = showKeys(doc)
    const summary = summaries.get(doc._id) as ShowSummary
    const timeline = catalogue.eventsByShow.get(doc._id) ?? []
    const synopsis = render.portableText(doc.synopsis ?? [], richText(doc._id), fields[0] as RichTextKey)
    const slug = slugOf(slugs.show, doc._id)
    // Creators are people: links of the catalogue.
    const creators = (doc.creatorIds ?? []).flatMap((id) => catalogue.links.get(id) ?? [])
    const seasons = catalogue.seasonsByShow.get(doc._id) ?? []
    const credits = catalogue.creditInputsByShow.get(doc._id) ?? []
    // Lists of different lengths are counted, so no two sets of inputs run together alike.
    const inputs = [
      doc,
      summary,
      slug,
      options.richText,
      render.contentKey?.(synopsis) ?? synopsis,
      doc._updatedAt ? '' : builtAt,
      timeline.length,
      ...timeline,
      seasons.length,
      ...seasons,
      creators.length,
      ...creators.flatMap((creator) => [creator.href, creator.text]),
      credits.length,
      ...credits,
      ...listed,
    ]
    const page = memo.made(key, inputs, warn, (report): ShowPage => {
      const cast = { main: [] as CastLine[], recurring: [] as CastLine[], guest: [] as CastLine[] }
      for (const line of creditsByShow.get(doc._id) ?? []) cast[line.billing].push(line)
      return {
        ...summary,
        slug,
        basedOn: doc.basedOn ? compact(doc.basedOn) : undefined,
        creators,
        premiereDate: doc.premiereDate ?? undefined,
        finaleDate: doc.finaleDate ?? undefined,
        synopsisHtml: synopsis.html,
        synopsisText: synopsis.text,
        genres: doc.genres ?? [],
        externalIds: doc.externalIds ? compact(doc.externalIds) : {},
        keyArt: image(doc.keyArt, doc._id, KEY_ART_SIZES, report),
        timeline,
        seasons: seasons.map((season) => ({
          id: season._id,
          number: season.number as number,
          title: season.title ?? undefined,
          episodeCount: season.episodeCount ?? undefined,
          premiereDate: season.premiereDate ?? undefined,
          finaleDate: season.finaleDate ?? undefined,
          synopsis: season.synopsis ?? undefined,
        })),
        cast,
        articles: listed,
        statusVerifiedAt: newestOf(timeline.map((event) => event.verifiedAt)),
        updatedAt: newestOf([doc._updatedAt, ...timeline.map((event) => event.updatedAt)]) ?? builtAt,
      }
    })
    placedShows.record(index, doc, key, render.usedTokens?.(fields), listed)
    return page
  })

  const placedPeople = placed('people:records', catalogue.changes?.people)
  const people: PersonPage[] = snapshot.people.map((doc, index) => {
    const carried = placedPeople.carry<PersonPage>(index, doc)
    if (carried) return carried
    const slug = slugOf(slugs.person, doc._id)
    const { key, fields } = personKeys(doc)
    const credits = catalogue.creditInputsByPerson.get(doc._id) ?? []
    const updated = doc._updatedAt ? '' : builtAt
    const quick = (tokens: readonly unknown[]) => [
      doc,
      slug,
      options.richText,
      ...tokens,
      updated,
      ...credits,
    ]
    const tokens = render.unchanged?.(fields, sharedRichText)
    const kept = keptAtAGlance<PersonPage>(key, tokens, quick)
    if (kept) {
      placedPeople.record(index, doc, key, tokens)
      return kept
    }
    const bio = render.portableText(doc.bio ?? [], richText(doc._id), fields[0] as RichTextKey)
    const inputs = [doc, slug, options.richText, render.contentKey?.(bio) ?? bio, updated, ...credits]
    const make = (report: (warning: BuildWarning) => void): PersonPage => ({
      id: doc._id,
      slug,
      url: (catalogue.links.get(doc._id) as Link).href,
      name: doc.name ?? '',
      bioHtml: bio.html,
      bioText: bio.text,
      portrait: image(doc.portrait, doc._id, PORTRAIT_SIZES, report),
      externalIds: doc.externalIds ? compact(doc.externalIds) : {},
      credits: creditsByPerson.get(doc._id) ?? [],
      isSample: doc.isSample === true,
      updatedAt: doc._updatedAt ?? builtAt,
    })
    // What `keptAtAGlance` compares with next time.
    const usedTokens = render.usedTokens?.(fields)
    const page = memo.made(key, inputs, warn, make, { quick: usedTokens && quick(usedTokens) })
    placedPeople.record(index, doc, key, usedTokens)
    return page
  })

  /**
   * The pages of a list of articles, each the last build's object when it lists the same articles
   * and `extra` (plain values) is the same: later steps recognise an unchanged page by identity
   * instead of comparing it (at 10k articles, 2,500 list pages a build).
   */
  const listPages = <T extends object>(
    key: string,
    pages: readonly ArticleListPage[],
    extra: T,
  ): Array<ArticleListPage & T> => {
    const extraInputs = Object.values(extra)
    return pages.map((page) =>
      memo.made(
        `${key}:${page.number}`,
        [page.url, page.total, ...extraInputs, page.articles.length, ...page.articles],
        warn,
        () => ({ ...page, ...extra }),
      ),
    )
  }

  const authorPages: AuthorPage[] = snapshot.authors.flatMap((doc) => {
    const slug = slugOf(slugs.author, doc._id)
    const written = articlesByAuthor.get(doc._id) ?? []
    return listPages(
      `author-page:${doc._id}`,
      paginateArticles(written, (n) => paths.author(slug, n)),
      {
        authorId: doc._id,
        slug,
        name: doc.name ?? '',
        bio: doc.bio ?? undefined,
        count: written.length,
        isSample: doc.isSample === true,
        updatedAt: doc._updatedAt ?? builtAt,
      },
    )
  })

  const trackerNetworks = snapshot.networks.map((doc) => ({
    slug: slugOf(slugs.network, doc._id),
    url: (catalogue.links.get(doc._id) as Link).href,
    name: doc.name ?? '',
  }))
  const tracker = buildTracker([...summaries.values()], trackerNetworks)
  const networks: NetworkPage[] = snapshot.networks.map((doc, index) => ({
    id: doc._id,
    slug: slugOf(slugs.network, doc._id),
    url: (catalogue.links.get(doc._id) as Link).href,
    name: doc.name ?? '',
    kind: doc.kind ?? undefined,
    website: doc.website ?? undefined,
    shows: [...summaries.values()].filter(
      (show) => show.network?.href === catalogue.links.get(doc._id)?.href,
    ),
    tracker: tracker.forNetwork(trackerNetworks[index] as (typeof trackerNetworks)[number]),
    isSample: doc.isSample === true,
    updatedAt: doc._updatedAt ?? builtAt,
  }))

  const tagPages: TagPage[] = [...groups.byTag]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .flatMap(([slug, { name, articles: tagged }]) =>
      listPages(
        `tag-page:${slug}`,
        paginateArticles(tagged, (number) => paths.tag(slug, number)),
        {
          slug,
          name,
          count: tagged.length,
        },
      ),
    )

  const content: Omit<SiteData, 'sitemapFiles'> = {
    site: options.site,
    builtAt: options.builtAt.toISOString(),
    articles,
    shows,
    people,
    authorPages,
    networks,
    tagPages,
    statusGroups: groupByStatus([...summaries.values()]),
    statusPages: tracker.pages,
    archivePages: listPages('archive-page', paginateArticles(articleSummaries, trackerPaths.archive), {}),
    // Each page the last build's object while it lists the same people (links by person page).
    peoplePages: paginatePeople(
      people.map((person) => memo.derived(person, personLink)),
      paths.people,
    ).map((page) =>
      memo.made(
        `people-page:${page.number}`,
        [page.url, page.total, page.people.length, ...page.people],
        warn,
        () => page,
      ),
    ),
    latestArticles: articles.slice(0, FEED_SIZE),
    browse: {
      shows: shows.map((show) => memo.derived(show, browseShow)),
      articleCount: articles.length,
      peopleCount: people.length,
    },
    decisions: decisionsOf(shows),
    warnings,
  }
  memo.commit()
  return { ...content, sitemapFiles: sitemapFiles(content) }
}

export { groupByStatus }

/** What a build keeps for the next one's `assumeAnswers`. */
const KEPT_ANSWERS = 'rich-text:answers'

/**
 * Tells the renderer what the resolvers answer from, and, when the catalogue's changes since the
 * last build are known and the image options are the same, which calls may answer otherwise than
 * then: references to documents whose link changed (articles' from `articleLinksOf`), cast credits
 * whose line changed and shows whose summary changed; every other lookup answers as it did.
 *
 * @param changed articles whose link changed, from `articleLinksOf`
 */
function assumeAnswers(
  memo: SiteDataMemo,
  render: RichTextRenderer,
  options: RichTextOptions,
  imageOptions: unknown,
  catalogue: Catalogue,
  changed: ReadonlySet<string> | undefined,
): void {
  if (!render.assumeAnswers) return
  const basis = { imageOptions }
  const last = memo.last<typeof basis>(KEPT_ANSWERS)
  memo.keep(KEPT_ANSWERS, basis)
  const changes = catalogue.changes
  const since = changes && changed && last?.imageOptions === imageOptions ? last : undefined
  const calls = new Map<Lookup, ReadonlySet<string>>()
  if (since && changes && changed) {
    calls.set('reference', changes.links.size === 0 ? changed : new Set([...changes.links, ...changed]))
    calls.set('castCredit', changes.castLines)
    calls.set('status', changes.summaries)
  }
  render.assumeAnswers(options, basis, since, calls)
}

/*
 * A row's memo key and rich-text fields, named once per row object: an unchanged document's row is
 * the same object build after build (row-memo.ts).
 */

/** An article's: the body, then each FAQ answer that has a question. */
const articleKeys = onceEachObject((doc: ArticleRow) => {
  const id = doc._id
  const rev = doc._rev
  const fields: RichTextKey[] = [{ id, rev, field: 'body' }]
  ;(doc.faq ?? []).forEach((item, index) => {
    if (item.question && item.answer) fields.push({ id, rev, field: `faq.${item._key ?? index}` })
  })
  return { key: `article:${id}`, fields }
})

/** A show's: the synopsis. */
const showKeys = onceEachObject((doc: ContentSnapshot['shows'][number]) => ({
  key: `show:${doc._id}`,
  fields: [{ id: doc._id, rev: doc._rev, field: 'synopsis' }] as readonly RichTextKey[],
}))

/** A person's: the bio. */
const personKeys = onceEachObject((doc: ContentSnapshot['people'][number]) => ({
  key: `person:${doc._id}`,
  fields: [{ id: doc._id, rev: doc._rev, field: 'bio' }] as readonly RichTextKey[],
}))

function personLink(person: PersonPage): Link {
  return link(person.url, person.name)
}

function browseShow(show: ShowPage): SiteData['browse']['shows'][number] {
  return { href: show.url, text: show.title, currentStatus: show.currentStatus }
}

function summarise(article: ArticlePage): ArticleSummary {
  const { id, url, title, dek, excerpt, publishedAt, updatedAt, isSample } = article
  return shared({ id, url, title, dek, excerpt, publishedAt, updatedAt, isSample })
}

function newestOf(values: ReadonlyArray<string | null | undefined>): string | undefined {
  let newest: string | undefined
  for (const value of values) if (value && (!newest || value > newest)) newest = value
  return newest
}

/** Drops null fields and Sanity's `_type`, keeping the rest as-is. */
function compact<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value))
    if (field !== null && !key.startsWith('_')) out[key] = field
  return out as { [K in keyof T]?: Exclude<T[K], null> }
}

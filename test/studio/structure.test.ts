import type { Source } from 'sanity'
import { createStructureBuilder, type StructureBuilder } from 'sanity/structure'
import { beforeAll, describe, expect, it } from 'vitest'
import { STATUS_GROUPS } from '../../schemas/constants.ts'
import { showsInStatusGroupFilter } from '../../schemas/currentStatus.ts'
import config from '../../studio/sanity.config.ts'
import { ARTICLE_FILTERS, SHOW_CHILD_FILTERS, showChild, structure } from '../../studio/structure.ts'
import { contextOnlyTemplateIds, SHOW_CHILD_TEMPLATE_IDS } from '../../studio/templates.ts'
import { createTestSource } from './helpers.ts'

interface Node {
  id?: string
  type?: string
  title?: string
  items?: Node[]
  child?: unknown
  schemaTypeName?: string
  options?: {
    filter?: string
    params?: Record<string, unknown>
    defaultOrdering?: unknown
    apiVersion?: string
  }
  initialValueTemplates?: { templateId?: string; parameters?: Record<string, unknown> }[]
}

let source: Source
let S: StructureBuilder
let root: Node

beforeAll(async () => {
  source = (await createTestSource()).source
  S = createStructureBuilder({ source, perspectiveStack: ['drafts'] })
  const built = structure(S, {} as Parameters<typeof structure>[1]) as { serialize: () => Node }
  root = built.serialize()
})

const item = (node: Node | undefined, id: string): Node => {
  const found = node?.items?.find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id} in ${node?.id}: ${node?.items?.map((i) => i.id).join(', ')}`)
  return found
}
const child = (node: Node): Node => node.child as Node
/** `S.documentTypeListItem()` items carry their schema type (their child pane is resolved lazily). */
const schemaTypeOf = (node: Node): string | undefined =>
  (node as { schemaType?: { name?: string } }).schemaType?.name

describe('desk structure', () => {
  it('has the top-level sections editors need', () => {
    expect(root.items?.filter((i) => i.type !== 'divider').map((i) => i.title)).toEqual([
      'Shows',
      'Latest status events',
      'Articles',
      'People',
      'Authors',
      'Networks',
      'All seasons & cast credits',
      'Sample content',
    ])
  })

  it('groups shows by current status with GROQ filters', () => {
    const shows = child(item(root, 'shows'))
    const groups = shows.items?.filter((i) => i.type === 'listItem') ?? []
    expect(groups.map((g) => g.id)).toEqual([...STATUS_GROUPS.map((g) => g.id), 'all'])
    for (const group of STATUS_GROUPS) {
      const list = child(item(shows, group.id))
      expect(list.type).toBe('documentList')
      expect(list.schemaTypeName).toBe('show')
      expect(list.options?.filter).toBe(showsInStatusGroupFilter(group.id))
      expect(list.options?.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    expect(child(item(shows, 'all')).options?.filter).toBe('_type == "show"')
  })

  it('each show opens to its details, status history, cast, seasons and articles', async () => {
    const cancelled = child(item(child(item(root, 'shows')), 'cancelled'))
    const resolve = cancelled.child as (id: string, ctx: unknown) => unknown
    expect(typeof resolve).toBe('function')
    const pane = (await resolve('show-partner-track', {})) as { serialize: () => Node }
    const showPane = pane.serialize()
    expect(showPane.items?.filter((i) => i.type === 'listItem').map((i) => i.id)).toEqual([
      'edit',
      'statusEvents',
      'castCredits',
      'seasons',
      'articles',
    ])
    const edit = child(item(showPane, 'edit')) as Node & { options?: { id?: string; type?: string } }
    expect(edit.options).toMatchObject({ id: 'show-partner-track', type: 'show' })

    const expectations = [
      ['statusEvents', 'statusEvent', SHOW_CHILD_FILTERS.statusEvent, SHOW_CHILD_TEMPLATE_IDS.statusEvent],
      ['castCredits', 'castCredit', SHOW_CHILD_FILTERS.castCredit, SHOW_CHILD_TEMPLATE_IDS.castCredit],
      ['seasons', 'season', SHOW_CHILD_FILTERS.season, SHOW_CHILD_TEMPLATE_IDS.season],
      ['articles', 'article', SHOW_CHILD_FILTERS.article, SHOW_CHILD_TEMPLATE_IDS.article],
    ] as const
    for (const [id, type, filter, templateId] of expectations) {
      const list = child(item(showPane, id))
      expect(list.type, id).toBe('documentList')
      expect(list.schemaTypeName, id).toBe(type)
      expect(list.options?.filter, id).toBe(filter)
      expect(list.options?.params, id).toEqual({ showId: 'show-partner-track' })
      // “Create new” inside a show uses the template that pre-fills the show reference.
      expect(
        list.initialValueTemplates?.map((t) => [t.templateId, t.parameters]),
        id,
      ).toEqual([[templateId, { showId: 'show-partner-track' }]])
    }
  })

  it('showChild can be built directly for any show id', () => {
    const pane = showChild(S, 'show-harbor-lights').serialize() as Node
    expect(pane.id).toBe('show-show-harbor-lights')
  })

  it('articles have drafts / scheduled / published views', () => {
    const articles = child(item(root, 'articles'))
    expect(child(item(articles, 'drafts')).options?.filter).toBe(ARTICLE_FILTERS.drafts)
    expect(child(item(articles, 'scheduled')).options?.filter).toBe(ARTICLE_FILTERS.scheduled)
    expect(child(item(articles, 'published')).options?.filter).toBe(ARTICLE_FILTERS.published)
    expect(schemaTypeOf(item(articles, 'all'))).toBe('article')
  })

  it('people, authors and networks use the standard type lists', () => {
    expect(schemaTypeOf(item(root, 'person'))).toBe('person')
    expect(schemaTypeOf(item(root, 'author'))).toBe('author')
    expect(schemaTypeOf(item(root, 'network'))).toBe('network')
    expect(item(root, 'person').title).toBe('People')
  })
})

describe('initial value templates', () => {
  it('are registered with the workspace', () => {
    const ids = source.templates.map((t) => t.id)
    for (const id of Object.values(SHOW_CHILD_TEMPLATE_IDS)) expect(ids).toContain(id)
  })

  it('pre-fill the show reference (and the next number / billing order)', async () => {
    const counts = { season: 2, castCredit: 6 }
    const context = {
      getClient: () => ({
        fetch: async (query: string, params: Record<string, unknown>) => {
          expect(params).toEqual({ showId: 'show-partner-track' })
          return query.includes('"season"') ? counts.season : counts.castCredit
        },
      }),
    }
    const template = (id: string) => {
      const found = source.templates.find((t) => t.id === id)
      if (!found || typeof found.value !== 'function') throw new Error(`template ${id}`)
      return found.value as (params: unknown, ctx: unknown) => Promise<Record<string, unknown>>
    }
    const showRef = { _type: 'reference', _ref: 'show-partner-track' }
    expect(await template(SHOW_CHILD_TEMPLATE_IDS.season)({ showId: 'show-partner-track' }, context)).toEqual(
      {
        show: showRef,
        number: 3,
      },
    )
    expect(
      await template(SHOW_CHILD_TEMPLATE_IDS.castCredit)({ showId: 'show-partner-track' }, context),
    ).toEqual({
      show: showRef,
      billing: 'main',
      order: 7,
    })
    const event = await template(SHOW_CHILD_TEMPLATE_IDS.statusEvent)(
      { showId: 'drafts.show-partner-track' },
      context,
    )
    expect(event.show).toEqual(showRef)
    expect(event.announcedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(event).not.toHaveProperty('confidence')
    const article = await template(SHOW_CHILD_TEMPLATE_IDS.article)({ showId: 'show-partner-track' }, context)
    expect(article).toMatchObject({ show: showRef, kind: 'status-update' })
  })

  it('start numbering at 1 when the show has nothing yet or the lookup fails', async () => {
    const season = source.templates.find((t) => t.id === SHOW_CHILD_TEMPLATE_IDS.season)?.value as (
      params: unknown,
      ctx: unknown,
    ) => Promise<Record<string, unknown>>
    const empty = { getClient: () => ({ fetch: async () => null }) }
    const failing = {
      getClient: () => ({
        fetch: async () => {
          throw new Error('offline')
        },
      }),
    }
    expect((await season({ showId: 'show-x' }, empty)).number).toBe(1)
    expect((await season({ showId: 'show-x' }, failing)).number).toBe(1)
    await expect(season({}, empty)).rejects.toThrow(/showId/)
  })

  it('show-only templates are hidden from the global “Create” menu but offered inside a show', () => {
    const resolve = config.document?.newDocumentOptions
    if (typeof resolve !== 'function') throw new Error('newDocumentOptions missing')
    const options = [
      { templateId: 'show' },
      { templateId: SHOW_CHILD_TEMPLATE_IDS.castCredit },
    ] as Parameters<typeof resolve>[0]
    const global = resolve(options, { creationContext: { type: 'global' } } as Parameters<typeof resolve>[1])
    expect(global.map((o) => o.templateId)).toEqual(['show'])
    const inList = resolve(options, { creationContext: { type: 'structure' } } as Parameters<
      typeof resolve
    >[1])
    expect(inList).toHaveLength(2)
    expect(contextOnlyTemplateIds).toContain(SHOW_CHILD_TEMPLATE_IDS.castCredit)
  })
})

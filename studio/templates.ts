import type { Template } from 'sanity'
import { STUDIO_API_VERSION } from '../schemas/constants.ts'
import { todayIso } from '../schemas/validation/dates.ts'

/**
 * Initial-value templates used when a document is created from inside a show
 * (Shows → <show> → Cast credits → “+”). Each takes the show's published id
 * as the `showId` parameter and pre-fills the `show` reference.
 */
export const SHOW_CHILD_TEMPLATE_IDS = {
  season: 'season-for-show',
  castCredit: 'castCredit-for-show',
  statusEvent: 'statusEvent-for-show',
  article: 'article-for-show',
} as const

interface CountClient {
  fetch: (query: string, params: Record<string, unknown>) => Promise<unknown>
}

interface TemplateContext {
  getClient: (options: { apiVersion: string }) => CountClient
}

export function showReference(showId: unknown) {
  if (typeof showId !== 'string' || !showId) {
    throw new Error('This template needs the id of a show (parameter "showId").')
  }
  return { _type: 'reference' as const, _ref: showId.replace(/^drafts\./, '') }
}

/** Next number after the highest existing one (`max + 1`, or 1). Falls back to 1 if the query fails. */
export async function nextNumber(
  context: TemplateContext,
  query: string,
  params: Record<string, unknown>,
): Promise<number> {
  try {
    const max = await context.getClient({ apiVersion: STUDIO_API_VERSION }).fetch(query, params)
    return typeof max === 'number' && Number.isFinite(max) ? Math.floor(max) + 1 : 1
  } catch {
    return 1
  }
}

export const NEXT_SEASON_QUERY =
  'math::max(*[_type == "season" && show._ref == $showId && !(_id in path("versions.**"))].number)'
export const NEXT_ORDER_QUERY =
  'math::max(*[_type == "castCredit" && show._ref == $showId && !(_id in path("versions.**"))].order)'

type ShowParams = { showId?: string } | undefined

const showIdParameter = [{ name: 'showId', title: 'Show id', type: 'string' }]

export const templates: Template[] = [
  {
    id: SHOW_CHILD_TEMPLATE_IDS.season,
    title: 'Season of this show',
    schemaType: 'season',
    parameters: showIdParameter,
    value: async (params: ShowParams, context: TemplateContext) => {
      const show = showReference(params?.showId)
      return { show, number: await nextNumber(context, NEXT_SEASON_QUERY, { showId: show._ref }) }
    },
  },
  {
    id: SHOW_CHILD_TEMPLATE_IDS.castCredit,
    title: 'Cast credit on this show',
    schemaType: 'castCredit',
    parameters: showIdParameter,
    value: async (params: ShowParams, context: TemplateContext) => {
      const show = showReference(params?.showId)
      return {
        show,
        billing: 'main',
        order: await nextNumber(context, NEXT_ORDER_QUERY, { showId: show._ref }),
      }
    },
  },
  {
    id: SHOW_CHILD_TEMPLATE_IDS.statusEvent,
    title: 'Status event for this show',
    schemaType: 'statusEvent',
    parameters: showIdParameter,
    // Confidence is deliberately left empty: the editor must decide how sure the news is.
    value: (params: ShowParams) => ({
      show: showReference(params?.showId),
      announcedAt: todayIso(),
    }),
  },
  {
    id: SHOW_CHILD_TEMPLATE_IDS.article,
    title: 'Article about this show',
    schemaType: 'article',
    parameters: showIdParameter,
    value: (params: ShowParams) => ({
      show: showReference(params?.showId),
      kind: 'status-update',
      publishedAt: new Date().toISOString(),
    }),
  },
]

/** Templates that only make sense inside a show; hidden from the global “Create” menu. */
export const contextOnlyTemplateIds: readonly string[] = Object.values(SHOW_CHILD_TEMPLATE_IDS)

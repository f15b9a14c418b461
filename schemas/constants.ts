/**
 * Shared option lists for the content model. Plain data only, so scripts and
 * tests can import it in Node without pulling in the Studio.
 */

export const STATUS_OPTIONS = [
  { title: 'In development', value: 'in-development' },
  { title: 'Ordered', value: 'ordered' },
  { title: 'Awaiting premiere', value: 'awaiting-premiere' },
  { title: 'Airing', value: 'airing' },
  { title: 'Renewed', value: 'renewed' },
  { title: 'Final season', value: 'final-season' },
  { title: 'Pending decision', value: 'pending' },
  { title: 'Cancelled', value: 'cancelled' },
  { title: 'Ended', value: 'ended' },
  { title: 'Limited series', value: 'limited' },
  { title: 'Revived', value: 'revived' },
] as const

export type ShowStatus = (typeof STATUS_OPTIONS)[number]['value']

export const CONFIDENCE_OPTIONS = [
  { title: 'Official (network, studio or showrunner confirmed)', value: 'official' },
  { title: 'Reported (trade press, unconfirmed)', value: 'reported' },
  { title: 'Speculative (rumour or analysis)', value: 'speculative' },
] as const

export type Confidence = (typeof CONFIDENCE_OPTIONS)[number]['value']

/** Ranking used by the current-status rule: official beats reported beats speculative. */
export const CONFIDENCE_RANK: readonly Confidence[] = ['official', 'reported', 'speculative']

export const BILLING_OPTIONS = [
  { title: 'Main cast', value: 'main' },
  { title: 'Recurring', value: 'recurring' },
  { title: 'Guest', value: 'guest' },
] as const

export type Billing = (typeof BILLING_OPTIONS)[number]['value']

export const NETWORK_KIND_OPTIONS = [
  { title: 'Streaming service', value: 'streaming' },
  { title: 'Broadcast network', value: 'broadcast' },
  { title: 'Cable channel', value: 'cable' },
] as const

export const ARTICLE_KIND_OPTIONS = [
  { title: 'Status update', value: 'status-update' },
  { title: 'Explainer', value: 'explainer' },
  { title: 'Review', value: 'review' },
  { title: 'News', value: 'news' },
] as const

export const BASED_ON_KIND_OPTIONS = [
  { title: 'Novel', value: 'novel' },
  { title: 'Book (non-fiction, memoir …)', value: 'book' },
  { title: 'Comic / graphic novel', value: 'comic' },
  { title: 'Film', value: 'film' },
  { title: 'Other', value: 'other' },
] as const

/** Title for a status value ("cancelled" → "Cancelled"); unknown values are returned as-is. */
export function statusTitle(value: string | undefined | null): string {
  if (!value) return 'Unknown status'
  return STATUS_OPTIONS.find((option) => option.value === value)?.title ?? value
}

/**
 * Groups used by the Studio's "Shows by status" lists. Every status belongs to
 * exactly one group; shows without any status event fall into "other".
 */
export const STATUS_GROUPS = [
  { id: 'renewed', title: 'Renewed', statuses: ['renewed', 'final-season', 'revived'] },
  { id: 'airing', title: 'Airing', statuses: ['airing'] },
  { id: 'cancelled', title: 'Cancelled', statuses: ['cancelled'] },
  { id: 'ended', title: 'Ended', statuses: ['ended', 'limited'] },
  {
    id: 'other',
    title: 'Other / unknown',
    statuses: ['in-development', 'ordered', 'awaiting-premiere', 'pending'],
  },
] as const satisfies readonly {
  id: string
  title: string
  statuses: readonly ShowStatus[]
}[]

export type StatusGroupId = (typeof STATUS_GROUPS)[number]['id']

/** API version used by Studio-side GROQ (validation, structure). */
export const STUDIO_API_VERSION = '2025-02-19'

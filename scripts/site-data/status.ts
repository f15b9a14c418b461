import {
  CONFIDENCE_RANK,
  type Confidence as SchemaConfidence,
  type ShowStatus,
  STATUS_OPTIONS,
} from '../../schemas/constants.ts'

/*
 * The status vocabulary comes from the content model (schemas/constants.ts); this module adds the
 * reader-facing labels and the order the status tracker lists groups in.
 */

export type StatusKey = ShowStatus
export type Confidence = SchemaConfidence

/** Reader-facing label of each status, as editors see it in the Studio. */
export const STATUS_LABELS = Object.fromEntries(
  STATUS_OPTIONS.map((option) => [option.value, option.title]),
) as Record<StatusKey, string>

/** Tracker order: good news first, then open questions, then the end of the road. */
export const TRACKER_ORDER: readonly StatusKey[] = [
  'renewed',
  'final-season',
  'revived',
  'airing',
  'awaiting-premiere',
  'ordered',
  'in-development',
  'pending',
  'limited',
  'cancelled',
  'ended',
]

/** Short badge labels for the confidence of a claim. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  official: 'Official',
  reported: 'Reported',
  speculative: 'Speculative',
}

const CONFIDENCE_ORDER = CONFIDENCE_RANK

export function isStatusKey(value: unknown): value is StatusKey {
  return typeof value === 'string' && Object.hasOwn(STATUS_LABELS, value)
}

export function isConfidence(value: unknown): value is Confidence {
  return typeof value === 'string' && Object.hasOwn(CONFIDENCE_LABELS, value)
}

/** The fields of a status event that decide which one is current. */
export interface RankedEvent {
  status: StatusKey
  confidence: Confidence
  announcedAt: string
  updatedAt?: string | undefined
}

/**
 * The current status of a show: its newest official event, else its newest reported one,
 * else its newest speculative one. Newest is by `announcedAt`, then by last edit.
 *
 * @param events the show's events, in any order
 */
export function currentStatusOf<Event extends RankedEvent>(events: readonly Event[]): Event | undefined {
  for (const confidence of CONFIDENCE_ORDER) {
    let newest: Event | undefined
    for (const event of events) {
      if (event.confidence !== confidence) continue
      if (!newest || compareNewest(event, newest) < 0) newest = event
    }
    if (newest) return newest
  }
  return undefined
}

/** Sort comparator: newer events first. */
export function compareNewest(a: RankedEvent, b: RankedEvent): number {
  if (a.announcedAt !== b.announcedAt) return a.announcedAt < b.announcedAt ? 1 : -1
  const au = a.updatedAt ?? ''
  const bu = b.updatedAt ?? ''
  return au === bu ? 0 : au < bu ? 1 : -1
}

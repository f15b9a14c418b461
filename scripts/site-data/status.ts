/** The status vocabulary of `statusEvent.status`, in the order the status tracker lists groups. */
export const STATUS_LABELS = {
  renewed: 'Renewed',
  'final-season': 'Final season',
  revived: 'Revived',
  airing: 'Airing',
  'awaiting-premiere': 'Awaiting premiere',
  ordered: 'Ordered',
  'in-development': 'In development',
  pending: 'Pending decision',
  limited: 'Limited series',
  cancelled: 'Cancelled',
  ended: 'Ended',
} as const

export type StatusKey = keyof typeof STATUS_LABELS

export const CONFIDENCE_LABELS = {
  official: 'Official',
  reported: 'Reported',
  speculative: 'Speculative',
} as const

export type Confidence = keyof typeof CONFIDENCE_LABELS

const CONFIDENCE_ORDER: readonly Confidence[] = ['official', 'reported', 'speculative']

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

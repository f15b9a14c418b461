import { currentStatusEventGroq } from '../../schemas/currentStatus.ts'
import { publishedId } from '../../schemas/validation/ids.ts'

/**
 * One live query for the current status of every show, shared by all show
 * previews in the Studio (one listener instead of one per list row).
 */
export const SHOW_STATUS_QUERY = {
  fetch: `*[_type == "show"]{_id, "status": ${currentStatusEventGroq('.status')}}`,
  listen: '*[_type in ["show", "statusEvent"]]',
} as const

export interface ShowStatusRow {
  _id: string
  status: string | null
}

export type StatusMap = ReadonlyMap<string, string | null>

interface Unsubscribable {
  unsubscribe: () => void
}

export interface SubscribableLike<T> {
  subscribe: (observer: { next: (value: T) => void; error?: (error: unknown) => void }) => Unsubscribable
}

/** Rows → map from published show id to status; a draft's status wins over the published one. */
export function toStatusMap(rows: readonly ShowStatusRow[] | null | undefined): StatusMap {
  const map = new Map<string, string | null>()
  for (const row of rows ?? []) {
    if (!row?._id || row._id.startsWith('versions.')) continue
    const id = publishedId(row._id)
    if (row._id.startsWith('drafts.') || !map.has(id)) map.set(id, row.status ?? null)
  }
  return map
}

export interface ShowStatusStore {
  subscribe: (onChange: () => void) => () => void
  getSnapshot: () => StatusMap | undefined
}

/**
 * A ref-counted store around a (cold) live query: subscribes on the first
 * listener, unsubscribes when the last one leaves.
 */
export function createShowStatusStore(source: () => SubscribableLike<ShowStatusRow[]>): ShowStatusStore {
  let snapshot: StatusMap | undefined
  let subscription: Unsubscribable | undefined
  const listeners = new Set<() => void>()

  const emit = () => {
    for (const listener of listeners) listener()
  }

  return {
    subscribe(onChange) {
      listeners.add(onChange)
      if (!subscription) {
        subscription = source().subscribe({
          next: (rows) => {
            snapshot = toStatusMap(rows)
            emit()
          },
          error: () => {
            // Keep the last known statuses; previews fall back to “network only”.
            subscription = undefined
          },
        })
      }
      return () => {
        listeners.delete(onChange)
        if (listeners.size === 0 && subscription) {
          subscription.unsubscribe()
          subscription = undefined
        }
      }
    },
    getSnapshot: () => snapshot,
  }
}

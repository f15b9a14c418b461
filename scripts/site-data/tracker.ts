import { compareNewest, STATUS_LABELS, TRACKER_ORDER } from './status.ts'
import type {
  Decision,
  FilterLink,
  ShowSummary,
  StatusGroup,
  StatusTrackerPage,
  StatusView,
  TrackerView,
} from './types.ts'

/*
 * The status tracker works without JavaScript: every filter is a pre-rendered page. `/status/` lists
 * every show, `/status/<status>/` one status, `/networks/<slug>/` one network and
 * `/status/<status>/<network>/` both. Only combinations that have shows get a page, and the filter bar
 * only links to pages that exist.
 */

export type StatusFilter = StatusGroup['status']

/** The tracker's group order: the vocabulary's order, then shows without any status. */
export const STATUS_ORDER: readonly StatusFilter[] = [...TRACKER_ORDER, 'unknown']

export const trackerPaths = {
  all: () => '/status/',
  status: (status: StatusFilter) => `/status/${status}/`,
  statusOnNetwork: (status: StatusFilter, networkSlug: string) => `/status/${status}/${networkSlug}/`,
  network: (networkSlug: string) => `/networks/${networkSlug}/`,
  archive: (page: number) => (page <= 1 ? '/articles/' : `/articles/page/${page}/`),
} as const

export function statusLabel(status: StatusFilter): string {
  return status === 'unknown' ? 'Status unknown' : STATUS_LABELS[status]
}

export interface TrackerNetwork {
  slug: string
  url: string
  name: string
}

export interface Tracker {
  pages: StatusTrackerPage[]
  /** The view shown on a network's own page. */
  forNetwork(network: TrackerNetwork): TrackerView
}

/**
 * Builds every page of the status tracker.
 *
 * @param shows every show, with its current status
 * @param networks every network (its `url` is what `ShowSummary.network.href` points at)
 */
export function buildTracker(shows: readonly ShowSummary[], networks: readonly TrackerNetwork[]): Tracker {
  const statusOf = (show: ShowSummary): StatusFilter => show.currentStatus?.status ?? 'unknown'

  // Shows by (status, network) pair, `*` for any: every view and count is a lookup, one pass in all.
  const buckets = new Map<string, ShowSummary[]>()
  const key = (status?: StatusFilter, networkUrl?: string) => `${status ?? '*'} ${networkUrl ?? '*'}`
  for (const show of shows) {
    for (const status of [undefined, statusOf(show)]) {
      for (const networkUrl of show.network ? [undefined, show.network.href] : [undefined]) {
        const k = key(status, networkUrl)
        const bucket = buckets.get(k)
        if (bucket) bucket.push(show)
        else buckets.set(k, [show])
      }
    }
  }
  const members = (status: StatusFilter | undefined, network: TrackerNetwork | undefined) =>
    buckets.get(key(status, network?.url)) ?? []
  const count = (status: StatusFilter | undefined, network: TrackerNetwork | undefined) =>
    members(status, network).length

  const view = (status: StatusFilter | undefined, network: TrackerNetwork | undefined): TrackerView => {
    const listed = members(status, network)
    const statuses: FilterLink[] = [
      {
        href: network ? trackerPaths.network(network.slug) : trackerPaths.all(),
        text: 'All statuses',
        count: count(undefined, network),
        current: status === undefined,
      },
      ...STATUS_ORDER.flatMap((key) => {
        const n = count(key, network)
        if (n === 0) return []
        return [
          {
            href: network ? trackerPaths.statusOnNetwork(key, network.slug) : trackerPaths.status(key),
            text: statusLabel(key),
            count: n,
            current: status === key,
          },
        ]
      }),
    ]
    const networkLinks: FilterLink[] = [
      {
        href: status ? trackerPaths.status(status) : trackerPaths.all(),
        text: 'All networks',
        count: count(status, undefined),
        current: network === undefined,
      },
      ...networks.flatMap((candidate) => {
        const n = count(status, candidate)
        // A network's own page exists even when it has no shows yet, so it stays reachable.
        const isCurrent = candidate.url === network?.url
        if (n === 0 && !(status === undefined && isCurrent)) return []
        return [
          {
            href: status
              ? trackerPaths.statusOnNetwork(status, candidate.slug)
              : trackerPaths.network(candidate.slug),
            text: candidate.name,
            count: n,
            current: isCurrent,
          },
        ]
      }),
    ]
    return {
      groups: groupByStatus(listed),
      total: listed.length,
      filters: { statuses, networks: networkLinks },
    }
  }

  const pages: StatusTrackerPage[] = [
    {
      url: trackerPaths.all(),
      title: 'Renewal status tracker',
      description:
        'Every show we follow, grouped by whether it is renewed, airing, cancelled or ended, with the newest decisions first and a source for each.',
      ...view(undefined, undefined),
    },
  ]
  for (const status of STATUS_ORDER) {
    if (count(status, undefined) === 0) continue
    const label = statusLabel(status)
    pages.push({
      url: trackerPaths.status(status),
      title: `${label}: TV shows`,
      description: `Every show we follow whose current status is “${label}”, newest decisions first.`,
      status,
      ...view(status, undefined),
    })
    for (const network of networks) {
      if (count(status, network) === 0) continue
      pages.push({
        url: trackerPaths.statusOnNetwork(status, network.slug),
        title: `${label}: ${network.name} shows`,
        description: `${network.name} shows whose current status is “${label}”, newest decisions first.`,
        status,
        network: { href: network.url, text: network.name },
        ...view(status, network),
      })
    }
  }
  return { pages, forNetwork: (network) => view(undefined, network) }
}

/** Shows grouped by current status in the tracker's order; newest decision first within a group. */
export function groupByStatus(shows: readonly ShowSummary[]): StatusGroup[] {
  const groups = new Map<StatusFilter, ShowSummary[]>()
  for (const show of shows) {
    const key = show.currentStatus?.status ?? 'unknown'
    const list = groups.get(key)
    if (list) list.push(show)
    else groups.set(key, [show])
  }
  return STATUS_ORDER.flatMap((status) => {
    const members = groups.get(status)
    if (!members) return []
    members.sort((a, b) => {
      const ad = a.currentStatus?.announcedAt ?? ''
      const bd = b.currentStatus?.announcedAt ?? ''
      return ad === bd ? a.title.localeCompare(b.title) : ad < bd ? 1 : -1
    })
    return [{ status, label: statusLabel(status), shows: members }]
  })
}

/**
 * Every status event of every show, newest first: the "latest decisions" lists and status feeds.
 *
 * @param shows shows with their timelines
 */
export function decisionsOf(
  shows: ReadonlyArray<ShowSummary & { timeline: readonly StatusView[] }>,
): Decision[] {
  const decisions: Decision[] = []
  for (const show of shows) {
    const summary: ShowSummary = {
      id: show.id,
      url: show.url,
      title: show.title,
      network: show.network,
      currentStatus: show.currentStatus,
      isSample: show.isSample,
    }
    for (const event of show.timeline) decisions.push({ show: summary, event })
  }
  return decisions.sort((a, b) => compareNewest(a.event, b.event) || a.show.title.localeCompare(b.show.title))
}

import { describe, expect, it } from 'vitest'
import { CONFIDENCE_LABELS, type Confidence, STATUS_LABELS, type StatusKey } from './status.ts'
import { buildTracker, decisionsOf, groupByStatus, STATUS_ORDER } from './tracker.ts'
import type { ShowSummary, StatusView } from './types.ts'

const NETWORKS = [
  { slug: 'northwind', url: '/networks/northwind/', name: 'Northwind+' },
  { slug: 'cobalt', url: '/networks/cobalt/', name: 'Cobalt' },
  { slug: 'empty', url: '/networks/empty/', name: 'Empty Channel' },
]

function event(status: StatusKey, announcedAt: string, confidence: Confidence = 'official'): StatusView {
  return {
    id: `statusEvent-${status}-${announcedAt}`,
    status,
    label: STATUS_LABELS[status],
    confidence,
    confidenceLabel: CONFIDENCE_LABELS[confidence],
    announcedAt,
    sources: [],
    isSample: true,
    updatedAt: `${announcedAt}T10:00:00Z`,
  }
}

function show(title: string, network: number | undefined, status?: StatusView): ShowSummary {
  const net = network === undefined ? undefined : NETWORKS[network]
  return {
    id: `show-${title}`,
    url: `/shows/${title}/`,
    title,
    network: net && { href: net.url, text: net.name },
    currentStatus: status,
    isSample: true,
  }
}

const SHOWS = [
  show('a-renewed-old', 0, event('renewed', '2024-01-01')),
  show('b-renewed-new', 1, event('renewed', '2025-06-01')),
  show('c-cancelled', 0, event('cancelled', '2023-03-03')),
  show('d-unknown', undefined),
  show('e-renewed-mid', 0, event('renewed', '2024-09-09')),
]

describe('groupByStatus', () => {
  it('follows the status vocabulary order, unknown last, newest decision first within a group', () => {
    const groups = groupByStatus(SHOWS)
    expect(groups.map((g) => g.status)).toEqual(['renewed', 'cancelled', 'unknown'])
    expect(groups[0]?.shows.map((s) => s.title)).toEqual(['b-renewed-new', 'e-renewed-mid', 'a-renewed-old'])
    expect(groups[2]?.label).toBe('Status unknown')
    expect(STATUS_ORDER.at(-1)).toBe('unknown')
  })
})

describe('buildTracker', () => {
  const tracker = buildTracker(SHOWS, NETWORKS)
  const urls = new Set([...tracker.pages.map((p) => p.url), ...NETWORKS.map((n) => n.url)])

  it('pre-renders a page per status and per non-empty status × network pair', () => {
    expect(tracker.pages.map((p) => p.url).sort()).toEqual(
      [
        '/status/',
        '/status/renewed/',
        '/status/renewed/northwind/',
        '/status/renewed/cobalt/',
        '/status/cancelled/',
        '/status/cancelled/northwind/',
        '/status/unknown/',
      ].sort(),
    )
    const combo = tracker.pages.find((p) => p.url === '/status/renewed/northwind/')
    expect(combo?.total).toBe(2)
    expect(combo?.network).toEqual({ href: '/networks/northwind/', text: 'Northwind+' })
    expect(combo?.groups.flatMap((g) => g.shows.map((s) => s.title))).toEqual([
      'e-renewed-mid',
      'a-renewed-old',
    ])
  })

  it('only links to filter pages that exist, and marks the current choice', () => {
    const views = [...tracker.pages, ...NETWORKS.map((n) => tracker.forNetwork(n))]
    for (const view of views) {
      for (const link of [...view.filters.statuses, ...view.filters.networks])
        expect(urls).toContain(link.href)
    }
    const page = tracker.pages.find((p) => p.url === '/status/cancelled/')
    expect(page?.filters.statuses.filter((l) => l.current).map((l) => l.text)).toEqual(['Cancelled'])
    expect(page?.filters.networks.map((l) => [l.text, l.href, l.count])).toEqual([
      ['All networks', '/status/cancelled/', 1],
      ['Northwind+', '/status/cancelled/northwind/', 1],
    ])
  })

  it('gives each network page its shows by status, and keeps an empty network reachable', () => {
    const northwind = tracker.forNetwork(NETWORKS[0] as (typeof NETWORKS)[number])
    expect(northwind.total).toBe(3)
    expect(northwind.filters.statuses.map((l) => [l.text, l.href])).toEqual([
      ['All statuses', '/networks/northwind/'],
      ['Renewed', '/status/renewed/northwind/'],
      ['Cancelled', '/status/cancelled/northwind/'],
    ])
    const empty = tracker.forNetwork(NETWORKS[2] as (typeof NETWORKS)[number])
    expect(empty.total).toBe(0)
    expect(empty.filters.networks.find((l) => l.current)?.href).toBe('/networks/empty/')
    const all = tracker.pages[0]
    expect(all?.filters.networks.map((l) => l.text)).not.toContain('Empty Channel')
  })
})

describe('decisionsOf', () => {
  it('lists every event of every show, newest first', () => {
    const shows = [
      { ...show('x', 0), timeline: [event('renewed', '2025-01-02'), event('airing', '2024-01-01')] },
      { ...show('y', 1), timeline: [event('cancelled', '2024-06-01', 'reported')] },
    ]
    expect(decisionsOf(shows).map((d) => `${d.show.title} ${d.event.status}`)).toEqual([
      'x renewed',
      'y cancelled',
      'x airing',
    ])
  })
})

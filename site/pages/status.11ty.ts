import type { StatusTrackerPage } from '../../scripts/site-data/index.ts'
import { decisionList, filterBar, statusGroups } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { tracker: StatusTrackerPage }

/** Newest decisions listed above the groups on the unfiltered tracker. */
const LATEST = 8

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.statusPages', size: 1, alias: 'tracker', addAllPagesToCollections: false },
  permalink: (data: Data) => data.tracker.url,
  eleventyComputed: {
    title: (data: Data) => data.tracker.title,
    description: (data: Data) => data.tracker.description,
    head: (): HeadData => ({ feeds: [{ href: '/status/feed.xml', title: 'Renewal decisions' }] }),
  },
}

export function render({ tracker, reel }: Data): string {
  const unfiltered = !tracker.status && !tracker.network
  return html(
    h('h1', tracker.title),
    h('p.lede', [
      `${tracker.total} ${tracker.total === 1 ? 'show' : 'shows'}, grouped by current status, newest decisions first. `,
      'A show’s status is its newest ',
      h('strong', 'official'),
      ' announcement, else the newest ',
      h('strong', 'reported'),
      ' one, else the newest ',
      h('strong', 'speculative'),
      ' one.',
    ]),
    filterBar(tracker.filters),
    unfiltered && reel.decisions.length > 0
      ? h('section', { 'aria-labelledby': 'latest-decisions' }, [
          h('h2#latest-decisions', 'Latest decisions'),
          decisionList(reel.decisions.slice(0, LATEST)),
          h('p.meta', [h('a', { href: '/status/feed.xml' }, 'Follow every decision (Atom feed)')]),
        ])
      : null,
    statusGroups(tracker),
  )
}

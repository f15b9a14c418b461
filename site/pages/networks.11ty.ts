import type { NetworkPage } from '../../scripts/site-data/index.ts'
import { filterBar, sampleNotice, statusGroups } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { network: NetworkPage }

const KINDS: Record<string, string> = {
  streaming: 'Streaming service',
  broadcast: 'Broadcast network',
  cable: 'Cable channel',
}

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.networks', size: 1, alias: 'network', addAllPagesToCollections: false },
  permalink: (data: Data) => data.network.url,
  eleventyComputed: {
    title: (data: Data) => `${data.network.name} shows: renewed or cancelled?`,
    description: (data: Data) =>
      `Renewal status of every ${data.network.name} show we track, grouped by status with the newest decisions first.`,
  },
}

export function render({ network }: Data): string {
  return html(
    h('p.kicker', [
      network.kind ? (KINDS[network.kind] ?? network.kind) : 'Network',
      network.website
        ? [' · ', h('a', { href: network.website, rel: 'noopener noreferrer' }, 'Official website')]
        : null,
    ]),
    h('h1', `${network.name} shows: renewed or cancelled?`),
    sampleNotice(network.isSample),
    h(
      'p.lede',
      `${network.tracker.total} ${network.tracker.total === 1 ? 'show' : 'shows'} tracked, newest decisions first.`,
    ),
    filterBar(network.tracker.filters),
    statusGroups(network.tracker),
  )
}

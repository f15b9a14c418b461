import { showList } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

export const data = {
  layout: 'base.11ty.ts',
  permalink: '/status/index.html',
  title: 'Renewal status tracker',
  description: 'Every show we follow, grouped by whether it is renewed, airing, cancelled or ended.',
}

export function render({ reel }: PageData): string {
  return html(
    h('h1', 'Renewal status tracker'),
    reel.statusGroups.map((group) =>
      h('section', { 'aria-labelledby': `status-${group.status}` }, [
        h(`h2#status-${group.status}`, `${group.label} (${group.shows.length})`),
        showList(group.shows),
      ]),
    ),
  )
}

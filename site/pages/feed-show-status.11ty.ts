import { statusFeed } from '../../scripts/site-data/feeds.ts'
import type { ShowPage } from '../../scripts/site-data/index.ts'
import { atomFeed, decisionContent } from '../lib/feeds.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { show: ShowPage }

/** `/shows/<slug>/feed.xml`: one show's status announcements. */
export const data = {
  pagination: { data: 'reel.shows', size: 1, alias: 'show', addAllPagesToCollections: false },
  permalink: (data: Data) => `${data.show.url}feed.xml`,
  eleventyExcludeFromCollections: true,
}

export function render({ reel, show }: Data): string {
  return atomFeed(statusFeed(reel, show), decisionContent)
}

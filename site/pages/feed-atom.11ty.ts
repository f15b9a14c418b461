import { articleFeed } from '../../scripts/site-data/feeds.ts'
import { articleContent, atomFeed } from '../lib/feeds.ts'
import type { PageData } from '../lib/page-data.ts'

/** `/feed.xml`: the newest articles, full text, Atom 1.0. */
export const data = { permalink: '/feed.xml', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return atomFeed(articleFeed(reel, '/feed.xml'), articleContent)
}

import { statusFeed } from '../../scripts/site-data/feeds.ts'
import { atomFeed, decisionContent } from '../lib/feeds.ts'
import type { PageData } from '../lib/page-data.ts'

/** `/status/feed.xml`: every renewal decision we track, newest first. */
export const data = { permalink: '/status/feed.xml', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return atomFeed(statusFeed(reel), decisionContent)
}

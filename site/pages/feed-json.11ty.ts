import { articleFeed } from '../../scripts/site-data/feeds.ts'
import { articleContent, jsonFeed } from '../lib/feeds.ts'
import type { PageData } from '../lib/page-data.ts'

/** `/feed.json`: the newest articles, full text, JSON Feed 1.1. */
export const data = { permalink: '/feed.json', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return jsonFeed(articleFeed(reel, '/feed.json'), articleContent)
}

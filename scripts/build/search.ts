import { join } from 'node:path'
import * as pagefind from 'pagefind'

/** Where the search index is published; the search page loads `/pagefind/pagefind.js` from here. */
export const SEARCH_INDEX_DIR = 'pagefind'

/** Builds running in this process that still use the Pagefind service. */
let active = 0

/**
 * Indexes the rendered site with Pagefind and writes the index to `<dir>/pagefind/` (or elsewhere).
 * Only the parts of pages marked `data-pagefind-body` (articles, shows, people) are indexed, so
 * search results are content rather than lists and navigation.
 *
 * Pagefind runs its binary (shipped in the npm package) as a service; it is stopped when no build in
 * this process needs it any more, so the build CLI can exit.
 *
 * @param dir the freshly rendered site
 * @param language the site's language (one index, whatever Pagefind detects)
 * @param outputPath where the index is written; default `<dir>/pagefind/` (the site is only read)
 * @returns the number of pages indexed
 */
export async function buildSearchIndex(
  dir: string,
  language: string,
  outputPath = join(dir, SEARCH_INDEX_DIR),
): Promise<{ pages: number }> {
  active++
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language })
    if (!index) throw new SearchIndexError(errors)
    try {
      const added = await index.addDirectory({ path: dir })
      if (added.errors.length > 0) throw new SearchIndexError(added.errors)
      const written = await index.writeFiles({ outputPath })
      if (written.errors.length > 0) throw new SearchIndexError(written.errors)
      return { pages: added.page_count }
    } finally {
      await index.deleteIndex()
    }
  } finally {
    active--
    if (active === 0) await pagefind.close()
  }
}

export class SearchIndexError extends Error {
  constructor(errors: readonly string[]) {
    super(`search index failed: ${errors.join('; ') || 'Pagefind gave no reason'}`)
    this.name = 'SearchIndexError'
  }
}

import { link } from './catalogue.ts'
import type { SiteDataMemo } from './memo.ts'
import { assignSlugs } from './slugs.ts'
import type { BuildWarning, Link } from './types.ts'
import { paths, safeSlug } from './urls.ts'

/*
 * Every article's slug and link. After an article is edited in place, the list of articles is the
 * last build's but for that row: the last build's maps are copied and the edited rows put in, instead
 * of 10,000 slugs being assigned and links made again.
 */

/** What an article's slug and link are made from. */
export interface LinkedRow {
  _id: string
  slug: string | null
  title?: string | null
}

export interface ArticleLinks {
  /** Slugs by article id. */
  slugs: ReadonlyMap<string, string>
  /** Links by article id. */
  links: ReadonlyMap<string, Link>
  /** Ids whose link is not the one of the last build (or that only one of them has); undefined without one. */
  changed: ReadonlySet<string> | undefined
}

interface Kept {
  rows: readonly LinkedRow[]
  slugs: ReadonlyMap<string, string>
  /** Article id by slug. */
  owners: ReadonlyMap<string, string>
  links: ReadonlyMap<string, Link>
  warnings: readonly BuildWarning[]
}

const KEPT = 'article-links'

/** Past this many changed places, assigning every slug again is about as quick. */
const MOST_PATCHED = 200

/**
 * The articles' slugs and links: the last build's, with the rows that changed in place put in, when
 * that is all that changed and no edited slug needs a warning or clashes; else assigned anew
 * (`assignSlugs`, which reports clashes).
 *
 * @param memo the build's memo (keeps them for the next build)
 * @param rows the articles' rows
 * @param file dataset name for errors
 * @param warn where slug warnings go
 */
export function articleLinksOf(
  memo: SiteDataMemo,
  rows: readonly LinkedRow[],
  file: string,
  warn: (warning: BuildWarning) => void,
): ArticleLinks {
  const last = memo.last<Kept>(KEPT)
  const patch = last && patched(last, rows)
  let kept: Kept
  let changed: ReadonlySet<string> | undefined
  if (patch) {
    for (const warning of patch.kept.warnings) warn(warning)
    ;({ kept, changed } = patch)
  } else {
    kept = assigned(rows, file, warn)
    changed = last && changedLinks(last.links, kept.links)
  }
  memo.keep(KEPT, kept)
  return { slugs: kept.slugs, links: kept.links, changed }
}

function assigned(rows: readonly LinkedRow[], file: string, warn: (warning: BuildWarning) => void): Kept {
  const warnings: BuildWarning[] = []
  const slugs = assignSlugs('article', rows, warnings, file)
  for (const warning of warnings) warn(warning)
  const owners = new Map<string, string>()
  const links = new Map<string, Link>()
  for (const row of rows) {
    const slug = slugs.get(row._id) as string
    owners.set(slug, row._id)
    links.set(row._id, link(paths.article(slug), row.title))
  }
  return { rows, slugs, owners, links, warnings }
}

/** The last build's maps with the rows changed in place put in; undefined when that will not do. */
function patched(last: Kept, rows: readonly LinkedRow[]): { kept: Kept; changed: Set<string> } | undefined {
  if (rows.length !== last.rows.length) return undefined
  const changed: number[] = []
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as LinkedRow
    const before = last.rows[index] as LinkedRow
    if (row === before) continue
    if (changed.length === MOST_PATCHED || row._id !== before._id) return undefined
    changed.push(index)
  }
  const ids = new Set<string>()
  if (changed.length === 0) return { kept: { ...last, rows }, changed: ids }
  // A slug warning of an edited row would have to be made again, in its place: assigned anew.
  for (const index of changed) ids.add((rows[index] as LinkedRow)._id)
  if (last.warnings.some((warning) => warning.documentId !== undefined && ids.has(warning.documentId)))
    return undefined
  const relinked = new Set<string>()
  const slugs = new Map(last.slugs)
  const owners = new Map(last.owners)
  const links = new Map(last.links)
  for (const index of changed) {
    const row = rows[index] as LinkedRow
    const raw = row.slug ?? ''
    const slug = safeSlug(raw)
    if (slug === '' || slug !== raw) return undefined
    const owner = owners.get(slug)
    if (owner !== undefined && owner !== row._id) return undefined
    const was = slugs.get(row._id) as string
    if (was !== slug) {
      owners.delete(was)
      owners.set(slug, row._id)
      slugs.set(row._id, slug)
    }
    const before = links.get(row._id) as Link
    const now = link(paths.article(slug), row.title)
    if (now.href !== before.href || now.text !== before.text) {
      links.set(row._id, now)
      relinked.add(row._id)
    }
  }
  return { kept: { rows, slugs, owners, links, warnings: last.warnings }, changed: relinked }
}

/** Ids whose link differs between `before` and `now` (address or text), or that only one has. */
function changedLinks(before: ReadonlyMap<string, Link>, now: ReadonlyMap<string, Link>): Set<string> {
  const changed = new Set<string>()
  for (const [id, link] of now) {
    const was = before.get(id)
    if (was?.href !== link.href || was.text !== link.text) changed.add(id)
  }
  for (const id of before.keys()) if (!now.has(id)) changed.add(id)
  return changed
}

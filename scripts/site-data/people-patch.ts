import { sameItems } from '../lib/same-items.ts'
import { type CatalogueChanges, type CatalogueRows, type MadeCatalogue, SECTIONS } from './catalogue-types.ts'
import { link, sameLink } from './link.ts'
import { assignSlugs } from './slugs.ts'
import type { BuildWarning, CastLine, Link } from './types.ts'
import { paths } from './urls.ts'

/*
 * The most common catalogue edit is a person's (5,000 of them at 10,000 articles: a bio, a portrait,
 * a name). Working the whole catalogue out again for it, then comparing it with the last build's,
 * took ~105 ms of a webhook build at 10k; putting the edited people into the last build's catalogue
 * takes a few.
 */

/**
 * The last build's catalogue with the people whose rows changed put in, and what that changed; or
 * undefined when the edit needs the catalogue worked out again: another section changed, people
 * came or went, or an edited person's slug changed or warns (or did).
 *
 * @param last the last build's rows, catalogue and warnings
 * @param rows this build's rows
 * @param file dataset name for errors
 */
export function patchPeople(
  last: { rows: CatalogueRows; catalogue: MadeCatalogue; warnings: readonly BuildWarning[] },
  rows: CatalogueRows,
  file: string,
): { catalogue: MadeCatalogue; changes: CatalogueChanges } | undefined {
  const edited = editedPeople(last.rows, rows)
  if (!edited) return undefined
  const before = last.catalogue
  const warned = new Set(last.warnings.map((warning) => warning.documentId))
  const slugWarnings: BuildWarning[] = []
  const slugs = assignSlugs('person', edited, slugWarnings, file)
  if (slugWarnings.length > 0) return undefined
  for (const row of edited)
    if (warned.has(row._id) || slugs.get(row._id) !== before.slugs.person.get(row._id)) return undefined

  const relinked = new Map<string, Link>()
  for (const row of edited) {
    const now = link(paths.person(slugs.get(row._id) as string), row.name)
    if (!sameLink(before.links.get(row._id) as Link, now)) relinked.set(row._id, now)
  }
  const changes = {
    links: new Set(relinked.keys()),
    castLines: new Set<string>(),
    summaries: new Set<string>(),
    shows: new Set<string>(),
    people: new Set<string>(),
  }
  if (relinked.size === 0) return { catalogue: before, changes }

  // Copies of what a person's link is in; the last build's maps stay as they were.
  const links = new Map(before.links)
  const castLineById = new Map(before.castLineById)
  const creditsByShow = new Map(before.creditsByShow)
  const creditInputsByShow = new Map(before.creditInputsByShow)
  const copied = new Set<string>()
  for (const [personId, person] of relinked) {
    links.set(personId, person)
    for (const credit of before.creditsByPerson.get(personId) ?? []) {
      const showId = credit.show.id
      const was = before.castLineById.get(credit.id) as CastLine
      const line: CastLine = { ...was, person }
      castLineById.set(credit.id, line)
      changes.castLines.add(credit.id)
      changes.shows.add(showId)
      if (!copied.has(showId)) {
        copied.add(showId)
        creditsByShow.set(showId, [...(creditsByShow.get(showId) ?? [])])
        creditInputsByShow.set(showId, [...(creditInputsByShow.get(showId) ?? [])])
      }
      // A show's lines and their inputs (credit, person's address and name) are kept side by side.
      const lines = creditsByShow.get(showId) as CastLine[]
      const inputs = creditInputsByShow.get(showId) as unknown[]
      const index = lines.indexOf(was)
      lines[index] = line
      // The address follows the slug, which is the same: the name is what changed.
      inputs[index * 3 + 2] = person.text
    }
  }
  for (const show of rows.shows)
    if ((show.creatorIds ?? []).some((creator) => relinked.has(creator))) changes.shows.add(show._id)
  return { catalogue: { ...before, links, castLineById, creditsByShow, creditInputsByShow }, changes }
}

/**
 * The people rows that are new objects, when the same people are listed (a renamed person may move:
 * the catalogue does not depend on their order) and nothing else changed.
 */
function editedPeople(before: CatalogueRows, now: CatalogueRows): CatalogueRows['people'] | undefined {
  for (const section of SECTIONS)
    if (section !== 'people' && !sameItems(before[section], now[section])) return undefined
  if (before.people.length !== now.people.length) return undefined
  let byId: Map<string, CatalogueRows['people'][number]> | undefined
  const edited: CatalogueRows['people'] = []
  for (const [index, row] of now.people.entries()) {
    let was = before.people[index]
    if (row === was) continue
    if (was?._id !== row._id) {
      byId ??= new Map(before.people.map((person) => [person._id, person]))
      was = byId.get(row._id)
    }
    // As many people as before, none new: the same people.
    if (!was) return undefined
    if (row !== was) edited.push(row)
  }
  return edited.length > 0 ? edited : undefined
}

/*
 * Keeping a live mirror up to date without pulling it again: `sync()` lists revisions, pulls only
 * what differs and drops what is gone, and then answers exactly like a fresh pull.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import type { SanityDocument } from '../../scripts/source/index.ts'
import type { ValidationReport } from '../../scripts/validate/validate.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, liveSourceFor, NOW, readRawDocuments } from './support.ts'

let lake: ContentLakeDouble
let raw: SanityDocument[]

beforeAll(async () => {
  raw = await readRawDocuments(BUNDLED_DATASET)
  lake = await startContentLakeDouble({ documents: raw })
})
afterAll(async () => {
  await lake?.close()
})

/** A validation report without its timing. */
const reportOf = (source: { validation: ValidationReport | undefined }) => {
  const { milliseconds: _, ...report } = source.validation ?? { milliseconds: 0 }
  return report as Omit<ValidationReport, 'milliseconds'>
}

const isMirrorPull = (query: string | undefined) =>
  Boolean(query?.includes('_type in $types') && !query.includes('_rev') && !query.includes('$ids'))

it('pulls only new, changed and gone documents, and then answers like a fresh pull', async () => {
  const source = liveSourceFor(lake)
  expect(await source.sync()).toEqual({ pulled: -1, removed: 0 })

  // An edit with a new revision, an edit that kept its revision (only _updatedAt moved), a new
  // person, a deleted network-less person, and a draft (never mirrored).
  const people = raw.filter((d) => d._type === 'person' && !d._id.startsWith('drafts.'))
  const [renamed, touched, deleted] = people as [SanityDocument, SanityDocument, SanityDocument]
  const next = raw
    .filter((d) => d._id !== deleted._id)
    .map((d) => {
      if (d._id === renamed._id) return { ...d, name: 'Renamed Person', _rev: 'rev-renamed' }
      if (d._id === touched._id) return { ...d, name: 'Touched Person', _updatedAt: '2026-11-30T10:00:00Z' }
      return d
    })
    .concat([
      { ...renamed, _id: 'person-new-face', name: 'New Face', slug: { _type: 'slug', current: 'new-face' } },
      { ...renamed, _id: `drafts.${renamed._id}`, name: 'Draft Name' },
    ])
  lake.setDocuments(next)
  lake.reset()

  const result = await source.sync()
  expect(result).toEqual({ pulled: 3, removed: 1 })
  const queries = lake.requests.map((request) => request.query)
  expect(queries.filter(isMirrorPull)).toEqual([])
  expect(queries.some((query) => query?.includes('_rev'))).toBe(true)

  const fresh = liveSourceFor(lake)
  expect(await fetchSnapshot(source, NOW)).toEqual(await fetchSnapshot(fresh, NOW))
  expect(await source.fetchAll()).toEqual(await fresh.fetchAll())
  expect(source.validation?.documents).toBe(fresh.validation?.documents)
  expect(reportOf(source)).toEqual(reportOf(fresh))

  // A referenced document deleted: what references it is checked again (the others are reused).
  const show = next.find(
    (d) => d._type === 'show' && next.some((o) => JSON.stringify(o).includes(`"_ref":"${d._id}"`)),
  )
  lake.setDocuments(next.filter((d) => d._id !== show?._id))
  expect((await source.sync()).removed).toBe(1)
  const afterDelete = liveSourceFor(lake)
  expect(await fetchSnapshot(source, NOW)).toEqual(await fetchSnapshot(afterDelete, NOW))
  expect(reportOf(source).warnings.length).toBeGreaterThan(0)
  expect(reportOf(source)).toEqual(reportOf(afterDelete))

  // Nothing changed: one revision listing, nothing pulled.
  lake.reset()
  expect(await source.sync()).toEqual({ pulled: 0, removed: 0 })
  expect(lake.requests).toHaveLength(1)
})

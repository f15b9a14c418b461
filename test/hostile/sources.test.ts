/*
 * Both build sources pass their documents through the same validation before any query runs: the
 * dataset file, and the live Sanity source's mirror (here pulled from the Content Lake double serving
 * the hostile dataset). They skip the same documents and answer every site query alike.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as queries from '../../scripts/queries.ts'
import { openEmbeddedSource } from '../../scripts/source/embedded.ts'
import type { SanitySource } from '../../scripts/source/sanity.ts'
import { validationReportOf } from '../../scripts/validate/report.ts'
import type { ValidationReport } from '../../scripts/validate/validate.ts'
import { liveSourceFor } from '../source/support.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { HOSTILE_NOW } from './cases.ts'
import { HOSTILE_DATASET } from './write-fixture.ts'

const TOKEN = 'sk-hostile-read-token'

let lake: ContentLakeDouble
let live: SanitySource
let file: ValidationReport
let dataset: string

beforeAll(async () => {
  // The hostile dataset without its 100 000-level document: the Content Lake double (groq-js behind
  // an HTTP server) cannot serve that one, and the Content Lake does not store it.
  const lines = (await readFile(HOSTILE_DATASET)).toString('latin1').split('\n')
  dataset = join(await mkdtemp(join(tmpdir(), 'reel-hostile-sources-')), 'data.ndjson')
  await writeFile(
    dataset,
    Buffer.from(lines.filter((line) => !line.includes('"show-hx-deep"')).join('\n'), 'latin1'),
  )
  // Read with a token, as private datasets are: the Content Lake then also returns documents with
  // dotted (private) ids, which only validation keeps off the site.
  lake = await startContentLakeDouble({ file: dataset, projectId: 'reel-test', token: TOKEN })
  live = liveSourceFor(lake, { pageSize: 10, connection: { token: TOKEN } })
  file = (await openEmbeddedSource(dataset)).source.validation as ValidationReport
})

afterAll(async () => {
  await lake?.close()
})

// The fingerprint is a dataset-wide query: the live source asks the Content Lake for it (below).
const listQueries = Object.entries(queries as Record<string, unknown>).filter(
  (entry): entry is [string, string] =>
    typeof entry[1] === 'string' && entry[0] !== 'datasetFingerprintQuery',
)

describe('validation on both sources', () => {
  it('has no report before the mirror is pulled, and one after', async () => {
    expect(live.validation).toBeUndefined()
    await live.fetch('count(*)')
    expect(validationReportOf(live)).toBe(live.validation)
    expect(live.validation?.documents).toBeGreaterThan(50)
  })

  it('skips the same documents, with the same reasons (unknown types are never pulled into the mirror)', async () => {
    await live.fetch('count(*)')
    expect(live.validation?.skipped.map((skipped) => skipped.id)).toContain('secret.show-hidden')
    const shape = (report: ValidationReport | undefined) =>
      (report?.skipped ?? [])
        .filter((skipped) => skipped.code !== 'unknown-type')
        .map(({ id, code, field, reason }) => ({ id, code, field, reason }))
        .sort((a, b) => a.id.localeCompare(b.id))
    expect(shape(live.validation)).toEqual(shape(file))
    expect(shape(file).length).toBeGreaterThan(10)
  })

  it.each(listQueries)('answers %s identically', async (_, query) => {
    const embedded = (await openEmbeddedSource(dataset)).source
    const params = query.includes('$now') ? { now: HOSTILE_NOW.toISOString() } : {}
    expect(JSON.stringify(await live.fetch(query, params))).toBe(
      JSON.stringify(await embedded.fetch(query, params)),
    )
  })

  it('keeps the published dataset’s fingerprint: skipped documents stay as content-free placeholders', async () => {
    const embedded = (await openEmbeddedSource(dataset)).source
    const remote = await live.fetchRemote<{ count: number }>(queries.datasetFingerprintQuery)
    const local = await embedded.fetch<{ count: number }>(queries.datasetFingerprintQuery)
    expect(local.count).toBe(remote.count)
    // (`lastUpdatedAt` differs here only because one hostile document has an invalid `_updatedAt`,
    // which validation drops and the Content Lake itself never stores.)
    expect(await embedded.fetch('*[_id == "show-hx-numeric"][0]')).toEqual({
      _id: 'show-hx-numeric',
      _type: 'reel.skipped',
      _rev: 'r1',
      _createdAt: '2026-11-01T09:00:00Z',
      _updatedAt: '2026-11-01T09:00:00Z',
    })
  })

  it('forgets the report with the mirror', async () => {
    await live.fetch('count(*)')
    live.refresh()
    expect(live.validation).toBeUndefined()
  })
})

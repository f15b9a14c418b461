/*
 * `npx node test/hostile/write-fixture.ts`
 *
 * Writes the hostile fixtures in test/fixtures/hostile/ (committed; a test checks they are current):
 *   - data.ndjson from the cases in cases.ts. It starts with a byte-order mark and has one CRLF line
 *     ending, as files from other tools sometimes do; raw lines are written as latin1 so they can
 *     carry invalid UTF-8.
 *   - the loader fixtures in LOADER_FIXTURES: files the build must refuse with a clear error.
 *   - three broken export archives (truncated, not gzip, no data.ndjson).
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { pack } from 'tar-stream'
import { HOSTILE_CASES } from './cases.ts'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url))

export const HOSTILE_DATASET = fixture('data.ndjson')

const show = (id: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ _id: id, _type: 'show', title: id, slug: { _type: 'slug', current: id }, ...fields })

/** ndjson files the loader must refuse, by name, with their content. */
export const LOADER_FIXTURES: Record<string, string> = {
  'empty.ndjson': '',
  'blank.ndjson': '\n   \n\t\n',
  'malformed.ndjson': `${show('show-a')}\n${show('show-b')}\n{"_id": "show-broken", "_type": "show", "title": "cut off\n${show('show-c')}\n`,
  'not-an-object.ndjson': `${show('show-a')}\n[1, 2, 3]\n`,
  'no-id.ndjson': `${show('show-a')}\n{"_type": "show", "title": "No id"}\n`,
  'duplicate-id.ndjson': `${show('show-a')}\n${show('show-b')}\n${show('show-a', { title: 'Again' })}\n`,
  'duplicate-slug.ndjson': `${show('show-twin-1', { title: 'Twin Peaks', slug: { _type: 'slug', current: 'twin-peaks' } })}\n${show('show-twin-2', { title: 'Twin Peaks (again)', slug: { _type: 'slug', current: 'Twin Peaks' } })}\n`,
}

/** A small valid export archive: `<name>/data.ndjson` plus `assets.json`. */
async function exportArchive(entries: Record<string, string>): Promise<Buffer> {
  const tar = pack()
  for (const [name, content] of Object.entries(entries)) tar.entry({ name, mtime: new Date(0) }, content)
  tar.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of tar) chunks.push(chunk as Buffer)
  return gzipSync(Buffer.concat(chunks))
}

/** The broken archives, by name. */
export async function archiveFixtures(): Promise<Record<string, Buffer>> {
  const lines = Array.from({ length: 400 }, (_, i) =>
    show(`show-${i}`, { synopsis: `Show number ${i} `.repeat(20) }),
  )
  const whole = await exportArchive({
    'production-export/data.ndjson': `${lines.join('\n')}\n`,
    'production-export/assets.json': '{}',
  })
  return {
    'truncated.tar.gz': whole.subarray(0, Math.floor(whole.length / 2)),
    'not-gzip.tar.gz': Buffer.from('this is a plain text file, not a gzip archive\n'),
    'no-data.tar.gz': await exportArchive({ 'production-export/assets.json': '{}' }),
  }
}

/** The fixture's bytes. */
export function hostileDatasetBytes(): Buffer {
  const parts: Buffer[] = [Buffer.from('\ufeff', 'utf8')]
  let first = true
  for (const entry of HOSTILE_CASES) {
    for (const document of entry.documents) {
      parts.push(Buffer.from(`${JSON.stringify(document)}${first ? '\r\n' : '\n'}`, 'utf8'))
      first = false
    }
    for (const line of entry.rawLines ?? []) parts.push(Buffer.from(`${line}\n`, 'latin1'))
  }
  return Buffer.concat(parts)
}

if (import.meta.main) {
  writeFileSync(HOSTILE_DATASET, hostileDatasetBytes())
  for (const [name, content] of Object.entries(LOADER_FIXTURES)) writeFileSync(fixture(name), content)
  for (const [name, content] of Object.entries(await archiveFixtures())) writeFileSync(fixture(name), content)
  console.log(`wrote test/fixtures/hostile/`)
}

export { fixture as hostileFixture }

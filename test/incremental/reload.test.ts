import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type DatasetSource, openDatasetSource } from '../../scripts/build/incremental/dataset-source.ts'
import { writeDataset } from '../../scripts/gen/write.ts'
import { datasetContentHash } from '../../scripts/publish/fingerprint.ts'
import { datasetFingerprintQuery } from '../../scripts/queries.ts'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import { createEmbeddedSource } from '../../scripts/source/embedded.ts'
import { DatasetError, type SanityDocument } from '../../scripts/source/types.ts'

/*
 * A reloaded dataset source (only changed lines parsed and checked) must be exactly the source a
 * fresh load of the same file gives: documents, validation report, fingerprint.
 */

let work: string
let file: string
let original: string[]

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-reload-'))
  file = join(work, 'data.ndjson')
  await writeDataset({ articles: 24, seed: 'reload' }, file)
  original = (await readFile(file, 'utf8')).trimEnd().split('\n')
}, 30_000)

type Doc = Record<string, unknown> & { _id: string; _type: string }
const parseAll = (lines: readonly string[]) => lines.map((line) => JSON.parse(line) as Doc)
const write = (docs: readonly (Doc | string)[]) =>
  writeFile(file, `${docs.map((doc) => (typeof doc === 'string' ? doc : JSON.stringify(doc))).join('\n')}\n`)
const firstOf = (docs: Doc[], type: string) => docs.find((doc) => doc._type === type) as Doc

async function expectSameAsFresh(reloaded: DatasetSource, label: string, from = file) {
  const fresh = await openDatasetSource(from, join(work, `fresh-${label}`), { reloadable: true })
  const now = new Date('2026-11-30T00:00:00Z')
  expect(JSON.stringify(await reloaded.fetch('*'))).toBe(JSON.stringify(await fresh.fetch('*')))
  const snapshot = JSON.stringify(await fetchSnapshot(reloaded, now))
  expect(snapshot).toBe(JSON.stringify(await fetchSnapshot(fresh, now)))
  // Rows kept from earlier loads (see row-memo.ts) answer as groq-js does over the same documents.
  const plain = createEmbeddedSource({ file: from, documents: await reloaded.fetch<SanityDocument[]>('*') })
  expect(snapshot).toBe(JSON.stringify(await fetchSnapshot(plain, now)))
  const { milliseconds: _a, ...report } = reloaded.validation
  const { milliseconds: _b, ...expected } = fresh.validation
  expect(report).toEqual(expected)
  expect(reloaded.summary).toEqual(fresh.summary)
  // Counted at load where every document has a string `_updatedAt`; else the query decides.
  if (reloaded.summary) expect(reloaded.summary).toEqual(await reloaded.fetch(datasetFingerprintQuery))
  expect(reloaded.contentHash).toBe(await datasetContentHash(from))
}

describe('reloading a dataset file', () => {
  it('gives what a fresh load gives, edit after edit', async () => {
    const cache = join(work, 'cache')
    await write(parseAll(original))
    let source = await openDatasetSource(file, cache, { reloadable: true })
    await expectSameAsFresh(source, 'start')
    const docs = parseAll(original)
    const article = firstOf(docs, 'article')
    const person = firstOf(docs, 'person')

    const scenarios: Array<[string, () => Array<Doc | string>]> = [
      ['edit', () => docs.map((d) => (d === article ? { ...d, title: 'A new title', _rev: 'r2' } : d))],
      ['create', () => [...docs, { ...article, _id: 'article-new-one', slug: { current: 'new-one' } }]],
      // Articles crediting the person lose it (or are skipped when it was required).
      ['delete a referenced document', () => docs.filter((d) => d !== person)],
      [
        'reorder, blank lines and a draft',
        () => ['', { ...article, _id: `drafts.${article._id}` }, ...docs.toReversed(), '  '],
      ],
      ['an invalid document', () => docs.map((d) => (d === article ? { ...d, title: 42 } : d))],
      ['control characters', () => docs.map((d) => (d === article ? { ...d, title: 'Bad\u0007 title' } : d))],
      // The line with a warning is reused as it was: its warning must be too.
      [
        'another edit, warned line unchanged',
        () =>
          docs
            .filter((d) => d !== person)
            .map((d) => (d === article ? { ...d, title: 'Bad\u0007 title' } : d)),
      ],
      ['back to the start', () => docs],
    ]
    for (const [label, edit] of scenarios) {
      await write(edit())
      source = await source.reload()
      await expectSameAsFresh(source, label)
    }
  })

  it('names the file and line of a bad line, and reloads again once the line is fixed', async () => {
    const cache = join(work, 'cache-bad')
    await write(parseAll(original))
    const source = await openDatasetSource(file, cache, { reloadable: true })
    await write([...original.slice(0, 3), '{"_id": "broken", ', ...original.slice(3)])
    const error = await source.reload().then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(DatasetError)
    expect(String(error)).toContain(`${file}:4 (document broken)`)
    await write([...original, original[2] as string])
    await expect(source.reload()).rejects.toThrow(/duplicate _id, first seen on line 3/)
    await write(parseAll(original))
    await expectSameAsFresh(await source.reload(), 'fixed')
  })

  it('counts the fingerprint as the query does, for a hostile dataset too', async () => {
    const hostile = join(work, 'hostile.ndjson')
    await copyFile('test/fixtures/hostile/data.ndjson', hostile)
    const source = await openDatasetSource(hostile, join(work, 'cache-hostile'), { reloadable: true })
    const answer = await source.fetch(datasetFingerprintQuery)
    if (source.summary) expect(source.summary).toEqual(answer)
    else expect(answer).toHaveProperty('count')
    // Broken references, wrong types and cycles, reused from the last load where nothing they
    // depend on changed, and checked again where something did.
    const lines = (await readFile(hostile, 'utf8')).split('\n')
    const target = lines.findIndex((line) => line.includes('"_type":"person"'))
    lines.splice(target, 1)
    await writeFile(hostile, lines.join('\n'))
    const edited = await source.reload()
    await expectSameAsFresh(edited, 'hostile-edited', hostile)
    // An edit that changes no reference: the cycles found at the last load are reported again.
    await writeFile(hostile, lines.join('\n').replace('"title":"Cycle A"', '"title":"Cycle A, renamed"'))
    const renamed = await edited.reload()
    await expectSameAsFresh(renamed, 'hostile-renamed', hostile)
    expect(renamed.validation.warnings.some((warning) => warning.code === 'reference-cycle')).toBe(true)
    const bundled = await openDatasetSource('content/data.ndjson', join(work, 'cache-bundled'), {
      reloadable: true,
    })
    expect(bundled.summary).toEqual(await bundled.fetch(datasetFingerprintQuery))
  })
})

describe('reloading the documents a change names', () => {
  it('reads only their lines, and gives what a fresh load gives', async () => {
    const cache = join(work, 'cache-named')
    const docs = parseAll(original)
    await write(docs)
    let source = await openDatasetSource(file, cache, { reloadable: true })
    const article = firstOf(docs, 'article')
    const person = firstOf(docs, 'person')
    const [first, last] = [docs[0] as Doc, docs.at(-1) as Doc]
    const credit = firstOf(docs, 'castCredit')
    const all = source.validation.documents
    // Each edit changes the file as it is after the one before, and names what it changes; the
    // documents checked again are the named ones while no document is skipped, else all of them.
    const scenarios: Array<[string, Record<string, Partial<Doc>>, number, number]> = [
      ['a longer title', { [article._id]: { title: `${article.title} and more` } }, 1, 1],
      [
        'two documents, one shorter',
        { [article._id]: { title: 'Short' }, [person._id]: { name: 'Renamed' } },
        2,
        2,
      ],
      // The last line is a draft, which nothing validates.
      ['the first and last lines', { [first._id]: { _rev: 'edge' }, [last._id]: { _rev: 'edge' } }, 2, 1],
      ['named but unchanged', { [article._id]: {} }, 1, 1],
      [
        'an optional reference to nothing (dropped)',
        { [article._id]: { show: { _type: 'reference', _ref: 'show-nowhere' } } },
        1,
        1,
      ],
      ['an invalid value (skipped)', { [article._id]: { title: 42 } }, 1, all],
      ['valid again, after a skip', { [article._id]: { title: 'Valid Again' } }, 1, all],
      ['references found again', { [article._id]: { show: article.show } }, 1, 1],
      [
        'a required reference to nothing (skipped)',
        { [credit._id]: { person: { _type: 'reference', _ref: 'person-nobody' } } },
        1,
        all,
      ],
      ['the reference back', { [credit._id]: { person: credit.person } }, 1, all],
      ['another type under the same id', { [person._id]: { _type: 'network' } }, 1, all],
    ]
    let current = docs
    const reloadWith = async (
      label: string,
      edited: Doc[],
      named: string[],
      read: number,
      checked: number,
    ) => {
      await write(edited)
      source = await source.reload({ named })
      await expectSameAsFresh(source, `named-${label}`)
      expect(source.linesRead, label).toBe(read)
      expect(source.documentsChecked, label).toBe(checked)
    }
    for (const [label, changes, read, checked] of scenarios) {
      current = current.map((d) => (d._id in changes ? { ...d, ...changes[d._id] } : d))
      await reloadWith(label, current, Object.keys(changes), read, checked)
    }
    await reloadWith('back to the start', docs, [article._id, person._id, first._id, last._id], 4, all)
    const again = docs.map((d) => (d._id === article._id ? { ...d, dek: 'Edited once more' } : d))
    await reloadWith('and edited once more', again, [article._id], 1, 1)
  })

  it('reads the file whole when the names do not account for the change', async () => {
    const cache = join(work, 'cache-named-whole')
    const docs = parseAll(original)
    await write(docs)
    let source = await openDatasetSource(file, cache, { reloadable: true })
    const [article, next] = docs.filter((d) => d._type === 'article') as [Doc, Doc]
    expect(docs.indexOf(next)).toBe(docs.indexOf(article) + 1)
    const last = docs.at(-1) as Doc
    const lines = (edited: Doc[]) => edited.map((d) => JSON.stringify(d))
    const edit = (changes: Map<Doc, Partial<Doc>>) => docs.map((d) => ({ ...d, ...changes.get(d) }))
    // The named article edited, and `other` changed too without a name.
    const alsoChanged = (other: Doc, change: Partial<Doc>) =>
      lines(
        edit(
          new Map([
            [article, { title: 'Named' }],
            [other, change],
          ]),
        ),
      )
    const sameLengthRev = (doc: Doc) => ({ _rev: 'x'.repeat(String(doc._rev).length) })
    // Each a change from `docs`, which is loaded whole before it.
    const scenarios: Array<[string, string[], string[]]> = [
      [
        'a new document',
        lines([...docs, { ...article, _id: 'article-new-one', slug: { current: 'new-one' } }]),
        ['article-new-one'],
      ],
      ['a deleted one', lines(docs.filter((d) => d !== next)), [next._id]],
      [
        'an edit nobody named, of another length',
        alsoChanged(last, { _rev: 'not named, longer' }),
        [article._id],
      ],
      [
        'a same-length edit nobody named, next to a named one',
        alsoChanged(next, sameLengthRev(next)),
        [article._id],
      ],
      [
        'a same-length edit nobody named, on the last line',
        alsoChanged(last, sameLengthRev(last)),
        [article._id],
      ],
      ['lines in another order', lines(docs.toReversed()), [article._id]],
    ]
    for (const [label, edited, named] of scenarios) {
      await write(docs)
      source = await source.reload()
      await writeFile(file, `${edited.join('\n')}\n`)
      source = await source.reload({ named })
      await expectSameAsFresh(source, `whole-${label}`)
      expect(source.linesRead, label).toBe(edited.length)
    }
    await writeFile(file, lines(docs).join('\n'))
    source = await source.reload({ named: [article._id] })
    await expectSameAsFresh(source, 'whole-no-last-newline')
    expect(source.linesRead).toBe(docs.length)
  })

  it('takes the named documents in place when drafts come before them', async () => {
    // Drafts are read but never validated: the validated documents are not the lines one for one.
    const docs = parseAll(original)
    const drafts = docs.filter((d) => d._id.startsWith('drafts.'))
    expect(drafts.length).toBeGreaterThan(0)
    const published = docs.filter((d) => !d._id.startsWith('drafts.'))
    const reordered = [...drafts, ...published]
    await write(reordered)
    let source = await openDatasetSource(file, join(work, 'cache-drafts-first'), { reloadable: true })
    const article = firstOf(published, 'article')
    const person = firstOf(published, 'person')
    const edited = reordered.map((d) =>
      d._id === article._id
        ? { ...d, title: 'After The Drafts' }
        : d._id === person._id
          ? { ...d, name: 'Drafted' }
          : d,
    )
    await write(edited)
    source = await source.reload({ named: [person._id, article._id] })
    await expectSameAsFresh(source, 'drafts-first')
    expect(source.linesRead).toBe(2)
    expect(source.documentsChecked).toBe(2)
  })

  it('leaves a same-length change nobody named to the content hash, which a whole read then finds', async () => {
    const cache = join(work, 'cache-named-missed')
    const docs = parseAll(original)
    await write(docs)
    const source = await openDatasetSource(file, cache, { reloadable: true })
    // Far apart and not last: the lines either side of a named one and the last line are checked.
    const articles = docs.filter((d) => d._type === 'article')
    const [article, other] = [articles[0], articles[Math.floor(articles.length / 2)]] as [Doc, Doc]
    const at = (doc: Doc) => docs.indexOf(doc)
    expect(Math.abs(at(article) - at(other))).toBeGreaterThan(1)
    expect(at(other)).toBeLessThan(docs.length - 1)
    const sameLength = String(other.title).replace(/./, (c) => (c === 'X' ? 'Y' : 'X'))
    await write(
      docs.map((d) =>
        d === article ? { ...d, _rev: 'named' } : d === other ? { ...d, title: sameLength } : d,
      ),
    )
    const named = await source.reload({ named: [article._id] })
    expect(named.linesRead).toBe(1)
    // What the reconciler compares with the file: not the same, so it asks for a build that reads
    // the file whole.
    expect(named.contentHash).not.toBe(await datasetContentHash(file))
    await expectSameAsFresh(await named.reload(), 'missed-then-whole')
  })

  it('names the file and line of a named line that no longer parses', async () => {
    const cache = join(work, 'cache-named-bad')
    await write(parseAll(original))
    const source = await openDatasetSource(file, cache, { reloadable: true })
    const index = original.findIndex((line) => line.includes('"_type":"article"'))
    const id = (JSON.parse(original[index] as string) as Doc)._id
    const broken = original.map((line, i) => (i === index ? `{"_id":"${id}","_type":"article",` : line))
    await write(broken)
    await expect(source.reload({ named: [id] })).rejects.toThrow(`${file}:${index + 1} (document ${id})`)
  })
})

import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetError, loadDataset } from './index.ts'

async function datasetFile(lines: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reel-dataset-'))
  const file = join(dir, 'data.ndjson')
  await writeFile(file, lines.join('\n'))
  return file
}

const doc = (fields: Record<string, unknown>) => JSON.stringify({ _type: 'show', ...fields })

describe('loadDataset', () => {
  it('keeps published documents and remembers their lines', async () => {
    const file = await datasetFile([doc({ _id: 'show-a' }), '', doc({ _id: 'show-b' })])
    const dataset = await loadDataset(file)
    expect(dataset.documents.map((d) => d._id)).toEqual(['show-a', 'show-b'])
    expect(dataset.lineOf.get('show-b')).toBe(3)
  })

  it('leaves out drafts and release versions', async () => {
    const file = await datasetFile([
      doc({ _id: 'show-a', title: 'Published' }),
      doc({ _id: 'drafts.show-a', title: 'Draft' }),
      doc({ _id: 'versions.r1.show-a', title: 'Release' }),
      doc({ _id: 'drafts.show-only-draft', title: 'Never published' }),
    ])
    const dataset = await loadDataset(file)
    expect(dataset.documents.map((d) => d.title)).toEqual(['Published'])
    expect(dataset.unpublishedCount).toBe(3)
  })

  it('names the file and line of malformed JSON, with the id when it can see one', async () => {
    const file = await datasetFile([
      doc({ _id: 'show-a' }),
      '{"_id": "show-broken", "_type": "show", ',
      doc({ _id: 'x' }),
    ])
    const error = await loadDataset(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatasetError)
    expect((error as DatasetError).line).toBe(2)
    expect((error as Error).message).toMatch(
      new RegExp(`^${file}:2 \\(document show-broken\\): malformed JSON`),
    )
  })

  it('rejects lines that are not objects or lack _id/_type', async () => {
    await expect(loadDataset(await datasetFile(['[1,2]']))).rejects.toThrow(
      /:1: expected one JSON object per line/,
    )
    await expect(loadDataset(await datasetFile(['{"_type":"show"}']))).rejects.toThrow(
      /:1: document has no string _id/,
    )
    await expect(loadDataset(await datasetFile(['{"_id":"a"}']))).rejects.toThrow(
      /:1 \(document a\): document has no string _type/,
    )
  })

  it('rejects a repeated _id naming both lines', async () => {
    const file = await datasetFile([doc({ _id: 'show-a' }), doc({ _id: 'show-a' })])
    await expect(loadDataset(file)).rejects.toThrow(
      /:2 \(document show-a\): duplicate _id, first seen on line 1/,
    )
  })

  it('rejects an empty file', async () => {
    await expect(loadDataset(await datasetFile(['', '  ']))).rejects.toThrow(/dataset is empty/)
  })

  it('refuses a line longer than the limit without buffering it whole', async () => {
    const file = await datasetFile([doc({ _id: 'a' }), doc({ _id: 'b', padding: 'x'.repeat(5000) })])
    await expect(loadDataset(file, { maxLineBytes: 1000 })).rejects.toThrow(
      /:2: line is longer than 1000 bytes/,
    )
  })

  it('reports a missing file clearly', async () => {
    await expect(loadDataset('/nonexistent/data.ndjson')).rejects.toThrow(/ENOENT/)
  })
})

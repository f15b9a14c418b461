import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFileChunks, splitNdjsonLines } from './ndjson.ts'

async function fileWith(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reel-ndjson-'))
  const file = join(dir, 'data.ndjson')
  await writeFile(file, text)
  return file
}

async function linesOf(file: string, chunkSize: number): Promise<Array<[number, string]>> {
  const lines: Array<[number, string]> = []
  for await (const { bytes, line } of splitNdjsonLines(readFileChunks(file, chunkSize), file))
    lines.push([line, bytes.toString('utf8')])
  return lines
}

describe('splitNdjsonLines over readFileChunks', () => {
  const text = [
    '{"_id":"a"}',
    '',
    '{"_id":"a much longer line than one chunk","n":12345678}',
    '{"_id":"é"}',
    'last',
  ].join('\n')

  it('gives every line whole when lines span chunks of a reused buffer', async () => {
    const file = await fileWith(text)
    const expected = text.split('\n').map((value, index): [number, string] => [index + 1, value])
    for (const size of [1, 3, 7, 16, 1 << 20]) expect(await linesOf(file, size)).toEqual(expected)
  })

  it('stops cleanly when the reader stops early', async () => {
    const file = await fileWith(text)
    for await (const { line } of splitNdjsonLines(readFileChunks(file, 4), file)) if (line === 1) break
    expect(await linesOf(file, 4)).toHaveLength(5)
  })

  it('reads an empty file as no lines', async () => {
    expect(await linesOf(await fileWith(''), 4)).toEqual([])
  })
})

import { createHash } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashedLines } from '../../scripts/build/incremental/hashed-lines.ts'
import { readFileChunks, splitNdjsonLines } from '../../scripts/source/ndjson.ts'

async function fileWith(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'reel-hashed-')), 'data.ndjson')
  await writeFile(file, content)
  return file
}

type Seen = Array<[line: number, hash: string, text: string]>

async function collect(file: string, parallelFrom: number): Promise<Seen> {
  const seen: Seen = []
  const content = await readFile(file)
  for await (const { line, start, length, hash, bytes } of hashedLines(file, { parallelFrom })) {
    const text = bytes().toString('utf8')
    // Where the line is in the file, for a reload that reads only some lines again.
    expect(content.subarray(start, start + length).toString('utf8')).toBe(text)
    seen.push([line, Buffer.from(hash).toString('hex'), text])
  }
  return seen
}

/** What the plain line splitter gives, hashed here. */
async function expected(file: string): Promise<Seen> {
  const seen: Seen = []
  for await (const { line, bytes } of splitNdjsonLines(readFileChunks(file, 4096), file))
    seen.push([line, createHash('sha256').update(bytes).digest('hex'), bytes.toString('utf8')])
  return seen
}

describe('hashedLines', () => {
  const long = 'x'.repeat(3 * 1024 * 1024)
  const contents = {
    'documents, a blank line, no newline at the end': `{"_id":"a"}\n\n{"_id":"b","text":"é"}\n{"_id":"c"}`,
    'a newline at the end': '{"_id":"a"}\n{"_id":"b"}\n',
    'lines longer than a read': `{"_id":"a","t":"${long}"}\n{"_id":"b"}\n{"_id":"c","t":"${long}"}\n{"_id":"d"}`,
    'one line': '{"_id":"only"}',
    empty: '',
  }

  it.each(Object.entries(contents))(
    'splits and hashes as the line splitter does, in two parts or one: %s',
    async (_, content) => {
      const file = await fileWith(content)
      const want = await expected(file)
      expect(await collect(file, Number.POSITIVE_INFINITY)).toEqual(want)
      expect(await collect(file, 0)).toEqual(want)
    },
  )

  it.each([
    ['first', 2],
    ['second', 30],
  ])('names the line that is too long, in the %s part', async (_, before) => {
    const short = Array.from({ length: before }, (_, i) => `{"_id":"s${i}"}\n`).join('')
    const file = await fileWith(`${short}{"_id":"long","t":"${'y'.repeat(200)}"}\n{"_id":"after"}\n`)
    for (const parallelFrom of [0, Number.POSITIVE_INFINITY]) {
      const lines: number[] = []
      const reading = (async () => {
        for await (const { line } of hashedLines(file, { parallelFrom, maxLineBytes: 100 })) lines.push(line)
      })()
      await expect(reading).rejects.toMatchObject({ name: 'DatasetError', file, line: before + 1 })
      expect(lines).toEqual(Array.from({ length: before }, (_, i) => i + 1))
    }
  })

  it('lets go of the file when the reader stops early', async () => {
    const file = await fileWith(Array.from({ length: 100 }, (_, i) => `{"_id":"d${i}"}`).join('\n'))
    for await (const { line } of hashedLines(file, { parallelFrom: 0 })) if (line === 3) break
    expect(await collect(file, 0)).toEqual(await expected(file))
  })
})

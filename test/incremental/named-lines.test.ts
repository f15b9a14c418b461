import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashedLines } from '../../scripts/build/incremental/hashed-lines.ts'
import {
  type LineTable,
  LineTableBuilder,
  readNamedLines,
} from '../../scripts/build/incremental/named-lines.ts'

/*
 * Reading some lines of an ndjson file again, the others taken as a whole read found them: the
 * table it gives must be the one a whole read of the new file gives, and it must refuse a file that
 * is not the old one with those lines changed wherever its checks can tell.
 */

async function fileWith(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'reel-named-')), 'data.ndjson')
  await writeFile(file, content)
  return file
}

/** The table a whole read gives. */
async function tableOf(file: string): Promise<LineTable> {
  const builder = new LineTableBuilder()
  let size = 0
  for await (const { start, length, hash, fileSize } of hashedLines(file, { parallelFrom: 0 })) {
    builder.add(start, length, hash)
    size = fileSize
  }
  return builder.finish(size)
}

const lines = ['{"_id":"a","t":"one"}', '{"_id":"b","t":"two"}', '{"_id":"c","t":"three"}', '{"_id":"d"}']
const withLines = (edit: Record<number, string>, end = '\n') =>
  `${lines.map((line, index) => edit[index] ?? line).join('\n')}${end}`

describe('readNamedLines', () => {
  it.each([
    ['a longer line', { 1: '{"_id":"b","t":"two, and longer"}' }, [1], '\n'],
    ['a shorter line and the first one', { 0: '{"_id":"a"}', 2: '{"_id":"c"}' }, [0, 2], '\n'],
    ['the last line, without a newline', { 3: '{"_id":"d","t":"grown"}' }, [3], ''],
    ['a line named but unchanged', {}, [2], '\n'],
  ])('gives what a whole read gives: %s', async (_, edit: Record<number, string>, indexes, end) => {
    const file = await fileWith(withLines({}, end))
    const before = await tableOf(file)
    await writeFile(file, withLines(edit, end))
    const read = await readNamedLines(file, before, indexes)
    expect(read?.table).toEqual(await tableOf(file))
    expect(read?.lines.map(({ index, bytes }) => [index, bytes.toString('utf8')])).toEqual(
      indexes.map((index) => [index, edit[index] ?? lines[index]]),
    )
  })

  it.each([
    ['another line of another length', { 1: '{"_id":"b","t":"2"}', 3: '{"_id":"d","t":"longer"}' }, 1],
    ['the next line, same length', { 1: '{"_id":"b","t":"2"}', 2: '{"_id":"c","t":"THREE"}' }, 1],
    ['the last line, same length', { 1: '{"_id":"b","t":"2"}', 3: '{"_id":"D"}' }, 1],
    // The same size in all: the named line no longer begins where it is looked for.
    [
      'the line before, longer by what the named one lost',
      { 0: '{"_id":"a","t":"one!!!!"}', 2: '{"_id":"c","t":"3"}' },
      2,
    ],
  ])('refuses a file changed elsewhere: %s', async (_, edit: Record<number, string>, named) => {
    const file = await fileWith(withLines({}))
    const before = await tableOf(file)
    await writeFile(file, withLines(edit))
    expect(await readNamedLines(file, before, [named])).toBeUndefined()
  })

  it('names the line that is too long', async () => {
    const file = await fileWith(withLines({}))
    const before = await tableOf(file)
    await writeFile(file, withLines({ 2: `{"_id":"c","t":"${'x'.repeat(200)}"}` }))
    await expect(readNamedLines(file, before, [2], 100)).rejects.toMatchObject({
      name: 'DatasetError',
      file,
      line: 3,
    })
  })
})

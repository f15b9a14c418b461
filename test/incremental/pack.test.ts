import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobPack, type BlobRef } from '../../scripts/build/incremental/pack.ts'

describe('the blob pack', () => {
  it('reads back every blob, buffered or written, small or larger than its buffers, in any script', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'reel-pack-')), 'pack')
    const pack = new BlobPack(dir)
    const texts = [
      '',
      'plain',
      'Zi-Xin ‘Z’ Min — “Partner Track” ✓ 🎬',
      'x'.repeat(3 * 1024 * 1024),
      '¡'.repeat(5 * 1024 * 1024), // 10 MB of UTF-8: more than the append and read buffers
      ...Array.from({ length: 200 }, (_, i) => `blob ${i} ${'é'.repeat(i * 97)}`),
    ]
    const refs: BlobRef[] = []
    for (const [i, text] of texts.entries()) {
      refs.push(pack.append(text))
      // Reading while appends are buffered sees them (and leaves the next append intact).
      if (i % 7 === 0) expect(pack.read(refs[i] as BlobRef)).toBe(text)
    }
    expect(refs.map((ref) => pack.read(ref))).toEqual(texts)
    pack.close()

    const reader = new BlobPack(dir, { readOnly: true })
    expect(refs.map((ref) => reader.read(ref))).toEqual(texts)
    reader.close()

    const compacting = new BlobPack(dir)
    const moved = compacting.compact(refs.filter((_, i) => i % 2 === 0))
    expect(moved.map((ref) => compacting.read(ref))).toEqual(texts.filter((_, i) => i % 2 === 0))
    compacting.close()
  })
})

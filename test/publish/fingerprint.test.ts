import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openWithFingerprint, probeFingerprint } from '../../scripts/publish/fingerprint.ts'

it('does not load a dataset file whose bytes are unchanged, and reads a changed one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'reel-fingerprint-'))
  const dataset = join(dir, 'data.ndjson')
  await copyFile('content/data.ndjson', dataset)
  const spec = { kind: 'dataset' as const, dataset }
  const { fingerprint } = await openWithFingerprint(spec)
  expect(fingerprint.count).toBeGreaterThan(10)
  // A recorded fingerprint with the same hash is returned as it is: nothing was counted again.
  const recorded = { ...fingerprint, count: -1 }
  expect(await probeFingerprint(spec, recorded)).toBe(recorded)
  // Without a record, or once the bytes change, the file is read.
  expect(await probeFingerprint(spec, null)).toEqual(fingerprint)
  await writeFile(dataset, (await readFile(dataset, 'utf8')).replace('Partner Track', 'Partner Track!'))
  const changed = await probeFingerprint(spec, recorded)
  expect(changed.count).toBe(fingerprint.count)
  expect(changed.contentHash).not.toBe(fingerprint.contentHash)
})

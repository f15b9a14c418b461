/**
 * The committed schema.json and sanity.types.ts must match what
 * `npm run typegen` would produce now. Regenerates into a temporary folder
 * (via REEL_SCHEMA_JSON / REEL_TYPES_OUTPUT, see studio/sanity.cli.ts) and
 * compares; fails with instructions when they are stale.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot, runSanity, studioDir } from './helpers.ts'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reel-typegen-'))
// The CLI joins these paths onto its working directory (studio/), so pass them relative to it.
const relSchema = path.relative(studioDir, path.join(tmp, 'schema.json'))
const relTypes = path.relative(studioDir, path.join(tmp, 'sanity.types.ts'))
const env = { REEL_SCHEMA_JSON: relSchema, REEL_TYPES_OUTPUT: relTypes }

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const STALE = 'is stale: run `npm run typegen` and commit schema.json and sanity.types.ts'

describe('generated types are fresh', () => {
  it('schema.json and sanity.types.ts match a fresh extract + typegen', () => {
    const extract = runSanity(['schema', 'extract', '--force'], studioDir, env)
    expect(extract.status, extract.output).toBe(0)
    const fresh = readFileSync(path.join(tmp, 'schema.json'), 'utf8')
    const committed = readFileSync(path.join(repoRoot, 'schema.json'), 'utf8')
    expect(JSON.parse(committed), `schema.json ${STALE}`).toEqual(JSON.parse(fresh))

    const typegen = runSanity(['typegen', 'generate'], studioDir, env)
    expect(typegen.status, typegen.output).toBe(0)
    // The header names the schema file it was generated from; only that line may differ.
    const freshTypes = readFileSync(path.join(tmp, 'sanity.types.ts'), 'utf8').replaceAll(
      `// Source: ${relSchema}`,
      '// Source: ../schema.json',
    )
    const committedTypes = readFileSync(path.join(repoRoot, 'sanity.types.ts'), 'utf8')
    expect(committedTypes === freshTypes, `sanity.types.ts ${STALE}`).toBe(true)
  }, 180_000)
})

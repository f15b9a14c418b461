/**
 * Every document in the bundled dataset (content/data.ndjson) passes the
 * Studio's validation, including the async rules, whose GROQ is answered by
 * groq-js over the same dataset (what a real project would answer after import).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { createTestSource, repoRoot, validate } from './helpers.ts'

type Doc = Record<string, unknown> & { _id: string; _type: string }

const dataset = readFileSync(path.join(repoRoot, 'content/data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

describe('bundled dataset against the schema', () => {
  it('has no validation errors (warnings are listed, not fatal)', async () => {
    const { source, calls } = await createTestSource(async (query, params) =>
      (await evaluate(parse(query), { dataset, params })).get(),
    )
    const problems: string[] = []
    const warnings: string[] = []
    for (const doc of dataset) {
      for (const marker of await validate(source, doc)) {
        const line = `${doc._id} ${marker.path || '(document)'}: ${marker.message}`
        if (marker.level === 'error') problems.push(line)
        else if (marker.level === 'warning') warnings.push(line)
      }
    }
    if (warnings.length) console.info(`warnings:\n${warnings.join('\n')}`)
    expect(problems).toEqual([])
    // The async rules really ran against the data.
    expect(calls.some((c) => c.query.includes('slug.current == $slug'))).toBe(true)
    expect(calls.some((c) => c.query.includes('_type == "castCredit"'))).toBe(true)
  })
})

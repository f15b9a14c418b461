/** `sanity schema validate` passes for the Studio and fails for a deliberately broken schema. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runSanity, studioDir } from './helpers.ts'

const TIMEOUT = 120_000

describe('sanity schema validate', () => {
  it(
    'exits 0 for studio/ with no errors or warnings',
    () => {
      const run = runSanity(['schema', 'validate', '--format', 'json'], studioDir)
      expect(run.status, run.output).toBe(0)
      const problems = JSON.parse(run.stdout.trim() || '[]') as unknown[]
      expect(problems).toEqual([])
    },
    TIMEOUT,
  )

  it(
    'exits non-zero for test/fixtures/broken-schema and names the mistakes',
    () => {
      const run = runSanity(
        ['schema', 'validate', '--format', 'json'],
        path.join(repoRoot, 'test/fixtures/broken-schema'),
      )
      expect(run.status, run.output).not.toBe(0)
      const problems = JSON.parse(run.stdout.trim()) as {
        problems: { severity: string; message: string }[]
      }[]
      const messages = problems.flatMap((p) =>
        p.problems.filter((x) => x.severity === 'error').map((x) => x.message),
      )
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Unknown type: tvSeriesThatDoesNotExist/),
          expect.stringMatching(/missing a type/),
        ]),
      )
    },
    TIMEOUT,
  )
})

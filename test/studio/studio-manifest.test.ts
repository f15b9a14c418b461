import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers.ts'

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
const read = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Manifest

describe('studio/package.json (read by the Sanity CLI only)', () => {
  it('declares the same versions as the root package.json', () => {
    const root = read('package.json')
    const rootDeps = { ...root.dependencies, ...root.devDependencies }
    const studio = read('studio/package.json')
    expect(studio.devDependencies ?? {}).toEqual({})
    for (const [name, range] of Object.entries(studio.dependencies ?? {})) {
      expect(rootDeps[name], `${name} in root package.json`).toBe(range)
    }
    expect(Object.keys(studio.dependencies ?? {})).toEqual(
      expect.arrayContaining(['sanity', 'react', 'react-dom', 'styled-components']),
    )
  })
})

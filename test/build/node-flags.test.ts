import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUILD_NODE_FLAGS, WORKER_NODE_FLAGS } from '../../scripts/build/node-flags.ts'

describe('Node flags of build processes', () => {
  it('are the ones `npm run build` passes', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.build).toBe(['node', ...BUILD_NODE_FLAGS, 'scripts/build.ts'].join(' '))
  })

  it.each([
    ['builds', BUILD_NODE_FLAGS],
    ["the publisher's build worker", WORKER_NODE_FLAGS],
  ])('are accepted by the Node that runs %s', (_, flags) => {
    // Node exits with "bad option" on a flag it does not know.
    expect(execFileSync(process.execPath, [...flags, '-p', '"ok"'], { encoding: 'utf8' })).toBe('ok\n')
  })
})

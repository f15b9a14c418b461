import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('studio/env.ts', () => {
  it('uses documented defaults when the variables are unset or blank', async () => {
    vi.stubEnv('SANITY_STUDIO_PROJECT_ID', '')
    vi.stubEnv('SANITY_STUDIO_DATASET', ' ')
    const env = await import('../../studio/env.ts')
    expect(env.projectId).toBe(env.DEFAULT_PROJECT_ID)
    expect(env.dataset).toBe('production')
  })

  it('reads SANITY_STUDIO_PROJECT_ID and SANITY_STUDIO_DATASET', async () => {
    vi.stubEnv('SANITY_STUDIO_PROJECT_ID', 'abc123xy')
    vi.stubEnv('SANITY_STUDIO_DATASET', 'staging')
    const env = await import('../../studio/env.ts')
    expect([env.projectId, env.dataset]).toEqual(['abc123xy', 'staging'])
    const config = (await import('../../studio/sanity.config.ts')).default as {
      projectId: string
      dataset: string
    }
    expect([config.projectId, config.dataset]).toEqual(['abc123xy', 'staging'])
    const cli = (await import('../../studio/sanity.cli.ts')).default
    expect(cli.api).toEqual({ projectId: 'abc123xy', dataset: 'staging' })
  })
})

/**
 * Project id and dataset for the Studio and the CLI.
 *
 * Set `SANITY_STUDIO_PROJECT_ID` / `SANITY_STUDIO_DATASET` in the environment or
 * in `studio/.env` (see `.env.example`). In the browser bundle Vite exposes
 * `SANITY_STUDIO_*` variables on `import.meta.env`; in Node (the CLI, tests)
 * they come from `process.env`. The defaults let everything that works offline
 * (schema validate/extract, typegen, build, tests) run without a project.
 */
export const DEFAULT_PROJECT_ID = 'reelstatus'
export const DEFAULT_DATASET = 'production'

type Env = Record<string, string | undefined>

function readEnv(name: string): string | undefined {
  const viteEnv = (import.meta as ImportMeta & { env?: Env }).env
  const nodeEnv: Env | undefined = typeof process === 'undefined' ? undefined : process.env
  const value = viteEnv?.[name] ?? nodeEnv?.[name]
  return value?.trim() ? value.trim() : undefined
}

export const projectId = readEnv('SANITY_STUDIO_PROJECT_ID') ?? DEFAULT_PROJECT_ID
export const dataset = readEnv('SANITY_STUDIO_DATASET') ?? DEFAULT_DATASET

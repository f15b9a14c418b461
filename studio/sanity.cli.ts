import { defineCliConfig } from 'sanity/cli'
import { dataset, projectId } from './env.ts'

/**
 * Paths are relative to this folder (the CLI's working directory is `studio/`).
 * `REEL_SCHEMA_JSON` / `REEL_TYPES_OUTPUT` exist only so the typegen freshness
 * test can regenerate into a temporary folder without touching the committed files.
 */
const schemaJson = process.env.REEL_SCHEMA_JSON || '../schema.json'
const typesOutput = process.env.REEL_TYPES_OUTPUT || '../sanity.types.ts'

export default defineCliConfig({
  api: { projectId, dataset },
  // The Sanity version is pinned in package.json; don't load newer Studio code from Sanity's CDN.
  deployment: { autoUpdates: false },
  schemaExtraction: { path: schemaJson },
  typegen: {
    path: '../scripts/**/*.ts',
    schema: schemaJson,
    generates: typesOutput,
    overloadClientMethods: true,
  },
})

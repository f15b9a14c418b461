/*
 * `npx node scripts/validate/generate-model.ts [--check]`
 *
 * Writes scripts/validate/model.json from the schema definitions in schemas/ (see derive-model.ts).
 * Run it after changing schemas/, like `npm run typegen`; `--check` only reports whether the committed
 * file is current (exit code 1 when stale).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { schemaTypes } from '../../schemas/index.ts'
import * as rules from '../../schemas/validation/index.ts'
import { deriveModel, type SchemaDefinition } from './derive-model.ts'

const target = fileURLToPath(new URL('./model.json', import.meta.url))
const biome = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url))

/** The model derived from the schema as it is now. */
export function currentModel() {
  return deriveModel(schemaTypes as unknown as SchemaDefinition[], rules)
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
  const model = currentModel()
  if (values.check) {
    const committed: unknown = JSON.parse(readFileSync(target, 'utf8'))
    if (!isDeepStrictEqual(committed, model)) {
      console.error(`${target} is stale: run \`npx node scripts/validate/generate-model.ts\``)
      process.exitCode = 1
    }
  } else {
    writeFileSync(target, `${JSON.stringify(model, null, 2)}\n`)
    // Same layout as `biome format` gives it, so the lint step stays clean.
    execFileSync(biome, ['format', '--write', target], { stdio: 'ignore' })
    console.log(`wrote ${target}`)
  }
}

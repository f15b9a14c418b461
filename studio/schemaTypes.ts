import type { SchemaTypeDefinition } from 'sanity'
import { schemaTypes } from '../schemas/index.ts'
import { ShowPreview } from './components/ShowPreview.tsx'

/**
 * The content model from `schemas/` plus Studio-only React components (kept
 * here so `schemas/` stays importable from plain Node scripts).
 */
export const studioSchemaTypes: SchemaTypeDefinition[] = schemaTypes.map((type) => {
  if (type.name === 'show') {
    return { ...type, components: { ...(type as { components?: object }).components, preview: ShowPreview } }
  }
  return type
}) as SchemaTypeDefinition[]

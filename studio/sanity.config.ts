import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { STUDIO_API_VERSION } from '../schemas/constants.ts'
import { dataset, projectId } from './env.ts'
import { studioSchemaTypes } from './schemaTypes.ts'
import { structure } from './structure.ts'
import { contextOnlyTemplateIds, templates } from './templates.ts'

export default defineConfig({
  name: 'default',
  title: 'Reel Status',
  projectId,
  dataset,
  plugins: [
    structureTool({ structure, title: 'Content' }),
    visionTool({ defaultApiVersion: STUDIO_API_VERSION, title: 'GROQ' }),
  ],
  schema: {
    types: studioSchemaTypes,
    templates: (previous) => [...previous, ...templates],
  },
  document: {
    // "Cast credit on this show" etc. need a show; offer them only inside a show.
    newDocumentOptions: (previous, { creationContext }) =>
      creationContext.type === 'global'
        ? previous.filter((item) => !contextOnlyTemplateIds.includes(item.templateId))
        : previous,
  },
})

import { defineArrayMember, defineField } from 'sanity'
import { isSlugUniqueForType } from '../validation/slug.ts'

/** `isSample`: every document type has it. */
export function isSampleField() {
  return defineField({
    name: 'isSample',
    title: 'Sample content',
    type: 'boolean',
    description:
      'Turn on for demo or placeholder content that is not real news. Sample content is labelled as such on the site.',
    initialValue: false,
  })
}

/** The required `show` reference of seasons, cast credits, status events and status callouts. */
export function showReferenceField(description: string) {
  return defineField({
    name: 'show',
    title: 'Show',
    type: 'reference',
    to: [{ type: 'show' }],
    description,
    validation: (rule) => rule.required(),
  })
}

/** URL slug generated from `source`, unique per document type. */
export function slugField(options: { source: string; urlPrefix: string; group?: string }) {
  return defineField({
    name: 'slug',
    title: 'URL slug',
    type: 'slug',
    description: `The last part of the page address: ${options.urlPrefix}<slug>/. Click “Generate” to create it from the name; avoid changing it after publishing (it breaks links).`,
    ...(options.group ? { group: options.group } : {}),
    options: {
      source: options.source,
      maxLength: 96,
      isUnique: (slug, context) => isSlugUniqueForType(slug, context),
    },
    validation: (rule) => rule.required(),
  })
}

/** `sources`: where a claim comes from. */
export function sourcesField(options: { description: string; group?: string }) {
  return defineField({
    name: 'sources',
    title: 'Sources',
    type: 'array',
    description: options.description,
    ...(options.group ? { group: options.group } : {}),
    of: [defineArrayMember({ type: 'source' })],
  })
}

/** `externalIds` object shared by shows and people. */
export function externalIdsField(group?: string) {
  return defineField({
    name: 'externalIds',
    title: 'External IDs',
    type: 'externalIds',
    description: 'IDs on IMDb, TMDB and TVmaze, used to link out and to match data imports.',
    ...(group ? { group } : {}),
    options: { collapsible: true, collapsed: true },
  })
}

import { UserIcon } from '@sanity/icons/User'
import { defineField, defineType } from 'sanity'
import { externalIdsField, isSampleField, slugField } from '../shared/fields.ts'

export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  description: 'An actor, creator or other person credited on a show.',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'Full name as credited, e.g. “Alexandra Turshen”.',
      validation: (rule) => rule.required().error('A person needs a name.'),
    }),
    slugField({ source: 'name', urlPrefix: '/people/' }),
    defineField({
      name: 'portrait',
      title: 'Portrait',
      type: 'imageWithAlt',
      description: 'Head shot; set the hotspot on the face so crops keep it.',
    }),
    defineField({
      name: 'bio',
      title: 'Biography',
      type: 'richText',
      description: 'A short, factual biography.',
    }),
    externalIdsField(),
    isSampleField(),
  ],
  orderings: [{ title: 'Name A–Z', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { title: 'name', media: 'portrait', imdb: 'externalIds.imdb', isSample: 'isSample' },
    prepare({ title, media, imdb, isSample }) {
      return {
        title: title || 'Unnamed person',
        subtitle: [imdb, isSample ? 'Sample' : undefined].filter(Boolean).join(' · '),
        media,
      }
    },
  },
})

import { ComposeIcon } from '@sanity/icons/Compose'
import { defineField, defineType } from 'sanity'
import { isSampleField, slugField } from '../shared/fields.ts'

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: ComposeIcon,
  description: 'A writer credited on articles (a byline), not a person in a show.',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'Name as it should appear in the byline.',
      validation: (rule) => rule.required().error('An author needs a name.'),
    }),
    slugField({ source: 'name', urlPrefix: '/authors/' }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      description: 'One or two sentences shown on the author page and under articles.',
    }),
    defineField({
      name: 'avatar',
      title: 'Avatar',
      type: 'imageWithAlt',
      description: 'Square photo works best.',
    }),
    isSampleField(),
  ],
  orderings: [{ title: 'Name A–Z', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { title: 'name', media: 'avatar', subtitle: 'bio' },
  },
})

import { SearchIcon } from '@sanity/icons/Search'
import { defineField, defineType } from 'sanity'

export const seo = defineType({
  name: 'seo',
  title: 'Search & social',
  type: 'object',
  icon: SearchIcon,
  description:
    'Overrides for search results and social cards. Leave empty to use the title, dek and key art.',
  fields: [
    defineField({
      name: 'title',
      title: 'Search title',
      type: 'string',
      description: 'Shown as the headline in Google results. Keep it under 70 characters.',
      validation: (rule) => rule.max(70).warning('Search engines cut titles longer than 70 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Search description',
      type: 'text',
      rows: 3,
      description: 'One or two sentences shown under the title in search results. Under 160 characters.',
      validation: (rule) =>
        rule.max(160).warning('Search engines cut descriptions longer than 160 characters.'),
    }),
    defineField({
      name: 'image',
      title: 'Social image',
      type: 'imageWithAlt',
      description: 'Image for link previews on social media (1200×630 works best).',
    }),
  ],
})

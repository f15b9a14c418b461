import { BookIcon } from '@sanity/icons/Book'
import { defineField, defineType } from 'sanity'
import { BASED_ON_KIND_OPTIONS } from '../constants.ts'

export const basedOn = defineType({
  name: 'basedOn',
  title: 'Based on',
  type: 'object',
  icon: BookIcon,
  description: 'The source material the show adapts, if any.',
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'Title of the original work, e.g. “The Partner Track”.',
    }),
    defineField({
      name: 'author',
      title: 'Author',
      type: 'string',
      description: 'Author or creator of the original work, e.g. Helen Wan.',
    }),
    defineField({
      name: 'year',
      title: 'Year',
      type: 'number',
      description: 'Year the original was first published.',
      validation: (rule) => rule.integer().min(1000).max(2100),
    }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: { list: [...BASED_ON_KIND_OPTIONS], layout: 'radio', direction: 'horizontal' },
    }),
  ],
  preview: {
    select: { title: 'title', author: 'author', year: 'year' },
    prepare({ title, author, year }) {
      return {
        title: title || 'Untitled work',
        subtitle: [author, year].filter(Boolean).join(', '),
      }
    },
  },
})

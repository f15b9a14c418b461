import { LinkIcon } from '@sanity/icons/Link'
import { defineField, defineType } from 'sanity'
import { validateNotInFuture } from '../validation/dates.ts'
import { validateHttpUrl } from '../validation/url.ts'

export const source = defineType({
  name: 'source',
  title: 'Source',
  type: 'object',
  icon: LinkIcon,
  description: 'Where a claim comes from: the announcement, press release or trade report.',
  fields: [
    defineField({
      name: 'url',
      title: 'Link',
      type: 'url',
      description: 'Full address of the original report, e.g. https://deadline.com/2022/10/…',
      // The url type already rejects malformed addresses; the custom rule explains the
      // http(s)-only policy in words (ftp:, mailto:, javascript: … are refused).
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: ['http', 'https'] })
          .custom(validateHttpUrl),
    }),
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      description: 'Headline or page title of the source, as published.',
    }),
    defineField({
      name: 'publisher',
      title: 'Publisher',
      type: 'string',
      description: 'Who published it, e.g. Netflix, Deadline, Variety.',
    }),
    defineField({
      name: 'accessedAt',
      title: 'Accessed on',
      type: 'date',
      description: 'When you last checked that the link works and says what we cite.',
      validation: (rule) => rule.custom((value) => validateNotInFuture(value)),
    }),
  ],
  preview: {
    select: { title: 'title', publisher: 'publisher', url: 'url' },
    prepare({ title, publisher, url }) {
      return {
        title: title || url || 'Untitled source',
        subtitle: [publisher, title ? url : undefined].filter(Boolean).join(' · '),
      }
    },
  },
})

import { DoubleQuoteIcon } from '@sanity/icons/DoubleQuote'
import { defineField, defineType } from 'sanity'

/** Body block: a highlighted quotation. */
export const pullQuote = defineType({
  name: 'pullQuote',
  title: 'Pull quote',
  type: 'object',
  icon: DoubleQuoteIcon,
  fields: [
    defineField({
      name: 'text',
      title: 'Quote',
      type: 'text',
      rows: 3,
      description: 'The exact words, without quotation marks.',
      validation: (rule) => rule.required().error('A pull quote needs text.'),
    }),
    defineField({
      name: 'attribution',
      title: 'Attribution',
      type: 'string',
      description: 'Who said it, e.g. “Netflix spokesperson, to Deadline”.',
    }),
  ],
  preview: {
    select: { text: 'text', attribution: 'attribution' },
    prepare({ text, attribution }) {
      return {
        title: text ? `“${text}”` : 'Empty pull quote',
        subtitle: attribution ? `— ${attribution}` : undefined,
      }
    },
  },
})

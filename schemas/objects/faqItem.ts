import { HelpCircleIcon } from '@sanity/icons/HelpCircle'
import { defineField, defineType } from 'sanity'

export const faqItem = defineType({
  name: 'faqItem',
  title: 'FAQ item',
  type: 'object',
  icon: HelpCircleIcon,
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'string',
      description: 'Phrase it the way readers search, e.g. “Will there be a season 2 of Partner Track?”',
      validation: (rule) => rule.required().error('An FAQ item needs a question.'),
    }),
    defineField({
      name: 'answer',
      title: 'Answer',
      type: 'text',
      rows: 4,
      description:
        'Short, direct answer. Markdown is supported: **bold**, _italic_, [links](https://…) and lists.',
      validation: (rule) => rule.required().warning('An FAQ item without an answer is not shown.'),
    }),
  ],
  preview: {
    select: { title: 'question', subtitle: 'answer' },
  },
})

import { UsersIcon } from '@sanity/icons/Users'
import { defineArrayMember, defineField, defineType } from 'sanity'

/** Body block: a list of cast credits, rendered as "Actor as Character" with portraits. */
export const castList = defineType({
  name: 'castList',
  title: 'Cast list',
  type: 'object',
  icon: UsersIcon,
  description: 'Shows the chosen cast credits as “Actor as Character”, with portraits.',
  fields: [
    defineField({
      name: 'title',
      title: 'Heading',
      type: 'string',
      description: 'Optional heading above the list, e.g. “Who is in the cast?”',
    }),
    defineField({
      name: 'credits',
      title: 'Cast credits',
      type: 'array',
      description:
        'Pick credits in the order they should appear. Only credits of the article’s show are offered once the article has a show.',
      of: [
        defineArrayMember({
          type: 'reference',
          to: [{ type: 'castCredit' }],
          options: {
            filter: ({ document }) => {
              const show = (document as { show?: { _ref?: string } } | undefined)?.show?._ref
              return show ? { filter: 'show._ref == $show', params: { show } } : {}
            },
          },
        }),
      ],
      validation: (rule) =>
        rule.required().min(1).unique().error('Add at least one cast credit (each once).'),
    }),
  ],
  preview: {
    select: {
      title: 'title',
      credits: 'credits',
      first: 'credits.0.person.name',
      second: 'credits.1.person.name',
      third: 'credits.2.person.name',
      media: 'credits.0.person.portrait',
    },
    prepare({ title, credits, first, second, third, media }) {
      const count = Array.isArray(credits) ? credits.length : 0
      const names = [first, second, third].filter(Boolean).join(', ')
      return {
        title: `Cast list${title ? `: ${title}` : ''}`,
        subtitle: count
          ? `${count} credit${count === 1 ? '' : 's'}${names ? ` — ${names}${count > 3 ? ' …' : ''}` : ''}`
          : 'No credits chosen yet',
        media,
      }
    },
  },
})

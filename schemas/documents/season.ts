import { CalendarIcon } from '@sanity/icons/Calendar'
import { defineField, defineType } from 'sanity'
import { prepareSeasonPreview } from '../previews.ts'
import { isSampleField, showReferenceField } from '../shared/fields.ts'
import { validateNotBefore } from '../validation/dates.ts'
import { validatePositiveInteger } from '../validation/numbers.ts'

export const season = defineType({
  name: 'season',
  title: 'Season',
  type: 'document',
  icon: CalendarIcon,
  description: 'One season of a show, with its episode count and air dates.',
  fields: [
    showReferenceField('The show this season belongs to.'),
    defineField({
      name: 'number',
      title: 'Season number',
      type: 'number',
      description: '1 for the first season, 2 for the second …',
      validation: (rule) => rule.required().custom(validatePositiveInteger),
    }),
    defineField({
      name: 'title',
      title: 'Season title',
      type: 'string',
      description: 'Only if the season has its own name (e.g. “Part 2: The Return”).',
    }),
    defineField({
      name: 'episodeCount',
      title: 'Number of episodes',
      type: 'number',
      description: 'Episodes ordered or aired in this season.',
      validation: (rule) => rule.custom(validatePositiveInteger),
    }),
    defineField({
      name: 'premiereDate',
      title: 'Premiere date',
      type: 'date',
      description: 'Release date of the season’s first episode.',
    }),
    defineField({
      name: 'finaleDate',
      title: 'Finale date',
      type: 'date',
      description: 'Release date of the season’s last episode (same as the premiere for all-at-once drops).',
      validation: (rule) =>
        rule.custom((value, context) =>
          validateNotBefore(value, (context.document as { premiereDate?: string })?.premiereDate, {
            end: 'The finale',
            start: 'the premiere',
          }),
        ),
    }),
    defineField({
      name: 'synopsis',
      title: 'Synopsis',
      type: 'text',
      rows: 4,
      description: 'A short, spoiler-light summary of the season.',
    }),
    isSampleField(),
  ],
  orderings: [
    { title: 'Season number', name: 'numberAsc', by: [{ field: 'number', direction: 'asc' }] },
    {
      title: 'Show, then season',
      name: 'showSeason',
      by: [
        { field: 'show.title', direction: 'asc' },
        { field: 'number', direction: 'asc' },
      ],
    },
  ],
  preview: {
    select: {
      number: 'number',
      title: 'title',
      showTitle: 'show.title',
      episodeCount: 'episodeCount',
      premiereDate: 'premiereDate',
    },
    prepare: (selection) => prepareSeasonPreview(selection),
  },
})

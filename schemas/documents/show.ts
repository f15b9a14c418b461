import { PlayIcon } from '@sanity/icons/Play'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { prepareShowPreview } from '../previews.ts'
import { externalIdsField, isSampleField, slugField } from '../shared/fields.ts'
import { validateNotBefore } from '../validation/dates.ts'

export const show = defineType({
  name: 'show',
  title: 'Show',
  type: 'document',
  icon: PlayIcon,
  description:
    'A TV series. Its status is not typed here: add a Status event (renewed, cancelled …) and the current status follows from the newest official one.',
  groups: [
    { name: 'main', title: 'Main', default: true },
    { name: 'details', title: 'Details' },
    { name: 'media', title: 'Media' },
    { name: 'meta', title: 'Metadata' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'main',
      description: 'The show’s on-screen title, e.g. “Partner Track”.',
      validation: (rule) => rule.required().error('A show needs a title.'),
    }),
    slugField({ source: 'title', urlPrefix: '/shows/', group: 'main' }),
    defineField({
      name: 'network',
      title: 'Network / service',
      type: 'reference',
      to: [{ type: 'network' }],
      group: 'main',
      description: 'Where the show airs or streams (the original network for revived shows).',
    }),
    defineField({
      name: 'premiereDate',
      title: 'Premiere date',
      type: 'date',
      group: 'main',
      description: 'First episode’s release date. Leave empty if not announced yet.',
    }),
    defineField({
      name: 'finaleDate',
      title: 'Series finale date',
      type: 'date',
      group: 'main',
      description: 'Only once the show has ended or been cancelled and the last episode has aired.',
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
      type: 'richText',
      group: 'main',
      description: 'Two or three spoiler-free paragraphs about what the show is about.',
    }),
    defineField({
      name: 'genres',
      title: 'Genres',
      type: 'array',
      group: 'details',
      description: 'Lower-case tags such as “legal drama”, “comedy”. Type and press Enter.',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'basedOn',
      title: 'Based on',
      type: 'basedOn',
      group: 'details',
      description: 'Fill in only when the show adapts a book, comic, film …',
      options: { collapsible: true, collapsed: false },
    }),
    defineField({
      name: 'creators',
      title: 'Creators',
      type: 'array',
      group: 'details',
      description: 'People credited with creating / developing the series.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'person' }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'keyArt',
      title: 'Key art',
      type: 'imageWithAlt',
      group: 'media',
      description: 'Poster or key art. Set the hotspot on the most important part (faces, title).',
    }),
    externalIdsField('meta'),
    defineField({ ...isSampleField(), group: 'meta' }),
  ],
  orderings: [
    { title: 'Title A–Z', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
    {
      title: 'Premiere date, newest first',
      name: 'premiereDesc',
      by: [{ field: 'premiereDate', direction: 'desc' }],
    },
    {
      title: 'Recently edited',
      name: 'updatedDesc',
      by: [{ field: '_updatedAt', direction: 'desc' }],
    },
  ],
  preview: {
    // The current status is derived by GROQ (see schemas/currentStatus.ts); the
    // Studio's show preview component looks it up and passes it to prepare.
    select: {
      title: 'title',
      network: 'network.name',
      premiereDate: 'premiereDate',
      isSample: 'isSample',
      media: 'keyArt',
    },
    prepare: (selection) => prepareShowPreview(selection),
  },
})

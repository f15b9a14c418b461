import { ActivityIcon } from '@sanity/icons/Activity'
import { defineField, defineType } from 'sanity'
import { CONFIDENCE_OPTIONS, STATUS_OPTIONS } from '../constants.ts'
import { prepareStatusEventPreview } from '../previews.ts'
import { isSampleField, showReferenceField, sourcesField } from '../shared/fields.ts'
import { todayIso, validateAnnouncedAt, validateNotInFuture } from '../validation/dates.ts'
import { validatePositiveInteger } from '../validation/numbers.ts'

export const statusEvent = defineType({
  name: 'statusEvent',
  title: 'Status event',
  type: 'document',
  icon: ActivityIcon,
  description:
    'One announcement about a show’s future (renewed, cancelled …). Never edit an old event to change the status: add a new one. The show’s current status is the newest official event.',
  fields: [
    showReferenceField('Filled in for you when you add the event from a show.'),
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      description: 'What was announced. “Pending” = the network has not decided yet.',
      options: { list: [...STATUS_OPTIONS] },
      validation: (rule) => rule.required().error('Choose the status that was announced.'),
    }),
    defineField({
      name: 'forSeason',
      title: 'For season',
      type: 'number',
      description: 'The season the decision is about, e.g. 2 for “renewed for season 2”.',
      validation: (rule) => rule.custom(validatePositiveInteger),
    }),
    defineField({
      name: 'confidence',
      title: 'Confidence',
      type: 'string',
      description:
        'Official = confirmed by the network, studio or showrunner. Reported = trade press, not confirmed. Speculative = rumour or our analysis.',
      options: { list: [...CONFIDENCE_OPTIONS], layout: 'radio' },
      validation: (rule) => rule.required().error('Say how sure this is.'),
    }),
    defineField({
      name: 'announcedAt',
      title: 'Announced on',
      type: 'date',
      description:
        'The day the news broke (not the day you entered it). Official events cannot be in the future.',
      initialValue: () => todayIso(),
      validation: (rule) =>
        rule
          .required()
          .custom((value, context) =>
            validateAnnouncedAt(value, (context.document as { confidence?: string })?.confidence),
          ),
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'text',
      rows: 3,
      description:
        'One or two sentences readers see in the status history, e.g. “Netflix cancelled the show after one season.”',
    }),
    sourcesField({
      description:
        'Link the announcement or report. Official events should cite the network or a trade outlet.',
    }),
    defineField({
      name: 'verifiedAt',
      title: 'Last verified on',
      type: 'date',
      description: 'When someone last checked that this is still accurate.',
      validation: (rule) => rule.custom((value) => validateNotInFuture(value)),
    }),
    isSampleField(),
  ],
  validation: (rule) =>
    rule
      .custom((doc) => {
        const d = doc as { confidence?: string; sources?: unknown[] } | undefined
        if (d?.confidence === 'official' && !(Array.isArray(d.sources) && d.sources.length > 0)) {
          return 'Official events should cite at least one source.'
        }
        return true
      })
      .warning(),
  orderings: [
    {
      title: 'Announced, newest first',
      name: 'announcedDesc',
      by: [
        { field: 'announcedAt', direction: 'desc' },
        { field: '_updatedAt', direction: 'desc' },
      ],
    },
    {
      title: 'Announced, oldest first',
      name: 'announcedAsc',
      by: [{ field: 'announcedAt', direction: 'asc' }],
    },
  ],
  preview: {
    select: {
      status: 'status',
      confidence: 'confidence',
      announcedAt: 'announcedAt',
      showTitle: 'show.title',
      forSeason: 'forSeason',
      isSample: 'isSample',
    },
    prepare: (selection) => prepareStatusEventPreview(selection),
  },
})

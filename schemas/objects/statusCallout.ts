import { BellIcon } from '@sanity/icons/Bell'
import { defineField, defineType } from 'sanity'
import { showReferenceField } from '../shared/fields.ts'

/** Body block: a box with the show's current status, confidence and date (looked up at build time). */
export const statusCallout = defineType({
  name: 'statusCallout',
  title: 'Status callout',
  type: 'object',
  icon: BellIcon,
  description:
    'A highlighted box with the show’s current status; it updates itself when a new status event is published.',
  fields: [
    showReferenceField('Usually the show the article is about.'),
    defineField({
      name: 'note',
      title: 'Note',
      type: 'string',
      description: 'Optional line under the status, e.g. “Netflix confirmed the cancellation to Deadline.”',
    }),
  ],
  preview: {
    select: { showTitle: 'show.title', note: 'note', media: 'show.keyArt' },
    prepare({ showTitle, note, media }) {
      return {
        title: `Status callout: ${showTitle || 'no show chosen'}`,
        subtitle: note || 'Shows the current status, confidence and date',
        media,
      }
    },
  },
})

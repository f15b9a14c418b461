import { UsersIcon } from '@sanity/icons/Users'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { BILLING_OPTIONS } from '../constants.ts'
import { prepareCastCreditPreview } from '../previews.ts'
import { isSampleField, showReferenceField, sourcesField } from '../shared/fields.ts'
import { validateUniqueCastCredit } from '../validation/castCredit.ts'
import { validatePositiveInteger, validateSeasonNumbers } from '../validation/numbers.ts'

export const castCredit = defineType({
  name: 'castCredit',
  title: 'Cast credit',
  type: 'document',
  icon: UsersIcon,
  description: 'One person playing one character on one show, e.g. “Alexandra Turshen as Rachel Friedman”.',
  fields: [
    showReferenceField('Filled in for you when you add the credit from a show.'),
    defineField({
      name: 'person',
      title: 'Actor',
      type: 'reference',
      to: [{ type: 'person' }],
      description: 'The performer. Search by name, or create the person if they are new.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'characterName',
      title: 'Character',
      type: 'string',
      description:
        'Character name as credited, e.g. “Zi-Xin ‘Z’ Min”. Use “Himself”/“Herself” for appearances as themselves.',
      validation: (rule) => rule.required().error('Enter the character’s name.'),
    }),
    defineField({
      name: 'billing',
      title: 'Billing',
      type: 'string',
      description: 'Main cast (series regular), recurring, or guest star.',
      options: { list: [...BILLING_OPTIONS], layout: 'radio', direction: 'horizontal' },
      initialValue: 'main',
      validation: (rule) => rule.required().error('Choose main, recurring or guest.'),
    }),
    defineField({
      name: 'order',
      title: 'Billing order',
      type: 'number',
      description: 'Position in the credits: 1 = top billed. Cast lists are sorted by this.',
      validation: (rule) => rule.custom(validatePositiveInteger),
    }),
    defineField({
      name: 'seasons',
      title: 'Seasons',
      type: 'array',
      description: 'Season numbers the person appears in (1, 2 …). Leave empty if they appear in all.',
      of: [defineArrayMember({ type: 'number' })],
      options: { layout: 'tags' },
      validation: (rule) => rule.custom(validateSeasonNumbers),
    }),
    sourcesField({ description: 'Casting announcement or official cast page confirming the credit.' }),
    isSampleField(),
  ],
  validation: (rule) => rule.custom((doc, context) => validateUniqueCastCredit(doc as never, context)),
  orderings: [
    { title: 'Billing order', name: 'orderAsc', by: [{ field: 'order', direction: 'asc' }] },
    {
      title: 'Show, then billing order',
      name: 'showOrder',
      by: [
        { field: 'show.title', direction: 'asc' },
        { field: 'order', direction: 'asc' },
      ],
    },
    { title: 'Character A–Z', name: 'characterAsc', by: [{ field: 'characterName', direction: 'asc' }] },
  ],
  preview: {
    select: {
      personName: 'person.name',
      characterName: 'characterName',
      billing: 'billing',
      showTitle: 'show.title',
      order: 'order',
      media: 'person.portrait',
    },
    prepare: (selection) => prepareCastCreditPreview(selection),
  },
})

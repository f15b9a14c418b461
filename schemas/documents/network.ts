import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe'
import { defineField, defineType } from 'sanity'
import { NETWORK_KIND_OPTIONS } from '../constants.ts'
import { isSampleField, slugField } from '../shared/fields.ts'
import { validateHttpUrl } from '../validation/url.ts'

export const network = defineType({
  name: 'network',
  title: 'Network',
  type: 'document',
  icon: EarthGlobeIcon,
  description: 'A TV network, cable channel or streaming service that airs shows.',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'As the service brands itself, e.g. “Netflix”, “HBO”, “Apple TV+”.',
      validation: (rule) => rule.required().error('A network needs a name.'),
    }),
    slugField({ source: 'name', urlPrefix: '/networks/' }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: { list: [...NETWORK_KIND_OPTIONS], layout: 'radio', direction: 'horizontal' },
    }),
    defineField({
      name: 'website',
      title: 'Website',
      type: 'url',
      description: 'Home page, e.g. https://www.netflix.com',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).custom(validateHttpUrl),
    }),
    isSampleField(),
  ],
  orderings: [{ title: 'Name A–Z', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { title: 'name', kind: 'kind', isSample: 'isSample' },
    prepare({ title, kind, isSample }) {
      return {
        title: title || 'Unnamed network',
        subtitle: [kind, isSample ? 'Sample' : undefined].filter(Boolean).join(' · '),
      }
    },
  },
})

import { defineArrayMember, defineField } from 'sanity'

/**
 * Annotations shared by `richText` and `articleBody`:
 * `link` → `{_type:'link', href, blank?}`,
 * `internalLink` → `{_type:'internalLink', reference:{_ref}}` (show, person or article).
 */
export function linkAnnotations() {
  return [
    defineArrayMember({
      name: 'link',
      title: 'External link',
      type: 'object',
      fields: [
        defineField({
          name: 'href',
          title: 'Web address',
          type: 'url',
          description: 'Full address, e.g. https://www.netflix.com/title/… (mailto: is fine too).',
          validation: (rule) =>
            rule
              .required()
              .uri({ scheme: ['http', 'https', 'mailto'], allowRelative: false })
              .error('Enter a full web address starting with https://'),
        }),
        defineField({
          name: 'blank',
          title: 'Open in a new tab',
          type: 'boolean',
          initialValue: false,
        }),
      ],
    }),
    defineArrayMember({
      name: 'internalLink',
      title: 'Link to show, person or article',
      type: 'object',
      fields: [
        defineField({
          name: 'reference',
          title: 'Links to',
          type: 'reference',
          to: [{ type: 'show' }, { type: 'person' }, { type: 'article' }],
          description: 'Pick a page on this site; the link follows it if its URL changes.',
          validation: (rule) => rule.required(),
        }),
      ],
    }),
  ]
}

import { defineField } from 'sanity'
import { validateImageAlt } from '../validation/image.ts'

/** alt / caption / credit for every image (imageWithAlt and the article body's image block). */
export function imageFields() {
  return [
    defineField({
      name: 'alt',
      title: 'Alt text',
      type: 'string',
      description:
        'Describe what the image shows for people using screen readers, e.g. “Arden Cho as Ingrid Yun in a law office”. Required once an image is chosen.',
      validation: (rule) => rule.custom((alt, context) => validateImageAlt(alt, context.parent)),
    }),
    defineField({
      name: 'caption',
      title: 'Caption',
      type: 'string',
      description: 'Optional text shown under the image.',
    }),
    defineField({
      name: 'credit',
      title: 'Credit',
      type: 'string',
      description: 'Photographer / rights holder, e.g. “Courtesy of Netflix”.',
    }),
  ]
}

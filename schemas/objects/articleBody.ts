import { ImageIcon } from '@sanity/icons/Image'
import { defineArrayMember, defineType } from 'sanity'
import { linkAnnotations } from '../shared/annotations.ts'
import { imageFields } from '../shared/imageFields.ts'

/**
 * Article body: Portable Text with headings, lists, links and the custom
 * blocks `image`, `castList`, `statusCallout` and `pullQuote`.
 */
export const articleBody = defineType({
  name: 'articleBody',
  title: 'Article body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Heading 2', value: 'h2' },
        { title: 'Heading 3', value: 'h3' },
        { title: 'Heading 4', value: 'h4' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullet list', value: 'bullet' },
        { title: 'Numbered list', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Bold', value: 'strong' },
          { title: 'Italic', value: 'em' },
          { title: 'Code', value: 'code' },
          { title: 'Underline', value: 'underline' },
          { title: 'Strikethrough', value: 'strike-through' },
        ],
        annotations: linkAnnotations(),
      },
    }),
    defineArrayMember({
      type: 'image',
      title: 'Image',
      icon: ImageIcon,
      options: { hotspot: true },
      fields: imageFields(),
      preview: {
        select: { alt: 'alt', caption: 'caption', media: 'asset' },
        prepare({ alt, caption, media }) {
          return {
            title: caption || alt || 'Image',
            subtitle: alt ? undefined : '⚠ Missing alt text',
            media,
          }
        },
      },
    }),
    defineArrayMember({ type: 'castList' }),
    defineArrayMember({ type: 'statusCallout' }),
    defineArrayMember({ type: 'pullQuote' }),
  ],
})

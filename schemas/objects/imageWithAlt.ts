import { ImageIcon } from '@sanity/icons/Image'
import { defineType } from 'sanity'
import { imageFields } from '../shared/imageFields.ts'

export const imageWithAlt = defineType({
  name: 'imageWithAlt',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  options: { hotspot: true },
  fields: imageFields(),
  preview: {
    select: { title: 'alt', subtitle: 'caption', media: 'asset' },
    prepare({ title, subtitle, media }) {
      return { title: title || 'Image without alt text', subtitle, media }
    },
  },
})

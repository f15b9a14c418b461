import { defineField, defineType } from 'sanity'

export const externalIds = defineType({
  name: 'externalIds',
  title: 'External IDs',
  type: 'object',
  fields: [
    defineField({
      name: 'imdb',
      title: 'IMDb ID',
      type: 'string',
      description: 'From the IMDb address: tt… for shows, nm… for people.',
      validation: (rule) =>
        rule
          .regex(/^(tt|nm)\d{5,}$/, { name: 'IMDb id' })
          .warning('IMDb ids look like tt1234567 or nm1234567.'),
    }),
    defineField({
      name: 'tmdb',
      title: 'TMDB ID',
      type: 'string',
      description: 'The number in the themoviedb.org address.',
      validation: (rule) => rule.regex(/^\d+$/, { name: 'number' }).warning('TMDB ids are numbers.'),
    }),
    defineField({
      name: 'tvmaze',
      title: 'TVmaze ID',
      type: 'string',
      description: 'The number in the tvmaze.com address.',
      validation: (rule) => rule.regex(/^\d+$/, { name: 'number' }).warning('TVmaze ids are numbers.'),
    }),
  ],
})

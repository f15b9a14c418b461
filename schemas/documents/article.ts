import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { ARTICLE_KIND_OPTIONS } from '../constants.ts'
import { prepareArticlePreview } from '../previews.ts'
import { isSampleField, slugField, sourcesField } from '../shared/fields.ts'
import { validateArticleHasStatusSource } from '../validation/article.ts'
import { validateNotBefore, validateNotInFuture } from '../validation/dates.ts'

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  description: 'A news story, status update, explainer or review.',
  groups: [
    { name: 'content', title: 'Content', default: true },
    { name: 'meta', title: 'Publishing' },
    { name: 'sources', title: 'Sources & FAQ' },
    { name: 'seo', title: 'SEO' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      group: 'content',
      description: 'Clear and specific, e.g. “Partner Track season 2: cancelled by Netflix”.',
      validation: (rule) => [
        rule.required().error('An article needs a headline.'),
        rule.max(110).warning('Long headlines get cut off in search results and social cards.'),
      ],
    }),
    slugField({ source: 'title', urlPrefix: '/articles/', group: 'content' }),
    defineField({
      name: 'dek',
      title: 'Dek (standfirst)',
      type: 'text',
      rows: 2,
      group: 'content',
      description: 'One or two sentences under the headline that sum up the story.',
    }),
    defineField({
      name: 'show',
      title: 'Show',
      type: 'reference',
      to: [{ type: 'show' }],
      group: 'content',
      description: 'The show the article is about (leave empty for general news).',
    }),
    defineField({
      name: 'kind',
      title: 'Kind of article',
      type: 'string',
      group: 'content',
      options: { list: [...ARTICLE_KIND_OPTIONS], layout: 'radio', direction: 'horizontal' },
      initialValue: 'news',
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'articleBody',
      group: 'content',
      description:
        'The story. Use the + menu for a cast list, a status callout (always shows the current status), images and pull quotes.',
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      group: 'meta',
      description: 'Bylines, in order.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'author' }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'tags',
      title: 'Tags',
      type: 'array',
      group: 'meta',
      description: 'Topics for the tag pages, e.g. “netflix”, “legal drama”. Type and press Enter.',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Publish date',
      type: 'datetime',
      group: 'meta',
      description:
        'Shown as the article date. A date in the future schedules the article: the site shows it from then on.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'updatedAt',
      title: 'Last updated',
      type: 'datetime',
      group: 'meta',
      description: 'Set when you make a meaningful change (shown as “Updated …” and used by search engines).',
      validation: (rule) =>
        rule.custom((value, context) =>
          validateNotBefore(value, (context.document as { publishedAt?: string })?.publishedAt, {
            end: 'Last updated',
            start: 'the publish date',
          }),
        ),
    }),
    defineField({
      name: 'lastVerifiedAt',
      title: 'Status last verified',
      type: 'date',
      group: 'meta',
      description: 'The day you last checked that the status in this article is still correct.',
      validation: (rule) => rule.custom((value) => validateNotInFuture(value)),
    }),
    sourcesField({
      group: 'sources',
      description:
        'Announcements and reports this article relies on. Status updates should have at least one.',
    }),
    defineField({
      name: 'faq',
      title: 'FAQ',
      type: 'array',
      group: 'sources',
      description: 'Questions readers ask (shown at the end and marked up for search engines).',
      of: [defineArrayMember({ type: 'faqItem' })],
    }),
    defineField({
      name: 'seo',
      title: 'SEO',
      type: 'seo',
      group: 'seo',
    }),
    defineField({ ...isSampleField(), group: 'meta' }),
  ],
  validation: (rule) => rule.custom((doc) => validateArticleHasStatusSource(doc as never)).warning(),
  orderings: [
    {
      title: 'Publish date, newest first',
      name: 'publishedDesc',
      by: [{ field: 'publishedAt', direction: 'desc' }],
    },
    {
      title: 'Publish date, oldest first',
      name: 'publishedAsc',
      by: [{ field: 'publishedAt', direction: 'asc' }],
    },
    { title: 'Headline A–Z', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: {
    select: {
      title: 'title',
      showTitle: 'show.title',
      publishedAt: 'publishedAt',
      kind: 'kind',
      isSample: 'isSample',
      media: 'show.keyArt',
    },
    prepare: (selection) => prepareArticlePreview(selection),
  },
})

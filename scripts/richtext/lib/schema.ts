import type { Options as Schema } from 'rehype-sanitize'
import { defaultSchema } from 'rehype-sanitize'
import { STATUSES } from './block-status-callout.ts'

const headingAttributes = ['id']

/**
 * The sanitize schema: exactly what the Portable Text renderer and the Markdown path (remark-rehype,
 * CommonMark only) emit. It starts from rehype-sanitize's `defaultSchema` (GitHub's rules: `strip` of
 * `script`, table `ancestors`) and replaces the allow-lists:
 * - `tagNames`/`attributes`: only our elements, classes (as allow-listed values) and `data-*` values; no
 *   global (`*`) attributes at all;
 * - `protocols`: `href` http/https/mailto/tel, `src`/`srcSet` http/https (the renderer has refused others
 *   already — this is the second layer);
 * - `clobber: []`: ids are only allowed on headings, where the heading-id plugin puts deliberate slugs;
 *   they stay unprefixed so `#slug` links and the TOC work (see README, "Heading ids").
 */
export const richTextSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  required: {},
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
  },
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'u',
    'del',
    'a',
    'br',
    'figure',
    'figcaption',
    'img',
    'small',
    'section',
    'aside',
    'span',
    'time',
    'nav',
    'pre',
    'hr',
  ],
  attributes: {
    a: [
      'href',
      'title',
      ['target', '_blank'],
      ['rel', 'noopener', 'noreferrer'],
      ['className', 'status-callout__show'],
    ],
    h1: headingAttributes,
    h2: headingAttributes,
    h3: [...headingAttributes, ['className', 'cast-list__title']],
    h4: headingAttributes,
    h5: headingAttributes,
    h6: headingAttributes,
    ul: [['className', 'cast-list']],
    ol: ['start'],
    li: [
      ['className', 'list-gap'],
      ['dataBilling', 'main', 'recurring', 'guest'],
    ],
    img: [
      'src',
      'srcSet',
      'sizes',
      'width',
      'height',
      'alt',
      'title',
      ['loading', 'lazy'],
      ['decoding', 'async'],
    ],
    figure: [['className', 'image-figure', 'pull-quote']],
    figcaption: [['className', 'pull-quote__attribution']],
    small: [['className', 'image-figure__credit']],
    section: [['className', 'cast-list-block']],
    aside: [
      ['className', 'status-callout'],
      ['dataStatus', ...STATUSES],
    ],
    p: [['className', 'status-callout__status', 'status-callout__meta', 'status-callout__note']],
    span: [
      ['className', 'status-callout__show', 'status-callout__confidence'],
      ['dataConfidence', 'official', 'reported', 'speculative'],
    ],
    strong: [['className', 'status-callout__label']],
    time: [['dateTime', /^\d{4}-\d{2}-\d{2}$/]],
    code: [['className', /^language-[\w+#.-]+$/]],
    nav: [['className', 'toc'], 'ariaLabel'],
  },
}

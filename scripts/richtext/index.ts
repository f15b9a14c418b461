/**
 * Reel Status rich text: Portable Text and Markdown → sanitised HTML through one unified pipeline.
 * See /tmp/readme-richtext.md (README section "Rich text") for the output contract.
 */
export { DEFAULT_IMAGE_SIZES, DEFAULT_IMAGE_WIDTHS } from './lib/block-image.ts'
export { CONFIDENCE_LABELS, formatDate, STATUSES } from './lib/block-status-callout.ts'
export { MAX_LIST_LEVEL } from './lib/lists.ts'
export { MAX_MARKS_PER_SPAN } from './lib/marks.ts'
export {
  countWords,
  DEFAULT_EXCERPT_LENGTH,
  readingMinutes,
  treeText,
  WORDS_PER_MINUTE,
} from './lib/plain-text.ts'
export { portableTextToHast } from './lib/portable-text.ts'
export { markdownProcessor, portableTextProcessor, rehypeRichTextTail } from './lib/processor.ts'
export { rehypeHeadingIds } from './lib/rehype-heading-ids.ts'
export { rehypeToc } from './lib/rehype-toc.ts'
export { rehypeTypography } from './lib/rehype-typography.ts'
export { MAX_MARKDOWN_DEPTH } from './lib/remark-guard.ts'
export {
  MAX_MARKDOWN_LENGTH,
  markdownToHtml,
  portableTextToHtml,
  renderMarkdown,
  renderPortableText,
} from './lib/render.ts'
export { richTextSchema } from './lib/schema.ts'
export type {
  ImageUrlFunction,
  RenderedRichText,
  ResolvedCastCredit,
  ResolvedReference,
  ResolvedStatus,
  RichTextOptions,
  RichTextWarning,
  RichTextWarningCode,
  SanityImageUrlConfig,
  ShowStatus,
  StatusConfidence,
  TocEntry,
  TocOptions,
} from './lib/types.ts'
export { checkUrl, isExternal } from './lib/url.ts'

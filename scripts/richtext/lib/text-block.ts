import type { Element, ElementContent } from 'hast'
import { quote } from './context.ts'
import { type Rec, str } from './guards.ts'
import { el } from './hast.ts'
import { type InlineContext, renderInline } from './marks.ts'

/** Block styles and their elements (the to-html defaults). */
const STYLES: ReadonlyMap<string, string> = new Map([
  ['normal', 'p'],
  ['h1', 'h1'],
  ['h2', 'h2'],
  ['h3', 'h3'],
  ['h4', 'h4'],
  ['h5', 'h5'],
  ['h6', 'h6'],
  ['blockquote', 'blockquote'],
])

/**
 * Element for a block's `style`: `p`, `h1`–`h6` or `blockquote`; an unknown style renders as `p` and warns.
 * @param block A text block.
 * @param ctx Inline context (warnings).
 */
export function styleTag(block: Rec, ctx: InlineContext): string {
  const style = str(block, 'style') ?? 'normal'
  const tag = STYLES.get(style)
  if (tag !== undefined) return tag
  ctx.warn('unknown-block-style', `Unknown block style ${quote(style)} rendered as a paragraph`)
  return 'p'
}

/**
 * Renders a non-list text block. Returns `undefined` for a block without visible text (empty, or only
 * whitespace/line breaks) — to-html would print an empty `<p></p>`.
 * @param block A text block.
 * @param ctx Inline context.
 */
export function renderTextBlock(block: Rec, ctx: InlineContext): Element | undefined {
  const tag = styleTag(block, ctx)
  const { nodes, hasText } = renderInline(block, ctx)
  return hasText ? el(tag, {}, nodes) : undefined
}

/**
 * Renders the content of a list item: inline content directly for `normal`, else wrapped in the style's
 * element (`<li><h3>…</h3></li>`, as to-html). Empty items are kept (they carry nested lists).
 * @param block A list item block.
 * @param ctx Inline context.
 */
export function renderListItemContent(block: Rec, ctx: InlineContext): ElementContent[] {
  const tag = styleTag(block, ctx)
  const { nodes } = renderInline(block, ctx)
  return tag === 'p' ? nodes : [el(tag, {}, nodes)]
}

import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { RenderContext } from './context.ts'
import { type Rec, str, text } from './guards.ts'
import { pushLines } from './hast.ts'

/**
 * Renders a `pullQuote` block: `<figure class="pull-quote"><blockquote><p>text</p></blockquote>` plus
 * `<figcaption class="pull-quote__attribution">` when attributed. `\n` in the text → `<br>`.
 * An empty quote renders nothing and warns.
 * @param block The `pullQuote` block.
 * @param ctx Render context.
 */
export function renderPullQuote(block: Rec, ctx: RenderContext): Element | undefined {
  const raw = str(block, 'text')
  if (raw === undefined || raw.trim() === '') {
    ctx.warn('empty-pull-quote', 'Pull quote without text skipped')
    return undefined
  }
  const lines: ElementContent[] = []
  pushLines(lines, raw.trim())
  const children: ElementContent[] = [h('blockquote', [h('p', lines)])]
  const attribution = text(block, 'attribution')
  if (attribution !== undefined) children.push(h('figcaption.pull-quote__attribution', attribution))
  return h('figure.pull-quote', children)
}

import type { Element, Root, RootContent } from 'hast'
import { renderCastList } from './block-cast-list.ts'
import { renderImage } from './block-image.ts'
import { renderPullQuote } from './block-pull-quote.ts'
import { renderStatusCallout } from './block-status-callout.ts'
import { quote } from './context.ts'
import { arr, isRecord, type Rec, str } from './guards.ts'
import { el, pushLines } from './hast.ts'
import { ListBuilder } from './lists.ts'
import type { InlineContext } from './marks.ts'
import { renderTextBlock } from './text-block.ts'

/**
 * Normalises the `blocks` argument: an array as is, a single block object as `[block]`, anything else `[]`.
 * @param blocks Untrusted value (a GROQ result).
 */
export function blockArray(blocks: unknown): readonly unknown[] {
  if (Array.isArray(blocks)) return blocks
  if (isRecord(blocks)) return [blocks]
  return []
}

/**
 * Builds the (unsanitised) hast tree of a Portable Text array. Never throws on odd input: invalid items,
 * unknown types and unknown marks are rendered as text (or nothing) with a warning.
 * @param blocks Untrusted Portable Text (array of blocks, or one block).
 * @param ctx Inline context; `ctx.blockKey` is set while each block renders.
 */
export function portableTextToHast(blocks: unknown, ctx: InlineContext): Root {
  const children: RootContent[] = []
  const lists = new ListBuilder(children, ctx)
  const items = blockArray(blocks)
  for (let index = 0; index < items.length; index++) {
    const block = items[index]
    if (!isRecord(block)) {
      ctx.blockKey = undefined
      if (block !== null && block !== undefined) {
        ctx.warn('invalid-block', `Item ${index} is not a block object (${typeof block}); skipped`)
      }
      lists.close()
      continue
    }
    ctx.blockKey = str(block, '_key')
    const type = str(block, '_type')
    if (type === 'block' || (type === undefined && Array.isArray(block.children))) {
      const listItem = str(block, 'listItem')
      if (listItem) {
        lists.add(block, listItem)
        continue
      }
      lists.close()
      const node = renderTextBlock(block, ctx)
      if (node) children.push(node)
      continue
    }
    lists.close()
    const node = renderCustomBlock(type, block, ctx)
    if (node) children.push(node)
  }
  ctx.blockKey = undefined
  return { type: 'root', children }
}

function renderCustomBlock(type: string | undefined, block: Rec, ctx: InlineContext): Element | undefined {
  switch (type) {
    case 'image':
      return renderImage(block, ctx)
    case 'castList':
      return renderCastList(block, ctx)
    case 'statusCallout':
      return renderStatusCallout(block, ctx)
    case 'pullQuote':
      return renderPullQuote(block, ctx)
    default:
      return renderUnknown(type, block, ctx)
  }
}

/** Unknown block type: its text (span texts, or a `text` field) as a plain paragraph, else nothing. */
function renderUnknown(type: string | undefined, block: Rec, ctx: InlineContext): Element | undefined {
  let value = ''
  const spans = arr(block, 'children')
  if (spans) {
    for (const span of spans) if (isRecord(span)) value += str(span, 'text') ?? ''
  } else {
    value = str(block, 'text') ?? ''
  }
  value = value.trim()
  const what = value ? 'rendered as plain text' : 'skipped'
  ctx.warn('unknown-block-type', `Unknown block type ${quote(type ?? '(none)')} ${what}`)
  if (!value) return undefined
  const node = el('p', {}, [])
  pushLines(node.children, value)
  return node
}

import type { ElementContent, Properties } from 'hast'
import { quote, type RenderContext } from './context.ts'
import { isRecord, type Rec, refAt, str } from './guards.ts'
import { el, pushLines } from './hast.ts'
import { checkUrl, isExternal } from './url.ts'

/** Decorator → element. `underline` → `<u>` (to-html: a `style` attribute, which we never emit). */
const DECORATORS: ReadonlyMap<string, string> = new Map([
  ['strong', 'strong'],
  ['em', 'em'],
  ['code', 'code'],
  ['underline', 'u'],
  ['strike-through', 'del'],
])
/** Preferred nesting order of decorators (outermost first), as in @portabletext/toolkit. */
const DECORATOR_RANK: ReadonlyMap<string, number> = new Map([
  ['strong', 0],
  ['em', 1],
  ['code', 2],
  ['underline', 3],
  ['strike-through', 4],
])
/** More distinct marks than this on one span is hostile input; the rest are ignored. */
export const MAX_MARKS_PER_SPAN = 16

/** Inline rendering state: the render context plus the normalised site host. */
export interface InlineContext extends RenderContext {
  siteHost: string | undefined
}

interface Frame {
  key: string
  /** Children array this mark's content goes into (the parent's own array for "transparent" marks). */
  children: ElementContent[]
  link: boolean
}

interface Item {
  text: string
  marks: string[]
}

const NO_MARKS: string[] = []
const NON_SPACE = /\S/

/**
 * Renders a text block's `children` to hast inline content: marks become nested elements, ordered like
 * @portabletext/toolkit's `buildMarksTree` (marks shared by the longest run of following spans outermost,
 * then annotations, then decorators in a fixed order), so an annotation spanning several spans becomes one
 * element. Unknown/missing marks keep their text and warn.
 * @param block A text block record.
 * @param ctx Inline context.
 * @returns The inline nodes and whether any non-whitespace text was emitted.
 */
export function renderInline(block: Rec, ctx: InlineContext): { nodes: ElementContent[]; hasText: boolean } {
  const root: ElementContent[] = []
  const raw = Object.hasOwn(block, 'children') ? block.children : undefined
  if (!Array.isArray(raw) || raw.length === 0) return { nodes: root, hasText: false }
  const items = readItems(raw, ctx)
  let hasText = false
  if (!items.some((item) => item.marks.length)) {
    // No marks at all (headings, most list items): just the text.
    for (const item of items) {
      if (item.text === '') continue
      pushLines(root, item.text)
      if (!hasText && NON_SPACE.test(item.text)) hasText = true
    }
    return { nodes: root, hasText }
  }
  const markDefs = readMarkDefs(block)
  const occurrences = countOccurrences(items)
  const stack: Frame[] = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item
    const needed = sortMarks(item.marks, occurrences[i])
    // Keep the open marks this span still needs (from the outside in), close the others.
    let keep = 0
    while (keep < stack.length) {
      const at = needed.indexOf((stack[keep] as Frame).key)
      if (at < 0) break
      needed.splice(at, 1)
      keep++
    }
    if (keep < stack.length) stack.length = keep
    let target = stack.length ? (stack[stack.length - 1] as Frame).children : root
    for (const key of needed) {
      const frame = openMark(key, markDefs, target, stack, ctx)
      stack.push(frame)
      target = frame.children
    }
    if (item.text !== '') {
      pushLines(target, item.text)
      if (!hasText && NON_SPACE.test(item.text)) hasText = true
    }
  }
  return { nodes: root, hasText }
}

function readItems(raw: readonly unknown[], ctx: InlineContext): Item[] {
  const items: Item[] = []
  for (const child of raw) {
    if (!isRecord(child)) {
      if (child !== null && child !== undefined) ctx.warn('invalid-block', 'Non-object span ignored')
      continue
    }
    const type = str(child, '_type')
    if (type === 'span' || type === undefined) {
      const text = str(child, 'text')
      if (text === undefined) ctx.warn('invalid-block', 'Span without string text ignored')
      items.push({ text: text ?? '', marks: text === undefined ? NO_MARKS : readMarks(child, ctx) })
    } else {
      // Inline objects are not part of this content model: render nothing, close open marks (as toolkit).
      ctx.warn('unknown-inline-type', `Unknown inline object type ${quote(type)} skipped`)
      items.push({ text: '', marks: NO_MARKS })
    }
  }
  return items
}

function readMarks(span: Rec, ctx: InlineContext): string[] {
  const raw = Object.hasOwn(span, 'marks') ? span.marks : undefined
  if (!Array.isArray(raw) || raw.length === 0) return NO_MARKS
  if (raw.length <= 2 && wellFormed(raw)) return raw // the common case: used as is, never mutated
  const marks: string[] = []
  for (const m of raw) {
    if (typeof m !== 'string' || m === '' || marks.includes(m)) continue
    if (marks.length === MAX_MARKS_PER_SPAN) {
      ctx.warn('too-many-marks', `Span has more than ${MAX_MARKS_PER_SPAN} marks; the rest are ignored`)
      break
    }
    marks.push(m)
  }
  return marks
}

function wellFormed(raw: unknown[]): raw is string[] {
  const [a, b] = raw
  return (
    typeof a === 'string' && a !== '' && (raw.length === 1 || (typeof b === 'string' && b !== '' && b !== a))
  )
}

function readMarkDefs(block: Rec): Map<string, Rec> | undefined {
  const raw = Object.hasOwn(block, 'markDefs') ? block.markDefs : undefined
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  const defs = new Map<string, Rec>()
  for (const def of raw) {
    if (!isRecord(def)) continue
    const key = str(def, '_key')
    if (key !== undefined && !defs.has(key)) defs.set(key, def)
  }
  return defs
}

/** For each span and mark: how many consecutive spans from here on carry the mark (linear time). */
function countOccurrences(items: Item[]): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array(items.length)
  let next: Item | undefined
  let nextCounts: number[] | undefined
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as Item
    const marks = item.marks
    let counts: number[] | undefined
    if (marks.length) {
      counts = new Array(marks.length)
      for (let j = 0; j < marks.length; j++) {
        const at = next && nextCounts ? next.marks.indexOf(marks[j] as string) : -1
        counts[j] = at < 0 ? 1 : 1 + ((nextCounts as number[])[at] as number)
      }
    }
    out[i] = counts
    next = item
    nextCounts = counts
  }
  return out
}

/** Marks of a span, outermost first: longest run first, then annotations, then decorators in fixed order. */
function sortMarks(marks: string[], counts: number[] | undefined): string[] {
  // (the empty result is shared: nothing is ever spliced out of an empty array)
  if (marks.length === 0 || counts === undefined) return NO_MARKS
  if (marks.length === 1) return [marks[0] as string]
  const order = marks.map((_, i) => i)
  order.sort((ia, ib) => {
    const diff = (counts[ib] as number) - (counts[ia] as number)
    if (diff !== 0) return diff
    const a = marks[ia] as string
    const b = marks[ib] as string
    const ra = DECORATOR_RANK.get(a) ?? -1
    const rb = DECORATOR_RANK.get(b) ?? -1
    if (ra !== rb) return ra - rb
    return a < b ? -1 : a > b ? 1 : 0
  })
  return order.map((i) => marks[i] as string)
}

function openMark(
  key: string,
  markDefs: Map<string, Rec> | undefined,
  target: ElementContent[],
  stack: Frame[],
  ctx: InlineContext,
): Frame {
  const transparent: Frame = { key, children: target, link: false }
  const def = markDefs?.get(key)
  if (def === undefined) {
    const tag = DECORATORS.get(key)
    if (tag === undefined) {
      ctx.warn('missing-mark-def', `Mark ${quote(key)} is neither a decorator nor a markDef; text kept`)
      return transparent
    }
    const node = el(tag, {}, [])
    target.push(node)
    return { key, children: node.children, link: false }
  }
  const type = str(def, '_type')
  if (type !== 'link' && type !== 'internalLink') {
    ctx.warn('unknown-mark', `Unknown annotation type ${quote(type ?? '(none)')}; text kept`)
    return transparent
  }
  if (stack.some((f) => f.link)) {
    ctx.warn('nested-link', 'Link annotation inside another link; inner link dropped, text kept')
    return transparent
  }
  const properties = type === 'link' ? externalLink(def, ctx) : internalLink(def, ctx)
  if (properties === undefined) return transparent
  const node = el('a', properties, [])
  target.push(node)
  return { key, children: node.children, link: true }
}

function externalLink(def: Rec, ctx: InlineContext): Properties | undefined {
  const raw = str(def, 'href')
  if (raw === undefined || raw.trim() === '') {
    ctx.warn('missing-href', 'Link annotation without href; text kept')
    return undefined
  }
  return linkProperties(raw, def.blank === true, ctx)
}

function internalLink(def: Rec, ctx: InlineContext): Properties | undefined {
  const ref = refAt(def, 'reference')
  const resolve = ctx.options.resolveReference
  const resolved = ref !== undefined && typeof resolve === 'function' ? ctx.call(resolve, ref) : undefined
  if (ref === undefined || !isRecord(resolved) || typeof resolved.href !== 'string') {
    ctx.warn(
      'unresolved-reference',
      `Internal link to ${quote(ref ?? '(no reference)')} not resolved; text kept`,
    )
    return undefined
  }
  const properties = linkProperties(resolved.href, false, ctx)
  const title = typeof resolved.title === 'string' ? resolved.title.trim() : ''
  if (properties && title) properties.title = title
  return properties
}

/**
 * Properties of an `<a>` for a URL, or `undefined` (with a warning) when the URL is refused.
 * @param raw Untrusted URL.
 * @param blank Open in a new tab (`target="_blank"`, always with `rel="noopener noreferrer"`).
 * @param ctx Inline context (site host, warnings).
 */
export function linkProperties(raw: string, blank: boolean, ctx: InlineContext): Properties | undefined {
  const url = checkUrl(raw)
  if (url === undefined) {
    ctx.warn('unsafe-url', `Link URL ${quote(raw)} refused (only http, https, mailto, tel and relative URLs)`)
    return undefined
  }
  const properties: Properties = { href: url.href }
  if (blank) properties.target = '_blank'
  if (blank || isExternal(url, ctx.siteHost)) properties.rel = ['noopener', 'noreferrer']
  return properties
}

import type { Root, RootContent } from 'hast'
import { createContext } from './context.ts'
import { arr, isRecord, str } from './guards.ts'
import { el, pushLines } from './hast.ts'
import type { InlineContext } from './marks.ts'
import { countWords, excerptOf, readingMinutes, treeText } from './plain-text.ts'
import { blockArray, portableTextToHast } from './portable-text.ts'
import { markdownProcessor, portableTextProcessor } from './processor.ts'
import { tocEntries } from './rehype-toc.ts'
import type { RunState } from './run-state.ts'
import type { RenderedRichText, RichTextOptions } from './types.ts'
import { normaliseHost } from './url.ts'

/** Longer Markdown input is not parsed (hostile-input guard) but shown as plain paragraphs. */
export const MAX_MARKDOWN_LENGTH = 100_000

function inlineContext(options: RichTextOptions | undefined): InlineContext {
  const opts: RichTextOptions = isRecord(options) ? options : {}
  const ctx = createContext(opts) as InlineContext
  ctx.siteHost = normaliseHost(opts.siteHost)
  return ctx
}

/** Runs the frozen processor's transformers (tail incl. sanitize) on a hast tree. */
function runTail(tree: Root, ctx: InlineContext): { tree: Root; state: RunState } {
  const state: RunState = { ctx, headings: [] }
  const result = portableTextProcessor.runSync(tree, { data: { richtext: state } }) as Root
  return { tree: result, state }
}

function derive(tree: Root, html: string, state: RunState): RenderedRichText {
  const options = state.ctx.options
  const text = treeText(tree)
  const wordCount = countWords(text)
  const max = typeof options.excerptLength === 'number' ? options.excerptLength : undefined
  return {
    html,
    text,
    excerpt: excerptOf(tree, text, max),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    toc: tocEntries(state.headings, options),
  }
}

/**
 * Last resort when the renderer itself fails (a bug, or input beyond every guard): each text-ish value
 * as an escaped paragraph, so the build goes on. Errors thrown by the caller's callbacks are re-thrown.
 */
function fallback(ctx: InlineContext, error: unknown, paragraphs: string[]): { tree: Root; state: RunState } {
  if (ctx.callbackError) throw ctx.callbackError.error
  ctx.blockKey = undefined
  ctx.warn('render-failed', `Rendering failed (${String(error).slice(0, 200)}); plain text used`)
  return { tree: textTree(paragraphs), state: { ctx, headings: [] } }
}

function textTree(paragraphs: string[]): Root {
  const children: RootContent[] = []
  for (const p of paragraphs) {
    const value = p.trim()
    if (!value) continue
    const node = el('p', {}, [])
    pushLines(node.children, value)
    children.push(node)
  }
  return { type: 'root', children }
}

function blockTexts(blocks: unknown): string[] {
  const out: string[] = []
  for (const block of blockArray(blocks)) {
    if (!isRecord(block)) continue
    let value = str(block, 'text') ?? ''
    for (const span of arr(block, 'children') ?? []) if (isRecord(span)) value += str(span, 'text') ?? ''
    out.push(value)
  }
  return out
}

function renderTree(blocks: unknown, ctx: InlineContext): { tree: Root; state: RunState } {
  try {
    return runTail(portableTextToHast(blocks, ctx), ctx)
  } catch (error) {
    return fallback(ctx, error, blockTexts(blocks))
  }
}

/**
 * Renders Portable Text (an `article.body`, `richText` field, …) to sanitised HTML.
 * @param blocks The field's value as GROQ returned it (array of blocks; anything else renders as empty).
 * @param options Resolvers, image config, warnings sink, heading/TOC/typography switches.
 * @returns HTML string (no wrapper element).
 */
export function portableTextToHtml(blocks: unknown, options?: RichTextOptions): string {
  const ctx = inlineContext(options)
  const { tree } = renderTree(blocks, ctx)
  return portableTextProcessor.stringify(tree)
}

/**
 * Renders Portable Text and derives, from the same sanitised tree, the plain text, excerpt, word count,
 * reading time and table of contents.
 * @param blocks The field's value as GROQ returned it.
 * @param options See {@link RichTextOptions}; `excerptLength` sets the excerpt's maximum length.
 */
export function renderPortableText(blocks: unknown, options?: RichTextOptions): RenderedRichText {
  const ctx = inlineContext(options)
  const { tree, state } = renderTree(blocks, ctx)
  return derive(tree, portableTextProcessor.stringify(tree), state)
}

function markdownTree(markdown: unknown, ctx: InlineContext): { tree: Root; state: RunState } {
  const source = typeof markdown === 'string' ? markdown : ''
  if (source.length > MAX_MARKDOWN_LENGTH) {
    ctx.warn(
      'markdown-too-long',
      `Markdown longer than ${MAX_MARKDOWN_LENGTH} characters shown as plain text`,
    )
    return runTail(textTree(source.split(/\n\s*\n/)), ctx)
  }
  try {
    const state: RunState = { ctx, headings: [] }
    const file = { data: { richtext: state } }
    const mdast = markdownProcessor.parse(source)
    const tree = markdownProcessor.runSync(mdast, file) as Root
    return { tree, state }
  } catch (error) {
    return fallback(ctx, error, source.split(/\n\s*\n/))
  }
}

/**
 * Renders a Markdown field (e.g. an FAQ answer) through remark-parse → remark-rehype → the same
 * sanitize/stringify tail. Raw HTML in the Markdown is dropped (with a warning).
 * @param markdown Markdown source (non-strings render as empty).
 * @param options Same options as Portable Text (links, heading ids, `idPrefix`, typography, warnings).
 */
export function markdownToHtml(markdown: string, options?: RichTextOptions): string {
  const ctx = inlineContext(options)
  const { tree } = markdownTree(markdown, ctx)
  return markdownProcessor.stringify(tree)
}

/**
 * Like {@link markdownToHtml}, plus text, excerpt, word count, reading time and TOC from the same tree.
 * @param markdown Markdown source.
 * @param options See {@link RichTextOptions}.
 */
export function renderMarkdown(markdown: string, options?: RichTextOptions): RenderedRichText {
  const ctx = inlineContext(options)
  const { tree, state } = markdownTree(markdown, ctx)
  return derive(tree, markdownProcessor.stringify(tree), state)
}

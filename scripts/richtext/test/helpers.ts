import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import {
  markdownToHtml,
  portableTextToHtml,
  type RichTextOptions,
  type RichTextWarning,
  renderMarkdown,
  renderPortableText,
} from '../index.ts'
import { createContext } from '../lib/context.ts'
import type { InlineContext } from '../lib/marks.ts'
import { portableTextToHast } from '../lib/portable-text.ts'
import { markdownProcessor, portableTextProcessor } from '../lib/processor.ts'
import { toHtmlFast } from '../lib/to-html.ts'
import { normaliseHost } from '../lib/url.ts'

let keys = 0
/** A fresh `_key` (keys must never show up in the output; tests check they do not). */
export const key = (): string => `key${++keys}x`

/** A span. */
export function span(text: string, marks: string[] = []) {
  return { _type: 'span', _key: key(), text, marks }
}

interface BlockInit {
  style?: string
  markDefs?: object[]
  listItem?: string
  level?: number
  _key?: string
}

/** A text block from spans (strings become unmarked spans). */
export function block(children: (string | object)[], init: BlockInit = {}) {
  return {
    _type: 'block',
    _key: init._key ?? key(),
    style: init.style ?? 'normal',
    markDefs: init.markDefs ?? [],
    children: children.map((c) => (typeof c === 'string' ? span(c) : c)),
    ...(init.listItem ? { listItem: init.listItem, level: init.level ?? 1 } : {}),
  }
}

/** A list item block. */
export function item(text: string, listItem = 'bullet', level = 1, style = 'normal') {
  return block([text], { listItem, level, style })
}

/** Options plus a warnings array the render fills. */
export function withWarnings(options: RichTextOptions = {}): {
  options: RichTextOptions
  warnings: RichTextWarning[]
} {
  const warnings: RichTextWarning[] = []
  return { options: { ...options, onWarning: (w) => warnings.push(w) }, warnings }
}

/** The sanitised tree the public functions serialise (for the serializer differential check). */
function sanitisedTree(blocks: unknown, options: RichTextOptions): Root {
  const ctx = createContext({ ...options, onWarning: () => {} }) as InlineContext
  ctx.siteHost = normaliseHost(options.siteHost)
  return portableTextProcessor.runSync(portableTextToHast(blocks, ctx), {
    data: { richtext: { ctx, headings: [] } },
  }) as Root
}

/**
 * Renders Portable Text with warnings captured; also asserts that `portableTextToHtml` and
 * `renderPortableText` agree and that the fast serializer equals hast-util-to-html on the same tree.
 */
export function renderPt(blocks: unknown, options: RichTextOptions = {}) {
  const { options: opts, warnings } = withWarnings(options)
  const html = portableTextToHtml(blocks, opts)
  const seen = warnings.length
  const rendered = renderPortableText(blocks, { ...opts, onWarning: () => {} })
  expect(rendered.html).toBe(html)
  const tree = sanitisedTree(blocks, options)
  expect(toHtmlFast(tree)).toBe(toHtml(tree))
  expect(warnings.length).toBe(seen)
  return { html, warnings, codes: warnings.map((w) => w.code), rendered }
}

/** Renders Markdown with warnings captured; checks the fast serializer against hast-util-to-html. */
export function renderMd(markdown: string, options: RichTextOptions = {}) {
  const { options: opts, warnings } = withWarnings(options)
  const html = markdownToHtml(markdown, opts)
  const rendered = renderMarkdown(markdown, { ...opts, onWarning: () => {} })
  expect(rendered.html).toBe(html)
  if (markdown.length < 100_000) {
    const ctx = createContext({ ...options, onWarning: () => {} }) as InlineContext
    ctx.siteHost = normaliseHost(options.siteHost)
    const tree = markdownProcessor.runSync(markdownProcessor.parse(markdown), {
      data: { richtext: { ctx, headings: [] } },
    }) as Root
    expect(toHtmlFast(tree)).toBe(toHtml(tree))
  }
  return { html, warnings, codes: warnings.map((w) => w.code), rendered }
}

/** One row of a table-driven rendering test: Portable Text in, exact HTML and warning codes out. */
export interface Case {
  name: string
  blocks: unknown
  html: string
  warnings?: string[]
  options?: RichTextOptions
}

/**
 * Runs case tables, one `describe` per group, asserting each case's exact HTML and warning codes.
 *
 * @param groups case tables by group name
 */
export function describeCases(groups: Record<string, Case[]>): void {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const { html, codes } = renderPt(c.blocks, c.options)
        expect(html).toBe(c.html)
        expect(codes).toEqual(c.warnings ?? [])
      })
    })
  }
}

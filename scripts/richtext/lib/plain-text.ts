import type { Element, Root, RootContent } from 'hast'

/** Reading speed used for `readingMinutes`. */
export const WORDS_PER_MINUTE = 230
/** Default maximum excerpt length (typical meta description). */
export const DEFAULT_EXCERPT_LENGTH = 160

/** Elements separated from their neighbours by a blank line in the plain text. */
const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'aside',
  'section',
  'ul',
  'ol',
  'pre',
  'hr',
])
/** Not part of the body's text: the table of contents repeats the headings. */
const SKIP: ReadonlySet<string> = new Set(['nav', 'img'])

const CONTROL_WHITESPACE = /[\t\n\r\f\v]/
const CONTROL_WHITESPACE_ALL = /[\t\n\r\f\v]/g

class TextCollector {
  private readonly parts: string[] = []
  private pending = ''

  /**
   * @param value Text node value.
   * @param preserve Keep whitespace as is (inside `pre`).
   */
  add(value: string, preserve: boolean): void {
    let v = value
    if (!preserve && CONTROL_WHITESPACE.test(v)) v = v.replace(CONTROL_WHITESPACE_ALL, ' ')
    if (this.pending !== '' || this.parts.length === 0) {
      // Start of a block: leading spaces and whitespace-only nodes (Markdown's "\n" between blocks) go.
      if (!preserve) v = v.trimStart()
      if (v === '') return
      if (this.parts.length) {
        const last = this.parts.length - 1
        this.parts[last] = (this.parts[last] as string).trimEnd()
        this.parts.push(this.pending)
      }
      this.pending = ''
    } else if (v === '') {
      return
    }
    this.parts.push(v)
  }

  /** Requests a line break (`\n`) or blank line (`\n\n`) before the next text. */
  separate(separator: string): void {
    if (separator.length > this.pending.length) this.pending = separator
  }

  toString(): string {
    const text = this.parts.join('').trimEnd()
    return text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text
  }
}

function collect(nodes: readonly RootContent[], out: TextCollector, pre: boolean, inItem: boolean): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.add(node.value, pre)
    } else if (node.type === 'element') {
      collectElement(node, out, pre, inItem)
    }
  }
}

function collectElement(node: Element, out: TextCollector, pre: boolean, inItem: boolean): void {
  const name = node.tagName
  if (SKIP.has(name)) return
  if (name === 'br') {
    out.separate('\n')
    return
  }
  // List items, and everything inside one, are separated by single newlines.
  const item = inItem || name === 'li'
  const separator = item ? (name === 'li' || BLOCKS.has(name) ? '\n' : '') : BLOCKS.has(name) ? '\n\n' : ''
  if (separator) out.separate(separator)
  collect(node.children, out, pre || name === 'pre', item)
  if (separator) out.separate(separator)
}

/**
 * Plain text of a (sanitised) tree: blocks separated by blank lines, list items and `<br>` by newlines,
 * other whitespace collapsed; the TOC `<nav>` and images are left out.
 * @param tree The hast root.
 */
export function treeText(tree: Root | Element): string {
  const out = new TextCollector()
  collect(tree.children, out, false, false)
  return out.toString()
}

/** ASCII classes for {@link countWords}: 1 letter/digit, 2 joiner (`'` `.` `-`), 0 other. */
const ASCII_CLASS = new Uint8Array(128)
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 1
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1
ASCII_CLASS[39] = 2
ASCII_CLASS[45] = 2
ASCII_CLASS[46] = 2
const WORD_CHAR = /^[\p{L}\p{N}]/u

/** 1 letter/digit, 2 joiner, 3 low surrogate (judged with its high half), 0 other. */
function charClass(text: string, i: number, c: number): number {
  if (c < 128) return ASCII_CLASS[c] as number
  if (c === 0x2019) return 2
  if (c >= 0xdc00 && c <= 0xdfff) return 3
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) as number)) ? 1 : 0
}

/**
 * Counts words: runs of letters/digits (any script), joined by inner apostrophes, hyphens or dots
 * (`don't`, `co-star`, `U.S` count once). A table-driven loop: ~1.5× faster than the equivalent regex.
 * @param text Plain text.
 */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  const length = text.length
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    const k = c < 128 ? (ASCII_CLASS[c] as number) : charClass(text, i, c)
    if (k === 1) {
      if (!inWord) count++
      inWord = true
    } else if (k === 3) {
      // keep the state of the high surrogate
    } else if (k === 2 && inWord && i + 1 < length) {
      inWord = charClass(text, i + 1, text.charCodeAt(i + 1)) === 1
    } else {
      inWord = false
    }
  }
  return count
}

/**
 * Reading time in whole minutes (rounded up); 0 for no words.
 * @param words Word count.
 */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.ceil(words / WORDS_PER_MINUTE)
}

/**
 * Excerpt for meta descriptions and feeds: the text of the top-level paragraphs (or, without any, of the
 * whole body), whitespace collapsed, cut at a word boundary to at most `max` characters including the `…`.
 * @param tree The sanitised hast root.
 * @param fallback Whole-body text, used when there is no top-level paragraph.
 * @param max Maximum length (default 160).
 */
export function excerptOf(tree: Root, fallback: string, max = DEFAULT_EXCERPT_LENGTH): string {
  const limit = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_EXCERPT_LENGTH
  let source = ''
  for (const node of tree.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue
    const t = treeText(node)
    if (t === '') continue
    source = source ? `${source} ${t}` : t
    if (source.length > limit) break
  }
  if (source === '') source = fallback
  source = source.replace(/\s+/g, ' ').trim()
  return truncate(source, limit)
}

function truncate(value: string, max: number): string {
  if (value.length <= max) return value
  let cut = value.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  if (space >= Math.floor(max * 0.6)) cut = cut.slice(0, space)
  // Do not end on a lone surrogate half or trailing punctuation before the ellipsis.
  cut = cut.replace(/[\uD800-\uDBFF]$/, '').replace(/[\s,;:.!?\-–—(“‘"']+$/u, '')
  return `${cut}…`
}

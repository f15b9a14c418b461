import type { Element, ElementContent, Root } from 'hast'
import { type FileLike, runState } from './run-state.ts'

/** Elements whose text is left alone. */
const VERBATIM: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style'])
/** Elements that start a new run of text (quote context resets). */
const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'aside',
  'section',
  'figure',
  'ul',
  'ol',
  'nav',
  'td',
  'th',
])
const OPENERS = /[\s([{\u2018\u201c\u2013\u2014/-]/u
const QUOTES = /["']/

/**
 * rehype plugin: straight quotes → typographic ones (“ ” ‘ ’), apostrophes → ’, across inline element
 * boundaries, never inside code/pre/kbd/samp. Runs only when the call asked for `typographicQuotes`
 * (or always when used outside the renderer).
 */
export function rehypeTypography() {
  return (tree: Root, file?: FileLike): undefined => {
    const state = runState(file)
    if (state && state.ctx.options.typographicQuotes !== true) return
    smarten(tree.children, { prev: '' })
  }
}

interface Cursor {
  prev: string
}

function smarten(children: readonly (ElementContent | Root['children'][number])[], cur: Cursor): void {
  for (const node of children) {
    if (node.type === 'text') {
      if (QUOTES.test(node.value)) node.value = convert(node.value, cur)
      else if (node.value) cur.prev = node.value.charAt(node.value.length - 1)
    } else if (node.type === 'element') {
      element(node, cur)
    }
  }
}

function element(node: Element, cur: Cursor): void {
  const name = node.tagName
  if (name === 'br') {
    cur.prev = '\n'
    return
  }
  if (VERBATIM.has(name)) {
    cur.prev = 'x' // code counts as a word: `foo`'s → ’
    return
  }
  const block = BLOCKS.has(name)
  if (block) cur.prev = ''
  smarten(node.children, cur)
  if (block) cur.prev = ''
}

function convert(value: string, cur: Cursor): string {
  let out = ''
  let prev = cur.prev
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i)
    let next = ch
    if (ch === '"' || ch === "'") {
      // Opening after nothing, whitespace, an opening bracket/quote or a dash; closing after anything else.
      const opening = prev === '' || OPENERS.test(prev)
      if (ch === '"') next = opening ? '\u201c' : '\u201d'
      else if (!opening) next = '\u2019'
      else
        next =
          /\d/.test(value.charAt(i + 1)) && /\d\ds?\b/.test(value.slice(i + 1, i + 4)) ? '\u2019' : '\u2018'
    }
    out += next
    prev = next
  }
  cur.prev = prev
  return out
}

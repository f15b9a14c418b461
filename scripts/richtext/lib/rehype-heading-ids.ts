import GithubSlugger, { slug } from 'github-slugger'
import type { Element, Root, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import { type FileLike, runState } from './run-state.ts'

/** Phrasing elements: headings are never inside them, so the walk does not descend. */
const PHRASING: ReadonlySet<string> = new Set([
  'p',
  'a',
  'strong',
  'em',
  'code',
  'u',
  'del',
  'span',
  'small',
  'time',
  'pre',
  'img',
  'br',
])
const RANKS: ReadonlyMap<string, number> = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
])

/**
 * Heading rank of an element (`h1` → 1 … `h6` → 6), else `undefined`.
 * @param node Any element.
 */
export function headingRank(node: Element): number | undefined {
  return RANKS.get(node.tagName)
}

/**
 * rehype plugin: gives every heading an `id` slug from its text (github-slugger: lower-case, punctuation
 * removed, spaces → `-`, `-1`, `-2`… for repeats within one call), prefixed with `idPrefix` when given, and
 * records `{id, text, depth}` in the run state for the TOC. Headings without slug-able text get no id.
 * Skipped when the call passes `headingIds: false`.
 */
export function rehypeHeadingIds() {
  return (tree: Root, file?: FileLike): undefined => {
    const state = runState(file)
    const options = state?.ctx.options
    if (options?.headingIds === false) return
    const prefix = typeof options?.idPrefix === 'string' ? slug(options.idPrefix) : ''
    const slugger = new GithubSlugger()
    const visit = (children: RootContent[]): void => {
      for (const node of children) {
        if (node.type !== 'element') continue
        const depth = RANKS.get(node.tagName)
        if (depth === undefined) {
          if (node.children.length && !PHRASING.has(node.tagName)) visit(node.children)
          continue
        }
        const text = hastToString(node).replace(/\s+/g, ' ').trim()
        const id = text === '' ? '' : slugger.slug(text)
        if (id === '') continue
        node.properties.id = prefix + id
        state?.headings.push({ id: prefix + id, text, depth })
      }
    }
    visit(tree.children)
  }
}

import type { Element, ElementContent, Root, RootContent } from 'hast'
import { quote } from './context.ts'
import { linkProperties } from './marks.ts'
import { type FileLike, runState } from './run-state.ts'
import { checkUrl } from './url.ts'

/**
 * rehype plugin for the Markdown path: applies the Portable Text link policy to `<a>` and `<img>` from
 * Markdown. A refused `href` unwraps the link (its text stays) and a refused `src` drops the image, each
 * with an `unsafe-url` warning (rehype-sanitize alone would leave an empty `<a>`); links to other hosts get
 * `rel="noopener noreferrer"`; images get `loading="lazy"`.
 */
export function rehypeMarkdownLinks() {
  return (tree: Root, file?: FileLike): undefined => {
    const ctx = runState(file)?.ctx
    if (!ctx) return
    const visit = (children: (RootContent | ElementContent)[]): void => {
      for (let i = 0; i < children.length; i++) {
        const node = children[i]
        if (node?.type !== 'element') continue
        if (node.children.length) visit(node.children)
        const replacement = fix(node)
        if (Array.isArray(replacement)) {
          children.splice(i, 1, ...replacement)
          i += replacement.length - 1
        }
      }
    }
    const fix = (node: Element): Element | ElementContent[] => {
      if (node.tagName === 'a') {
        const href = node.properties.href
        const properties = typeof href === 'string' ? linkProperties(href, false, ctx) : undefined
        if (properties === undefined) return node.children
        const title = node.properties.title
        if (typeof title === 'string' && title) properties.title = title
        node.properties = properties
      } else if (node.tagName === 'img') {
        const src = node.properties.src
        const url = checkUrl(src, true)
        if (url === undefined) {
          ctx.warn('unsafe-url', `Image URL ${quote(String(src ?? ''))} refused; image dropped`)
          return []
        }
        node.properties = { ...node.properties, src: url.href, loading: 'lazy' }
      }
      return node
    }
    visit(tree.children)
  }
}

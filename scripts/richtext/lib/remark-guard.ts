import type { RenderContext } from './context.ts'
import { type FileLike, runState } from './run-state.ts'

/** Deepest Markdown nesting kept; deeper content is flattened to plain text (stack-depth guard). */
export const MAX_MARKDOWN_DEPTH = 32

interface MdNode {
  type: string
  value?: string
  children?: MdNode[]
}

const PHRASING_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
])

/**
 * remark plugin (right after remark-parse): removes raw HTML nodes (with a `raw-html-dropped` warning —
 * remark-rehype would drop them silently) and flattens content nested deeper than
 * {@link MAX_MARKDOWN_DEPTH} into plain text (`markdown-too-deep`), so the recursive hast utilities further
 * down never overflow the stack. Iterative, so it is itself safe on any depth.
 */
export function remarkGuard() {
  return (tree: MdNode, file?: FileLike): undefined => {
    const ctx = runState(file)?.ctx
    const stack: [MdNode, number][] = [[tree, 0]]
    let dropped = false
    let flattened = false
    while (stack.length) {
      const [node, depth] = stack.pop() as [MdNode, number]
      const children = node.children
      if (!children) continue
      if (children.some((c) => c.type === 'html')) {
        node.children = children.filter((c) => c.type !== 'html')
        dropped = true
      }
      const kids = node.children as MdNode[]
      if (depth >= MAX_MARKDOWN_DEPTH && kids.some((c) => c.children !== undefined)) {
        node.children = flatten(node)
        flattened = true
        continue
      }
      for (const child of kids) stack.push([child, depth + 1])
    }
    if (dropped) warn(ctx, 'raw-html-dropped', 'Raw HTML in Markdown dropped')
    if (flattened) {
      warn(
        ctx,
        'markdown-too-deep',
        `Markdown nested deeper than ${MAX_MARKDOWN_DEPTH} levels flattened to text`,
      )
    }
  }
}

function warn(
  ctx: RenderContext | undefined,
  code: 'raw-html-dropped' | 'markdown-too-deep',
  message: string,
) {
  ctx?.warn(code, message)
}

function flatten(node: MdNode): MdNode[] {
  const value = plainText(node)
  const text: MdNode = { type: 'text', value }
  if (PHRASING_PARENTS.has(node.type)) return [text]
  const paragraph: MdNode = { type: 'paragraph', children: [text] }
  if (node.type === 'list') return [{ type: 'listItem', children: [paragraph] }]
  return [paragraph]
}

/** Text of a subtree, iteratively (mdast-util-to-string recurses). */
function plainText(node: MdNode): string {
  const parts: string[] = []
  const stack: MdNode[] = [node]
  while (stack.length) {
    const n = stack.pop() as MdNode
    if (typeof n.value === 'string' && n.type !== 'html') parts.push(n.value)
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as MdNode)
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

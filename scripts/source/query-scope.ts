import type { ExprNode } from 'groq-js'

/**
 * The document type a query is limited to: the query reads the dataset once (`*`), filtered directly
 * by a top-level `_type == "…"` condition. `undefined` when any other use of the dataset exists.
 */
export function singleTypeOf(tree: ExprNode): string | undefined {
  let everything = 0
  let type: string | undefined
  const visit = (node: unknown, parent: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent)
      return
    }
    const record = node as Record<string, unknown>
    if (record.type === 'Everything') {
      everything += 1
      const filter = parent as { type?: string; base?: unknown; expr?: unknown } | undefined
      if (filter?.type === 'Filter' && filter.base === node) type = typeCondition(filter.expr)
      return
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'type') visit(child, node)
  }
  visit(tree, undefined)
  return everything === 1 ? type : undefined
}

/** `_type == "x"` as the filter or one of its `&&` operands. */
function typeCondition(expr: unknown): string | undefined {
  const node = expr as { type?: string; op?: string; left?: unknown; right?: unknown } | undefined
  if (!node) return undefined
  if (node.type === 'And') return typeCondition(node.left) ?? typeCondition(node.right)
  if (node.type !== 'OpCall' || node.op !== '==') return undefined
  const isType = (side: unknown) => {
    const access = side as { type?: string; name?: string; base?: unknown }
    return access?.type === 'AccessAttribute' && access.name === '_type' && access.base === undefined
  }
  const literal = (side: unknown) => {
    const value = side as { type?: string; value?: unknown }
    return value?.type === 'Value' && typeof value.value === 'string' ? value.value : undefined
  }
  if (isType(node.left)) return literal(node.right)
  if (isType(node.right)) return literal(node.left)
  return undefined
}

/** One reference from a document field to another document. */
export interface ReferenceEdge {
  from: string
  /** Field path in `from`, e.g. `network` or `creators[0]`. */
  path: string
  to: string
}

/**
 * Reference cycles: the strongly connected components of the reference graph that contain more than
 * one document, or one document referencing itself. Iterative Tarjan, linear in documents + edges.
 *
 * @param edges references between documents that exist
 * @returns each cycle's edges, in a stable order (by the smallest id in the cycle)
 */
export function findCycles(edges: readonly ReferenceEdge[]): ReferenceEdge[][] {
  const out = new Map<string, ReferenceEdge[]>()
  for (const edge of edges) {
    const list = out.get(edge.from)
    if (list) list.push(edge)
    else out.set(edge.from, [edge])
  }

  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0

  for (const start of out.keys()) {
    if (index.has(start)) continue
    // Each frame: a node and the position of the next edge to follow.
    const frames: Array<{ node: string; next: number }> = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter)
    counter += 1
    stack.push(start)
    onStack.add(start)
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number }
      const edgesOut = out.get(frame.node) ?? []
      if (frame.next < edgesOut.length) {
        const target = (edgesOut[frame.next] as ReferenceEdge).to
        frame.next += 1
        if (!index.has(target)) {
          index.set(target, counter)
          low.set(target, counter)
          counter += 1
          stack.push(target)
          onStack.add(target)
          frames.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number))
        }
        continue
      }
      frames.pop()
      const parent = frames[frames.length - 1]
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string | undefined
        do {
          member = stack.pop() as string
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        components.push(component)
      }
    }
  }

  const cycles: ReferenceEdge[][] = []
  for (const component of components) {
    const members = new Set(component)
    const inside = component.flatMap((id) => (out.get(id) ?? []).filter((edge) => members.has(edge.to)))
    if (component.length > 1 || inside.length > 0) cycles.push(orderCycle(inside))
  }
  return cycles.sort((a, b) => compare(a[0]?.from ?? '', b[0]?.from ?? ''))
}

/** The component's edges, starting at its smallest id and following references where possible. */
function orderCycle(edges: ReferenceEdge[]): ReferenceEdge[] {
  const sorted = [...edges].sort((a, b) => compare(a.from, b.from) || compare(a.path, b.path))
  const outgoing = new Map<string, ReferenceEdge[]>()
  for (const edge of sorted) {
    const list = outgoing.get(edge.from)
    if (list) list.push(edge)
    else outgoing.set(edge.from, [edge])
  }
  const ordered: ReferenceEdge[] = []
  const used = new Set<ReferenceEdge>()
  let current = sorted[0]
  while (current && !used.has(current)) {
    ordered.push(current)
    used.add(current)
    current = outgoing.get(current.to)?.find((edge) => !used.has(edge))
  }
  for (const edge of sorted) if (!used.has(edge)) ordered.push(edge)
  return ordered
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

import type { Element, Root } from 'hast'
import { el, txt } from './hast.ts'
import { type FileLike, runState } from './run-state.ts'
import type { RichTextOptions, TocEntry, TocOptions } from './types.ts'

/**
 * Resolved TOC settings of a call: `enabled` (render the `<nav>`), the depth range and the minimum
 * number of entries.
 * @param options The call's options.
 */
export function tocSettings(options: RichTextOptions): Required<TocOptions> & { enabled: boolean } {
  const raw = options.toc
  const o: TocOptions = raw && typeof raw === 'object' ? raw : {}
  const int = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : fallback
  return {
    enabled: raw === true || (typeof raw === 'object' && raw !== null),
    minDepth: int(o.minDepth, 1),
    maxDepth: int(o.maxDepth, 6),
    minEntries: int(o.minEntries, 2),
    label: typeof o.label === 'string' && o.label.trim() ? o.label.trim() : 'Contents',
  }
}

/**
 * The headings that belong in the table of contents.
 * @param headings All headings with ids, in order.
 * @param options The call's options (`toc.minDepth`/`maxDepth`).
 */
export function tocEntries(headings: readonly TocEntry[], options: RichTextOptions): TocEntry[] {
  const { minDepth, maxDepth } = tocSettings(options)
  return headings.filter((h) => h.depth >= minDepth && h.depth <= maxDepth)
}

/**
 * rehype plugin: when the call asks for `toc`, prepends
 * `<nav class="toc" aria-label="Contents"><ol><li><a href="#id">…</a><ol>…</ol></li></ol></nav>`
 * (nested by heading depth; a jump of several levels nests one level) if there are at least `minEntries`.
 */
export function rehypeToc() {
  return (tree: Root, file?: FileLike): undefined => {
    const state = runState(file)
    if (!state) return
    const settings = tocSettings(state.ctx.options)
    if (!settings.enabled) return
    const entries = tocEntries(state.headings, state.ctx.options)
    if (entries.length === 0 || entries.length < settings.minEntries) return
    const nav = el('nav', { className: ['toc'], ariaLabel: settings.label }, [tocList(entries)])
    tree.children.unshift(nav)
  }
}

function tocList(entries: readonly TocEntry[]): Element {
  const root = el('ol', {}, [])
  const stack: { depth: number; list: Element }[] = [{ depth: (entries[0] as TocEntry).depth, list: root }]
  for (const entry of entries) {
    while (stack.length > 1 && entry.depth < (stack[stack.length - 1] as { depth: number }).depth) stack.pop()
    let top = stack[stack.length - 1] as { depth: number; list: Element }
    const last = top.list.children[top.list.children.length - 1]
    if (entry.depth > top.depth && last?.type === 'element') {
      const nested = el('ol', {}, [])
      last.children.push(nested)
      top = { depth: entry.depth, list: nested }
      stack.push(top)
    }
    top.list.children.push(el('li', {}, [el('a', { href: `#${entry.id}` }, [txt(entry.text)])]))
  }
  return root
}

import type { Element, ElementContent, RootContent } from 'hast'
import { quote } from './context.ts'
import { num, type Rec } from './guards.ts'
import { el } from './hast.ts'
import type { InlineContext } from './marks.ts'
import { renderListItemContent } from './text-block.ts'

/** Deepest list level rendered; deeper items are clamped to it (hostile input guard). */
export const MAX_LIST_LEVEL = 10

interface OpenList {
  type: string
  element: Element
  /** Last `<li>` of this list; nested lists are appended to it. */
  lastItem: Element
}

/**
 * Groups consecutive list-item blocks into nested `<ul>`/`<ol>` with @portabletext/toolkit `nestLists`
 * ("html" mode) semantics: a deeper item opens a list inside the previous item; a level jump (1 → 3)
 * creates the missing level with an empty placeholder `<li class="list-gap">`; a shallower item continues
 * the open list of its level; a different list type at level 1 starts a new list.
 *
 * Deliberate difference: a list-type switch at a nested level (bullet → number at level 2) opens a sibling
 * list inside the same parent item, where toolkit starts a new top-level list padded with placeholders.
 */
export class ListBuilder {
  /** Open lists by level - 1 (the path of last items from the outermost list down). */
  private path: OpenList[] = []
  private readonly out: RootContent[]
  private readonly ctx: InlineContext

  /**
   * @param out Children array the top-level lists are appended to.
   * @param ctx Inline context.
   */
  constructor(out: RootContent[], ctx: InlineContext) {
    this.out = out
    this.ctx = ctx
  }

  /** Ends the current list run (a non-list block follows). */
  close(): void {
    if (this.path.length) this.path = []
  }

  /**
   * Adds one list item block.
   * @param block The block (has a string `listItem`).
   * @param type Its `listItem` value.
   */
  add(block: Rec, type: string): void {
    const level = this.level(block)
    const li = el('li', {}, renderListItemContent(block, this.ctx))
    const path = this.path
    const same = path[level - 1]
    if (same !== undefined && same.type === type) {
      same.element.children.push(li)
      same.lastItem = li
      path.length = level
      return
    }
    // Keep the open lists above `level` (a type switch at `level` replaces that list); start a new
    // top-level list when there is nothing to hang the item under.
    path.length = Math.min(path.length, level - 1)
    if (path.length === 0) {
      const list = this.newList(type, level === 1 ? li : placeholder())
      this.out.push(list.element)
      path.push(list)
    }
    while (path.length < level) {
      const parent = path[path.length - 1] as OpenList
      const list = this.newList(type, path.length + 1 === level ? li : placeholder())
      parent.lastItem.children.push(list.element)
      path.push(list)
    }
  }

  private newList(type: string, first: Element): OpenList {
    return { type, element: el(this.listTag(type), {}, [first]), lastItem: first }
  }

  private listTag(type: string): string {
    if (type === 'bullet') return 'ul'
    if (type === 'number') return 'ol'
    this.ctx.warn('unknown-list-style', `Unknown list style ${quote(type)} rendered as a bullet list`)
    return 'ul'
  }

  private level(block: Rec): number {
    const raw = num(block, 'level')
    const level = raw === undefined || raw < 1 ? 1 : Math.floor(raw)
    if (level <= MAX_LIST_LEVEL) return level
    this.ctx.warn('list-level-clamped', `List level ${level} clamped to ${MAX_LIST_LEVEL}`)
    return MAX_LIST_LEVEL
  }
}

function placeholder(): Element {
  return el('li', { className: ['list-gap'] }, [] as ElementContent[])
}

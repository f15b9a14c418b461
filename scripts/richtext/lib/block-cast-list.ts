import type { Element, ElementContent } from 'hast'
import { quote } from './context.ts'
import { arr, isRecord, type Rec, text } from './guards.ts'
import { el, txt } from './hast.ts'
import type { InlineContext } from './marks.ts'
import { checkUrl } from './url.ts'

const BILLINGS: ReadonlySet<string> = new Set(['main', 'recurring', 'guest'])

/**
 * Renders a `castList` block: `<ul class="cast-list">` with one `<li>` per resolved credit, "Actor as
 * Character", the actor linked to `personHref` when given; `data-billing` when the billing is known. With a
 * `title` the list is wrapped in `<section class="cast-list-block">` after an `<h3 class="cast-list__title">`.
 * Unresolved credits are skipped with a warning; a list with no resolved credit renders nothing.
 * @param block The `castList` block.
 * @param ctx Inline context.
 */
export function renderCastList(block: Rec, ctx: InlineContext): Element | undefined {
  const credits = arr(block, 'credits') ?? []
  const resolve = ctx.options.resolveCastCredit
  const items: Element[] = []
  for (const credit of credits) {
    const ref = isRecord(credit) ? text(credit, '_ref') : undefined
    const resolved = ref !== undefined && typeof resolve === 'function' ? ctx.call(resolve, ref) : undefined
    const actor = isRecord(resolved) ? text(resolved, 'actorName') : undefined
    if (ref === undefined || actor === undefined || !isRecord(resolved)) {
      ctx.warn(
        'unresolved-cast-credit',
        `Cast credit ${quote(ref ?? '(no reference)')} not resolved; skipped`,
      )
      continue
    }
    const character = text(resolved, 'characterName')
    const href = text(resolved, 'personHref')
    const url = href === undefined ? undefined : checkUrl(href)
    if (href !== undefined && url === undefined) {
      ctx.warn('unsafe-url', `Person URL ${quote(href)} refused; actor name not linked`)
    }
    const content: ElementContent[] = [url ? el('a', { href: url.href }, [txt(actor)]) : txt(actor)]
    if (character !== undefined) content.push(txt(` as ${character}`))
    const billing = text(resolved, 'billing')
    items.push(el('li', billing && BILLINGS.has(billing) ? { dataBilling: billing } : {}, content))
  }
  if (items.length === 0) {
    ctx.warn('empty-cast-list', 'Cast list has no resolvable credits; nothing rendered')
    return undefined
  }
  const list = el('ul', { className: ['cast-list'] }, items)
  const title = text(block, 'title')
  if (title === undefined) return list
  const heading = el('h3', { className: ['cast-list__title'] }, [txt(title)])
  return el('section', { className: ['cast-list-block'] }, [heading, list])
}

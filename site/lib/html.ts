import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h as hastscript, type Properties } from 'hastscript'

/*
 * Templates build hast trees with `h()` and serialise them here, so every string from content is
 * escaped by construction. The only unescaped HTML is rich text that already went through
 * rehype-sanitize, marked with `trusted()`.
 */

/** Anything a template may put in an element: nodes, text, nested lists, or nothing. */
export type Child = ElementContent | RootContent | string | number | null | undefined | false | Child[]

/**
 * hastscript's `h` with children flattened to any depth, so templates can map and nest freely.
 *
 * @param selector tag with optional `#id` and `.class`es, e.g. `p.meta`
 * @param properties attributes, or the first child
 * @param children content; `null`, `undefined` and `false` are skipped
 */
export function h(selector: string, properties?: Properties | Child, ...children: Child[]): Element {
  if (isProperties(properties)) return hastscript(selector, properties, flatten(children))
  return hastscript(selector, flatten([properties, ...children]))
}

/** Marks HTML that is already sanitized (rendered rich text) for output as-is. */
export function trusted(html: string): ElementContent {
  return { type: 'raw', value: html } as unknown as ElementContent
}

/** Serialises a page fragment. */
export function render(...children: Child[]): string {
  const root: Root = { type: 'root', children: flatten(children) }
  return toHtml(root, { allowDangerousHtml: true })
}

/** A full HTML document, with the doctype. */
export function renderDocument(html: Element): string {
  return toHtml({ type: 'root', children: [{ type: 'doctype' }, html] }, { allowDangerousHtml: true })
}

function isProperties(value: Properties | Child): value is Properties {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isNode(value)
}

const NODE_KEYS: ReadonlySet<string> = new Set(['type', 'value', 'position', 'data'])

/**
 * Tells a hast node from an attribute object that happens to have a `type` attribute (`<input
 * type="search">`, `<script type="module">`): a node is an element with a `tagName`, a root with
 * `children`, or a literal (text, comment, raw) with nothing but a string `value`.
 */
function isNode(value: object): boolean {
  const record = value as Record<string, unknown>
  switch (record.type) {
    case 'element':
      return typeof record.tagName === 'string'
    case 'root':
      return Array.isArray(record.children)
    case 'doctype':
      return Object.keys(record).every((key) => NODE_KEYS.has(key))
    case 'text':
    case 'comment':
    case 'raw':
      return typeof record.value === 'string' && Object.keys(record).every((key) => NODE_KEYS.has(key))
    default:
      return false
  }
}

function flatten(children: Child[], out: ElementContent[] = []): ElementContent[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) flatten(child, out)
    else if (typeof child === 'string' || typeof child === 'number')
      out.push({ type: 'text', value: String(child) })
    else if (child.type !== 'doctype') out.push(child as ElementContent)
  }
  return out
}

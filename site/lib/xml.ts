import type { Element, ElementContent, Root } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { x } from 'xastscript'

/*
 * Feeds and the sitemap are built as xast trees and serialised by xast-util-to-xml, so every value is
 * escaped by construction, like the HTML templates. Characters XML 1.0 cannot carry at all (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) are dropped first: one stray control character in an
 * article would otherwise make the whole feed unreadable.
 */

export { x }

/**
 * Text without the characters XML 1.0 does not allow: only tab, line feed, carriage return and
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF are kept (lone surrogates are dropped).
 */
export function xmlSafe(value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.codePointAt(0) as number
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    if (allowed) out += char
  }
  return out
}

/**
 * A complete XML document with its declaration.
 *
 * @param root the document element
 */
export function xmlDocument(root: Element): string {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, clean(root)],
  }
  // `]]>` may not appear literally in XML text; with no CDATA sections left (see `clean`), every
  // occurrence is in text or an attribute value, where `&gt;` means the same.
  return `${toXml(tree, { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;')}\n`
}

function clean<T extends ElementContent | Element>(node: T): T {
  if (node.type === 'cdata') return { type: 'text', value: xmlSafe(node.value) } as T
  if (node.type === 'text') return { ...node, value: xmlSafe(node.value) }
  if (node.type !== 'element') return node
  const attributes: Record<string, string> = {}
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value !== null && value !== undefined) attributes[name] = xmlSafe(String(value))
  }
  return { ...node, attributes, children: node.children.map((child) => clean(child)) }
}

import type { Element, ElementContent, Properties, Text } from 'hast'

/**
 * Cheap hast construction for the hot path (text blocks, marks, lists): a plain object literal, no selector
 * parsing or property normalisation. Property names must already be hast names (`className`, `dateTime`).
 * Custom blocks, which are rare, use hastscript's `h()` for readability.
 * @param tagName Element name.
 * @param properties hast properties (owned by the new element).
 * @param children Child nodes (owned by the new element).
 */
export function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children }
}

/**
 * A hast text node.
 * @param value Raw text; escaping happens when serialising.
 */
export function txt(value: string): Text {
  return { type: 'text', value }
}

/**
 * Appends `value` to `target`, turning every `\n` into a `<br>` (Portable Text hard line breaks).
 * @param target Children array to append to.
 * @param value Span text.
 */
export function pushLines(target: ElementContent[], value: string): void {
  if (value === '') return
  if (value.indexOf('\n') < 0) {
    target.push(txt(value))
    return
  }
  const lines = value.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) target.push(el('br', {}, []))
    const line = lines[i]
    if (line) target.push(txt(line))
  }
}

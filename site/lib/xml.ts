/*
 * Feeds and the sitemap are built with `x()`, which escapes every string it is given, like `h()` for
 * HTML (site/lib/html.ts). Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped first: one stray control character in an article would
 * otherwise make the whole feed unreadable.
 *
 * `x()` takes xastscript's arguments and gives what xast-util-to-xml printed for the xastscript tree
 * (empty elements closed), byte for byte (test/site/xml.test.ts checks it against both), but writes
 * the string directly: the sitemap alone is 17,000 elements at 10,000 articles, rewritten on every
 * publish.
 */

/** Serialised, safe XML: what `x()` returns. */
export class Xml {
  /** The markup. */
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

/** Anything an element may hold: elements, text, nested lists, or nothing. */
export type XmlChild = Xml | string | number | null | undefined | readonly XmlChild[]

/** Attribute values; `null`, `undefined` and `NaN` leave the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>

const NAME = /^[A-Za-z_][\w.:-]*$/

/**
 * An element, with children flattened to any depth.
 *
 * @param name element name, e.g. `entry` or `xml:lang`
 * @param attributes attributes, or the first child
 * @param children content; `null` and `undefined` are skipped
 */
export function x(name: string, attributes?: XmlAttributes | XmlChild, ...children: XmlChild[]): Xml {
  if (!NAME.test(name)) throw new TypeError(`not an XML element name: ${JSON.stringify(name)}`)
  let out = `<${name}`
  if (isAttributes(attributes)) {
    for (const key in attributes) {
      const value = attributes[key]
      if (value === null || value === undefined || Number.isNaN(value)) continue
      if (!NAME.test(key)) throw new TypeError(`not an XML attribute name: ${JSON.stringify(key)}`)
      out += ` ${key}="${escapeXml(xmlSafe(String(value)), ATTRIBUTE_UNSAFE)}"`
    }
  } else {
    children.unshift(attributes)
  }
  const content = serialize(children)
  return new Xml(content === '' ? `${out} />` : `${out}>${content}</${name}>`)
}

/**
 * A complete XML document with its declaration.
 *
 * @param root the document element
 */
export function xmlDocument(root: Xml): string {
  // `]]>` may not appear literally in XML text; there are no CDATA sections, so every occurrence is
  // in text or an attribute value, where `&gt;` means the same.
  return `<?xml version="1.0" encoding="utf-8"?>${root.value.replaceAll(']]>', ']]&gt;')}\n`
}

/** Characters XML 1.0 does not allow: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text without the characters XML 1.0 does not allow: only tab, line feed, carriage return and
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF are kept (lone surrogates are dropped).
 */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, '')
}

const TEXT_UNSAFE = /[&<]/g
const ATTRIBUTE_UNSAFE = /[&<"]/g
const REFERENCES: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '"': '&#x22;' }

function escapeXml(value: string, unsafe: RegExp): string {
  return value.replace(unsafe, (char) => REFERENCES[char] as string)
}

function isAttributes(value: XmlAttributes | XmlChild): value is XmlAttributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Xml)
}

function serialize(children: readonly XmlChild[]): string {
  let out = ''
  for (const child of children) {
    if (child === null || child === undefined) continue
    if (child instanceof Xml) out += child.value
    else if (typeof child === 'string') out += escapeXml(xmlSafe(child), TEXT_UNSAFE)
    else if (typeof child === 'number') out += String(child)
    else out += serialize(child as readonly XmlChild[])
  }
  return out
}

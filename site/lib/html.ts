import { htmlVoidElements } from 'html-void-elements'
import { find, html as htmlSchema, type Info } from 'property-information'

/*
 * Templates build HTML with `h()`, which escapes every string it is given, so text from content is
 * escaped by construction. The only unescaped HTML is rich text that already went through
 * rehype-sanitize, marked with `trusted()`.
 *
 * `h()` takes hastscript's arguments (selector, properties, children) and gives the HTML that
 * hast-util-to-html would print for the hastscript tree, byte for byte (test/site/html.test.ts checks
 * it against both), but it writes the string directly: building and then serialising 17,000 pages of
 * hast trees was the largest cost of a full build.
 */

/** Serialised, safe HTML: what `h()` and `trusted()` return. */
export class Html {
  /** The markup. */
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

/** Anything a template may put in an element: markup, text, nested lists, or nothing. */
export type Child = Html | string | number | null | undefined | false | readonly Child[]

/** Attribute values as hastscript takes them. */
export type PropertyValue = string | number | boolean | null | undefined | readonly (string | number)[]
export type Properties = Readonly<Record<string, PropertyValue>>

/**
 * An element, as hastscript's `h` would build it and hast-util-to-html print it, with children
 * flattened to any depth so templates can map and nest freely.
 *
 * @param selector tag with optional `#id` and `.class`es, e.g. `p.meta`
 * @param properties attributes (hast property names or attribute names), or the first child
 * @param children content; `null`, `undefined` and `false` are skipped
 */
export function h(selector: string, properties?: Properties | Child, ...children: Child[]): Html {
  const { tagName, id, classes, idFirst } = parseSelector(selector)
  const props: Record<string, unknown> = {}
  if (idFirst) props.id = id
  if (classes !== undefined) props.className = [...classes]
  if (id !== undefined && !idFirst) props.id = id
  if (isProperties(properties)) {
    for (const key in properties) addProperty(props, key, properties[key])
  } else {
    children.unshift(properties)
  }
  const raw = tagName === 'script' || tagName === 'style'
  const content = serializeChildren(children, raw)
  let out = `<${tagName}`
  for (const key in props) {
    const attribute = serializeAttribute(key, props[key])
    if (attribute) out += ` ${attribute}`
  }
  out += '>'
  if (content === '' && VOIDS.has(tagName)) return new Html(out)
  return new Html(`${out}${content}</${tagName}>`)
}

/** Marks HTML that is already sanitized (rendered rich text) for output as-is. */
export function trusted(html: string): Html {
  return new Html(html)
}

/** Serialises a page fragment. */
export function render(...children: Child[]): string {
  return serializeChildren(children, false)
}

/** A full HTML document, with the doctype. */
export function renderDocument(html: Html): string {
  return `<!doctype html>${html.value}`
}

function isProperties(value: Properties | Child): value is Properties {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Html)
}

function serializeChildren(children: readonly Child[], raw: boolean): string {
  let out = ''
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (child instanceof Html) out += child.value
    else if (typeof child === 'string') out += raw ? child : escapeText(child)
    else if (typeof child === 'number') out += String(child)
    else out += serializeChildren(child as readonly Child[], raw)
  }
  return out
}

// ---- selectors (hast-util-parse-selector) ----

interface Selector {
  tagName: string
  id: string | undefined
  classes: readonly string[] | undefined
  /** Whether the id came before the first class (attribute order follows the selector). */
  idFirst: boolean
}

const selectors = new Map<string, Selector>()
const SELECTOR_CACHE_MAX = 512

function parseSelector(selector: string): Selector {
  const cached = selectors.get(selector)
  if (cached) return cached
  let tagName: string | undefined
  let id: string | undefined
  let classes: string[] | undefined
  let previous: string | undefined
  let idFirst = false
  for (const part of selector.split(/(?=[#.])/)) {
    const marker = part[0] === '#' || part[0] === '.' ? part[0] : undefined
    const value = marker ? part.slice(1) : part
    if (marker) previous = marker
    if (!value) continue
    if (previous === undefined) tagName = value
    else if (previous === '#') {
      id = value
      if (classes === undefined) idFirst = true
    } else if (classes) classes.push(value)
    else classes = [value]
  }
  const parsed: Selector = { tagName: (tagName ?? 'div').toLowerCase(), id, classes, idFirst }
  if (selectors.size < SELECTOR_CACHE_MAX) selectors.set(selector, parsed)
  return parsed
}

// ---- properties (hastscript's addProperty, then hast-util-to-html's serializeAttribute) ----

const infos = new Map<string, Info>()

function info(key: string): Info {
  let found = infos.get(key)
  if (!found) {
    found = find(htmlSchema, key)
    infos.set(key, found)
  }
  return found
}

function addProperty(props: Record<string, unknown>, key: string, value: PropertyValue): void {
  if (value === null || value === undefined) return
  const definition = info(key)
  let result: unknown
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return
    result = value
  } else if (typeof value === 'boolean') {
    result = value
  } else if (typeof value === 'string') {
    if (definition.spaceSeparated) result = splitSpaces(value)
    else if (definition.commaSeparated) result = splitCommas(value)
    else if (definition.commaOrSpaceSeparated) result = splitSpaces(splitCommas(value).join(' '))
    else result = parsePrimitive(definition, value)
  } else {
    result = [...value]
  }
  if (Array.isArray(result)) result = result.map((item) => parsePrimitive(definition, item))
  const property = definition.property
  const existing = props[property]
  if (property === 'className' && Array.isArray(existing)) result = existing.concat(result)
  props[property] = result
}

function parsePrimitive(definition: Info, value: unknown): unknown {
  if (typeof value !== 'string') return value
  if (definition.number && value && !Number.isNaN(Number(value))) return Number(value)
  if (
    (definition.boolean || definition.overloadedBoolean) &&
    (value === '' || value.toLowerCase() === definition.property.toLowerCase())
  )
    return true
  return value
}

function splitSpaces(value: string): string[] {
  const trimmed = value.trim()
  return trimmed ? trimmed.split(/[ \t\n\r\f]+/g) : []
}

function splitCommas(value: string): string[] {
  const values: string[] = []
  let start = 0
  let comma = value.indexOf(',')
  for (;;) {
    if (comma === -1) comma = value.length
    const token = value.slice(start, comma).trim()
    if (token || comma !== value.length) values.push(token)
    start = comma + 1
    if (comma === value.length) break
    comma = value.indexOf(',', start)
  }
  return values
}

function serializeAttribute(property: string, input: unknown): string {
  const definition = info(property)
  let value = input
  if (definition.overloadedBoolean && (value === definition.attribute || value === '')) value = true
  else if (
    (definition.boolean || definition.overloadedBoolean) &&
    (typeof value !== 'string' || value === definition.attribute || value === '')
  )
    value = Boolean(value)
  if (value === null || value === undefined || value === false) return ''
  if (typeof value === 'number' && Number.isNaN(value)) return ''
  const name = definition.attribute
  if (value === true) return name
  const string = Array.isArray(value)
    ? definition.commaSeparated
      ? joinCommas(value)
      : value.join(' ').trim()
    : String(value)
  return `${name}="${escapeAttribute(string)}"`
}

function joinCommas(values: readonly unknown[]): string {
  const input = values[values.length - 1] === '' ? [...values, ''] : values
  return input.join(', ').trim()
}

// ---- escapes (stringify-entities with hast-util-to-html's subsets, hexadecimal references) ----

const TEXT_ESCAPES = /[&<]/g
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g

function hex(character: string): string {
  return `&#x${(character.codePointAt(0) as number).toString(16).toUpperCase()};`
}

function escapeText(value: string): string {
  TEXT_ESCAPES.lastIndex = 0
  return TEXT_ESCAPES.test(value) ? value.replace(TEXT_ESCAPES, hex) : value
}

function escapeAttribute(value: string): string {
  ATTRIBUTE_ESCAPES.lastIndex = 0
  return ATTRIBUTE_ESCAPES.test(value) ? value.replace(ATTRIBUTE_ESCAPES, hex) : value
}

/** Void elements: no closing tag when empty (hast-util-to-html's own list). */
const VOIDS: ReadonlySet<string> = new Set(htmlVoidElements)

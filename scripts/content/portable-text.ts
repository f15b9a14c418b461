/**
 * Small, deterministic builders for the Sanity documents in content/data.ndjson.
 * Used by scripts/content/build-dataset.ts; no runtime dependency of the site.
 */
import { createHash } from 'node:crypto'

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export type Decorator = 'strong' | 'em' | 'code' | 'underline' | 'strike-through'

/** A span: plain text, optionally with decorators, an external link (href) or an internal link (ref). */
export interface SpanSpec {
  text: string
  marks?: Decorator[]
  href?: string
  blank?: boolean
  /** document id for an `internalLink` annotation */
  ref?: string
}
export type Part = string | SpanSpec

export type KeyFn = () => string

/** Deterministic 12-hex `_key` generator, seeded per document so regeneration is stable. */
export function keyFactory(seed: string): KeyFn {
  let n = 0
  const seen = new Set<string>()
  return () => {
    for (;;) {
      n += 1
      const key = createHash('sha1').update(`${seed}#${n}`).digest('hex').slice(0, 12)
      if (!seen.has(key)) {
        seen.add(key)
        return key
      }
    }
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Random-looking but deterministic 22-character revision id (like Sanity's `_rev`). */
export function revision(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest()
  let out = ''
  for (let i = 0; out.length < 22; i++) {
    const byte = bytes[i % bytes.length] ?? 0
    out += BASE62[byte % 62]
  }
  return out
}

export function ref(id: string): JsonObject {
  return { _type: 'reference', _ref: id }
}

export function keyedRef(k: KeyFn, id: string): JsonObject {
  return { _type: 'reference', _key: k(), _ref: id }
}

export interface BlockOptions {
  style?: 'normal' | 'h2' | 'h3' | 'h4' | 'blockquote'
  listItem?: 'bullet' | 'number'
  level?: number
}

export function block(k: KeyFn, parts: Part[], opts: BlockOptions = {}): JsonObject {
  const blockKey = k()
  const markDefs: JsonObject[] = []
  const children: JsonObject[] = parts.map((part) => {
    const spec: SpanSpec = typeof part === 'string' ? { text: part } : part
    const marks: string[] = [...(spec.marks ?? [])]
    if (spec.href !== undefined) {
      const key = k()
      const def: JsonObject = { _type: 'link', _key: key, href: spec.href }
      if (spec.blank) def.blank = true
      markDefs.push(def)
      marks.push(key)
    }
    if (spec.ref !== undefined) {
      const key = k()
      markDefs.push({ _type: 'internalLink', _key: key, reference: ref(spec.ref) })
      marks.push(key)
    }
    return { _type: 'span', _key: k(), text: spec.text, marks }
  })
  const out: JsonObject = { _type: 'block', _key: blockKey, style: opts.style ?? 'normal' }
  if (opts.listItem !== undefined) {
    out.listItem = opts.listItem
    out.level = opts.level ?? 1
  }
  out.markDefs = markDefs
  out.children = children
  return out
}

export const p = (k: KeyFn, ...parts: Part[]): JsonObject => block(k, parts)
export const h2 = (k: KeyFn, text: string): JsonObject => block(k, [text], { style: 'h2' })
export const h3 = (k: KeyFn, text: string): JsonObject => block(k, [text], { style: 'h3' })
export const quote = (k: KeyFn, ...parts: Part[]): JsonObject => block(k, parts, { style: 'blockquote' })
export const bullet = (k: KeyFn, parts: Part[], level = 1): JsonObject =>
  block(k, parts, { listItem: 'bullet', level })
export const numbered = (k: KeyFn, parts: Part[], level = 1): JsonObject =>
  block(k, parts, { listItem: 'number', level })

export function castList(k: KeyFn, creditIds: string[], title?: string): JsonObject {
  const out: JsonObject = { _type: 'castList', _key: k() }
  if (title !== undefined) out.title = title
  out.credits = creditIds.map((id) => keyedRef(k, id))
  return out
}

export function statusCallout(k: KeyFn, showId: string, note?: string): JsonObject {
  const out: JsonObject = { _type: 'statusCallout', _key: k(), show: ref(showId) }
  if (note !== undefined) out.note = note
  return out
}

export function pullQuote(k: KeyFn, text: string, attribution?: string): JsonObject {
  const out: JsonObject = { _type: 'pullQuote', _key: k(), text }
  if (attribution !== undefined) out.attribution = attribution
  return out
}

export interface SourceSpec {
  url: string
  title?: string
  publisher?: string
  accessedAt?: string
}

export function sources(k: KeyFn, list: SourceSpec[]): JsonObject[] {
  return list.map((s) => {
    const out: JsonObject = { _type: 'source', _key: k(), url: s.url }
    if (s.title !== undefined) out.title = s.title
    if (s.publisher !== undefined) out.publisher = s.publisher
    if (s.accessedAt !== undefined) out.accessedAt = s.accessedAt
    return out
  })
}

export function faq(k: KeyFn, items: Array<{ question: string; answer: string }>): JsonObject[] {
  return items.map((item) => ({ _type: 'faqItem', _key: k(), question: item.question, answer: item.answer }))
}

export interface SystemFields {
  createdAt: string
  updatedAt?: string
}

/** Wraps fields with Sanity's system fields in export order. */
export function document(id: string, type: string, fields: JsonObject, sys: SystemFields): JsonObject {
  const updatedAt = sys.updatedAt ?? sys.createdAt
  return {
    _id: id,
    _type: type,
    _rev: revision(`${id}|${updatedAt}|${JSON.stringify(fields)}`),
    _createdAt: sys.createdAt,
    _updatedAt: updatedAt,
    ...fields,
  }
}

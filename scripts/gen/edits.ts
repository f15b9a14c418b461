/**
 * Editorial changes applied to a dataset, for incremental-build tests and the benchmark: each
 * returns the new document (with a new `_rev` and `_updatedAt`, as Sanity would on publish) and
 * never mutates its input.
 */
import type { SanityDocument } from '../source/types.ts'
import { createRandom } from './random.ts'

type Doc = SanityDocument
type Rec = Record<string, unknown>

/** Published at a fixed instant so edits are reproducible. */
export const EDITED_AT = '2026-11-29T12:00:00Z'

function revised(doc: Doc, fields: Rec, label: string): Doc {
  const rnd = createRandom(`${doc._id}|${doc._rev ?? ''}|${label}`)
  return { ...structuredClone(doc), ...fields, _rev: rnd.rev(), _updatedAt: EDITED_AT }
}

/** Rewrites the first text span of a Portable Text field (default `body`). */
export function editText(doc: Doc, text: string, field = 'body'): Doc {
  const blocks = structuredClone((doc[field] as Rec[] | undefined) ?? [])
  const block = blocks.find((b) => b._type === 'block' && Array.isArray(b.children))
  const span = (block?.children as Rec[] | undefined)?.[0]
  if (span) span.text = text
  else blocks.unshift(textBlock(text, `${doc._id}-edit`))
  return revised(doc, { [field]: blocks }, `text:${text}`)
}

/** Sets plain fields (e.g. `title`, `name`, `dek`). */
export function editFields(doc: Doc, fields: Rec): Doc {
  return revised(doc, fields, `fields:${JSON.stringify(fields)}`)
}

export function changeSlug(doc: Doc, slug: string): Doc {
  return revised(doc, { slug: { _type: 'slug', current: slug } }, `slug:${slug}`)
}

/** Points a reference field (e.g. an article's `show`) at another document. */
export function changeReference(doc: Doc, field: string, targetId: string): Doc {
  return revised(doc, { [field]: { _type: 'reference', _ref: targetId } }, `ref:${field}:${targetId}`)
}

/** A short new article about `showId`, linking `personId` in its body. */
export function newArticle(options: {
  id: string
  slug: string
  title: string
  showId?: string
  personId?: string
  authorId?: string
  publishedAt: string
}): Doc {
  const rnd = createRandom(options.id)
  const markDefs: Rec[] = []
  const children: Rec[] = [{ _type: 'span', _key: rnd.key(), text: 'A new article. ', marks: [] }]
  if (options.personId) {
    const key = rnd.key()
    markDefs.push({
      _type: 'internalLink',
      _key: key,
      reference: { _type: 'reference', _ref: options.personId },
    })
    children.push({ _type: 'span', _key: rnd.key(), text: 'A cast member', marks: [key] })
  }
  const doc: Doc = {
    _id: options.id,
    _type: 'article',
    _rev: rnd.rev(),
    _createdAt: EDITED_AT,
    _updatedAt: EDITED_AT,
    title: options.title,
    slug: { _type: 'slug', current: options.slug },
    dek: 'Freshly published.',
  }
  if (options.showId) doc.show = { _type: 'reference', _ref: options.showId }
  doc.kind = 'news'
  doc.body = [
    { _type: 'block', _key: rnd.key(), style: 'normal', markDefs, children },
    {
      _type: 'block',
      _key: rnd.key(),
      style: 'h2',
      markDefs: [],
      children: [{ _type: 'span', _key: rnd.key(), text: 'More', marks: [] }],
    },
  ]
  if (options.authorId) doc.authors = [{ _type: 'reference', _key: rnd.key(), _ref: options.authorId }]
  doc.tags = ['renewals', 'breaking']
  doc.publishedAt = options.publishedAt
  doc.isSample = true
  return doc
}

function textBlock(text: string, seed: string): Rec {
  const rnd = createRandom(seed)
  return {
    _type: 'block',
    _key: rnd.key(),
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: rnd.key(), text, marks: [] }],
  }
}

/**
 * Applies replacements and deletions to a document list, keeping its order (new documents go last).
 *
 * @param documents the dataset
 * @param upserts new versions, matched by `_id`
 * @param deletions ids to remove
 */
export function applyChanges(
  documents: readonly Doc[],
  upserts: readonly Doc[],
  deletions: readonly string[] = [],
): Doc[] {
  const replace = new Map(upserts.map((doc) => [doc._id, doc]))
  const removed = new Set(deletions)
  const out: Doc[] = []
  for (const doc of documents) {
    if (removed.has(doc._id)) continue
    const next = replace.get(doc._id)
    out.push(next ?? doc)
    replace.delete(doc._id)
  }
  out.push(...replace.values())
  return out
}

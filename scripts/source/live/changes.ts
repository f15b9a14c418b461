import { publishedId } from '../../../schemas/validation/ids.ts'
import { isPublishedId } from '../published.ts'
import type { ContentSource, SanityDocument } from '../types.ts'

/**
 * What an incremental rebuild needs after a webhook: the changed documents as published now, the
 * published documents that reference any of them, and the ids that no longer exist (deleted or
 * unpublished).
 */
export interface ChangedDocuments {
  /** The requested documents that exist, sorted by `_id`. */
  changed: SanityDocument[]
  /** Other documents with a reference (anywhere, at any depth) to a requested id, sorted by `_id`. */
  referencing: SanityDocument[]
  /** Requested ids with no published document. */
  missing: string[]
}

/** A source that can fetch just the documents touched by a change. */
export interface IncrementalSource extends ContentSource {
  fetchChanged(ids: readonly string[]): Promise<ChangedDocuments>
}

/**
 * The documents an incremental pull needs, for sources that run GROQ over a full dataset (the embedded
 * source). The live source pages the same filter by `_id` instead (see `scripts/source/sanity.ts`).
 */
export const CHANGED_DOCUMENTS_FILTER = '_id in $ids || references($ids)'
export const CHANGED_DOCUMENTS_QUERY = `*[${CHANGED_DOCUMENTS_FILTER}] | order(_id)`

/**
 * The published ids behind webhook ids: `drafts.x` and `versions.<release>.x` both affect `x` once
 * published; ids are de-duplicated and sorted.
 *
 * @param ids ids as a webhook reports them
 */
export function publishedIdsOf(ids: readonly string[]): string[] {
  const published = new Set<string>()
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') throw new TypeError(`not a document id: ${JSON.stringify(id)}`)
    published.add(publishedIdOf(id))
  }
  return [...published].sort(compareIds)
}

/** `drafts.x` → `x`, `versions.r1.x` → `x`, `x` → `x` (the content model's own rule). */
export const publishedIdOf = publishedId

/**
 * Splits the documents an incremental query returned into changed and referencing ones.
 *
 * @param ids published ids that were asked for (see `publishedIdsOf`)
 * @param documents everything the query returned, in any order, possibly with repeats
 */
export function splitChanged(ids: readonly string[], documents: Iterable<SanityDocument>): ChangedDocuments {
  const wanted = new Set(ids)
  const byId = new Map<string, SanityDocument>()
  for (const document of documents) {
    if (isPublishedId(document._id)) byId.set(document._id, document)
  }
  const sorted = [...byId.values()].sort((a, b) => compareIds(a._id, b._id))
  return {
    changed: sorted.filter((document) => wanted.has(document._id)),
    referencing: sorted.filter((document) => !wanted.has(document._id)),
    missing: ids.filter((id) => !byId.has(id)),
  }
}

/**
 * Incremental pull from any source: delegates to `source.fetchChanged` when the source has one (the
 * live source asks the Content Lake for just these documents), else runs {@link CHANGED_DOCUMENTS_QUERY}.
 *
 * @param source embedded or live
 * @param ids changed ids from a webhook (drafts and versions map to their published id)
 */
export async function fetchChanged(
  source: ContentSource | IncrementalSource,
  ids: readonly string[],
): Promise<ChangedDocuments> {
  if ('fetchChanged' in source && typeof source.fetchChanged === 'function') return source.fetchChanged(ids)
  const published = publishedIdsOf(ids)
  if (published.length === 0) return { changed: [], referencing: [], missing: [] }
  const documents = await source.fetch<SanityDocument[]>(CHANGED_DOCUMENTS_QUERY, { ids: published })
  return splitChanged(published, documents)
}

/** Code-unit order, the order GROQ's `order(_id)` and `_id > $cursor` use. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

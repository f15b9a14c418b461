import { createHash } from 'node:crypto'
import { DatasetError } from '../source/types.ts'
import type { BuildWarning } from './types.ts'
import { safeSlug } from './urls.ts'

export interface SlugOwner {
  _id: string
  slug: string | null
}

/**
 * Gives every document of one type a safe, unique URL slug.
 *
 * Slugs are normalised with `safeSlug` (a warning says so when that changed them); a slug that
 * normalises to nothing (emoji, right-to-left script, punctuation only) falls back to the document
 * id, or to the type and a hash of the id when the id has no usable characters either. Two documents
 * claiming the same slug is an error naming both: silently picking one would hide a page from readers.
 *
 * @param type document type, for messages
 * @param docs documents of that type
 * @param warnings collects normalisation warnings
 * @param file dataset name for the error
 */
export function assignSlugs(
  type: string,
  docs: readonly SlugOwner[],
  warnings: BuildWarning[],
  file: string,
): Map<string, string> {
  const byId = new Map<string, string>()
  const owner = new Map<string, string>()
  for (const doc of docs) {
    const raw = doc.slug ?? ''
    let slug = safeSlug(raw)
    if (slug === '') {
      slug =
        safeSlug(doc._id) ||
        `${safeSlug(type)}-${createHash('sha1').update(doc._id).digest('hex').slice(0, 10)}`
      warnings.push({
        code: 'slug-empty',
        documentId: doc._id,
        message: `${type} ${doc._id}: slug ${JSON.stringify(raw)} has no usable characters; using "${slug}"`,
      })
    } else if (slug !== raw) {
      warnings.push({
        code: 'slug-normalised',
        documentId: doc._id,
        message: `${type} ${doc._id}: slug ${JSON.stringify(raw)} published as "${slug}"`,
      })
    }
    const taken = owner.get(slug)
    if (taken !== undefined) {
      const raws = raw === slug ? '' : ` (as ${JSON.stringify(raw)})`
      throw new DatasetError(`${type} slug "${slug}" is used by both ${taken} and ${doc._id}${raws}`, {
        file,
        documentId: doc._id,
      })
    }
    owner.set(slug, doc._id)
    byId.set(doc._id, slug)
  }
  return byId
}

import { STUDIO_API_VERSION } from '../constants.ts'
import { ownIds } from './ids.ts'
import type { ClientContext } from './types.ts'

export const SLUG_UNIQUE_QUERY =
  '!defined(*[_type == $type && slug.current == $slug && !(_id in $ownIds) && !(_id in path("versions.**"))][0]._id)'

/**
 * `options.isUnique` for slugs: unique among documents of the same type
 * (a show and a person may share a slug, two shows may not). The document's
 * own draft and published versions don't count as duplicates.
 */
export async function isSlugUniqueForType(slug: string, context: ClientContext): Promise<boolean> {
  const { document } = context
  if (!slug || !document?._id || !document._type) return true
  const client = context.getClient({ apiVersion: STUDIO_API_VERSION })
  const result = await client.fetch(SLUG_UNIQUE_QUERY, {
    type: document._type,
    slug,
    ownIds: ownIds(document._id),
  })
  return result === true
}

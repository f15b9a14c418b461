import { STUDIO_API_VERSION } from '../constants.ts'
import { ownIds } from './ids.ts'
import type { ClientContext, Reference, RuleResult } from './types.ts'

export const DUPLICATE_CAST_CREDIT_QUERY =
  '*[_type == "castCredit" && show._ref == $show && person._ref == $person && lower(characterName) == lower($characterName) && !(_id in $ownIds) && !(_id in path("versions.**"))][0]._id'

interface CastCreditLike {
  _id?: string
  show?: Reference
  person?: Reference
  characterName?: string
}

/**
 * Document-level rule: the same person cannot be credited twice for the same
 * character on the same show (compared case-insensitively, trimmed).
 */
export async function validateUniqueCastCredit(
  doc: CastCreditLike | undefined,
  context: ClientContext,
): Promise<RuleResult> {
  const show = doc?.show?._ref
  const person = doc?.person?._ref
  const characterName = doc?.characterName?.trim()
  if (!doc?._id || !show || !person || !characterName) return true
  const client = context.getClient({ apiVersion: STUDIO_API_VERSION })
  const duplicateId = await client.fetch(DUPLICATE_CAST_CREDIT_QUERY, {
    show,
    person,
    characterName,
    ownIds: ownIds(doc._id),
  })
  if (typeof duplicateId === 'string' && duplicateId) {
    return `This person is already credited as "${characterName}" on this show (${duplicateId}). Edit that credit instead of adding a second one.`
  }
  return true
}

import { CONFIDENCE_RANK, STATUS_GROUPS, type StatusGroupId } from './constants.ts'

/**
 * GROQ for the contract's current-status rule, evaluated in the scope of a show
 * document (`^` is the show): newest `official` statusEvent (by announcedAt,
 * ties by _updatedAt), else newest `reported`, else newest `speculative`;
 * `null` when there is none.
 *
 * Draft and release versions of status events are ignored: only published
 * events count, exactly as on the site. A draft show (`drafts.show-x`) still
 * finds the events that reference `show-x`.
 */
export function currentStatusEventGroq(projection = '') {
  const byConfidence = CONFIDENCE_RANK.map(
    (confidence) =>
      `*[_type == "statusEvent" && confidence == "${confidence}" && ^._id in [show._ref, "drafts." + show._ref] && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(announcedAt desc, _updatedAt desc)[0]${projection}`,
  )
  return `coalesce(${byConfidence.join(', ')})`
}

/** GROQ expression evaluating to the show's current status string (or null). */
export const CURRENT_STATUS_GROQ = currentStatusEventGroq('.status')

/** GROQ filter (for `S.documentList().filter()`) selecting the shows in one status group. */
export function showsInStatusGroupFilter(groupId: StatusGroupId): string {
  const group = STATUS_GROUPS.find((g) => g.id === groupId)
  if (!group) throw new Error(`Unknown status group: ${groupId}`)
  if (groupId === 'other') {
    // Everything not claimed by another group, including shows with no events.
    const claimed = STATUS_GROUPS.filter((g) => g.id !== 'other').flatMap((g) => g.statuses)
    return `_type == "show" && !(${CURRENT_STATUS_GROQ} in ${groqList(claimed)})`
  }
  const inGroup = `${CURRENT_STATUS_GROQ} in ${groqList(group.statuses)}`
  return `_type == "show" && ${inGroup}`
}

function groqList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`
}

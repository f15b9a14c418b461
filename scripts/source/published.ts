/**
 * The published perspective: drafts (`drafts.<id>`) and release versions
 * (`versions.<release>.<id>`) are editor-only states and never reach the site.
 */
export function isPublishedId(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}

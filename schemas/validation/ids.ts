/** Published id for any document id: strips `drafts.` and `versions.<release>.` prefixes. */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) {
    const rest = id.slice('versions.'.length)
    const dot = rest.indexOf('.')
    return dot === -1 ? rest : rest.slice(dot + 1)
  }
  return id
}

/** The ids one logical document can have that are not "another document" (published and draft). */
export function ownIds(id: string): [string, string] {
  const published = publishedId(id)
  return [published, `drafts.${published}`]
}

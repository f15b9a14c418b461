/**
 * The small slice of Sanity's validation context these rules use. Declared
 * structurally so tests can pass a fake client that records queries.
 */
export interface FetchClient {
  fetch: (query: string, params: Record<string, unknown>) => Promise<unknown>
}

export interface ClientContext {
  document?: { _id?: string; _type?: string; [key: string]: unknown } | undefined
  getClient: (options: { apiVersion: string }) => FetchClient
}

/** `true` when valid, otherwise the message shown to the editor. */
export type RuleResult = true | string

export interface Reference {
  _ref?: string
  _type?: string
}

/** A Sanity document as it appears in an export or a query result. */
export interface SanityDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** Query parameters, passed to GROQ as `$name`. */
export type QueryParams = Record<string, unknown>

/**
 * Anything that answers GROQ over the published perspective: the bundled dataset
 * (groq-js) and a live Sanity project (@sanity/client) implement it alike.
 */
export interface ContentSource {
  /** Human-readable origin, used in progress lines and error messages. */
  readonly description: string
  /** Runs one GROQ query and resolves with its result. */
  fetch<Result = unknown>(query: string, params?: QueryParams): Promise<Result>
}

/** Thrown for input the pipeline cannot load; names the file, line and document id when known. */
export class DatasetError extends Error {
  readonly file: string
  readonly line: number | undefined
  readonly documentId: string | undefined

  constructor(message: string, where: { file: string; line?: number; documentId?: string }) {
    const location = where.line === undefined ? where.file : `${where.file}:${where.line}`
    const id = where.documentId ? ` (document ${where.documentId})` : ''
    super(`${location}${id}: ${message}`)
    this.name = 'DatasetError'
    this.file = where.file
    this.line = where.line
    this.documentId = where.documentId
  }
}

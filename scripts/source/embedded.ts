import { type ExprNode, evaluate, parse } from 'groq-js'
import { type ValidationReport, validateDocuments } from '../validate/validate.ts'
import { type Dataset, loadDataset } from './dataset.ts'
import { singleTypeOf } from './query-scope.ts'
import { evaluateFlat, type FlatQuery, flatQueryOf, type RowMemo } from './row-memo.ts'
import type { ContentSource, QueryParams, SanityDocument } from './types.ts'

export interface EmbeddedSourceOptions {
  /**
   * Check every document against the content model before any query sees it (scripts/validate):
   * documents that cannot render are left out, broken fields and references dropped, and the
   * findings kept in `validation`. Both build sources (dataset file and live mirror) turn this on.
   */
  validate?: boolean
  /**
   * Rows of flat queries by document, kept across sources created over mostly the same document
   * objects (a reloaded dataset): rows of known documents are not projected again (see row-memo.ts).
   */
  rows?: RowMemo | undefined
}

/** A source over documents in memory, with what validation found in them. */
export interface EmbeddedSource extends ContentSource {
  /** Validation findings; `undefined` when the source was created without validation. */
  readonly validation: ValidationReport | undefined
}

/**
 * Answers GROQ over an in-memory dataset with groq-js.
 *
 * `->` is resolved through an `_id` index: groq-js's default dereference scans the whole
 * dataset for every reference, which is quadratic on large datasets. Queries limited to one
 * `_type` scan only the documents of that type.
 *
 * @param dataset published documents (see `loadDataset`)
 */
export function createEmbeddedSource(
  dataset: Pick<Dataset, 'documents' | 'file'>,
  options: EmbeddedSourceOptions = {},
): EmbeddedSource {
  const validated = options.validate ? validateDocuments(dataset.documents) : undefined
  const documents = validated?.documents ?? dataset.documents
  const byId = new Map<string, SanityDocument>()
  const byType = new Map<string, SanityDocument[]>()
  for (const document of documents) {
    byId.set(document._id, document)
    const list = byType.get(document._type)
    if (list) list.push(document)
    else byType.set(document._type, [document])
  }
  const parsed = new Map<string, { tree: ExprNode; type: string | undefined; flat: FlatQuery | undefined }>()
  const dereference = ({ _ref }: { _ref: string }) => byId.get(_ref)

  return {
    description: `dataset ${dataset.file}`,
    validation: validated?.report,
    async fetch<Result>(query: string, params: QueryParams = {}): Promise<Result> {
      let entry = parsed.get(query)
      if (!entry) {
        const tree = parse(query)
        entry = { tree, type: singleTypeOf(tree), flat: options.rows ? flatQueryOf(tree) : undefined }
        parsed.set(query, entry)
      }
      const scanned = entry.type === undefined ? documents : (byType.get(entry.type) ?? [])
      if (entry.flat && options.rows) {
        return (await evaluateFlat(entry.flat, query, scanned, params, options.rows, dereference)) as Result
      }
      const value = await evaluate(entry.tree, {
        // A query over one type scans only that type's documents (same order, same answer).
        dataset: scanned,
        params,
        dereference,
      })
      return (await value.get()) as Result
    },
  }
}

/**
 * Loads a dataset file and returns a validated source over it.
 *
 * @param file `.ndjson` or Sanity export `.tar.gz`
 */
export async function openEmbeddedSource(
  file: string,
): Promise<{ source: EmbeddedSource; dataset: Dataset }> {
  const dataset = await loadDataset(file)
  return { source: createEmbeddedSource(dataset, { validate: true }), dataset }
}

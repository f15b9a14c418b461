import { type ExprNode, evaluate, parse } from 'groq-js'
import { type Dataset, loadDataset } from './dataset.ts'
import type { ContentSource, QueryParams, SanityDocument } from './types.ts'

/**
 * Answers GROQ over an in-memory dataset with groq-js.
 *
 * `->` is resolved through an `_id` index: groq-js's default dereference scans the whole
 * dataset for every reference, which is quadratic on large datasets.
 *
 * @param dataset published documents (see `loadDataset`)
 */
export function createEmbeddedSource(dataset: Pick<Dataset, 'documents' | 'file'>): ContentSource {
  const byId = new Map<string, SanityDocument>()
  for (const document of dataset.documents) byId.set(document._id, document)
  const parsed = new Map<string, ExprNode>()

  return {
    description: `dataset ${dataset.file}`,
    async fetch<Result>(query: string, params: QueryParams = {}): Promise<Result> {
      let tree = parsed.get(query)
      if (!tree) {
        tree = parse(query)
        parsed.set(query, tree)
      }
      const value = await evaluate(tree, {
        dataset: dataset.documents,
        params,
        dereference: ({ _ref }) => byId.get(_ref),
      })
      return (await value.get()) as Result
    },
  }
}

/**
 * Loads a dataset file and returns a source over it.
 *
 * @param file `.ndjson` or Sanity export `.tar.gz`
 */
export async function openEmbeddedSource(file: string): Promise<{ source: ContentSource; dataset: Dataset }> {
  const dataset = await loadDataset(file)
  return { source: createEmbeddedSource(dataset), dataset }
}

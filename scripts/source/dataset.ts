import { type LoadedDocument, readNdjsonFile } from './ndjson.ts'
import { isPublishedId } from './published.ts'
import { readExportArchive } from './tarball.ts'
import { DatasetError, type SanityDocument } from './types.ts'

/** The published documents of one dataset file, with where each came from. */
export interface Dataset {
  file: string
  documents: SanityDocument[]
  /** Line of each document in its file, for error messages further down the pipeline. */
  lineOf: ReadonlyMap<string, number>
  /** How many draft or release-version documents were left out. */
  unpublishedCount: number
}

export interface LoadDatasetOptions {
  /** Refuse lines longer than this many bytes. */
  maxLineBytes?: number
}

/**
 * Loads a dataset file: Sanity export ndjson, or a `sanity dataset export` `.tar.gz`.
 * Only published documents are kept; a repeated `_id` or an empty file is an error.
 *
 * @param file path to `.ndjson` or `.tar.gz`/`.tgz`
 */
export async function loadDataset(file: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const documents: SanityDocument[] = []
  const read = await streamDataset(file, (document) => documents.push(document), options)
  return { file, documents, ...read }
}

/** What {@link streamDataset} found besides the documents it handed over. */
export type StreamedDataset = Pick<Dataset, 'lineOf' | 'unpublishedCount'>

/**
 * {@link loadDataset} without keeping the documents: each published document goes to `each` as soon as
 * it is read, so a large dataset never has to be in memory whole. Same checks and errors.
 *
 * @param file path to `.ndjson` or `.tar.gz`/`.tgz`
 * @param each called once per published document, in file order
 */
export async function streamDataset(
  file: string,
  each: (document: SanityDocument, line: number) => void,
  options: LoadDatasetOptions = {},
): Promise<StreamedDataset> {
  const lineOf = new Map<string, number>()
  let unpublishedCount = 0
  let total = 0

  for await (const { document, line } of readDocuments(file, options.maxLineBytes)) {
    total += 1
    if (!isPublishedId(document._id)) {
      unpublishedCount += 1
      continue
    }
    const previous = lineOf.get(document._id)
    if (previous !== undefined) {
      throw new DatasetError(`duplicate _id, first seen on line ${previous}`, {
        file,
        line,
        documentId: document._id,
      })
    }
    lineOf.set(document._id, line)
    each(document, line)
  }
  if (total === 0) throw new DatasetError('dataset is empty: no documents found', { file })
  return { lineOf, unpublishedCount }
}

function readDocuments(file: string, maxLineBytes: number | undefined): AsyncGenerator<LoadedDocument> {
  return /\.(tar\.gz|tgz)$/i.test(file)
    ? readExportArchive(file, maxLineBytes)
    : readNdjsonFile(file, maxLineBytes)
}

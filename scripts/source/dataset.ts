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
  const checks = new DatasetReadChecks(file)
  for await (const { document, line } of readDocuments(file, options.maxLineBytes)) {
    if (checks.accept(document._id, line)) each(document, line)
  }
  return checks.finish()
}

/**
 * The checks {@link streamDataset} makes on the documents of a file as they are read, for loaders that
 * read the lines themselves: drafts and release versions are counted and left out, a repeated `_id`
 * and a file without documents are errors.
 */
export class DatasetReadChecks {
  readonly #file: string
  readonly #lineOf = new Map<string, number>()
  #unpublishedCount = 0
  #total = 0

  /** @param file name used in error messages */
  constructor(file: string) {
    this.#file = file
  }

  /**
   * Counts one document read; `true` when it is published (to be kept).
   *
   * @param id the document's `_id`
   * @param line the line it was read from
   */
  accept(id: string, line: number): boolean {
    this.#total += 1
    if (!isPublishedId(id)) {
      this.#unpublishedCount += 1
      return false
    }
    const previous = this.#lineOf.get(id)
    if (previous !== undefined) {
      throw new DatasetError(`duplicate _id, first seen on line ${previous}`, {
        file: this.#file,
        line,
        documentId: id,
      })
    }
    this.#lineOf.set(id, line)
    return true
  }

  /** Ends the read: an error when the file held no document. */
  finish(): StreamedDataset {
    if (this.#total === 0)
      throw new DatasetError('dataset is empty: no documents found', { file: this.#file })
    return { lineOf: this.#lineOf, unpublishedCount: this.#unpublishedCount }
  }
}

function readDocuments(file: string, maxLineBytes: number | undefined): AsyncGenerator<LoadedDocument> {
  return /\.(tar\.gz|tgz)$/i.test(file)
    ? readExportArchive(file, maxLineBytes)
    : readNdjsonFile(file, maxLineBytes)
}

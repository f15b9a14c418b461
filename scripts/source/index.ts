export { type Dataset, type LoadDatasetOptions, loadDataset } from './dataset.ts'
export { createEmbeddedSource, openEmbeddedSource } from './embedded.ts'
export { type ChangedDocuments, fetchChanged, type IncrementalSource } from './live/changes.ts'
export {
  DEFAULT_API_VERSION,
  SanityConfigError,
  type SanityConnection,
  sanityConnectionFromEnv,
} from './live/config.ts'
export { LiveSourceError } from './live/retry.ts'
export { type LoadedDocument, parseNdjson, readNdjsonFile } from './ndjson.ts'
export { type OpenedSource, type OpenSourceOptions, openSource, type SourceKind } from './open.ts'
export { isPublishedId } from './published.ts'
export { createSanitySource, MIRRORED_TYPES, type SanitySource } from './sanity.ts'
export { readExportArchive } from './tarball.ts'
export { type ContentSource, DatasetError, type QueryParams, type SanityDocument } from './types.ts'

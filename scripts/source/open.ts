import { openEmbeddedSource } from './embedded.ts'
import { sanityConnectionFromEnv } from './live/config.ts'
import type { ContentSource } from './types.ts'

/** Where content comes from: the bundled/exported dataset file, or a live Sanity project. */
export type SourceKind = 'dataset' | 'sanity'

export interface OpenSourceOptions {
  kind: SourceKind
  /** Dataset file for `kind: 'dataset'`. */
  dataset: string
  /**
   * Live source only: read through the API CDN (scheduled full builds) or not (webhook builds, which
   * must see the edit that triggered them). Defaults to false: fresh data.
   */
  useCdn?: boolean
  /** `SANITY_*` settings for the live source (default `process.env`). */
  env?: NodeJS.ProcessEnv
}

export interface OpenedSource {
  source: ContentSource
  /** Name used in messages and build reports. */
  origin: string
}

/**
 * Opens the content source the build CLI and the webhook receiver were asked for. The live source
 * checks its settings here but sends no request until the first query.
 *
 * @param options source kind and its settings
 */
export async function openSource(options: OpenSourceOptions): Promise<OpenedSource> {
  if (options.kind === 'sanity') {
    const connection = sanityConnectionFromEnv(options.env ?? process.env, options.useCdn ?? false)
    // Loaded only for the live source: @sanity/client is ~20 MB of a dataset build's memory.
    const { createSanitySource } = await import('./sanity.ts')
    const source = createSanitySource(connection)
    return { source, origin: source.origin }
  }
  const { source, dataset } = await openEmbeddedSource(options.dataset)
  return { source, origin: dataset.file }
}

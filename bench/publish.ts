import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { encodeSignatureHeader } from '@sanity/webhook'
import { startPublisher } from '../scripts/publish/publisher.ts'
import type { SanityDocument } from '../scripts/source/types.ts'
import { forEachDocument, rewrite } from './ndjson.ts'

/** One kind of edit the publisher is timed on. */
export interface WebhookEdit {
  /** Names the edit in the results. */
  name: string
  /** The document edited. */
  id: string
  /** The path of the page that shows the edit, given the document as first published. */
  page: (doc: SanityDocument) => string
  /** The document after its `n`-th edit (from 1), and a text its page then shows. */
  edit: (doc: SanityDocument, n: number) => { doc: SanityDocument; shows: string }
  /**
   * Each edit is published as soon as the last is live, as an editor fixing one thing after another
   * would, not once what follows a publish (the copy for the next build, the search index) is done.
   */
  inARow?: boolean
}

export interface WebhookToLive {
  /** Seconds from sending each webhook until the edited page was served with the edit, by edit name. */
  seconds: Map<string, number[]>
  /** The publisher's first (full) build, in seconds. */
  firstBuildSeconds: number
}

const SECRET = 'bench-webhook-secret'

/**
 * The end-to-end incremental figures: starts the publisher (`npm start`'s `startPublisher`, default
 * debounce and build worker) on a copy of the dataset, waits for its first build, then, for each
 * edit in turn, `times` times: publishes the edit into the dataset file, sends the signed webhook
 * Sanity would send, and times until the edited page is served with the edit; then waits until the
 * publisher is idle (after each edit, unless the edit is made `inARow`).
 *
 * @param dataset ndjson dataset to publish (copied into `work`)
 * @param work a fresh directory for the dataset copy, releases and cache
 * @param edits what to edit, in order
 * @param times how many times each edit is made
 */
export async function measureWebhookToLive(
  dataset: string,
  work: string,
  edits: readonly WebhookEdit[],
  times = 3,
): Promise<WebhookToLive> {
  const file = join(work, 'dataset.ndjson')
  await rewrite(dataset, file, (doc) => doc)
  const first = new Map<string, SanityDocument>()
  const ids = new Set(edits.map((edit) => edit.id))
  await forEachDocument(file, (doc) => {
    if (ids.has(doc._id)) first.set(doc._id, doc)
  })

  const started = performance.now()
  const publisher = await startPublisher({
    source: { kind: 'dataset', dataset: file },
    out: join(work, '_site'),
    port: 0,
    host: '127.0.0.1',
    webhook: { secret: SECRET },
    reconcileIntervalMs: 0,
    cacheDir: join(work, 'cache'),
  })
  try {
    await publisher.idle()
    const firstBuildSeconds = (performance.now() - started) / 1000
    const seconds = new Map<string, number[]>()
    for (const edit of edits) {
      const original = first.get(edit.id)
      if (!original) throw new Error(`no document ${edit.id} to edit`)
      const path = edit.page(original)
      const measured: number[] = []
      seconds.set(edit.name, measured)
      for (let n = 1; n <= times; n++) {
        const { doc: edited, shows } = edit.edit(original, n)
        // Published first, as in Sanity: the webhook follows the publish.
        const next = `${file}.next`
        await rewrite(file, next, (doc) => (doc._id === edit.id ? edited : doc))
        await rename(next, file)
        const body = JSON.stringify({ _id: edit.id, _type: original._type, operation: 'update' })
        const sent = performance.now()
        const response = await fetch(`${publisher.url}/api/sanity-webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), SECRET),
            'idempotency-key': `bench-${edit.name}-${n}-${Date.now()}`,
          },
          body,
        })
        if (response.status !== 202) throw new Error(`webhook answered ${response.status}`)
        for (;;) {
          const page = await fetch(`${publisher.url}${path}`)
          if ((await page.text()).includes(shows)) break
          if (performance.now() - sent > 600_000) throw new Error(`${edit.name}: the edit never went live`)
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
        measured.push((performance.now() - sent) / 1000)
        if (!edit.inARow) await publisher.idle()
      }
      await publisher.idle()
    }
    return { seconds, firstBuildSeconds }
  } finally {
    await publisher.stop()
  }
}

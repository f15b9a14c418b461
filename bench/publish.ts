import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { encodeSignatureHeader } from '@sanity/webhook'
import { editText } from '../scripts/gen/edits.ts'
import { startPublisher } from '../scripts/publish/publisher.ts'
import { forEachDocument, rewrite } from './ndjson.ts'

export interface WebhookToLive {
  /** Seconds from sending each webhook until the edited page was served with the edit. */
  seconds: number[]
  /** The publisher's first (full) build, in seconds. */
  firstBuildSeconds: number
}

const SECRET = 'bench-webhook-secret'

/**
 * The end-to-end incremental figure: starts the publisher (`npm start`'s `startPublisher`, default
 * debounce and build worker) on a copy of the dataset, waits for its first build, then `edits` times
 * rewrites one article's opening sentence in the dataset file, sends the signed webhook Sanity would
 * send, and times until the article page is served with the new sentence.
 *
 * @param dataset ndjson dataset to publish (copied into `work`)
 * @param work a fresh directory for the dataset copy, releases and cache
 * @param articleId the article to edit
 */
export async function measureWebhookToLive(
  dataset: string,
  work: string,
  articleId: string,
  edits = 3,
): Promise<WebhookToLive> {
  const file = join(work, 'dataset.ndjson')
  await rewrite(dataset, file, (doc) => doc)
  let path: string | undefined
  await forEachDocument(file, (doc) => {
    const slug = (doc.slug as { current?: string } | undefined)?.current
    if (doc._id === articleId && slug) path = `/articles/${slug}/`
  })
  if (!path) throw new Error(`article ${articleId} has no slug`)

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
    const seconds: number[] = []
    for (let edit = 1; edit <= edits; edit++) {
      const sentence = `Benchmark edit number ${edit} of the opening sentence.`
      // Published first, as in Sanity: the webhook follows the publish.
      const next = `${file}.next`
      await rewrite(file, next, (doc) => (doc._id === articleId ? editText(doc, sentence) : doc))
      await rename(next, file)
      const body = JSON.stringify({ _id: articleId, _type: 'article', operation: 'update' })
      const sent = performance.now()
      const response = await fetch(`${publisher.url}/api/sanity-webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), SECRET),
          'idempotency-key': `bench-${edit}-${Date.now()}`,
        },
        body,
      })
      if (response.status !== 202) throw new Error(`webhook answered ${response.status}`)
      for (;;) {
        const page = await fetch(`${publisher.url}${path}`)
        if ((await page.text()).includes(sentence)) break
        if (performance.now() - sent > 600_000) throw new Error('the edit never went live')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      seconds.push((performance.now() - sent) / 1000)
      await publisher.idle()
    }
    return { seconds, firstBuildSeconds }
  } finally {
    await publisher.stop()
  }
}

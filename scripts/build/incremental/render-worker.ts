/*
 * A render worker thread: renders its shares of the site's pages with Eleventy (see `renderShared`
 * in scripts/build/incremental.ts) from a copy of the site data, and reports what it wrote.
 */
import { deserialize } from 'node:v8'
import { parentPort, workerData } from 'node:worker_threads'
import type { SiteData } from '../../site-data/index.ts'
import { restoreDeferred } from './deferred.ts'
import type { RenderPlan, Share } from './pages.ts'
import { renderShares } from './render.ts'

const { data, dir, templates, shares, count } = workerData as {
  data: Uint8Array
  dir: string
  templates: RenderPlan['templates']
  shares: Share[]
  count: number
}
const siteData = deserialize(data) as SiteData
restoreDeferred(siteData)
const rendered = await renderShares(siteData, dir, templates, shares, count)
parentPort?.postMessage({ ...rendered, templates: [...rendered.templates] })

import type { SiteData } from '../../site-data/index.ts'
import { runEleventy, type WrittenPage } from '../eleventy.ts'
import { collectGarbage } from '../gc.ts'
import { type PageRecord, type RenderPlan, type Share, type TemplateInfo, trackRun } from './pages.ts'

export interface RenderedShares {
  written: WrittenPage[]
  records: PageRecord[]
  templates: Map<string, TemplateInfo>
}

/**
 * Renders some shares of the planned pages, one Eleventy run per share: Eleventy keeps every page of
 * a run in memory until the run ends, so smaller runs keep a large site's memory flat.
 *
 * @param shares which shares: item shares 0 … count-1, and `'whole'` for the templates not split by
 *   item (see `RenderPlan.shard`)
 * @param count how many shares items are split into (1: one run for everything, `shares` `[0]`)
 */
export async function renderShares(
  siteData: SiteData,
  dir: string,
  templates: RenderPlan['templates'],
  shares: readonly Share[],
  count: number,
): Promise<RenderedShares> {
  const out: RenderedShares = { written: [], records: [], templates: new Map() }
  for (const index of shares) {
    const run = trackRun(siteData, {
      templates,
      shard: count > 1 ? { index, count } : undefined,
    })
    const { written } = await runEleventy(siteData, dir, run)
    out.written.push(...written)
    out.records.push(...run.pages(written, dir))
    for (const [path, info] of run.templates()) out.templates.set(path, info)
    if (count > 1) collectGarbage()
  }
  return out
}

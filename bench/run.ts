/*
 * `npm run bench -- --articles 10000 [--seed <text>] [--dir <work dir>] [--no-hugo] [--no-eleventy] [--no-publish] [--verify] [--with-search]`
 *
 * Generates a dataset, then measures in one run:
 *   - our full build, cold (empty cache) and warm (rendered rich text cached by _id + _rev);
 *   - our incremental build after editing one article, then one person;
 *   - the publisher (`npm start`) from a signed webhook to the edited page being served, for an
 *     article's opening sentence and for a person's name (three times each, each once the publisher
 *     is idle again), and for the article edited three times in a row (each as soon as the last
 *     is live);
 *   - the same articles as Markdown, built by plain Eleventy and (when `hugo` is on PATH) by Hugo,
 *     and as pre-rendered HTML built by plain Eleventy (one pagination template, no layout: what
 *     Eleventy itself costs per page).
 * Every build runs as a child process; wall time and peak RSS are measured from outside. Our builds
 * skip the Pagefind search index (the baselines have none); `--with-search` adds one warm full build
 * with it. `--verify` checks that the incremental result equals a full build of the same content.
 * Prints a table, then one JSON line with the headline figures (always the last line of stdout).
 */

import { mkdir, readdir, rm } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { BUILD_NODE_FLAGS } from '../scripts/build/node-flags.ts'
import { DEFAULT_SEED } from '../scripts/gen/dataset.ts'
import { editFields, editText } from '../scripts/gen/edits.ts'
import { writeDataset } from '../scripts/gen/write.ts'
import { paths } from '../scripts/site-data/urls.ts'
import type { SanityDocument } from '../scripts/source/types.ts'
import { exportMarkdownProjects } from './markdown.ts'
import { available, type Measured, measure } from './measure.ts'
import { forEachDocument, rewrite } from './ndjson.ts'
import { measureWebhookToLive, type WebhookEdit } from './publish.ts'
import { compareTrees } from './tree.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const NODE = process.execPath

interface Row {
  name: string
  pages: number | null
  measured: Measured | null
  note?: string
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      seed: { type: 'string', default: DEFAULT_SEED },
      dir: { type: 'string' },
      'no-hugo': { type: 'boolean', default: false },
      'no-eleventy': { type: 'boolean', default: false },
      'no-publish': { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      'with-search': { type: 'boolean', default: false },
    },
    strict: true,
  })
  const articles = Number(values.articles)
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer')
  const work = resolve(values.dir ?? join(ROOT, '.cache', 'bench', String(articles)))
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

  const dataset = join(work, 'dataset.ndjson')
  log(`generating ${articles} articles into ${dataset}`)
  const generated = await writeDataset({ articles, seed: values.seed }, dataset)
  log(`${generated.documents} documents, ${(generated.bytes / 1048576).toFixed(0)} MiB`)

  // Every Node child gets the same compile cache (ours and plain Eleventy alike).
  const env = {
    REEL_CACHE_DIR: join(work, 'cache'),
    NODE_COMPILE_CACHE: join(work, 'node-compile-cache'),
    SITE_URL: 'https://reelstatus.example',
  }
  const site = join(work, 'site')
  /** `scripts/build.ts` as `npm run build` runs it, with these arguments. */
  const ourBuild = (...args: string[]) => [...BUILD_NODE_FLAGS, 'scripts/build.ts', '--quiet', ...args]
  const build = (out: string, args: string[]) =>
    measure(NODE, ourBuild('--out', out, '--no-search', ...args), { cwd: ROOT, env })
  const rows: Row[] = []

  // Full builds write to new directories (as the baselines do): nothing to replace.
  log('our full build, cold cache')
  const cold = await build(join(work, 'site-cold'), ['--dataset', dataset])
  const pages = await countHtml(join(work, 'site-cold'))
  rows.push({ name: 'Reel Status full build (cold cache)', pages, measured: cold })
  log('our full build, warm cache')
  const warm = await build(site, ['--dataset', dataset])
  rows.push({ name: 'Reel Status full build (warm cache)', pages: await countHtml(site), measured: warm })
  if (values['with-search']) {
    log('our full build, warm cache, with the search index')
    const searched = await measure(NODE, ourBuild('--out', join(work, 'site-search'), '--dataset', dataset), {
      cwd: ROOT,
      env,
    })
    rows.push({ name: 'same, with Pagefind search index', pages: null, measured: searched })
  }

  // One edited article, then one edited person, each published incrementally.
  const articleId = await nthId(dataset, 'article', Math.floor(articles / 2))
  const personId = await nthId(dataset, 'person', 7)
  const edited1 = join(work, 'dataset-edit-article.ndjson')
  await rewrite(dataset, edited1, (doc) =>
    doc._id === articleId ? editText(doc, 'An edited opening sentence for the benchmark.') : doc,
  )
  log(`incremental build: article ${articleId}`)
  const incArticle = await build(site, ['--dataset', edited1, '--changed', articleId])
  rows.push({ name: 'incremental: one article edited', pages: null, measured: incArticle, note: articleId })
  const edited2 = join(work, 'dataset-edit-person.ndjson')
  await rewrite(edited1, edited2, (doc) =>
    doc._id === personId ? editFields(doc, { name: `${String(doc.name)} Jr.` }) : doc,
  )
  log(`incremental build: person ${personId}`)
  const incPerson = await build(site, ['--dataset', edited2, '--changed', personId])
  rows.push({ name: 'incremental: one person renamed', pages: null, measured: incPerson, note: personId })

  if (values.verify) {
    log('verifying: full build of the edited dataset equals the incremental result')
    const full = join(work, 'site-verify')
    await measure(NODE, ourBuild('--out', full, '--no-search', '--dataset', edited2), {
      cwd: ROOT,
      env: { ...env, REEL_CACHE_DIR: join(work, 'cache-verify') },
    })
    // The two builds ran at different times: `_build/` records when (test/incremental compares those too, at a fixed time).
    const differences = await compareTrees(full, site, ['_build/report.json', '_build/manifest.json'])
    if (differences.length > 0) throw new Error(`incremental ≠ full:\n${differences.slice(0, 20).join('\n')}`)
    log('verified: byte-identical')
  }

  let webhookToLive: number | null = null
  let webhookPersonToLive: number | null = null
  let webhookInARow: number | null = null
  if (!values['no-publish']) {
    log(
      `publisher: webhook to live, editing ${articleId} and then ${personId} three times each, then ${articleId} three times in a row`,
    )
    const publishWork = join(work, 'publish')
    await mkdir(publishWork, { recursive: true })
    // The article's opening sentence rewritten; `made` tells the edits of each row apart.
    const articleEdit = (name: string, made: string, inARow = false): WebhookEdit => ({
      name,
      id: articleId,
      page: (doc) => paths.article(slugText(doc)),
      edit: (doc, n) => {
        const sentence = `Benchmark edit number ${n} of the opening sentence${made}.`
        return { doc: editText(doc, sentence), shows: sentence }
      },
      inARow,
    })
    const measured = await measureWebhookToLive(dataset, publishWork, [
      articleEdit('article', ''),
      {
        name: 'person',
        id: personId,
        page: (doc) => paths.person(slugText(doc)),
        edit: (doc, n) => {
          const name = `${String(doc.name)} Edit ${n}`
          return { doc: editFields(doc, { name }), shows: name }
        },
      },
      articleEdit('article-in-a-row', ', made in a row', true),
    ])
    const first = `first build ${measured.firstBuildSeconds.toFixed(1)} s`
    const row = (name: string, label: string) => {
      const seconds = measured.seconds.get(name) ?? []
      const middle = median(seconds)
      rows.push({
        name: `publisher: webhook → live, ${label}`,
        pages: null,
        measured: { seconds: middle, peakRssMiB: null, stdout: '', stderr: '' },
        note: `median of ${seconds.map((s) => s.toFixed(2)).join(', ')} s; ${first}`,
      })
      return middle
    }
    webhookToLive = row('article', 'one article')
    webhookPersonToLive = row('person', 'one person renamed')
    webhookInARow = row('article-in-a-row', 'article edits in a row')
  }

  let eleventySeconds: number | null = null
  let eleventyHtmlSeconds: number | null = null
  let hugoSeconds: number | null = null
  const needMarkdown = !values['no-eleventy'] || !values['no-hugo']
  if (needMarkdown) {
    log('exporting the articles as Markdown')
    const md = await exportMarkdownProjects(dataset, join(work, 'markdown'))
    log(`${md.articles} Markdown files`)
    if (!values['no-eleventy']) {
      const eleventyCli = join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs')
      /** Plain Eleventy over one of the exported projects: a table row, and its seconds. */
      const plainEleventy = async (name: string, project: string, config: string): Promise<number> => {
        log(`plain Eleventy: ${name}`)
        const dir = join(work, 'markdown', project)
        const run = await measure(NODE, [eleventyCli, `--config=${config}`, '--quiet'], { cwd: dir, env })
        rows.push({
          name: `plain Eleventy 3, ${name}`,
          pages: await countHtml(join(dir, '_site')),
          measured: run,
        })
        return run.seconds
      }
      eleventySeconds = await plainEleventy('Markdown', 'eleventy', 'eleventy.config.cjs')
      eleventyHtmlSeconds = await plainEleventy('pre-rendered HTML', 'eleventy-html', 'eleventy.config.mjs')
    }
    if (!values['no-hugo']) {
      if (await available('hugo', ['version'])) {
        log('Hugo over Markdown')
        const project = join(work, 'markdown', 'hugo')
        const run = await measure('hugo', ['--quiet', '--destination', 'public'], { cwd: project })
        hugoSeconds = run.seconds
        rows.push({ name: 'Hugo, Markdown', pages: await countHtml(join(project, 'public')), measured: run })
      } else {
        rows.push({ name: 'Hugo, Markdown', pages: null, measured: null, note: 'hugo not on PATH' })
      }
    }
  }

  printTable(rows, articles)
  const incrementalSeconds = Math.max(incArticle.seconds, incPerson.seconds)
  const peaks = [cold, warm, incArticle, incPerson].map((m) => m.peakRssMiB ?? 0)
  const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000)
  const summary = {
    articles,
    pages,
    fullSeconds: round(cold.seconds),
    warmSeconds: round(warm.seconds),
    incrementalSeconds: round(incrementalSeconds),
    incrementalArticleSeconds: round(incArticle.seconds),
    incrementalPersonSeconds: round(incPerson.seconds),
    webhookToLiveSeconds: round(webhookToLive),
    webhookPersonToLiveSeconds: round(webhookPersonToLive),
    webhookInARowSeconds: round(webhookInARow),
    peakRssMiB: Math.round(Math.max(...peaks)),
    eleventyMarkdownSeconds: round(eleventySeconds),
    eleventyHtmlSeconds: round(eleventyHtmlSeconds),
    hugoSeconds: round(hugoSeconds),
    ratioVsHugo: hugoSeconds ? round(warm.seconds / hugoSeconds) : null,
    coldRatioVsHugo: hugoSeconds ? round(cold.seconds / hugoSeconds) : null,
    ratioVsEleventyMarkdown: eleventySeconds ? round(warm.seconds / eleventySeconds) : null,
    ratioVsEleventyHtml: eleventyHtmlSeconds ? round(warm.seconds / eleventyHtmlSeconds) : null,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 1073741824),
    node: process.version,
  }
  console.log(JSON.stringify(summary))
  return 0
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function printTable(rows: Row[], articles: number): void {
  const header = ['build', 'pages', 'seconds', 'peak RSS MiB', 'note']
  const body = rows.map((row) => [
    row.name,
    row.pages === null ? '' : String(row.pages),
    row.measured ? row.measured.seconds.toFixed(2) : '—',
    row.measured?.peakRssMiB ? row.measured.peakRssMiB.toFixed(0) : '—',
    row.note ?? '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(`\n${articles} articles, ${cpus().length} CPUs, ${(totalmem() / 1073741824).toFixed(0)} GiB\n`)
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of body) console.log(line(row))
  console.log('')
}

async function countHtml(dir: string): Promise<number> {
  let count = 0
  const walk = async (path: string) => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(path, entry.name))
      else if (entry.name.endsWith('.html')) count += 1
    }
  }
  await walk(dir)
  return count
}

/** A document's slug as published. */
function slugText(doc: SanityDocument): string {
  const slug = (doc.slug as { current?: unknown } | undefined)?.current
  if (typeof slug !== 'string' || slug === '') throw new Error(`${doc._id} has no slug`)
  return slug
}

/**
 * The id of the n-th published document of a type (0-based), in file order, or of the last one when
 * there are fewer (a small dataset).
 */
async function nthId(file: string, type: string, n: number): Promise<string> {
  let seen = 0
  let found: string | undefined
  await forEachDocument(file, (doc) => {
    if (seen > n || doc._type !== type || doc._id.startsWith('drafts.')) return
    found = doc._id
    seen += 1
  })
  if (!found) throw new Error(`no ${type} in ${file}`)
  return found
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return 1
})

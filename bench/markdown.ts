/**
 * Exports the articles of a dataset as projects for the baseline builds: Markdown for plain Eleventy
 * (front matter + a minimal Nunjucks layout) and for Hugo (same files, minimal layouts), and the same
 * articles as pre-rendered HTML in global data for Eleventy's floor (one pagination template, no
 * layout: the least Eleventy does for a page). Portable Text becomes ordinary Markdown: headings,
 * paragraphs, emphasis, code, links, lists, quotes; cast lists and status callouts become lists and
 * quotes with the same text.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import MarkdownIt from 'markdown-it'
import { forEachDocument } from './ndjson.ts'

type Rec = Record<string, unknown>

export interface MarkdownExport {
  articles: number
  bytes: number
}

/**
 * Writes `<dir>/eleventy/` and `<dir>/hugo/` projects with the same Markdown articles, and
 * `<dir>/eleventy-html/` with them rendered to HTML (by markdown-it, outside any timed build).
 */
export async function exportMarkdownProjects(dataset: string, dir: string): Promise<MarkdownExport> {
  // Pass 1: URLs and names for references (internal links, cast lists).
  const urls = new Map<string, string>()
  const names = new Map<string, string>()
  const credits = new Map<string, { person: string; character: string }>()
  const prefixes: Record<string, string> = {
    article: 'articles',
    show: 'shows',
    person: 'people',
    author: 'authors',
    network: 'networks',
  }
  await forEachDocument(dataset, (doc) => {
    if (doc._id.startsWith('drafts.')) return
    const slug = (doc.slug as { current?: string } | undefined)?.current
    const prefix = prefixes[doc._type]
    if (slug && prefix) urls.set(doc._id, `/${prefix}/${slug}/`)
    const name = (doc.title ?? doc.name) as string | undefined
    if (name) names.set(doc._id, name)
    if (doc._type === 'castCredit') {
      credits.set(doc._id, {
        person: ((doc.person as Rec)?._ref as string) ?? '',
        character: String(doc.characterName ?? ''),
      })
    }
  })

  const eleventy = join(dir, 'eleventy')
  const hugo = join(dir, 'hugo')
  const html = join(dir, 'eleventy-html')
  await mkdir(join(html, '_data'), { recursive: true })
  await writeFile(join(html, 'articles.11ty.mjs'), ELEVENTY_HTML_TEMPLATE)
  await writeFile(join(html, 'eleventy.config.mjs'), ELEVENTY_HTML_CONFIG)
  // One JSON array, written as it is made (~13 KB of HTML per article).
  const htmlData = createWriteStream(join(html, '_data', 'articles.json'))
  const markdown = new MarkdownIt()
  htmlData.write('[')
  await mkdir(join(eleventy, 'articles'), { recursive: true })
  await mkdir(join(eleventy, '_includes'), { recursive: true })
  await mkdir(join(hugo, 'content', 'articles'), { recursive: true })
  await mkdir(join(hugo, 'layouts', '_default'), { recursive: true })
  await writeFile(join(eleventy, '_includes', 'base.njk'), ELEVENTY_LAYOUT)
  await writeFile(join(eleventy, 'eleventy.config.cjs'), ELEVENTY_CONFIG)
  await writeFile(join(hugo, 'hugo.toml'), HUGO_CONFIG)
  await writeFile(join(hugo, 'layouts', '_default', 'baseof.html'), HUGO_BASEOF)
  await writeFile(join(hugo, 'layouts', '_default', 'single.html'), HUGO_SINGLE)
  await writeFile(join(hugo, 'layouts', '_default', 'list.html'), HUGO_LIST)

  let articles = 0
  let bytes = 0
  const pending: Promise<void>[] = []
  const ctx: Context = { urls, names, credits }
  await forEachDocument(dataset, async (doc) => {
    if (doc._type !== 'article' || doc._id.startsWith('drafts.')) return
    const slug = (doc.slug as { current?: string } | undefined)?.current
    if (!slug) return
    const body = portableTextToMarkdown(doc.body, ctx)
    const front = [
      '---',
      `title: ${JSON.stringify(String(doc.title ?? ''))}`,
      `date: ${String(doc.publishedAt)}`,
      `description: ${JSON.stringify(String(doc.dek ?? ''))}`,
      `tags: ${JSON.stringify((doc.tags as string[] | undefined) ?? [])}`,
    ]
    const eleventyFile = `${[...front, 'layout: base.njk', `permalink: /articles/${slug}/`, '---', ''].join('\n')}\n${body}`
    const hugoFile = `${[...front, `url: /articles/${slug}/`, '---', ''].join('\n')}\n${body}`
    articles += 1
    bytes += eleventyFile.length
    pending.push(writeFile(join(eleventy, 'articles', `${slug}.md`), eleventyFile))
    pending.push(writeFile(join(hugo, 'content', 'articles', `${slug}.md`), hugoFile))
    const rendered = JSON.stringify({
      slug,
      title: String(doc.title ?? ''),
      description: String(doc.dek ?? ''),
      html: markdown.render(body),
    })
    if (!htmlData.write(`${articles > 1 ? ',' : ''}\n${rendered}`)) {
      await new Promise((resolve) => htmlData.once('drain', resolve))
    }
    if (pending.length >= 64) await Promise.all(pending.splice(0))
  })
  await Promise.all(pending)
  htmlData.end(']\n')
  await finished(htmlData)
  return { articles, bytes }
}

interface Context {
  urls: ReadonlyMap<string, string>
  names: ReadonlyMap<string, string>
  credits: ReadonlyMap<string, { person: string; character: string }>
}

const MARKS: Record<string, [string, string]> = {
  strong: ['**', '**'],
  em: ['*', '*'],
  code: ['`', '`'],
  'strike-through': ['~~', '~~'],
}

function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>#{}|])/g, '\\$1')
}

function inline(block: Rec, ctx: Context): string {
  const defs = new Map<string, Rec>()
  for (const def of (block.markDefs as Rec[] | undefined) ?? []) defs.set(String(def._key), def)
  let out = ''
  for (const span of (block.children as Rec[] | undefined) ?? []) {
    const marks = (span.marks as string[] | undefined) ?? []
    const rawText = String(span.text ?? '')
    if (marks.includes('code')) {
      out += `\`${rawText.replace(/`/g, "'")}\``
      continue
    }
    let text = escapeText(rawText)
    for (const mark of marks) {
      const wrap = MARKS[mark]
      if (wrap && text.trim() !== '') text = `${wrap[0]}${text}${wrap[1]}`
      const def = defs.get(mark)
      if (def?._type === 'link') text = `[${text}](${String(def.href)})`
      if (def?._type === 'internalLink') {
        const url = ctx.urls.get(String((def.reference as Rec)?._ref))
        if (url) text = `[${text}](${url})`
      }
    }
    out += text
  }
  return out
}

/** Portable Text → Markdown, one block per paragraph. */
export function portableTextToMarkdown(blocks: unknown, ctx: Context): string {
  const out: string[] = []
  let inList = false
  for (const block of Array.isArray(blocks) ? (blocks as Rec[]) : []) {
    if (block._type === 'block') {
      const text = inline(block, ctx)
      if (block.listItem) {
        const level = Math.max(1, Number(block.level ?? 1))
        const marker = block.listItem === 'number' ? '1.' : '-'
        out.push(`${'   '.repeat(level - 1)}${marker} ${text}`)
        inList = true
        continue
      }
      if (inList) out.push('')
      inList = false
      const style = String(block.style ?? 'normal')
      const heading = /^h([1-6])$/.exec(style)
      if (heading) out.push(`${'#'.repeat(Number(heading[1]))} ${text}`, '')
      else if (style === 'blockquote') out.push(`> ${text}`, '')
      else out.push(text, '')
      continue
    }
    if (inList) out.push('')
    inList = false
    if (block._type === 'castList') {
      if (block.title) out.push(`**${escapeText(String(block.title))}**`, '')
      for (const ref of (block.credits as Rec[] | undefined) ?? []) {
        const credit = ctx.credits.get(String(ref._ref))
        if (!credit) continue
        const name = escapeText(ctx.names.get(credit.person) ?? '')
        const url = ctx.urls.get(credit.person)
        out.push(`- ${url ? `[${name}](${url})` : name} as ${escapeText(credit.character)}`)
      }
      out.push('')
    } else if (block._type === 'statusCallout') {
      const show = String((block.show as Rec)?._ref)
      out.push(`> **Status:** [${escapeText(ctx.names.get(show) ?? '')}](${ctx.urls.get(show) ?? '/'})`)
      if (block.note) out.push(`> ${escapeText(String(block.note))}`)
      out.push('')
    } else if (block._type === 'pullQuote') {
      out.push(`> ${escapeText(String(block.text ?? ''))}`)
      if (block.attribution) out.push(`> — ${escapeText(String(block.attribution))}`)
      out.push('')
    }
  }
  return `${out.join('\n').trim()}\n`
}

const ELEVENTY_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · Reel Status</title><meta name="description" content="{{ description }}"></head>
<body><header><a href="/">Reel Status</a></header>
<main><article><h1>{{ title }}</h1>
{{ content | safe }}
</article></main>
<footer><p>Reel Status</p></footer></body>
</html>
`

const ELEVENTY_CONFIG = `module.exports = function () {
  return { dir: { input: '.', includes: '_includes', output: '_site' }, templateFormats: ['md'] }
}
`

const ELEVENTY_HTML_TEMPLATE = `const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])

export const data = {
  pagination: { data: 'articles', size: 1, alias: 'article', addAllPagesToCollections: false },
  permalink: (data) => \`/articles/\${data.article.slug}/\`,
}

export function render({ article }) {
  return \`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>\${escape(article.title)} · Reel Status</title><meta name="description" content="\${escape(article.description)}"></head>
<body><header><a href="/">Reel Status</a></header>
<main><article><h1>\${escape(article.title)}</h1>
\${article.html}
</article></main>
<footer><p>Reel Status</p></footer></body>
</html>
\`
}
`

const ELEVENTY_HTML_CONFIG = `export default function () {
  return { dir: { input: '.', data: '_data', output: '_site' }, templateFormats: ['11ty.js'] }
}
`

const HUGO_CONFIG = `baseURL = "http://localhost:8080/"
languageCode = "en"
title = "Reel Status"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`

const HUGO_BASEOF = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · Reel Status</title><meta name="description" content="{{ .Description }}"></head>
<body><header><a href="/">Reel Status</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Reel Status</p></footer></body>
</html>
`

const HUGO_SINGLE = `{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ .Content }}
</article>{{ end }}
`

const HUGO_LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
`

/*
 * Audits a built site the way a browser and a feed reader would read it: every HTML file is parsed
 * with a real HTML parser (parse5, through hast-util-from-html), every XML file is checked for
 * well-formedness and its HTML payloads parsed again, every JSON file parsed, and every internal link
 * resolved against the files on disk.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { Element, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString as textOf } from 'hast-util-to-string'
import { SaxesParser } from 'saxes'

export interface AuditProblem {
  file: string
  problem: string
}

export interface SiteFiles {
  /** Every file, relative to the site root, `/`-separated. */
  all: string[]
  /** Text content of every HTML, XML and JSON file. */
  text: Map<string, string>
}

/** Scripts the site itself ships (the search page); anything else with a `src` is foreign. */
const OWN_SCRIPT_PREFIXES = ['/assets/', '/pagefind/']
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'])
/** hast property names of attributes that hold URLs. */
const URL_PROPERTIES = [
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'cite',
  'data',
  'background',
  'ping',
  'manifest',
  'codeBase',
  'longDesc',
]
const DANGEROUS_SCHEME = /^(javascript|vbscript|data):/
const BROKEN_TEXT = /\bundefined\b|\bNaN\b|\[object Object\]/
// Characters XML 1.0 does not allow, and unpaired surrogates.
const NOT_XML = /[^\P{Cc}\t\n\r]|\p{Cs}|[\uFFFE\uFFFF]/u

/** Reads every file of a built site. */
export async function readSite(dir: string): Promise<SiteFiles> {
  const all: string[] = []
  const text = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/')
    all.push(file)
    if (/\.(html|xml|json|txt)$/.test(file)) text.set(file, await readFile(join(dir, file), 'utf8'))
  }
  all.sort()
  return { all, text }
}

/**
 * Every problem found in the site's HTML, XML and JSON files.
 *
 * @param dir the site root
 * @param files from {@link readSite}
 */
export function auditSite(dir: string, files: SiteFiles): AuditProblem[] {
  const problems: AuditProblem[] = []
  for (const [file, content] of files.text) {
    const report = (problem: string) => problems.push({ file, problem })
    if (file.endsWith('.html')) auditHtml(fromHtml(content), report, { dir, file })
    else if (file.endsWith('.xml')) auditXml(content, report)
    else if (file.endsWith('.json')) auditJson(content, report)
    // Build diagnostics live in _build/ and are never linked from what readers get.
    if (!file.startsWith('_build/') && /["'(]\/_build\b/.test(content)) report('links to the build report')
  }
  return problems
}

interface LinkContext {
  dir: string
  file: string
}

/** Checks one parsed HTML document or fragment; `links` also resolves internal links on disk. */
export function auditHtml(tree: Root, report: (problem: string) => void, links?: LinkContext): void {
  const walk = (node: Nodes, inRawText: boolean) => {
    if (node.type === 'text' && !inRawText) {
      if (BROKEN_TEXT.test(node.value) || node.value.trim() === 'null') {
        report(`text shows a missing value: ${JSON.stringify(node.value.trim().slice(0, 80))}`)
      }
    }
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') auditElement(node, report, links)
    const raw = node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')
    for (const child of node.children) walk(child as Nodes, inRawText || raw)
  }
  walk(tree, false)
}

function auditElement(element: Element, report: (problem: string) => void, links?: LinkContext): void {
  const { tagName, properties } = element
  if (tagName === 'script') auditScript(element, report)
  if (FORBIDDEN_ELEMENTS.has(tagName)) report(`<${tagName}> element`)
  if (tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
    report('<meta http-equiv="refresh">')
  }
  for (const [name, value] of Object.entries(properties)) {
    if (/^on/i.test(name)) report(`event handler attribute ${name} on <${tagName}>`)
    const values = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]
    for (const text of values) {
      if (BROKEN_TEXT.test(text) || text === 'null') {
        report(
          `attribute ${name} on <${tagName}> shows a missing value: ${JSON.stringify(text.slice(0, 80))}`,
        )
      }
    }
    if (name === 'style' && /expression\(|javascript:|url\(/i.test(values.join(' '))) {
      report(`active style attribute on <${tagName}>`)
    }
    if (!URL_PROPERTIES.includes(name)) continue
    const urls =
      name === 'srcSet'
        ? values
            .join(',')
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0] ?? '')
        : values
    for (const url of urls) {
      const normalised = url.replace(/[\s\p{Cc}]+/gu, '').toLowerCase()
      if (DANGEROUS_SCHEME.test(normalised))
        report(`${name}=${JSON.stringify(url.slice(0, 80))} on <${tagName}>`)
      if (links && name === 'href' && url.startsWith('/') && !url.startsWith('//')) {
        const path = decodeURIComponent((url.split('#')[0] ?? '').split('?')[0] ?? '')
        const target = path.endsWith('/') ? `${path}index.html` : path
        if (!existsSync(join(links.dir, target))) report(`broken internal link ${url}`)
      }
    }
  }
}

function auditScript(element: Element, report: (problem: string) => void): void {
  const type = String(element.properties.type ?? '')
  const src = element.properties.src
  const content = textOf(element)
  if (type === 'application/ld+json') {
    if (src !== undefined) report('JSON-LD script with a src')
    if (/<\/script|<!--|<script/i.test(content))
      report('JSON-LD contains markup that can end or confuse the script')
    try {
      JSON.parse(content)
    } catch {
      report(`JSON-LD is not valid JSON: ${JSON.stringify(content.slice(0, 80))}`)
    }
    return
  }
  if (typeof src === 'string' && OWN_SCRIPT_PREFIXES.some((prefix) => src.startsWith(prefix))) {
    if (content.trim() !== '') report(`script ${src} has inline content`)
    return
  }
  report(
    `executable <script${type ? ` type=${type}` : ''}${src ? ` src=${String(src)}` : ''}>: ${JSON.stringify(content.slice(0, 80))}`,
  )
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text' })

/** The first well-formedness error a conforming XML parser (saxes) finds, if any. */
export function xmlError(content: string): string | undefined {
  const parser = new SaxesParser()
  let error: string | undefined
  parser.on('error', (e) => {
    error ??= e.message
  })
  try {
    parser.write(content).close()
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e)
  }
  return error
}

function auditXml(content: string, report: (problem: string) => void): void {
  // Feed readers use strict parsers: a feed with "]]>" in text, an undefined entity or a control
  // character is rejected whole. fast-xml-parser (used below to read the structure) is lenient.
  const error = xmlError(content)
  if (error) {
    report(`not well-formed XML: ${error}`)
    return
  }
  if (NOT_XML.test(content)) report('contains characters XML does not allow')
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key)
      return
    }
    if (typeof value !== 'object' || value === null) {
      if (key === 'loc' || key === 'uri' || key === '@_href') checkHttp(String(value), key, report)
      return
    }
    const record = value as Record<string, unknown>
    // Atom text constructs of type html carry escaped HTML: readers render it, so audit it as HTML.
    if (record['@_type'] === 'html' && typeof record['#text'] === 'string') {
      auditHtml(fromHtml(record['#text'], { fragment: true }), (problem) =>
        report(`<${key}> HTML: ${problem}`),
      )
    }
    for (const [child, inner] of Object.entries(record)) walk(inner, child)
  }
  walk(xml.parse(content), '')
}

function auditJson(content: string, report: (problem: string) => void): void {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch (error) {
    report(`not valid JSON: ${String(error)}`)
    return
  }
  const feed = value as { version?: unknown; items?: Array<Record<string, unknown>> }
  if (typeof feed.version !== 'string' || !feed.version.includes('jsonfeed.org')) return
  for (const item of feed.items ?? []) {
    for (const key of ['url', 'external_url', 'image', 'banner_image']) {
      if (item[key] !== undefined) checkHttp(String(item[key]), key, report)
    }
    if (typeof item.content_html === 'string') {
      auditHtml(fromHtml(item.content_html, { fragment: true }), (problem) =>
        report(`content_html: ${problem}`),
      )
    }
  }
}

function checkHttp(url: string, key: string, report: (problem: string) => void): void {
  if (!/^https?:\/\//.test(url.trim()))
    report(`${key} is not an http(s) URL: ${JSON.stringify(url.slice(0, 80))}`)
}

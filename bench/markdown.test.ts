import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDocuments } from '../scripts/gen/dataset.ts'
import { exportMarkdownProjects } from './markdown.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

describe('baseline projects', () => {
  let work: string | undefined
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('give plain Eleventy the same articles as pre-rendered HTML, one page each', async () => {
    work = await mkdtemp(join(tmpdir(), 'reel-baselines-'))
    const documents = [...generateDocuments({ articles: 6, seed: 'baselines' })]
    const dataset = join(work, 'data.ndjson')
    await writeFile(dataset, documents.map((doc) => JSON.stringify(doc)).join('\n'))
    const exported = await exportMarkdownProjects(dataset, work)
    expect(exported.articles).toBe(6)

    const project = join(work, 'eleventy-html')
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.mjs', '--quiet'],
      { cwd: project },
    )
    const slugs = await readdir(join(project, '_site', 'articles'))
    expect(slugs).toHaveLength(6)
    const markdown = await readdir(join(work, 'eleventy', 'articles'))
    expect(slugs.sort()).toEqual(markdown.map((file) => file.replace(/\.md$/, '')).sort())
    for (const slug of slugs) {
      const page = await readFile(join(project, '_site', 'articles', slug, 'index.html'), 'utf8')
      const source = await readFile(join(work, 'eleventy', 'articles', `${slug}.md`), 'utf8')
      const title = JSON.parse(/^title: (.*)$/m.exec(source)?.[1] ?? '""') as string
      expect(page).toContain(`<h1>${title.replace(/&/g, '&amp;')}</h1>`)
      // The body rendered from the same Markdown: its first paragraph's opening words.
      const body = source.slice(source.indexOf('\n---\n', 4) + 5).trim()
      const opening = body.split('\n')[0]?.split(' ').slice(0, 3).join(' ') ?? ''
      expect(page).toContain(`<p>${opening}`)
      expect(page).toMatch(/^<!doctype html>/)
    }
  }, 60_000)
})

/**
 * Throughput benchmark (not a test): renders a typical article body (~30 blocks: headings, paragraphs with
 * decorators and links, a nested list, an image, a pull quote, a status callout, a cast list) in a loop on
 * one core and prints bodies/second (per CPU second of this process, and per wall-clock second).
 * Run: `npx node scripts/richtext/bench.ts [seconds per measurement, default 3]`.
 */
import type { Root } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import {
  markdownToHtml,
  portableTextToHast,
  portableTextToHtml,
  rehypeRichTextTail,
  renderPortableText,
} from './index.ts'
import { createContext } from './lib/context.ts'
import type { InlineContext } from './lib/marks.ts'
import { normaliseHost } from './lib/url.ts'
import { typicalOptions as options, typicalBody } from './test/typical-body.ts'

/**
 * Runs `fn` for about `seconds` and reports bodies per second of this process's CPU time (user + system,
 * all threads, so GC helpers count against us) — robust when other jobs share the machine — and per
 * wall-clock second.
 */
function measure(name: string, seconds: number, fn: () => unknown): number {
  for (let i = 0; i < 500; i++) fn() // warm-up (JIT)
  let n = 0
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const end = start + seconds * 1000
  let now = start
  while (now < end) {
    for (let i = 0; i < 50; i++) fn()
    n += 50
    now = performance.now()
  }
  const cpu = process.cpuUsage(cpu0)
  const cpuRate = n / ((cpu.user + cpu.system) / 1e6)
  const wallRate = n / ((now - start) / 1000)
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(8)
  console.log(`${name.padEnd(34)} ${fmt(cpuRate)} bodies/CPU-s ${fmt(wallRate)} bodies/wall-s`)
  return cpuRate
}

const seconds = Number(process.argv[2] ?? 3) || 3
const body = typicalBody()
const html = portableTextToHtml(body, options)
console.log(`typical body: ${body.length} blocks → ${html.length} chars of HTML (node ${process.version})`)
measure('portableTextToHtml', seconds, () => portableTextToHtml(body, options))
measure('renderPortableText (+text/toc)', seconds, () => renderPortableText(body, options))
measure('renderPortableText, toc+quotes', seconds, () =>
  renderPortableText(body, { ...options, toc: true, typographicQuotes: true }),
)
// Reference: the same tail with rehype-stringify as the compiler (what toHtmlFast replaces).
const reference = unified().use(rehypeRichTextTail).use(rehypeStringify).freeze()
const withRehypeStringify = () => {
  const ctx = createContext(options) as InlineContext
  ctx.siteHost = normaliseHost(options.siteHost)
  const tree = reference.runSync(portableTextToHast(body, ctx), { data: { richtext: { ctx, headings: [] } } })
  return reference.stringify(tree as Root)
}
if (withRehypeStringify() !== html) throw new Error('rehype-stringify output differs from toHtmlFast output')
measure('  same with rehype-stringify', seconds, withRehypeStringify)
const faq = 'Yes. **Netflix** confirmed it in [a statement](https://about.netflix.com/).\n\n- one\n- two'
measure('markdownToHtml (FAQ answer)', seconds, () => markdownToHtml(faq, options))

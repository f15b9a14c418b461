import { describe, expect, it } from 'vitest'
import { renderPortableText } from '../index.ts'
import { renderPt } from './helpers.ts'
import { typicalBody, typicalOptions } from './typical-body.ts'

describe('typical article body (benchmark workload)', () => {
  it('renders without warnings, every block accounted for', () => {
    const { html, warnings, rendered } = renderPt(typicalBody(), typicalOptions)
    expect(warnings).toEqual([])
    expect(html.match(/<h2 /g)?.length).toBe(4)
    expect(html.match(/<h3 /g)?.length).toBe(4)
    expect(html.match(/<p>/g)?.length).toBe(15) // 14 paragraphs + the pull quote's
    expect(html).toContain(
      '<ul><li>Season one premiered in August 2022</li><li>Ten episodes, all released at once<ul>',
    )
    expect(html).toContain(
      '<figure class="image-figure"><img src="https://cdn.sanity.io/images/abc123/production/',
    )
    expect(html).toContain('<aside class="status-callout" data-status="cancelled">')
    expect(html).toContain(
      '<ul class="cast-list"><li data-billing="main"><a href="/people/actor-1/">Actor 1</a> as Character</li>',
    )
    expect(html).toContain('<a href="/shows/partner-track/"><strong>Partner Track</strong></a>')
    expect(html).not.toMatch(/_key|k\d+"|undefined|null/)
    expect(rendered.toc.map((e) => e.depth)).toEqual([2, 3, 2, 3, 2, 3, 2, 3])
    expect(rendered.readingMinutes).toBeGreaterThan(1)
  })

  it('is deterministic and the warm processor is reused', () => {
    const body = typicalBody()
    expect(renderPortableText(body, typicalOptions)).toEqual(renderPortableText(body, typicalOptions))
  })
})

import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { imageSetupFor, imageView, localImageUrl, publishLocalImages } from './images.ts'

const SHA = 'a'.repeat(40)
const keyArt = {
  _type: 'imageWithAlt',
  asset: { _type: 'reference', _ref: `image-${SHA}-2400x1350-jpg` },
  alt: 'Key art: a lighthouse at dusk',
}

describe('images from a Sanity project', () => {
  it('builds a srcset of CDN renditions with width, height and sizes', async () => {
    const setup = await imageSetupFor('sanity:abc123/production')
    const view = imageView(keyArt, setup.options, '(min-width: 46rem) 44rem, 100vw')
    expect(view).toBeDefined()
    expect(view?.src).toMatch(
      /^https:\/\/cdn\.sanity\.io\/images\/abc123\/production\/a{40}-2400x1350\.jpg\?w=1024/,
    )
    const widths = (view?.srcset ?? '').split(', ').map((candidate) => candidate.split(' ')[1])
    expect(widths).toEqual(['320w', '480w', '640w', '800w', '1024w', '1280w', '1600w'])
    expect(view).toMatchObject({
      width: 1024,
      height: 576,
      alt: keyArt.alt,
      sizes: '(min-width: 46rem) 44rem, 100vw',
    })
    expect(setup.localDir).toBeUndefined()
  })

  it('applies the crop', async () => {
    const setup = await imageSetupFor('sanity:abc123/production')
    const cropped = imageView(
      { ...keyArt, crop: { top: 0, bottom: 0.5, left: 0, right: 0 } },
      setup.options,
      '100vw',
    )
    expect(cropped?.src).toContain('rect=0,0,2400,675')
    expect(cropped).toMatchObject({ width: 1024, height: 288 })
  })

  it('reports a missing alt text and skips fields without an image', async () => {
    const setup = await imageSetupFor('sanity:abc123/production')
    const warnings: string[] = []
    const view = imageView({ ...keyArt, alt: '' }, setup.options, '100vw', (w) => warnings.push(w.code))
    expect(view?.alt).toBe('')
    expect(warnings).toEqual(['missing-alt'])
    expect(imageView({ alt: 'no asset' }, setup.options, '100vw')).toBeUndefined()
    expect(imageView(null, setup.options, '100vw')).toBeUndefined()
  })
})

describe('images beside a dataset file', () => {
  it('serves files from <dataset folder>/images at /images/, one size with its dimensions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-images-'))
    await mkdir(join(dir, 'images'))
    await writeFile(join(dir, 'images', `${SHA}-2400x1350.jpg`), 'jpeg bytes')
    await writeFile(join(dir, 'images', 'notes.txt'), 'not an asset')
    const setup = await imageSetupFor(join(dir, 'data.ndjson'))
    expect([...setup.localFiles]).toEqual([`${SHA}-2400x1350.jpg`])
    const view = imageView(keyArt, setup.options, '100vw')
    expect(view).toEqual({
      src: `/images/${SHA}-2400x1350.jpg`,
      srcset: undefined,
      sizes: undefined,
      width: 2400,
      height: 1350,
      alt: keyArt.alt,
    })

    const out = await mkdtemp(join(tmpdir(), 'reel-images-out-'))
    expect(await publishLocalImages(setup, out)).toBe(1)
    expect(await readdir(join(out, 'images'))).toEqual([`${SHA}-2400x1350.jpg`])
  })

  it('reads the `_sanityAsset` placeholders of an export file', async () => {
    const url = localImageUrl(new Set([`${SHA}-2400x1350.jpg`]))
    const view = imageView(
      { _type: 'image', _sanityAsset: `image@file://./images/${SHA}-2400x1350.jpg`, alt: 'Placeholder' },
      { imageUrl: url, imageWidths: [Number.MAX_SAFE_INTEGER] },
      '100vw',
    )
    expect(view?.src).toBe(`/images/${SHA}-2400x1350.jpg`)
  })

  it('leaves out images whose file is missing, with a warning', async () => {
    const setup = await imageSetupFor(join(await mkdtemp(join(tmpdir(), 'reel-images-')), 'data.ndjson'))
    const warnings: string[] = []
    expect(
      imageView(keyArt, setup.options, '100vw', (w) => warnings.push(`${w.code}: ${w.message}`)),
    ).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(/^image-unresolvable: .*no file images\/a{40}-2400x1350\.jpg/),
    ])
    expect(await publishLocalImages(setup, '/nonexistent')).toBe(0)
  })
})

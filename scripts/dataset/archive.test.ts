import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { sanityImport } from '@sanity/import'
import { extract } from 'tar-stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_KEY_ART } from '../content/build-dataset.ts'
import { assetIdFromPath, assetPath, restoreAssetReferences } from '../source/assets.ts'
import { loadDataset } from '../source/dataset.ts'
import type { SanityDocument } from '../source/types.ts'
import { readExportContents, writeExportArchive } from './archive.ts'

const BUNDLED = 'content/data.ndjson'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reel-export-test-'))
})

/** Entry names and contents (text entries only) of a .tar.gz. */
async function listArchive(file: string): Promise<Map<string, { type: string; text: string }>> {
  const entries = new Map<string, { type: string; text: string }>()
  const reader = extract()
  createReadStream(file).pipe(createGunzip()).pipe(reader)
  for await (const entry of reader) {
    const chunks: Buffer[] = []
    for await (const chunk of entry) chunks.push(chunk as Buffer)
    entries.set(entry.header.name, {
      type: entry.header.type ?? 'file',
      text: Buffer.concat(chunks).toString('utf8'),
    })
  }
  return entries
}

describe('exporting the bundled dataset', () => {
  let archive: string
  beforeAll(async () => {
    archive = join(dir, 'bundled.tar.gz')
    const result = await writeExportArchive({
      dataset: BUNDLED,
      out: archive,
      mtime: new Date('2026-11-30T09:00:00Z'),
    })
    expect(result).toMatchObject({
      name: 'production-export-2026-11-30t09-00-00-000z',
      documents: 65,
      drafts: 1,
      assets: 3,
      missingAssets: [],
    })
  })

  it('has the layout of `sanity dataset export`', async () => {
    const entries = await listArchive(archive)
    const folder = 'production-export-2026-11-30t09-00-00-000z'
    expect([...entries.keys()]).toEqual([
      `${folder}/data.ndjson`,
      `${folder}/assets.json`,
      `${folder}/files/`,
      `${folder}/images/`,
      ...Object.values(SAMPLE_KEY_ART)
        .map((art) => `${folder}/images/${art.fileName}`)
        .sort(),
    ])
    expect(entries.get(`${folder}/data.ndjson`)?.text).toBe(await readFile(BUNDLED, 'utf8'))
    expect(JSON.parse(entries.get(`${folder}/assets.json`)?.text ?? '')).toEqual({})
    expect(entries.get(`${folder}/images/`)?.type).toBe('directory')
  })

  it('loads back to the same published documents', async () => {
    const fromArchive = await loadDataset(archive)
    const fromFile = await loadDataset(BUNDLED)
    expect(fromArchive.documents).toEqual(fromFile.documents)
    expect(fromArchive.unpublishedCount).toBe(1)
  })

  it('reads back whole, drafts included', async () => {
    const contents = await readExportContents(archive)
    expect(contents.name).toBe('production-export-2026-11-30t09-00-00-000z')
    const raw = (await readFile(BUNDLED, 'utf8')).trimEnd().split('\n')
    // Read back with the image placeholders restored to asset references, as the loader does.
    const restored = raw.map((line) => JSON.stringify(restoreAssetReferences(JSON.parse(line))))
    expect(contents.documents.map((document) => JSON.stringify(document))).toEqual(restored)
  })

  it('leaves drafts out on request', async () => {
    const out = join(dir, 'published.tar.gz')
    const result = await writeExportArchive({ dataset: BUNDLED, out, drafts: false, name: 'published' })
    expect(result).toMatchObject({ documents: 64, drafts: 0 })
    const contents = await readExportContents(out)
    expect(contents.documents.some((document) => document._id.startsWith('drafts.'))).toBe(false)
  })

  it('is accepted by the Sanity importer (the `sanity dataset import` pipeline)', async () => {
    const fake = fakeImportClient()
    const result = await sanityImport(createReadStream(archive), {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately minimal fake of @sanity/client
      client: fake.client as any,
      operation: 'create',
    })
    expect(result.numDocs).toBe(65)
    expect(fake.created).toHaveLength(65)
    expect(fake.created).toContain('drafts.article-partner-track-season-2')
    // The sample shows' key art, packed from content/images.
    expect(fake.uploads.map((upload) => upload.type)).toEqual(['image', 'image', 'image'])
  })

  it('refuses an empty dataset and leaves no partial archive behind', async () => {
    const empty = join(dir, 'empty.ndjson')
    await writeFile(empty, '\n')
    const out = join(dir, 'never.tar.gz')
    await expect(writeExportArchive({ dataset: empty, out })).rejects.toThrow(/dataset is empty/)
    await expect(readFile(out)).rejects.toThrow(/ENOENT/)
  })
})

describe('assets', () => {
  const png = Buffer.from('89504e470d0a1a0a-fake-2x1-png', 'utf8')
  const pdf = Buffer.from('%PDF-1.7 fake', 'utf8')
  const sha = (data: Buffer) => createHash('sha1').update(data).digest('hex')
  const imageId = `image-${sha(png)}-2x1-png`
  const fileId = `file-${sha(pdf)}-pdf`

  const documents: SanityDocument[] = [
    {
      _id: imageId,
      _type: 'sanity.imageAsset',
      assetId: sha(png),
      extension: 'png',
      mimeType: 'image/png',
      originalFilename: 'key-art.png',
      sha1hash: sha(png),
      url: `https://cdn.sanity.io/images/p/production/${sha(png)}-2x1.png`,
      metadata: { dimensions: { width: 2, height: 1, aspectRatio: 2 } },
    },
    { _id: fileId, _type: 'sanity.fileAsset', originalFilename: 'press-kit.pdf', sha1hash: sha(pdf) },
    {
      _id: 'show-with-art',
      _type: 'show',
      title: 'With art',
      keyArt: {
        _type: 'imageWithAlt',
        asset: { _type: 'reference', _ref: imageId },
        hotspot: { x: 0.5, y: 0.5, height: 1, width: 1 },
        alt: 'Key art',
      },
      pressKit: { _type: 'file', asset: { _type: 'reference', _ref: fileId } },
    },
    {
      _id: 'article-with-image',
      _type: 'article',
      body: [{ _type: 'image', _key: 'k1', asset: { _type: 'reference', _ref: imageId }, alt: 'Inline' }],
    },
  ]

  let dataset: string
  let assetsDir: string
  let archive: string

  beforeAll(async () => {
    dataset = join(dir, 'with-assets.ndjson')
    await writeFile(dataset, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`)
    assetsDir = join(dir, 'assets')
    await mkdir(join(assetsDir, 'images'), { recursive: true })
    await mkdir(join(assetsDir, 'files'), { recursive: true })
    await writeFile(join(assetsDir, assetPath(imageId)), png)
    await writeFile(join(assetsDir, assetPath(fileId)), pdf)
    archive = join(dir, 'with-assets.tar.gz')
  })

  it('names asset files like the Sanity exporter, and back', () => {
    expect(assetPath(imageId)).toBe(`images/${sha(png)}-2x1.png`)
    expect(assetPath(fileId)).toBe(`files/${sha(pdf)}.pdf`)
    expect(assetPath(`file-${sha(pdf)}-mp4`)).toBe(`files/${sha(pdf)}-mp4.bin`)
    for (const id of [imageId, fileId, `file-${sha(pdf)}-mp4`, `file-${sha(pdf)}-bin`]) {
      expect(assetIdFromPath(assetPath(id))).toBe(id)
    }
  })

  it('packs binaries, writes placeholders and assets.json like a real export', async () => {
    const result = await writeExportArchive({
      dataset,
      out: archive,
      assets: assetsDir,
      name: 'assets-export',
    })
    expect(result).toMatchObject({ documents: 2, assets: 2, missingAssets: [] })
    const entries = await listArchive(archive)
    expect([...entries.keys()].sort()).toEqual(
      [
        'assets-export/data.ndjson',
        'assets-export/assets.json',
        'assets-export/files/',
        'assets-export/images/',
        `assets-export/${assetPath(fileId)}`,
        `assets-export/${assetPath(imageId)}`,
      ].sort(),
    )
    const lines = (entries.get('assets-export/data.ndjson')?.text ?? '').trimEnd().split('\n')
    const show = JSON.parse(lines[0] ?? '{}')
    expect(show.keyArt).toEqual({
      _sanityAsset: `image@file://./images/${sha(png)}-2x1.png`,
      _type: 'imageWithAlt',
      hotspot: { x: 0.5, y: 0.5, height: 1, width: 1 },
      alt: 'Key art',
    })
    const assetMap = JSON.parse(entries.get('assets-export/assets.json')?.text ?? '{}')
    expect(Object.keys(assetMap).sort()).toEqual([`file-${sha(pdf)}`, `image-${sha(png)}`])
    expect(assetMap[`image-${sha(png)}`]).toEqual({
      originalFilename: 'key-art.png',
      sha1hash: sha(png),
      metadata: { dimensions: { width: 2, height: 1, aspectRatio: 2 } },
    })
  })

  it('reads back to the original documents, asset references restored', async () => {
    const contents = await readExportContents(archive)
    expect(contents.documents).toEqual(documents.slice(2))
    expect(contents.assetFiles).toEqual([fileId, imageId].sort())
    expect(contents.missingAssets).toEqual([])
  })

  it('round-trips through the Sanity importer: same uploads, same references', async () => {
    const fake = fakeImportClient()
    await sanityImport(createReadStream(archive), {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately minimal fake of @sanity/client
      client: fake.client as any,
      operation: 'create',
    })
    expect(fake.uploads.map((upload) => [upload.type, upload.filename, upload.sha1]).sort()).toEqual(
      [
        ['file', 'press-kit.pdf', sha(pdf)],
        ['image', 'key-art.png', sha(png)],
      ].sort(),
    )
    expect(fake.assetRefs.sort()).toEqual(
      [
        ['article-with-image', 'body[0].asset', imageId],
        ['show-with-art', 'keyArt.asset', imageId],
        ['show-with-art', 'pressKit.asset', fileId],
      ].sort(),
    )
  })

  it('keeps references as they are when no binaries are given', async () => {
    const out = join(dir, 'raw-assets.tar.gz')
    const result = await writeExportArchive({ dataset, out })
    expect(result).toMatchObject({ documents: 4, assets: 0 })
    const contents = await readExportContents(out)
    expect(contents.documents).toEqual(documents)
  })

  it('reports references whose binary is missing', async () => {
    const sparse = join(dir, 'sparse-assets')
    await mkdir(join(sparse, 'images'), { recursive: true })
    await writeFile(join(sparse, assetPath(imageId)), png)
    const out = join(dir, 'sparse.tar.gz')
    const result = await writeExportArchive({ dataset, out, assets: sparse })
    expect(result.missingAssets).toEqual([fileId])
    const contents = await readExportContents(out)
    expect(contents.documents.find((document) => document._id === 'show-with-art')).toEqual(documents[2])
  })

  it('restores placeholders anywhere in a document and leaves other values alone', () => {
    const document = {
      _id: 'x',
      _type: 't',
      list: [{ _sanityAsset: `image@file://./images/${sha(png)}-2x1.png`, _key: 'a' }],
      remote: { _sanityAsset: 'image@https://example.com/a.png' },
    }
    expect(restoreAssetReferences(document)).toEqual({
      _id: 'x',
      _type: 't',
      list: [{ asset: { _type: 'reference', _ref: imageId }, _key: 'a' }],
      remote: { _sanityAsset: 'image@https://example.com/a.png' },
    })
    const plain = { _id: 'y', _type: 't', nested: { a: [1, 2] } }
    expect(restoreAssetReferences(plain)).toBe(plain)
  })
})

/** Records what the importer would send to a project. */
function fakeImportClient() {
  const uploads: Array<{ type: string; filename: string | undefined; sha1: string }> = []
  const assetRefs: Array<[string, string, string]> = []
  const created: string[] = []
  const transaction = () => {
    const pending: string[] = []
    const trx = {
      create(document: { _id: string }) {
        pending.push(document._id)
        return trx
      },
      createIfNotExists: (document: { _id: string }) => trx.create(document),
      createOrReplace: (document: { _id: string }) => trx.create(document),
      patch(id: string, build: (patch: unknown) => unknown) {
        const patch = {
          setIfMissing: () => patch,
          unset: () => patch,
          set(values: Record<string, { _ref?: string }>) {
            for (const [path, value] of Object.entries(values)) {
              if (path.endsWith('.asset') && value._ref) assetRefs.push([id, path, value._ref])
            }
            return patch
          },
        }
        if (typeof build === 'function') build(patch)
        return trx
      },
      async commit() {
        created.push(...pending)
        return { results: pending.splice(0).map((id) => ({ id, operation: 'create' })) }
      },
    }
    return trx
  }
  const client = {
    config: () => ({
      token: 'dry-run',
      projectId: 'dryrun',
      dataset: 'production',
      apiVersion: '2025-01-01',
    }),
    withConfig: () => client,
    fetch: async () => null,
    transaction,
    patch: () => ({ set: () => ({ commit: async () => ({}) }) }),
    datasets: { list: async () => [{ name: 'production' }] },
    assets: {
      async upload(type: string, buffer: Buffer, options: { filename?: string }) {
        const sha1 = createHash('sha1').update(buffer).digest('hex')
        uploads.push({ type, filename: options.filename, sha1 })
        return { _id: type === 'image' ? `image-${sha1}-2x1-png` : `file-${sha1}-pdf` }
      },
    },
  }
  return { client, uploads, assetRefs, created }
}

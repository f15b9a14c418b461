import { describe, expect, it } from 'vitest'
import { createEmbeddedSource } from './index.ts'

const documents = [
  { _id: 'show-a', _type: 'show', title: 'A', network: { _type: 'reference', _ref: 'network-n' } },
  { _id: 'network-n', _type: 'network', name: 'N' },
]

describe('createEmbeddedSource', () => {
  const source = createEmbeddedSource({ file: 'memory', documents })

  it('answers GROQ with parameters', async () => {
    expect(await source.fetch('*[_type == $type].title', { type: 'show' })).toEqual(['A'])
  })

  it('dereferences through the _id index', async () => {
    expect(await source.fetch('*[_type == "show"][0].network->name')).toBe('N')
  })

  it('reuses parsed queries across calls', async () => {
    const query = 'count(*[_type == $type])'
    expect(await source.fetch(query, { type: 'show' })).toBe(1)
    expect(await source.fetch(query, { type: 'missing' })).toBe(0)
  })

  it('reports GROQ syntax errors', async () => {
    await expect(source.fetch('*[_type == ')).rejects.toThrow()
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { deriveModel, recordRules } from './derive-model.ts'
import { currentModel } from './generate-model.ts'
import { contentModel } from './model.ts'

describe('content model', () => {
  it('model.json is what schemas/ says now (run `npx node scripts/validate/generate-model.ts` if not)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('./model.json', import.meta.url), 'utf8'))
    expect(committed).toEqual(currentModel())
  })

  it('has the contract’s required fields, read from the schema’s validation rules', () => {
    const required = Object.fromEntries(
      Object.entries(contentModel.documents).map(([type, fields]) => [
        type,
        Object.keys(fields).filter((name) => fields[name]?.required),
      ]),
    )
    expect(required).toEqual({
      show: ['title', 'slug'],
      season: ['show', 'number'],
      statusEvent: ['show', 'status', 'confidence', 'announcedAt'],
      castCredit: ['show', 'person', 'characterName', 'billing'],
      person: ['name', 'slug'],
      network: ['name', 'slug'],
      article: ['title', 'slug', 'publishedAt'],
      author: ['name', 'slug'],
    })
  })

  it('takes option lists, reference targets and value-only rules from the schema', () => {
    const { statusEvent, castCredit, article } = contentModel.documents
    expect(statusEvent?.confidence).toMatchObject({
      kind: 'string',
      list: ['official', 'reported', 'speculative'],
    })
    expect(castCredit?.person).toMatchObject({ kind: 'reference', to: ['person'] })
    expect(castCredit?.order).toMatchObject({ kind: 'number', rules: ['validatePositiveInteger'] })
    expect(article?.publishedAt).toMatchObject({ kind: 'datetime', required: true })
    expect(contentModel.types.source).toMatchObject({
      kind: 'object',
      fields: {
        url: { kind: 'url', schemes: ['http', 'https'], required: true, rules: ['validateHttpUrl'] },
      },
    })
  })
})

describe('recordRules', () => {
  it('records chains immutably, with their level', () => {
    const sets = recordRules(
      (rule: { required(): { error(m: string): unknown }; max(n: number): { warning(): unknown } }) => [
        rule.required().error('needed'),
        rule.max(5).warning(),
      ],
    )
    expect(sets).toEqual([
      { level: 'error', calls: [{ name: 'required', args: [] }] },
      { level: 'warning', calls: [{ name: 'max', args: [5] }] },
    ])
  })

  it('counts only error-level rules and recognises known rule functions by identity', () => {
    const positive = (value: unknown) => (typeof value === 'number' && value > 0) || 'positive'
    const model = deriveModel(
      [
        {
          name: 'thing',
          type: 'document',
          fields: [
            {
              name: 'a',
              type: 'string',
              validation: (rule: { required(): { warning(): unknown } }) => rule.required().warning(),
            },
            {
              name: 'b',
              type: 'number',
              validation: (rule: { custom(fn: unknown): unknown }) => rule.custom(positive),
            },
            {
              name: 'c',
              type: 'number',
              validation: (rule: { custom(fn: unknown): unknown }) => rule.custom(() => true),
            },
          ],
        },
      ],
      { positive },
    )
    expect(model.documents.thing).toEqual({
      _createdAt: { kind: 'datetime' },
      _updatedAt: { kind: 'datetime' },
      a: { kind: 'string' },
      b: { kind: 'number', rules: ['positive'] },
      c: { kind: 'number' },
    })
  })
})

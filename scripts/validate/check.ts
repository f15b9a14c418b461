import * as schemaRules from '../../schemas/validation/index.ts'
import type { ContentModel, FieldModel, MemberModel, ValueModel } from './model.ts'
import { isBlank } from './text.ts'

/*
 * Checks one document against the content model, copy-on-write: a valid document comes back as the
 * same object; a repairable one as a copy without the offending fields or array items; one that cannot
 * be rendered (a required field missing or invalid) as a problem instead.
 *
 * A required field that fails makes its container unusable: the document itself, or the array item
 * it sits in (a source without a URL is dropped from the list, the article stays). Any other failing
 * field is dropped from its object. Portable Text arrays are only checked to be arrays: their blocks
 * are checked, and reported, by the rich-text renderer.
 */

export type ProblemCode =
  | 'required-missing'
  | 'wrong-type'
  | 'not-in-list'
  | 'invalid-date'
  | 'invalid-url'
  | 'invalid-number'
  | 'invalid-value'
  | 'duplicate-item'
  | 'reference-missing'
  | 'reference-skipped'
  | 'reference-wrong-type'

/** Why a value was refused: the field path inside the document and what is wrong with it. */
export class Problem {
  readonly code: ProblemCode
  readonly path: string
  readonly detail: string
  constructor(code: ProblemCode, path: string, detail: string) {
    this.code = code
    this.path = path
    this.detail = detail
  }
}

/** A problem that was repaired by dropping `dropped` (a field or an array item) from the document. */
export interface Finding {
  problem: Problem
  dropped: string
}

/** Called for every reference the walk meets; returns a problem to refuse the reference. */
export type ReferenceHook = (ref: string, to: readonly string[], path: string) => Problem | undefined

export interface DocumentCheck {
  /** The document, repaired where needed; `undefined` when it cannot be rendered. */
  document: Record<string, unknown> | undefined
  /** Set when the document cannot be rendered. */
  problem: Problem | undefined
  /** Fields and items dropped from a kept document. */
  findings: Finding[]
}

type Rule = (value: unknown) => true | string
const RULES = schemaRules as unknown as Record<string, Rule | undefined>

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// RFC 3339, as GROQ's dateTime() accepts it.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/

/**
 * Checks a document's fields against its type.
 *
 * @param document a document of a type listed in `model.documents`
 * @param model the content model
 * @param onReference reference check (existence, target type); without it only the shape is checked
 */
export function checkDocument(
  document: Record<string, unknown>,
  model: ContentModel,
  onReference?: ReferenceHook,
): DocumentCheck {
  const fields = model.documents[String(document._type)] ?? {}
  const findings: Finding[] = []
  const walker = new Walker(model, findings, onReference)
  const result = walker.object(document, fields, '')
  if (result instanceof Problem) return { document: undefined, problem: result, findings: [] }
  return { document: result as Record<string, unknown>, problem: undefined, findings }
}

class Walker {
  private readonly model: ContentModel
  private readonly findings: Finding[]
  private readonly onReference: ReferenceHook | undefined

  constructor(model: ContentModel, findings: Finding[], onReference: ReferenceHook | undefined) {
    this.model = model
    this.findings = findings
    this.onReference = onReference
  }

  /** Checks the fields of an object; returns the (possibly repaired) object or the problem that voids it. */
  object(value: unknown, fields: Record<string, FieldModel>, path: string): unknown {
    if (!isPlainObject(value))
      return new Problem('wrong-type', path, `expected an object, got ${describe(value)}`)
    let copy: Record<string, unknown> | undefined
    for (const name in fields) {
      const field = fields[name] as FieldModel
      const current = value[name]
      const fieldPath = path === '' ? name : `${path}.${name}`
      const result = this.field(current, field, fieldPath)
      if (result instanceof Problem) {
        if (field.required) return result
        this.findings.push({ problem: result, dropped: fieldPath })
        copy ??= { ...value }
        delete copy[name]
      } else if (result !== current) {
        copy ??= { ...value }
        copy[name] = result
      }
    }
    return copy ?? value
  }

  private field(value: unknown, field: FieldModel, path: string): unknown {
    if (value === undefined || value === null) {
      return field.required ? new Problem('required-missing', path, 'is required but missing') : value
    }
    const result = this.value(value, field, path)
    if (result instanceof Problem) return result
    if (field.required && this.isEmpty(result, field)) {
      return new Problem('required-missing', path, 'is required but empty')
    }
    for (const name of field.rules ?? []) {
      const rule = RULES[name]
      const verdict = rule ? rule(result) : true
      if (verdict !== true) {
        return new Problem(ruleCode(field), path, `${shown(result)}: ${verdict.replace(/\.$/, '')}`)
      }
    }
    return result
  }

  private value(value: unknown, model: ValueModel, path: string): unknown {
    switch (model.kind) {
      case 'string':
        if (typeof value !== 'string') return wrongType(path, 'text', value)
        if (model.list && !model.list.includes(value)) {
          return new Problem('not-in-list', path, `${quote(value)} is not one of ${model.list.join(', ')}`)
        }
        return value
      case 'url':
        return checkUrl(value, model.schemes, path)
      case 'number':
        return checkNumber(value, model, path)
      case 'boolean':
        return typeof value === 'boolean' ? value : wrongType(path, 'true or false', value)
      case 'date':
        if (typeof value !== 'string') return wrongType(path, 'a date (YYYY-MM-DD)', value)
        return isDate(value)
          ? value
          : new Problem('invalid-date', path, `${quote(value)} is not a valid date (YYYY-MM-DD)`)
      case 'datetime':
        if (typeof value !== 'string') return wrongType(path, 'a date-time', value)
        return isDateTime(value)
          ? value
          : new Problem(
              'invalid-date',
              path,
              `${quote(value)} is not a valid date-time (e.g. 2024-05-01T09:00:00Z)`,
            )
      case 'slug':
        if (!isPlainObject(value)) return wrongType(path, 'a slug object {"current": …}', value)
        if (value.current !== undefined && value.current !== null && typeof value.current !== 'string') {
          return wrongType(`${path}.current`, 'text', value.current)
        }
        return value
      case 'reference':
        return this.reference(value, model.to, path)
      case 'array':
        return this.array(value, model, path)
      case 'object':
        return this.object(value, model.fields, path)
      case 'image':
        return this.image(value, model.fields, path)
      case 'named': {
        const named = this.model.types[model.name]
        return named ? this.value(value, named, path) : value
      }
      case 'block':
      case 'any':
        return value
    }
  }

  private reference(value: unknown, to: readonly string[], path: string): unknown {
    if (!isPlainObject(value)) return wrongType(path, 'a reference {"_ref": …}', value)
    const ref = value._ref
    if (ref === undefined || ref === null || ref === '') {
      return new Problem('required-missing', `${path}._ref`, 'is required but missing')
    }
    if (typeof ref !== 'string') return wrongType(`${path}._ref`, 'a document id', ref)
    return this.onReference?.(ref, to, path) ?? value
  }

  private image(value: unknown, fields: Record<string, FieldModel>, path: string): unknown {
    if (!isPlainObject(value)) return wrongType(path, 'an image object', value)
    const asset = value.asset
    if (asset !== undefined && asset !== null && !(isPlainObject(asset) && typeof asset._ref === 'string')) {
      return wrongType(`${path}.asset`, 'an asset reference', asset)
    }
    return this.object(value, fields, path)
  }

  private array(value: unknown, model: Extract<ValueModel, { kind: 'array' }>, path: string): unknown {
    if (!Array.isArray(value)) return wrongType(path, 'a list', value)
    // Portable Text: the renderer checks blocks, marks and custom blocks itself, with its own warnings.
    if (model.of.some((member) => member.value.kind === 'block')) return value
    let copy: unknown[] | undefined
    const seen = model.unique ? new Set<unknown>() : undefined
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index]
      const itemPath = `${path}[${index}]`
      const member = this.memberFor(item, model.of)
      let result: unknown
      if (!member) {
        result = new Problem(
          'wrong-type',
          itemPath,
          `${describe(item)} is not allowed here (expected ${model.of.map((m) => m.name).join(' or ')})`,
        )
      } else {
        result =
          item === null ? wrongType(itemPath, member.name, item) : this.value(item, member.value, itemPath)
      }
      if (!(result instanceof Problem) && seen) {
        const key = uniqueKey(result)
        if (key !== undefined && seen.has(key)) {
          result = new Problem('duplicate-item', itemPath, `${quote(key)} is listed more than once`)
        } else if (key !== undefined) seen.add(key)
      }
      if (result instanceof Problem) {
        this.findings.push({ problem: result, dropped: itemPath })
        copy ??= value.slice(0, index)
      } else {
        if (copy) copy.push(result)
        else if (result !== item) {
          copy = value.slice(0, index)
          copy.push(result)
        }
      }
    }
    return copy ?? value
  }

  private memberFor(item: unknown, members: readonly MemberModel[]): MemberModel | undefined {
    if (isPlainObject(item)) {
      const type = item._type
      if (typeof type === 'string') return members.find((member) => member.name === type)
      // Items without `_type`: a reference by its `_ref`, otherwise the only object member.
      if ('_ref' in item) return members.find((member) => member.value.kind === 'reference')
      const objects = members.filter((member) => !isPrimitive(this.resolve(member.value)))
      return objects.length === 1 ? objects[0] : undefined
    }
    const jsType = typeof item
    return members.find((member) => primitiveType(this.resolve(member.value)) === jsType)
  }

  private resolve(model: ValueModel): ValueModel {
    return model.kind === 'named' ? (this.model.types[model.name] ?? { kind: 'any' }) : model
  }

  private isEmpty(value: unknown, model: ValueModel): boolean {
    const resolved = this.resolve(model)
    switch (resolved.kind) {
      case 'string':
        return typeof value === 'string' && isBlank(value)
      case 'slug': {
        const current = (value as { current?: unknown }).current
        return typeof current !== 'string' || isBlank(current)
      }
      case 'array':
        return Array.isArray(value) && value.length === 0
      default:
        return false
    }
  }
}

function checkUrl(value: unknown, schemes: readonly string[], path: string): unknown {
  if (typeof value !== 'string') return wrongType(path, 'a web address', value)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return new Problem('invalid-url', path, `${quote(value)} is not a full web address`)
  }
  const scheme = url.protocol.slice(0, -1)
  if (!schemes.includes(scheme)) {
    return new Problem('invalid-url', path, `${quote(value)} uses ${scheme}:, allowed: ${schemes.join(', ')}`)
  }
  return value
}

function checkNumber(value: unknown, model: Extract<ValueModel, { kind: 'number' }>, path: string): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(path, 'a number', value)
  if (model.integer && !Number.isInteger(value)) {
    return new Problem('invalid-number', path, `${value} is not a whole number`)
  }
  if (model.min !== undefined && value < model.min) {
    return new Problem('invalid-number', path, `${value} is less than ${model.min}`)
  }
  if (model.max !== undefined && value > model.max) {
    return new Problem('invalid-number', path, `${value} is more than ${model.max}`)
  }
  if (model.list && !model.list.includes(value)) {
    return new Problem('not-in-list', path, `${value} is not one of ${model.list.join(', ')}`)
  }
  return value
}

/** `YYYY-MM-DD` naming a real day. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value)
  return match !== null && isRealDay(match[1], match[2], match[3])
}

/** RFC 3339 date-time naming a real instant (what GROQ's `dateTime()` accepts). */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value)
  if (!match || !isRealDay(match[1], match[2], match[3])) return false
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])]
  if (hour > 23 || minute > 59 || second > 59) return false
  const offsetHour = match[9] === undefined ? 0 : Number(match[9])
  const offsetMinute = match[10] === undefined ? 0 : Number(match[10])
  return offsetHour <= 23 && offsetMinute <= 59
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isRealDay(y: string | undefined, m: string | undefined, d: string | undefined): boolean {
  const [year, month, day] = [Number(y), Number(m), Number(d)]
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number)
  return day <= days
}

function ruleCode(field: FieldModel): ProblemCode {
  if (field.kind === 'number') return 'invalid-number'
  if (field.kind === 'url') return 'invalid-url'
  return 'invalid-value'
}

function wrongType(path: string, expected: string, value: unknown): Problem {
  return new Problem('wrong-type', path, `expected ${expected}, got ${describe(value)}`)
}

function uniqueKey(value: unknown): unknown {
  if (isPlainObject(value)) return typeof value._ref === 'string' ? value._ref : undefined
  return value
}

function isPrimitive(model: ValueModel): boolean {
  return primitiveType(model) !== undefined
}

function primitiveType(model: ValueModel): string | undefined {
  switch (model.kind) {
    case 'string':
    case 'url':
    case 'date':
    case 'datetime':
      return 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    default:
      return undefined
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A short, quoted rendering of an untrusted value for messages (control characters escaped). */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : String(value)
  const short = text.length > max ? `${text.slice(0, max)}…` : text
  return JSON.stringify(short)
}

/** A value as it appears in a message: text quoted, anything else as (short) JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 60 ? `${json.slice(0, 60)}…` : json
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') {
    const type = (value as { _type?: unknown })._type
    return typeof type === 'string' ? `an object of type ${quote(type, 40)}` : 'an object'
  }
  if (typeof value === 'string') return `text ${quote(value, 40)}`
  return `${typeof value} ${String(value)}`
}

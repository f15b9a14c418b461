import type { ContentModel, FieldModel, MemberModel, ValueModel } from './model.ts'

/*
 * Reads the content model out of the schema definitions (`schemaTypes` from schemas/index.ts): field
 * types, `options.list` values, reference targets, array members, and what each field's `validation`
 * function asks for. Validation functions are called with a recording stand-in for Sanity's `Rule`,
 * so `rule.required()`, `.integer()`, `.min()`, `.uri({scheme})`, `.unique()` and `.custom(fn)` are
 * read from the schema itself rather than restated here. Only error-level rules count: warnings are
 * advice for editors, not reasons to keep a page off the site.
 */

/** The parts of a schema definition the model needs (a `defineType`/`defineField` result). */
export interface SchemaDefinition {
  name?: string
  type: string
  fields?: readonly SchemaDefinition[]
  of?: readonly SchemaDefinition[]
  to?: readonly { type: string }[] | { type: string }
  options?: { list?: readonly unknown[] } & Record<string, unknown>
  validation?: unknown
}

/** Value-only validation functions from schemas/validation, recognised by identity in `rule.custom()`. */
export type KnownRules = Readonly<Record<string, unknown>>

const RECORD = Symbol('recorded rule')

interface RuleCall {
  name: string
  args: unknown[]
}

interface RecordedRule {
  level: string
  calls: RuleCall[]
}

/**
 * A stand-in for Sanity's `Rule`: every method returns a new rule with the call appended (Sanity's
 * rules are immutable too, so `[rule.required(), rule.max(5).warning()]` records two separate sets).
 */
function recordingRule(calls: RuleCall[] = [], level = 'error'): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (property === RECORD) return { calls, level } satisfies RecordedRule
        if (typeof property === 'symbol' || property === 'then') return undefined
        return (...args: unknown[]) => {
          if (property === 'error' || property === 'warning' || property === 'info') {
            return recordingRule(calls, property)
          }
          return recordingRule([...calls, { name: property, args }], level)
        }
      },
    },
  )
}

/** The rule sets a `validation` property produces, as recorded calls with their level. */
export function recordRules(validation: unknown): RecordedRule[] {
  const functions = Array.isArray(validation) ? validation : [validation]
  const sets: RecordedRule[] = []
  for (const fn of functions) {
    if (typeof fn !== 'function') continue
    const result: unknown = fn(recordingRule())
    for (const rule of Array.isArray(result) ? result : [result]) {
      const recorded = (rule as Record<symbol, RecordedRule | undefined> | null)?.[RECORD]
      if (recorded) sets.push(recorded)
    }
  }
  return sets
}

const BUILT_IN_OBJECTS = new Set(['document', 'object'])

/**
 * Derives the build's content model from the schema definitions.
 *
 * @param schemaTypes every `defineType` of the schema (documents and named objects)
 * @param knownRules exported value-only rules (`validatePositiveInteger` …) by name
 */
export function deriveModel(schemaTypes: readonly SchemaDefinition[], knownRules: KnownRules): ContentModel {
  const named = new Map<string, SchemaDefinition>()
  for (const type of schemaTypes) if (type.name) named.set(type.name, type)
  const ruleNames = new Map<unknown, string>()
  for (const [name, fn] of Object.entries(knownRules)) {
    // Only rules that look at the value alone can run outside the Studio.
    if (typeof fn === 'function' && fn.length <= 1) ruleNames.set(fn, name)
  }

  const model: ContentModel = { documents: {}, types: {} }
  for (const type of schemaTypes) {
    if (!type.name) continue
    if (type.type === 'document') {
      model.documents[type.name] = {
        _createdAt: { kind: 'datetime' },
        _updatedAt: { kind: 'datetime' },
        ...fieldsOf(type.fields),
      }
    } else {
      model.types[type.name] = modelOf(type)
    }
  }
  return model

  function fieldsOf(fields: readonly SchemaDefinition[] | undefined): Record<string, FieldModel> {
    const out: Record<string, FieldModel> = {}
    for (const field of fields ?? []) if (field.name) out[field.name] = fieldOf(field)
    return out
  }

  function fieldOf(field: SchemaDefinition): FieldModel {
    const model: FieldModel = { ...modelOf(field) }
    const rules: string[] = []
    for (const set of recordRules(field.validation)) {
      if (set.level !== 'error') continue
      for (const call of set.calls) applyRule(model, call, rules)
    }
    if (rules.length > 0) model.rules = rules
    return model
  }

  function applyRule(model: FieldModel, call: RuleCall, rules: string[]): void {
    const [first] = call.args
    switch (call.name) {
      case 'required':
        model.required = true
        break
      case 'integer':
        if (model.kind === 'number') model.integer = true
        break
      case 'min':
        if (model.kind === 'number' && typeof first === 'number') model.min = first
        break
      case 'max':
        if (model.kind === 'number' && typeof first === 'number') model.max = first
        break
      case 'unique':
        if (model.kind === 'array') model.unique = true
        break
      case 'uri': {
        const scheme = (first as { scheme?: unknown } | undefined)?.scheme
        if (model.kind === 'url' && Array.isArray(scheme)) model.schemes = scheme.map(String)
        break
      }
      case 'custom': {
        const name = ruleNames.get(first)
        if (name && !rules.includes(name)) rules.push(name)
        break
      }
    }
  }

  function modelOf(definition: SchemaDefinition): ValueModel {
    const list = definition.options?.list
    switch (definition.type) {
      case 'string':
      case 'text': {
        const values = listValues(list).filter((v): v is string => typeof v === 'string')
        return values.length > 0 ? { kind: 'string', list: values } : { kind: 'string' }
      }
      case 'number': {
        const values = listValues(list).filter((v): v is number => typeof v === 'number')
        return values.length > 0 ? { kind: 'number', list: values } : { kind: 'number' }
      }
      case 'url':
        // Sanity's url type accepts http(s) unless a `uri` rule says otherwise.
        return { kind: 'url', schemes: ['http', 'https'] }
      case 'boolean':
      case 'date':
      case 'datetime':
      case 'slug':
      case 'block':
        return { kind: definition.type }
      case 'reference': {
        const to = Array.isArray(definition.to) ? definition.to : definition.to ? [definition.to] : []
        return { kind: 'reference', to: to.map((target: { type: string }) => target.type) }
      }
      case 'array':
        return { kind: 'array', of: (definition.of ?? []).map(memberOf) }
      case 'image':
        return { kind: 'image', fields: fieldsOf(definition.fields) }
      default:
        if (BUILT_IN_OBJECTS.has(definition.type))
          return { kind: 'object', fields: fieldsOf(definition.fields) }
        if (named.has(definition.type)) return { kind: 'named', name: definition.type }
        return { kind: 'any' }
    }
  }

  function memberOf(member: SchemaDefinition): MemberModel {
    // Inline object members (annotations) are named; others carry their type name as `_type`.
    const name = member.name ?? member.type
    return { name, value: modelOf(member) }
  }
}

function listValues(list: readonly unknown[] | undefined): unknown[] {
  return (list ?? []).map((option) =>
    typeof option === 'object' && option !== null && 'value' in option
      ? (option as { value: unknown }).value
      : option,
  )
}

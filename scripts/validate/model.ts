/*
 * The content model as the build checks it: field types, option lists, required fields, number
 * bounds, URL schemes and the value-only rules of schemas/validation, for every type in schemas/.
 *
 * It is derived from the schema definitions by `deriveModel` and committed as model.json
 * (`npx node scripts/validate/generate-model.ts`), so the build does not load the Studio packages; a
 * test fails when model.json no longer matches schemas/.
 */
import generated from './model.json' with { type: 'json' }

/** What a value must look like. Object-like kinds list their fields; `named` points into `types`. */
export type ValueModel =
  | { kind: 'string'; list?: string[] }
  | { kind: 'url'; schemes: string[] }
  | { kind: 'number'; integer?: true; min?: number; max?: number; list?: number[] }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'slug' }
  | { kind: 'reference'; to: string[] }
  | { kind: 'array'; of: MemberModel[]; unique?: true }
  | { kind: 'object'; fields: Record<string, FieldModel> }
  | { kind: 'image'; fields: Record<string, FieldModel> }
  | { kind: 'block' }
  | { kind: 'named'; name: string }
  | { kind: 'any' }

/** A field: its value model plus the error-level rules that apply to it. */
export type FieldModel = ValueModel & {
  /** `rule.required()` at error level: without it the containing object cannot be used. */
  required?: true
  /** Value-only rules from schemas/validation (e.g. `validatePositiveInteger`), by export name. */
  rules?: string[]
}

/** One member type of an array: items match it by `_type` (objects) or by JavaScript type (primitives). */
export interface MemberModel {
  /** The `_type` items of this member carry (`block`, `reference`, `source` …; primitives: their type). */
  name: string
  value: ValueModel
}

export interface ContentModel {
  /** Document types and their fields (system fields `_createdAt`/`_updatedAt` included). */
  documents: Record<string, Record<string, FieldModel>>
  /** Named non-document types (objects, images, arrays) used by fields. */
  types: Record<string, ValueModel>
}

/** The committed model of schemas/. */
export const contentModel: ContentModel = generated as ContentModel

/** True for value kinds stored as JSON primitives (they carry no `_type` inside arrays). */
export function isPrimitiveKind(kind: ValueModel['kind']): boolean {
  return (
    kind === 'string' ||
    kind === 'url' ||
    kind === 'number' ||
    kind === 'boolean' ||
    kind === 'date' ||
    kind === 'datetime'
  )
}

export { isDate, isDateTime, type ProblemCode } from './check.ts'
export { findCycles, type ReferenceEdge } from './cycles.ts'
export { type ContentModel, contentModel, type FieldModel, type ValueModel } from './model.ts'
export { cleanStrings } from './strings.ts'
export {
  hasUnsafeCharacters,
  isBlank,
  META_DESCRIPTION_MAX,
  META_TITLE_MAX,
  stripUnsafeCharacters,
  truncateText,
} from './text.ts'
export {
  SKIPPED_TYPE,
  type SkippedDocument,
  type ValidatedDocuments,
  type ValidateOptions,
  type ValidationCode,
  type ValidationOutcome,
  type ValidationReport,
  type ValidationWarning,
  validateDocuments,
} from './validate.ts'

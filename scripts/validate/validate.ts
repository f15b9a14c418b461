import type { SanityDocument } from '../source/types.ts'
import { checkDocument, type Finding, Problem, quote } from './check.ts'
import { findCycles, type ReferenceEdge } from './cycles.ts'
import { type ContentModel, contentModel, type ValueModel } from './model.ts'
import { type CleanedStrings, cleanStrings, TooDeepError } from './strings.ts'

/*
 * The build's last gate before readers: every document is checked against the content model when it
 * is loaded, before any query runs.
 *
 *   - A document that cannot be rendered is skipped, with a warning naming its id, type and field:
 *     unknown `_type`, an id that is not public (`drafts.`, `versions.`, any other dotted path), a
 *     required field (title, slug …) missing or invalid, or a required reference (a cast credit's show
 *     or person …) pointing at a document that is missing, skipped or of the wrong type.
 *   - Anything else that is wrong (an optional field of the wrong type, an invalid date or URL, a value
 *     outside its option list, a broken optional reference, a duplicate in a unique list) is dropped
 *     from the document, with a warning; the document is kept.
 *   - Control characters and other unprintable code points are removed from every string, with a warning.
 *   - A document nested deeper than any real one (see `MAX_DEPTH`) is skipped before anything recurses
 *     into it.
 *   - Reference cycles are reported (see `findCycles`); rendering joins documents by id one hop at a
 *     time, so a cycle cannot make it recurse.
 */

export type ValidationCode =
  | Problem['code']
  | 'unknown-type'
  | 'unpublished-id'
  | 'private-id'
  | 'control-characters'
  | 'too-deep'
  | 'reference-cycle'

/** What happened to the document or value a warning is about. */
export type ValidationOutcome = 'skipped' | 'dropped' | 'cleaned' | 'reported'

/** One validation finding; a `BuildWarning` with the document's type, the field and the outcome. */
export interface ValidationWarning {
  code: ValidationCode
  message: string
  documentId: string
  documentType: string
  /** Field path inside the document, e.g. `title`, `sources[1].url`. */
  field?: string | undefined
  outcome: ValidationOutcome
  /** The field or list item removed from the document (`dropped` only). */
  dropped?: string | undefined
}

/** A document left out of the build. */
export interface SkippedDocument {
  id: string
  type: string
  code: ValidationCode
  field?: string | undefined
  reason: string
}

export interface ValidationReport {
  /** Documents checked. */
  documents: number
  /** Documents kept (including asset and other system documents, which are not checked). */
  kept: number
  skipped: SkippedDocument[]
  warnings: ValidationWarning[]
  milliseconds: number
}

export interface ValidateOptions {
  /** Defaults to the committed model of schemas/. */
  model?: ContentModel | undefined
}

/** `_type` of the placeholder left for a skipped document. */
export const SKIPPED_TYPE = 'reel.skipped'

export interface ValidatedDocuments {
  /**
   * The documents to build from, in input order: valid ones as they were, repaired ones as copies,
   * and for each skipped one a placeholder with only its system fields and `_type` {@link SKIPPED_TYPE}.
   * No site query selects a placeholder, while dataset-wide facts (how many documents, the latest
   * `_updatedAt`: the publisher's change fingerprint) stay those of the dataset as published.
   */
  documents: SanityDocument[]
  report: ValidationReport
}

/**
 * Validates a dataset's documents against the content model and checks references between them.
 *
 * @param documents published documents as loaded
 * @param options another content model (tests)
 */
export function validateDocuments(
  documents: readonly SanityDocument[],
  options: ValidateOptions = {},
): ValidatedDocuments {
  const validator = createValidator(options)
  for (const document of documents) validator.add(document)
  return validator.finish()
}

export interface StreamingValidateOptions extends ValidateOptions {
  /**
   * Called with each document that passed the per-document checks (cleaned, not yet repaired), before
   * anything else keeps it: it may replace field values in place with equivalents (the large-dataset
   * source moves long Portable Text fields to disk here), so a dataset never has to be in memory whole.
   */
  compact?: ((document: Record<string, unknown>) => void) | undefined
  /**
   * Kept by a loader across loads of the same dataset (see {@link ReferenceMemo}): a document checked
   * again (the same object, from {@link DocumentValidator.addChecked}) whose references find the same
   * targets as last time is not walked again.
   */
  referenceMemo?: ReferenceMemo | undefined
}

/** What the reference checks found for a document, by the document (its cleaned original). */
export type ReferenceMemo = WeakMap<object, ReferenceOutcome>

/** The reference checks' outcome for one document, and what it depended on. */
export interface ReferenceOutcome {
  /** Each reference followed, in order, and what it found then (a type, `skipped:<type>` or `missing`). */
  readonly refs: readonly string[]
  readonly found: readonly string[]
  readonly edges: readonly ReferenceEdge[]
  readonly findings: readonly Finding[]
  readonly document: SanityDocument
}

/**
 * What the per-document checks made of one document. It depends on the document alone, so a loader
 * that sees the same document again (an unchanged line of a dataset file) can hand it back with
 * {@link DocumentValidator.addChecked} instead of checking the document again.
 */
export interface CheckedDocument {
  readonly identity: Identity
  /** The document to keep (cleaned, compacted), when it passed. */
  readonly kept: SanityDocument | undefined
  /** The cleaned document, for the reference checks, when its type has references. */
  readonly original: Record<string, unknown> | undefined
  readonly notes: readonly ValidationWarning[] | undefined
  readonly skipped: SkippedDocument | undefined
}

/** Validation one document at a time (see {@link createValidator}). */
export interface DocumentValidator {
  /** Checks one document's id, type and fields; references wait for {@link DocumentValidator.finish}. */
  add(document: SanityDocument): CheckedDocument
  /** Adds a document as an earlier {@link DocumentValidator.add} checked it (same content model). */
  addChecked(checked: CheckedDocument): void
  /** Checks references between the documents added, and reports. Call once. */
  finish(): ValidatedDocuments
  /**
   * After `finish`, what {@link replaceDocuments} needs to validate the same documents with some
   * replaced; `undefined` when a document was skipped (everything is validated again then).
   */
  state(): ValidationState | undefined
}

/** A finished validation in which no document was skipped, as {@link replaceDocuments} takes it. */
export interface ValidationState {
  readonly model: ContentModel
  readonly identities: readonly Identity[]
  /** The documents as kept (repaired where needed), in input order. */
  readonly documents: readonly SanityDocument[]
  /** Each document's warnings, its reference findings included. */
  readonly notes: ReadonlyArray<readonly ValidationWarning[] | undefined>
  /** Each document's references as found (documents of types with references only). */
  readonly edgesAt: ReadonlyArray<readonly ReferenceEdge[] | undefined>
  /** The kept documents by id. */
  readonly byId: ReadonlyMap<string, SanityDocument>
  readonly referenceMemo: ReferenceMemo | undefined
}

/** What validation keeps of every input document: its identity and timestamps. */
type Identity = Pick<SanityDocument, '_id' | '_type' | '_rev' | '_createdAt' | '_updatedAt'>

/**
 * {@link validateDocuments} as a stream: documents are checked one by one as they are added (ids, types,
 * fields, strings), and only what later steps need is kept of each, so a loader can validate while it
 * reads. `finish` then checks references across documents and gives the same result as
 * `validateDocuments` over the same documents.
 *
 * @param options another content model (tests); a hook to compact kept documents
 */
export function createValidator(options: StreamingValidateOptions = {}): DocumentValidator {
  const started = performance.now()
  let busy = 0
  const model = options.model ?? contentModel
  const skippedTypes = new Map<string, string>()
  const identities: Identity[] = []
  const kept: Array<SanityDocument | undefined> = []
  // Warnings per document, so the report lists them in dataset order whatever pass found them; a
  // skipped document has only its skip warning (what was repaired in it no longer matters).
  const notes: Array<ValidationWarning[] | undefined> = []
  const skipped: Array<SkippedDocument | undefined> = []
  const withReferences = typesWithReferences(model)
  // Documents with references keep their cleaned original for step 2, which checks them again with
  // references and reports what it finds, so every reported path indexes the document as loaded.
  const originals: Array<Record<string, unknown> | undefined> = []
  // Set by the reference checks, for `state()`.
  let edgesAt: Array<readonly ReferenceEdge[] | undefined> = []
  let finalByIds: ReadonlyMap<string, SanityDocument> | undefined
  let finished: ValidatedDocuments | undefined

  const note = (index: number, warning: ValidationWarning) => {
    const list = notes[index]
    if (list) list.push(warning)
    else notes[index] = [warning]
  }

  function skip(index: number, code: ValidationCode, field: string | undefined, detail: string) {
    const document = identities[index] as Identity
    const id = String(document._id)
    const type = String(document._type)
    const reason = field === undefined ? detail : `${field} ${detail}`
    kept[index] = undefined
    skipped[index] = { id, type, code, field, reason }
    skippedTypes.set(id, type)
    notes[index] = [
      {
        code,
        message: `${type} ${id}: ${reason}; document skipped`,
        documentId: id,
        documentType: type,
        field,
        outcome: 'skipped',
      },
    ]
  }

  function reportFinding(index: number, finding: Finding) {
    note(index, findingWarning(identities[index] as Identity, finding))
  }

  // 1. Ids, types and fields, one document at a time.
  function check(document: SanityDocument, index: number): void {
    const id = String(document._id)
    const type = String(document._type)
    // Asset and system documents are never rendered (no site query selects them); they pass as they are.
    if (isSystemType(type)) {
      kept[index] = document
      return
    }
    if (id.startsWith('drafts.') || id.startsWith('versions.')) {
      skip(index, 'unpublished-id', undefined, 'is a draft or release version, not a published document')
      return
    }
    if (id.includes('.')) {
      skip(index, 'private-id', undefined, 'has a dotted id, which Sanity keeps private')
      return
    }
    if (!Object.hasOwn(model.documents, type)) {
      skip(index, 'unknown-type', undefined, `has the unknown document type ${quote(type)}`)
      return
    }
    let cleaned: CleanedStrings
    try {
      cleaned = cleanStrings(document)
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error
      const field = error.path.length > 60 ? `${error.path.slice(0, 60)}…` : error.path
      skip(index, 'too-deep', field, error.message)
      return
    }
    // Portable Text arrays are only checked to be arrays, so compacted fields check the same, and a
    // repaired copy shares them.
    options.compact?.(cleaned.value)
    const check = checkDocument(cleaned.value, model)
    if (check.problem) {
      skip(index, check.problem.code, check.problem.path, check.problem.detail)
      return
    }
    if (cleaned.count > 0) {
      const more =
        cleaned.count > cleaned.paths.length ? ` and ${cleaned.count - cleaned.paths.length} more` : ''
      note(index, {
        code: 'control-characters',
        message: `${type} ${id}: control or unprintable characters removed from ${cleaned.paths.join(', ')}${more}`,
        documentId: id,
        documentType: type,
        field: cleaned.paths[0],
        outcome: 'cleaned',
      })
    }
    kept[index] = check.document as SanityDocument
    if (withReferences.has(type)) originals[index] = cleaned.value
    else for (const finding of check.findings) reportFinding(index, finding)
  }

  return {
    add(document) {
      const begun = performance.now()
      const index = identities.length
      const identity = identityOf(document)
      identities.push(identity)
      check(document, index)
      busy += performance.now() - begun
      const list = notes[index]
      return {
        identity,
        kept: kept[index],
        original: originals[index],
        notes: list ? [...list] : undefined,
        skipped: skipped[index],
      }
    },
    addChecked(checked) {
      const index = identities.length
      identities.push(checked.identity)
      kept[index] = checked.kept
      originals[index] = checked.original
      notes[index] = checked.notes ? [...checked.notes] : undefined
      skipped[index] = checked.skipped
      if (checked.skipped) skippedTypes.set(checked.skipped.id, checked.skipped.type)
    },
    finish() {
      const begun = performance.now()
      const result = checkReferences()
      busy += performance.now() - begun
      // Time spent validating, not waiting between documents (a loader may add them as it reads).
      result.report.milliseconds = options.compact ? busy : performance.now() - started
      finished = result
      return result
    },
    state() {
      if (!finished || !finalByIds || finished.report.skipped.length > 0) return undefined
      return {
        model,
        identities,
        documents: finished.documents,
        notes,
        edgesAt,
        byId: finalByIds,
        referenceMemo: options.referenceMemo,
      }
    },
  }

  /** Reports findings not reported for the document yet; returns what has been. */
  function reportOnce(index: number, findings: readonly Finding[], seen: Set<string>): Set<string> {
    for (const finding of newFindings(findings, seen)) reportFinding(index, finding)
    return seen
  }

  function checkReferences(): ValidatedDocuments {
    // 2. References: every reference must point at a kept document of an allowed type. Skipping a
    // document can break references to it, so repeat until nothing changes (in practice two passes).
    // The first pass records every reference (for the cycle check and to know whom later passes
    // concern); later passes only revisit documents referencing one that was just skipped, and report
    // only what is new.
    const byId = new Map<string, SanityDocument>()
    for (const document of kept) if (document) byId.set(document._id, document)
    const foundFor = (ref: string): string => {
      const target = byId.get(ref)
      return foundAs(target, target ? undefined : skippedTypes.get(ref))
    }
    // Each document's references, by its place (the cycle check's input, in document order).
    edgesAt = []
    const referencesOf = new Map<number, string[]>()
    const reported = new Map<number, Set<string>>()
    let newlySkipped: Set<string> | undefined
    while (newlySkipped === undefined || newlySkipped.size > 0) {
      const revisit = newlySkipped
      const first = revisit === undefined
      const skippedNow = new Set<string>()
      newlySkipped = skippedNow
      originals.forEach((original, index) => {
        const document = kept[index]
        if (!original || !document) return
        if (revisit && !referencesOf.get(index)?.some((ref) => revisit.has(ref))) return
        // The same document finding the same targets as in the last load comes out the same.
        const known = first ? options.referenceMemo?.get(original) : undefined
        if (known?.refs.every((ref, i) => foundFor(ref) === known.found[i])) {
          referencesOf.set(index, known.refs as string[])
          edgesAt[index] = known.edges
          reported.set(index, reportOnce(index, known.findings, new Set()))
          kept[index] = known.document
          byId.set(known.document._id, known.document)
          return
        }
        const refs: string[] = []
        const found: string[] = []
        const edges: ReferenceEdge[] = []
        if (first) referencesOf.set(index, refs)
        const check = checkDocument(original, model, (ref, to, path) => {
          const target = byId.get(ref)
          if (first) {
            refs.push(ref)
            found.push(foundFor(ref))
            if (target) edges.push({ from: document._id, path, to: ref })
          }
          return referenceProblem(ref, target, target ? undefined : skippedTypes.get(ref), to, path)
        })
        if (first) edgesAt[index] = edges
        if (check.problem) {
          byId.delete(document._id)
          skip(index, check.problem.code, check.problem.path, check.problem.detail)
          skippedNow.add(document._id)
          return
        }
        reported.set(index, reportOnce(index, check.findings, reported.get(index) ?? new Set()))
        const repaired = check.document as SanityDocument
        kept[index] = repaired
        byId.set(repaired._id, repaired)
        if (first) {
          options.referenceMemo?.set(original, {
            refs,
            found,
            edges,
            findings: check.findings,
            document: repaired,
          })
        }
      })
    }

    finalByIds = byId
    return resultOf(identities, kept, notes, skipped, edgesAt, options.referenceMemo, started)
  }
}

/**
 * The validation of the same documents with some replaced, each by a document of the same id and
 * type: what `finish` gives over all of them, without checking the others again. With no document
 * skipped, what every other document comes to depends on the replaced ones' ids and types alone (a
 * reference finds its target by id and checks its type). `undefined` when that does not hold (a
 * replacement is skipped, or has another id or type): validate everything then.
 *
 * @param state the last validation's (see {@link DocumentValidator.state})
 * @param replacements the per-document checks of each replacement (found by its id)
 * @returns the result, and the state for the next replacement
 */
export function replaceDocuments(
  state: ValidationState,
  replacements: readonly CheckedDocument[],
): { validated: ValidatedDocuments; state: ValidationState } | undefined {
  const started = performance.now()
  const positions = positionsOf(state.identities)
  if (!positions) return undefined
  const identities = [...state.identities]
  const documents = [...state.documents]
  const notes = [...state.notes]
  const edgesAt = [...state.edgesAt]
  const byId = new Map(state.byId)
  const indexes: number[] = []
  for (const { identity, kept, skipped } of replacements) {
    const index = positions.get(identity._id)
    const before = index === undefined ? undefined : state.identities[index]
    if (index === undefined || !before || !kept || skipped || identity._type !== before._type)
      return undefined
    indexes.push(index)
    byId.set(identity._id, kept)
  }
  for (const [i, checked] of replacements.entries()) {
    const index = indexes[i] as number
    const { identity, original } = checked
    identities[index] = identity
    let kept = checked.kept as SanityDocument
    const list = checked.notes ? [...checked.notes] : []
    if (original) {
      // As the reference checks of `finish` check it, against every other document as kept.
      const refs: string[] = []
      const found: string[] = []
      const edges: ReferenceEdge[] = []
      const check = checkDocument(original, state.model, (ref, to, path) => {
        const target = byId.get(ref)
        refs.push(ref)
        found.push(foundAs(target, undefined))
        if (target) edges.push({ from: identity._id, path, to: ref })
        return referenceProblem(ref, target, undefined, to, path)
      })
      if (check.problem) return undefined
      for (const finding of newFindings(check.findings, new Set()))
        list.push(findingWarning(identity, finding))
      kept = check.document as SanityDocument
      edgesAt[index] = edges
      state.referenceMemo?.set(original, { refs, found, edges, findings: check.findings, document: kept })
    }
    documents[index] = kept
    notes[index] = list.length > 0 ? list : undefined
    byId.set(identity._id, kept)
  }
  const validated = resultOf(identities, documents, notes, [], edgesAt, state.referenceMemo, started)
  // The same ids in the same places.
  knownPositions.set(identities, positions)
  return { validated, state: { ...state, identities, documents: validated.documents, notes, edgesAt, byId } }
}

/** Each validated document's place by id (`null` when an id is there twice), once per state. */
const knownPositions = new WeakMap<readonly Identity[], Map<string, number> | null>()

function positionsOf(identities: readonly Identity[]): Map<string, number> | null {
  let positions = knownPositions.get(identities)
  if (positions === undefined) {
    const found = new Map(identities.map((identity, index) => [identity._id, index]))
    positions = found.size === identities.length ? found : null
    knownPositions.set(identities, positions)
  }
  return positions
}

/** The warning for a finding: what was wrong, where, and what was dropped. */
function findingWarning(document: Identity, { problem, dropped }: Finding): ValidationWarning {
  const what = dropped.endsWith(']') ? 'item' : 'field'
  const outcome = dropped === problem.path ? `${what} dropped` : `${what} ${dropped} dropped`
  return {
    code: problem.code,
    message: `${document._type} ${document._id}: ${problem.path} ${problem.detail}; ${outcome}`,
    documentId: document._id,
    documentType: document._type,
    field: problem.path,
    outcome: 'dropped',
    dropped,
  }
}

/** The findings whose code and path are not in `seen` yet (added to it): one warning each. */
function* newFindings(findings: readonly Finding[], seen: Set<string>): Generator<Finding> {
  for (const finding of findings) {
    const key = `${finding.problem.code} ${finding.problem.path}`
    if (seen.has(key)) continue
    seen.add(key)
    yield finding
  }
}

/** What a reference found, as a {@link ReferenceOutcome} records it: a type, `skipped:<type>` or `missing`. */
function foundAs(target: SanityDocument | undefined, skippedType: string | undefined): string {
  if (target) return target._type
  return skippedType === undefined ? 'missing' : `skipped:${skippedType}`
}

/** What is wrong with a reference to `ref` that finds `target`, if anything. */
function referenceProblem(
  ref: string,
  target: SanityDocument | undefined,
  skippedType: string | undefined,
  to: readonly string[],
  path: string,
): Problem | undefined {
  if (!target) {
    if (skippedType !== undefined) {
      return new Problem(
        'reference-skipped',
        path,
        `references ${skippedType} ${ref}, which was skipped (see its warning)`,
      )
    }
    const why = ref.includes('.') ? 'is not published' : 'does not exist'
    return new Problem('reference-missing', path, `references ${ref}, which ${why}`)
  }
  if (to.length > 0 && !to.includes(target._type)) {
    return new Problem(
      'reference-wrong-type',
      path,
      `references ${target._type} ${ref}, expected ${to.join(' or ')}`,
    )
  }
  return undefined
}

/** The documents to build from and the report, once references are checked. */
function resultOf(
  identities: readonly Identity[],
  kept: ReadonlyArray<SanityDocument | undefined>,
  notes: ReadonlyArray<readonly ValidationWarning[] | undefined>,
  skipped: ReadonlyArray<SkippedDocument | undefined>,
  edgesAt: ReadonlyArray<readonly ReferenceEdge[] | undefined>,
  memo: ReferenceMemo | undefined,
  started: number,
): ValidatedDocuments {
  // 3. Cycles among the references as they were (before wrong-typed ones were dropped).
  const warnings = notes.flatMap((list) => list ?? [])
  const edgeLists = edgesAt.filter((edges): edges is readonly ReferenceEdge[] => edges !== undefined)
  const cycles = cyclesOf(edgeLists, memo)
  // Types by id only when there is a cycle to name (most datasets have none).
  const typeOf =
    cycles.length > 0 ? new Map(identities.map((document) => [document._id, document._type])) : undefined
  for (const cycle of cycles) {
    const first = cycle[0] as ReferenceEdge
    const path = cycle.map((edge) => `${edge.from}.${edge.path}`).join(' → ')
    const type = typeOf?.get(first.from) ?? 'document'
    warnings.push({
      code: 'reference-cycle',
      message: `${type} ${first.from}: reference cycle ${path} → ${cycle.at(-1)?.to}`,
      documentId: first.from,
      documentType: type,
      field: first.path,
      outcome: 'reported',
    })
  }
  const skippedDocuments = skipped.filter((entry): entry is SkippedDocument => entry !== undefined)
  return {
    documents: identities.map((document, index) => kept[index] ?? placeholder(document)),
    report: {
      documents: identities.length,
      kept: identities.length - skippedDocuments.length,
      skipped: skippedDocuments,
      warnings,
      milliseconds: performance.now() - started,
    },
  }
}

/** The last cycle check per reference memo (so per dataset source and its reloads). */
const lastCycles = new WeakMap<
  ReferenceMemo,
  { lists: ReadonlyArray<readonly ReferenceEdge[]>; cycles: ReferenceEdge[][] }
>()

/**
 * Reference cycles among the edges; when every document has the same references as at the last
 * load (a reload after an edit that changed none), the last answer.
 */
function cyclesOf(
  lists: ReadonlyArray<readonly ReferenceEdge[]>,
  memo: ReferenceMemo | undefined,
): ReferenceEdge[][] {
  const last = memo && lastCycles.get(memo)
  if (last && last.lists.length === lists.length && last.lists.every((list, i) => sameEdges(list, lists[i])))
    return last.cycles
  const cycles = findCycles(lists.flat())
  if (memo) lastCycles.set(memo, { lists, cycles })
  return cycles
}

function sameEdges(a: readonly ReferenceEdge[], b: readonly ReferenceEdge[] | undefined): boolean {
  if (a === b) return true
  if (!b || a.length !== b.length) return false
  return a.every((edge, i) => {
    const other = b[i] as ReferenceEdge
    return edge.from === other.from && edge.path === other.path && edge.to === other.to
  })
}

function identityOf(document: SanityDocument): Identity {
  const identity: Identity = { _id: document._id, _type: document._type }
  for (const key of ['_rev', '_createdAt', '_updatedAt'] as const) {
    const value = document[key]
    if (value !== undefined) identity[key] = value
  }
  return identity
}

/** What stays of a skipped document: its identity and timestamps, no content. */
function placeholder(document: Identity): SanityDocument {
  const stub: SanityDocument = { _id: document._id, _type: SKIPPED_TYPE }
  for (const key of ['_rev', '_createdAt', '_updatedAt'] as const) {
    const value = document[key]
    if (typeof value === 'string') stub[key] = value
  }
  return stub
}

/** Asset and system documents (`sanity.imageAsset`, `system.group` …) are not content; they pass unchecked. */
function isSystemType(type: string): boolean {
  return type.startsWith('sanity.') || type.startsWith('system.')
}

/** Document types with at least one reference outside Portable Text (only those need the reference pass). */
function typesWithReferences(model: ContentModel): Set<string> {
  const types = new Set<string>()
  const memo = new Map<string, boolean>()
  const hasReference = (value: ValueModel, seen: Set<string>): boolean => {
    switch (value.kind) {
      case 'reference':
        return true
      case 'array':
        if (value.of.some((member) => member.value.kind === 'block')) return false
        return value.of.some((member) => hasReference(member.value, seen))
      case 'object':
      case 'image':
        return Object.values(value.fields).some((field) => hasReference(field, seen))
      case 'named': {
        if (memo.has(value.name)) return memo.get(value.name) as boolean
        if (seen.has(value.name)) return false
        const named = model.types[value.name]
        const result = named ? hasReference(named, new Set([...seen, value.name])) : false
        memo.set(value.name, result)
        return result
      }
      default:
        return false
    }
  }
  for (const [type, fields] of Object.entries(model.documents)) {
    if (Object.values(fields).some((field) => hasReference(field, new Set()))) types.add(type)
  }
  return types
}

import { type ExprNode, evaluate } from 'groq-js'
import { sameItems } from '../lib/same-items.ts'
import type { QueryParams, SanityDocument } from './types.ts'

/*
 * Every site query is flat: `*[<filter>] | order(<fields>) { <fields of the document> }`, one row per
 * document, no joins (scripts/queries.ts). A row then depends on its document alone, so a source that
 * is reloaded with the same document objects for unchanged documents (the dataset source in the
 * publisher's worker, scripts/build/incremental/dataset-source.ts) need not project them again: the
 * projection runs only over documents not seen before, and the rows are ordered as the query orders
 * documents (in the last answer's order when only rows with the same sort keys changed). When the
 * filter reads only the document and the parameters, it too runs only over documents it has not
 * judged with the same parameters, and a query over exactly the same documents as last time gives its
 * last answer.
 */

/** Rows projected from each document, per query; kept by a source across reloads. */
export type RowMemo = WeakMap<object, Map<string, Readonly<Record<string, unknown>>>>

/** A flat query, split into the steps that can run apart. */
export interface FlatQuery {
  /** `*[<filter>]` */
  filter: ExprNode
  /** `* | order(…)`, over rows */
  order: ExprNode
  /** `*{…}`, over documents */
  project: ExprNode
  /**
   * The filter reads only each document and the parameters (no joins, sub-queries or clock), so the
   * same documents in the same order with the same parameters give the same answer.
   */
  filterIsPure: boolean
  /** Parameters the filter reads (the only ones the answer depends on). */
  filterParams: string[]
  /** The row fields `order` compares (each copied from the document as it is). */
  orderFields: string[]
}

/** Node types a projection may contain and still read nothing but its document. */
const PURE = new Set([
  'Projection',
  'This',
  'Object',
  'ObjectAttributeValue',
  'AccessAttribute',
  'Map',
  'ArrayCoerce',
  'Value',
])

/**
 * The steps of `*[filter] | order(a asc, b desc) { … }` when its rows can be memoized: the projection
 * reads only the document (no parameters, joins, sub-queries or functions), and every ordering field is
 * copied into the row as it is (so ordering rows orders their documents); otherwise `undefined`.
 *
 * @param tree a parsed query
 */
export function flatQueryOf(tree: ExprNode): FlatQuery | undefined {
  if (tree.type !== 'Map' || tree.base.type !== 'PipeFuncCall' || tree.base.name !== 'order') return undefined
  const ordered = tree.base
  if (ordered.base.type !== 'Filter' || ordered.base.base.type !== 'Everything') return undefined
  const projection = tree.expr
  if (projection.type !== 'Projection' || projection.base.type !== 'This') return undefined
  if (projection.expr.type !== 'Object' || !isPure(projection.expr)) return undefined
  const copied = new Set<string>()
  for (const attribute of projection.expr.attributes) {
    if (
      attribute.type === 'ObjectAttributeValue' &&
      attribute.value.type === 'AccessAttribute' &&
      attribute.value.base === undefined &&
      attribute.value.name === attribute.name
    )
      copied.add(attribute.name)
  }
  const orderFields: string[] = []
  for (const arg of ordered.args) {
    if (arg.type !== 'Asc' && arg.type !== 'Desc') return undefined
    const field = arg.base
    if (field.type !== 'AccessAttribute' || field.base !== undefined || !copied.has(field.name))
      return undefined
    orderFields.push(field.name)
  }
  const everything: ExprNode = { type: 'Everything' }
  return {
    filter: ordered.base,
    order: { ...ordered, base: everything },
    project: { ...tree, base: everything },
    filterIsPure: isPureFilter(ordered.base.expr),
    filterParams: [...parametersOf(ordered.base.expr)].sort(),
    orderFields,
  }
}

/** Node types a filter may contain and still read nothing but its document and the parameters. */
const PURE_FILTER = new Set([
  'And',
  'Or',
  'Not',
  'OpCall',
  'Group',
  'Value',
  'Parameter',
  'This',
  'AccessAttribute',
  'FuncCall',
])
/** Functions of `global::` whose answer depends on their arguments alone. */
const PURE_FUNCTIONS = new Set(['defined', 'dateTime', 'lower', 'upper', 'length', 'references'])

function parametersOf(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) parametersOf(child, names)
  else if (node !== null && typeof node === 'object') {
    const { type, name } = node as { type?: unknown; name?: unknown }
    if (type === 'Parameter' && typeof name === 'string') names.add(name)
    for (const child of Object.values(node)) parametersOf(child, names)
  }
  return names
}

function isPureFilter(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isPureFilter)
  if (node === null || typeof node !== 'object') return true
  const { type, namespace, name } = node as { type?: unknown; namespace?: unknown; name?: unknown }
  if (typeof type === 'string') {
    if (!PURE_FILTER.has(type)) return false
    if (type === 'FuncCall' && (namespace !== 'global' || !PURE_FUNCTIONS.has(name as string))) return false
  }
  return Object.values(node).every(isPureFilter)
}

function isPure(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isPure)
  if (node === null || typeof node !== 'object') return true
  const { type } = node as { type?: unknown }
  if (typeof type === 'string' && !PURE.has(type)) return false
  return Object.values(node).every(isPure)
}

/**
 * Answers a flat query as groq-js would, projecting only documents without a row for `key` in `memo`.
 *
 * @param query the query's steps (see {@link flatQueryOf})
 * @param key the query text: rows are kept per query
 * @param documents the documents the query scans
 * @param params query parameters (the filter may use them)
 * @param dereference `->` for the filter
 */
export async function evaluateFlat(
  query: FlatQuery,
  key: string,
  documents: readonly SanityDocument[],
  params: QueryParams,
  memo: RowMemo,
  dereference: (ref: { _ref: string }) => SanityDocument | undefined,
): Promise<unknown[]> {
  const paramsKey = JSON.stringify(query.filterParams.map((name) => [name in params, params[name]]))
  const last = lastAnswers.get(memo)?.get(key)
  // The same document objects (a reload keeps unchanged ones) in the same order: the same rows.
  if (query.filterIsPure && last && last.params === paramsKey && sameItems(last.documents, documents))
    return [...last.rows]
  const run = async (tree: ExprNode, dataset: readonly object[]) =>
    (await (await evaluate(tree, { dataset, params, dereference })).get()) as unknown[]
  const matched = query.filterIsPure
    ? await filterEach(key, paramsKey, documents, memo, (unknown) => run(query.filter, unknown))
    : ((await run(query.filter, documents)) as SanityDocument[])
  const rows: Array<Readonly<Record<string, unknown>> | undefined> = matched.map((document) =>
    memo.get(document)?.get(key),
  )
  const missing = matched.filter((_, index) => rows[index] === undefined)
  if (missing.length > 0) {
    const projected = (await run(query.project, missing)) as Array<Record<string, unknown>>
    let next = 0
    matched.forEach((document, index) => {
      if (rows[index] !== undefined) return
      // Shared by every build that reads the document: nobody may change it.
      const row = Object.freeze(projected[next++] as Record<string, unknown>)
      rows[index] = row
      let byQuery = memo.get(document)
      if (!byQuery) {
        byQuery = new Map()
        memo.set(document, byQuery)
      }
      byQuery.set(key, row)
    })
  }
  const unordered = rows as object[]
  const ordered = sortedAsBefore(last, unordered, query.orderFields) ?? (await run(query.order, unordered))
  // Looked up again: queries run side by side, and another one may have made the map meanwhile.
  let answers = lastAnswers.get(memo)
  if (!answers) {
    answers = new Map()
    lastAnswers.set(memo, answers)
  }
  answers.set(key, { documents, params: paramsKey, rows: ordered, unordered })
  return [...ordered]
}

/**
 * The documents a pure filter keeps, in order: a document it was asked about before with the same
 * parameters keeps its verdict, so only the others are run through the filter (a reload after one
 * edit: one document instead of thousands).
 */
async function filterEach(
  key: string,
  paramsKey: string,
  documents: readonly SanityDocument[],
  memo: RowMemo,
  filter: (documents: readonly SanityDocument[]) => Promise<unknown[]>,
): Promise<SanityDocument[]> {
  let verdicts = filterVerdicts.get(memo)
  if (!verdicts) {
    verdicts = new WeakMap()
    filterVerdicts.set(memo, verdicts)
  }
  const known = verdicts
  const verdictOf = (document: SanityDocument) => {
    const verdict = known.get(document)?.get(key)
    return verdict?.params === paramsKey ? verdict.kept : undefined
  }
  const unknown = documents.filter((document) => verdictOf(document) === undefined)
  if (unknown.length > 0) {
    // groq-js gives back the documents themselves, in order.
    const kept = new Set(await filter(unknown))
    for (const document of unknown) {
      let byQuery = known.get(document)
      if (!byQuery) {
        byQuery = new Map()
        known.set(document, byQuery)
      }
      // One verdict per query: parameters that change every build (a clock) replace it.
      byQuery.set(key, { params: paramsKey, kept: kept.has(document) })
    }
  }
  return documents.filter((document) => verdictOf(document) === true)
}

/** What each pure filter said of each document, with which parameters; per memo. */
const filterVerdicts = new WeakMap<RowMemo, WeakMap<object, Map<string, { params: string; kept: boolean }>>>()

/**
 * The last answer's order for rows that differ from last time's only in rows whose ordering fields
 * are the same (`===`), one for one in the same places: sorting the same keys in the same order gives
 * the same permutation, so the rows take the places of those they replace. Otherwise `undefined`.
 */
function sortedAsBefore(
  last: LastAnswer | undefined,
  rows: readonly object[],
  fields: readonly string[],
): unknown[] | undefined {
  if (!last || last.unordered.length !== rows.length) return undefined
  const replaced = new Map<unknown, object>()
  for (let index = 0; index < rows.length; index++) {
    const before = last.unordered[index] as Record<string, unknown>
    const now = rows[index] as Record<string, unknown>
    if (before === now) continue
    for (const field of fields) if (before[field] !== now[field]) return undefined
    replaced.set(before, now)
  }
  return last.rows.map((row) => replaced.get(row) ?? row)
}

/** A flat query's last answer, and what it was asked over. */
interface LastAnswer {
  documents: readonly SanityDocument[]
  params: string
  rows: readonly unknown[]
  /** The rows before ordering, in document order. */
  unordered: readonly object[]
}

/** The last answer of each flat query, per memo (so per source and the sources reloaded from it). */
const lastAnswers = new WeakMap<RowMemo, Map<string, LastAnswer>>()

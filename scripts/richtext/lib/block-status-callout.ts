import type { Element, ElementContent } from 'hast'
import { STATUS_OPTIONS } from '../../../schemas/constants.ts'
import { quote } from './context.ts'
import { isRecord, type Rec, refAt, text } from './guards.ts'
import { el, txt } from './hast.ts'
import { type InlineContext, linkProperties } from './marks.ts'
import { checkUrl } from './url.ts'

/** Status values allowed in `data-status`: the content model's statuses, plus `unknown`. */
export const STATUSES: readonly string[] = [...STATUS_OPTIONS.map((option) => option.value), 'unknown']
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES)
/** Confidence values and their badge labels. */
export const CONFIDENCE_LABELS: ReadonlyMap<string, string> = new Map([
  ['official', 'Official'],
  ['reported', 'Reported'],
  ['speculative', 'Speculative'],
])
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * Renders a `statusCallout` block from the show's resolved current status:
 * `<aside class="status-callout" data-status="…">` with the show (linked), the status label, a confidence
 * badge (`<span class="status-callout__confidence" data-confidence="…">`), the date as `<time datetime>`,
 * the source link and the block's `note`. Unresolved → nothing, with a warning.
 * @param block The `statusCallout` block.
 * @param ctx Inline context.
 */
export function renderStatusCallout(block: Rec, ctx: InlineContext): Element | undefined {
  const ref = refAt(block, 'show')
  const resolve = ctx.options.resolveStatus
  const resolved = ref !== undefined && typeof resolve === 'function' ? ctx.call(resolve, ref) : undefined
  if (ref === undefined || !isRecord(resolved)) {
    ctx.warn(
      'unresolved-status',
      `Status of show ${quote(ref ?? '(no reference)')} not resolved; callout skipped`,
    )
    return undefined
  }
  let status = text(resolved, 'status') ?? 'unknown'
  if (!STATUS_SET.has(status)) {
    ctx.warn('invalid-status', `Unknown status ${quote(status)} shown as "unknown"`)
    status = 'unknown'
  }
  const label = text(resolved, 'statusLabel') ?? status
  const showTitle = text(resolved, 'showTitle') ?? ref
  const showHref = text(resolved, 'showHref')
  const showUrl = showHref === undefined ? undefined : checkUrl(showHref)
  if (showHref !== undefined && showUrl === undefined) {
    ctx.warn('unsafe-url', `Show URL ${quote(showHref)} refused; show title not linked`)
  }

  const headline: ElementContent[] = [
    showUrl
      ? el('a', { className: ['status-callout__show'], href: showUrl.href }, [txt(showTitle)])
      : el('span', { className: ['status-callout__show'] }, [txt(showTitle)]),
    txt(': '),
    el('strong', { className: ['status-callout__label'] }, [txt(label)]),
  ]
  const confidence = text(resolved, 'confidence')
  const confidenceLabel = confidence === undefined ? undefined : CONFIDENCE_LABELS.get(confidence)
  if (confidence !== undefined && confidenceLabel !== undefined) {
    headline.push(
      txt(' '),
      el('span', { className: ['status-callout__confidence'], dataConfidence: confidence }, [
        txt(confidenceLabel),
      ]),
    )
  } else {
    ctx.warn('invalid-status', `Unknown confidence ${quote(confidence ?? '(none)')}; badge omitted`)
  }
  const children: ElementContent[] = [el('p', { className: ['status-callout__status'] }, headline)]

  const meta: ElementContent[] = []
  const date = text(resolved, 'date')
  const formatted = date === undefined ? undefined : formatDate(date)
  if (date !== undefined && formatted !== undefined) {
    meta.push(txt('Announced '), el('time', { dateTime: date }, [txt(formatted)]))
  } else {
    ctx.warn('invalid-date', `Status date ${quote(date ?? '(none)')} is not YYYY-MM-DD; date omitted`)
  }
  const sourceUrl = text(resolved, 'sourceUrl')
  const properties = sourceUrl === undefined ? undefined : linkProperties(sourceUrl, false, ctx)
  if (sourceUrl !== undefined && properties !== undefined) {
    if (meta.length) meta.push(txt(' · '))
    const title = text(resolved, 'sourceTitle') ?? hostOf(String(properties.href)) ?? 'link'
    meta.push(txt('Source: '), el('a', properties, [txt(title)]))
  }
  if (meta.length) children.push(el('p', { className: ['status-callout__meta'] }, meta))
  const note = text(block, 'note')
  if (note !== undefined) children.push(el('p', { className: ['status-callout__note'] }, [txt(note)]))
  return el('aside', { className: ['status-callout'], dataStatus: status }, children)
}

/**
 * Formats a calendar date (`YYYY-MM-DD`) as `1 March 2025` (the site's date style); `undefined` for an invalid date.
 * @param date The date string.
 */
export function formatDate(date: string): string | undefined {
  const cached = formattedDates.get(date)
  if (cached !== undefined) return cached
  const formatted = computeDate(date)
  if (formatted !== undefined && formattedDates.size < 10_000) formattedDates.set(date, formatted)
  return formatted
}

const formattedDates = new Map<string, string>()

function computeDate(date: string): string | undefined {
  const m = DATE.exec(date)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const at = new Date(Date.UTC(y, mo - 1, d))
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return undefined
  return dateFormat.format(at)
}

function hostOf(href: string): string | undefined {
  try {
    const host = new URL(href).hostname
    return host.startsWith('www.') ? host.slice(4) : host || undefined
  } catch {
    return undefined
  }
}

/**
 * Pure `prepare` functions for document previews. Kept outside the schema
 * files so tests (and the Studio's custom preview component) can call them.
 */
import type { PreviewValue as SanityPreviewValue } from 'sanity'
import { statusTitle } from './constants.ts'

type Media = SanityPreviewValue['media']

export interface PreviewValue {
  title: string
  subtitle?: string
  description?: string
  media?: Media
}

function formatDate(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value.slice(0, 10) : undefined
}

function joinParts(parts: (string | undefined | null | false)[], sep = ' · '): string | undefined {
  const present = parts.filter((p): p is string => typeof p === 'string' && p.length > 0)
  return present.length ? present.join(sep) : undefined
}

function clean(value: PreviewValue): PreviewValue {
  const out: PreviewValue = { title: value.title }
  if (value.subtitle) out.subtitle = value.subtitle
  if (value.description) out.description = value.description
  if (value.media) out.media = value.media
  return out
}

/** Show: "Partner Track" / "Cancelled · Netflix". `currentStatus` comes from the GROQ rule. */
export function prepareShowPreview(selection: {
  title?: string
  network?: string
  currentStatus?: string | null
  premiereDate?: string
  isSample?: boolean
  media?: Media
}): PreviewValue {
  const status = selection.currentStatus ? statusTitle(selection.currentStatus) : undefined
  return clean({
    title: selection.title || 'Untitled show',
    subtitle: joinParts([status, selection.network || 'No network', selection.isSample && 'Sample']),
    description: selection.premiereDate ? `Premiered ${formatDate(selection.premiereDate)}` : undefined,
    media: selection.media,
  })
}

/**
 * Prefix a prepared show subtitle ("Netflix") with the derived current status:
 * "Cancelled · Netflix"; "No status yet · Netflix" when the show has no events.
 */
export function withCurrentStatus(
  subtitle: string | undefined,
  currentStatus: string | null | undefined,
): string {
  const status = currentStatus ? statusTitle(currentStatus) : 'No status yet'
  return joinParts([status, subtitle]) ?? status
}

/** Cast credit: "Alexandra Turshen as Rachel Friedman (main)". */
export function prepareCastCreditPreview(selection: {
  personName?: string
  characterName?: string
  billing?: string
  showTitle?: string
  order?: number
  media?: Media
}): PreviewValue {
  const actor = selection.personName || 'Unknown actor'
  const character = selection.characterName || 'unnamed character'
  const billing = selection.billing ? ` (${selection.billing})` : ''
  return clean({
    title: `${actor} as ${character}${billing}`,
    subtitle: joinParts([
      selection.showTitle,
      typeof selection.order === 'number' ? `#${selection.order}` : undefined,
    ]),
    media: selection.media,
  })
}

/** Status event: "Cancelled · official · 2022-10-05". */
export function prepareStatusEventPreview(selection: {
  status?: string
  confidence?: string
  announcedAt?: string
  showTitle?: string
  forSeason?: number
  isSample?: boolean
}): PreviewValue {
  return clean({
    title:
      joinParts([
        statusTitle(selection.status),
        selection.confidence || 'unrated',
        formatDate(selection.announcedAt) || 'no date',
      ]) ?? '',
    subtitle: joinParts([
      selection.showTitle,
      typeof selection.forSeason === 'number' ? `Season ${selection.forSeason}` : undefined,
      selection.isSample && 'Sample',
    ]),
  })
}

/** Article: title / "Partner Track · 2024-05-01". */
export function prepareArticlePreview(selection: {
  title?: string
  showTitle?: string
  publishedAt?: string
  kind?: string
  isSample?: boolean
  media?: Media
}): PreviewValue {
  return clean({
    title: selection.title || 'Untitled article',
    subtitle: joinParts([
      selection.showTitle || 'No show',
      formatDate(selection.publishedAt) || 'not scheduled',
      selection.isSample && 'Sample',
    ]),
    description: selection.kind,
    media: selection.media,
  })
}

/** Season: "Season 1 · Partner Track" / "10 episodes · 2022-08-26". */
export function prepareSeasonPreview(selection: {
  number?: number
  title?: string
  showTitle?: string
  episodeCount?: number
  premiereDate?: string
}): PreviewValue {
  const label = typeof selection.number === 'number' ? `Season ${selection.number}` : 'Season ?'
  return clean({
    title: joinParts([label, selection.title], ': ') ?? label,
    subtitle: joinParts([
      selection.showTitle,
      typeof selection.episodeCount === 'number' ? `${selection.episodeCount} episodes` : undefined,
      formatDate(selection.premiereDate),
    ]),
  })
}

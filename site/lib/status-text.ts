import type { ShowSummary, StatusView } from '../../scripts/site-data/index.ts'
import { readableDate } from './dates.ts'

/*
 * The one-sentence answer readers come for ("Is it renewed or cancelled?"), and how sure we are,
 * worded from the current status event.
 */

const SENTENCES: Record<StatusView['status'], (title: string, season: string) => string> = {
  renewed: (t, s) => `${t} has been renewed${s ? ` for season ${s}` : ''}.`,
  'final-season': (t, s) => `${t} is in its final season${s ? ` (season ${s})` : ''}.`,
  revived: (t, s) => `${t} has been revived${s ? ` for season ${s}` : ''}.`,
  airing: (t, s) => `${t} is airing${s ? ` season ${s}` : ''}.`,
  'awaiting-premiere': (t, s) => `${t} is waiting for its ${s ? `season ${s} ` : ''}premiere.`,
  ordered: (t) => `${t} has been ordered to series.`,
  'in-development': (t) => `${t} is in development.`,
  pending: (t, s) => `${t} is waiting for a decision${s ? ` on season ${s}` : ''}.`,
  limited: (t) => `${t} is a limited series: no more seasons are planned.`,
  cancelled: (t) => `${t} has been cancelled.`,
  ended: (t) => `${t} has ended.`,
}

/**
 * "Partner Track has been cancelled." — or "… status is unknown" without any event.
 *
 * @param show the show
 */
export function statusSentence(show: Pick<ShowSummary, 'title' | 'currentStatus'>): string {
  const status = show.currentStatus
  if (!status) return `We have no renewal or cancellation news for ${show.title} yet.`
  return SENTENCES[status.status](show.title, status.forSeason ? String(status.forSeason) : '')
}

/**
 * How sure the answer is: who said it and when.
 *
 * @param status the current status event
 * @param network who would announce it officially
 */
export function confidenceSentence(status: StatusView, network?: string): string {
  const date = readableDate(status.announcedAt)
  const who = network ?? 'the network'
  switch (status.confidence) {
    case 'official':
      return `Official: announced by ${who} or the producers on ${date}.`
    case 'reported':
      return `Reported on ${date} by the press; ${who} has not confirmed it.`
    default:
      return `Speculative as of ${date}: nothing has been announced.`
  }
}

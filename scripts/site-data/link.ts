import type { Link } from './types.ts'

/**
 * A link to a document page.
 *
 * @param href the page's address
 * @param text its title (empty when the document has none)
 */
export function link(href: string, text: string | null | undefined): Link {
  return { href, text: text ?? '' }
}

/** Whether two links have the same address and text. */
export const sameLink = (a: Link, b: Link): boolean => a.href === b.href && a.text === b.text

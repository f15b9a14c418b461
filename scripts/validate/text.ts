/*
 * Text hygiene for content strings: characters that no page, feed or sitemap may carry, and
 * shortening for meta tags.
 */

/**
 * Characters removed from every content string: C0 controls except tab, newline and carriage return,
 * DEL and C1 controls, unpaired surrogates and the non-characters U+FFFE/U+FFFF. None of them is
 * allowed in XML 1.0 (a feed or sitemap containing one is rejected by readers), and none prints.
 */
// Cc without tab, newline and carriage return; Cs matches only unpaired surrogates in `u` mode.
const UNSAFE_CHARACTERS = /[^\P{Cc}\t\n\r]|\p{Cs}|[\uFFFE\uFFFF]/gu
const HAS_UNSAFE = /[^\P{Cc}\t\n\r]|\p{Cs}|[\uFFFE\uFFFF]/u
// A quick first test without Unicode mode: the same controls, and any surrogate (paired ones, as in
// emoji, are then checked precisely). Built from code points: the characters themselves are the point.
const range = (from: number, to: number) => `${String.fromCharCode(from)}-${String.fromCharCode(to)}`
const MAYBE_UNSAFE = new RegExp(
  `[${range(0x00, 0x08)}${range(0x0b, 0x0c)}${range(0x0e, 0x1f)}${range(0x7f, 0x9f)}${range(0xd800, 0xdfff)}${range(0xfffe, 0xffff)}]`,
)

/** True when {@link stripUnsafeCharacters} would change the text. */
export function hasUnsafeCharacters(text: string): boolean {
  return MAYBE_UNSAFE.test(text) && HAS_UNSAFE.test(text)
}

/** Removes control characters, unpaired surrogates and non-characters (see above). */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '')
}

// Format characters (zero-width, bidi controls, soft hyphen): they print nothing.
const INVISIBLE = /\p{Cf}/gu

/** True when the text has nothing a reader could see (empty, whitespace or invisible characters only). */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === ''
}

/** Longest `<title>` / social title kept in meta tags (search engines cut at about this length). */
export const META_TITLE_MAX = 70
/** Longest meta description. */
export const META_DESCRIPTION_MAX = 160

/**
 * Shortens text for a meta tag: at most `max` characters (counted in code points, never splitting a
 * surrogate pair), cut at a word boundary when one is near, ending in "…". Whitespace runs collapse.
 *
 * @param text any content string
 * @param max longest result, including the ellipsis
 */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  // No more code units than `max`, so no more code points: nothing to cut (most titles).
  if (clean.length <= max) return clean
  const chars = Array.from(clean)
  if (chars.length <= max) return clean
  const head = chars.slice(0, Math.max(1, max - 1)).join('')
  const space = head.lastIndexOf(' ')
  const cut = space >= head.length * 0.6 ? head.slice(0, space) : head
  return `${cut.replace(/[\s.,;:!?\-–—]+$/u, '')}…`
}

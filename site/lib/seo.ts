import { META_DESCRIPTION_MAX, META_TITLE_MAX, truncateText } from '../../scripts/validate/text.ts'
import { type Html, h, trusted } from './html.ts'

/** Search engines show about this many characters of a description. */
export const DESCRIPTION_LENGTH = META_DESCRIPTION_MAX

/**
 * One-paragraph description for `<meta name="description">` and Open Graph: whitespace collapsed,
 * cut at a word boundary with an ellipsis when longer than {@link DESCRIPTION_LENGTH}.
 *
 * @param text excerpt, dek or SEO description
 */
export function metaDescription(text: string, max: number = DESCRIPTION_LENGTH): string {
  return truncateText(text, max)
}

/**
 * A page title for `<title>` and social cards: long titles are shortened there only; the page's
 * own heading keeps the whole title.
 *
 * @param title the page's title
 */
export function metaTitle(title: string): string {
  return truncateText(title, META_TITLE_MAX)
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as `\u003c`,
 * `\u003e` and `\u0026`, so no string (say, a title containing `</script>` or `<!--`) can end the
 * script element or change how it is parsed; U+2028/U+2029 are escaped too. The result is still
 * the same JSON value.
 *
 * @param value structured data
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** The `<script type="application/ld+json">` element for structured data. */
export function jsonLdScript(value: unknown): Html {
  // Script content is not escaped by the HTML serialiser; serializeJsonLd makes it safe instead.
  return h('script', { type: 'application/ld+json' }, trusted(serializeJsonLd(value)))
}

/** A page number to link, or a gap (`…`) for the pages left out between two of them. */
export type WindowItem = number | 'gap'

/**
 * The page numbers a pager shows on page `current` of `total`: the first and the last, and the
 * pages within `around` of the current one; left-out runs become one gap each. A gap would never
 * stand for a single page: that page is shown instead. With hundreds of pages (the archive of a
 * large site) a pager stays a line long instead of listing every page.
 *
 * @param current the page shown, 1-based
 * @param total how many pages there are
 * @param around pages shown on each side of the current one
 */
export function pageWindow(current: number, total: number, around = 2): WindowItem[] {
  const shown = new Set([1, total])
  for (let page = current - around; page <= current + around; page++) {
    if (page >= 1 && page <= total) shown.add(page)
  }
  const items: WindowItem[] = []
  let previous = 0
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous === 2) items.push(page - 1)
    else if (page - previous > 2) items.push('gap')
    items.push(page)
    previous = page
  }
  return items
}

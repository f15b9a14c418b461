/** The Studio's show preview component adds the derived current status to the subtitle. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { PreviewProps } from 'sanity'
import { describe, expect, it, vi } from 'vitest'

const rows = [
  { _id: 'show-partner-track', status: 'cancelled' },
  { _id: 'show-new', status: null },
]
const listenQuery = vi.fn((_query: unknown, _params: unknown, _options: unknown) => ({
  subscribe: (observer: { next: (value: typeof rows) => void }) => {
    observer.next(rows)
    return { unsubscribe: () => {} }
  },
}))
const fakeDocumentStore = { listenQuery }

vi.mock('sanity', async (importOriginal) => ({
  ...(await importOriginal<typeof import('sanity')>()),
  useDocumentStore: () => fakeDocumentStore,
}))

const { ShowPreview, getShowStatusStore } = await import('../../studio/components/ShowPreview.tsx')
const { SHOW_STATUS_QUERY } = await import('../../studio/components/showStatusStore.ts')

function render(props: Record<string, unknown>) {
  const renderDefault = (p: PreviewProps) =>
    createElement('div', null, `${String(p.title)} | ${String(p.subtitle ?? '')}`)
  return renderToStaticMarkup(
    createElement(ShowPreview, { renderDefault, ...props } as unknown as PreviewProps),
  )
}

describe('ShowPreview', () => {
  it('renders the default preview until statuses have loaded', () => {
    expect(render({ _id: 'show-partner-track', title: 'Partner Track', subtitle: 'Netflix' })).toBe(
      '<div>Partner Track | Netflix</div>',
    )
  })

  it('shows "Status · Network" once the shared live query has answered', () => {
    const store = getShowStatusStore(fakeDocumentStore as never)
    const stop = store.subscribe(() => {})
    expect(listenQuery).toHaveBeenCalledTimes(1)
    expect(listenQuery.mock.calls[0]?.[0]).toBe(SHOW_STATUS_QUERY)

    expect(render({ _id: 'show-partner-track', title: 'Partner Track', subtitle: 'Netflix' })).toBe(
      '<div>Partner Track | Cancelled · Netflix</div>',
    )
    expect(render({ _id: 'drafts.show-partner-track', title: 'Partner Track', subtitle: 'Netflix' })).toBe(
      '<div>Partner Track | Cancelled · Netflix</div>',
    )
    expect(render({ _id: 'show-new', title: 'New', subtitle: 'HBO' })).toBe(
      '<div>New | No status yet · HBO</div>',
    )
    stop()
  })
})

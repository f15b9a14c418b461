import { describe, expect, it, vi } from 'vitest'
import {
  createShowStatusStore,
  type ShowStatusRow,
  type SubscribableLike,
  toStatusMap,
} from '../../studio/components/showStatusStore.ts'

describe('toStatusMap', () => {
  it('maps published ids to statuses; a draft’s status wins', () => {
    const map = toStatusMap([
      { _id: 'show-a', status: 'airing' },
      { _id: 'drafts.show-a', status: 'renewed' },
      { _id: 'show-b', status: null },
      { _id: 'drafts.show-c', status: 'cancelled' },
      { _id: 'show-c', status: 'airing' },
      { _id: 'versions.r1.show-d', status: 'ended' },
    ])
    expect(Object.fromEntries(map)).toEqual({ 'show-a': 'renewed', 'show-b': null, 'show-c': 'cancelled' })
    expect(toStatusMap(null).size).toBe(0)
  })
})

describe('createShowStatusStore', () => {
  function fakeSource() {
    let next: ((rows: ShowStatusRow[]) => void) | undefined
    const unsubscribe = vi.fn()
    const subscribe = vi.fn((observer: { next: (rows: ShowStatusRow[]) => void }) => {
      next = observer.next
      return { unsubscribe }
    })
    const source = vi.fn((): SubscribableLike<ShowStatusRow[]> => ({ subscribe }))
    return { source, subscribe, unsubscribe, emit: (rows: ShowStatusRow[]) => next?.(rows) }
  }

  it('shares one live query between all previews and stops when the last one leaves', () => {
    const fake = fakeSource()
    const store = createShowStatusStore(fake.source)
    const a = vi.fn()
    const b = vi.fn()
    const offA = store.subscribe(a)
    const offB = store.subscribe(b)
    expect(fake.subscribe).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot()).toBeUndefined()

    fake.emit([{ _id: 'show-a', status: 'cancelled' }])
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot()?.get('show-a')).toBe('cancelled')

    offA()
    expect(fake.unsubscribe).not.toHaveBeenCalled()
    offB()
    expect(fake.unsubscribe).toHaveBeenCalledTimes(1)

    store.subscribe(a)
    expect(fake.subscribe).toHaveBeenCalledTimes(2)
  })
})

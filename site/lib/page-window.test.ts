import { describe, expect, it } from 'vitest'
import { pageWindow } from './page-window.ts'

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(2, 3)).toEqual([1, 2, 3])
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('keeps the first, the last and two on each side of the current page', () => {
    expect(pageWindow(1, 500)).toEqual([1, 2, 3, 'gap', 500])
    expect(pageWindow(250, 500)).toEqual([1, 'gap', 248, 249, 250, 251, 252, 'gap', 500])
    expect(pageWindow(500, 500)).toEqual([1, 'gap', 498, 499, 500])
  })

  it('shows a single left-out page instead of a gap', () => {
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 10])
    expect(pageWindow(6, 10)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 9, 10])
  })

  it('takes another width', () => {
    expect(pageWindow(50, 100, 1)).toEqual([1, 'gap', 49, 50, 51, 'gap', 100])
    expect(pageWindow(50, 100, 0)).toEqual([1, 'gap', 50, 'gap', 100])
  })
})

/**
 * The terminal's view of a long check: nothing for a run that ends within the delay, then the
 * file, its place and its share done, updated no more often than asked, ending in "done"; and
 * nothing at all where stderr is not a terminal.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {describeProgress, terminalProgress, type ProgressAction} from '../../src/commands/_progress.js'

function recordingAction() {
  const calls: string[] = []
  const action: ProgressAction = {
    start: (name, status) => void calls.push(`start ${name}: ${status}`),
    set status(status: string | undefined) {
      calls.push(`status ${status}`)
    },
    get status() {
      return undefined
    },
    stop: (message) => void calls.push(`stop ${message}`),
  }
  return {action, calls}
}

const at = (bytes: number, index = 1) => ({resource: 'spend.csv', index, count: 2, bytes, size: 1000})

describe('terminal progress', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows nothing for a run that ends within the delay', () => {
    const {action, calls} = recordingAction()
    const progress = terminalProgress({enabled: true, action, delayMs: 500})
    progress.onProgress!(at(0))
    vi.advanceTimersByTime(400)
    progress.onProgress!(at(1000))
    progress.done()
    vi.advanceTimersByTime(1000)
    expect(calls).toEqual([])
  })

  it('then names the file, its place and share done, at most every everyMs, and ends with done', () => {
    const {action, calls} = recordingAction()
    const progress = terminalProgress({enabled: true, action, delayMs: 500, everyMs: 100})
    progress.onProgress!(at(0))
    vi.advanceTimersByTime(500)
    progress.onProgress!(at(250))
    vi.advanceTimersByTime(100)
    progress.onProgress!(at(500))
    progress.onProgress!(at(750))
    progress.done()
    expect(calls).toEqual(['start Checking: spend.csv (1 of 2) 0%', 'status spend.csv (1 of 2) 50%', 'stop done'])
  })

  it('ends with stopped, not done, when the run fails, and passes the failure on', async () => {
    const {action, calls} = recordingAction()
    const progress = terminalProgress({enabled: true, action, delayMs: 500})
    progress.onProgress!(at(0))
    vi.advanceTimersByTime(500)
    const failure = new Error('spend.csv cannot be read')
    await expect(progress.around(Promise.reject(failure))).rejects.toBe(failure)
    expect(calls).toEqual(['start Checking: spend.csv (1 of 2) 0%', 'stop stopped'])
  })

  it('reports nothing and asks the run for nothing when disabled (stderr not a terminal)', () => {
    const {action, calls} = recordingAction()
    const progress = terminalProgress({enabled: false, action})
    expect(progress.onProgress).toBeUndefined()
    progress.done()
    expect(calls).toEqual([])
  })

  it('describes a single file without its place, a file read whole without a share, and control characters visibly', () => {
    expect(describeProgress({resource: 'spend.csv', index: 1, count: 1, bytes: 10, size: 40})).toBe('spend.csv 25%')
    expect(describeProgress({resource: 'parks.ttl', index: 3, count: 4, bytes: 0, size: 0})).toBe('parks.ttl (3 of 4)')
    expect(describeProgress({resource: 'a\u001b[2Jb.csv', index: 1, count: 1, bytes: 0, size: 0})).toBe('a␛[2Jb.csv')
    expect(describeProgress({resource: 'spend.zip', index: 0, count: 0, bytes: 30, size: 40, decompressing: true})).toBe('decompressing spend.zip 75%')
  })
})

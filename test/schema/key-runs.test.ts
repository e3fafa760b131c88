/**
 * Key runs (src/checks/schema/key-runs.ts): whatever the hashes and however the rows were cut
 * into chunks, every row whose key an earlier row has is reported once, naming the earliest
 * row with that key; keys whose hi halves collide but whose lo halves differ are different keys.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {appendKeyParts, forEachRepeat, newKeyParts, pushKey} from '../../src/checks/schema/key-runs.js'

type Key = [hi: number, lo: number]

/** What a Map of every key to its first row says. */
function expectedRepeats(keys: Key[]): string[] {
  const first = new Map<string, number>()
  const found: string[] = []
  keys.forEach(([hi, lo], i) => {
    const id = `${hi}:${lo}`
    const row = i + 2
    const seen = first.get(id)
    if (seen === undefined) first.set(id, row)
    else found.push(`${row}<-${seen}`)
  })
  return found.sort()
}

function repeatsOf(keys: Key[], cuts: number[]): {repeats: string[]; firsts: number} {
  const bounds = [...new Set([0, ...cuts.map((c) => c % (keys.length + 1)), keys.length])].sort((a, b) => a - b)
  let parts = newKeyParts(0)
  for (let c = 0; c + 1 < bounds.length; c++) {
    const chunk = newKeyParts(bounds[c + 1] - bounds[c])
    for (let i = bounds[c]; i < bounds[c + 1]; i++) pushKey(chunk, keys[i][0], keys[i][1], i + 2, i + 3)
    parts = c === 0 ? chunk : appendKeyParts(parts, chunk)
  }
  const repeats: string[] = []
  let firsts = 0
  forEachRepeat(
    parts,
    (row, line, firstRow) => {
      expect(line).toBe(row + 1)
      repeats.push(`${row}<-${firstRow}`)
    },
    () => firsts++,
  )
  return {repeats: repeats.sort(), firsts}
}

describe('key runs', () => {
  it('finds every repeat with its first row, however the rows are cut into chunks', () => {
    // Few distinct halves, so keys repeat, share a part, and collide in hi with different lo.
    const half = fc.constantFrom(0x01000000, 0x01000001, 0x01fff000, 0xff000000, 0x00000001)
    const key = fc.tuple(half, fc.constantFrom(1, 2, 0x80000000))
    fc.assert(
      fc.property(fc.array(key, {maxLength: 300}), fc.array(fc.nat(), {maxLength: 6}), (keys, cuts) => {
        const {repeats, firsts} = repeatsOf(keys as Key[], cuts)
        expect(repeats).toEqual(expectedRepeats(keys as Key[]))
        expect(firsts).toBe(new Set(keys.map(([h, l]) => `${h}:${l}`)).size)
      }),
    )
  })

  it('keeps 200,000 distinct keys apart and finds the one repeat among them', () => {
    const keys: Key[] = []
    for (let i = 0; i < 200_000; i++) keys.push([Math.imul(i, 0x9e3779b1) >>> 0, i])
    keys.push(keys[123_456])
    const {repeats, firsts} = repeatsOf(keys, [50_000, 150_000])
    expect(repeats).toEqual([`${200_002}<-${123_458}`])
    expect(firsts).toBe(200_000)
  })
})

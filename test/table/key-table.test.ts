/**
 * The key table behind unique-error, primary-key and foreign-key: 64-bit key hashes with the
 * row (and line) that first had each key, in typed arrays that cross worker threads, sized
 * up front from an estimate and merged chunk by chunk.
 */
import {describe, expect, it} from 'vitest'
import {forEachKey, hashKey, insert, insertAll, lookup, MAX_RESERVED_KEYS, newKeyTable, reserve} from '../../src/table/key-table.js'

describe('key table', () => {
  it('remembers the first row of each key through growth, and lists every key once', () => {
    const table = newKeyTable(4)
    for (let i = 0; i < 5000; i++) {
      const [h, l] = hashKey(`K${i % 3000}`)
      expect(insert(table, h, l, i + 2)).toBe(i < 3000 ? 0 : i - 3000 + 2)
    }
    expect(table.size).toBe(3000)
    expect(lookup(table, ...hashKey('K2999'))).toBe(3001)
    expect(lookup(table, ...hashKey('K3000'))).toBe(0)
    let keys = 0
    forEachKey(table, () => keys++)
    expect(keys).toBe(3000)
    // Survives the trip to and from a worker thread.
    expect(lookup(structuredClone(table), ...hashKey('K7'))).toBe(9)
  })
})

describe('key table sizing and merging', () => {
  const fill = (table: ReturnType<typeof newKeyTable>, from: number, to: number, firstRow: number) => {
    for (let i = from; i < to; i++) insert(table, ...hashKey(`K${i}`), firstRow + i - from, 1000 + i)
  }

  it('holds the keys it was made for without growing', () => {
    const table = newKeyTable(100_000, true)
    const slots = table.slots.length
    fill(table, 0, 100_000, 2)
    expect(table.slots.length).toBe(slots)
    expect(table.size).toBe(100_000)
  })

  it('never reserves more than MAX_RESERVED_KEYS up front, however far off the estimate', () => {
    const table = newKeyTable(50_000_000, true)
    expect(table.slots.length).toBeLessThanOrEqual(2 * MAX_RESERVED_KEYS * 4)
    reserve(table, 80_000_000)
    expect(table.slots.length).toBeLessThanOrEqual(2 * MAX_RESERVED_KEYS * 4)
  })

  it('merges a later chunk: its new keys keep their rows and lines, and each key the earlier chunk had is a repeat', () => {
    const left = newKeyTable(0, true)
    fill(left, 0, 3000, 2)
    const right = newKeyTable(0, true)
    // Keys 2000..4999: 1000 repeats of the left's, 2000 new ones.
    fill(right, 2000, 5000, 3002)
    const repeats: Array<{row: number; line: number}> = []
    insertAll(left, right, (_h, _l, row, line) => repeats.push({row, line}))
    expect(left.size).toBe(5000)
    expect(repeats).toHaveLength(1000)
    expect(repeats.map((r) => r.row).sort((a, b) => a - b)[0]).toBe(3002)
    expect(lookup(left, ...hashKey('K2500'))).toBe(2502)
    expect(lookup(left, ...hashKey('K4999'))).toBe(3002 + 2999)
    let lineOfK4000 = 0
    forEachKey(left, (h, l, _row, line) => {
      const [kh, kl] = hashKey('K4000')
      if (h === kh && l === kl) lineOfK4000 = line
    })
    expect(lineOfK4000).toBe(5000)
  })
})

/**
 * A histogram of a column's numbers in one pass and bounded memory, without knowing the range
 * in advance: at most MAX_BINS bins of width 2^k, aligned on multiples of the width. When a
 * value falls outside the bins the width doubles (two bins become one, exactly, because the
 * bins are aligned) until every value fits. The width is thus the smallest that fits the
 * column's minimum and maximum, so merging chunk states gives exactly the one-pass histogram.
 */

export const MAX_BINS = 32

export interface HistogramState {
  /** Number of values counted. */
  count: number
  min: number
  max: number
  /** Bins are 2^k wide. */
  k: number
  /** Index (value / width, floored) of counts[0]. */
  offset: number
  counts: number[]
}

export function newHistogram(k: number): HistogramState {
  return {count: 0, min: Infinity, max: -Infinity, k, offset: 0, counts: []}
}

function binOf(value: number, k: number): number {
  return Math.floor(value / 2 ** k)
}

function fits(min: number, max: number, k: number): boolean {
  return binOf(max, k) - binOf(min, k) < MAX_BINS
}

/** Re-bins to width 2^k (k at least the current one): bin i becomes bin floor(i / 2^(k - current)). */
function widen(h: HistogramState, k: number): void {
  if (k === h.k) return
  const factor = 2 ** (k - h.k)
  const offset = Math.floor(h.offset / factor)
  const counts: number[] = []
  h.counts.forEach((n, i) => {
    if (n === 0) return
    const j = Math.floor((h.offset + i) / factor) - offset
    counts[j] = (counts[j] ?? 0) + n
  })
  h.k = k
  h.offset = offset
  h.counts = Array.from(counts, (n) => n ?? 0)
}

function place(h: HistogramState, value: number, n: number): void {
  const bin = binOf(value, h.k)
  if (h.counts.length === 0) h.offset = bin
  if (bin < h.offset) {
    h.counts = [...new Array<number>(h.offset - bin).fill(0), ...h.counts]
    h.offset = bin
  }
  const i = bin - h.offset
  while (h.counts.length <= i) h.counts.push(0)
  h.counts[i] += n
}

/** Beyond this a value is an identifier rather than a quantity, and bin arithmetic would lose exactness. */
const LIMIT = 2 ** 53

/** Below this a value counts as 0: dividing a subnormal number by a bin width would not be exact. */
const TINY = 2 ** -500

export function addToHistogram(h: HistogramState, input: number): void {
  if (!(Math.abs(input) < LIMIT)) return
  const value = Math.abs(input) < TINY ? 0 : input
  h.count++
  if (value < h.min) h.min = value
  if (value > h.max) h.max = value
  let k = h.k
  while (!fits(h.min, h.max, k)) k++
  widen(h, k)
  place(h, value, 1)
}

export function mergeHistograms(left: HistogramState, right: HistogramState): HistogramState {
  if (right.count === 0) return left
  if (left.count === 0) return right
  const min = Math.min(left.min, right.min)
  const max = Math.max(left.max, right.max)
  let k = Math.max(left.k, right.k)
  while (!fits(min, max, k)) k++
  const out: HistogramState = {...left, counts: [...left.counts], count: left.count + right.count, min, max}
  widen(out, k)
  const other: HistogramState = {...right, counts: [...right.counts]}
  widen(other, k)
  other.counts.forEach((n, i) => {
    if (n > 0) place(out, (other.offset + i) * 2 ** k, n)
  })
  return out
}

/** Widens to at least 2^k: an integer column needs no bins narrower than 1. */
export function atLeastWidth(h: HistogramState, k: number): HistogramState {
  if (h.k >= k) return h
  const out = {...h, counts: [...h.counts]}
  widen(out, k)
  return out
}

export interface Bin {
  from: number
  to: number
  count: number
}

/** The bins from the minimum's to the maximum's, as [from, to) ranges. */
export function binsOf(h: HistogramState): Bin[] {
  const width = 2 ** h.k
  return h.counts.map((count, i) => ({from: (h.offset + i) * width, to: (h.offset + i + 1) * width, count}))
}

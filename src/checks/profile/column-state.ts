/**
 * What the profile gathers per column in one pass: counts of blank cells, placeholders and
 * kinds of value, distinct values, lengths, and histograms of the numbers and dates. Plain,
 * cloneable data; every part merges so chunks checked in parallel fold into the one-pass state.
 */
import {parseNumber, valueKind, VALUE_KINDS} from '../values/value-kind.js'
import {parseDay} from './dates.js'
import {addDistinct, hashValue, mergeDistinct, newDistinct, type DistinctState} from './distinct.js'
import {addToHistogram, mergeHistograms, newHistogram, type HistogramState} from './histogram.js'
import {trimmed} from '../shared/trimmed.js'

/** VALUE_KINDS, and `code` for an integer written with a leading zero (an identifier, not a quantity). */
export const PROFILE_KINDS = [...VALUE_KINDS, 'code'] as const
const CODE = PROFILE_KINDS.indexOf('code')
const INTEGER = PROFILE_KINDS.indexOf('integer')
const DECIMAL = PROFILE_KINDS.indexOf('decimal')
const DATE = PROFILE_KINDS.indexOf('date')
const DATETIME = PROFILE_KINDS.indexOf('datetime')
const KIND_INDEX = new Map<string, number>(PROFILE_KINDS.map((k, i) => [k, i]))

/** Numbers start with bins 1/1024 wide; dates with one-day bins. */
const NUMBER_K = -10
const DAY_K = 0

export interface ColumnState {
  present: number
  placeholders: number
  kinds: number[]
  distinct: DistinctState
  minLength: number
  maxLength: number
  numbers: HistogramState
  days: HistogramState
}

export interface ProfileState {
  rows: number
  columns: ColumnState[]
}

export function newColumn(): ColumnState {
  return {
    present: 0,
    placeholders: 0,
    kinds: PROFILE_KINDS.map(() => 0),
    distinct: newDistinct(),
    minLength: Infinity,
    maxLength: 0,
    numbers: newHistogram(NUMBER_K),
    days: newHistogram(DAY_K),
  }
}

export function newState(width: number): ProfileState {
  return {rows: 0, columns: Array.from({length: width}, newColumn)}
}

function kindOf(value: string): number {
  const kind = KIND_INDEX.get(valueKind(value))!
  // "007", "0161...": a leading zero a number would lose.
  if (kind === INTEGER && value.length > 1 && (value.charCodeAt(0) === 48 || (value.charCodeAt(0) === 45 && value.charCodeAt(1) === 48))) return CODE
  return kind
}

/** @param isMarker the placeholder a (trimmed) value is, if any (values/markers.ts's markerMatcher) */
export function profileRow(state: ProfileState, cells: string[], isMarker: (value: string) => string | undefined): void {
  state.rows++
  const width = Math.min(cells.length, state.columns.length)
  for (let i = 0; i < width; i++) {
    const raw = cells[i]
    if (raw === '') continue
    const value = trimmed(raw)
    if (value === '') continue
    const col = state.columns[i]
    if (isMarker(value) !== undefined) {
      col.placeholders++
      continue
    }
    col.present++
    const kind = kindOf(value)
    col.kinds[kind]++
    addDistinct(col.distinct, hashValue(value))
    if (value.length < col.minLength) col.minLength = value.length
    if (value.length > col.maxLength) col.maxLength = value.length
    if (kind === INTEGER || kind === DECIMAL) {
      const n = parseNumber(value)
      if (n !== undefined) addToHistogram(col.numbers, n)
    } else if (kind === DATE || kind === DATETIME) {
      const day = parseDay(value)
      if (day !== undefined) addToHistogram(col.days, day)
    }
  }
}

function mergeColumn(left: ColumnState, right: ColumnState): ColumnState {
  return {
    present: left.present + right.present,
    placeholders: left.placeholders + right.placeholders,
    kinds: left.kinds.map((n, i) => n + right.kinds[i]),
    distinct: mergeDistinct(left.distinct, right.distinct),
    minLength: Math.min(left.minLength, right.minLength),
    maxLength: Math.max(left.maxLength, right.maxLength),
    numbers: mergeHistograms(left.numbers, right.numbers),
    days: mergeHistograms(left.days, right.days),
  }
}

export function mergeStates(left: ProfileState, right: ProfileState): ProfileState {
  return {rows: left.rows + right.rows, columns: left.columns.map((col, i) => mergeColumn(col, right.columns[i] ?? newColumn()))}
}

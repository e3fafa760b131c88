/** Turns a table's profile state into the report's profile: the type each column fits, its range, histogram and counts. */
import {columnHints} from '../privacy/labels.js'
import {personalKindOf} from '../privacy/mask.js'
import {isoDay} from './dates.js'
import {distinctCount} from './distinct.js'
import {atLeastWidth, binsOf, type HistogramState} from './histogram.js'
import {PROFILE_KINDS, type ColumnState, type ProfileState} from './column-state.js'
import type {ColumnProfile, HistogramBin, ProfileType, TableProfile} from './types.js'

/** A column is of a type when at least this share of its present values fit it (as inconsistent-values judges). */
export const TYPE_SHARE = 0.9

const kind = (name: (typeof PROFILE_KINDS)[number]) => PROFILE_KINDS.indexOf(name)

/** Most specific first: a column of whole numbers is `integer` before it is `number`. */
const CANDIDATES: Array<[ProfileType, number[]]> = [
  ['integer', [kind('integer')]],
  ['number', [kind('integer'), kind('decimal')]],
  ['boolean', [kind('boolean')]],
  ['date', [kind('date')]],
  ['datetime', [kind('date'), kind('datetime')]],
  ['time', [kind('time')]],
]

function inferType(col: ColumnState): {type: ProfileType; share: number} {
  if (col.present === 0) return {type: 'empty', share: 1}
  for (const [type, kinds] of CANDIDATES) {
    const share = kinds.reduce((sum, k) => sum + col.kinds[k], 0) / col.present
    if (share >= TYPE_SHARE) return {type, share}
  }
  return {type: 'string', share: 1}
}

function round(n: number, digits = 4): number {
  return Math.round(n * 10 ** digits) / 10 ** digits
}

/** Whether the column's range would show a person's data: its name says so (phone, date of birth, ...) or its extremes do. */
function looksPersonal(name: string, extremes: string[]): boolean {
  const hints = columnHints(name)
  if (hints.kinds.length > 0 && !hints.organisation) return true
  return extremes.some((value) => personalKindOf(value) !== undefined)
}

function numberBins(h: HistogramState, integer: boolean): HistogramBin[] {
  return binsOf(integer ? atLeastWidth(h, 0) : h)
}

function dayBins(h: HistogramState): HistogramBin[] {
  return binsOf(h).map((b) => ({from: isoDay(b.from), to: isoDay(b.to), count: b.count}))
}

export function columnProfile(col: ColumnState, index: number, name: string, rows: number): ColumnProfile {
  const {type, share} = inferType(col)
  const distinct = distinctCount(col.distinct)
  const blank = Math.max(0, rows - col.present - col.placeholders)
  const kinds: Record<string, number> = {}
  PROFILE_KINDS.forEach((k, i) => {
    if (col.kinds[i] > 0) kinds[k] = col.kinds[i]
  })
  const profile: ColumnProfile = {
    fieldNumber: index + 1,
    name,
    type,
    typeShare: round(share),
    kinds,
    present: col.present,
    blank,
    placeholders: col.placeholders,
    missingShare: rows === 0 ? 0 : round((blank + col.placeholders) / rows),
    distinct: distinct.count,
    distinctExact: distinct.exact,
  }
  if (col.present > 0) {
    profile.minLength = col.minLength
    profile.maxLength = col.maxLength
  }
  const numeric = (type === 'integer' || type === 'number') && col.numbers.count > 0
  const dated = (type === 'date' || type === 'datetime') && col.days.count > 0
  if (numeric || dated) {
    const h = numeric ? col.numbers : col.days
    const min = numeric ? h.min : isoDay(h.min)
    const max = numeric ? h.max : isoDay(h.max)
    if (looksPersonal(name, [String(min), String(max)])) profile.masked = true
    else {
      profile.min = min
      profile.max = max
      profile.histogram = numeric ? numberBins(h, type === 'integer') : dayBins(h)
    }
  }
  return profile
}

export function tableProfile(state: ProfileState, labels: string[]): TableProfile {
  return {rows: state.rows, columns: state.columns.map((col, i) => columnProfile(col, i, labels[i] ?? `field${i + 1}`, state.rows))}
}

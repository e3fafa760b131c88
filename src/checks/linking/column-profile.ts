/**
 * Per-column counts the linking checks gather in one pass: how many non-blank values, how many
 * of each link kind, how many HTTP URIs and on which hosts. Plain data, so chunks checked in
 * parallel can be merged in file order.
 */
import type {CellRun} from '../../engine/check.js'
import {LINK_KINDS} from './link-kinds.js'
import {isThingUri} from './thing-uris.js'
import {trimmed} from '../shared/trimmed.js'

export interface FirstValue {
  rowNumber: number
  line: number
  value: string
  /** The template variable the value fills (link kinds only). */
  key?: string
}

export interface ColumnProfile {
  nonBlank: number
  /** Values of each link kind, in LINK_KINDS order. */
  kinds: number[]
  firstOfKind: Array<FirstValue | null>
  uris: number
  firstUri: FirstValue | null
  /** Distinct hosts of the URIs, in order of first appearance, at most MAX_HOSTS. */
  hosts: string[]
  /** URIs among them that identify things rather than web pages (thing-uris.ts). */
  things: number
  /** Distinct hosts of those, as `hosts`. */
  thingHosts: string[]
}

export interface ProfileState {
  columns: ColumnProfile[]
}

export const MAX_HOSTS = 20
// Braces are not URI characters: http://.../{geography} is a URI template (RFC 6570), a pattern for URIs, not one.
const HTTP_URI = /^https?:\/\/[^\s/?#{}]+[^\s{}]*$/i
/** For each length a value can have, the indices in LINK_KINDS of the kinds of that length, in order: most values are tried against none or one. */
const KINDS_BY_LENGTH: number[][] = Array.from({length: Math.max(...LINK_KINDS.map((k) => k.lengths[1])) + 1}, (_, length) =>
  LINK_KINDS.flatMap((kind, k) => (length >= kind.lengths[0] && length <= kind.lengths[1] ? [k] : [])),
)

function newColumn(): ColumnProfile {
  return {nonBlank: 0, kinds: LINK_KINDS.map(() => 0), firstOfKind: LINK_KINDS.map(() => null), uris: 0, firstUri: null, hosts: [], things: 0, thingHosts: []}
}

function hostOf(uri: string): string | undefined {
  try {
    return new URL(uri).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

function profileRun(state: ProfileState, run: CellRun): void {
  const value = trimmed(run.value)
  if (value === '') return
  const col = (state.columns[run.column] ??= newColumn())
  col.nonBlank += run.count
  if ((value.charCodeAt(0) | 32) === 104 && HTTP_URI.test(value)) {
    const host = hostOf(value)
    if (!host) return
    col.uris += run.count
    col.firstUri ??= {rowNumber: run.rowNumber, line: run.line, value}
    if (col.hosts.length < MAX_HOSTS && !col.hosts.includes(host)) col.hosts.push(host)
    if (isThingUri(value, host)) {
      col.things += run.count
      if (col.thingHosts.length < MAX_HOSTS && !col.thingHosts.includes(host)) col.thingHosts.push(host)
    }
    return
  }
  const kinds = KINDS_BY_LENGTH[value.length]
  if (kinds === undefined) return
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]
    const key = LINK_KINDS[k].key(value)
    if (key === undefined) continue
    col.kinds[k] += run.count
    col.firstOfKind[k] ??= {rowNumber: run.rowNumber, line: run.line, value, key}
    return
  }
}

function mergeHosts(left: string[], right: string[]): string[] {
  const hosts = [...left]
  for (const host of right) if (hosts.length < MAX_HOSTS && !hosts.includes(host)) hosts.push(host)
  return hosts
}

function mergeColumn(left: ColumnProfile | undefined, right: ColumnProfile | undefined): ColumnProfile | undefined {
  if (!left || !right) return left ?? right
  return {
    nonBlank: left.nonBlank + right.nonBlank,
    kinds: left.kinds.map((n, k) => n + right.kinds[k]),
    firstOfKind: left.firstOfKind.map((first, k) => first ?? right.firstOfKind[k]),
    uris: left.uris + right.uris,
    firstUri: left.firstUri ?? right.firstUri,
    hosts: mergeHosts(left.hosts, right.hosts),
    things: left.things + right.things,
    thingHosts: mergeHosts(left.thingHosts, right.thingHosts),
  }
}

export function mergeProfiles(left: ProfileState, right: ProfileState): ProfileState {
  const width = Math.max(left.columns.length, right.columns.length)
  const columns: ColumnProfile[] = []
  for (let i = 0; i < width; i++) columns[i] = mergeColumn(left.columns[i], right.columns[i]) ?? newColumn()
  return {columns}
}

/** Columns that lie within the header (cells beyond it are extra-cell's business), with their index. */
export function headedColumns(state: ProfileState, width: number): Array<[number, ColumnProfile]> {
  const out: Array<[number, ColumnProfile]> = []
  for (let i = 0; i < Math.min(width, state.columns.length); i++) if (state.columns[i]) out.push([i, state.columns[i]])
  return out
}

/** The init, value and merge hooks of a check that reads this profile; it adds its own `end`. */
export function profileHooks() {
  return {
    init: (): ProfileState => ({columns: []}),
    // Equal cells of a column come together: a repeated value's link kind is found once.
    value: (state: ProfileState, run: CellRun) => profileRun(state, run),
    merge: (left: ProfileState, right: ProfileState) => mergeProfiles(left, right),
  }
}

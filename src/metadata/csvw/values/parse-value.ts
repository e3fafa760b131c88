/**
 * Parses one string value against a column's datatype (tabular-data-model 6.4): format,
 * lexical form, then length and value constraints. Formats are compiled once and cached;
 * regular expressions from metadata run on RE2 (linear time), so no pattern can hang a run.
 */
import {RE2JS} from 're2js'
import type {CsvwDatatype} from '../types.js'
import {derivesFrom, isCalendar, isDateTime, isDuration, isNumeric, takesLength} from '../vocabulary.js'
import {applyDatePattern, compileDatePattern, type CompiledDatePattern} from './date-pattern.js'
import {parseDuration, parseXsdDate} from './dates.js'
import {lexicalProblem, valueLength} from './lexical.js'
import {parseNumber} from './numbers.js'

export type ValueProblemKind = 'datatype' | 'length' | 'range'

export interface ValueProblem {
  kind: ValueProblemKind
  reason: string
  /** The constraint broken (`minLength`, `maximum`, `format`, ...) and its limit. */
  constraint?: string
  limit?: string | number
}

/** A parsed value: what keys compare by, and a number for range checks when the type is ordered. */
export interface ParsedValue {
  key: string
  order?: number
}

export type ValueResult = {ok: true; value: ParsedValue} | {ok: false; problem: ValueProblem}

const regexCache = new Map<string, RE2JS | null>()
const dateCache = new Map<string, CompiledDatePattern | string>()

/** A regular expression from metadata, compiled with RE2; null when RE2 cannot compile it. */
export function metadataRegex(source: string): RE2JS | null {
  let re = regexCache.get(source)
  if (re === undefined) {
    try {
      re = RE2JS.compile(source)
    } catch {
      re = null
    }
    if (regexCache.size > 1000) regexCache.clear()
    regexCache.set(source, re)
  }
  return re
}

export function datePattern(source: string): CompiledDatePattern | string {
  let compiled = dateCache.get(source)
  if (compiled === undefined) {
    compiled = compileDatePattern(source)
    if (dateCache.size > 1000) dateCache.clear()
    dateCache.set(source, compiled)
  }
  return compiled
}

function parseTyped(value: string, datatype: CsvwDatatype): ValueResult {
  const {base, format} = datatype
  const fail = (reason: string, constraint = 'datatype'): ValueResult => ({ok: false, problem: {kind: 'datatype', reason, constraint}})
  if (isNumeric(base)) {
    const n = parseNumber(value, base, datatype.numberFormat)
    if (!n.ok) return fail(n.reason, datatype.numberFormat?.pattern !== undefined ? 'format' : 'datatype')
    return {ok: true, value: {key: n.integer !== undefined ? n.integer.toString() : String(n.value), order: n.value}}
  }
  if (base === 'boolean') {
    if (format !== undefined) {
      const [yes, no] = format.split('|')
      if (value === yes) return {ok: true, value: {key: 'true'}}
      if (value === no) return {ok: true, value: {key: 'false'}}
      return fail(`is neither "${yes}" nor "${no}"`, 'format')
    }
    const problem = lexicalProblem(value, base)
    if (problem) return fail(problem)
    return {ok: true, value: {key: value === 'true' || value === '1' ? 'true' : 'false'}}
  }
  if (isCalendar(base)) {
    let lexical = value
    if (format !== undefined && isDateTime(base)) {
      const compiled = datePattern(format)
      if (typeof compiled !== 'string') {
        const applied = applyDatePattern(value, compiled)
        if (applied === undefined) return fail(`does not follow the format ${format}`, 'format')
        lexical = applied
      }
    }
    const d = parseXsdDate(lexical, base)
    if (!d.ok) return fail(lexical === value ? d.reason : `${d.reason} (read as ${lexical})`)
    return {ok: true, value: {key: `${d.value}`, order: d.value}}
  }
  if (format !== undefined) {
    const re = metadataRegex(format)
    if (re && !re.matcher(value).find()) return fail(`does not match the format /${format}/`, 'format')
  }
  if (isDuration(base)) {
    const d = parseDuration(value, base)
    if (!d.ok) return fail(d.reason)
    return {ok: true, value: {key: value, order: d.value}}
  }
  const problem = lexicalProblem(value, base)
  if (problem) return fail(problem)
  return {ok: true, value: {key: value}}
}

/** Number to compare a value constraint by, or undefined when it is not a valid value of the base. */
export function constraintOrder(limit: string | number, base: string): number | undefined {
  if (isNumeric(base)) {
    if (typeof limit === 'number') return limit
    const n = parseNumber(limit, base, undefined)
    return n.ok ? n.value : undefined
  }
  if (typeof limit !== 'string') return undefined
  const parsed = isDuration(base) ? parseDuration(limit, base) : isCalendar(base) ? parseXsdDate(limit, base) : undefined
  return parsed?.ok ? parsed.value : undefined
}

const RANGES: Array<{constraint: keyof CsvwDatatype; broken: (v: number, limit: number) => boolean; words: string}> = [
  {constraint: 'minInclusive', broken: (v, l) => v < l, words: 'less than the minimum'},
  {constraint: 'maxInclusive', broken: (v, l) => v > l, words: 'more than the maximum'},
  {constraint: 'minExclusive', broken: (v, l) => v <= l, words: 'not more than the exclusive minimum'},
  {constraint: 'maxExclusive', broken: (v, l) => v >= l, words: 'not less than the exclusive maximum'},
]

/** Parses a (non-null) string value and checks it against the datatype's constraints. */
export function parseValue(value: string, datatype: CsvwDatatype): ValueResult {
  const typed = parseTyped(value, datatype)
  if (!typed.ok) return typed
  const {base} = datatype
  if (takesLength(base)) {
    const length = valueLength(value, base)
    const unit = derivesFrom(base, 'string') ? (length === 1 ? 'character' : 'characters') : length === 1 ? 'byte' : 'bytes'
    if (datatype.length !== undefined && length !== datatype.length) return {ok: false, problem: {kind: 'length', reason: `has ${length} ${unit}, not ${datatype.length}`, constraint: 'length', limit: datatype.length}}
    if (datatype.minLength !== undefined && length < datatype.minLength) return {ok: false, problem: {kind: 'length', reason: `has ${length} ${unit}, fewer than ${datatype.minLength}`, constraint: 'minLength', limit: datatype.minLength}}
    if (datatype.maxLength !== undefined && length > datatype.maxLength) return {ok: false, problem: {kind: 'length', reason: `has ${length} ${unit}, more than ${datatype.maxLength}`, constraint: 'maxLength', limit: datatype.maxLength}}
  }
  const order = typed.value.order
  if (order !== undefined && !Number.isNaN(order)) {
    for (const {constraint, broken, words} of RANGES) {
      const limit = datatype[constraint] as string | number | undefined
      if (limit === undefined) continue
      const bound = constraintOrder(limit, base)
      if (bound !== undefined && broken(order, bound)) return {ok: false, problem: {kind: 'range', reason: `is ${words} ${limit}`, constraint, limit}}
    }
  }
  return typed
}

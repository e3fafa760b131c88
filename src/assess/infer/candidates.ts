/**
 * The type and format a column might have, most specific first. Each candidate is a Table
 * Schema field description, tested with the very casters `check` uses, so a schema inferred
 * from a file always accepts that file. UK conventions come first where a value is ambiguous:
 * 03/04/2024 is the 3rd of April, 1,234 is one thousand two hundred and thirty-four.
 */
import {casterFor, INVALID, type Caster} from '../../metadata/table-schema/cast/index.js'
import type {SchemaField} from '../../metadata/table-schema/types.js'

export type FieldDescription = Pick<SchemaField, 'type' | 'format' | 'decimalChar' | 'groupChar' | 'bareNumber' | 'trueValues' | 'falseValues'>

export interface Candidate {
  field: FieldDescription
  cast: Caster
  /** Extra test beyond the cast: numbers with leading zeros are codes, not numbers. */
  accepts?: (cell: string) => boolean
}

const notCode = (cell: string) => !/^[+-]?0\d/.test(cell.trim())
/** Bare numbers are plain; `£1,250.00`, `12.5%` or `1,250 GBP` need `bareNumber: false`, but a word with a digit in it is not a number. */
const moneyLike = (cell: string) => /^[-+]?\s?[£$€]?\s?[-+]?[\d.,\s]+\s?(%|GBP|EUR|USD|p)?$/i.test(cell.trim()) && /\d/.test(cell)

const BOOLEAN_PAIRS: Array<[string[], string[]]> = [
  [['true', 'True', 'TRUE'], ['false', 'False', 'FALSE']],
  [['yes', 'Yes', 'YES'], ['no', 'No', 'NO']],
  [['Y', 'y'], ['N', 'n']],
]

/** A column that mixes ways of writing dates is still dates (`any`), so the odd ones stand out to a reader of the schema. */
const DATE_PATTERNS = ['default', '%d/%m/%Y', '%d/%m/%y', '%d-%m-%Y', '%d.%m.%Y', '%d %B %Y', '%d %b %Y', '%d-%b-%Y', '%d-%b-%y', '%Y/%m/%d', '%m/%d/%Y', 'any']
const DATETIME_PATTERNS = ['default', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%Y-%m-%d %H:%M', '%d/%m/%y %H:%M', '%m/%d/%Y %H:%M']
const TIME_PATTERNS = ['default', '%H:%M']

function candidate(field: FieldDescription, accepts?: Candidate['accepts']): Candidate {
  return {field, cast: casterFor(field)!, accepts}
}

/** Digits ungrouped or grouped in threes: `1,234,567.5` for groupChar ",", decimalChar "."; `1,5` is not grouped. */
function grouped(group: string, decimal: string): (cell: string) => boolean {
  const g = group === ' ' ? ' ' : `\\${group}`
  const d = `\\${decimal}`
  const regex = new RegExp(`^[+-]?(?:\\d+|\\d{1,3}(?:${g}\\d{3})+)(?:${d}\\d+)?$`)
  return (cell) => regex.test(cell.trim().replace(/^[^-+\d]+|[^\d]+$/g, ''))
}

function numbers(): Candidate[] {
  const n = (extra: Partial<FieldDescription>, accepts?: Candidate['accepts']) => candidate({type: 'number', format: 'default', ...extra}, accepts)
  const all = (...tests: Array<(cell: string) => boolean>) => (cell: string) => tests.every((t) => t(cell))
  return [
    n({}, notCode),
    n({groupChar: ','}, all(notCode, grouped(',', '.'))),
    n({bareNumber: false}, all(notCode, moneyLike)),
    n({bareNumber: false, groupChar: ','}, all(notCode, moneyLike, grouped(',', '.'))),
    n({decimalChar: ','}, all(notCode, grouped('.', ','))),
    n({decimalChar: ',', groupChar: '.'}, all(notCode, grouped('.', ','))),
    n({decimalChar: ',', groupChar: ' '}, all(notCode, grouped(' ', ','))),
    n({decimalChar: ',', groupChar: '.', bareNumber: false}, all(notCode, moneyLike, grouped('.', ','))),
  ]
}

/** Every candidate, in order of preference; `string` (which accepts anything) is not among them. */
export function allCandidates(): Candidate[] {
  return [
    ...BOOLEAN_PAIRS.map(([yes, no]) => candidate({type: 'boolean', format: 'default', trueValues: yes, falseValues: no})),
    candidate({type: 'integer', format: 'default'}, notCode),
    ...numbers(),
    ...DATE_PATTERNS.map((format) => candidate({type: 'date', format})),
    ...DATETIME_PATTERNS.map((format) => candidate({type: 'datetime', format})),
    ...TIME_PATTERNS.map((format) => candidate({type: 'time', format})),
    candidate({type: 'yearmonth', format: 'default'}),
    candidate({type: 'string', format: 'email'}),
    candidate({type: 'string', format: 'uri'}, (c) => /^https?:\/\//i.test(c)),
    candidate({type: 'string', format: 'uuid'}, (c) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c)),
  ]
}

export function fits(c: Candidate, cell: string): boolean {
  return c.cast(cell) !== INVALID && (c.accepts ? c.accepts(cell) : true)
}

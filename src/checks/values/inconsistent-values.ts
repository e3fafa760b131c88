import {defineCheck} from '../../engine/check.js'
import {formatNumber} from '../../shared/text.js'
import type {Report} from '../../engine/types.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {DEFAULT_PLACEHOLDERS, SPREADSHEET_ERRORS, markerMatcher} from './markers.js'
import {KIND_GROUPS, VALUE_KINDS, valueKind, type ValueKind} from './value-kind.js'
import {mergeByColumn} from '../shared/column-merge.js'
import {trimmed} from '../shared/trimmed.js'
import {dateFormat} from './date-format.js'

interface Options {
  threshold: number
  minValues: number
  ignoreValues: string[]
}

interface Example {
  rowNumber: number
  line: number
  value: string
}

interface ColumnState {
  /** Values per kind, in VALUE_KINDS order. */
  counts: number[]
  /** First value of each kind, in VALUE_KINDS order. */
  examples: Array<Example | null>
  /** Dates (with or without a time) by the format of the date ("dd/mm/yyyy"): how many, and the first. */
  formats: Record<string, {count: number; example: Example}>
}

interface State {
  columns: ColumnState[]
}

const MAX_EXAMPLE = 60

function newColumn(): ColumnState {
  return {counts: VALUE_KINDS.map(() => 0), examples: VALUE_KINDS.map(() => null), formats: {}}
}

function exampleOf(run: {rowNumber: number; line: number}, value: string): Example {
  return {rowNumber: run.rowNumber, line: run.line, value: value.length > MAX_EXAMPLE ? value.slice(0, MAX_EXAMPLE) + '…' : value}
}

const DATE_KINDS = new Set<number>(KIND_GROUPS.date.map((k) => VALUE_KINDS.indexOf(k)))

/** The kind or group of kinds (number = integer + decimal) that covers most values. */
function dominant(counts: number[]): {name: string; kinds: ValueKind[]; count: number} {
  let best = {name: 'text', kinds: ['text'] as ValueKind[], count: -1}
  const candidates: Array<[string, ValueKind[]]> = [...VALUE_KINDS.map((k): [string, ValueKind[]] => [k, [k]]), ...Object.entries(KIND_GROUPS)]
  for (const [name, kinds] of candidates) {
    const count = kinds.reduce((sum, k) => sum + counts[VALUE_KINDS.indexOf(k)], 0)
    // A group wins ties over its members: "number" rather than "decimal" when all are decimals.
    if (count > best.count || (count === best.count && kinds.length > best.kinds.length)) best = {name, kinds, count}
  }
  return best
}

/**
 * Dates in one column written in two or more formats (2024-04-01 and 01/04/2024): a program
 * reading the column with one format fails on, or misreads, the rest. Judged like kinds, in a
 * column mostly of dates: the main format must cover `threshold` of its dates, at least `minValues`.
 */
function reportDateFormats(col: ColumnState, i: number, options: Options, report: Report): void {
  const formats = Object.entries(col.formats)
  // In a column mostly of something else (invoice numbers, some of which look like dates), the mix of kinds is the finding.
  if (formats.length < 2 || !dominant(col.counts).kinds.every((k) => KIND_GROUPS.date.includes(k))) return
  const total = formats.reduce((n, [, f]) => n + f.count, 0)
  if (total < options.minValues) return
  // The most used format; on a tie, the one met first.
  const [main, best] = formats.reduce((a, b) => (b[1].count > a[1].count || (b[1].count === a[1].count && b[1].example.rowNumber < a[1].example.rowNumber) ? b : a))
  if (best.count / total >= options.threshold) return
  const odd = formats.filter(([format]) => format !== main).reduce((a, b) => (b[1].example.rowNumber < a[1].example.rowNumber ? b : a))[1].example
  const byRow = formats.sort((a, b) => a[1].example.rowNumber - b[1].example.rowNumber)
  report({
    fieldNumber: i + 1,
    rowNumber: odd.rowNumber,
    line: odd.line,
    messageId: 'dateFormats',
    details: {
      formats: Object.fromEntries(byRow.map(([format, f]) => [format, f.count])),
      examples: Object.fromEntries(byRow.map(([format, f]) => [format, maskIfPersonal(f.example.value)])),
      exampleRows: Object.fromEntries(byRow.map(([format, f]) => [format, f.example.rowNumber])),
      dominant: main,
      share: Math.round((best.count / total) * 1000) / 1000,
      total,
      summary: byRow.map(([format, f]) => `${formatNumber(f.count)} ${format} (first "${maskIfPersonal(f.example.value)}" in row ${f.example.rowNumber})`).join(', '),
      value: maskIfPersonal(odd.value),
    },
  })
}

function mergeColumn(l: ColumnState | undefined, r: ColumnState | undefined): ColumnState | undefined {
  if (!l || !r) return l ?? r
  r.counts.forEach((n, k) => (l.counts[k] += n))
  r.examples.forEach((e, k) => (l.examples[k] ??= e))
  for (const [format, f] of Object.entries(r.formats)) {
    const seen = l.formats[format]
    if (seen) seen.count += f.count
    else l.formats[format] = f
  }
  return l
}

/**
 * A column whose values are of mixed kinds (numbers and words, dates and numbers), so no
 * single type fits it. Empty cells and placeholders such as N/A are not counted.
 */
export const inconsistentValues = defineCheck({
  name: 'inconsistent-values',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      threshold: {type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.9, description: 'Share of values one kind must cover for the column to be consistent.'},
      minValues: {type: 'integer', minimum: 1, default: 10, description: 'Columns with fewer non-empty values are not judged.'},
      ignoreValues: {type: 'array', items: {type: 'string'}, default: [...DEFAULT_PLACEHOLDERS, ...SPREADSHEET_ERRORS], description: 'Values not counted as any kind (placeholders, spreadsheet errors).'},
    },
  },
  messages: {
    default: 'Column "{{fieldName}}" mixes kinds of value: {{summary}}; first odd one "{{value}}" in row {{rowNumber}}',
    dateFormats: 'Column "{{fieldName}}" writes its dates in more than one format: {{summary}}; first odd one "{{value}}" in row {{rowNumber}}: write every date one way, yyyy-mm-dd best',
  },
  create: (options: Options) => {
    const ignored = markerMatcher(options.ignoreValues)
    const kindIndex = new Map(VALUE_KINDS.map((k, i) => [k, i]))
    /** A value's kind as its index in VALUE_KINDS, or -1 for a value not counted (a placeholder). */
    const kindOf = (value: string): number => (ignored(value) !== undefined ? -1 : kindIndex.get(valueKind(value))!)
    return {
      init: (): State => ({columns: []}),
      // Equal cells of a column come together: a repeated value is classified once.
      value(state: State, run) {
        const value = trimmed(run.value)
        if (value === '') return
        const k = kindOf(value)
        if (k < 0) return
        const col = (state.columns[run.column] ??= newColumn())
        col.counts[k] += run.count
        if (!col.examples[k]) col.examples[k] = exampleOf(run, value)
        if (DATE_KINDS.has(k)) {
          const format = dateFormat(value)
          if (format === undefined) return
          const seen = col.formats[format]
          if (seen) seen.count += run.count
          else col.formats[format] = {count: run.count, example: exampleOf(run, value)}
        }
      },
      merge(left: State, right: State): State {
        return {columns: mergeByColumn(left.columns, right.columns, mergeColumn)}
      },
      end(state: State, _head, _stats, report) {
        state?.columns.forEach((col, i) => {
          if (!col) return
          reportDateFormats(col, i, options, report)
          const total = col.counts.reduce((a, b) => a + b, 0)
          if (total < options.minValues) return
          const best = dominant(col.counts)
          if (best.count / total >= options.threshold) return
          // Point at the first value outside the dominant kind: where a fix would start.
          let first: Example | null = null
          const counts: Record<string, number> = {}
          const examples: Record<string, string> = {}
          VALUE_KINDS.forEach((kind, k) => {
            if (col.counts[k] === 0) return
            counts[kind] = col.counts[k]
            examples[kind] = maskIfPersonal(col.examples[k]!.value)
            const e = col.examples[k]!
            if (!best.kinds.includes(kind) && (!first || e.rowNumber < first.rowNumber)) first = e
          })
          const odd = first as Example | null
          const summary = Object.entries(counts).map(([k, n]) => `${formatNumber(n)} ${k}`).join(', ')
          report({
            fieldNumber: i + 1,
            ...(odd ? {rowNumber: odd.rowNumber, line: odd.line} : {}),
            details: {counts, examples, dominant: best.name, share: Math.round((best.count / total) * 1000) / 1000, total, summary, value: odd ? maskIfPersonal(odd.value) : undefined},
          })
        })
      },
    }
  },
})

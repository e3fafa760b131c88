import {defineCheck} from '../../engine/check.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {DEFAULT_PLACEHOLDERS, SPREADSHEET_ERRORS, markerMatcher} from './markers.js'
import {KIND_GROUPS, VALUE_KINDS, valueKind, type ValueKind} from './value-kind.js'
import {trimmed} from '../shared/trimmed.js'

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
}

interface State {
  columns: ColumnState[]
}

const MAX_EXAMPLE = 60

function newColumn(): ColumnState {
  return {counts: VALUE_KINDS.map(() => 0), examples: VALUE_KINDS.map(() => null)}
}

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
        if (!col.examples[k]) col.examples[k] = {rowNumber: run.rowNumber, line: run.line, value: value.length > MAX_EXAMPLE ? value.slice(0, MAX_EXAMPLE) + '…' : value}
      },
      merge(left: State, right: State): State {
        const width = Math.max(left.columns.length, right.columns.length)
        for (let i = 0; i < width; i++) {
          const l = left.columns[i]
          const r = right.columns[i]
          if (!r) continue
          if (!l) {
            left.columns[i] = r
            continue
          }
          r.counts.forEach((n, k) => (l.counts[k] += n))
          r.examples.forEach((e, k) => (l.examples[k] ??= e))
        }
        return left
      },
      end(state: State, _head, _stats, report) {
        state?.columns.forEach((col, i) => {
          if (!col) return
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
          const summary = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')
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

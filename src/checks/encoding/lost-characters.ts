import {defineCheck} from '../../engine/check.js'
import {mergeByColumn} from '../shared/column-merge.js'
import {addRun, mergeFound, type FoundValue} from '../shared/found-values.js'
import type {Report} from '../../engine/types.js'
import type {TableHead} from '../../table/types.js'
import {maskIfPersonal, maskText} from '../privacy/mask.js'
import {parseNumber} from '../values/value-kind.js'

/** Where the `?` stands: before a number (a lost £ or €) or inside a word (a lost ’ or é). */
export type LostCharacterKind = 'number' | 'word'

interface Options {
  /** Occurrence rows listed in a finding's details. */
  maxRows: number
}

type ColumnState = Partial<Record<LostCharacterKind, FoundValue>>

interface State {
  columns: ColumnState[]
}

/** `?4,462.50`, `-?12.00`, `(?3.50)`: question marks, then a digit, after at most a sign or bracket. */
const BEFORE_NUMBER = /^[-+(]?\?+\s?[-(]?\d/
/** `Women?s`, `Caf??s`: question marks between two letters. */
const IN_WORD = /\p{L}\?+\p{L}/u
/** Web addresses and query strings (`https://x/y?id=1`, `page?id=3`), whose `?` is meant. */
const ADDRESS = /:\/\/|^www\.|\?[\w.%-]*=/i
/** Patterns and codes (`^[A-Z]?\d`, `colou?r|color`, `(?i)`), whose `?` is an operator. */
const PATTERN = /[\\^$[\]{}|*]|\(\?/
const MAX_VALUE = 60

/**
 * Whether a value (trimmed) has a `?` standing in for a character that an export could not
 * encode. A `?` that ends a word or a sentence is a question, and left alone.
 */
export function lostCharacterKind(value: string): LostCharacterKind | undefined {
  if (!value.includes('?')) return undefined
  if (BEFORE_NUMBER.test(value) && parseNumber(value.replace(/\?+/, '')) !== undefined) return 'number'
  if (IN_WORD.test(value) && !ADDRESS.test(value) && !PATTERN.test(value)) return 'word'
  return undefined
}

/** The value as a finding shows it: around its first `?` when long, masked when it looks personal. */
function shown(value: string): string {
  let text = value
  if (value.length > MAX_VALUE) {
    const start = Math.max(0, Math.min(value.indexOf('?') - MAX_VALUE / 2, value.length - MAX_VALUE))
    text = (start > 0 ? '…' : '') + value.slice(start, start + MAX_VALUE) + (start + MAX_VALUE < value.length ? '…' : '')
  }
  // The lost character can hide a name or an address from the masks ("O?Brien"): judge the value with an apostrophe in its place.
  const restored = text.replace(/\?+/g, "'")
  return maskIfPersonal(restored) === restored ? maskIfPersonal(text) : maskText(text)
}

function mergeColumn(left: ColumnState | undefined, right: ColumnState | undefined, maxRows: number): ColumnState | undefined {
  if (!left || !right) return left ?? right
  for (const kind of ['number', 'word'] as const) {
    const l = left[kind]
    const r = right[kind]
    if (!l || !r) left[kind] = l ?? r
    else {
      mergeFound(l, r, maxRows)
    }
  }
  return left
}

/** Title rows above the header and the column names: one finding per kind for them all, at the first. */
function reportHead(head: TableHead, report: Report, maxRows: number): void {
  const found: Partial<Record<LostCharacterKind, FoundValue & {fieldNumber: number}>> = {}
  const scan = (cells: string[], rowNumber: number, line: number) => {
    for (let i = 0; i < cells.length; i++) {
      const kind = cells[i].includes('?') ? lostCharacterKind(cells[i].trim()) : undefined
      if (!kind) continue
      const f = found[kind]
      if (!f) found[kind] = {value: shown(cells[i].trim()), count: 1, rows: [rowNumber], line, fieldNumber: i + 1}
      else {
        f.count++
        if (f.rows.length < maxRows && f.rows[f.rows.length - 1] !== rowNumber) f.rows.push(rowNumber)
      }
    }
  }
  for (const record of head.preamble) scan(record.cells, record.rowNumber, record.line)
  if (head.dialect.header) scan(head.labels, head.dialect.skipRows + 1, head.headerLine)
  for (const kind of ['number', 'word'] as const) {
    const f = found[kind]
    if (f) report({rowNumber: f.rows[0], line: f.line, fieldNumber: f.fieldNumber, messageId: kind === 'number' ? 'head-number' : 'head', details: {kind, value: f.value, count: f.count, rowNumbers: f.rows}})
  }
}

/**
 * A `?` standing in for a character the file's last export could not encode: `?4,462.50` for
 * £4,462.50, `Women?s` for Women’s. One finding per column and kind, at its first row, with the
 * count: a column of 2,000 such amounts is one fix (export again as UTF-8), not 2,000.
 */
export const lostCharacters = defineCheck({
  name: 'lost-characters',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxRows: {type: 'integer', minimum: 1, maximum: 100, default: 5, description: 'How many row numbers to list in each finding.'},
    },
  },
  messages: {
    'default': 'Column "{{fieldName}}" has {{count|value}} with a ? inside a word, such as "{{value}}" (first in row {{rowNumber}}): a character such as ’ or é was probably lost when the file was saved in an encoding without it',
    'head': 'Title rows or column names above the data hold {{count|value}} with a ? inside a word, such as "{{value}}" (first in row {{rowNumber}}): a character such as ’ or é was probably lost when the file was saved in an encoding without it',
    'head-number': 'Title rows or column names above the data hold {{count|value}} with a ? before a number, such as "{{value}}" (first in row {{rowNumber}}): a currency sign such as £ or € was probably lost when the file was saved in an encoding without it',
    'number': 'Column "{{fieldName}}" has {{count|value}} with a ? before the number, such as "{{value}}" (first in row {{rowNumber}}): a currency sign such as £ or € was probably lost when the file was saved in an encoding without it',
  },
  create: (options: Options) => ({
    header: (head, report) => reportHead(head, report, options.maxRows),
    init: (): State => ({columns: []}),
    valueRows: options.maxRows,
    value(state: State, run) {
      if (!run.value.includes('?')) return
      const value = run.value.trim()
      const kind = lostCharacterKind(value)
      if (!kind) return
      const col = (state.columns[run.column] ??= {})
      col[kind] = addRun(col[kind], run, options.maxRows, () => shown(value))
    },
    merge(left: State, right: State): State {
      return {columns: mergeByColumn(left.columns, right.columns, (l, r) => mergeColumn(l, r, options.maxRows))}
    },
    end(state: State, _head, _stats, report) {
      state?.columns.forEach((col, i) => {
        if (!col) return
        for (const kind of ['number', 'word'] as const) {
          const found = col[kind]
          if (!found) continue
          report({
            rowNumber: found.rows[0],
            line: found.line,
            fieldNumber: i + 1,
            messageId: kind === 'number' ? 'number' : 'default',
            details: {kind, value: found.value, count: found.count, rowNumbers: found.rows},
          })
        }
      })
    },
  }),
})

import {defineCheck} from '../../engine/check.js'
import {isBlankRecord} from '../../table/blank.js'
import {maskIfPersonal} from '../privacy/mask.js'
import type {Report} from '../../engine/types.js'

const EDGE_SPACE = /^\s|\s$/
const MAX_VALUE = 100

/** Cheap test first: only a control/space character or a non-ASCII one at either end can be whitespace. */
function mayHaveEdgeSpace(value: string): boolean {
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  return first <= 32 || last <= 32 || first >= 0x80 || last >= 0x80
}

function anyMayHaveEdgeSpace(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '' && mayHaveEdgeSpace(cells[i])) return true
  return false
}

const KINDS: Array<[test: RegExp, one: string, many: string]> = [
  [/^ $/, 'a space', 'spaces'],
  [/^(?:\r\n|\r|\n)$/, 'a line break', 'line breaks'],
  [/^\t$/, 'a tab', 'tabs'],
  [/^\u00A0$/, 'a non-breaking space', 'non-breaking spaces'],
]

/** What a run of whitespace is, in words: "a space", "3 line breaks", "2 spaces and a tab". */
export function describeWhitespace(run: string): string {
  const counts = new Map<number, number>()
  for (const [char] of run.matchAll(/\r\n|\s/g)) {
    const kind = KINDS.findIndex(([test]) => test.test(char))
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const parts = [...counts].map(([kind, n]) => {
    if (kind < 0) return n === 1 ? 'a whitespace character' : `${n} whitespace characters`
    return n === 1 ? KINDS[kind][1] : `${n} ${KINDS[kind][2]}`
  })
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]
}

/** "starts with a space", "ends with 3 line breaks", "starts with a tab and ends with 2 spaces", from the white space at each end. */
function whereSpaces(start: string | undefined, end: string | undefined): string {
  const parts = [start ? `starts with ${describeWhitespace(start)}` : '', end ? `ends with ${describeWhitespace(end)}` : '']
  return parts.filter(Boolean).join(' and ')
}

function check(cells: string[], rowNumber: number, line: number, report: Report, messagePrefix: '' | 'label-'): void {
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i]
    if (value === '' || !mayHaveEdgeSpace(value) || !EDGE_SPACE.test(value)) continue
    const trimmedValue = value.trim()
    const blank = trimmedValue === ''
    const shown = (text: string) => maskIfPersonal(text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) + '…' : text)
    const start = /^\s+/.exec(value)?.[0]
    const end = /\s+$/.exec(value)?.[0]
    report({
      rowNumber,
      line,
      fieldNumber: i + 1,
      messageId: `${messagePrefix}${blank ? 'blank' : 'edge'}`,
      details: {
        value: shown(value),
        leading: start !== undefined,
        trailing: end !== undefined,
        ...(blank ? {} : {trimmed: shown(trimmedValue), where: whereSpaces(start, end)}),
      },
    })
  }
}

/** Spaces (or tabs, non-breaking spaces, line breaks) at the start or end of a cell or column name; the message says which, since a quoted value cannot show them. */
export const cellWhitespace = defineCheck({
  name: 'cell-whitespace',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    'default': 'Column "{{fieldName}}" in row {{rowNumber}} has spaces at its start or end: "{{value}}"',
    'edge': 'Column "{{fieldName}}" in row {{rowNumber}} {{where}}: "{{trimmed}}"',
    'blank': 'Column "{{fieldName}}" in row {{rowNumber}} holds only spaces: leave it empty if there is no value',
    'label-edge': 'Column name "{{value}}" {{where}}, so it will not match "{{trimmed}}" as users type it',
    'label-blank': 'Column {{fieldNumber}} is named with spaces only',
  },
  create: () => ({
    header(head, report) {
      if (head.dialect.header) check(head.labels, head.dialect.skipRows + 1, head.headerLine, report, 'label-')
    },
    row(_state, row, report) {
      // Most rows have no cell that could start or end with a space: one loop rules them out. A row
      // of nothing but spaces is a blank row, which blank-row reports.
      if (anyMayHaveEdgeSpace(row.cells) && !isBlankRecord(row.cells)) check(row.cells, row.rowNumber, row.line, report, '')
    },
  }),
})

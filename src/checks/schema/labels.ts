/**
 * missing-label, extra-label and incorrect-label: the header against the schema's field names.
 * With `fieldsMatch: exact` (the default) fields and columns pair up by position; `equal`,
 * `subset`, `superset` and `partial` (Table Schema v2) pair them by name and allow other
 * orders, fewer or more columns as their names say.
 */
import {defineCheck} from '../../engine/check.js'
import type {FindingInput} from '../../engine/types.js'
import type {TableHead} from '../../table/types.js'
import {compiledSchema} from './compile.js'

export type LabelKind = 'missing' | 'extra' | 'incorrect'

function labelFindings(head: TableHead): Array<FindingInput & {kind: LabelKind}> {
  const compiled = compiledSchema(head)
  if (!compiled || !compiled.labelsChecked) return []
  const {schema} = compiled
  const labels = head.labels
  const where = {rowNumber: head.dialect.skipRows + 1, line: head.headerLine}
  const same = (a: string, b: string) => (schema.caseSensitiveHeader ? a === b : a.toLowerCase() === b.toLowerCase())
  const found: Array<FindingInput & {kind: LabelKind}> = []
  const missing = (i: number) => found.push({kind: 'missing', ...where, fieldNumber: i + 1, fieldName: schema.fields[i].name, details: {field: schema.fields[i].name}})
  const extra = (i: number) => found.push({kind: 'extra', ...where, fieldNumber: i + 1, details: {label: labels[i]}})
  if (schema.fieldsMatch === 'exact') {
    for (let i = 0; i < Math.max(labels.length, schema.fields.length); i++) {
      if (i >= schema.fields.length) extra(i)
      else if (i >= labels.length) missing(i)
      else if (labels[i].trim() !== '' && !same(labels[i], schema.fields[i].name)) {
        found.push({kind: 'incorrect', ...where, fieldNumber: i + 1, details: {label: labels[i], field: schema.fields[i].name}})
      }
    }
    return found
  }
  const columns = schema.fields.map((f) => compiled.columns.get(f.name) ?? -1)
  const matched = new Set(columns.filter((c) => c >= 0))
  const mode = schema.fieldsMatch
  if (mode === 'equal' || mode === 'subset' || (mode === 'partial' && matched.size === 0)) columns.forEach((c, i) => c < 0 && missing(i))
  if (mode === 'equal' || mode === 'superset') labels.forEach((label, i) => !matched.has(i) && label.trim() !== '' && extra(i))
  return found
}

const labelCheck = (kind: LabelKind, name: string, message: string) =>
  defineCheck<Record<string, never>, undefined>({
    name,
    optionsSchema: {type: 'object', additionalProperties: false},
    messages: {default: message},
    create: () => ({
      header(head, report) {
        for (const {kind: k, ...f} of labelFindings(head)) if (k === kind) report(f)
      },
    }),
  })

export const missingLabel = labelCheck('missing', 'missing-label', 'The schema has a field "{{field}}" (number {{fieldNumber}}) but the header has no such column')
export const extraLabel = labelCheck('extra', 'extra-label', 'Column {{fieldNumber}} ("{{label}}") is not a field of the schema')
export const incorrectLabel = labelCheck('incorrect', 'incorrect-label', 'Column {{fieldNumber}} is headed "{{label}}" but the schema\'s field {{fieldNumber}} is "{{field}}"')

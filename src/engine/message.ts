/**
 * Fills a check's message template from a finding's data: `{{key}}` placeholders.
 * `{{key|word}}` writes a count with its word, "1 row" or "1,739 rows" (`{{key|child|children}}`
 * for a plural that is not the word and an s), and a list after its word, "column 2" or
 * "columns 3–10, 12" (whole numbers in ranges); `{{key|#}}` writes the number alone, "1,739".
 */
import {formatNumber, plural, ranges} from '../shared/text.js'
import type {FindingInput} from './types.js'

/** A column with no name (blank in the header, or a cell past the header's end) is named by its number: `Column 11`, not `Column ""`. */
const QUOTED_FIELD_NAME = '"{{fieldName}}"'
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|([^|}]*)(?:\|([^}]*))?)?\}\}/g

export function formatMessage(template: string, finding: FindingInput): string {
  if (finding.fieldNumber !== undefined && (finding.fieldName ?? '').trim() === '') template = template.replaceAll(QUOTED_FIELD_NAME, '{{fieldNumber}}')
  const values: Record<string, unknown> = {
    rowNumber: finding.rowNumber,
    fieldNumber: finding.fieldNumber,
    fieldName: finding.fieldName,
    line: finding.line,
    ...finding.details,
  }
  return template.replace(PLACEHOLDER, (_, key: string, word: string | undefined, words: string | undefined) => {
    const value = values[key]
    const counted = word?.trim()
    if (counted !== undefined && typeof value === 'number') return counted === '#' ? formatNumber(value) : plural(value, counted, words?.trim())
    if (counted && counted !== '#' && Array.isArray(value) && value.length > 0) {
      const list = value.every((v) => Number.isInteger(v)) ? ranges(value as number[]) : value.join(', ')
      return `${value.length === 1 ? counted : (words?.trim() ?? `${counted}s`)} ${list}`
    }
    if (value === undefined || value === null) return ''
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)
    return counted === undefined || counted === '#' ? text : `${text} ${counted}`
  })
}

/**
 * Fills a check's message template from a finding's data: `{{key}}` placeholders.
 * `{{key|word}}` writes a count with its word, "1 row" or "1,739 rows" (`{{key|child|children}}`
 * for a plural that is not the word and an s); `{{key|#}}` writes the number alone, "1,739".
 */
import {formatNumber, plural} from './numbers.js'
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
    if (word !== undefined && typeof value === 'number') {
      const counted = word.trim()
      return counted === '#' ? formatNumber(value) : plural(value, counted, words?.trim())
    }
    if (value === undefined || value === null) return ''
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)
    return word === undefined || word.trim() === '#' ? text : `${text} ${word.trim()}`
  })
}

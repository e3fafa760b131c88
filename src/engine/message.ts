/** Fills a check's message template from a finding's data: `{{key}}` placeholders. */
import type {FindingInput} from './types.js'

/** A column with no name (blank in the header, or a cell past the header's end) is named by its number: `Column 11`, not `Column ""`. */
const QUOTED_FIELD_NAME = '"{{fieldName}}"'

export function formatMessage(template: string, finding: FindingInput): string {
  if (finding.fieldNumber !== undefined && (finding.fieldName ?? '').trim() === '') template = template.replaceAll(QUOTED_FIELD_NAME, '{{fieldNumber}}')
  const values: Record<string, unknown> = {
    rowNumber: finding.rowNumber,
    fieldNumber: finding.fieldNumber,
    fieldName: finding.fieldName,
    line: finding.line,
    ...finding.details,
  }
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined || value === null) return ''
    if (Array.isArray(value)) return value.join(', ')
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  })
}

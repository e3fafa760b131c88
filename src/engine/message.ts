/** Fills a check's message template from a finding's data: `{{key}}` placeholders. */
import type {FindingInput} from './types.js'

export function formatMessage(template: string, finding: FindingInput): string {
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

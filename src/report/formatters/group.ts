/** Shared views of a report that several formatters need. */
import type {Finding} from '../../engine/types.js'
import type {JsonReport, ReportRule} from '../types.js'

export function findingsByResource(report: JsonReport): Map<string, Finding[]> {
  const byResource = new Map<string, Finding[]>()
  for (const f of report.findings) {
    const list = byResource.get(f.resource)
    if (list) list.push(f)
    else byResource.set(f.resource, [f])
  }
  return byResource
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * The severity a rule ran with: report.rules holds the rule set's default, while config,
 * overrides and --rule may change it per resource. One severity everywhere wins; otherwise the highest.
 */
export function effectiveSeverity(report: JsonReport, rule: ReportRule): Exclude<ReportRule['severity'], 'off'> {
  const seen = new Set(report.resources.flatMap((r) => r.results.filter((x) => x.rule === rule.id).map((x) => x.severity)))
  for (const s of ['error', 'warning', 'info'] as const) if (seen.has(s)) return s
  return rule.severity === 'off' ? 'info' : rule.severity
}

/** `row 4, column 5 "ward" (line 6)`: where a finding is, in words. */
export function describeLocation(f: Finding): string {
  const parts: string[] = []
  if (f.rowNumber !== undefined) parts.push(`row ${f.rowNumber}`)
  if (f.fieldNumber !== undefined) parts.push(f.fieldName ? `column ${f.fieldNumber} "${f.fieldName}"` : `column ${f.fieldNumber}`)
  let text = parts.join(', ')
  if (f.line !== undefined && f.line !== f.rowNumber) text += text ? ` (line ${f.line})` : `line ${f.line}`
  return text || 'whole file'
}

/** Shared views of a report that several formatters need. */
import type {Finding} from '../../engine/types.js'
import type {JsonReport, ReportResource, ReportRule} from '../types.js'
import {splitArchiveName} from '../../load/archive-kind.js'

export interface FindingGroups {
  /** Findings of table rules, by table. */
  tables: Map<string, Finding[]>
  /** Findings of dataset-level rules (metadata, licence), and any that name no table. */
  dataset: Finding[]
}

/** Rules that ran at dataset level; they also appear, always passing, in each table's results. */
export function datasetRuleIds(report: JsonReport): Set<string> {
  return new Set(report.dataset?.results.map((r) => r.rule) ?? [])
}

export function groupFindings(report: JsonReport): FindingGroups {
  const datasetRules = datasetRuleIds(report)
  const tables = new Map<string, Finding[]>(report.resources.map((r) => [r.path, []]))
  // A rule that checks tables and then the dataset (foreign-key, keys across the parts of a
  // multipart resource) has its findings about a table in that table's results (run-dataset.ts).
  const ranOn = new Map(report.resources.map((r) => [r.path, new Set(r.results.map((x) => x.rule))]))
  const dataset: Finding[] = []
  for (const f of report.findings) {
    const list = tables.get(f.resource)
    if (list && (!datasetRules.has(f.rule) || ranOn.get(f.resource)?.has(f.rule))) list.push(f)
    else dataset.push(f)
  }
  return {tables, dataset}
}

/** A table that could not be read at all has no format. */
export function notRead(resource: ReportResource): boolean {
  return resource.format === 'unknown'
}

/** Data package resources written in the descriptor (`data`) are named `<descriptor>#<resource name>`: the file and the name. */
export function splitInline(resource: string): {file: string; name?: string} {
  const match = /^(.*?\.(?:json|ya?ml))#(.*)$/is.exec(resource)
  return match ? {file: match[1], name: match[2]} : {file: resource}
}

/** Files read from inside a zip or tar archive are resources named `<archive>/<member>` (src/load/archive-kind.ts): the archive and the member. */
export function splitArchive(resource: string): {file: string; member?: string} {
  const split = splitArchiveName(resource)
  return split ? {file: split.archive, member: split.member} : {file: resource}
}

/** A spreadsheet's sheets are resources named `<file>#<sheet>`: the file and the sheet. */
export function splitSheet(resource: string): {file: string; sheet?: string} {
  const match = /^(.*?\.xlsx)#(.*)$/is.exec(resource)
  return match ? {file: match[1], sheet: match[2]} : {file: resource}
}

/**
 * The severity a rule ran with: report.rules holds the rule set's default, while config,
 * overrides and --rule may change it per resource. One severity everywhere wins; otherwise the highest.
 */
export function effectiveSeverity(report: JsonReport, rule: ReportRule): Exclude<ReportRule['severity'], 'off'> {
  const results = [...report.resources.flatMap((r) => r.results), ...(report.dataset?.results ?? [])]
  const seen = new Set(results.filter((x) => x.rule === rule.id).map((x) => x.severity))
  for (const s of ['error', 'warning', 'info'] as const) if (seen.has(s)) return s
  return rule.severity === 'off' ? 'info' : rule.severity
}

/** `row 4, column 5 "ward" (line 6)`: where a finding is, in words; empty for one about the whole resource. */
export function describeLocation(f: Finding): string {
  const parts: string[] = []
  if (f.rowNumber !== undefined) parts.push(`row ${f.rowNumber}`)
  if (f.fieldNumber !== undefined) parts.push(f.fieldName ? `column ${f.fieldNumber} "${f.fieldName}"` : `column ${f.fieldNumber}`)
  let text = parts.join(', ')
  if (f.line !== undefined && f.line !== f.rowNumber) text += text ? ` (line ${f.line})` : `line ${f.line}`
  return text
}

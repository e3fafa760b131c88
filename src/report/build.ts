/** Builds the JSON report from a run: counts, per-resource results (passes too) and validity. */
import {isAbsolute} from 'node:path'
import type {RunResult} from '../engine/run.js'
import type {RuleOutcome} from '../engine/table-run.js'
import {severityRank, type Finding, type Severity} from '../engine/types.js'
import {REPORT_VERSION, type JsonReport, type ReportResource, type ReportSkipped, type RuleResult} from './types.js'
import type {SkippedRules} from '../engine/skipped.js'
import type {TableProfile} from '../checks/profile/index.js'
import type {RdfUriFacts} from '../checks/rdf/uri-profile.js'
import {displayName, metadataSourcesOfTables, reportMetadata} from '../metadata/report-view.js'
import type {TableHead} from '../table/types.js'
import {isRdfFormat} from '../load/rdf-kind.js'

export interface BuildOptions {
  version: string
  failOn: Exclude<Severity, 'off'>
  maxWarnings?: number
  /**
   * Findings already known and accepted (src/report/suppressions.ts), by resource then rule.
   * As in ESLint's bulk suppressions, a rule's findings in a resource are hidden while there
   * are no more than recorded; beyond that all are reported, as no one can tell which are new.
   */
  suppressed?: Map<string, Map<string, number>>
  suppressionsFile?: string
}

/** How many of `count` findings a recorded allowance hides: all of them or none. */
function suppressedCount(recorded: number, count: number): number {
  return recorded > 0 && count <= recorded ? count : 0
}

function compareFindings(a: Finding, b: Finding): number {
  return (a.rowNumber ?? 0) - (b.rowNumber ?? 0) || (a.fieldNumber ?? 0) - (b.fieldNumber ?? 0) || a.rule.localeCompare(b.rule)
}

/** A schema or metadata file named as resources are (relative to cwd) or by URL. */
function shown(source: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || !isAbsolute(source)) return source
  const hash = source.indexOf('#')
  return hash < 0 ? displayName(source, cwd) : `${displayName(source.slice(0, hash), cwd)}${source.slice(hash)}`
}

/** The schema a table was checked against. */
function schemaSourceOf(head: TableHead | undefined, cwd: string): string | null {
  const source = head?.schemaSource ?? head?.csvw?.metadata
  return source === undefined ? null : shown(source, cwd)
}

export function buildReport(run: RunResult, options: BuildOptions): JsonReport {
  const metadataCwd = run.metadataLoad?.cwd ?? process.cwd()
  const tableSources = metadataSourcesOfTables(run.metadata ?? [], run.tables.map((t) => ({resource: t.resource, path: t.path})), metadataCwd, run.metadataLoad?.localFiles)
  // CSVW metadata that is the dataset's metadata describes the tables it was read against, also one it found inside a zip beside it.
  const csvwFiles = new Set((run.metadata ?? []).filter((d) => d.source.format === 'csvw').map((d) => displayName(d.source.path, metadataCwd)))
  const describedBy = (head: TableHead | undefined) => {
    const csvw = head?.csvw && shown(head.csvw.metadata, metadataCwd)
    return csvw && csvwFiles.has(csvw) ? csvw : null
  }
  const totals = {errors: 0, warnings: 0, infos: 0, suppressed: 0, rows: 0, triples: 0}
  let rdfChecked = false
  const findings: Finding[] = []
  let failing = false
  const stale: NonNullable<JsonReport['suppressions']>['stale'] = []

  /** Turns a resource's rule outcomes into results (passes too), holding back suppressed findings. */
  const judge = (resource: string, outcomes: RuleOutcome[]) => {
    const counts = {errors: 0, warnings: 0, infos: 0}
    const allowance = options.suppressed?.get(resource)
    const hidden = new Set<string>()
    const results: RuleResult[] = outcomes.map((outcome) => {
      const recorded = allowance?.get(outcome.rule) ?? 0
      const suppressed = suppressedCount(recorded, outcome.count)
      if (suppressed > 0) hidden.add(outcome.rule)
      if (recorded > outcome.count) stale.push({resource, rule: outcome.rule, recorded, found: outcome.count})
      const counted = outcome.count - suppressed
      totals.suppressed += suppressed
      if (outcome.severity === 'error') counts.errors += counted
      else if (outcome.severity === 'warning') counts.warnings += counted
      else counts.infos += counted
      if (counted > 0 && severityRank[outcome.severity] >= severityRank[options.failOn]) failing = true
      const result: RuleResult = {rule: outcome.rule, severity: outcome.severity, status: outcome.count > 0 ? 'fail' : 'pass', count: outcome.count, truncated: outcome.truncated}
      if (suppressed > 0) result.suppressed = suppressed
      return result
    })
    totals.errors += counts.errors
    totals.warnings += counts.warnings
    totals.infos += counts.infos
    return {counts, hidden, results}
  }

  const resources: ReportResource[] = run.tables.map((table) => {
    const {counts, hidden, results} = judge(table.resource, table.outcomes)
    const rowCount = table.stats?.rowCount ?? 0
    const head = table.head
    // RDF has statements, not rows: its triples are counted apart (resources[].triples, summary.triples).
    const rdf = head !== undefined && isRdfFormat(head.format)
    if (rdf) totals.triples += rowCount
    else totals.rows += rowCount
    rdfChecked ||= rdf
    findings.push(...table.findings.filter((f) => !hidden.has(f.rule)).sort(compareFindings))
    return {
      path: table.resource,
      format: head?.format ?? 'unknown',
      encoding: head?.encoding.encoding ?? null,
      bom: head?.encoding.bom ?? false,
      dialect: head && !['xlsx', 'json', 'geojson', 'inline'].includes(head.format) && !rdf
        ? {
            delimiter: head.dialect.delimiter,
            quoteChar: head.dialect.quoteChar,
            header: head.dialect.header,
            headerRow: head.dialect.header ? head.dialect.skipRows + 1 : null,
            lineTerminator: head.dialect.lineTerminator,
          }
        : null,
      bytes: head?.format === 'inline' ? null : (table.stats?.bytes ?? null),
      rowCount,
      ...(rdf ? {triples: rowCount} : {}),
      fieldCount: head?.labels.length ?? 0,
      fieldNames: head?.labels ?? [],
      valid: counts.errors === 0 && !table.sourceError,
      ...counts,
      results,
      metadataSource: tableSources[table.resource] ?? describedBy(head),
      schemaSource: schemaSourceOf(head, metadataCwd),
      ...(table.facts?.profile ? {profile: table.facts.profile as TableProfile} : {}),
      ...(table.facts?.rdfUris ? {rdfUris: table.facts.rdfUris as RdfUriFacts} : {}),
      ...(table.compression ? {compression: table.compression} : {}),
      ...(table.innerpath ? {innerpath: table.innerpath} : {}),
    }
  })

  let datasetResults: RuleResult[] = []
  if (run.dataset) {
    const {hidden, results} = judge(run.dataset.resource, run.dataset.outcomes)
    datasetResults = results
    findings.push(...run.dataset.findings.filter((f) => !hidden.has(f.rule)))
  }
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) failing = true
  const limits = run.tables.flatMap((table) => table.stats?.limits ?? [])
  const report: JsonReport = {
    odcheck: options.version,
    reportVersion: REPORT_VERSION,
    valid: !failing,
    partial: limits.length > 0,
    ...(limits.length > 0 ? {limits} : {}),
    summary: {
      files: run.tables.length,
      rows: totals.rows,
      ...(rdfChecked ? {triples: totals.triples} : {}),
      errors: totals.errors,
      warnings: totals.warnings,
      infos: totals.infos,
      suppressed: totals.suppressed,
      failOn: options.failOn,
      maxWarnings: options.maxWarnings ?? null,
    },
    rules: run.rules.map(({id, set, severity, description, docs, tags, evidence}) => ({id, set, severity, description, docs, tags, ...(evidence ? {evidence} : {})})),
    resources,
    findings,
  }
  if (run.dataset) report.dataset = {resource: run.dataset.resource, results: datasetResults}
  report.metadata = reportMetadata(run.metadata ?? [], run.metadataLoad, metadataCwd)
  if (options.suppressionsFile) report.suppressions = {file: options.suppressionsFile, stale}
  if (run.skipped?.length) report.skipped = run.skipped.map(skippedNote)
  return report
}

function skippedNote(skipped: SkippedRules): ReportSkipped {
  const links = skipped.links === 1 ? '1 web link' : `${skipped.links} web links`
  const message = `${links} in the metadata ${skipped.links === 1 ? 'was' : 'were'} not checked: odcheck works offline, so ${skipped.rules.join(', ')} did not run. Add --online to check ${skipped.links === 1 ? 'it' : 'them'}.`
  return {...skipped, message}
}

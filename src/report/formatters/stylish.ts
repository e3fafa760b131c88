/** Human-readable report grouped by file, in the manner of ESLint's stylish formatter. */
import {isAbsolute, resolve} from 'node:path'
import {Chalk, type ChalkInstance} from 'chalk'
import type {Finding} from '../../engine/types.js'
import type {JsonReport, ReportResource, RuleResult} from '../types.js'
import type {Formatter} from './formatter.js'
import {groupFindings, notRead} from './group.js'
import {formatNumber, plural} from '../../shared/text.js'
import {relativeResourcePath} from './paths.js'
import {isRdfFormat, RDF_SYNTAX_NAMES} from '../../load/rdf-kind.js'
import {collapseRuns, describeRest, headerRowsOf, type HeaderRows} from './runs.js'
import {visible} from './visible.js'

/** A file a dataset block's finding is about, named from the block's folder when it lies inside it (the metadata file beside the data). */
function nameWithin(resource: string, base: string, cwd: string): string {
  const name = relativeResourcePath(resolve(cwd, resource), resolve(cwd, base))
  return isAbsolute(name) ? resource : name
}

/** `row 3:5`, or `line 12` in a file without rows (a descriptor); prefixed with the resource when a block lists findings about several. */
function location(f: Finding, base: string, cwd: string): string {
  const where = f.rowNumber === undefined ? (f.line === undefined ? '' : `line ${f.line}`) : f.fieldNumber === undefined ? `row ${f.rowNumber}` : `row ${f.rowNumber}:${f.fieldNumber}`
  return f.resource === base ? where : `${nameWithin(f.resource, base, cwd)} ${where}`.trimEnd()
}

/** Locations longer than this are not padded to: one long file name would push every message in its block far right. */
const MAX_LOCATION_WIDTH = 24

function facts(resource: ReportResource): string {
  if (notRead(resource)) return 'not read'
  if (isRdfFormat(resource.format)) return `${RDF_SYNTAX_NAMES[resource.format]}, ${plural(resource.triples ?? resource.rowCount, 'triple')}`
  const shape = `${plural(resource.rowCount, 'row')}, ${plural(resource.fieldCount, 'column')}`
  const schema = resource.schemaSource ? `, schema ${resource.schemaSource}` : ''
  if (!resource.dialect) return `${shape}, ${resource.format}${schema}`
  const delimiter = resource.dialect.delimiter === '\t' ? 'tab' : JSON.stringify(resource.dialect.delimiter)
  return `${shape}, ${resource.encoding}${resource.bom ? ' with BOM' : ''}, delimiter ${delimiter}${schema}`
}

/** Severities counted but with none listed: --quiet hides warnings and infos. */
function hiddenCounts(results: RuleResult[], listed: Finding[]): string[] {
  const hidden: string[] = []
  for (const severity of ['warning', 'info'] as const) {
    const counted = results.filter((r) => r.severity === severity).reduce((n, r) => n + r.count - (r.suppressed ?? 0), 0)
    if (counted > 0 && !listed.some((f) => f.severity === severity)) hidden.push(plural(counted, severity))
  }
  return hidden
}

function block(chalk: ChalkInstance, cwd: string, base: string, heading: string, findings: Finding[], results: RuleResult[], headerRows: HeaderRows): string[] {
  const paint = {error: chalk.red, warning: chalk.yellow, info: chalk.blue}
  const out = [heading]
  const truncated = results.filter((r) => r.truncated)
  const hidden = hiddenCounts(results, findings)
  if (findings.length === 0 && truncated.length === 0 && hidden.length === 0) return [...out, `  ${chalk.green('✓')} no problems found`, '']
  const runs = collapseRuns(findings, headerRows)
  const locations = new Map(runs.map((run) => [run, visible(location(run.first, base, cwd))]))
  const width = Math.max(0, ...[...locations.values()].map((l) => l.length).filter((n) => n <= MAX_LOCATION_WIDTH))
  for (const run of runs) {
    const f = run.first
    // Pad before colouring: escape codes have no width on screen.
    const severity = paint[f.severity](f.severity.padEnd(7))
    out.push(`  ${chalk.dim(locations.get(run)!.padEnd(width))}  ${severity}  ${visible(f.message)}  ${chalk.dim(f.rule)}`)
    const rest = describeRest(run)
    if (rest) out.push(`  ${' '.repeat(width)}  ${chalk.dim(rest)}`)
  }
  for (const r of truncated) {
    const shown = findings.filter((f) => f.rule === r.rule).length
    if (shown > 0) out.push(`  ${chalk.dim(`… and ${formatNumber(r.count - shown)} more ${r.rule} (${formatNumber(r.count)} in all)`)}`)
  }
  if (hidden.length) out.push(`  ${chalk.dim(`${hidden.join(', ')} not shown (--quiet)`)}`)
  out.push('')
  return out
}

export const stylish: Formatter = (report, {color, cwd}) => {
  const chalk = new Chalk({level: color ? 1 : 0})
  const out: string[] = []
  const groups = groupFindings(report)
  const headerRows = headerRowsOf(report)
  for (const resource of report.resources) {
    const heading = `${chalk.underline(visible(resource.path))} ${chalk.dim(`(${facts(resource)})`)}`
    out.push(...block(chalk, cwd, resource.path, heading, groups.tables.get(resource.path) ?? [], resource.results, headerRows))
  }
  if (report.dataset || groups.dataset.length) {
    const resource = report.dataset?.resource ?? 'dataset'
    const results = report.dataset?.results ?? []
    const heading = `${chalk.underline(visible(resource))} ${chalk.dim(`(dataset: ${plural(results.length, 'rule')})`)}`
    out.push(...block(chalk, cwd, resource, heading, groups.dataset, results, headerRows))
  }
  const s = report.summary
  const stale = report.suppressions?.stale.length ?? 0
  out.push(verdictLine(report, chalk))
  if (s.maxWarnings !== null && s.warnings > s.maxWarnings) out.push(chalk.yellow(`more than ${plural(s.maxWarnings, 'warning')} (--max-warnings)`))
  for (const limit of report.limits ?? []) out.push(chalk.yellow(`note: ${visible(limit)}`))
  if (stale) out.push(chalk.yellow(`${plural(stale, 'suppression')} no longer needed: run with --prune-suppressions to remove them`))
  for (const skipped of report.skipped ?? []) out.push(chalk.dim(`note: ${skipped.message}`))
  return out.join('\n') + '\n'
}

/** `✖ not fit to publish: 1 file, 43 rows, 3 errors, 4 warnings`: the report's last word. */
export function verdictLine(report: JsonReport, chalk: ChalkInstance): string {
  const s = report.summary
  // RDF alone has triples, not rows: "1 file, 718 triples".
  const size = s.triples === undefined ? [plural(s.rows, 'row')] : s.rows > 0 ? [plural(s.rows, 'row'), plural(s.triples, 'triple')] : [plural(s.triples, 'triple')]
  const parts = [plural(s.files, 'file'), ...size, plural(s.errors, 'error'), plural(s.warnings, 'warning')]
  if (s.infos) parts.push(plural(s.infos, 'info'))
  if (s.suppressed) parts.push(`${formatNumber(s.suppressed)} suppressed`)
  const verdict = report.valid ? chalk.green('✓ fit to publish') : chalk.red('✖ not fit to publish')
  return `${verdict}: ${parts.join(', ')}`
}

/** Human-readable report grouped by file, in the manner of ESLint's stylish formatter. */
import {Chalk} from 'chalk'
import type {Finding} from '../../engine/types.js'
import type {ReportResource} from '../types.js'
import type {Formatter} from './formatter.js'
import {findingsByResource, plural} from './group.js'

function location(f: Finding): string {
  if (f.rowNumber === undefined) return ''
  return f.fieldNumber === undefined ? `row ${f.rowNumber}` : `row ${f.rowNumber}:${f.fieldNumber}`
}

function facts(resource: ReportResource): string {
  if (!resource.dialect) return 'not read'
  const delimiter = resource.dialect.delimiter === '\t' ? 'tab' : JSON.stringify(resource.dialect.delimiter)
  return `${plural(resource.rowCount, 'row')}, ${plural(resource.fieldCount, 'column')}, ${resource.encoding}${resource.bom ? ' with BOM' : ''}, delimiter ${delimiter}`
}

/** Severities counted on a resource but with none listed: --quiet hides warnings and infos. */
function hiddenCounts(resource: ReportResource, listed: Finding[]): string[] {
  const hidden: string[] = []
  if (resource.warnings > 0 && !listed.some((f) => f.severity === 'warning')) hidden.push(plural(resource.warnings, 'warning'))
  if (resource.infos > 0 && !listed.some((f) => f.severity === 'info')) hidden.push(plural(resource.infos, 'info'))
  return hidden
}

export const stylish: Formatter = (report, {color}) => {
  const chalk = new Chalk({level: color ? 1 : 0})
  const paint = {error: chalk.red, warning: chalk.yellow, info: chalk.blue}
  const out: string[] = []
  const byResource = findingsByResource(report)
  for (const resource of report.resources) {
    const findings = byResource.get(resource.path) ?? []
    out.push(`${chalk.underline(resource.path)} ${chalk.dim(`(${facts(resource)})`)}`)
    const truncated = resource.results.filter((r) => r.truncated)
    const hidden = hiddenCounts(resource, findings)
    if (findings.length === 0 && truncated.length === 0 && hidden.length === 0) {
      out.push(`  ${chalk.green('✓')} no problems found`, '')
      continue
    }
    const width = Math.max(0, ...findings.map((f) => location(f).length))
    for (const f of findings) {
      // Pad before colouring: escape codes have no width on screen.
      const severity = paint[f.severity](f.severity.padEnd(7))
      out.push(`  ${chalk.dim(location(f).padEnd(width))}  ${severity}  ${f.message}  ${chalk.dim(f.rule)}`)
    }
    for (const r of truncated) {
      const shown = findings.filter((f) => f.rule === r.rule).length
      if (shown > 0) out.push(`  ${chalk.dim(`… and ${r.count - shown} more ${r.rule} (${r.count} in all)`)}`)
    }
    if (hidden.length) out.push(`  ${chalk.dim(`${hidden.join(', ')} not shown (--quiet)`)}`)
    out.push('')
  }
  const s = report.summary
  const stale = report.suppressions?.stale.length ?? 0
  const parts = [plural(s.files, 'file'), plural(s.rows, 'row'), plural(s.errors, 'error'), plural(s.warnings, 'warning')]
  if (s.infos) parts.push(plural(s.infos, 'info'))
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`)
  const verdict = report.valid ? chalk.green('✓ fit to publish') : chalk.red('✖ not fit to publish')
  out.push(`${verdict}: ${parts.join(', ')}`)
  if (s.maxWarnings !== null && s.warnings > s.maxWarnings) {
    out.push(chalk.yellow(`more than ${plural(s.maxWarnings, 'warning')} (--max-warnings)`))
  }
  if (report.partial) out.push(chalk.yellow('a limit stopped part of the run: counts are lower bounds'))
  if (stale) out.push(chalk.yellow(`${plural(stale, 'suppression')} no longer needed: run with --prune-suppressions to remove them`))
  return out.join('\n') + '\n'
}

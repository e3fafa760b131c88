/** Human-readable report grouped by file, in the manner of ESLint's stylish formatter. */
import {Chalk} from 'chalk'
import type {Finding} from '../../engine/types.js'
import type {Formatter} from './formatter.js'

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function location(f: Finding): string {
  if (f.rowNumber === undefined) return ''
  return f.fieldNumber === undefined ? `row ${f.rowNumber}` : `row ${f.rowNumber}:${f.fieldNumber}`
}

export const stylish: Formatter = (report, {color}) => {
  const chalk = new Chalk({level: color ? 1 : 0})
  const severityLabel = {error: chalk.red('error'), warning: chalk.yellow('warning'), info: chalk.blue('info')}
  const out: string[] = []
  const byResource = new Map<string, Finding[]>()
  for (const f of report.findings) {
    const list = byResource.get(f.resource) ?? []
    list.push(f)
    byResource.set(f.resource, list)
  }
  for (const resource of report.resources) {
    const findings = byResource.get(resource.path) ?? []
    const facts = resource.dialect
      ? `${resource.rowCount} rows, ${resource.fieldCount} columns, ${resource.encoding}${resource.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(resource.dialect.delimiter)}`
      : 'not read'
    out.push(`${chalk.underline(resource.path)} ${chalk.dim(`(${facts})`)}`)
    if (findings.length === 0) {
      out.push(`  ${chalk.green('✓')} no problems found`, '')
      continue
    }
    const width = Math.max(...findings.map((f) => location(f).length))
    for (const f of findings) {
      out.push(`  ${chalk.dim(location(f).padEnd(width))}  ${severityLabel[f.severity].padEnd(color ? 17 : 7)}  ${f.message}  ${chalk.dim(f.rule)}`)
    }
    const hidden = resource.results.filter((r) => r.truncated)
    for (const r of hidden) {
      const shown = findings.filter((f) => f.rule === r.rule).length
      out.push(`  ${chalk.dim(`… and ${r.count - shown} more ${r.rule} (${r.count} in all)`)}`)
    }
    out.push('')
  }
  const s = report.summary
  const stale = report.suppressions?.stale.length ?? 0
  const parts = [plural(s.files, 'file'), plural(s.rows, 'row'), plural(s.errors, 'error'), plural(s.warnings, 'warning')]
  if (s.infos) parts.push(plural(s.infos, 'info'))
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`)
  const verdict = report.valid ? chalk.green('✓ fit to publish') : chalk.red('✖ not fit to publish')
  out.push(`${verdict}: ${parts.join(', ')}`)
  if (stale) out.push(chalk.yellow(`${plural(stale, 'suppression')} no longer needed: run with --prune-suppressions to remove them`))
  return out.join('\n') + '\n'
}

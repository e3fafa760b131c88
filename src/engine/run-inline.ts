/**
 * Checks a data package resource whose rows are written in the descriptor (`data`) through the
 * same rules as a file: its header against the schema, every row's types and constraints, keys.
 * The resource is named `datapackage.json#<resource name>`; rows carry their line in the descriptor.
 */
import type {InlinePlan} from '../metadata/package/plan.js'
import {SourceError} from '../table/errors.js'
import {readInlineTable} from '../table/inline.js'
import type {TableHead, TableStats} from '../table/types.js'
import {rowRunner} from './chunk.js'
import type {CheckRegistry} from './registry.js'
import {TableRun, type TableResult} from './table-run.js'
import type {ActiveRule} from './types.js'

export function inlineResourceName(plan: InlinePlan, descriptorName: string): string {
  return `${descriptorName}#${plan.resource.name}`
}

export function runInline(plan: InlinePlan, resource: string, rules: ActiveRule[], registry: CheckRegistry, maxFindingsPerRule: number): TableResult {
  const run = new TableRun(resource, plan.file, rules, registry, maxFindingsPerRule)
  const table = readInlineTable(plan.resource.data, plan.file, plan.resource.index, plan.planned.header ?? true)
  if (table.problem) return run.sourceError(new SourceError('not-a-table', `The resource "${plan.resource.name}" in ${resource.split('#')[0]} cannot be checked as a table: ${table.problem}.`))
  const {planned} = plan
  const head: TableHead = {
    resource,
    path: plan.file,
    format: 'inline',
    encoding: {encoding: 'utf-8', bom: false, source: 'given'},
    dialect: {delimiter: ',', quoteChar: '"', header: table.header, lineTerminator: '\n', skipRows: 0},
    labels: table.labels,
    preamble: [],
    headerLine: table.headerLine,
    ...(planned.schema ? {schema: planned.schema, schemaSource: planned.schemaSource} : {}),
    ...(planned.packageResource ? {packageResource: planned.packageResource} : {}),
  }
  run.header(head)
  const runner = rowRunner(head, run.hooks, maxFindingsPerRule)
  for (const row of table.rows) runner.onRow(row)
  const rowCount = table.rows.length
  const stats: TableStats = {rowCount, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: 0}
  const chunk = runner.result({rowCount, records: rowCount + (table.header ? 1 : 0), lineEndings: stats.lineEndings, problems: [], problemCount: 0, bytes: 0})
  run.fold(head, chunk)
  return run.finish(head, stats)
}

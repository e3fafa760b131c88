/** Checks every sheet of a spreadsheet as its own table, through the same rules as a CSV. */
import {SourceError} from '../table/errors.js'
import {guessHeader} from '../table/dialect.js'
import {chooseSheets, readSheets, type SheetRow} from '../table/xlsx.js'
import type {Row, TableHead, TableStats} from '../table/types.js'
import {rowRunner} from './chunk.js'
import {UsageError} from './errors.js'
import type {CheckRegistry} from './registry.js'
import {TableRun, type TableResult} from './table-run.js'
import type {ActiveRule} from './types.js'
import type {PlannedTable} from '../metadata/package/plan.js'

const SNIFF_ROWS = 60

export interface WorkbookRunOptions {
  maxFindingsPerRule: number
  header?: boolean
  /**
   * What the workbook is checked against (`--schema`, its data package resource): given to one
   * sheet, `plan.sheet` (a name or 1-based number) or else the first (of those `sheets` chooses), as Frictionless reads it.
   */
  plan?: PlannedTable
  /** `--sheet` values: only the sheets they choose (see chooseSheets) are checked; all when absent. */
  sheets?: string[]
}

/** The part of the plan a sheet's head carries. */
type SheetPlan = Pick<PlannedTable, 'schema' | 'schemaSource' | 'packageResource' | 'header'>

function isPlannedSheet(plan: PlannedTable | undefined, name: string, number: number, firstChosen = 1): boolean {
  if (!plan) return false
  const wanted = plan.sheet ?? firstChosen
  return typeof wanted === 'number' ? wanted === number : wanted === name
}

async function checkSheet(name: string, rows: AsyncIterable<SheetRow>, path: string, resource: string, table: TableRun, options: WorkbookRunOptions, plan?: SheetPlan): Promise<TableResult> {
  const iterator = rows[Symbol.asyncIterator]()
  const first: SheetRow[] = []
  while (first.length < SNIFF_ROWS) {
    const next = await iterator.next()
    if (next.done) break
    first.push(next.value)
  }
  const {skipRows, header} = guessHeader(first.map((r) => ({cells: r.cells, line: r.rowNumber})), options.header ?? plan?.header)
  const width = Math.max(0, ...first.slice(skipRows).map((r) => r.cells.length))
  const labels = header ? (first[skipRows]?.cells ?? []) : Array.from({length: width}, (_, i) => `field${i + 1}`)
  const head: TableHead = {
    resource,
    path,
    format: 'xlsx',
    sheet: name,
    encoding: {encoding: 'utf-8', bom: false, source: 'given'},
    dialect: {delimiter: ',', quoteChar: '"', header, lineTerminator: '\n', skipRows},
    labels,
    preamble: first.slice(0, skipRows).map((r) => ({rowNumber: r.rowNumber, line: r.rowNumber, cells: r.cells})),
    headerLine: first[skipRows]?.rowNumber ?? 1,
    ...(plan?.schema ? {schema: plan.schema, schemaSource: plan.schemaSource} : {}),
    ...(plan?.packageResource ? {packageResource: plan.packageResource} : {}),
  }
  table.header(head)

  const dataStart = skipRows + (header ? 1 : 0)
  const runner = rowRunner(head, table.hooks, options.maxFindingsPerRule)
  let rowCount = 0
  const onRow = (sheetRow: SheetRow) => {
    rowCount++
    // A sheet has no ragged rows: exceljs just stops at the last filled cell.
    const cells = sheetRow.cells.length < labels.length && sheetRow.cells.some((c) => c !== '') ? [...sheetRow.cells, ...Array(labels.length - sheetRow.cells.length).fill('')] : sheetRow.cells
    const row: Row = {cells, rowNumber: sheetRow.rowNumber, line: sheetRow.rowNumber}
    runner.onRow(row)
  }
  first.slice(dataStart).forEach(onRow)
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) onRow(next.value)

  const stats: TableStats = {rowCount, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: 0}
  const chunk = runner.result({rowCount, records: rowCount + dataStart, lineEndings: stats.lineEndings, problems: [], problemCount: 0, bytes: 0})
  table.fold(head, chunk)
  return table.finish(head, stats)
}

function noSuchSheet(resource: string, unknown: string[], names: string[]): UsageError {
  const which = unknown.map((u) => `"${u}"`).join(', ')
  const has = names.length ? `its sheets are ${names.map((n, i) => `${i + 1} "${n}"`).join(', ')}` : 'it has no sheets'
  return new UsageError(`${resource} has no sheet ${which} (--sheet): ${has}.`, ['Give a sheet by its name as its tab shows it, or by its number counting tabs from 1, e.g. --sheet "Spend" or --sheet 2.'])
}

export async function runWorkbook(path: string, resource: string, rules: ActiveRule[], registry: CheckRegistry, options: WorkbookRunOptions): Promise<TableResult[]> {
  const results: TableResult[] = []
  const chosen = options.sheets?.length ? options.sheets : undefined
  const seen: string[] = []
  // In tab order: the workbook lists its sheets before the first is read (else as they are read).
  let names: string[] = []
  let readable = true
  let firstChosen: number | undefined
  try {
    for await (const sheet of readSheets(path, resource)) {
      const name = `${resource}#${sheet.name}`
      seen.push(sheet.name)
      names = sheet.names.length ? sheet.names : seen
      if (chosen) {
        const {numbers, unknown} = chooseSheets(chosen, names)
        // Known before any sheet is checked when the workbook lists its sheets.
        if (unknown.length && sheet.names.length) throw noSuchSheet(resource, unknown, names)
        firstChosen = numbers.size ? Math.min(...numbers) : undefined
        // Not read: exceljs skips the rest of a sheet no one asks for.
        if (!numbers.has(sheet.number)) continue
      }
      const plan = isPlannedSheet(options.plan, sheet.name, sheet.number, firstChosen) ? options.plan : undefined
      results.push(await checkSheet(sheet.name, sheet.rows, path, name, new TableRun(name, path, rules, registry, options.maxFindingsPerRule), options, plan))
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    readable = false
    results.push(new TableRun(resource, path, rules, registry, options.maxFindingsPerRule).sourceError(error))
  }
  if (chosen && readable) {
    const {unknown} = chooseSheets(chosen, names)
    if (unknown.length) throw noSuchSheet(resource, unknown, names)
  }
  const wanted = options.plan?.sheet
  if (wanted !== undefined && names.length > 0 && !names.some((n, i) => isPlannedSheet(options.plan, n, i + 1))) {
    const which = typeof wanted === 'number' ? `sheet number ${wanted}` : `sheet "${wanted}"`
    const message = `${resource} has no ${which}, which its data package resource names (its sheets: ${names.map((n) => `"${n}"`).join(', ')}): correct "sheet" in the resource's dialect.`
    results.push(new TableRun(`${resource}#${wanted}`, path, rules, registry, options.maxFindingsPerRule).sourceError(new SourceError('missing', message)))
  }
  if (results.length === 0) {
    results.push(new TableRun(resource, path, rules, registry, options.maxFindingsPerRule).sourceError(new SourceError('empty', `${resource} is a workbook with no sheets.`)))
  }
  return results
}

/**
 * Groups equal cells of each column so that checks judging a cell by its value and column
 * alone (`value` hooks) see each distinct value once per group instead of once per cell: a
 * column of 100,000 body names costs one call per name and a counter per cell, shared by every
 * such check.
 *
 * Per column, within one chunk: equal cells are counted in a map until it holds GROUP_CAPACITY
 * distinct values. Then the groups are handed on (in order of each value's first cell) and
 * the map starts again; a column whose values hardly repeat (amounts, transaction numbers)
 * stops being grouped and its cells are handed on as runs of one, BATCH at a time: each sink
 * sees all of a batch before the next sink does, which keeps each check's code and data hot
 * (about a fifth less time for the value checks of a spend file). So, per column, successive
 * runs start at increasing row numbers: a check that keeps the first occurrence of something
 * keeps the file's first.
 */
import type {Row} from '../table/types.js'
import type {CellRun} from './check.js'
import type {Report} from './types.js'

/** Distinct values held per column before the groups are handed on. */
export const GROUP_CAPACITY = 4096

interface ColumnGroups {
  groups: Map<string, CellRun>
  /** Cells that joined an existing group since the map last started. */
  hits: number
  /** False once the column's values turned out not to repeat. */
  grouping: boolean
  /** Cells of an ungrouped column not yet handed on (the first `held`): values, row numbers and lines, in buffers of BATCH made once. */
  values: string[]
  rows: Float64Array
  lines: Float64Array
  held: number
}

/** Cells of an ungrouped column handed on together, sink by sink. */
const BATCH = 512
const EMPTY = new Float64Array(0)

/** A check's `value` hook with its state and report: called directly, since a wrapping closure per sink costs a call per cell of every ungrouped column. */
export interface RunSink {
  value(state: unknown, run: CellRun, report: Report): void
  state: unknown
  report: Report
}

export class ValueGroups {
  private readonly columns: ColumnGroups[] = []
  /** Handed to sinks for a single cell of an ungrouped column; sinks copy what they keep. */
  private readonly single: CellRun = {column: 0, value: '', count: 1, rowNumber: 0, line: 0, rowNumbers: [0]}

  /**
   * @param sinks one per check with a `value` hook
   * @param sampleRows how many row numbers of each group to keep (the most any check asks for)
   */
  constructor(
    private readonly sinks: RunSink[],
    private readonly sampleRows: number,
    private readonly capacity = GROUP_CAPACITY,
    private readonly batch = BATCH,
    /** Columns whose values are judged: a runaway row of 100,000 cells under a 3-column header (reported by extra-cell) must not cost each check 100,000 columns of state. */
    private readonly maxColumns = Number.MAX_SAFE_INTEGER,
  ) {}

  add(row: Row): void {
    const {cells} = row
    const width = Math.min(cells.length, this.maxColumns)
    for (let i = 0; i < width; i++) {
      const cell = cells[i]
      if (cell === '') continue
      const column = this.columns[i] ?? this.newColumn(i)
      if (column.grouping) {
        const group = column.groups.get(cell)
        if (group !== undefined) {
          group.count++
          column.hits++
          if (group.rowNumbers.length < this.sampleRows) group.rowNumbers.push(row.rowNumber)
          continue
        }
        if (column.groups.size < this.capacity) {
          column.groups.set(cell, {column: i, value: cell, count: 1, rowNumber: row.rowNumber, line: row.line, rowNumbers: [row.rowNumber]})
          continue
        }
        // Full: hand the groups on; keep grouping only if cells joined groups about as often as they started one.
        this.flushColumn(column)
        if (column.hits < this.capacity) this.stopGrouping(column)
        else {
          column.hits = 0
          column.groups.set(cell, {column: i, value: cell, count: 1, rowNumber: row.rowNumber, line: row.line, rowNumbers: [row.rowNumber]})
          continue
        }
      }
      const k = column.held++
      column.values[k] = cell
      column.rows[k] = row.rowNumber
      column.lines[k] = row.line
      if (column.held === this.batch) this.flushBatch(column, i)
    }
  }

  private flushBatch(column: ColumnGroups, i: number): void {
    const {values, rows, lines, held} = column
    const single = this.single
    single.column = i
    for (let s = 0; s < this.sinks.length; s++) {
      const {value, state, report} = this.sinks[s]
      for (let k = 0; k < held; k++) {
        single.value = values[k]
        single.rowNumber = rows[k]
        single.line = lines[k]
        single.rowNumbers[0] = rows[k]
        value(state, single, report)
      }
    }
    column.held = 0
  }

  /** Hands on every group still held: call at the end of the rows. */
  flush(): void {
    this.columns.forEach((column, i) => {
      this.flushColumn(column)
      if (column.held > 0) this.flushBatch(column, i)
    })
  }

  private newColumn(i: number): ColumnGroups {
    const column: ColumnGroups = {groups: new Map<string, CellRun>(), hits: 0, grouping: true, values: [], rows: EMPTY, lines: EMPTY, held: 0}
    this.columns[i] = column
    return column
  }

  /** Batch buffers only for a column that stops grouping: a table of 100,000 columns (or one runaway row) must not cost 8 KB each. */
  private stopGrouping(column: ColumnGroups): void {
    column.grouping = false
    column.rows = new Float64Array(this.batch)
    column.lines = new Float64Array(this.batch)
  }

  private flushColumn(column: ColumnGroups): void {
    for (const group of column.groups.values()) {
      for (let s = 0; s < this.sinks.length; s++) {
        const sink = this.sinks[s]
        sink.value(sink.state, group, sink.report)
      }
    }
    column.groups.clear()
  }
}

/** Checks one delimited table: open it, run header hooks, stream its rows through every rule once, run end hooks. */
import {openTable, type TableOpenOptions} from '../table/open.js'
import {bomLength} from '../table/encoding.js'
import {SourceError} from '../table/errors.js'
import {fileHasher} from '../table/file-hash.js'
import {mergeLineEndings} from '../table/line-endings.js'
import type {RangeResult} from '../table/rows.js'
import type {TableHead, TableStats} from '../table/types.js'
import {checkChunk, type ChunkResult} from './chunk.js'
import type {CheckRegistry} from './registry.js'
import {TableRun, type TableResult} from './table-run.js'
import type {ActiveRule} from './types.js'

export type {RuleOutcome, TableResult} from './table-run.js'

export interface TableRunOptions extends TableOpenOptions {
  /** Findings kept per rule per resource; the count stays exact. */
  maxFindingsPerRule: number
  /**
   * Runs the data rows, in-process by default; the parallel path splits them across workers,
   * hands each chunk's result to `onChunk` in file order and resolves to the chunks' reading
   * results. Resolves to undefined when the table is better checked in-process (small, UTF-16, ...).
   */
  runChunks?: (head: TableHead, rules: ActiveRule[], start: number, size: number, cap: number, onChunk: (chunk: ChunkResult) => void, onBytes?: (bytes: Buffer) => void) => Promise<RangeResult[] | undefined>
  /** How many of the file's `size` bytes are checked so far: after each piece read in-process, after each chunk back from the workers. */
  onProgress?: (bytes: number, size: number) => void
}

export function dataRange(head: TableHead) {
  return {
    start: bomLength(head.encoding),
    firstRowNumber: 1,
    firstLine: 1,
    skipRecords: head.dialect.skipRows + (head.dialect.header ? 1 : 0),
  }
}

export async function runTable(
  path: string,
  resource: string,
  rules: ActiveRule[],
  registry: CheckRegistry,
  options: TableRunOptions,
): Promise<TableResult> {
  const table = new TableRun(resource, path, rules, registry, options.maxFindingsPerRule)
  let opened
  try {
    opened = await openTable(path, resource, options)
  } catch (error) {
    if (error instanceof SourceError) return table.sourceError(error)
    throw error
  }
  const {head, size} = opened
  table.header(head)

  const range = dataRange(head)
  // A declared hash is computed from the bytes as they stream by, on whichever path reads them in order.
  const hasher = fileHasher(head)
  const progress = options.onProgress
  let checked = range.start
  progress?.(checked, size)
  const fold = (chunk: ChunkResult) => {
    table.fold(head, chunk)
    checked += chunk.range.bytes
    progress?.(checked, size)
  }
  let ranges = await options.runChunks?.(head, rules, range.start, size, options.maxFindingsPerRule, fold, hasher?.onBytes)
  if (!ranges) {
    const read = (bytes: Buffer) => {
      hasher?.onBytes(bytes)
      checked += bytes.length
      progress?.(checked, size)
    }
    const chunk = await checkChunk(head, table.hooks, {...range, onBytes: hasher || progress ? read : undefined}, options.maxFindingsPerRule)
    table.fold(head, chunk)
    ranges = [chunk.range]
  }

  const stats: TableStats = {rowCount: 0, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: range.start}
  for (const read of ranges) {
    stats.rowCount += read.rowCount
    stats.lineEndings = mergeLineEndings(stats.lineEndings, read.lineEndings)
    // Ranges come in file order: the first range a kind of line break ends a record in has its first.
    if (read.firstRecordEndings) stats.firstRecordEndings = {...read.firstRecordEndings, ...stats.firstRecordEndings}
    stats.problems.push(...read.problems)
    stats.bytes += read.bytes
  }
  if (hasher) stats.hashes = hasher.digest()
  // A provisional UTF-8 table that turned out to be in a legacy encoding is reported in that one.
  const switched = ranges.find((read) => read.encodingSwitch)?.encodingSwitch
  return table.finish(switched ? {...head, encoding: switched.encoding} : head, stats)
}

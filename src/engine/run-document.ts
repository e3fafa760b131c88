/**
 * Checks one JSON or GeoJSON data file: read and parse it whole (src/table/json.ts), hand the
 * document to the `document` hook of every rule that has one, then give the findings kept the
 * record (rowNumber, fieldName) and line their JSON Pointer falls on. A file that cannot be read
 * becomes a source-error finding, as a table would.
 */
import {SourceError} from '../table/errors.js'
import {readJsonDocument, recordOfPointer, type JsonDocument, type JsonSchemaRef} from '../table/json.js'
import {linesOfPointers} from '../table/json-lines.js'
import type {TableStats} from '../table/types.js'
import type {ChunkResult} from './chunk.js'
import {FindingCollector, type CollectedFindings} from './collector.js'
import type {CheckRegistry} from './registry.js'
import {SOURCE_ERROR_CHECK, TableRun, type TableResult} from './table-run.js'
import type {ActiveRule, FindingInput} from './types.js'

export const JSON_FORMATS = ['json', 'geojson']

/** Discovered resources of these formats are checked here rather than as tables. */
export function isJsonResource(resource: {format: string}): boolean {
  return JSON_FORMATS.includes(resource.format)
}

export interface DocumentRunOptions {
  maxFindingsPerRule: number
  schema?: JsonSchemaRef
  maxBytes?: number
}

function pointerOf(finding: FindingInput): string | undefined {
  const pointer = finding.details?.pointer
  return typeof pointer === 'string' ? pointer : undefined
}

/** The rules that apply to JSON documents: those with a document hook, and source-error. */
export function documentRules(rules: ActiveRule[], registry: CheckRegistry): ActiveRule[] {
  return rules.filter((r) => r.check === SOURCE_ERROR_CHECK || registry.get(r.check)?.create(r.options).document)
}

export async function runDocument(path: string, resource: string, rules: ActiveRule[], registry: CheckRegistry, options: DocumentRunOptions): Promise<TableResult> {
  const table = new TableRun(resource, path, documentRules(rules, registry), registry, options.maxFindingsPerRule)
  let read
  try {
    read = await readJsonDocument(path, resource, {schema: options.schema, maxBytes: options.maxBytes})
  } catch (error) {
    if (error instanceof SourceError) return table.sourceError(error)
    throw error
  }
  const {head, doc, text} = read
  const findings = table.hooks.map((hooks) => {
    const collector = new FindingCollector(options.maxFindingsPerRule)
    hooks.document?.(doc, head, (f) => collector.add(withRecord(f, doc)))
    return collector.result()
  })
  addLines(findings, text)
  const stats: TableStats = {rowCount: doc.rowCount, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: read.bytes}
  const chunk: ChunkResult = {
    states: table.hooks.map(() => undefined),
    findings,
    range: {rowCount: doc.rowCount, records: doc.rowCount, lineEndings: stats.lineEndings, problems: [], problemCount: 0, bytes: read.bytes},
  }
  table.fold(head, chunk)
  return table.finish(head, stats)
}

/** The record a finding's pointer falls in, unless the check gave one. */
function withRecord(finding: FindingInput, doc: JsonDocument): FindingInput {
  const pointer = pointerOf(finding)
  if (pointer === undefined || (finding.rowNumber !== undefined && finding.fieldName !== undefined)) return finding
  const record = recordOfPointer(pointer, doc.value, doc.format)
  return {...record, ...finding}
}

/** One pass over the text for the findings kept (not every finding counted). */
function addLines(findings: CollectedFindings[], text: string): void {
  const wanted = new Set(findings.flatMap((f) => f.items.map(pointerOf)).filter((p): p is string => p !== undefined))
  if (wanted.size === 0) return
  const lines = linesOfPointers(text, wanted)
  for (const item of findings.flatMap((f) => f.items)) {
    const pointer = pointerOf(item)
    const line = pointer === undefined ? undefined : lines.get(pointer)
    if (line !== undefined && item.line === undefined) item.line = line
  }
}

/**
 * Checks one RDF data file: its statements stream from src/table/rdf.ts to the `triple` hook of
 * every rule that has one, then `graphEnd` gets the count. A file that cannot be read is a
 * source-error finding, and one that does not parse an rdf-syntax-error naming the line; either
 * way the file is reported as not read, since what was parsed before the error is not the graph.
 */
import {isRdfFormat} from '../load/rdf-kind.js'
import {SourceError} from '../table/errors.js'
import {readRdf, RdfSyntaxError, RemoteContextError, type ReadRdf} from '../table/rdf.js'
import {MAX_DISTINCT_STATEMENTS} from '../table/rdf-statements.js'
import {formatNumber} from '../shared/text.js'
import type {TableStats} from '../table/types.js'
import type {CheckRegistry} from './registry.js'
import {SOURCE_ERROR_CHECK, TableRun, type TableResult} from './table-run.js'
import type {ActiveRule} from './types.js'

export const RDF_SYNTAX_ERROR_CHECK = 'rdf-syntax-error'
export const RDF_REMOTE_CONTEXT_CHECK = 'rdf-remote-context'

/** Discovered resources of these formats (turtle, rdfxml, ...) are checked here rather than as tables. */
export function isRdfResource(resource: {format: string}): boolean {
  return isRdfFormat(resource.format)
}

/** The rules that apply to RDF data: those with RDF hooks (rdf-syntax-error has an empty one), and source-error. */
export function rdfRules(rules: ActiveRule[], registry: CheckRegistry): ActiveRule[] {
  return rules.filter((r) => {
    if (r.check === SOURCE_ERROR_CHECK) return true
    const hooks = registry.get(r.check)?.create(r.options)
    return Boolean(hooks?.triple || hooks?.graphEnd)
  })
}

/** What the user is told when a graph was too large to tell every repeated statement. */
function dedupLimit(resource: string, read: ReadRdf, maxDistinct: number): string[] {
  if (read.unremembered === 0) return []
  return [
    `${resource}: past ${formatNumber(maxDistinct)} distinct statements odcheck stops remembering them, to bound its memory, so a statement repeated among the ${formatNumber(read.unremembered)} after them counts each time: its triple count, and the counts of its findings, may be that much too high.`,
  ]
}

export interface RdfRunOptions {
  /** Distinct statements remembered to tell repeats. */
  maxDistinct?: number
  /** Told the bytes read so far, of the file's size. */
  onProgress?: (bytes: number, size: number) => void
}

export async function runRdf(path: string, resource: string, format: string, rules: ActiveRule[], registry: CheckRegistry, maxFindingsPerRule: number, options: RdfRunOptions = {}): Promise<TableResult> {
  const maxDistinct = options.maxDistinct ?? MAX_DISTINCT_STATEMENTS
  if (!isRdfFormat(format)) throw new Error(`${resource}: ${format} is not an RDF syntax`)
  const table = new TableRun(resource, path, rdfRules(rules, registry), registry, maxFindingsPerRule)
  const triples = table.hooks.flatMap((h, i) => (h.triple ? [{triple: h.triple.bind(h), report: table.reporters[i]}] : []))
  let read
  try {
    read = await readRdf(
      path,
      resource,
      format,
      (statement) => {
        for (const {triple, report} of triples) triple(statement, report)
      },
      {maxDistinct, onProgress: options.onProgress},
    )
  } catch (error) {
    if (error instanceof RemoteContextError) return table.unread(RDF_REMOTE_CONTEXT_CHECK, {details: {url: error.url}})
    if (error instanceof SourceError) return table.sourceError(error)
    if (!(error instanceof RdfSyntaxError)) throw error
    const {line, column, reason} = error.problem
    return table.unread(RDF_SYNTAX_ERROR_CHECK, {
      ...(line ? {line} : {}),
      details: {syntax: error.syntax, ...(line ? {line} : {}), ...(column ? {column} : {}), reason, error: `${error.message[0].toUpperCase()}${error.message.slice(1)}.`, hint: error.hint},
    })
  }
  table.hooks.forEach((h, i) => h.graphEnd?.({head: read.head, statements: read.statements}, table.reporters[i]))
  const limits = dedupLimit(resource, read, maxDistinct)
  const stats: TableStats = {rowCount: read.statements, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: read.bytes, ...(limits.length > 0 ? {limits} : {})}
  return table.finish(read.head, stats)
}

/** Checks one table: open it, run header hooks, stream its rows through every rule once, run end hooks. */
import {openTable, type OpenOptions} from '../table/open.js'
import {bomLength} from '../table/encoding.js'
import {SourceError} from '../table/errors.js'
import {mergeLineEndings} from '../table/line-endings.js'
import type {TableHead, TableStats} from '../table/types.js'
import type {TableCheckHooks} from './check.js'
import {checkChunk, type ChunkResult} from './chunk.js'
import {FindingCollector} from './collector.js'
import {formatMessage} from './message.js'
import type {CheckRegistry} from './registry.js'
import type {ActiveRule, Finding, FindingInput} from './types.js'

export interface TableRunOptions extends OpenOptions {
  /** Findings kept per rule per resource; the count stays exact. */
  maxFindingsPerRule: number
  /** Runs the data rows, in-process by default; the parallel path splits them across workers. */
  runChunks?: (head: TableHead, rules: ActiveRule[], start: number, size: number) => Promise<ChunkResult[]>
}

export interface RuleOutcome {
  rule: string
  severity: ActiveRule['severity']
  count: number
  truncated: boolean
}

export interface TableResult {
  resource: string
  path: string
  head?: TableHead
  stats?: TableStats
  findings: Finding[]
  outcomes: RuleOutcome[]
  /** Set when the table could not be read at all. */
  sourceError?: SourceError
}

const SOURCE_ERROR_CHECK = 'source-error'

export function dataRange(head: TableHead) {
  return {
    start: bomLength(head.encoding),
    firstRowNumber: 1,
    firstLine: 1,
    skipRecords: head.dialect.skipRows + (head.dialect.header ? 1 : 0),
  }
}

function toFinding(rule: ActiveRule, template: string, head: TableHead | undefined, resource: string, input: FindingInput): Finding {
  const fieldName = input.fieldName ?? (input.fieldNumber && head ? head.labels[input.fieldNumber - 1] : undefined)
  const filled = {...input, fieldName}
  const finding: Finding = {rule: rule.id, severity: rule.severity, message: formatMessage(template, filled), resource}
  if (input.rowNumber !== undefined) finding.rowNumber = input.rowNumber
  if (input.fieldNumber !== undefined) finding.fieldNumber = input.fieldNumber
  if (fieldName !== undefined) finding.fieldName = fieldName
  if (input.line !== undefined) finding.line = input.line
  if (input.details !== undefined) finding.details = input.details
  return finding
}

export async function runTable(
  path: string,
  resource: string,
  rules: ActiveRule[],
  registry: CheckRegistry,
  options: TableRunOptions,
): Promise<TableResult> {
  const checks = rules.map((rule) => {
    const check = registry.get(rule.check)
    if (!check) throw new Error(`rule ${rule.id} names check "${rule.check}", which is not registered`)
    return check
  })
  const collectors = rules.map(() => new FindingCollector(options.maxFindingsPerRule))
  const reporters = collectors.map((c) => (f: FindingInput) => c.add(f))

  const finish = (head: TableHead | undefined, stats: TableStats | undefined, sourceError?: SourceError): TableResult => {
    const findings: Finding[] = []
    const outcomes: RuleOutcome[] = []
    rules.forEach((rule, i) => {
      const {items, count} = collectors[i].result()
      const check = checks[i]
      for (const item of items) {
        const template = check.messages[item.messageId ?? 'default'] ?? check.messages.default ?? rule.id
        findings.push(toFinding(rule, template, head, resource, item))
      }
      outcomes.push({rule: rule.id, severity: rule.severity, count, truncated: count > items.length})
    })
    return {resource, path, head, stats, findings, outcomes, sourceError}
  }

  let opened
  try {
    opened = await openTable(path, resource, options)
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    const index = rules.findIndex((r) => r.check === SOURCE_ERROR_CHECK)
    if (index >= 0) reporters[index]({details: {reason: error.reason, error: error.message}})
    return finish(undefined, undefined, error)
  }
  const {head, size} = opened
  const hooks: Array<TableCheckHooks<unknown>> = checks.map((check, i) => check.create(rules[i].options))
  hooks.forEach((h, i) => h.header?.(head, reporters[i]))

  const range = dataRange(head)
  const chunks = options.runChunks
    ? await options.runChunks(head, rules, range.start, size)
    : [await checkChunk(head, hooks, range, options.maxFindingsPerRule)]

  let states: unknown[] | undefined
  const stats: TableStats = {rowCount: 0, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: range.start}
  for (const chunk of chunks) {
    chunk.findings.forEach((found, i) => collectors[i].addAll(found))
    if (!states) states = chunk.states
    else {
      const previous = states
      states = hooks.map((h, i) => (h.merge ? h.merge(previous[i], chunk.states[i], head, reporters[i]) : previous[i]))
    }
    stats.rowCount += chunk.range.rowCount
    stats.lineEndings = mergeLineEndings(stats.lineEndings, chunk.range.lineEndings)
    stats.problems.push(...chunk.range.problems)
    stats.bytes += chunk.range.bytes
  }
  hooks.forEach((h, i) => h.end?.(states?.[i], head, stats, reporters[i]))
  return finish(head, stats)
}

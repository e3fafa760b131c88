/**
 * The per-table bookkeeping shared by every kind of table source (CSV byte ranges, spreadsheet
 * sheets): one hooks object and one finding collector per rule, and turning what the checks
 * reported into findings and per-rule outcomes.
 */
import type {SourceError} from '../table/errors.js'
import type {TableHead, TableStats} from '../table/types.js'
import type {AnyCheck, TableCheckHooks} from './check.js'
import type {ChunkResult} from './chunk.js'
import {FindingCollector} from './collector.js'
import {formatMessage} from './message.js'
import type {CheckRegistry} from './registry.js'
import type {ActiveRule, Finding, FindingInput, Report} from './types.js'
import type {Compression} from '../load/archive-kind.js'

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
  /** What checks published about the table besides findings (TableCheckHooks.facts), by key. */
  facts?: Record<string, unknown>
  /** Set when the table could not be read at all. */
  sourceError?: SourceError  /** Read from inside an archive (src/load/archive.ts). */
  compression?: Compression
  innerpath?: string
}

/** The check that reports a table that cannot be read (the engine reports it on the check's behalf). */
export const SOURCE_ERROR_CHECK = 'source-error'

export function toFinding(rule: ActiveRule, check: AnyCheck, head: TableHead | undefined, resource: string, input: FindingInput): Finding {
  const template = check.messages[input.messageId ?? 'default'] ?? check.messages.default ?? rule.id
  const fieldName = input.fieldName ?? (input.fieldNumber && head ? head.labels[input.fieldNumber - 1] : undefined)
  const finding: Finding = {rule: rule.id, severity: rule.severity, message: formatMessage(template, {...input, fieldName}), resource}
  if (input.rowNumber !== undefined) finding.rowNumber = input.rowNumber
  if (input.fieldNumber !== undefined) finding.fieldNumber = input.fieldNumber
  if (fieldName !== undefined) finding.fieldName = fieldName
  if (input.line !== undefined) finding.line = input.line
  if (input.details !== undefined) finding.details = input.details
  return finding
}

export class TableRun {
  readonly checks: AnyCheck[]
  readonly hooks: Array<TableCheckHooks<unknown>>
  private readonly collectors: FindingCollector[]
  readonly reporters: Report[]

  constructor(
    readonly resource: string,
    readonly path: string,
    readonly rules: ActiveRule[],
    registry: CheckRegistry,
    cap: number,
  ) {
    this.checks = rules.map((rule) => {
      const check = registry.get(rule.check)
      if (!check) throw new Error(`rule ${rule.id} names check "${rule.check}", which is not registered`)
      return check
    })
    this.hooks = this.checks.map((check, i) => check.create(rules[i].options))
    this.collectors = rules.map(() => new FindingCollector(cap))
    this.reporters = this.collectors.map((c) => (f: FindingInput, more?: number) => c.add(f, more))
  }

  /** A table that could not be read becomes one finding of the rule that runs the source-error check. */
  sourceError(error: SourceError): TableResult {
    return this.unread(SOURCE_ERROR_CHECK, {details: {reason: error.reason, error: error.message}}, error)
  }

  /** A file that could not be read through: one finding of the rule that runs `check` (when one does), and no head. */
  unread(check: string, finding: FindingInput, error?: SourceError): TableResult {
    const index = this.rules.findIndex((r) => r.check === check)
    if (index >= 0) this.reporters[index](finding)
    return this.result(undefined, undefined, error)
  }

  header(head: TableHead): void {
    this.hooks.forEach((h, i) => h.header?.(head, this.reporters[i]))
  }

  private states: unknown[] | undefined

  /**
   * Folds one chunk's results into the table's: call it for each chunk in file order, as soon
   * as it is back, so that a large table's chunks are merged while later ones are checked and
   * no chunk's state is kept after its fold.
   */
  fold(head: TableHead, chunk: ChunkResult): void {
    chunk.findings.forEach((found, i) => this.collectors[i].addAll(found))
    const previous = this.states
    this.states = previous ? this.hooks.map((h, i) => (h.merge ? h.merge(previous[i], chunk.states[i], head, this.reporters[i]) : previous[i])) : chunk.states
  }

  /** Runs the end hooks on the folded states and gives the table's findings and outcomes. */
  finish(head: TableHead, stats: TableStats): TableResult {
    const states = this.states
    this.states = undefined
    this.hooks.forEach((h, i) => h.end?.(states?.[i], head, stats, this.reporters[i]))
    const result = this.result(head, stats)
    const facts = Object.assign({}, ...this.hooks.map((h, i) => h.facts?.(states?.[i], head, stats)))
    if (Object.keys(facts).length > 0) result.facts = facts
    return result
  }

  private result(head: TableHead | undefined, stats: TableStats | undefined, sourceError?: SourceError): TableResult {
    const findings: Finding[] = []
    const outcomes: RuleOutcome[] = []
    this.rules.forEach((rule, i) => {
      const {items, count} = this.collectors[i].result()
      for (const item of items) findings.push(toFinding(rule, this.checks[i], head, this.resource, item))
      outcomes.push({rule: rule.id, severity: rule.severity, count, truncated: count > items.length})
    })
    return {resource: this.resource, path: this.path, head, stats, findings, outcomes, sourceError}
  }
}

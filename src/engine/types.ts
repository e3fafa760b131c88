/** Shared vocabulary of the engine: rules, checks, findings. Everything here is plain data. */

export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const
export type Severity = (typeof SEVERITIES)[number]

export const severityRank: Record<Severity, number> = {off: 0, info: 1, warning: 2, error: 3}

/** ODI certificate questions and the 5-star level a rule's outcome is evidence for. */
export interface RuleEvidence {
  questions?: string[]
  stars?: number
}

/** One entry of a rule set YAML file, after loading. */
export interface RuleDefinition {
  id: string
  /** Name of the rule set the rule came from (`core`, a plugin's set, ...). */
  set: string
  severity: Severity
  description: string
  docs: string
  tags: string[]
  evidence?: RuleEvidence
  check: string
  options: Record<string, unknown>
  deprecated?: {replacedBy?: string}
}

/** A rule as it will run: resolved severity and options for one resource. */
export interface ActiveRule {
  id: string
  severity: Exclude<Severity, 'off'>
  check: string
  options: Record<string, unknown>
}

/** What a check reports; the engine adds rule, severity, resource and message. */
export interface FindingInput {
  rowNumber?: number
  fieldNumber?: number
  fieldName?: string
  line?: number
  /** Picks one of the check's message templates; defaults to `default`. */
  messageId?: string
  details?: Record<string, unknown>
}

export interface Finding {
  rule: string
  severity: Exclude<Severity, 'off'>
  message: string
  resource: string
  rowNumber?: number
  fieldNumber?: number
  fieldName?: string
  line?: number
  details?: Record<string, unknown>
}

/**
 * Reports a finding. `more`: that many further findings of the same rule, after this one in row
 * order, counted but not listed (a runaway row's millions of extra cells need not be objects).
 */
export type Report = (finding: FindingInput, more?: number) => void

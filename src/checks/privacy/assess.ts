/**
 * Turns the scan's tallies into findings once every row is seen: one per column and kind that
 * passes the thresholds, with a confidence that weighs the column's name, the share of cells
 * that matched and what else the table holds. Postcodes and phone numbers are only personal
 * when they belong to people: a supplier's postcode in a spend file is not.
 */
import type {FindingInput} from '../../engine/types.js'
import {confidenceRank, PERSON_LEVEL_KINDS, type Confidence, type PersonalKind} from './kinds.js'
import {labelWords} from './labels.js'
import {planColumn, type ColumnPlan} from './match-cell.js'
import type {ColumnTally, KindTally, ScanState} from './scan-state.js'

export interface KindThreshold {
  minShare?: number
  hintedMinShare?: number
  minMatches?: number
}

export interface PersonalDataOptions {
  minShare: number
  hintedMinShare: number
  minMatches: number
  minConfidence: Confidence
  kinds: PersonalKind[]
  thresholds: Partial<Record<PersonalKind, KindThreshold>>
  maxExamples: number
}

/** A column "is" of a kind when at least this share of its cells match. */
const MOSTLY = 0.5

interface Candidate {
  fieldNumber: number
  kind: PersonalKind
  tally: KindTally
  column: ColumnTally
  plan: ColumnPlan
  share: number
  hinted: boolean
}

interface TableContext {
  /** A person-level column was found with at least medium confidence. */
  hasPeople: boolean
  /** A column names organisations, sites or other things (`Site Name`, or a `Name` column that did not hold people). */
  namesThings: boolean
}

function passesThresholds(c: Candidate, options: PersonalDataOptions): boolean {
  const own = options.thresholds[c.kind] ?? {}
  const minMatches = own.minMatches ?? options.minMatches
  const minShare = c.hinted ? (own.hintedMinShare ?? options.hintedMinShare) : (own.minShare ?? options.minShare)
  return c.tally.matches >= minMatches && c.share >= minShare
}

function tag(c: Candidate, name: keyof KindTally['tags']): number {
  return c.tally.tags[name] ?? 0
}

function personLevelConfidence(c: Candidate): Confidence {
  const {hints} = c.plan
  switch (c.kind) {
    case 'email': {
      const personal = c.tally.matches - tag(c, 'role')
      if (personal === 0) return 'low'
      if (hints.organisation) return 'medium'
      return c.hinted || personal / c.column.cells >= MOSTLY ? 'high' : 'medium'
    }
    case 'person-name': {
      if (!hints.genericName) return 'high'
      const strong = tag(c, 'strong')
      if (strong * 2 >= c.tally.matches) return 'high'
      return strong > 0 ? 'medium' : 'low'
    }
    case 'date-of-birth':
      return 'high'
    case 'nino':
    case 'bank-account':
      return c.hinted || c.share >= MOSTLY ? 'high' : 'medium'
    default:
      return c.hinted ? 'high' : 'medium'
  }
}

function contextualConfidence(c: Candidate, table: TableContext): Confidence {
  const {hints} = c.plan
  if (hints.organisation) return 'low'
  if (c.kind === 'phone') {
    if (tag(c, 'organisational') === c.tally.matches) return 'low'
    if (hints.person || table.hasPeople) return 'high'
    return tag(c, 'mobile') * 2 >= c.tally.matches ? 'medium' : 'low'
  }
  if (c.kind === 'postcode') {
    if (hints.person) return 'high'
    return table.hasPeople && !table.namesThings ? 'medium' : 'low'
  }
  // IP addresses: a visitor's address is personal wherever it appears.
  return c.hinted ? 'high' : 'medium'
}

const CONTEXTUAL_KINDS: ReadonlySet<PersonalKind> = new Set(['phone', 'postcode', 'ip-address'])

function namesThings(state: ScanState, people: Candidate[]): boolean {
  return state.plans.some((plan, i) => {
    if ((state.columns[i]?.cells ?? 0) === 0) return false
    const words = labelWords(plan.label)
    if (!words.includes('name') && !words.includes('names')) return false
    if (plan.hints.organisation) return true
    return plan.hints.genericName && !people.some((p) => p.fieldNumber === i + 1 && p.kind === 'person-name')
  })
}

function details(c: Candidate, confidence: Confidence, keep: number): Record<string, unknown> {
  // Role mailboxes and service numbers are shown only when the column has nothing more personal.
  const examples = (c.tally.examples.length > 0 ? c.tally.examples : c.tally.secondaryExamples).slice(0, keep)
  const out: Record<string, unknown> = {
    kind: c.kind,
    matches: c.tally.matches,
    cells: c.column.cells,
    share: Math.round(c.share * 1000) / 1000,
    confidence,
    columnNameHint: c.hinted,
    examples,
  }
  if (c.kind === 'email') out.roleAddresses = tag(c, 'role')
  if (c.kind === 'phone') {
    out.mobiles = tag(c, 'mobile')
    out.organisationalNumbers = tag(c, 'organisational')
  }
  if (c.kind === 'person-name') out.withTitleOrKnownForename = tag(c, 'strong')
  if (c.column.redacted > 0) out.redacted = c.column.redacted
  return out
}

export function assessScan(state: ScanState, options: PersonalDataOptions): FindingInput[] {
  const candidates: Candidate[] = []
  const unnamed = planColumn(undefined, options.kinds)
  state.columns.forEach((column, i) => {
    const plan = state.plans[i] ?? unnamed
    for (const [kind, tally] of Object.entries(column.kinds) as Array<[PersonalKind, KindTally]>) {
      const hinted = kind === 'person-name' ? plan.hints.nameColumn !== undefined : plan.hints.kinds.includes(kind)
      candidates.push({fieldNumber: i + 1, kind, tally, column, plan, share: tally.matches / column.cells, hinted})
    }
  })
  const passing = candidates.filter((c) => passesThresholds(c, options))
  const minRank = confidenceRank[options.minConfidence]
  const rated = new Map<Candidate, Confidence>()
  for (const c of passing.filter((c) => PERSON_LEVEL_KINDS.has(c.kind))) rated.set(c, personLevelConfidence(c))
  const people = [...rated].filter(([, conf]) => confidenceRank[conf] >= confidenceRank.medium).map(([c]) => c)
  const table: TableContext = {hasPeople: people.length > 0, namesThings: namesThings(state, people)}
  for (const c of passing.filter((c) => CONTEXTUAL_KINDS.has(c.kind))) rated.set(c, contextualConfidence(c, table))

  return passing
    .filter((c) => confidenceRank[rated.get(c)!] >= minRank)
    .sort((a, b) => a.fieldNumber - b.fieldNumber || a.tally.firstRow - b.tally.firstRow)
    .map((c) => ({fieldNumber: c.fieldNumber, rowNumber: c.tally.firstRow, details: details(c, rated.get(c)!, options.maxExamples)}))
}

/**
 * Text for the report's `certificate` and `stars` sections: what `odcheck certificate` and
 * `odcheck stars` print, and the one-line summaries `check` adds when it assessed them.
 */
import {Chalk, type ChalkInstance} from 'chalk'
import {levelName} from '../../assess/certificate/level.js'
import type {CertificateSection, StarsSection} from '../../assess/index.js'
import type {JsonReport} from '../types.js'
import {plural} from '../../shared/text.js'

const SHOWN_REQUIREMENTS = 12

function levelTitle(s: Pick<CertificateSection, 'level' | 'name' | 'formerName'>): string {
  if (s.level === 'none') return s.name
  return s.name === s.formerName ? s.name : `${s.name} (formerly ${s.formerName})`
}

/** The minimum by its public name, as publishers know the levels: `minimum Gold, not reached`. */
function minimumText(s: CertificateSection, reached: boolean): string {
  if (!s.minLevel) return ''
  return ` (minimum ${levelName(s.minLevel).name}${s.belowMinimum ? ', not reached' : reached ? ', reached' : ''})`
}

function valueText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value
}

/** @param warnings lines to show under the summary (unreadableMetadataText) */
export function certificateText(s: CertificateSection, color: boolean, warnings: string[] = []): string {
  const chalk = new Chalk({level: color ? 1 : 0})
  const out: string[] = []
  const paint = s.level === 'none' ? chalk.red : s.belowMinimum ? chalk.yellow : chalk.green
  out.push(`${chalk.bold(`ODI Open Data Certificate (${s.jurisdiction})`)}: ${paint(levelTitle(s))}${chalk.dim(minimumText(s, true))}`)
  const answers = Object.values(s.answers)
  const fromUser = answers.filter((a) => a.source === 'user').length
  const fromFile = s.answersFile ? `${fromUser} from ${s.answersFile}` : 'no answers file yet (`odcheck init --certificate` writes certificate.yaml to fill in)'
  out.push(`  ${answers.length - fromUser} answered from odcheck's evidence, ${fromFile}${s.unknown.length ? `; ${plural(s.unknown.length, 'question')} still unanswered` : ''}`)
  out.push(...warnings.map((w) => `  ${w}`))
  for (const id of s.conflicts) {
    const a = s.answers[id]
    out.push(chalk.yellow(`  ! ${id}: ${a.source === 'user' ? 'your answer' : a.source} "${valueText(a.value)}" counts; ${a.conflict!.source} says "${valueText(a.conflict!.value)}" (${a.conflict!.evidence})`))
  }
  for (const w of s.withheldLinks ?? []) out.push(chalk.yellow(`  ! ${w.question}: ${w.url} does not work (${w.problem}), so it is no answer (${w.rule})`))
  if (s.notAsked.length) out.push(chalk.dim(`  not asked given your other answers, so not counted: ${s.notAsked.join(', ')}`))
  if (s.next) out.push('', blockTitle(chalk, s))
  for (const m of s.next?.missingMandatory ?? []) {
    out.push(`  ${chalk.red('answer')}  ${m.question}: "${m.label}"${m.choices ? chalk.dim(` (${m.choices.join(', ')})`) : ''}`)
    if (m.metadata) out.push(chalk.dim(`          odcheck reads this from metadata: ${m.metadata}`))
  }
  const requirements = s.next?.requirements ?? []
  const width = Math.max(9, ...requirements.map((r) => r.id.length)) + 2
  for (const r of requirements.slice(0, SHOWN_REQUIREMENTS)) {
    out.push(`  ${r.id.padEnd(width)}${r.action}`)
    if (r.metadata) out.push(chalk.dim(`  ${' '.repeat(width)}odcheck can check this if the metadata gives ${r.metadata}`))
  }
  if (requirements.length > SHOWN_REQUIREMENTS) out.push(chalk.dim(`  … and ${requirements.length - SHOWN_REQUIREMENTS} more (see --format json)`))
  const later = s.outstanding.length - requirements.length
  if (later > 0 && s.next) out.push(chalk.dim(`  ${plural(later, 'more requirement')} for the levels above ${s.next.name} (see --format json)`))
  out.push('', chalk.dim(s.credit))
  return out.join('\n') + '\n'
}

function blockTitle(chalk: ChalkInstance, s: CertificateSection): string {
  const next = s.next!
  const count = next.missingMandatory.length + next.requirements.length
  return chalk.bold(`To reach ${levelTitle(next)}: ${plural(count, 'thing')} to do`)
}

export function starsText(s: StarsSection, color: boolean): string {
  const chalk = new Chalk({level: color ? 1 : 0})
  const out = [`${chalk.bold('5-star open data')}: ${chalk.yellow(s.rating)} ${plural(s.level, 'star')}${s.minStars !== undefined ? chalk.dim(` (minimum ${s.minStars}${s.belowMinimum ? ', not reached' : ', reached'})`) : ''}`]
  const firstUnmet = s.levels.find((l) => !l.met)
  for (const level of s.levels) {
    const mark = level.met ? chalk.green('✓') : chalk.red('✗')
    const stars = '★'.repeat(level.star).padEnd(6)
    out.push(`  ${mark} ${stars}${level.evidence[0] ?? ''}`)
    for (const more of level.evidence.slice(1, 4)) out.push(`         ${more}`)
    // What to do is shown for the next star only; the JSON report has it for each.
    if (level === firstUnmet && level.todo) out.push(chalk.dim(`         → ${level.todo}`))
  }
  // A ✓ above the level (CSV but no open licence) would otherwise read as a star earned.
  const waiting = s.levels.filter((l) => l.met && l.star > s.level + 1).map((l) => '★'.repeat(l.star))
  if (waiting.length > 0 && firstUnmet) out.push(chalk.dim(`  ${waiting.join(' and ')} ${waiting.length === 1 ? 'is' : 'are'} in place but ${waiting.length === 1 ? 'counts' : 'count'} only once ${'★'.repeat(firstUnmet.star)} is met: each star needs every star before it`))
  for (const problem of s.problems) out.push(chalk.yellow(`  ! ${problem}`))
  return out.join('\n') + '\n'
}

const UNREADABLE_BECAUSE: Record<string, string> = {
  'syntax': 'is not well-formed',
  'shape': 'is not the shape its format requires',
  'unrecognised': 'is not metadata odcheck reads',
  'remote-context': 'needs a JSON-LD context from the web (add --online)',
  'io': 'could not be read from disk',
}

/** Metadata files found but not usable: their evidence is missing from the assessment, which a user should know before answering by hand. */
export function unreadableMetadataText(report: JsonReport, color: boolean): string[] {
  const chalk = new Chalk({level: color ? 1 : 0})
  // Stars name the CSVW and RDF files they could not read themselves.
  const named = report.stars?.problems ?? []
  return (report.metadata?.unreadable ?? []).filter((u) => !named.some((p) => p.includes(u.path))).map((u) => {
    const where = u.line === undefined ? '' : ` (line ${u.line}${u.column === undefined ? '' : `, column ${u.column}`})`
    return chalk.yellow(`! ${u.path}${where} ${UNREADABLE_BECAUSE[u.reason] ?? 'could not be used'}, so nothing in it counts as evidence: \`odcheck check\` says what to fix`)
  })
}

/** The report's notes on rules that did not run (offline: the metadata's links), for the text of `stars` and `certificate`. */
export function skippedText(report: JsonReport, color: boolean): string[] {
  const chalk = new Chalk({level: color ? 1 : 0})
  return (report.skipped ?? []).map((s) => chalk.dim(`note: ${s.message}`))
}

/** One line per assessment in the report, for the end of `check`'s stylish output. */
export function assessmentSummary(report: JsonReport): string[] {
  const lines: string[] = []
  const c = report.certificate
  if (c) lines.push(`ODI certificate: ${levelTitle(c)}${minimumText(c, false)}${c.next ? `; ${plural(c.next.missingMandatory.length + c.next.requirements.length, 'thing')} to do for ${c.next.name} (odcheck certificate)` : ''}`)
  const s = report.stars
  if (s) lines.push(`5-star open data: ${s.rating}${s.minStars !== undefined ? ` (minimum ${s.minStars}${s.belowMinimum ? ', not reached' : ''})` : ''}`)
  return lines
}

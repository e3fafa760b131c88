/**
 * The certificate.yaml skeleton `odcheck init` writes: the ODI certificate questions odcheck
 * cannot answer from the data and metadata, each with its wording, the answers it takes, whether
 * a level needs it and when it is asked, as `# questionId:` lines to fill in. Answers already
 * given (in a certificate.yaml being rewritten) are kept; odcheck's own answers are listed so
 * the publisher sees them and can override one.
 */
import type {Answers} from '../certificate/answers.js'
import type {Condition} from '../certificate/condition.js'
import {isAsked} from '../certificate/level.js'
import {valuesOf} from '../certificate/answers.js'
import {levelInfo, levelRank, questionnaire, type LevelId, type Question} from '../certificate/questionnaire.js'
import type {HintFor} from '../certificate/hints.js'
import {verifiableBy} from '../certificate/verifiable.js'
import {comment, inline} from './yaml-text.js'

export {ANSWERS_FILE_NAME} from '../certificate/answers-file.js'

export interface SkeletonInput {
  /** odcheck's answers from the data and metadata, with their evidence. */
  evidence: Answers
  /** Answers the publisher already gave, kept as they are. */
  user?: Answers
  /** The commands to run once answered. */
  certificateCommand: string
  /** What odcheck would read to answer a question, in the terms of the dataset's metadata format. */
  hint?: HintFor
}

function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map(conditionText).join(' and ')
  if ('any' in c) return c.any.map(conditionText).join(' or ')
  if ('equals' in c) return `${c.question} is ${c.equals}`
  if ('notEquals' in c) return `${c.question} is not ${c.notEquals}`
  return `${c.question} is ${c.answered ? '' : 'not '}answered`
}

const TYPE_HINTS: Record<Question['type'], string> = {
  yes_no: 'Answer "true" or "false" (in quotes).',
  choice_one: 'Answer one of:',
  choice_many: 'Answer a list of any of, e.g. [a, b]:',
  string: 'Answer in words.',
  url: 'Answer a web address (https://...).',
  url_template: 'Answer a URL template, e.g. https://example.org/id/{id}.',
  url_list: 'Answer a list of web addresses, e.g. [https://..., https://...].',
}

/** The levels a question counts for, from the requirements: `Bronze; Gold (yes)`. */
function levelNeeds(): Map<string, string[]> {
  const byQuestion = new Map<string, Map<LevelId, Set<string>>>()
  for (const r of questionnaire().requirements) {
    const levels = byQuestion.get(r.question) ?? new Map<LevelId, Set<string>>()
    const choices = levels.get(r.level) ?? new Set<string>()
    if (r.choice) choices.add(r.choice)
    levels.set(r.level, choices)
    byQuestion.set(r.question, levels)
  }
  const needs = new Map<string, string[]>()
  for (const [question, levels] of byQuestion) {
    const sorted = [...levels].sort(([a], [b]) => levelRank(a) - levelRank(b))
    needs.set(question, sorted.map(([level, choices]) => `${levelInfo(level).name}${choices.size ? ` (${[...choices].join(' or ')})` : ''}`))
  }
  return needs
}

function questionBlock(q: Question, asked: boolean, needs: string[], user: Answers | undefined, hint: HintFor): string[] {
  const lines = comment(q.label)
  if (q.mandatory) lines.push(...comment(`REQUIRED${asked ? '' : ' when it is asked'}: no certificate level without an answer.`))
  if (needs.length) lines.push(...comment(`Counts towards: ${needs.join('; ')}.`))
  const fromMetadata = hint(q.id)
  if (fromMetadata) lines.push(...comment(`odcheck answers this itself once the metadata gives ${fromMetadata}; answer here only if the metadata cannot say it.`))
  if (!asked && q.askedWhen) lines.push(...comment(`Asked only when ${conditionText(q.askedWhen)}.`))
  lines.push(...comment(TYPE_HINTS[q.type]))
  if (q.type !== 'yes_no') {
    const width = Math.max(0, ...(q.choices ?? []).map((c) => c.id.length))
    for (const c of q.choices ?? []) lines.push(...comment(`  ${c.id.padEnd(width)}  ${c.label}`))
  }
  const given = user?.[q.id]
  lines.push(given ? `${q.id}: ${inline(given.value)}` : `# ${q.id}:`)
  return lines
}

export interface CertificateSkeleton {
  text: string
  /** Questions asked now and left to answer. */
  open: string[]
  /** The mandatory ones among them that only the publisher can answer. */
  required: string[]
  /** The mandatory ones odcheck answers once the metadata says (title, publisher, licence). */
  requiredFromMetadata: string[]
}

export function certificateSkeleton(input: SkeletonInput): CertificateSkeleton {
  const {questions, sections, licence, jurisdiction} = questionnaire()
  const values = valuesOf({...input.evidence, ...(input.user ?? {})})
  const needs = levelNeeds()
  const out = comment(
    `certificate.yaml: your answers to the ODI Open Data Certificate questions (${jurisdiction}) that odcheck cannot answer from the data and its metadata. Written by \`odcheck init --certificate\`.\n` +
      '\n' +
      'A line "# questionId:" is a question to answer: remove the "# " and write the answer after the colon. Start with the REQUIRED ones: until they are answered the dataset has no level. ' +
      'Questions asked only after some answers are at the end of each section. Leave out what you cannot answer.\n' +
      `Then run: ${input.certificateCommand}\n` +
      '\n' +
      `${licence.attribution}, ${licence.name} (${licence.url}). This file quotes that wording and is shared under the same licence.`,
  )
  const answered = questions.filter((q) => input.evidence[q.id] && !input.user?.[q.id])
  if (answered.length > 0) {
    out.push('', ...comment('odcheck answered these from the data and metadata. To override one, add it as a line of its own: your answer counts, and reports say where the two disagree.'))
    for (const q of answered) {
      const a = input.evidence[q.id]
      out.push(...comment(`  - ${q.id} = ${inline(a.value)}; evidence: ${a.evidence}`))
    }
  }
  const openNow: string[] = []
  for (const section of sections) {
    const open = questions.filter((q) => q.section === section.id && (!input.evidence[q.id] || input.user?.[q.id]))
    if (open.length === 0) continue
    const asked = open.filter((q) => isAsked(q, values))
    const later = open.filter((q) => !isAsked(q, values))
    out.push('', `# ==== ${section.title} ====`)
    for (const q of [...asked, ...later]) out.push('', ...questionBlock(q, asked.includes(q), needs.get(q.id) ?? [], input.user, input.hint ?? verifiableBy))
    openNow.push(...asked.filter((q) => !input.user?.[q.id]).map((q) => q.id))
  }
  const mandatory = openNow.filter((id) => questionnaire().byId.get(id)?.mandatory)
  return {text: out.join('\n') + '\n', open: openNow, required: mandatory.filter((id) => !verifiableBy(id)), requiredFromMetadata: mandatory.filter((id) => verifiableBy(id))}
}

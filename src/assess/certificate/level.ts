/**
 * The certificate level, computed as the ODI site did (SOURCE.md, "How the certificate level is
 * computed"): an asked mandatory question left blank gives `none`; otherwise the level is the
 * one just below the lowest level that still has an outstanding requirement, and `exemplar`
 * when none is outstanding.
 */
import type {Answers} from './answers.js'
import {valuesOf} from './answers.js'
import {holds, isBlank, type AnswerValues} from './condition.js'
import {LEVELS, levelInfo, levelRank, questionnaire, type LevelId, type Question, type Requirement} from './questionnaire.js'
import type {HintFor} from './hints.js'
import {verifiableBy} from './verifiable.js'

export interface LevelName {
  level: LevelId
  /** Public name since 2016: No level, Bronze, Silver, Gold, Platinum. */
  name: string
  /** Public name 2013–2016: Raw, Pilot, Standard, Expert. */
  formerName: string
}

export interface MissingAnswer {
  question: string
  label: string
  choices?: string[]
  odcheckCanVerify: boolean
  /** What odcheck would read to answer it, when it can. */
  metadata?: string
}

export interface OutstandingRequirement {
  id: string
  level: Exclude<LevelId, 'none'>
  question: string
  choice?: string
  /** The ODI's wording of the requirement. */
  text: string
  /** What to answer to meet it. */
  action: string
  /** Choices of `question` that would meet it (for choice questions). */
  resolvedBy?: string[]
  odcheckCanVerify: boolean
  metadata?: string
}

export interface LevelResult extends LevelName {
  /** Asked questions without an answer. */
  unknown: string[]
  /** Asked mandatory questions without an answer: while any is left, the level is `none`. */
  missingMandatory: MissingAnswer[]
  /** Every requirement still to meet, lowest level first. */
  outstanding: OutstandingRequirement[]
  /** The next level up and what stands between the dataset and it. */
  next?: LevelName & {missingMandatory: MissingAnswer[]; requirements: OutstandingRequirement[]}
}

export function levelName(level: LevelId): LevelName {
  const info = levelInfo(level)
  return {level, name: info.name, formerName: info.formerName}
}

export function isAsked(question: Question, values: AnswerValues): boolean {
  return !question.askedWhen || holds(question.askedWhen, values)
}

function missing(question: Question, hint: HintFor): MissingAnswer {
  const metadata = hint(question.id)
  return {
    question: question.id,
    label: question.label,
    ...(question.choices ? {choices: question.choices.map((c) => c.id)} : {}),
    odcheckCanVerify: metadata !== undefined,
    ...(metadata ? {metadata} : {}),
  }
}

/** The answers to the requirement's question that would stop it being outstanding. */
function resolvingChoices(requirement: Requirement, question: Question, values: AnswerValues): string[] {
  return (question.choices ?? [])
    .map((c) => c.id)
    .filter((choice) => {
      const current = values[question.id]
      const tried = question.type === 'choice_many' ? [...(Array.isArray(current) ? current : current ? [current] : []), choice] : choice
      return !holds(requirement.outstandingWhen, {...values, [question.id]: tried})
    })
}

function outstanding(requirement: Requirement, values: AnswerValues, hint: HintFor): OutstandingRequirement {
  const question = questionnaire().byId.get(requirement.question)!
  let action: string
  let resolvedBy: string[] | undefined
  if (question.choices) {
    resolvedBy = resolvingChoices(requirement, question, values)
    const named = resolvedBy.map((id) => `${id} (${question.choices!.find((c) => c.id === id)?.label})`)
    if (named.length === 0) action = `Change the answers that make this apply (${requirement.question}: "${question.label}")`
    else if (question.type === 'choice_many') action = `Tick ${named.join(' or ')} in ${question.id}: "${question.label}"`
    else action = `Answer ${question.id} ("${question.label}") with ${named.join(' or ')}`
  } else {
    const resolves = !holds(requirement.outstandingWhen, {...values, [question.id]: question.type === 'url_list' ? ['x'] : 'x'})
    action = resolves ? `Answer ${question.id}: "${question.label}"` : `Change the answers that make this apply (${question.id}: "${question.label}")`
  }
  const metadata = hint(requirement.question, requirement.choice)
  return {
    id: requirement.id,
    level: requirement.level,
    question: requirement.question,
    ...(requirement.choice !== undefined ? {choice: requirement.choice} : {}),
    text: requirement.text,
    action,
    ...(resolvedBy ? {resolvedBy} : {}),
    odcheckCanVerify: metadata !== undefined,
    ...(metadata ? {metadata} : {}),
  }
}

/** `hint` says what odcheck would read to answer a question; by default in general terms, not those of a dataset's metadata format. */
export function computeLevel(answers: Answers | AnswerValues, hint: HintFor = verifiableBy): LevelResult {
  const {questions, requirements} = questionnaire()
  const values = valuesOf(answers)
  const asked = questions.filter((q) => isAsked(q, values))
  const unanswered = asked.filter((q) => isBlank(values[q.id]))
  const missingMandatory = unanswered.filter((q) => q.mandatory).map((q) => missing(q, hint))
  const open = requirements
    .filter((r) => holds(r.outstandingWhen, values))
    .sort((a, b) => levelRank(a.level) - levelRank(b.level))
    .map((r) => outstanding(r, values, hint))
  let level: LevelId
  if (missingMandatory.length > 0) level = 'none'
  else if (open.length === 0) level = 'exemplar'
  else level = LEVELS[levelRank(open[0].level) - 1]
  const result: LevelResult = {...levelName(level), unknown: unanswered.map((q) => q.id), missingMandatory, outstanding: open}
  if (level !== 'exemplar') {
    const nextLevel = LEVELS[levelRank(level) + 1]
    result.next = {...levelName(nextLevel), missingMandatory, requirements: open.filter((r) => r.level === nextLevel)}
  }
  return result
}

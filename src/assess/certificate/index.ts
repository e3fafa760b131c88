/**
 * ODI Open Data Certificate readiness: answers from odcheck's evidence, merged with the
 * publisher's answers file, and the level they reach.
 */
import type {AssessInput} from '../input.js'
import {mergeAnswers, valuesOf, type Answers} from './answers.js'
import {metadataFiles} from '../provenance.js'
import {answersFromEvidence} from './evidence.js'
import {metadataHints} from './hints.js'
import type {WithheldLink} from './links.js'
import {computeLevel, isAsked, type LevelResult} from './level.js'
import {questionnaire} from './questionnaire.js'

export {answersFromEvidence} from './evidence.js'
export {computeLevel, type LevelResult, type OutstandingRequirement, type MissingAnswer} from './level.js'
export {toOdiPayload, type OdiPayload} from './payload.js'
export {parseAnswersFile, readAnswersFile, ANSWERS_FILE_NAME} from './answers-file.js'
export {parseLevel, levelRank, LEVELS, type LevelId} from './questionnaire.js'
export type {Answer, Answers, AnswerSource} from './answers.js'
export type {WithheldLink} from './links.js'

export interface CertificateAssessment extends LevelResult {
  jurisdiction: string
  /** The answers file that was read, if any. */
  answersFile?: string
  /** Answers to the questions asked, with their source and evidence, in questionnaire order. */
  answers: Answers
  /** Questions where the user's answer overrode odcheck's evidence. */
  conflicts: string[]
  /** Questions the answers file answers that are not asked given the other answers, so those answers do not count. */
  notAsked: string[]
  /** Links in the metadata that would answer a question but did not work when checked (--online), so answer nothing. */
  withheldLinks?: WithheldLink[]
  /** Credit for the ODI wording quoted in labels and requirement texts. */
  credit: string
}

export function assessCertificate(input: AssessInput, user?: {answers: Answers; file: string}): CertificateAssessment {
  const {questions, jurisdiction, licence} = questionnaire()
  const withheld: WithheldLink[] = []
  const merged = mergeAnswers(answersFromEvidence(input, withheld), user?.answers ?? {})
  const values = valuesOf(merged)
  const answers: Answers = {}
  const notAsked: string[] = []
  for (const q of questions) {
    if (!merged[q.id]) continue
    if (isAsked(q, values)) answers[q.id] = merged[q.id]
    else if (merged[q.id].source === 'user') notAsked.push(q.id)
  }
  return {
    jurisdiction,
    ...(user ? {answersFile: user.file} : {}),
    ...computeLevel(merged, metadataHints(metadataFiles(input).map((m) => m.source.format), input.metadata)),
    answers,
    conflicts: Object.keys(answers).filter((id) => answers[id].conflict),
    notAsked,
    // The user's own answer to the question stands; the link is then not missed.
    ...(withheld.some((w) => !merged[w.question]) ? {withheldLinks: withheld.filter((w) => !merged[w.question])} : {}),
    credit: `${licence.attribution}, ${licence.name} (${licence.url})`,
  }
}

/** Answers with where they came from, and how odcheck's evidence and the user's answers combine. */
import type {AnswerValue, AnswerValues} from './condition.js'

/** `metadata:<property>`, `check:<rule>` or `user`. */
export type AnswerSource = `metadata:${string}` | `check:${string}` | 'user'

export interface Answer {
  value: AnswerValue
  source: AnswerSource
  /** What the answer rests on, in words: the metadata field and value, the findings, the answers file. */
  evidence: string
  /** Set when another source said something else; the answer above is the one that counts. */
  conflict?: {value: AnswerValue; source: AnswerSource; evidence: string}
}

export type Answers = Record<string, Answer>

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  const list = (v: AnswerValue) => (Array.isArray(v) ? [...v].sort() : [v])
  return JSON.stringify(list(a)) === JSON.stringify(list(b))
}

/**
 * The user's answers count over odcheck's evidence: where they disagree, the user's answer is
 * kept and the evidence is recorded as the conflict, so reports can say so.
 */
export function mergeAnswers(evidence: Answers, user: Answers): Answers {
  const merged: Answers = {...evidence}
  for (const [question, answer] of Object.entries(user)) {
    const found = evidence[question]
    merged[question] = found && !sameValue(found.value, answer.value) ? {...answer, conflict: {value: found.value, source: found.source, evidence: found.evidence}} : answer
  }
  return merged
}

/** Plain values for the level computation; accepts answers with provenance or bare values. */
export function valuesOf(answers: Answers | AnswerValues): AnswerValues {
  const values: AnswerValues = {}
  for (const [question, answer] of Object.entries(answers)) {
    values[question] = answer !== undefined && typeof answer === 'object' && !Array.isArray(answer) ? answer.value : answer
  }
  return values
}

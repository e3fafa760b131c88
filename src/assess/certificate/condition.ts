/**
 * A tiny interpreter for the questionnaire's conditions, which are plain data, never code.
 * Semantics follow the ODI site (SOURCE.md, "How conditions evaluate"): `equals` holds only
 * when that choice is selected; `notEquals` holds whenever it is not, unanswered included;
 * `answered` tests for a non-blank answer.
 */

export type AnswerValue = string | string[]

/** Question id → answer (choice id, text, or a list for multiple choice and repeating URLs). */
export type AnswerValues = Record<string, AnswerValue | undefined>

export type Condition =
  | {all: Condition[]}
  | {any: Condition[]}
  | {question: string; equals: string}
  | {question: string; notEquals: string}
  | {question: string; answered: boolean}

export function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true
  if (Array.isArray(value)) return value.every((v) => v.trim() === '')
  return value.trim() === ''
}

export function isSelected(value: AnswerValue | undefined, choice: string): boolean {
  if (value === undefined) return false
  return Array.isArray(value) ? value.includes(choice) : value === choice
}

export function holds(condition: Condition, answers: AnswerValues): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers))
  if ('any' in condition) return condition.any.some((c) => holds(c, answers))
  const value = answers[condition.question]
  if ('equals' in condition) return isSelected(value, condition.equals)
  if ('notEquals' in condition) return !isSelected(value, condition.notEquals)
  if ('answered' in condition) return condition.answered !== isBlank(value)
  throw new Error(`Unknown condition ${JSON.stringify(condition)}`)
}

/** Question ids a condition reads. */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn)
  if ('any' in condition) return condition.any.flatMap(questionsIn)
  return [condition.question]
}

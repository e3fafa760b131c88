/**
 * The body of a POST to the ODI certificate API (`/datasets`, see SOURCE.md "JSON API"):
 * radio answers by choice id, checkbox and repeating answers as arrays, text and URLs as strings.
 * Only questions asked under the given answers are sent, in questionnaire order.
 */
import {valuesOf, type Answers} from './answers.js'
import {isBlank, type AnswerValue, type AnswerValues} from './condition.js'
import {isAsked} from './level.js'
import {questionnaire} from './questionnaire.js'

export interface OdiPayload {
  jurisdiction: string
  dataset: Record<string, AnswerValue>
}

export function toOdiPayload(answers: Answers | AnswerValues): OdiPayload {
  const {jurisdiction, questions} = questionnaire()
  const values = valuesOf(answers)
  const dataset: Record<string, AnswerValue> = {}
  for (const q of questions) {
    const value = values[q.id]
    if (isBlank(value) || !isAsked(q, values)) continue
    const list = Array.isArray(value) ? value : [value!]
    dataset[q.id] = q.type === 'choice_many' || q.type === 'url_list' ? list.filter((v) => v.trim() !== '') : list[0]
  }
  return {jurisdiction, dataset}
}

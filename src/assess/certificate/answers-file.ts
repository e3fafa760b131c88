/**
 * Reads the user's answers to the certificate questionnaire: a flat YAML map of question id →
 * answer (`certificate.yaml` beside the data, or `--answers FILE`), each checked against the
 * question's type and choices. Every problem is reported at once, with its line, as a UsageError.
 */
import {readFile} from 'node:fs/promises'
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node} from 'yaml'
import {editDistance} from '../../engine/config/suggest.js'
import {UsageError} from '../../engine/errors.js'
import type {AnswerValue} from './condition.js'
import type {Answers} from './answers.js'
import {questionnaire, type Question} from './questionnaire.js'

export const ANSWERS_FILE_NAME = 'certificate.yaml'
const DOCS_REF = 'https://github.com/odcheck/odcheck/blob/main/docs/certificate.md#answers-file'
const URL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'ftp:'])

type Check = {value: AnswerValue} | {error: string}

function closestQuestion(id: string): string | undefined {
  let best: {id: string; d: number} | undefined
  for (const q of questionnaire().questions) {
    const d = q.id.toLowerCase() === id.toLowerCase() ? 0 : editDistance(q.id.toLowerCase(), id.toLowerCase())
    if (!best || d < best.d) best = {id: q.id, d}
  }
  return best && best.d <= Math.max(2, Math.floor(id.length / 4)) ? best.id : undefined
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return undefined
}

function checkUrl(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `"${text}" is not an absolute URL; write it in full, e.g. https://example.org/data`
  }
  return URL_PROTOCOLS.has(url.protocol) ? undefined : `"${text}" is a ${url.protocol} URL; use an http(s) or mailto: URL`
}

function checkValue(question: Question, raw: unknown): Check {
  const choices = question.choices?.map((c) => c.id) ?? []
  const listOf = (v: unknown) => (Array.isArray(v) ? v : [v])
  switch (question.type) {
    case 'yes_no':
    case 'choice_one': {
      let text = scalarText(raw)
      // yes/no read as words, as a YAML 1.1 reader would: the choice ids are "true"/"false".
      if (question.type === 'yes_no' && text !== undefined && /^(yes|no)$/i.test(text)) text = /^yes$/i.test(text) ? 'true' : 'false'
      if (text === undefined || !choices.includes(text)) return {error: `${JSON.stringify(raw)} is not one of its choices: ${choices.join(', ')}`}
      return {value: text}
    }
    case 'choice_many': {
      const items = listOf(raw).map(scalarText)
      const wrong = items.filter((t) => t === undefined || !choices.includes(t))
      if (wrong.length > 0) return {error: `${wrong.map((w) => JSON.stringify(w ?? null)).join(', ')} ${wrong.length === 1 ? 'is not one of its choices' : 'are not among its choices'}: ${choices.join(', ')} (give a list)`}
      return {value: [...new Set(items as string[])]}
    }
    case 'url_list': {
      const items = listOf(raw).map(scalarText)
      if (items.some((t) => t === undefined)) return {error: 'expects a list of URLs'}
      const problem = (items as string[]).map(checkUrl).find(Boolean)
      return problem ? {error: problem} : {value: items as string[]}
    }
    case 'url':
    case 'url_template': {
      const text = scalarText(raw)
      if (text === undefined || typeof raw !== 'string') return {error: `expects a URL, not ${JSON.stringify(raw)}`}
      const problem = checkUrl(question.type === 'url_template' ? text.replace(/[{}]/g, '') : text)
      return problem ? {error: problem} : {value: text}
    }
    case 'string': {
      const text = scalarText(raw)
      return text === undefined ? {error: `expects text, not ${JSON.stringify(raw)}`} : {value: text}
    }
  }
}

function isEmpty(node: Node | null | undefined): boolean {
  if (!node) return true
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '')
  if (isSeq(node)) return node.items.length === 0
  return false
}

/** Parses the text of an answers file; `file` is the name to show in messages. */
export function parseAnswersFile(text: string, file: string): Answers {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, uniqueKeys: true})
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1)
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    throw new UsageError(`${file}:${error.linePos?.[0].line ?? 1}: not valid YAML: ${error.message.split('\n')[0]}`, ['The answers file is a flat map, e.g.\n  releaseType: oneoff\n  publisherRights: "yes"'], DOCS_REF)
  }
  if (doc.contents === null) return {}
  if (!isMap(doc.contents)) throw new UsageError(`${file}: expected a map of question id → answer, e.g. "releaseType: oneoff".`, [], DOCS_REF)
  const answers: Answers = {}
  const problems: string[] = []
  const suggestions = new Set<string>()
  const {byId} = questionnaire()
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node
    const id = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
    const line = lineOf(keyNode)
    const question = byId.get(id)
    if (!question) {
      const close = closestQuestion(id)
      problems.push(`${file}:${line}: "${id}" is not a question of the ODI certificate (GB)${close ? `; did you mean "${close}"?` : ''}`)
      suggestions.add('Question ids are listed in docs/certificate.md and rules/certificate/odi-certificate.yaml.')
      continue
    }
    const valueNode = pair.value as Node | null
    if (isEmpty(valueNode)) continue
    const raw = valueNode ? (valueNode as {toJSON(): unknown}).toJSON() : null
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      problems.push(`${file}:${lineOf(valueNode)}: ${id}: expects ${question.type === 'choice_many' || question.type === 'url_list' ? 'a list' : 'a single value'}, not a map`)
      continue
    }
    const checked = checkValue(question, raw)
    if ('error' in checked) {
      problems.push(`${file}:${lineOf(valueNode)}: ${id} ("${question.label}"): ${checked.error}`)
      if (question.type === 'yes_no' || question.choices?.some((c) => c.id === 'yes')) suggestions.add('Quote yes/no answers: publisherRights: "yes", machineReadable: "true".')
      continue
    }
    answers[id] = {value: checked.value, source: 'user', evidence: `${file}:${lineOf(valueNode)}`}
  }
  if (problems.length > 0) {
    const head = problems.length === 1 ? `Invalid answer in ${file}:` : `${problems.length} invalid answers in ${file}:`
    throw new UsageError(`${head}\n  ${problems.join('\n  ')}`, [...suggestions], DOCS_REF)
  }
  return answers
}

/** Reads an answers file; `required` is false for the default certificate.yaml, which may be absent. */
export async function readAnswersFile(path: string, file: string, required: boolean): Promise<Answers | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && !required) return undefined
    throw new UsageError(`Answers file ${file} cannot be read (${code ?? String(error)}).`, ['Check the path given to --answers.'], DOCS_REF)
  }
  return parseAnswersFile(text, file)
}

#!/usr/bin/env node
/**
 * Generates rules/certificate/odi-certificate.yaml, the ODI Open Data Certificate questionnaire
 * (GB) as plain data for src/assess/certificate, from the shared extract
 * ../shared/reference/odi-certificate/questions.yaml (see its SOURCE.md).
 *
 * Usage: node scripts/generate-certificate.js [--check] [--source FILE]
 *   --check   compare with the committed files instead of writing them (exit 1 when they differ)
 * Without the shared extract (../shared absent) it leaves the data file alone, says so, and
 * only refreshes the question table in docs/certificate.md from the committed data file.
 *
 * Conditions are rewritten from the extract's "A and (B or C)" rules into nested data
 * ({all: [...]}, {any: [...]}, {question, equals | notEquals | answered}) that a small
 * interpreter evaluates; nothing is ever compiled or evaluated as code.
 */
import {existsSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Document, parse, visit} from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'rules', 'certificate', 'odi-certificate.yaml')
const args = process.argv.slice(2)
const sourceIndex = args.indexOf('--source')
const source = sourceIndex >= 0 ? args[sourceIndex + 1] : join(root, '..', 'shared', 'reference', 'odi-certificate', 'questions.yaml')

const EXPECTED = {questions: 113, requirements: 116, byLevel: {basic: 11, pilot: 24, standard: 59, exemplar: 22}}

function fail(message) {
  console.error(`generate-certificate: ${message}`)
  process.exit(1)
}

/** "A and (B or C)" → {all: [A, {any: [B, C]}]}; `and` binds tighter than `or`. */
export function parseRule(rule, leaves) {
  const tokens = String(rule).match(/\(|\)|\band\b|\bor\b|[A-Z]+/g) ?? []
  let i = 0
  const peek = () => tokens[i]
  const next = () => tokens[i++]
  const group = (kind, items) => {
    const flat = items.flatMap((item) => (item[kind] ? item[kind] : [item]))
    const unique = flat.filter((item, n) => flat.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === n)
    return unique.length === 1 ? unique[0] : {[kind]: unique}
  }
  function factor() {
    const token = next()
    if (token === '(') {
      const inner = expr()
      if (next() !== ')') fail(`unbalanced parentheses in rule "${rule}"`)
      return inner
    }
    if (!token || !leaves[token]) fail(`rule "${rule}" names unknown condition key "${token}"`)
    return leaves[token]
  }
  function term() {
    const items = [factor()]
    while (peek() === 'and') {
      next()
      items.push(factor())
    }
    return group('all', items)
  }
  function expr() {
    const items = [term()]
    while (peek() === 'or') {
      next()
      items.push(term())
    }
    return group('any', items)
  }
  const result = expr()
  if (i !== tokens.length) fail(`unexpected "${tokens[i]}" in rule "${rule}"`)
  return result
}

function leafOf(condition) {
  const {question, op} = condition
  if ('value' in condition) {
    if (condition.value !== '') fail(`condition on ${question} compares with a value other than '' (${condition.value})`)
    return {question, answered: op === '!='}
  }
  if (op === '==') return {question, equals: String(condition.answer)}
  if (op === '!=') return {question, notEquals: String(condition.answer)}
  return fail(`unknown operator ${op} in condition on ${question}`)
}

function conditionOf(dependency) {
  if (!dependency) return undefined
  const leaves = Object.fromEntries(dependency.conditions.map((c) => [c.key, leafOf(c)]))
  return parseRule(dependency.rule, leaves)
}

function checkReferences(condition, questions, where) {
  if (condition.all || condition.any) {
    for (const item of condition.all ?? condition.any) checkReferences(item, questions, where)
    return
  }
  const question = questions.get(condition.question)
  if (!question) fail(`${where} refers to unknown question ${condition.question}`)
  const choice = condition.equals ?? condition.notEquals
  if (choice !== undefined && !(question.choices ?? []).some((c) => String(c.id) === choice)) {
    fail(`${where} refers to choice "${choice}" that question ${condition.question} does not have`)
  }
}

function build(extract) {
  const groupIds = new Map()
  for (const section of extract.sections) for (const sub of section.subgroups ?? []) groupIds.set(sub.title, sub.id)
  const questions = extract.questions.map((q) => {
    const out = {id: q.id, section: q.section}
    if (q.subgroup) out.group = groupIds.get(q.subgroup) ?? fail(`unknown subgroup ${q.subgroup} on ${q.id}`)
    out.type = q.type
    out.label = q.text ?? q.label
    out.mandatory = q.mandatory === true
    if (q.required_level_hint) out.levelHint = q.required_level_hint
    if (q.choices) out.choices = q.choices.map((c) => ({id: String(c.id), label: c.text}))
    const askedWhen = conditionOf(q.asked_when)
    if (askedWhen) out.askedWhen = askedWhen
    return out
  })
  const byId = new Map(questions.map((q) => [q.id, q]))
  for (const q of questions) if (q.askedWhen) checkReferences(q.askedWhen, byId, `askedWhen of ${q.id}`)
  const requirements = extract.requirements.map((r) => {
    const level = r.id.split('_')[0]
    if (level !== r.level) fail(`requirement ${r.id} has level ${r.level}, not the one its id names`)
    const out = {id: r.id, level, question: r.linked_to.question}
    if (r.linked_to.answer !== undefined) out.choice = String(r.linked_to.answer)
    out.text = r.text
    out.outstandingWhen = conditionOf(r.unmet_when) ?? fail(`requirement ${r.id} has no unmet_when`)
    checkReferences(out.outstandingWhen, byId, `outstandingWhen of ${r.id}`)
    if (!byId.has(out.question)) fail(`requirement ${r.id} is linked to unknown question ${out.question}`)
    return out
  })
  if (questions.length !== EXPECTED.questions) fail(`expected ${EXPECTED.questions} questions, read ${questions.length}`)
  if (requirements.length !== EXPECTED.requirements) fail(`expected ${EXPECTED.requirements} requirements, read ${requirements.length}`)
  for (const [level, count] of Object.entries(EXPECTED.byLevel)) {
    const found = requirements.filter((r) => r.level === level).length
    if (found !== count) fail(`expected ${count} ${level} requirements, read ${found}`)
  }
  const names = extract.levels.names
  const levels = extract.levels.order.map((id) => {
    const entry = names.find((n) => n.internal === id)
    const name = entry.public_since_2016_01 ?? entry.public
    const formerName = entry.public_2013_06_to_2016_01 ?? entry.public
    return {id, name, formerName}
  })
  const meta = extract.meta
  return {
    jurisdiction: meta.survey.access_code,
    source: {
      repository: `https://github.com/${meta.source_repo}`,
      commit: meta.source_commit,
      questionnaire: meta.questionnaire_file,
      questionnaireLastChanged: meta.questionnaire_file_last_changed.commit,
    },
    licence: {
      name: 'CC BY-SA 2.0 UK: England & Wales',
      url: meta.licence.licence_url,
      attribution: 'Question and requirement wording © 2013 Open Data Institute (certificates.theodi.org)',
    },
    levels,
    sections: extract.sections.map((s) => ({id: s.id, title: s.title})),
    questions,
    requirements,
  }
}

const HEADER = `# ODI Open Data Certificate questionnaire, United Kingdom (GB) jurisdiction, as data for odcheck.
# GENERATED by scripts/generate-certificate.js from the extract described in
# ../shared/reference/odi-certificate/SOURCE.md. Do not edit by hand: run the script again.
#
# Credit and licence: the question labels, choice labels and requirement texts below are
# quoted from the Open Data Institute's Open Data Certificate questionnaire,
# © 2013 Open Data Institute, licensed under Creative Commons Attribution-ShareAlike 2.0 UK:
# England & Wales (http://creativecommons.org/licenses/by-sa/2.0/uk/). Source:
# https://github.com/theodi/open-data-certificate (surveys/generated/surveyor/odc_questionnaire.GB.rb).
# Changes: restructured as data, conditions rewritten as all/any/equals/notEquals/answered,
# one long label replaced by its full question text. Because it adapts that wording, THIS FILE
# is shared under the same licence, CC BY-SA 2.0 UK, not under odcheck's MIT licence.
#
# Conditions: {question: Q, equals: C} holds when choice C is selected; {notEquals: C} holds
# when it is not (including when Q is unanswered); {answered: true|false} tests for a non-blank
# answer; {all: [...]} / {any: [...]} combine them. A requirement is outstanding while its
# outstandingWhen holds; a question is asked while its askedWhen holds (always, when absent).
`

function render(data) {
  const doc = new Document(data)
  visit(doc, {
    Map(_, node) {
      const keys = node.items.map((pair) => pair.key.value)
      if (keys.includes('question') && !keys.includes('text')) node.flow = true
      else if (keys.length === 2 && keys[0] === 'id' && keys[1] === 'label') node.flow = true
      else if (keys.join() === 'id,name,formerName' || keys.join() === 'id,title') node.flow = true
    },
    // YAML 1.1 readers take these for booleans; quote them for everyone.
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^(yes|no|on|off|y|n)$/i.test(node.value)) node.type = 'QUOTE_DOUBLE'
    },
  })
  return HEADER + doc.toString({lineWidth: 0, flowCollectionPadding: false})
}

/** `releaseType = series and (versionManagement ≠ list or documentationUrl empty)` */
function conditionText(c, nested = false) {
  if (c.all || c.any) {
    const text = (c.all ?? c.any).map((item) => conditionText(item, true)).join(c.all ? ' and ' : ' or ')
    return nested ? `(${text})` : text
  }
  if ('equals' in c) return `${c.question} = ${c.equals}`
  if ('notEquals' in c) return `${c.question} ≠ ${c.notEquals}`
  return `${c.question} ${c.answered ? 'given' : 'empty'}`
}

/** The question table of docs/certificate.md, from the committed data file (no ODI wording: ids and logic only). */
function questionTable(data) {
  const rows = ['| section | question | type | choices | asked when |', '|---|---|---|---|---|']
  for (const q of data.questions) {
    const id = q.mandatory ? `**\`${q.id}\`**` : `\`${q.id}\``
    const choices = (q.choices ?? []).map((c) => `\`${c.id}\``).join(' ')
    rows.push(`| ${q.section} | ${id} | ${q.type} | ${choices} | ${q.askedWhen ? conditionText(q.askedWhen).replace(/\|/g, '\\|') : 'always'} |`)
  }
  return rows.join('\n')
}

function updateDocs(check) {
  const docs = join(root, 'docs', 'certificate.md')
  if (!existsSync(docs) || !existsSync(target)) return true
  const text = readFileSync(docs, 'utf8')
  const start = text.indexOf('<!-- questions:start')
  const end = text.indexOf('<!-- questions:end -->')
  if (start < 0 || end < 0) fail('docs/certificate.md has no <!-- questions:start/end --> markers')
  const open = text.indexOf('\n', start) + 1
  const updated = text.slice(0, open) + questionTable(parse(readFileSync(target, 'utf8'))) + '\n' + text.slice(end)
  if (check) return updated === text
  if (updated !== text) writeFileSync(docs, updated)
  return true
}

const check = args.includes('--check')
if (!existsSync(source)) {
  console.log(`generate-certificate: ${relative(process.cwd(), source) || source} is not here (the shared reference folder is absent): data file left as it is.`)
} else {
  const text = render(build(parse(readFileSync(source, 'utf8'))))
  if (check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : ''
    if (current !== text) fail(`${relative(root, target)} is out of date; run: node scripts/generate-certificate.js`)
    console.log(`generate-certificate: ${relative(root, target)} is up to date.`)
  } else {
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, text)
    console.log(`generate-certificate: wrote ${relative(root, target)}.`)
  }
}
if (!updateDocs(check)) fail('the question table in docs/certificate.md is out of date; run: node scripts/generate-certificate.js')
if (!check) console.log('generate-certificate: question table in docs/certificate.md is current.')

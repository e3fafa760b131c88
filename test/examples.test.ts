/**
 * Golden scenarios: each bundled example's README says what odcheck should report on it,
 * and these tests hold odcheck to exactly that (rule ids and locations of every error and
 * warning, and the exit code), and to the certificate level and stars its README states.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {odcheck, repoRoot} from './helpers/cli.js'

interface Finding {
  rule: string
  severity: string
  rowNumber?: number
  fieldNumber?: number
  resource: string
}

async function check(example: string) {
  const r = await odcheck(['check', `examples/${example}`, '--json'])
  const report = JSON.parse(r.stdout)
  const serious = (report.findings as Finding[]).filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.rowNumber ?? null])
  return {code: r.code, report, serious}
}

describe('bundled examples', () => {
  it('streetlights: fit to publish, no errors or warnings', async () => {
    const {code, serious, report} = await check('streetlights')
    expect(serious).toEqual([])
    expect(code).toBe(0)
    expect(report.resources[0]).toMatchObject({rowCount: 60, fieldCount: 10, encoding: 'utf-8', dialect: {lineTerminator: '\r\n', headerRow: 1}})
  })

  it('spend-over-500: the usual export problems, and no metadata or licence', async () => {
    const {code, serious, report} = await check('spend-over-500')
    expect(serious).toEqual([
      ['title-row', 'warning', 1],
      ['encoding-not-utf8', 'warning', 1],
      ['totals-row', 'warning', 43],
      ['blank-row', 'error', 44],
      ['blank-row', 'error', 45],
      ['licence-missing', 'error', null],
      ['metadata-not-found', 'warning', null],
    ])
    expect(code).toBe(1)
    expect(report.resources[0]).toMatchObject({encoding: 'windows-1252', rowCount: 43, dialect: {headerRow: 2}})
    expect(report.resources[0].fieldNames).toContain('Amount (£)')
  })

  it('ward-population: a data package that is fit to publish', async () => {
    const {code, serious} = await check('ward-population')
    expect(serious).toEqual([])
    expect(code).toBe(0)
  })
})

const EXAMPLES = ['streetlights', 'spend-over-500', 'ward-population']

/** The README's "**Certificate and stars:** level `basic` (Bronze), ★★★☆☆ (3 stars)." line, parsed, so README and test cannot drift apart. */
function statedAssessment(example: string) {
  const readme = readFileSync(join(repoRoot, 'examples', example, 'README.md'), 'utf8')
  const line = /^\*\*Certificate and stars:\*\* level `(\w+)` \(([^)]+)\), ([★☆]{5}) \((\d) stars?\)\./m.exec(readme)
  if (!line) throw new Error(`examples/${example}/README.md has no "**Certificate and stars:** level \`<id>\` (<name>), <rating> (<n> stars)." line`)
  return {readme, level: line[1], name: line[2], rating: line[3], stars: Number(line[4])}
}

describe('bundled examples: certificate level and stars', {timeout: 120_000}, () => {
  it.each(EXAMPLES)('%s reaches the level and stars its README states', async (example) => {
    const stated = statedAssessment(example)
    const certificate = await odcheck(['certificate', `examples/${example}`, '--json'])
    expect(certificate.code).toBe(0)
    const c = JSON.parse(certificate.stdout).certificate
    expect([c.level, c.name]).toEqual([stated.level, stated.name])
    const stars = await odcheck(['stars', `examples/${example}`, '--json'])
    expect(stars.code).toBe(0)
    const s = JSON.parse(stars.stdout).stars
    expect([s.rating, s.level]).toEqual([stated.rating, stated.stars])
    // The summary table in examples/README.md says the same.
    const table = readFileSync(join(repoRoot, 'examples', 'README.md'), 'utf8')
    const row = table.split('\n').find((l) => l.startsWith(`| [${example}](${example}/) |`))
    expect(row?.split('|').map((cell) => cell.trim()).slice(-3, -1)).toEqual([stated.name, stated.rating])
  })

  it.each(EXAMPLES)('%s: the README names every answer the publisher supplied in certificate.yaml', async (example) => {
    const file = join(repoRoot, 'examples', example, 'certificate.yaml')
    if (!existsSync(file)) return
    const questions = Object.keys(parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    const {readme} = statedAssessment(example)
    for (const id of questions) expect(readme, `README does not mention ${id}`).toContain(`\`${id}\``)
    const c = JSON.parse((await odcheck(['certificate', `examples/${example}`, '--json'])).stdout).certificate
    expect(c.answersFile).toBe(`examples/${example}/certificate.yaml`)
    expect(questions.filter((id) => c.answers[id]?.source !== 'user')).toEqual([])
  })
})

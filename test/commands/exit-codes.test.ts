/**
 * Exit 2 means "odcheck could not do what was asked" with every output choice: a CI job reading --json must be able
 * to tell a usage error (2) from unfit data (1), and --json must still give one small JSON error object on stdout.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {odcheck as runOdcheck, type CliResult} from '../helpers/cli.js'

// oclif wraps stderr at 80 columns, which could split a long temporary path in the middle of a message.
const odcheck = (args: string[]) => runOdcheck(args, {env: {OCLIF_COLUMNS: '1000'}})

let dir: string
let table: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odcheck-exit-codes-'))
  table = join(dir, 'spend.csv')
  await writeFile(table, 'supplier,amount\nAcme Ltd,120.50\nBrick Co,99.00\n')
  await writeFile(join(dir, 'not-a-map.yaml'), '- releaseType\n')
})

afterAll(() => rm(dir, {recursive: true, force: true}))

interface ErrorJson {
  error: {message: string; name: string; suggestions: string[]; oclif: {exit: number}; ref?: string}
}

/** The usage error as --json prints it: the whole of stdout is one JSON object naming the problem. */
function errorJson(r: CliResult): ErrorJson['error'] {
  const parsed = JSON.parse(r.stdout) as ErrorJson
  expect(Object.keys(parsed)).toEqual(['error'])
  expect(parsed.error.oclif.exit).toBe(2)
  expect(Array.isArray(parsed.error.suggestions)).toBe(true)
  return parsed.error
}

const OUTPUTS = [
  ['stylish', [] as string[]],
  ['--json', ['--json']],
  ['--format json', ['--format', 'json']],
] as const

type Case = [label: string, args: () => string[], says: string]

const checkCases: Case[] = [
  ['a path that does not exist', () => ['check', join(dir, 'missing.csv')], 'missing.csv does not exist'],
  ['an unknown rule in --rule', () => ['check', table, '--rule', 'no-such-rule=error'], 'Unknown rule "no-such-rule" in --rule'],
  ['a bad --fail-on value', () => ['check', table, '--fail-on', 'bogus'], 'Expected --fail-on=bogus to be one of'],
]

// The other usage errors take the same path through the command; --json is the output that used to exit 1.
const moreCheckCases: Case[] = [
  ['a --rule that is not ID=SEVERITY', () => ['check', table, '--rule', 'blank-row=loud'], '--rule blank-row=loud is not ID=SEVERITY'],
  ['a --jobs value out of range', () => ['check', table, '--jobs', '0'], 'Parsing --jobs'],
  ['--sheet when no workbook is checked', () => ['check', table, '--sheet', 'Payments'], 'no workbook is being checked'],
  ['a --delimiter of two characters', () => ['check', table, '--delimiter', 'ab'], '--delimiter "ab" is not one character'],
  ['the quote character as --delimiter', () => ['check', table, '--delimiter', '"'], '--delimiter cannot be "'],
]

describe('check exits 2 on a usage error with every output format', () => {
  for (const [label, args, says] of checkCases) {
    for (const [output, flags] of OUTPUTS) {
      it(`${label} (${output})`, async () => {
        const r = await odcheck([...args(), ...flags])
        expect(r.code).toBe(2)
        if (output === '--json') {
          expect(errorJson(r).message).toContain(says)
          expect(r.stderr).toBe('')
        } else {
          // No half-written report on stdout; the message goes to stderr without a stack trace.
          expect(r.stdout).toBe('')
          expect(r.stderr).toContain(says)
          expect(r.stderr).not.toMatch(/\n\s+at /)
        }
      })
    }
  }

  for (const [label, args, says] of moreCheckCases) {
    it(`${label} (--json)`, async () => {
      const r = await odcheck([...args(), '--json'])
      expect(r.code).toBe(2)
      expect(errorJson(r).message).toContain(says)
    })
  }

  it('keeps the suggestion in the JSON error object', async () => {
    const r = await odcheck(['check', table, '--rule', 'no-such-rule=error', '--json'])
    expect(errorJson(r).suggestions).toEqual(['List the rules with: odcheck rules'])
  })

  it('prints a small error object for an unknown flag, not oclif\'s parser state', async () => {
    const r = await odcheck(['check', table, '--no-such-flag', '--json'])
    expect(r.code).toBe(2)
    expect(errorJson(r).message).toContain('Nonexistent flag: --no-such-flag')
    expect(r.stdout.length).toBeLessThan(1000)
  })

  it('still exits 1, not 2, when --json reports data that is not fit', async () => {
    const unfit = join(dir, 'unfit.csv')
    await writeFile(unfit, 'supplier,amount\nAcme Ltd,120.50\n,\n')
    const r = await odcheck(['check', unfit, '--json', '--only', 'blank-row'])
    expect(r.code).toBe(1)
    expect((JSON.parse(r.stdout) as {valid: boolean}).valid).toBe(false)
  })

  it('lets --rule ID=off outrank --only ID: the rule the user turned off does not fail the run', async () => {
    const unfit = join(dir, 'unfit-off.csv')
    await writeFile(unfit, 'supplier,amount\nAcme Ltd,120.50\n,\n')
    const r = await odcheck(['check', unfit, '--json', '--only', 'blank-row', '--only', 'missing-cell', '--rule', 'blank-row=off'])
    const report = JSON.parse(r.stdout) as {valid: boolean; findings: Array<{rule: string}>}
    expect(report.findings.map((f) => f.rule)).not.toContain('blank-row')
    expect(report.valid).toBe(true)
    expect(r.code).toBe(0)
  })
})

const otherCases: Array<[command: string, ...Case]> = [
  ['stars', 'a path that does not exist', () => ['stars', join(dir, 'missing.csv')], 'missing.csv does not exist'],
  ['stars', 'an unknown rule in --rule', () => ['stars', table, '--rule', 'no-such-rule=error'], 'Unknown rule "no-such-rule" in --rule'],
  ['stars', 'a --min-stars value out of range', () => ['stars', table, '--min-stars', '9'], 'Parsing --min-stars'],
  ['certificate', 'a path that does not exist', () => ['certificate', join(dir, 'missing.csv')], 'missing.csv does not exist'],
  ['certificate', 'a bad --min-level value', () => ['certificate', table, '--min-level', 'bogus'], '--min-level bogus is not a certificate level'],
  ['certificate', 'an answers file that is not a map', () => ['certificate', table, '--answers', join(dir, 'not-a-map.yaml')], 'expected a map of question id'],
  ['rules', 'a config file that does not exist', () => ['rules', '--config', join(dir, 'missing.yaml')], 'missing.yaml does not exist'],
  ['rules', 'an unknown flag', () => ['rules', '--no-such-flag'], 'Nonexistent flag: --no-such-flag'],
  ['rules', 'a rule set no rule is in', () => ['rules', '--set', 'no-such-set'], 'No rule set is named "no-such-set" (--set)'],
  ['rules', 'a tag no rule has', () => ['rules', '--tag', 'structur'], 'No rule has the tag "#structur" (--tag)'],
  ['rules show', 'an unknown rule id', () => ['rules', 'show', 'no-such-rule'], 'No rule has the id "no-such-rule"'],
  ['init', 'a path that does not exist', () => ['init', join(dir, 'missing')], 'missing does not exist'],
  ['init', 'an unknown flag', () => ['init', dir, '--no-such-flag'], 'Nonexistent flag: --no-such-flag'],
]

describe('stars, certificate, rules and init exit 2 on a usage error, with and without --json', () => {
  for (const [command, label, args, says] of otherCases) {
    it(`${command}: ${label}`, async () => {
      const plain = await odcheck(args())
      expect(plain.code).toBe(2)
      expect(plain.stdout).toBe('')
      expect(plain.stderr).toContain(says)

      const json = await odcheck([...args(), '--json'])
      expect(json.code).toBe(2)
      expect(errorJson(json).message).toContain(says)
    })
  }

  for (const command of ['stars', 'certificate']) {
    it(`${command}: a path that does not exist with --format json`, async () => {
      const r = await odcheck([command, join(dir, 'missing.csv'), '--format', 'json'])
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain('missing.csv does not exist')
    })
  }

  it('gives the docs reference of a usage error on stderr and in the JSON object', async () => {
    const args = ['certificate', table, '--answers', join(dir, 'not-a-map.yaml')]
    const plain = await odcheck(args)
    expect(plain.stderr).toContain('Reference: https://github.com/odcheck/odcheck/blob/main/docs/certificate.md#answers-file')
    const json = await odcheck([...args, '--json'])
    expect(errorJson(json).ref).toBe('https://github.com/odcheck/odcheck/blob/main/docs/certificate.md#answers-file')
  })
})

/** `odcheck rules` and `odcheck rules show ID`, run as a user would. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {oneLine} from '../config/helpers.js'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const pluginDir = join(fixturesDir, 'config', 'plugin')
const project = join(fixturesDir, 'config', 'discovery', 'project')

interface Listing {
  id: string
  set: string
  severity: string
  defaultSeverity: string
  tags: string[]
  description: string
  docs: string
}

async function listJson(args: string[], cwd = repoRoot) {
  const r = await odcheck(['rules', '--json', ...args], {cwd})
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as {config: string | null; rules: Listing[]}
}

describe('odcheck rules', {timeout: 60_000}, () => {
  it('fits a terminal of COLUMNS characters: a rule per block, its description wrapped and its docs below', async () => {
    const r = await odcheck(['rules'], {env: {COLUMNS: '100'}})
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100)
    const at = lines.findIndex((l) => l.startsWith('source-error '))
    expect(lines[at]).toMatch(/^source-error +core +error +#structure$/)
    expect(lines[at + 1]).toMatch(/^ {4}The table cannot be read at all/)
    expect(lines[0]).toMatch(/^ID +SET +SEVERITY +TAGS$/)
    expect(lines[at + 2]).toMatch(/^ {4}\S+docs\/rules\/source-error\.md$/)
  })

  it('lists built-in rules with set, severity, tags and a docs link', async () => {
    const r = await odcheck(['rules'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+SET\s+SEVERITY\s+TAGS\s+DESCRIPTION\s+DOCS$/)
    const line = r.stdout.split('\n').find((l) => l.startsWith('blank-row '))
    expect(line).toMatch(/^blank-row\s+core\s+error\s+#structure\s+A row has no values at all\.\s+https:\/\/\S+blank-row/)
    expect(r.stdout).toContain('no config file: default severities')
  })

  it('gives the same as data with --json', async () => {
    const {config, rules} = await listJson([])
    expect(config).toBeNull()
    expect(rules.find((r) => r.id === 'blank-row')).toMatchObject({set: 'core', severity: 'error', defaultSeverity: 'error', tags: ['#structure']})
    expect(rules.every((r) => /^https?:\/\//.test(r.docs))).toBe(true)
  })

  it('shows the severities of the config found from the working directory', async () => {
    const {config, rules} = await listJson([], project)
    expect(config).toBe('.odcheck.yaml')
    expect(rules.find((r) => r.id === 'blank-row')).toMatchObject({severity: 'warning', defaultSeverity: 'error'})
  })

  it('includes a plugin\'s rules with --config, on or off as the config says', async () => {
    const {rules} = await listJson(['--config', join(pluginDir, '.odcheck.yaml')])
    expect(rules.find((r) => r.id === 'too-many-rows')).toMatchObject({set: 'row-limits', severity: 'warning', defaultSeverity: 'error'})
    expect(rules.find((r) => r.id === 'too-many-rows-strict')).toMatchObject({set: 'row-limits-strict', severity: 'off', defaultSeverity: 'warning'})
    const text = await odcheck(['rules', '--config', join(pluginDir, '.odcheck.yaml'), '--set', 'row-limits'])
    expect(text.stdout).toMatch(/^too-many-rows\s+row-limits\s+warning \(default error\)/m)
    expect(text.stdout).not.toContain('blank-row')
  })

  it('filters by tag', async () => {
    const {rules} = await listJson(['--tag', '#structure'])
    expect(rules.length).toBeGreaterThan(0)
    expect(rules.every((r) => r.tags.includes('#structure'))).toBe(true)
  })

  it('exits 2 for a bad config, as check does', async () => {
    const r = await odcheck(['rules', '--config', join(fixturesDir, 'config', 'invalid', 'unknown-rule.yaml')])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('unknown rule "blnk-row"')
  })
})

describe('odcheck rules show', {timeout: 60_000}, () => {
  it('shows the full definition with the check\'s options schema and messages', async () => {
    const r = await odcheck(['rules', 'show', 'blank-row', '--json'])
    expect(r.code).toBe(0)
    const rule = JSON.parse(r.stdout)
    expect(rule).toMatchObject({id: 'blank-row', set: 'core', check: 'blank-row', severity: 'error', options: {}})
    expect(rule.optionsSchema).toMatchObject({type: 'object'})
    expect(typeof rule.messages.default).toBe('string')
  })

  it('shows a plugin rule\'s options schema and the options the config sets', async () => {
    const r = await odcheck(['rules', 'show', 'too-many-rows', '--json', '--config', join(pluginDir, '.odcheck.yaml')])
    expect(r.code).toBe(0)
    const rule = JSON.parse(r.stdout)
    expect(rule.optionsSchema.properties.max).toMatchObject({type: 'integer'})
    expect(rule.options).toEqual({max: 1000})
    expect(rule.configuredOptions).toEqual({max: 3})
    const text = await odcheck(['rules', 'show', 'too-many-rows', '--config', join(pluginDir, '.odcheck.yaml')])
    expect(text.stdout).toContain('severity  warning (default error, set by')
    expect(text.stdout).toContain('options schema (JSON Schema):')
    expect(text.stdout).toContain('"max"')
  })

  it('exits 2 for an unknown id, suggesting the one meant', async () => {
    const r = await odcheck(['rules', 'show', 'blnk-row'])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('No rule has the id "blnk-row"')
    expect(oneLine(r.stderr)).toContain('Did you mean "blank-row"?')
  })
})

import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFinished} from 'vitest'
import {UsageError} from '../../src/engine/errors.js'
import {check, configFixtures, loadFrom} from './helpers.js'

const dir = join(configFixtures, 'extends')

describe('extends', () => {
  it('merges left to right, then the file\'s own rules win', async () => {
    const {outcomes} = await check(dir, ['table.csv'])
    const table = outcomes['table.csv']
    // core: all error; strict.yaml: missing-cell off; relaxed.yaml (later): blank-row warning; own: extra-cell info.
    expect(table['blank-row']).toEqual(['warning', 1])
    expect(table['extra-cell']).toEqual(['info', 1])
    expect(table['missing-cell']).toBeUndefined()
    expect(table['duplicate-label']).toEqual(['error', 0])
  })

  it('lets the later entry win when the order is reversed', async () => {
    const {outcomes} = await check(dir, ['table.csv'], {configFile: 'reversed.yaml'})
    expect(outcomes['table.csv']['blank-row']).toEqual(['error', 1])
    expect(outcomes['table.csv']['extra-cell']).toEqual(['error', 1])
  })

  it('lists the files read, each after those it extends', async () => {
    const config = await loadFrom(dir)
    expect(config.files).toEqual([join(dir, 'strict.yaml'), join(dir, 'relaxed.yaml'), join(dir, '.odcheck.yaml')])
  })

  it('adds a local rule set\'s rules to the catalog and turns only those on', async () => {
    const config = await loadFrom(dir, {configFile: 'with-set.yaml'})
    expect(config.catalog.find((r) => r.id === 'blank-row-strict')?.set).toBe('local-checks')
    expect(config.rules['blank-row-strict'].severity).toBe('warning')
    // extends given without odcheck:recommended: built-in rules are known but off.
    expect(config.rules['blank-row'].severity).toBe('off')
    const {outcomes} = await check(dir, ['table.csv'], {configFile: 'with-set.yaml'})
    expect(Object.keys(outcomes['table.csv'])).toEqual(['blank-row-strict'])
    expect(outcomes['table.csv']['blank-row-strict']).toEqual(['warning', 1])
  })

  it('starts from odcheck:recommended when the chain extends only configs, as each of them alone would', async () => {
    const config = await loadFrom(dir, {configFile: 'team.yaml'})
    const recommended = await loadFrom(dir, {configFile: 'relaxed.yaml'})
    expect(config.rules).toEqual(recommended.rules)
    const {outcomes} = await check(dir, ['table.csv'], {configFile: 'team.yaml'})
    expect(outcomes['table.csv']['blank-row']).toEqual(['warning', 1])
    expect(outcomes['table.csv']['extra-cell']).toEqual(['error', 1])
  })

  it('starts from nothing when a config of the chain writes extends: []', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'odcheck-empty-'))
    onTestFinished(() => rm(tmp, {recursive: true, force: true}))
    await writeFile(join(tmp, 'base.yaml'), 'extends: []\nrules:\n  blank-row: warning\n')
    await writeFile(join(tmp, '.odcheck.yaml'), 'extends: [./base.yaml]\n')
    const config = await loadFrom(tmp)
    expect(config.rules['blank-row'].severity).toBe('warning')
    expect(config.rules['extra-cell'].severity).toBe('off')
  })

  it('names every file of a cycle', async () => {
    const cycle = join(configFixtures, 'cycle')
    const error = await loadFrom(cycle).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toContain('a.yaml → b.yaml → a.yaml')
  })

  it('turns on every built-in rule with odcheck:all, off-by-default ones as warnings', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'odcheck-all-'))
    onTestFinished(() => rm(tmp, {recursive: true, force: true}))
    await writeFile(join(tmp, '.odcheck.yaml'), 'extends: [odcheck:all]\n')
    const config = await loadFrom(tmp)
    for (const rule of config.catalog) expect(config.rules[rule.id].severity).toBe(rule.severity === 'off' ? 'warning' : rule.severity)
  })

  describe('npm packages', () => {
    let project: string
    beforeAll(async () => {
      project = await mkdtemp(join(tmpdir(), 'odcheck-npm-'))
      const js = join(project, 'node_modules', '@council', 'odcheck-config')
      await mkdir(js, {recursive: true})
      await writeFile(join(js, 'package.json'), JSON.stringify({name: '@council/odcheck-config', type: 'module', exports: {'.': {import: './index.js'}}}))
      await writeFile(join(js, 'index.js'), "export default {extends: ['core'], rules: {'blank-row': 'info'}}\n")
      const yaml = join(project, 'node_modules', 'odcheck-config-yaml')
      await mkdir(yaml, {recursive: true})
      await writeFile(join(yaml, 'package.json'), JSON.stringify({name: 'odcheck-config-yaml', main: 'config.yaml'}))
      await writeFile(join(yaml, 'config.yaml'), 'rules:\n  extra-cell: warning\n')
      await writeFile(join(project, '.odcheck.yaml'), 'extends: ["@council/odcheck-config", odcheck-config-yaml]\n')
    })
    afterAll(() => rm(project, {recursive: true, force: true}))

    it('resolves packages from the config\'s folder: an ESM object and one pointing to YAML', async () => {
      const config = await loadFrom(project)
      expect(config.rules['blank-row'].severity).toBe('info')
      expect(config.rules['extra-cell'].severity).toBe('warning')
      expect(config.rules['missing-cell'].severity).toBe('error')
    })

    it('says what to do when a package is not installed', async () => {
      await writeFile(join(project, 'missing.yaml'), 'extends: ["@council/not-installed"]\n')
      const error = await loadFrom(project, {configFile: 'missing.yaml'}).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UsageError)
      expect((error as Error).message).toContain('missing.yaml: extends entry "@council/not-installed" cannot be found')
      expect((error as UsageError).suggestions.join(' ')).toContain('npm install --save-dev @council/not-installed')
    })
  })
})

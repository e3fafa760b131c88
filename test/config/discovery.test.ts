import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFinished} from 'vitest'
import {configSearchFolder, findConfigFile} from '../../src/engine/config.js'
import {UsageError} from '../../src/engine/errors.js'
import {check, configFixtures, loadFrom} from './helpers.js'

const project = join(configFixtures, 'discovery', 'project')

describe('config discovery', () => {
  it('finds the config in a folder above the dataset and applies it', async () => {
    const {config, outcomes} = await check(project, ['data/sub/counts.csv'])
    expect(config.configFile).toBe(join(project, '.odcheck.yaml'))
    expect(config.baseDir).toBe(project)
    expect(outcomes['data/sub/counts.csv']['blank-row']).toEqual(['warning', 1])
  })

  it('uses --config instead of searching', async () => {
    const other = join(configFixtures, 'extends', 'relaxed.yaml')
    const config = await loadFrom(project, {searchFrom: join(project, 'data', 'sub'), configFile: other})
    expect(config.configFile).toBe(other)
    expect(config.files).toEqual([other])
  })

  it('falls back to every built-in rule at its default severity when no config applies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-noconfig-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    await mkdir(join(dir, '.git'))
    const config = await loadFrom(dir)
    expect(config.configFile).toBeUndefined()
    expect(config.files).toEqual([])
    for (const rule of config.catalog) expect(config.rules[rule.id].severity).toBe(rule.severity)
  })

  it('refuses paths that would each find a different config, naming both, rather than applying the first to all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-twoconfigs-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    await mkdir(join(dir, '.git'))
    for (const [folder, severity] of [['m1', 'error'], ['m2', 'off']]) {
      await mkdir(join(dir, folder))
      await writeFile(join(dir, folder, '.odcheck.yaml'), `rules:\n  cell-whitespace: ${severity}\n`)
    }
    await mkdir(join(dir, 'plain'))
    const error = await configSearchFolder(dir, ['m1', 'm2']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toContain(`m1 and m2 have different configs: m1 (${join('m1', '.odcheck.yaml')}), m2 (${join('m2', '.odcheck.yaml')})`)
    const none = await configSearchFolder(dir, ['m1', 'plain']).catch((e: unknown) => e)
    expect((none as Error).message).toContain("plain (no config: odcheck's defaults)")
    // Paths under one config are one run, whatever their order.
    await writeFile(join(dir, 'm1', 'a.csv'), 'x\n1\n')
    expect(await configSearchFolder(dir, ['m1/a.csv', 'm1'])).toBe(join(dir, 'm1'))
  })

  describe('in a temporary project', () => {
    let root: string
    afterAll(() => rm(root, {recursive: true, force: true}))
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'odcheck-discovery-'))
      // outer/.odcheck.yaml sits above the repository and must not leak into it.
      await mkdir(join(root, 'outer', 'repo', '.git'), {recursive: true})
      await mkdir(join(root, 'outer', 'repo', 'data'), {recursive: true})
      await writeFile(join(root, 'outer', '.odcheck.yaml'), 'rules:\n  blank-row: off\n')
      await mkdir(join(root, 'both'))
      await writeFile(join(root, 'both', '.odcheck.json'), '{"rules": {"blank-row": "info"}}')
      await writeFile(join(root, 'both', '.odcheck.yaml'), 'rules:\n  blank-row: warning\n')
      await mkdir(join(root, 'json'))
      await writeFile(join(root, 'json', '.odcheck.json'), '{"rules": {"blank-row": ["info", {}]}, "maxFindingsPerRule": 7}')
    })

    it('stops at the folder holding .git', () => {
      expect(findConfigFile(join(root, 'outer', 'repo', 'data'))).toBeUndefined()
      expect(findConfigFile(join(root, 'outer'))).toBe(join(root, 'outer', '.odcheck.yaml'))
    })

    it('prefers .odcheck.yaml over .odcheck.json in the same folder', () => {
      expect(findConfigFile(join(root, 'both'))).toBe(join(root, 'both', '.odcheck.yaml'))
    })

    it('reads .odcheck.json and its settings', async () => {
      const config = await loadFrom(join(root, 'json'))
      expect(config.rules['blank-row'].severity).toBe('info')
      expect(config.maxFindingsPerRule).toBe(7)
    })
  })
})

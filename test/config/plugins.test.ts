import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {CheckRegistry} from '../../src/engine/registry.js'
import {check, configFixtures, loadFrom} from './helpers.js'

const dir = join(configFixtures, 'plugin')
const pluginUrl = pathToFileURL(join(dir, 'odcheck-plugin', 'index.js')).href

describe('a local plugin', () => {
  it('adds its check module for the engine and worker threads to import', async () => {
    const config = await loadFrom(dir)
    expect(config.checkModules).toContain(pluginUrl)
    // Workers rebuild the registry from these URLs alone.
    const registry = await CheckRegistry.load(config.checkModules)
    expect(registry.get('too-many-rows-check')).toBeDefined()
    expect(registry.get('blank-row')).toBeDefined()
  })

  it('makes its rule sets known; only the extended one is on', async () => {
    const config = await loadFrom(dir)
    const byId = new Map(config.catalog.map((r) => [r.id, r]))
    expect(byId.get('too-many-rows')?.set).toBe('row-limits')
    expect(byId.get('too-many-rows-strict')?.set).toBe('row-limits-strict')
    expect(config.rules['too-many-rows']).toEqual({severity: 'warning', options: {max: 3}})
    expect(config.rules['too-many-rows-strict'].severity).toBe('off')
  })

  it('runs the plugin check with the options the config gives', async () => {
    const {result, outcomes} = await check(dir, ['table.csv'])
    expect(outcomes['table.csv']['too-many-rows']).toEqual(['warning', 1])
    expect(outcomes['table.csv']['too-many-rows-strict']).toBeUndefined()
    const finding = result.tables[0].findings.find((f) => f.rule === 'too-many-rows')
    expect(finding?.details).toEqual({rows: 5, max: 3})
  })
})

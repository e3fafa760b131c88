import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {check, configFixtures} from './helpers.js'

describe('overrides', () => {
  const dir = join(configFixtures, 'overrides')

  it('applies rule settings by glob relative to the config, later entries winning', async () => {
    const {outcomes} = await check(dir, ['.'])
    expect(outcomes['current.csv']['blank-row']).toEqual(['error', 1])
    expect(outcomes['legacy/old.csv']['blank-row']).toBeUndefined()
    expect(outcomes['legacy/keep-2019.csv']['blank-row']).toEqual(['warning', 1])
  })

  it('matches globs relative to the config even when run from a subfolder', async () => {
    const {outcomes} = await check(join(dir, 'legacy'), ['.'])
    expect(outcomes['old.csv']['blank-row']).toBeUndefined()
    expect(outcomes['keep-2019.csv']['blank-row']).toEqual(['warning', 1])
  })
})

describe('ignore', () => {
  const dir = join(configFixtures, 'ignore')

  it('skips matching tables when a folder is scanned', async () => {
    const {result} = await check(dir, ['.'])
    expect(result.resources.map((r) => r.name)).toEqual(['published.csv'])
  })

  it('still checks an ignored file named on the command line', async () => {
    const {result} = await check(dir, ['drafts/wip.csv'])
    expect(result.resources.map((r) => r.name)).toEqual(['drafts/wip.csv'])
  })
})

describe('ignore everything', () => {
  it('is a usage error rather than an empty pass', async () => {
    const dir = join(configFixtures, 'ignore')
    await expect(check(dir, ['drafts'])).rejects.toThrow(/Every table found matches the config's ignore globs/)
  })
})

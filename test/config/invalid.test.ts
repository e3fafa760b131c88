/** A bad config stops the run with exit 2 and a message naming the file, the key and the line. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {configFixtures, oneLine as text} from './helpers.js'

const cwd = join(configFixtures, 'invalid')


async function checkWith(config: string) {
  const r = await odcheck(['check', 'table.csv', '--config', config], {cwd})
  return {...r, message: text(r.stderr)}
}

describe('invalid config via the CLI', {timeout: 60_000}, () => {
  it('names file and key for a bad severity', async () => {
    const r = await checkWith('bad-severity.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('bad-severity.yaml: rules.blank-row: must be one of off, info, warning, error (line 3)')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses numeric severities in JSON configs too', async () => {
    const r = await checkWith('bad-severity.json')
    expect(r.code).toBe(2)
    expect(r.message).toContain('bad-severity.json: rules.blank-row: must be one of off, info, warning, error')
  })

  it('suggests the key meant for an unknown top-level key', async () => {
    const r = await checkWith('unknown-key.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('unknown-key.yaml: rule: is not a known setting; did you mean "rules"? (line 2)')
  })

  it('suggests the rule meant for an unknown rule id', async () => {
    const r = await checkWith('unknown-rule.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('unknown-rule.yaml: rules.blnk-row: unknown rule "blnk-row"; did you mean "blank-row"? (line 3)')
  })

  it('suggests the rule set meant for an unknown extends entry', async () => {
    const r = await checkWith('unknown-extends.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('unknown-extends.yaml: extends "cor" names no rule set')
    expect(r.message).toContain('Did you mean "core"?')
  })

  it('gives the line of a YAML syntax error', async () => {
    const r = await checkWith('bad-yaml.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toMatch(/bad-yaml\.yaml is not valid YAML: .* at line 3, column 3/)
  })

  it('validates rule options against the check\'s schema, naming the option', async () => {
    const r = await checkWith('bad-options.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('bad-options.yaml: rules.too-many-rows[1].maxx: is not a known option of check "too-many-rows-check"; did you mean "max"? (line 3)')
  })

  it('names a missing required key in an override', async () => {
    const r = await checkWith('bad-override.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('bad-override.yaml: overrides[0].files: is required (line 2)')
  })

  it('names a --config file that does not exist', async () => {
    const r = await checkWith('nowhere.yaml')
    expect(r.code).toBe(2)
    expect(r.message).toContain('Config file nowhere.yaml does not exist')
  })

  it('names the cycle when configs extend each other', async () => {
    const r = await odcheck(['check', 'table.csv'], {cwd: join(configFixtures, 'cycle')})
    expect(r.code).toBe(2)
    expect(text(r.stderr)).toContain('a.yaml → b.yaml → a.yaml')
  })
})

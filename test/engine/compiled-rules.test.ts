/**
 * The build compiles rules/*.yaml with each rule's options validated and filled
 * (scripts/compile-rules.mjs), so that a start does not parse YAML or compile option schemas.
 * A run must not tell the difference: same rules, same options, and options a config changes
 * still validated.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {checks} from '../../src/checks/index.js'
import {UsageError} from '../../src/engine/errors.js'
import {validateRuleOptions} from '../../src/engine/options.js'
import {CheckRegistry} from '../../src/engine/registry.js'
import {builtInRuleSets, compiledRulesFile, parseRuleSets, ruleSources, rulesFingerprint, type CompiledRules} from '../../src/engine/rule-sets.js'
import {selectRules} from '../../src/engine/select.js'
import type {RuleDefinition} from '../../src/engine/types.js'

const registry = new CheckRegistry()
for (const check of checks) registry.add(check, 'built-in')

function active(sets: Map<string, RuleDefinition[]>) {
  return validateRuleOptions(selectRules([...sets.values()].flat(), []), registry)
}

describe('compiled rule sets', () => {
  it('are those of the YAML files as they are now, with the options the engine gives each rule', () => {
    const compiled = JSON.parse(readFileSync(compiledRulesFile, 'utf8')) as CompiledRules
    const sources = ruleSources()
    expect(compiled.fingerprint).toBe(rulesFingerprint(sources.files, sources.texts))
    const fromYaml = parseRuleSets(sources)
    expect(Object.keys(compiled.sets)).toEqual([...fromYaml.keys()])
    expect(active(builtInRuleSets())).toEqual(active(fromYaml))
  })

  it('are not used once a rule file changes', () => {
    const {files, texts} = ruleSources()
    const edited = texts.map((text, i) => (i === 0 ? text.replace('severity: error', 'severity: warning') : text))
    expect(edited[0]).not.toBe(texts[0])
    expect(rulesFingerprint(files, edited)).not.toBe(rulesFingerprint(files, texts))
  })

  it('still have options a config changes validated', () => {
    const catalog = [...builtInRuleSets().values()].flat()
    const rules = selectRules(catalog, [{'totals-row': {options: {labels: 'Total'}}}])
    expect(() => validateRuleOptions(rules, registry)).toThrow(UsageError)
    expect(() => validateRuleOptions(rules, registry)).toThrow(/totals-row.*labels.*must be array/s)
  })
})

// Compiles the built-in rule sets after a build (see `compiledRulesFile` in src/engine/rule-sets.ts):
// each rules/*.yaml parsed and checked against the rule-set schema, and each rule's options
// validated against its check's options schema with the defaults filled in, as the engine would
// at every start. The engine uses the result only while the YAML files are unchanged, and
// only for options no config has changed. A rule with invalid options fails the build here.
import {rename, writeFile} from 'node:fs/promises'
import {compiledRulesFile, parseRuleSets, ruleSources, rulesFingerprint} from '../dist/engine/rule-sets.js'
import {schemaHash, validateRuleOptions} from '../dist/engine/options.js'
import {CheckRegistry} from '../dist/engine/registry.js'

const registry = await CheckRegistry.load([new URL('../dist/checks/index.js', import.meta.url).href])
const sources = ruleSources()
const sets = {}
const schemas = {}
for (const [name, rules] of parseRuleSets(sources)) {
  sets[name] = rules.map((rule) => {
    const [checked] = validateRuleOptions([{id: rule.id, severity: rule.severity, check: rule.check, options: rule.options}], registry)
    schemas[rule.check] = schemaHash(registry.get(rule.check).optionsSchema)
    return {...rule, options: checked.options}
  })
}
const compiled = {fingerprint: rulesFingerprint(sources.files, sources.texts), sets, schemas}
const temporary = `${compiledRulesFile}.${process.pid}.tmp`
await writeFile(temporary, JSON.stringify(compiled))
await rename(temporary, compiledRulesFile)

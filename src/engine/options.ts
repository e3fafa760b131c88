/** Validates each rule's options against its check's JSON Schema, filling defaults, before the run. */
import type {ValidateFunction} from 'ajv'
import {ajv, describeErrors} from './schema-validator.js'
import {UsageError} from './errors.js'
import type {CheckRegistry} from './registry.js'
import type {ActiveRule} from './types.js'

const compiled = new WeakMap<object, ValidateFunction>()

export function validateRuleOptions(rules: ActiveRule[], registry: CheckRegistry): ActiveRule[] {
  return rules.map((rule) => {
    const check = registry.get(rule.check)
    if (!check) {
      throw new UsageError(`Rule ${rule.id} uses check "${rule.check}", which no loaded module provides.`, [
        `Known checks: ${registry.names().join(', ')}`,
        'If the check comes from a plugin, list the plugin under "plugins" in your config.',
      ])
    }
    let validate = compiled.get(check.optionsSchema)
    if (!validate) {
      validate = ajv.compile(check.optionsSchema)
      compiled.set(check.optionsSchema, validate)
    }
    const options = structuredClone(rule.options)
    if (!validate(options)) {
      throw new UsageError(`Options of rule ${rule.id} are invalid:\n  ${describeErrors(validate.errors, 'options').join('\n  ')}`)
    }
    return {...rule, options}
  })
}

/** Validates each rule's options against its check's JSON Schema, filling defaults, before the run. */
import {createHash} from 'node:crypto'
import type {ValidateFunction} from 'ajv'
import {describeErrors, engineAjv} from './schema-validator.js'
import {UsageError} from './errors.js'
import type {CheckRegistry} from './registry.js'
import type {ActiveRule} from './types.js'

const compiled = new WeakMap<object, ValidateFunction>()
const hashes = new WeakMap<object, string>()
/** Options objects already validated, with their defaults, against the schema of this hash (built-in rules, at build time). */
const validated = new WeakMap<object, string>()

/** Identifies an options schema: options validated against it at build time need no validation while it is the same. */
export function schemaHash(schema: object): string {
  let hash = hashes.get(schema)
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex')
    hashes.set(schema, hash)
  }
  return hash
}

export function markValidated(options: object, hash: string | undefined): void {
  if (hash !== undefined) validated.set(options, hash)
}

export function validateRuleOptions(rules: ActiveRule[], registry: CheckRegistry): ActiveRule[] {
  return rules.map((rule) => {
    const check = registry.get(rule.check)
    if (!check) {
      throw new UsageError(`Rule ${rule.id} uses check "${rule.check}", which no loaded module provides.`, [
        `Known checks: ${registry.names().join(', ')}`,
        'If the check comes from a plugin, list the plugin under "plugins" in your config.',
      ])
    }
    // A built-in rule's own options, checked when odcheck was built against this same schema.
    if (validated.get(rule.options) === schemaHash(check.optionsSchema)) return {...rule, options: structuredClone(rule.options)}
    let validate = compiled.get(check.optionsSchema)
    if (!validate) {
      validate = engineAjv().compile(check.optionsSchema)
      compiled.set(check.optionsSchema, validate)
    }
    const options = structuredClone(rule.options)
    if (!validate(options)) {
      throw new UsageError(`Options of rule ${rule.id} are invalid:\n  ${describeErrors(validate.errors, 'options').join('\n  ')}`)
    }
    return {...rule, options}
  })
}

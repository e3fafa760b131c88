/** The rules `odcheck rules` lists: every known rule, with the severity the config in force gives it. */
import {Flags} from '@oclif/core'
import {loadConfig} from '../../engine/config.js'
import type {ResolvedConfig} from '../../engine/config-types.js'
import {displayPath} from '../../engine/config/display.js'
import {selectRules} from '../../engine/select.js'
import type {RuleDefinition, Severity} from '../../engine/types.js'
import {ruleDocsUrl} from '../../report/formatters/rule-docs.js'
import {builtInChecksUrl} from '../../engine/built-in-checks.js'

export const configFlag = Flags.string({char: 'c', description: 'config file whose severities to show (default: the one found from the working directory upwards)'})

export interface RuleListing {
  id: string
  set: string
  /** As the config in force sets it (`off` when no extended set turns it on). */
  severity: Severity
  defaultSeverity: Severity
  tags: string[]
  description: string
  docs: string
  deprecated?: RuleDefinition['deprecated']
}

export interface RuleCatalog {
  config: ResolvedConfig
  /** How to name the config in force, if any. */
  configLabel?: string
  rules: RuleListing[]
}

export async function loadRuleCatalog(cwd: string, configFile?: string): Promise<RuleCatalog> {
  const config = await loadConfig({cwd, searchFrom: cwd, configFile, builtInChecks: builtInChecksUrl})
  const active = new Map(selectRules(config.catalog, [config.rules]).map((r) => [r.id, r.severity]))
  const rules: RuleListing[] = config.catalog.map((rule) => ({
    id: rule.id,
    set: rule.set,
    severity: active.get(rule.id) ?? 'off',
    defaultSeverity: rule.severity,
    tags: rule.tags,
    description: rule.description,
    docs: ruleDocsUrl(rule.docs),
    ...(rule.deprecated ? {deprecated: rule.deprecated} : {}),
  }))
  return {config, rules, ...(config.configFile ? {configLabel: displayPath(config.configFile, cwd)} : {})}
}

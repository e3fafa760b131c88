/** Decides which rules run on a resource, at what severity and with which options. */
import type {ActiveRule, RuleDefinition, Severity} from './types.js'

export interface RuleSetting {
  severity?: Severity
  options?: Record<string, unknown>
}

export interface RuleFilters {
  /** Rule ids or `#tags`; when present, only these run. */
  only?: string[]
  /** Rule ids or `#tags` that never run. */
  skip?: string[]
  /** Settings given on the command line (`--rule`): one of these turning a rule off outranks `only` naming it. */
  ruleSettings?: Record<string, RuleSetting>
}

export function matchesSelector(rule: RuleDefinition, selector: string): boolean {
  return selector.startsWith('#') ? rule.tags.includes(selector) : rule.id === selector
}

/**
 * @param catalog every known rule
 * @param layers settings applied in order, later wins (config rules, overrides, CLI `--rule`)
 */
export function selectRules(catalog: RuleDefinition[], layers: Array<Record<string, RuleSetting>>, filters: RuleFilters = {}): ActiveRule[] {
  const active: ActiveRule[] = []
  for (const rule of catalog) {
    if (filters.only?.length && !filters.only.some((s) => matchesSelector(rule, s))) continue
    if (filters.skip?.some((s) => matchesSelector(rule, s))) continue
    let severity: Severity = rule.severity
    let options = rule.options
    for (const layer of layers) {
      const setting = layer[rule.id]
      if (!setting) continue
      if (setting.severity) severity = setting.severity
      if (setting.options) options = {...options, ...setting.options}
    }
    // Naming a rule in --only turns it on even where its default or the config turns it off, but not against --rule ID=off.
    if (severity === 'off' && filters.only?.includes(rule.id) && filters.ruleSettings?.[rule.id]?.severity !== 'off') severity = rule.severity === 'off' ? 'warning' : rule.severity
    if (severity === 'off') continue
    active.push({id: rule.id, severity, check: rule.check, options})
  }
  return active
}

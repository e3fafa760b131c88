import {Args} from '@oclif/core'
import {stringify} from 'yaml'
import {didYouMean} from '../../engine/config/suggest.js'
import {UsageError} from '../../engine/errors.js'
import {CheckRegistry} from '../../engine/registry.js'
import type {RuleEvidence} from '../../engine/types.js'
import {BaseCommand} from '../base.js'
import {configFlag, loadRuleCatalog, type RuleListing} from './_catalog.js'

export interface RuleDetails extends RuleListing {
  check: string
  /** The rule's own options (before a config's). */
  options: Record<string, unknown>
  /** Options the config in force sets, merged over the rule's. */
  configuredOptions?: Record<string, unknown>
  evidence?: RuleEvidence
  /** JSON Schema of the check's options; null when no loaded module provides the check. */
  optionsSchema: Record<string, unknown> | null
  messages: Record<string, string>
}

function indent(text: string, by = '    '): string {
  return text.trimEnd().split('\n').map((line) => by + line).join('\n')
}

export default class RulesShow extends BaseCommand {
  static summary = 'Show one rule in full: description, severity, evidence, its check and the options it takes.'
  static examples = ['<%= config.bin %> rules show blank-row', '<%= config.bin %> rules show blank-row --json']
  static enableJsonFlag = true

  static args = {
    id: Args.string({description: 'rule id', required: true}),
  }

  static flags = {config: configFlag}

  async run(): Promise<RuleDetails> {
    const {args, flags} = await this.parse(RulesShow)
    const catalog = await loadRuleCatalog(process.cwd(), flags.config)
    const listing = catalog.rules.find((r) => r.id === args.id)
    if (!listing) {
      throw new UsageError(`No rule has the id "${args.id}".`, [...didYouMean(args.id, catalog.rules.map((r) => r.id)), 'List the rules with: odcheck rules'])
    }
    const rule = catalog.config.catalog.find((r) => r.id === args.id)!
    const registry = await CheckRegistry.load(catalog.config.checkModules)
    const check = registry.get(rule.check)
    const configured = catalog.config.rules[rule.id]?.options
    const details: RuleDetails = {
      ...listing,
      check: rule.check,
      options: rule.options,
      ...(configured ? {configuredOptions: {...rule.options, ...configured}} : {}),
      ...(rule.evidence ? {evidence: rule.evidence} : {}),
      optionsSchema: check?.optionsSchema ?? null,
      messages: check?.messages ?? {},
    }
    this.log(this.render(details, catalog.configLabel))
    return details
  }

  private render(rule: RuleDetails, configLabel?: string): string {
    const lines = [`${rule.id} (rule set ${rule.set})`, `  ${rule.description}`, '']
    const severity = rule.severity === rule.defaultSeverity ? rule.severity : `${rule.severity} (default ${rule.defaultSeverity}, set by ${configLabel})`
    lines.push(`  severity  ${severity}`, `  tags      ${rule.tags.join(' ') || '(none)'}`, `  docs      ${rule.docs}`)
    if (rule.deprecated) lines.push(`  deprecated${rule.deprecated.replacedBy ? `: use ${rule.deprecated.replacedBy} instead` : ''}`)
    if (rule.evidence) {
      const parts = [rule.evidence.questions?.length ? `ODI certificate questions ${rule.evidence.questions.join(', ')}` : '', rule.evidence.stars ? `${rule.evidence.stars}-star level` : '']
      lines.push(`  evidence  ${parts.filter(Boolean).join('; ')}`)
    }
    lines.push(`  check     ${rule.check}${rule.optionsSchema ? '' : ' (not provided by any loaded module)'}`)
    lines.push('', '  options:', indent(Object.keys(rule.options).length ? stringify(rule.options) : '(none)'))
    if (rule.configuredOptions) lines.push('', `  options as ${configLabel} sets them:`, indent(stringify(rule.configuredOptions)))
    if (rule.optionsSchema) lines.push('', '  options schema (JSON Schema):', indent(JSON.stringify(rule.optionsSchema, null, 2)))
    const messages = Object.entries(rule.messages)
    if (messages.length) lines.push('', '  messages:', ...messages.map(([id, text]) => `    ${id}: ${text}`))
    return lines.join('\n')
  }
}

import {Flags} from '@oclif/core'
import {UsageError} from '../../engine/errors.js'
import {BaseCommand} from '../base.js'
import {configFlag, loadRuleCatalog, type RuleListing} from './_catalog.js'

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd())
}

function severityCell(rule: RuleListing): string {
  return rule.severity === rule.defaultSeverity ? rule.severity : `${rule.severity} (default ${rule.defaultSeverity})`
}

export default class Rules extends BaseCommand {
  static summary = 'List the rules odcheck knows, with the severity your config gives each.'
  static description = `Lists built-in rules and those of plugins and rule sets your config loads. SEVERITY is what a check run would use (before overrides and --rule); "off" rules run only when a config, --rule or --only turns them on.
Show one rule in full with: odcheck rules show ID`

  static examples = ['<%= config.bin %> rules', '<%= config.bin %> rules --tag "#structure"', '<%= config.bin %> rules --config .odcheck.yaml --json']

  static enableJsonFlag = true

  static flags = {
    config: configFlag,
    set: Flags.string({description: 'list only the rules of this rule set'}),
    tag: Flags.string({description: 'list only the rules with this tag (e.g. "#structure")'}),
  }

  async run(): Promise<{config: string | null; rules: RuleListing[]}> {
    const {flags} = await this.parse(Rules)
    const catalog = await loadRuleCatalog(process.cwd(), flags.config)
    const tag = flags.tag && !flags.tag.startsWith('#') ? `#${flags.tag}` : flags.tag
    // A set or tag no rule has is a typo, not an empty answer.
    const sets = [...new Set(catalog.rules.map((r) => r.set))].sort()
    if (flags.set && !sets.includes(flags.set)) throw new UsageError(`No rule set is named "${flags.set}" (--set).`, [`Rule sets: ${sets.join(', ')}`])
    const tags = [...new Set(catalog.rules.flatMap((r) => r.tags))].sort()
    if (tag && !tags.includes(tag)) throw new UsageError(`No rule has the tag "${tag}" (--tag).`, [`Tags: ${tags.join(' ')}`])
    const rules = catalog.rules.filter((r) => (!flags.set || r.set === flags.set) && (!tag || r.tags.includes(tag)))
    if (rules.length === 0) {
      this.log('No rules match.')
    } else {
      const rows = [['ID', 'SET', 'SEVERITY', 'TAGS', 'DESCRIPTION', 'DOCS']]
      for (const rule of rules) {
        const description = rule.deprecated ? `(deprecated${rule.deprecated.replacedBy ? `: use ${rule.deprecated.replacedBy}` : ''}) ${rule.description}` : rule.description
        rows.push([rule.id, rule.set, severityCell(rule), rule.tags.join(' '), description, rule.docs])
      }
      this.log(table(rows).join('\n'))
      const on = rules.filter((r) => r.severity !== 'off').length
      this.log(`\n${rules.length} rule${rules.length === 1 ? '' : 's'}, ${on} on; ${catalog.configLabel ? `severities from ${catalog.configLabel}` : 'no config file: default severities'}.`)
    }
    return {config: catalog.configLabel ?? null, rules}
  }
}

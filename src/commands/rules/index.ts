import {Flags} from '@oclif/core'
import {UsageError} from '../../engine/errors.js'
import {BaseCommand} from '../base.js'
import {configFlag, loadRuleCatalog, type RuleListing} from './_catalog.js'

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd())
}

/** Words of `text` in lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/**
 * One line per rule when it fits the terminal (grep-friendly, and always when piped without
 * COLUMNS); else each rule's id, set, severity and tags on a line, its description and docs
 * indented below, wrapped to the width.
 */
export function ruleListing(rows: string[][], width: number | undefined): string[] {
  const lines = table(rows)
  if (!width || lines.every((l) => l.length <= width)) return lines
  const heads = table(rows.map((row) => row.slice(0, 4)))
  const out = [heads[0]]
  rows.slice(1).forEach((row, i) => {
    out.push(heads[i + 1], ...wrap(row[4], Math.max(20, width - 4)).map((l) => `    ${l}`), `    ${row[5]}`)
  })
  return out
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
      const width = process.stdout.isTTY ? process.stdout.columns : Number(process.env.COLUMNS) || undefined
      this.log(ruleListing(rows, width).join('\n'))
      const on = rules.filter((r) => r.severity !== 'off').length
      this.log(`\n${rules.length} rule${rules.length === 1 ? '' : 's'}, ${on} on; ${catalog.configLabel ? `severities from ${catalog.configLabel}` : 'no config file: default severities'}.`)
    }
    return {config: catalog.configLabel ?? null, rules}
  }
}

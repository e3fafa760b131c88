/**
 * Runs the dataset-level hooks of every active rule once all tables are checked. A finding about a
 * table from a rule that also ran on that table joins that table's findings and count.
 */
import type {DatasetMetadata} from '../metadata/model.js'
import type {MetadataLoad} from '../metadata/load-types.js'
import type {CheckedLink} from '../metadata/links.js'
import type {DatasetContext} from './check.js'
import {FindingCollector} from './collector.js'
import {formatMessage} from './message.js'
import type {CheckRegistry} from './registry.js'
import type {RuleOutcome, TableResult} from './run-table.js'
import type {ActiveRule, Finding, FindingInput} from './types.js'

export interface DatasetResult {
  /** What dataset-level findings are attributed to when they name no resource: the metadata file or the dataset folder. */
  resource: string
  findings: Finding[]
  outcomes: RuleOutcome[]
}

export function runDataset(
  resource: string,
  metadataSources: DatasetMetadata[],
  tables: TableResult[],
  rules: ActiveRule[],
  registry: CheckRegistry,
  maxFindingsPerRule: number,
  metadataLoad?: MetadataLoad,
  links?: CheckedLink[],
): DatasetResult {
  const context: DatasetContext = {
    metadata: metadataSources[0],
    metadataSources,
    metadataLoad,
    ...(links ? {links} : {}),
    rules,
    tables: tables.map((t) => ({
      resource: t.resource,
      path: t.path,
      ...(t.compression ? {compression: t.compression} : {}),
      head: t.head,
      stats: t.stats,
      findings: t.findings,
      counts: Object.fromEntries(t.outcomes.map((o) => [o.rule, o.count])),
    })),
  }
  const findings: Finding[] = []
  const outcomes: RuleOutcome[] = []
  for (const rule of rules) {
    const check = registry.get(rule.check)
    const hooks = check?.create(rule.options)
    if (!check || !hooks?.dataset) continue
    const collector = new FindingCollector(maxFindingsPerRule)
    hooks.dataset(context, (f) => collector.add(f))
    const {items, count} = collector.result()
    let moved = 0
    for (const item of items as Array<FindingInput & {resource?: string}>) {
      const template = check.messages[item.messageId ?? 'default'] ?? check.messages.default ?? rule.id
      const finding: Finding = {rule: rule.id, severity: rule.severity, message: formatMessage(template, item), resource: item.resource ?? resource}
      for (const key of ['rowNumber', 'fieldNumber', 'fieldName', 'line', 'details'] as const) {
        if (item[key] !== undefined) (finding as unknown as Record<string, unknown>)[key] = item[key]
      }
      // A rule that also ran on the table the finding is about counts it there (a foreign key into
      // another resource, a key repeated across the parts of a multipart resource).
      const table = item.resource === undefined ? undefined : tables.find((t) => t.resource === item.resource)
      const outcome = table?.outcomes.find((o) => o.rule === rule.id)
      if (table && outcome) {
        table.findings.push(finding)
        outcome.count++
        moved++
      } else findings.push(finding)
    }
    outcomes.push({rule: rule.id, severity: rule.severity, count: count - moved, truncated: count > items.length})
  }
  return {resource, findings, outcomes}
}

// What the in-memory benches share (per-rule.js, allocations.js, compare.js): a build's default
// rules, a table's rows read once into memory, and one timed pass of rules over those rows.
import {resolve} from 'node:path'
import {pathToFileURL} from 'node:url'

const importFrom = (dir, path) => import(pathToFileURL(resolve(dir, 'dist', path)).href)

/** The check registry, default rules (options validated; only those named in `only`, if given) and rowRunner of the odcheck checkout in `dir`, built. */
export async function defaultRulesOf(dir, only) {
  const [{CheckRegistry}, {builtInRuleSets}, {validateRuleOptions}, {selectRules}, {rowRunner}] = await Promise.all(
    ['engine/registry.js', 'engine/rule-sets.js', 'engine/options.js', 'engine/select.js', 'engine/chunk.js'].map((path) => importFrom(dir, path)),
  )
  const registry = await CheckRegistry.load([pathToFileURL(resolve(dir, 'dist', 'checks', 'index.js')).href])
  const rules = validateRuleOptions(selectRules([...builtInRuleSets().values()].flat(), []), registry).filter((r) => !only || only.includes(r.id))
  return {registry, rules, rowRunner}
}

/** A table's head and its data rows, read into memory by the build in `dir`. */
export async function rowsInMemory(dir, file) {
  const [{openTable}, {readRows}, {dataRange}] = await Promise.all(['table/open.js', 'table/rows.js', 'engine/run-table.js'].map((path) => importFrom(dir, path)))
  const {head} = await openTable(file, file)
  const rows = []
  await readRows(head, dataRange(head), (row) => rows.push(row), 100_000)
  return {head, rows}
}

// One timed pass of rules over rows already read, all in one runner as the engine runs them (value
// hooks share one grouping of the cells): CPU milliseconds, with the registry and rowRunner of the
// build measured.

/** @param {{registry: {get(name: string): any}, rules: Array<{check: string, options: unknown}>, rowRunner: Function}} build */
export function rulesCpuMs(build, head, rows) {
  const hooks = build.rules.map((rule) => build.registry.get(rule.check).create(rule.options))
  for (const h of hooks) h.header?.(head, () => {})
  const runner = build.rowRunner(head, hooks, 100)
  const start = process.cpuUsage()
  for (const row of rows) runner.onRow(row)
  runner.result({})
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

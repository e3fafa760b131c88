// One timed pass of rules over rows already read, all in one runner as the engine runs them (value
// hooks share one grouping of the cells): CPU milliseconds. Shared by per-rule.js and compare.js,
// which pass the registry and rowRunner of the build they measure.

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

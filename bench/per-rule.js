// Per-rule cost on one table: reads the rows once into memory, then times each default rule's row
// hooks over them on their own, so the rules that dominate a check stand out.
// Usage: npm run build && node bench/per-rule.js [FILE] [--rows N] [--only RULE,RULE]
import {fileURLToPath} from 'node:url'
import {generate} from './generate.js'
import {defaultRulesOf, rowsInMemory, rulesCpuMs} from './rules-cpu.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const rowsAt = args.indexOf('--rows')
const rowCount = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 200_000
let file = args.find((a, i) => !a.startsWith('--') && !['--rows', '--only'].includes(args[i - 1]))
if (!file) {
  file = new URL(`data/spend-${rowCount}.csv`, import.meta.url).pathname
  await generate(file, rowCount)
}

const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : undefined
const {registry, rules, rowRunner} = await defaultRulesOf(root, only)
const {head, rows} = await rowsInMemory(root, file)
console.log(`${file}: ${rows.length} rows, ${rules.length} default rules`)

const results = []
for (const rule of rules) {
  // The fastest of three runs: the first pays for compiling, and any run may pay for another's garbage.
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const hooks = registry.get(rule.check).create(rule.options)
    if (!hooks.row && !hooks.value) break
    hooks.header?.(head, () => {})
    const runner = rowRunner(head, [hooks], 100)
    const start = process.cpuUsage()
    for (const row of rows) runner.onRow(row)
    runner.result({})
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  if (best < Infinity) results.push({rule: rule.id, ms: best})
}
// All rules in one runner, as the engine runs them: value hooks share one grouping of the cells.
let together = Infinity
for (let run = 0; run < 3; run++) together = Math.min(together, rulesCpuMs({registry, rules, rowRunner}, head, rows))
results.sort((a, b) => b.ms - a.ms)
const total = results.reduce((sum, r) => sum + r.ms, 0)
for (const {rule, ms} of results) console.log(`${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${rule}`)
console.log(`${total.toFixed(0).padStart(7)} ms  sum of the above (${((total * 1e6) / rows.length).toFixed(0)} ns a row)`)
console.log(`${together.toFixed(0).padStart(7)} ms  all rules in one runner (${((together * 1e6) / rows.length).toFixed(0)} ns a row)`)

// Compares this build of odcheck with another (a second checkout, built), alternating them so that
// the machine's drift between minutes falls on both alike:
//   1. the CLI on the same file, each build in turn (`--rounds` times): min and median wall, CPU;
//   2. every default rule (or --only's) in one runner over rows read once, both builds in one
//      process: the checks' own CPU time, without reading or start-up.
// Usage: npm run build && node bench/compare.js --base ../odcheck-before [FILE] [--rounds 6] [--only RULE,RULE] [-- extra check args]
// Make the base with: git worktree add ../odcheck-before <commit> && cd ../odcheck-before && npm ci && npm run build
import {spawnSync} from 'node:child_process'
import {existsSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {defaultRulesOf, rowsInMemory, rulesCpuMs} from './rules-cpu.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const argv = process.argv.slice(2)
const dash = argv.indexOf('--')
const args = dash >= 0 ? argv.slice(0, dash) : argv
const extra = dash >= 0 ? argv.slice(dash + 1) : []
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const base = option('base')
if (!base || !existsSync(resolve(base, 'dist', 'engine', 'chunk.js'))) {
  console.error('Give --base: the folder of another odcheck checkout, built (npm run build).')
  process.exit(2)
}
const rounds = Number(option('rounds', 6))
const only = option('only')?.split(',')
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? resolve(root, 'bench', 'data', 'spend-1000000.csv')
const builds = {base: resolve(base), this: root}

// 1. The CLI, alternately.
const report = join(tmpdir(), `odcheck-compare-${process.pid}.json`)
const timings = {base: [], this: []}
for (let r = 0; r < rounds; r++) {
  for (const [name, dir] of Object.entries(builds)) {
    // A file, not /dev/null: an older build renamed its output over the path, device or not.
    const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, resolve(dir, 'bin', 'run.js'), 'check', file, '--format', `json=${report}`, '--force', ...extra], {encoding: 'utf8'})
    const [wall, user, sys, rss] = run.stderr.trim().split('\n').pop().split(' ').map(Number)
    timings[name].push({wall, cpu: user + sys, rss: rss / 1024})
  }
}
rmSync(report, {force: true})
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`CLI, ${rounds} rounds alternately: odcheck check ${file} ${extra.join(' ')}`)
for (const [name, runs] of Object.entries(timings)) {
  const wall = runs.map((t) => t.wall)
  const cpu = runs.map((t) => t.cpu)
  console.log(`  ${name.padEnd(5)} wall min ${Math.min(...wall).toFixed(2)} median ${median(wall).toFixed(2)} s, CPU median ${median(cpu).toFixed(2)} s, peak RSS median ${median(runs.map((t) => t.rss)).toFixed(0)} MB`)
}

// 2. The checks alone, both builds in this process, over rows read once.
const {head, rows} = await rowsInMemory(root, file)
const runners = {base: await defaultRulesOf(builds.base, only), this: await defaultRulesOf(builds.this, only)}
const best = {base: Infinity, this: Infinity}
for (let r = 0; r < Math.max(3, Math.ceil(rounds / 2)); r++) {
  for (const [name, build] of Object.entries(runners)) best[name] = Math.min(best[name], rulesCpuMs(build, head, rows))
}
console.log(`Checks alone (${runners.this.rules.length} rules in one runner, ${rows.length} rows read once), CPU ms, best run:`)
console.log(`  base ${best.base.toFixed(0)}, this ${best.this.toFixed(0)}: this/base ${(best.this / best.base).toFixed(2)}`)

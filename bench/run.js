/**
 * odcheck's benchmark: a deterministic council spend CSV, odcheck's full check against raw
 * parsers and csvkit's structure-only csvclean, each run as its own process, in the same run.
 *
 *   npm run bench                 1,000,000 rows (~120 MB)
 *   npm run bench -- --big        ~1 GB, to check that peak RSS stays within 200 MB
 *   ODCHECK_BENCH_BIG=1 npm run bench
 *
 * Options: --rows N, --jobs N (passed to odcheck), --runs N (repeat each timing, keep the
 * fastest), --only odcheck.
 */
import {loadavg, tmpdir, availableParallelism} from 'node:os'
import {join, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {rmSync, existsSync} from 'node:fs'
import {generate} from './generate.js'
import {best as fastest, hasGnuTime, measure} from './measure.js'
import {flag, fmt, lpad, option, pad, which} from './cli.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const big = flag('big') || process.env.ODCHECK_BENCH_BIG === '1'
const rows = Number(option('rows', big ? 8_400_000 : 1_000_000))
const runs = Number(option('runs', 1))
const jobs = option('jobs')
const onlyOdcheck = option('only') === 'odcheck'
const TARGET_RSS_MB = 200

const node = process.execPath
const odcheck = join(root, 'bin', 'run.js')
const data = join(here, 'data', `spend-${rows}.csv`)

const best = (command, argv, options) => fastest(command, argv, runs, options)

async function median(command, argv, times) {
  const walls = []
  for (let i = 0; i < times; i++) walls.push((await measure(command, argv)).wall)
  walls.sort((a, b) => a - b)
  return walls[Math.floor(times / 2)]
}

console.log(`odcheck benchmark: ${rows.toLocaleString('en-GB')} rows, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
if (!hasGnuTime) console.log('(/usr/bin/time not found: peak RSS is polled from /proc, CPU time is not measured; apt-get install time)')
const made = await generate(data, rows)
console.log(`${made.created ? 'generated' : 'using'} ${made.path} (${(made.bytes / 1e6).toFixed(0)} MB)\n`)

const report = join(tmpdir(), `odcheck-bench-${process.pid}.json`)
const results = []
const odcheckArgs = [odcheck, 'check', data, '--format', `json=${report}`, '--force', ...(jobs ? ['--jobs', jobs] : [])]
// Exit 1 means "findings at or above --fail-on": a normal outcome for the check.
results.push({name: `odcheck check${jobs ? ` --jobs ${jobs}` : ''}`, ...(await best(node, odcheckArgs, {okCodes: [0, 1]}))})
rmSync(report, {force: true})
if (!onlyOdcheck) {
  if (!jobs) {
    results.push({name: 'odcheck check --jobs 1', ...(await best(node, [...odcheckArgs, '--jobs', '1'], {okCodes: [0, 1]}))})
    rmSync(report, {force: true})
  }
  results.push({name: 'csv-parse (raw parse)', peer: true, ...(await best(node, [join(here, 'parse-csv-parse.js'), data]))})
  results.push({name: 'papaparse (raw parse)', peer: true, ...(await best(node, [join(here, 'parse-papaparse.js'), data]))})
  const csvclean = which('csvclean')
  if (csvclean) results.push({name: 'csvclean -n (csvkit)', peer: true, csvclean: true, ...(await best(csvclean, ['-n', data]))})
  else console.log('csvclean (csvkit) is not installed, so it is skipped. Install it with: apt-get install csvkit (or pipx install csvkit)\n')
}

const main = results[0]
console.log(`${pad('command', 28)}${lpad('wall s', 9)}${lpad('cpu s', 9)}${lpad('peak RSS MB', 13)}${lpad('odcheck/peer time', 19)}${lpad('RSS ratio', 11)}`)
for (const r of results) {
  const ratio = r.peer ? fmt(main.wall / r.wall) : ''
  const rssRatio = r.peer && r.rssMB ? fmt(main.rssMB / r.rssMB) : ''
  console.log(`${pad(r.name, 28)}${lpad(fmt(r.wall), 9)}${lpad(fmt(r.cpu), 9)}${lpad(fmt(r.rssMB, 0), 13)}${lpad(ratio, 19)}${lpad(rssRatio, 11)}`)
}

const versionWall = await median(node, [odcheck, '--version'], 5)
const nodeWall = await median(node, ['-e', '0'], 5)
console.log(`\nodcheck --version ${fmt(versionWall, 3)} s, node -e 0 ${fmt(nodeWall, 3)} s: ${fmt(versionWall / nodeWall)}x (target within 3x)`)

console.log('\nTargets')
const csvclean = results.find((r) => r.csvclean)
if (csvclean) console.log(`  full check vs csvclean -n time: ${fmt(main.wall / csvclean.wall)} (target <= 1.0) ${main.wall <= csvclean.wall ? 'met' : 'NOT met'}`)
console.log(`  odcheck peak RSS: ${fmt(main.rssMB, 0)} MB (target <= ${TARGET_RSS_MB} MB) ${main.rssMB <= TARGET_RSS_MB ? 'met' : 'NOT met'}`)
console.log(`  --version vs node -e 0: ${fmt(versionWall / nodeWall)}x (target <= 3) ${versionWall / nodeWall <= 3 ? 'met' : 'NOT met'}`)
if (loadavg()[0] > availableParallelism()) console.log(`\nNote: the load average (${loadavg()[0].toFixed(1)}) is above the core count; other processes skewed these wall times. CPU seconds are steadier.`)

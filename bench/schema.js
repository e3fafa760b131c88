/**
 * The schema benchmark: the 1,000,000-row spend file (bench/generate.js) checked against a full
 * Table Schema (bench/schema-spend.json: types and formats, required, enum, pattern, min/max,
 * lengths, a unique primary key) by odcheck and by tableschema-js, Frictionless' JavaScript
 * library, each as its own process in the same run; prints wall and CPU seconds, peak RSS and
 * the ratios (target: odcheck at least 10x faster).
 *
 *   npm run build && node bench/schema.js            1,000,000 rows
 *   node bench/schema.js --rows 200000 --jobs 1      fewer rows; pass --jobs to odcheck
 *   node bench/schema.js --only odcheck              skip tableschema-js (a minute or more)
 *
 * tableschema-js is installed in bench/peers/ (gitignored, never in odcheck's package.json):
 * the first run does `npm install tableschema` there.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {generate} from './generate.js'
import {hasGnuTime, measure} from './measure.js'
import {fmt, lpad, option, pad} from './cli.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const rows = Number(option('rows', 1_000_000))
const jobs = option('jobs')
const onlyOdcheck = option('only') === 'odcheck'
const TARGET_RATIO = 10

const node = process.execPath
const data = join(here, 'data', `spend-${rows}.csv`)
const schema = join(here, 'schema-spend.json')
const peers = join(here, 'peers')

/** The Table Schema rules, the work tableschema-js does too (no structure, privacy or metadata rules). */
const SCHEMA_RULES = ['type-error', 'constraint-error', 'unique-error', 'primary-key', 'foreign-key', 'missing-label', 'extra-label', 'incorrect-label']

function installPeer() {
  if (existsSync(join(peers, 'node_modules', 'tableschema'))) return
  console.log('installing tableschema-js in bench/peers/ (npm install tableschema)')
  execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '--no-save', 'tableschema'], {stdio: 'inherit'})
}

console.log(`schema benchmark: ${rows.toLocaleString('en-GB')} rows, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
const made = await generate(data, rows)
console.log(`${made.created ? 'generated' : 'using'} ${made.path} (${(made.bytes / 1e6).toFixed(0)} MB), schema ${schema}\n`)

const report = join(tmpdir(), `odcheck-schema-bench-${process.pid}.json`)
const odcheckArgs = [join(root, 'bin', 'run.js'), 'check', data, '--schema', schema, ...SCHEMA_RULES.flatMap((r) => ['--only', r]), '--format', `json=${report}`, '--force', ...(jobs ? ['--jobs', jobs] : [])]
const results = []
const odcheck = await measure(node, odcheckArgs, {okCodes: [0, 1]})
const summary = JSON.parse(readFileSync(report, 'utf8')).summary
rmSync(report, {force: true})
results.push({name: `odcheck check --schema${jobs ? ` --jobs ${jobs}` : ''}`, ...odcheck, note: `${summary.rows} rows, ${summary.errors} errors`})

if (!onlyOdcheck) {
  installPeer()
  const peer = await measure(node, [join(here, 'schema-tableschema.js'), data, schema])
  const out = JSON.parse(peer.stdout)
  results.push({name: 'tableschema-js iter(cast)', peer: true, ...peer, note: `${out.rows} rows, ${out.errors} errors`})
}

console.log(`${pad('command', 32)}${lpad('wall s', 9)}${lpad('cpu s', 9)}${lpad('peak RSS MB', 13)}  result`)
for (const r of results) console.log(`${pad(r.name, 32)}${lpad(fmt(r.wall), 9)}${lpad(fmt(r.cpu), 9)}${lpad(fmt(r.rssMB, 0), 13)}  ${r.note}`)

const peer = results.find((r) => r.peer)
if (peer) {
  const wallRatio = peer.wall / odcheck.wall
  console.log(`\nodcheck is ${fmt(wallRatio, 1)}x faster than tableschema-js in wall time${odcheck.cpu && peer.cpu ? `, ${fmt(peer.cpu / odcheck.cpu, 1)}x in CPU seconds` : ''} (target >= ${TARGET_RATIO}x: ${wallRatio >= TARGET_RATIO ? 'met' : 'NOT met'})`)
}
if (!hasGnuTime) console.log('(/usr/bin/time not found: CPU seconds are not measured; apt-get install time)')
if (loadavg()[0] > availableParallelism()) console.log(`\nNote: the load average (${loadavg()[0].toFixed(1)}) is above the core count; other processes skewed these wall times. CPU seconds are steadier.`)

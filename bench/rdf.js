/**
 * The RDF benchmark: a deterministic N-Triples file of streetlights (bench/generate-rdf.js; 250,000
 * lights, 2.25 million distinct triples, about 280 MB by default) checked by odcheck with its
 * default rules, against parsers that only read it, each as its own process in the same run:
 * n3's stream parser (the one odcheck uses) and raptor's `rapper -c` (C), when installed
 * (`apt-get install raptor2-utils`). Prints wall and CPU seconds, peak RSS and the ratios.
 *
 *   npm run build && node bench/rdf.js        250,000 lights
 *   node bench/rdf.js --lights 50000          fewer
 *   node bench/rdf.js --runs 3                each timing the fastest of three
 *   node bench/rdf.js --only odcheck          skip the peers
 */
import {readFileSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateRdf} from './generate-rdf.js'
import {best as fastest, hasGnuTime} from './measure.js'
import {fmt, lpad, option, pad, which} from './cli.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const lights = Number(option('lights', 250_000))
const runs = Number(option('runs', 1))
const onlyOdcheck = option('only') === 'odcheck'
const node = process.execPath
const data = join(here, 'data', `streetlights-${lights}.nt`)

const best = (command, argv, options) => fastest(command, argv, runs, options)

console.log(`RDF benchmark: ${lights.toLocaleString('en-GB')} streetlights, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
const made = await generateRdf(data, lights)
console.log(`${made.created ? 'generated' : 'using'} ${made.path} (${(made.bytes / 1e6).toFixed(0)} MB, ${made.triples.toLocaleString('en-GB')} distinct triples)\n`)

const report = join(tmpdir(), `odcheck-rdf-bench-${process.pid}.json`)
const results = []
const odcheck = await best(node, [join(root, 'bin', 'run.js'), 'check', data, '--format', `json=${report}`, '--force'], {okCodes: [0, 1]})
const summary = JSON.parse(readFileSync(report, 'utf8')).summary
rmSync(report, {force: true})
results.push({name: 'odcheck check (default rules)', ...odcheck, note: `${summary.triples.toLocaleString('en-GB')} triples${summary.triples === made.triples ? '' : ` (expected ${made.triples.toLocaleString('en-GB')})`}`})
// The 5-star assessment: the same check with rdf-uri-profile on, whose facts the stars judge (the file is read once).
const stars = await best(node, [join(root, 'bin', 'run.js'), 'stars', data], {okCodes: [0, 1]})
results.push({name: 'odcheck stars', ...stars, note: 'check, plus the URIs profiled for the 4th and 5th stars'})

if (!onlyOdcheck) {
  const n3 = await best(node, [join(here, 'parse-n3.js'), data])
  results.push({name: 'n3 StreamParser, parse only', peer: true, ...n3, note: `${JSON.parse(n3.stdout).triples.toLocaleString('en-GB')} triples read (repeats too)`})
  if (which('rapper')) {
    const rapper = await best('rapper', ['-i', 'ntriples', '-c', data])
    results.push({name: 'rapper -c (raptor2), parse only', peer: true, ...rapper, note: `${Number(rapper.stderr.match(/returned (\d+) triples/)?.[1] ?? NaN).toLocaleString('en-GB')} triples read (repeats too)`})
  } else console.log('rapper not found: install raptor2-utils (apt-get install raptor2-utils) to compare with it\n')
}

console.log(`${pad('command', 34)}${lpad('wall s', 9)}${lpad('cpu s', 9)}${lpad('peak RSS MB', 13)}${lpad('wall vs', 9)}  result`)
for (const r of results) console.log(`${pad(r.name, 34)}${lpad(fmt(r.wall), 9)}${lpad(fmt(r.cpu), 9)}${lpad(fmt(r.rssMB, 0), 13)}${lpad(r.peer ? fmt(odcheck.wall / r.wall) + 'x' : '', 9)}  ${r.note}`)
console.log('\n"wall vs": odcheck\'s wall time divided by the peer\'s.')
if (!hasGnuTime) console.log('(/usr/bin/time not found: CPU seconds are not measured; apt-get install time)')
if (loadavg()[0] > availableParallelism()) console.log(`\nNote: the load average (${loadavg()[0].toFixed(1)}) is above the core count; other processes skewed these wall times. CPU seconds are steadier.`)

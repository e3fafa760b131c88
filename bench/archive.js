/**
 * What reading a table from inside an archive costs: odcheck on the bench's spend CSV as it is,
 * gzipped, zipped and in a .tar.gz, against gunzip, unzip and tar decompressing the same files to
 * nowhere, each run as its own process in the same run.
 *
 *   npm run bench:archive                 1,000,000 rows (~120 MB, ~24 MB compressed)
 *   node bench/archive.js --rows N --runs N
 *
 * The compressed copies are written once into bench/data/ (gzip -n, zip -X and tar with a fixed
 * date and owner: the same bytes every time); zip comes from the zip package (apt-get install zip),
 * else that row is skipped.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {generate} from './generate.js'
import {best, hasGnuTime} from './measure.js'
import {fmt, lpad, option, pad, which} from './cli.js'

const here = dirname(fileURLToPath(import.meta.url))
const rows = Number(option('rows', 1_000_000))
const runs = Number(option('runs', 1))
const odcheck = join(here, '..', 'bin', 'run.js')
const csv = join(here, 'data', `spend-${rows}.csv`)

console.log(`odcheck archive benchmark: ${rows.toLocaleString('en-GB')} rows, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
if (!hasGnuTime) console.log('(/usr/bin/time not found: peak RSS is polled from /proc, CPU time is not measured; apt-get install time)')
await generate(csv, rows)
const gz = `${csv}.gz`
if (!existsSync(gz)) execFileSync('sh', ['-c', `gzip -n -c "${csv}" > "${gz}.part" && mv "${gz}.part" "${gz}"`])
const zipTool = which('zip')
const zip = csv.replace(/\.csv$/, '.zip')
if (zipTool && !existsSync(zip)) execFileSync(zipTool, ['-X', '-j', '-q', zip, csv])
const tgz = csv.replace(/\.csv$/, '.tar.gz')
if (!existsSync(tgz)) {
  const fixed = '--mtime=2026-01-01 --owner=0 --group=0 --numeric-owner --sort=name'
  execFileSync('sh', ['-c', `tar -C "${dirname(csv)}" ${fixed} -cf - "${basename(csv)}" | gzip -n > "${tgz}.part" && mv "${tgz}.part" "${tgz}"`])
}
if (!zipTool) console.log('zip is not installed, so the zip rows are skipped. Install it with: apt-get install zip')

const report = join(tmpdir(), `odcheck-bench-archive-${process.pid}.json`)
const check = async (file) => {
  const result = await best(process.execPath, [odcheck, 'check', file, '--format', `json=${report}`, '--force'], runs, {okCodes: [0, 1]})
  rmSync(report, {force: true})
  return result
}
const results = [{name: `odcheck check ${basename(csv)}`, ...(await check(csv))}, {name: `odcheck check ${basename(gz)}`, ...(await check(gz))}]
results.push({name: `gunzip -c ${basename(gz)}`, peer: true, ...(await best('sh', ['-c', `gunzip -c "${gz}" > /dev/null`], runs))})
if (zipTool) {
  results.push({name: `odcheck check ${basename(zip)}`, ...(await check(zip))})
  if (which('unzip')) results.push({name: `unzip -p ${basename(zip)}`, peer: true, ...(await best('sh', ['-c', `unzip -p "${zip}" > /dev/null`], runs))})
}
results.push({name: `odcheck check ${basename(tgz)}`, ...(await check(tgz))})
results.push({name: `tar -xzOf ${basename(tgz)}`, peer: true, ...(await best('sh', ['-c', `tar -xzOf "${tgz}" > /dev/null`], runs))})

const plain = results[0]
console.log(`\n${pad('command', 38)}${lpad('wall s', 9)}${lpad('cpu s', 9)}${lpad('peak RSS MB', 13)}${lpad('vs plain CSV', 14)}`)
for (const r of results) {
  const ratio = r === plain || r.peer ? '' : `${fmt(r.wall / plain.wall)}x`
  console.log(`${pad(r.name, 38)}${lpad(fmt(r.wall), 9)}${lpad(fmt(r.cpu), 9)}${lpad(fmt(r.rssMB, 0), 13)}${lpad(ratio, 14)}`)
}
console.log('\nThe compressed runs decompress a temporary copy first (src/load/archive.ts), then check it as the plain file is checked.')

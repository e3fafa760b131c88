// Where the garbage comes from: V8's sampling heap profiler, keeping the objects that young- and
// old-generation collections free (a plain heap profile shows only what survives), while odcheck
// reads a table, or while every default rule runs over rows already read. Prints the top
// allocation sites in bytes a row. Inlined functions count towards the function they are inlined
// into; add --no-turbo-inlining (a node flag) to see each on its own.
// Usage: npm run build && node bench/allocations.js [FILE] [--read] [--rows N] [--top N]
import {Session} from 'node:inspector/promises'
import {fileURLToPath} from 'node:url'
import {generate} from './generate.js'
import {defaultRulesOf, rowsInMemory} from './rules-cpu.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback)
const rowCount = option('rows', 200_000)
const top = option('top', 20)
const readOnly = args.includes('--read')
let file = args.find((a, i) => !a.startsWith('--') && !['--rows', '--top'].includes(args[i - 1]))
if (!file) {
  file = new URL(`data/spend-${rowCount}.csv`, import.meta.url).pathname
  await generate(file, rowCount)
}

const session = new Session()
session.connect()
await session.post('HeapProfiler.enable')
// One sample every 4 KB allocated on average: enough for per-row figures, cheap enough to run.
const sample = () => session.post('HeapProfiler.startSampling', {samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true})

// Reading: sample around rowsInMemory. Rules: read first, then sample the rules alone.
if (readOnly) await sample()
const {head, rows} = await rowsInMemory(root, file)
if (!readOnly) {
  const {registry, rules, rowRunner} = await defaultRulesOf(root)
  const hooks = rules.map((rule) => registry.get(rule.check).create(rule.options))
  for (const h of hooks) h.header?.(head, () => {})
  const runner = rowRunner(head, hooks, 100)
  await sample()
  // An indexed loop: a for-of here would add an iterator result per row to the figures.
  for (let i = 0; i < rows.length; i++) runner.onRow(rows[i])
  runner.result({})
}
const {profile} = await session.post('HeapProfiler.stopSampling')
session.disconnect()

const bySite = new Map()
let total = 0
const walk = (node, caller) => {
  const {functionName, url, lineNumber} = node.callFrame
  const site = `${functionName || '(anonymous)'} ${url.split('/').pop() || '(native)'}${lineNumber >= 0 ? `:${lineNumber + 1}` : ''}${caller ? ` < ${caller}` : ''}`
  total += node.selfSize
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize)
  for (const child of node.children) walk(child, functionName || '(anonymous)')
}
walk(profile.head, '')

const perRow = (bytes) => (bytes / rows.length).toFixed(0).padStart(6)
console.log(`${file}: ${rows.length} rows, ${readOnly ? 'reading' : 'all default rules over rows already read'}`)
console.log(`${perRow(total)} bytes a row in all`)
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${perRow(bytes)}  ${site}`)

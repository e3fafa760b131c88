// Times odcheck's reader alone (decode + parse, no checks) on one file: node bench/read-only.js FILE
import {openTable} from '../dist/table/open.js'
import {readRows} from '../dist/table/rows.js'
import {bomLength} from '../dist/table/encoding.js'

const path = process.argv[2]
const started = performance.now()
const cpu = process.cpuUsage()
const {head} = await openTable(path, 'bench')
let rows = 0
const range = {start: bomLength(head.encoding), firstRowNumber: 1, firstLine: 1, skipRecords: head.dialect.skipRows + (head.dialect.header ? 1 : 0)}
const result = await readRows(head, range, () => rows++)
const used = process.cpuUsage(cpu)
console.log(
  JSON.stringify({
    rows,
    wallSeconds: +((performance.now() - started) / 1000).toFixed(3),
    cpuSeconds: +((used.user + used.system) / 1e6).toFixed(3),
    lineEndings: result.lineEndings,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)

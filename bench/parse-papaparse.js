// Peer: papaparse streaming over the file (Node stream input), no checks.
import {createReadStream} from 'node:fs'
import Papa from 'papaparse'

let records = 0
const parser = createReadStream(process.argv[2], {highWaterMark: 1 << 20}).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, {}))
parser.on('data', () => records++)
parser.on('end', () => console.log(JSON.stringify({records})))

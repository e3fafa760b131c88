// Peer: csv-parse streaming over the file with no checks, configured as odcheck used to read CSV.
import {createReadStream} from 'node:fs'
import {parse} from 'csv-parse'

let records = 0
const parser = createReadStream(process.argv[2], {highWaterMark: 1 << 20}).pipe(
  parse({record_delimiter: ['\r\n', '\n', '\r'], relax_quotes: true, relax_column_count: true, skip_empty_lines: false}),
)
parser.on('data', () => records++)
parser.on('end', () => console.log(JSON.stringify({records})))

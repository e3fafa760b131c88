// Peer: n3's streaming N-Triples parser over the file (the parser odcheck uses), counting triples, no checks.
import {createReadStream} from 'node:fs'
import {StreamParser} from 'n3'

let triples = 0
createReadStream(process.argv[2], {highWaterMark: 1 << 20})
  .pipe(new StreamParser({format: 'N-Triples'}))
  .on('data', () => triples++)
  .on('end', () => console.log(JSON.stringify({triples})))

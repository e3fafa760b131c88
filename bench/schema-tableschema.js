/**
 * The peer for the schema benchmark: tableschema-js (Frictionless' JavaScript library) reads
 * a CSV with a Table Schema and casts every row, checking types, constraints, unique fields
 * and the primary key, collecting errors rather than stopping at the first (forceCast). It is
 * installed in bench/peers/ only: `npm i tableschema` there (bench/schema.js does it).
 *
 *   node bench/schema-tableschema.js FILE SCHEMA
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const require = createRequire(new URL('./peers/package.json', import.meta.url))
const {Table} = require('tableschema')
const [file, schemaFile] = process.argv.slice(2)
const table = await Table.load(file, {schema: JSON.parse(readFileSync(schemaFile, 'utf8'))})
const iterator = await table.iter({cast: true, forceCast: true})
let rows = 0
let errors = 0
for await (const value of iterator) {
  rows++
  if (value instanceof Error) errors += value.errors ? value.errors.length : 1
}
process.stdout.write(JSON.stringify({rows, errors}) + '\n')

/**
 * Reading JSON and GeoJSON data: which .json files are data (and which are metadata, schemas or
 * odcheck's own), what a file that cannot be read becomes (a source-error naming the line), the
 * records counted as rows, the lines found for JSON Pointers, and the report and stars of the CLI.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {runDocument} from '../../src/engine/run-document.js'
import {CheckRegistry} from '../../src/engine/registry.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {discover} from '../../src/load/discover.js'
import {isJsonDataText, schemaKind} from '../../src/load/json-kind.js'
import {linesOfPointers} from '../../src/table/json-lines.js'
import {findSyntaxError} from '../../src/table/json-syntax.js'
import {recordOfPointer} from '../../src/table/json.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'json-read')

async function checkFile(file: string, extra: {only?: string[]} = {}) {
  const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(dir, file)], cwd: dir, config, only: extra.only ?? ['source-error', 'geojson-invalid']})
  return result.tables[0]
}

describe('which JSON files are data', () => {
  it('a folder scan picks up GeoJSON and JSON data, never metadata, schemas, dialects or odcheck files', async () => {
    const {resources} = await discover([join(dir, 'folder')], dir)
    expect(resources.map((r) => [r.name, r.format])).toEqual([
      ['folder/chargers.json', 'json'],
      ['folder/consultations.json', 'json'],
      ['folder/wards.csv', 'csv'],
      ['folder/wards.geojson', 'geojson'],
    ])
  })

  it('tells a list of records with titles from a DCAT-US catalogue, and schemas from data', () => {
    const isMetadata = () => false
    expect(isJsonDataText('[{"title": "Parking consultation", "closes": "2024-05-01"}]', isMetadata)).toBe(true)
    expect(isJsonDataText('[{"title": "Wards", "identifier": "w", "distribution": []}]', isMetadata)).toBe(false)
    expect(isJsonDataText('{"type": "FeatureCollection", "features": []}', () => true)).toBe(true)
    // Broken JSON is data (so its syntax error is reported) unless it carries a catalogue's keys.
    expect(isJsonDataText('[{"kW": 7},]', isMetadata)).toBe(true)
    expect(isJsonDataText('{"resources": [,]}', isMetadata)).toBe(false)
    expect(schemaKind({fields: [{name: 'kW', type: 'number'}]})).toBe('table-schema')
    expect(schemaKind({type: 'array', items: {type: 'object'}})).toBe('json-schema')
    expect(schemaKind({type: 'Feature', properties: {}, geometry: null})).toBeUndefined()
    expect(schemaKind({name: 'Sale Waterside', type: 'car park'})).toBeUndefined()
  })
})

describe('a JSON file that cannot be read', () => {
  it.each([
    ['trailing-comma.json', 'unreadable', /not valid JSON: a trailing comma .* at line 3, column 39/],
    ['error-page.json', 'not-a-table', /HTML or XML page, not JSON/],
    ['utf16.geojson', 'encoding', /UTF-16, but JSON must be UTF-8/],
    ['windows-1252.json', 'encoding', /not valid UTF-8 \(the first bad byte is on line 1\)/],
    ['empty.geojson', 'empty', /empty \(0 bytes\)/],
    ['gzipped.geojson', 'binary', /^gzipped\.geojson is gzip-compressed, though its name does not end in \.gz: add \.gz to its name \(odcheck reads inside \.gz files\)/],
  ])('%s is a source-error (%s) saying why', async (file, reason, message) => {
    const table = await checkFile(file)
    expect(table.head).toBeUndefined()
    expect(table.findings.map((f) => [f.rule, f.details?.reason])).toEqual([['source-error', reason]])
    expect(table.findings[0].message).toMatch(message)
  })

  it('is not parsed when larger than the cap, and says so', async () => {
    const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const registry = await CheckRegistry.load(config.checkModules)
    const rules = [{id: 'source-error', severity: 'error' as const, check: 'source-error', options: {}}]
    const table = await runDocument(join(dir, 'feature.geojson'), 'feature.geojson', rules, registry, {maxFindingsPerRule: 10, maxBytes: 100})
    expect(table.findings.map((f) => f.details?.reason)).toEqual(['unreadable'])
    expect(table.findings[0].message).toMatch(/more than the 0 MB odcheck reads as one JSON document/)
  })
})

describe('JSON syntax errors', () => {
  it.each([
    ['[1, 2,]', 5, 'a trailing comma before "]"'],
    ['{"kW": 7,}', 8, 'a trailing comma before "}"'],
    ['[{"kW": 7} {"kW": 22}]', 11, 'a missing comma between two items'],
    ["[{'kW': 7}]", 2, 'a single-quoted text value'],
    ['{kW: 7}', 1, 'the unquoted property name kW'],
    ['[NaN]', 1, 'NaN, which is not a JSON value'],
    ['["Sale\nWaterside"]', 6, 'a line break inside a text value'],
    ['[{"kW": 7}', 9, 'the file ends before the JSON is complete'],
    ['{"kW": 7}\n{"kW": 22}\n', 10, 'more text after the end of the JSON'],
    ['[1] // total', 4, 'a comment'],
  ])('%j breaks at offset %i: %s', (text, offset, what) => {
    expect(() => JSON.parse(text)).toThrow()
    expect(findSyntaxError(text)).toMatchObject({offset, what})
  })

  it('finds nothing wrong with valid JSON, however deeply nested', () => {
    expect(findSyntaxError('{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"], "b": {}}')).toBeUndefined()
    expect(findSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined()
  })
})

describe('records of a JSON document', () => {
  it('counts a single Feature as one row, with its properties as fields', async () => {
    const table = await checkFile('feature.geojson')
    expect([table.head?.format, table.stats?.rowCount, table.head?.labels]).toEqual(['geojson', 1, ['name', 'kW']])
  })

  it('counts an object that wraps its records as one document, with its keys as fields', async () => {
    const table = await checkFile('wrapped.json', {only: ['source-error']})
    expect([table.head?.format, table.stats?.rowCount, table.head?.labels]).toEqual(['json', 1, ['updated', 'source', 'chargers']])
  })

  it('puts a pointer in its record: feature or item index + 1, and the property', () => {
    const features = {type: 'FeatureCollection', features: [{}, {}]}
    expect(recordOfPointer('/features/1/properties/a~1b', features, 'geojson')).toEqual({rowNumber: 2, fieldName: 'a/b'})
    expect(recordOfPointer('/features/0/geometry/coordinates/0', features, 'geojson')).toEqual({rowNumber: 1, fieldName: 'geometry'})
    expect(recordOfPointer('/crs', features, 'geojson')).toEqual({})
    expect(recordOfPointer('/3/kW', [1, 2, 3, 4], 'json')).toEqual({rowNumber: 4, fieldName: 'kW'})
    expect(recordOfPointer('/chargers/0', {chargers: []}, 'json')).toEqual({})
  })
})

describe('lines of JSON Pointers', () => {
  const text = [
    '{"note": "brackets ] } and \\"quotes\\" in text",',
    ' "a/b": {"x~y": [',
    '   10,',
    '   {"deep": [1, 2]}',
    ' ]},',
    ' "list": [[0], [1,',
    '  2]]',
    '}',
  ].join('\n')

  it('finds each value where it starts, through escaped keys and brackets inside strings', () => {
    const lines = linesOfPointers(text, ['', '/note', '/a~1b/x~0y/1/deep/1', '/list/1/1', '/a~1b/x~0y/0', '/missing/0'])
    expect(Object.fromEntries(lines)).toEqual({'': 1, '/note': 1, '/a~1b/x~0y/1/deep/1': 4, '/list/1/1': 7, '/a~1b/x~0y/0': 3})
  })
})

describe('odcheck check on JSON data (CLI)', () => {
  it('reports a GeoJSON file as a resource of format geojson, one row per feature, without a dialect', async () => {
    const r = await odcheck(['check', join(fixturesDir, 'geojson-british-national-grid', 'ev-chargers-bng.geojson'), '--json', '--only', '#structure'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.resources).toHaveLength(1)
    expect(report.resources[0]).toMatchObject({format: 'geojson', dialect: null, rowCount: 4, fieldNames: ['name', 'kW'], encoding: 'utf-8'})
    expect(report.findings.filter((f: {rule: string}) => f.rule === 'geojson-british-national-grid').map((f: {rowNumber: number}) => f.rowNumber)).toEqual([1, 2, 4])
  })

  /** oclif wraps error messages to the terminal's width. */
  const unwrapped = (stderr: string) => stderr.replace(/\s*›\s*/g, ' ')

  it('exits 2 when --schema is a JSON Schema but only CSV tables are checked', async () => {
    const r = await odcheck(['check', 'folder/wards.csv', '--schema', 'folder/chargers.schema.json'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(unwrapped(r.stderr)).toContain('--schema folder/chargers.schema.json is a JSON Schema, which describes JSON data')
  })

  it('exits 2 when --schema is a Table Schema but only JSON data is checked', async () => {
    const r = await odcheck(['check', 'folder/chargers.json', '--schema', 'folder/wards.schema.json'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(unwrapped(r.stderr)).toContain('--schema folder/wards.schema.json is a Table Schema, which describes tables')
  })

  it('checks JSON data against a JSON Schema given with --schema (exit 0 when it matches)', async () => {
    const r = await odcheck(['check', join(dir, 'folder', 'chargers.json'), '--schema', join(dir, 'folder', 'records.schema.json'), '--only', 'json-schema-error', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).resources[0].results).toEqual([expect.objectContaining({rule: 'json-schema-error', status: 'pass'})])
  })

  it('counts GeoJSON as a non-proprietary format: three stars with an open licence', async () => {
    const r = await odcheck(['stars', join(dir, 'stars-geojson'), '--json'])
    const {stars} = JSON.parse(r.stdout)
    expect(stars.rating).toBe('★★★☆☆')
    expect(stars.levels[2].evidence.join('\n')).toContain('aqma-and-chargers.geojson (GEOJSON, read by odcheck)')
  })
})

/**
 * Which column schema inference (and so `odcheck init`) proposes as a table's primary key:
 * identifier-like columns first, never a count or amount that happens to be unique. Fixtures in
 * test/fixtures/infer-keys/.
 */
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it, onTestFinished} from 'vitest'
import {inferTableSchema} from '../../src/assess/infer/infer.js'
import {keyRole, namedAsMeasure} from '../../src/assess/infer/keys.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const fixtures = join(fixturesDir, 'infer-keys')

describe('primary key inference', () => {
  it('takes the ward code, not the first unique column nor the unique population count', async () => {
    const {schema, primaryKeyCandidates, uniqueMeasures} = await inferTableSchema(join(fixtures, 'ward-population', 'wards.csv'))
    expect(schema.primaryKey).toEqual(['Ward code'])
    expect(primaryKeyCandidates).toEqual(['Ward code', 'Ward name'])
    expect(uniqueMeasures).toEqual(['Population', 'Households'])
  })

  it('proposes no key when the only unique column is a count (wards repeat for each year)', async () => {
    const {schema, primaryKeyCandidates, uniqueMeasures} = await inferTableSchema(join(fixtures, 'ward-population-years', 'ward-population.csv'))
    expect(schema.primaryKey).toBeUndefined()
    expect(primaryKeyCandidates).toEqual([])
    expect(uniqueMeasures).toEqual(['population'])
  })

  it('recognises a column of ONS GSS codes as an identifier whatever its name', async () => {
    const {schema, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'gss-values.csv'))
    expect(schema.primaryKey).toEqual(['Area'])
    expect(primaryKeyCandidates).toEqual(['Area', 'Name'])
  })

  it('proposes no key when only measures are unique: a decimal, and a whole number named as a count', async () => {
    const {schema, uniqueMeasures} = await inferTableSchema(join(fixtures, 'measures-only.csv'))
    expect(schema.primaryKey).toBeUndefined()
    // Decimals are never keys (a key is read as written); the count is left out by its name.
    expect(uniqueMeasures).toEqual(['Number of households'])
  })

  it('sets no key from unique columns that are neither identifiers nor measures, but lists them', async () => {
    const {schema, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'plain-columns.csv'))
    expect(schema.primaryKey).toBeUndefined()
    expect(primaryKeyCandidates).toEqual(['Site', 'Opened'])
  })

  it('sets no key on a job title that happens to be unique in a few rows of senior posts', async () => {
    const {schema, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'senior-posts.csv'))
    expect(schema.primaryKey).toBeUndefined()
    expect(primaryKeyCandidates).toEqual(['JobTitle', 'Salary'])
  })

  it('sets no key on a column recording the export line when the post reference repeats', async () => {
    const {schema, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'export-lines.csv'))
    expect(schema.primaryKey).toBeUndefined()
    expect(primaryKeyCandidates).toEqual(['source_line'])
  })

  it('does not take a column named Reference as an identifier when its values are sentences', async () => {
    const {schema, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'long-reference.csv'))
    expect(schema.primaryKey).toBeUndefined()
    expect(primaryKeyCandidates).toEqual(['Reference', 'Ward'])
    expect(keyRole({name: 'Reference', type: 'string'}, false, false)).toBe('other')
  })

  it('reads roles from names and types', () => {
    expect(['population', 'Number of households', 'No. of pupils', 'Total spend', 'householdCount', 'Amount'].filter(namedAsMeasure)).toHaveLength(6)
    expect(['County', 'House number', 'Transaction No', 'Ward code', 'Year'].filter(namedAsMeasure)).toEqual([])
    expect(keyRole({name: 'Transaction No', type: 'integer'}, false)).toBe('identifier')
    expect(keyRole({name: 'Ref', type: 'number'}, false)).toBe('measure')
    expect(keyRole({name: 'Link', type: 'string', format: 'uri'}, false)).toBe('identifier')
    expect(keyRole({name: 'Ward name', type: 'string'}, false)).toBe('other')
  })
})

describe('odcheck init --schema on a ward population table', () => {
  it('writes a schema keyed on the ward code, and says why the population is not the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-infer-keys-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    await cp(join(fixtures, 'ward-population'), dir, {recursive: true})
    const r = await odcheck(['init', dir, '--schema'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\(primary key Ward code\)/)
    const text = await readFile(join(dir, 'wards.schema.yaml'), 'utf8')
    expect((parse(text) as {primaryKey?: string[]}).primaryKey).toEqual(['Ward code'])
    expect(text).toMatch(/^# Not proposed as a key, though all different: Population, Households/m)
    // The schema it writes accepts the table it came from.
    const check = await odcheck(['check', 'wards.csv', '--schema', 'wards.schema.yaml', '--only', '#schema', '--format', 'json'], {cwd: dir})
    expect(check.code).toBe(0)
  })

  it('writes no primary key for unique columns that identify nothing, and says why in the schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-infer-keys-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    await cp(join(fixtures, 'senior-posts.csv'), join(dir, 'senior-posts.csv'))
    const r = await odcheck(['init', dir, '--schema'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/primary key/)
    const text = await readFile(join(dir, 'senior-posts.schema.yaml'), 'utf8')
    expect((parse(text) as {primaryKey?: string[]}).primaryKey).toBeUndefined()
    expect(text).toMatch(/^# Columns with a value in every row, all different in these 8 rows: JobTitle, Salary\. None is named or written like an identifier/m)
  })

  it('writes no primary key when only the population is unique', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-infer-keys-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    await cp(join(fixtures, 'ward-population-years'), dir, {recursive: true})
    const r = await odcheck(['init', dir, '--schema'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/primary key/)
    const schema = parse(await readFile(join(dir, 'ward-population.schema.yaml'), 'utf8')) as {primaryKey?: string[]}
    expect(schema.primaryKey).toBeUndefined()
  })
})

/**
 * The schema commands through the built binary: `schema infer` writes YAML or JSON by the
 * output's extension, atomically, never over an existing file without --force and never over
 * the table; `check --schema` takes JSON or YAML and turns a broken schema file into a usage
 * error (exit 2) that names its line.
 */
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {oneLine} from '../config/helpers.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'odcheck-schema-cli-'))
  copyFileSync(join(import.meta.dirname, 'fixtures', 'uk-spend.csv'), join(dir, 'spend.csv'))
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('odcheck schema infer', () => {
  it('refuses a --delimiter or --encoding it cannot use as a usage error (exit 2), as check does', async () => {
    const delimiter = await odcheck(['schema', 'infer', 'spend.csv', '--delimiter', 'ab'], {cwd: dir})
    expect(delimiter.code).toBe(2)
    expect(delimiter.stderr).toContain('is not one character')
    const encoding = await odcheck(['schema', 'infer', 'spend.csv', '--encoding', 'bogus'], {cwd: dir})
    expect(encoding.code).toBe(2)
    expect(encoding.stderr).toContain('is not an encoding odcheck knows')
  })

  it('refuses RDF data (exit 2) instead of inferring a one-column table from its Turtle lines', async () => {
    writeFileSync(join(dir, 'car-parks.ttl'), '@prefix ex: <http://example.org/> .\nex:a ex:spaces 120 .\n')
    const {code, stdout, stderr} = await odcheck(['schema', 'infer', 'car-parks.ttl'], {cwd: dir})
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(oneLine(stderr)).toContain('car-parks.ttl is RDF data (Turtle), not a table')
  })

  it('prints a YAML Table Schema, with what it noticed as comments', async () => {
    const {code, stdout} = await odcheck(['schema', 'infer', 'spend.csv'], {cwd: dir})
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# Table Schema inferred by odcheck from spend\.csv \(60 rows\)/)
    expect(stdout).toContain('# Columns with a value in every row, all different (primary key candidates): Transaction No.')
    const schema = parse(stdout) as {fields: Array<{name: string; type: string}>; primaryKey: string[]}
    expect(schema.fields).toHaveLength(12)
    expect(schema.primaryKey).toEqual(['Transaction No'])
  })

  it('writes YAML or JSON by extension, and the table then checks clean against it', async () => {
    for (const name of ['spend.schema.yaml', 'spend.schema.json']) {
      const written = await odcheck(['schema', 'infer', 'spend.csv', '--output', name], {cwd: dir})
      expect(written.code).toBe(0)
      expect(written.stdout).toContain(`Wrote ${name}: a Table Schema of 12 fields from 60 rows, primary key Transaction No.`)
      const text = readFileSync(join(dir, name), 'utf8')
      if (name.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow()
      else expect(text.startsWith('#')).toBe(true)
      const checked = await odcheck(['check', 'spend.csv', '--schema', name, '--only', '#schema', '--format', 'json'], {cwd: dir})
      const report = JSON.parse(checked.stdout) as {findings: Array<{rule: string}>}
      expect(report.findings.filter((f) => f.rule !== 'placeholder-value' && f.rule !== 'cell-whitespace')).toEqual([])
    }
    // Written atomically: no temporary files left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('never overwrites a file without --force, and never the table itself', async () => {
    writeFileSync(join(dir, 'kept.yaml'), 'fields: []\n')
    const refused = await odcheck(['schema', 'infer', 'spend.csv', '-o', 'kept.yaml'], {cwd: dir})
    expect(refused.code).toBe(2)
    expect(oneLine(refused.stderr)).toContain('already exists. Use --force to overwrite it')
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toBe('fields: []\n')
    const forced = await odcheck(['schema', 'infer', 'spend.csv', '-o', 'kept.yaml', '--force'], {cwd: dir})
    expect(forced.code).toBe(0)
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toContain('Transaction No')
    const table = await odcheck(['schema', 'infer', 'spend.csv', '-o', 'spend.csv', '--force'], {cwd: dir})
    expect(table.code).toBe(2)
    expect(oneLine(table.stderr)).toContain('is the table itself')
    expect(readFileSync(join(dir, 'spend.csv'), 'utf8')).toMatch(/^Transaction No,/)
  })

  it('writes CSVW metadata whose url points at the table from where it is written', async () => {
    const {code} = await odcheck(['schema', 'infer', 'spend.csv', '--as', 'csvw', '-o', 'meta/spend.csv-metadata.json'], {cwd: dir})
    expect(code).toBe(0)
    const metadata = JSON.parse(readFileSync(join(dir, 'meta', 'spend.csv-metadata.json'), 'utf8')) as Record<string, unknown>
    expect(metadata['@context']).toBe('http://www.w3.org/ns/csvw')
    expect(metadata.url).toBe('../spend.csv')
    const yaml = await odcheck(['schema', 'infer', 'spend.csv', '--as', 'csvw', '-o', 'spend.yaml'], {cwd: dir})
    expect(yaml.code).toBe(2)
    expect(oneLine(yaml.stderr)).toContain('CSVW metadata is JSON')
  })

  it('returns the schema with --json', async () => {
    const {code, stdout} = await odcheck(['schema', 'infer', 'spend.csv', '--json'], {cwd: dir})
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {file: string; rows: number; primaryKeyCandidates: string[]; schema: {fields: unknown[]}}
    expect(out).toMatchObject({file: 'spend.csv', rows: 60, primaryKeyCandidates: ['Transaction No']})
    expect(out.schema.fields).toHaveLength(12)
  })

  it('infers from the table inside a .gz, or a zip (naming one when it holds several), as check reads them', async () => {
    const archives = join(import.meta.dirname, '..', 'fixtures', 'archives')
    const gz = await odcheck(['schema', 'infer', 'wards.csv.gz', '--json'], {cwd: archives})
    expect(JSON.parse(gz.stdout)).toMatchObject({file: 'wards.csv.gz', rows: 4, schema: {fields: [{name: 'ward_code'}, {name: 'ward_name'}, {name: 'streetlights', type: 'integer'}]}})
    const member = await odcheck(['schema', 'infer', 'zipped-spend/spend-2026-27.zip/lookups/wards.csv', '--json'], {cwd: archives})
    expect(JSON.parse(member.stdout)).toMatchObject({file: 'zipped-spend/spend-2026-27.zip/lookups/wards.csv', rows: 3})
    const several = await odcheck(['schema', 'infer', 'zipped-spend/spend-2026-27.zip'], {cwd: archives})
    expect(several.code).toBe(2)
    expect(oneLine(several.stderr)).toContain('zipped-spend/spend-2026-27.zip holds 2 files to check (spend-2026-27.csv, lookups/wards.csv): a schema describes one table.')
    expect(oneLine(several.stderr)).toContain('odcheck schema infer zipped-spend/spend-2026-27.zip/spend-2026-27.csv')
    const missing = await odcheck(['schema', 'infer', 'nothing.zip'], {cwd: archives})
    expect(missing.code).toBe(2)
    expect(oneLine(missing.stderr)).toContain('nothing.zip does not exist')
  })

  it('says clearly when the table cannot be read', async () => {
    const missing = await odcheck(['schema', 'infer', 'nothing.csv'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(oneLine(missing.stderr)).toContain('nothing.csv does not exist')
    expect(missing.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('odcheck check --schema', () => {
  it('names the line of a schema file that is not valid JSON or YAML (exit 2)', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "fields": [\n    {"name": "a",}\n  ]\n}\n')
    const json = await odcheck(['check', 'spend.csv', '--schema', 'broken.json'], {cwd: dir})
    expect(json.code).toBe(2)
    expect(oneLine(json.stderr)).toMatch(/--schema broken\.json: It is not valid JSON: a trailing comma before "}" at line 3/)
    writeFileSync(join(dir, 'broken.yaml'), 'fields:\n  - name: a\n   type: string\n')
    const yaml = await odcheck(['check', 'spend.csv', '--schema', 'broken.yaml'], {cwd: dir})
    expect(yaml.code).toBe(2)
    expect(oneLine(yaml.stderr)).toMatch(/--schema broken\.yaml: It is not valid YAML at line 3/)
    const missing = await odcheck(['check', 'spend.csv', '--schema', 'none.yaml'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(oneLine(missing.stderr)).toContain('--schema none.yaml: The file does not exist.')
  })

  it('fails (exit 1) on type errors and reports them with rows and columns in JSON', async () => {
    writeFileSync(join(dir, 'strict.yaml'), 'fields:\n  - {name: Transaction No, type: integer}\n  - {name: Payment Date, type: date}\n')
    const {code, stdout} = await odcheck(['check', 'spend.csv', '--schema', 'strict.yaml', '--only', 'type-error', '--only', 'extra-label', '--format', 'json'], {cwd: dir})
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as {findings: Array<{rule: string; rowNumber: number; fieldNumber: number}>}
    // ISO dates required, dd/mm/yyyy given: one type error per row; ten columns the schema does not describe.
    expect(report.findings.filter((f) => f.rule === 'type-error')[0]).toMatchObject({rowNumber: 2, fieldNumber: 2})
    expect(report.findings.filter((f) => f.rule === 'extra-label').map((f) => f.fieldNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(existsSync(join(dir, 'strict.yaml'))).toBe(true)
  })
})

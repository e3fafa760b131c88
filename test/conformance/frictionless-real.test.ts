/**
 * The real Frictionless data packages in ../shared/corpus/real/frictionless (datahub core
 * packages, a UK spend-quality package, public bodies): each gives a report through the CLI,
 * never a crash, and what the report says about their schemas, keys and integrity is right,
 * as checked by hand against the files (md5sum, the descriptors, the CSVs).
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {odcheck, repoRoot} from '../helpers/cli.js'

const frictionlessDir = resolve(repoRoot, '..', 'shared', 'corpus', 'real', 'frictionless')
const hasCorpus = existsSync(frictionlessDir)
const skipReason = `the shared corpus is absent at ${frictionlessDir}: Frictionless conformance tests skipped`
if (!hasCorpus) console.warn(skipReason)

const SCHEMA_RULES = ['package-error', 'resource-error', 'schema-error', 'field-error', 'missing-label', 'extra-label', 'incorrect-label', 'type-error', 'constraint-error', 'unique-error', 'primary-key', 'foreign-key', 'byte-count', 'hash-count', 'row-count']

function descriptors(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return descriptors(path)
    return /^datapackage\.(json|ya?ml)$/.test(name) ? [path] : []
  })
}

/** Counts of schema findings by rule and file, and the tables read, for a package folder. */
async function check(folder: string) {
  const config = await loadConfig({cwd: frictionlessDir, searchFrom: frictionlessDir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(frictionlessDir, folder)], cwd: frictionlessDir, config, only: SCHEMA_RULES, jobs: 1})
  const counts: Record<string, number> = {}
  for (const outcome of [...result.tables.flatMap((t) => t.outcomes.map((o) => ({...o, resource: t.resource}))), ...(result.dataset?.outcomes ?? []).map((o) => ({...o, resource: result.dataset!.resource}))]) {
    if (outcome.count > 0) counts[`${outcome.rule} ${outcome.resource}`] = outcome.count
  }
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {result, counts, findings}
}

describe.skipIf(!hasCorpus)(hasCorpus ? 'real Frictionless data packages' : skipReason, () => {
  const all = hasCorpus ? descriptors(frictionlessDir) : []

  it.each(all.map((f) => [relative(frictionlessDir, f), f]))('%s gives a report through the CLI, never a crash', async (_name, file) => {
    for (const input of [file, resolve(file, '..')]) {
      const {code, stdout, stderr} = await odcheck(['check', input, '--format', 'json', '--jobs', '1'], {cwd: frictionlessDir})
      expect([0, 1], stderr).toContain(code)
      const report = JSON.parse(stdout) as {summary: {files: number}; findings: Array<{rule: string}>}
      expect(report.summary).toBeDefined()
      expect(stderr).not.toMatch(/failed unexpectedly|\n\s+at /)
    }
  })

  it('bond-yields-uk-10y: declared bytes, md5 hashes and %Y-%m-%d dates all match the files', async () => {
    const {counts, result} = await check('bond-yields-uk-10y')
    expect(counts).toEqual({})
    const annual = result.tables.find((t) => t.resource.endsWith('annual.csv'))!
    // md5sum data/annual.csv = 67fd54de51a34df8f0a6cb9315e02c5d, as the package says.
    expect(annual.stats?.hashes).toEqual({md5: '67fd54de51a34df8f0a6cb9315e02c5d'})
    expect(annual.head?.packageResource).toMatchObject({name: 'annual', bytes: 813})
    expect(annual.head?.schema?.fields.map((f) => [f.name, f.type, f.format])).toEqual([
      ['Year', 'date', '%Y-%m-%d'],
      ['Rate', 'number', 'default'],
    ])
  })

  it('country-codes (YAML): its 56-field schema with unique and length constraints holds', async () => {
    const {counts, result} = await check('country-codes')
    expect(counts).toEqual({})
    expect(result.tables[0].head?.schema?.fields).toHaveLength(56)
  })

  it('gdp and population: year and number fields hold over 31,000 rows', async () => {
    for (const folder of ['gdp', 'population']) expect((await check(folder)).counts).toEqual({})
  })

  it('data-quality-uk-25k-spend: names the descriptor mistakes and the data that breaks the schema', async () => {
    const {counts, findings} = await check('data-quality-uk-25k-spend')
    expect(counts).toEqual({
      'schema-error data-quality-uk-25k-spend/datapackage.json': 3,
      'field-error data-quality-uk-25k-spend/datapackage.json': 4,
      // run_id is declared unique, but every result of a run repeats it.
      'unique-error data-quality-uk-25k-spend/data/results.csv': 6803,
      // sources.csv has a period_id column its schema does not describe.
      'extra-label data-quality-uk-25k-spend/data/sources.csv': 1,
      // Two data file URLs contain spaces, so they are not URIs.
      'type-error data-quality-uk-25k-spend/data/sources.csv': 2,
    })
    // result_file's foreign keys name source_file, publisher_file and run_file: the resources are sources, publishers, runs.
    expect(findings.filter((f) => f.rule === 'schema-error').map((f) => f.details?.path)).toEqual([
      '$.resources[4].schema.foreignKeys[0].reference.resource',
      '$.resources[4].schema.foreignKeys[1].reference.resource',
      '$.resources[4].schema.foreignKeys[2].reference.resource',
    ])
    // "format": "datetime" and "date" on date fields are not formats of the date type.
    expect(findings.filter((f) => f.rule === 'field-error').map((f) => f.details?.path)).toEqual([
      '$.resources[3].schema.fields[1].format',
      '$.resources[4].schema.fields[3].format',
      '$.resources[4].schema.fields[9].format',
      '$.resources[5].schema.fields[1].format',
    ])
    // sources.publisher_id -> publishers.id holds across the two files.
    expect(counts['foreign-key data-quality-uk-25k-spend/datapackage.json']).toBeUndefined()
  })

  it('publicbodies: every resource names a schema file that is not in the package folder, one problem reported once', async () => {
    const {counts, findings} = await check('publicbodies')
    expect(counts).toEqual({'schema-error publicbodies/datapackage.json': 1})
    expect(findings.map((f) => f.details?.reason)).toEqual(['missing-file'])
    expect(findings[0].details?.note).toMatch(/11 resources name it \(resources\[0\], .*resources\[10\]\)$/)
  })
})

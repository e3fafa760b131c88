/** Each resource of the report says what its values were checked against (schemaSource), and the human formats show it. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import {htmlFormatter} from '../../src/report/formatters/html/index.js'
import {markdown} from '../../src/report/formatters/markdown.js'
import {stylish} from '../../src/report/formatters/stylish.js'
import type {JsonReport} from '../../src/report/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {repoRoot} from './fixture-report.js'
import {reportValidator} from './report-schema.js'

const fixtures = 'test/fixtures'

async function report(inputs: string[], schemaFile?: string): Promise<JsonReport> {
  const config = await loadConfig({cwd: repoRoot, searchFrom: join(repoRoot, fixtures), builtInChecks: builtInChecksUrl})
  const result = await run({inputs, cwd: repoRoot, config, schemaFile, only: ['source-error']})
  const built = buildReport(result, {version: '0.0.0-test', failOn: 'error'})
  const validate = reportValidator()
  expect(validate(built) ? [] : validate.errors).toEqual([])
  return built
}

const sources = (r: JsonReport) => Object.fromEntries(r.resources.map((x) => [x.path, x.schemaSource]))

describe('schemaSource in the report', {timeout: 60_000}, () => {
  it('is the --schema file for a CSV checked against it, and null without one', async () => {
    expect(sources(await report([`${fixtures}/schema-error/wards.csv`], `${fixtures}/schema-error/wards.schema.json`))).toEqual({
      [`${fixtures}/schema-error/wards.csv`]: `${fixtures}/schema-error/wards.schema.json`,
    })
    expect(sources(await report([`${fixtures}/schema-error/wards.csv`]))).toEqual({[`${fixtures}/schema-error/wards.csv`]: null})
  })

  it('names a package resource\'s schema file, or the place in datapackage.json of a schema written there', async () => {
    const found = sources(await report([`${fixtures}/packages/council-spend`]))
    expect(found[`${fixtures}/packages/council-spend/data/payments.csv`]).toBe(`${fixtures}/packages/council-spend/schemas/payments.json`)
    expect(found[`${fixtures}/packages/council-spend/data/suppliers.csv`]).toMatch(/^test\/fixtures\/packages\/council-spend\/datapackage\.json#\$\.resources\[\d\]\.schema$/)
  })

  it('is the CSVW metadata file describing the table', async () => {
    expect(sources(await report([`${fixtures}/csvw-column-titles/valid.csv`]))).toEqual({[`${fixtures}/csvw-column-titles/valid.csv`]: `${fixtures}/csvw-column-titles/valid.csv-metadata.json`})
  })

  it('is the JSON Schema of JSON data', async () => {
    const found = sources(await report([`${fixtures}/json-schema-error/ev-chargers.json`], `${fixtures}/json-schema-error/draft-07.schema.json`))
    expect(found).toEqual({[`${fixtures}/json-schema-error/ev-chargers.json`]: `${fixtures}/json-schema-error/draft-07.schema.json`})
  })

  it('is shown beside the file in the stylish, Markdown and HTML reports', async () => {
    const r = await report([`${fixtures}/schema-error/wards.csv`], `${fixtures}/schema-error/wards.schema.json`)
    const context = {color: false, cwd: repoRoot}
    expect(stylish(r, context).split('\n')[0]).toBe(`${fixtures}/schema-error/wards.csv (2 rows, 2 columns, utf-8, delimiter ",", schema ${fixtures}/schema-error/wards.schema.json)`)
    expect(markdown(r, context)).toContain(`| test/fixtures/schema-error/wards.csv (schema: test/fixtures/schema-error/wards.schema.json) |`)
    expect(htmlFormatter(r, context)).toContain(`<td>${fixtures}/schema-error/wards.csv <span class="hint">(schema: ${fixtures}/schema-error/wards.schema.json)</span></td>`)
  })
})

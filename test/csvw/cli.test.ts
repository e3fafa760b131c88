/**
 * CSVW through the built odcheck binary: a metadata file as the input, `--only '#csvw'`, the
 * exit codes (1 for invalid metadata or data, 2 for a web address without --online), and the
 * JSON report naming the metadata file, line and column.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {oneLine} from '../config/helpers.js'
import {fixturesDir} from '../helpers/rule-tester.js'

describe('odcheck check with CSVW metadata', () => {
  it('checks the tables a metadata file describes, and exits 1 on what the spec calls errors', async () => {
    const {code, stdout} = await odcheck(['check', 'csvw-foreign-key/invalid/csv-metadata.json', '--only', '#csvw', '--json'], {cwd: fixturesDir})
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as JsonReport
    expect(report.resources.map((r) => r.path).sort()).toEqual(['csvw-foreign-key/invalid/councillors.csv', 'csvw-foreign-key/invalid/wards.csv'])
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['csvw-foreign-key']))
    expect(report.rules.every((r) => r.tags.includes('#csvw'))).toBe(true)
  })

  it('names the broken metadata file with the line and column of the syntax error', async () => {
    const {code, stdout} = await odcheck(['check', 'csvw-metadata-error/trailing-comma-metadata.json', '--only', '#csvw', '--format', 'stylish', '--no-color'], {cwd: fixturesDir})
    expect(code).toBe(1)
    expect(stdout).toContain('csvw-metadata-error/trailing-comma-metadata.json')
    expect(stdout).toMatch(/trailing comma before "\]" at line 4, column 29/)
  })

  it('exits 0 when the data matches its metadata, warnings included', async () => {
    const {code, stdout} = await odcheck(['check', join(fixturesDir, 'csvw-table-not-described', 'other', 'allotments.csv'), '--only', '#csvw', '--json'])
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as JsonReport).summary).toMatchObject({errors: 0, warnings: 1})
  })

  it('refuses a web address without --online, as a usage error', async () => {
    const {code, stderr} = await odcheck(['check', 'http://127.0.0.1:9/tree-ops.csv', '--only', '#csvw'])
    expect(code).toBe(2)
    expect(oneLine(stderr)).toMatch(/is a web address, and odcheck works offline/)
  })
})

/** Every real UK dataset in ../shared/corpus/real gives a report, never a crash (exit 0 or 1, never 2). */
import {readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const realDir = join(sharedDir, 'corpus', 'real')

function tables(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return tables(path)
    return /\.(csv|tsv|txt)$/i.test(name) && name !== 'README.md' ? [path] : []
  })
}

describe.skipIf(!hasShared)(hasShared ? 'real council data' : skipReason, () => {
  const files = hasShared ? tables(realDir) : []
  it.each(files.map((f) => [relative(realDir, f), f]))('%s gives a report', async (_name, file) => {
    const r = await odcheck(['check', file, '--json'])
    expect(r.stderr).toBe('')
    expect([0, 1]).toContain(r.code)
    const report = JSON.parse(r.stdout)
    expect(report.reportVersion).toBe(1)
    expect(report.resources).toHaveLength(1)
  })
})

describe.skipIf(!hasShared)(hasShared ? "Trafford's supplier spend, published as a zip" : skipReason, () => {
  // MANIFEST: a 557 KB .zip holding trafford-supplier-spend-2026-27.csv (CRLF, 38,055 data rows, 16 columns), beside CSVW metadata naming the .csv.
  it('is read from inside the zip and checked against the CSVW metadata beside it', async () => {
    const r = await odcheck(['check', join(realDir, 'trafford', 'supplier-spend-2026-27'), '--json'], {cwd: realDir})
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.resources).toHaveLength(1)
    expect(report.resources[0]).toMatchObject({
      path: 'trafford/supplier-spend-2026-27/trafford-supplier-spend-2026-27.zip/trafford-supplier-spend-2026-27.csv',
      compression: 'zip',
      innerpath: 'trafford-supplier-spend-2026-27.csv',
      rowCount: 38055,
      fieldCount: 16,
      dialect: {lineTerminator: '\r\n'},
      schemaSource: 'trafford/supplier-spend-2026-27/csv-metadata.json',
    })
    // The CSV has an InvoiceNumber column the metadata's 15 columns leave out.
    expect(report.findings).toContainEqual(expect.objectContaining({rule: 'csvw-column-titles', rowNumber: 1, fieldNumber: 14, fieldName: 'InvoiceNumber'}))
  })
})

/**
 * Tables inside .zip and .gz files (src/load/archive.ts) are checked like any other, named under
 * their archive; an archive odcheck cannot read says why; the user's archive is never changed and
 * the decompressed copies never outlive the run.
 */
import {createHash} from 'node:crypto'
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import {shortOfSpace} from '../../src/load/archive.js'
import {odcheck} from '../helpers/cli.js'
import {reportValidator} from '../report/report-schema.js'
import {buildReport} from '../../src/report/build.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'archives')

async function check(inputs: string[], options: Partial<RunOptions> = {}) {
  const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs, cwd: dir, config, ...options})
  const findings = result.tables.flatMap((t) => t.findings).map((f) => ({rule: f.rule, resource: f.resource, rowNumber: f.rowNumber, fieldNumber: f.fieldNumber, message: f.message, reason: f.details?.reason}))
  return {result, tables: result.tables.map((t) => t.resource), findings}
}

/** The JSON report of `odcheck check FOLDER --only spreadsheet-error-value`, valid against the report schema, and each resource's path, compression and innerpath. */
async function storedResources(folder: string, env: Record<string, string>) {
  const {code, stdout} = await odcheck(['check', folder, '--format', 'json', '--only', 'spreadsheet-error-value'], {cwd: dir, env})
  const report = JSON.parse(stdout)
  const validate = reportValidator()
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  return {code, stored: report.resources.map((r: Record<string, unknown>) => [r.path, r.compression, r.innerpath])}
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex')

describe('tables inside a zip', () => {
  it('checks each table in it, named under the zip, with rows and columns counted in the table', async () => {
    const {tables, findings} = await check(['zipped-spend'], {only: ['cell-whitespace', 'spreadsheet-error-value']})
    // README.txt is prose and __MACOSX holds resource forks: neither is a table.
    expect(tables).toEqual(['zipped-spend/spend-2026-27.zip/spend-2026-27.csv', 'zipped-spend/spend-2026-27.zip/lookups/wards.csv'])
    expect(findings.map(({rule, resource, rowNumber, fieldNumber}) => ({rule, resource, rowNumber, fieldNumber}))).toEqual([
      {rule: 'cell-whitespace', resource: 'zipped-spend/spend-2026-27.zip/spend-2026-27.csv', rowNumber: 3, fieldNumber: 2},
      {rule: 'spreadsheet-error-value', resource: 'zipped-spend/spend-2026-27.zip/spend-2026-27.csv', rowNumber: 4, fieldNumber: 3},
    ])
  })

  it('lets config overrides match a table inside a zip by its path through the archive', async () => {
    const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const overridden = {...config, overrides: [...config.overrides, {files: ['**/spend-2026-27.zip/*.csv'], rules: {'spreadsheet-error-value': {severity: 'off' as const}}}]}
    const result = await run({inputs: ['zipped-spend'], cwd: dir, config: overridden})
    const rules = result.tables.flatMap((t) => t.findings).map((f) => f.rule)
    expect(rules).toContain('cell-whitespace')
    expect(rules).not.toContain('spreadsheet-error-value')
  })

  it('checks only the file inside a zip that is named through it, as reports name it', async () => {
    expect((await check(['zipped-spend/spend-2026-27.zip/lookups/wards.csv'])).tables).toEqual(['zipped-spend/spend-2026-27.zip/lookups/wards.csv'])
    // The zip named whole too, or its folder, in either order: every file in it.
    const every = ['zipped-spend/spend-2026-27.zip/spend-2026-27.csv', 'zipped-spend/spend-2026-27.zip/lookups/wards.csv']
    for (const inputs of [['zipped-spend/spend-2026-27.zip/lookups/wards.csv', 'zipped-spend/spend-2026-27.zip'], ['zipped-spend/spend-2026-27.zip', 'zipped-spend/spend-2026-27.zip/lookups/wards.csv'], ['zipped-spend/spend-2026-27.zip/lookups/wards.csv', 'zipped-spend']]) {
      expect((await check(inputs)).tables).toEqual(every)
    }
    const {findings} = await check(['zipped-spend/spend-2026-27.zip/nope.csv'], {only: ['source-error']})
    expect(findings.map((f) => f.message)).toEqual(['zipped-spend/spend-2026-27.zip holds no nope.csv (it holds spend-2026-27.csv, README.txt, lookups/wards.csv): check the path inside the zip.'])
  })

  it('leaves out files inside a zip that the config ignores, by their path through it', async () => {
    const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: ['zipped-spend'], cwd: dir, config: {...config, ignore: ['**/lookups/**']}})
    expect(result.tables.map((t) => t.resource)).toEqual(['zipped-spend/spend-2026-27.zip/spend-2026-27.csv'])
  })

  it('tells the run\'s progress how far each archive is decompressed, from nothing to all of it, before its files are checked', async () => {
    const events: Array<{resource: string; bytes: number; size: number; decompressing?: true}> = []
    await check(['zipped-spend', 'wards.csv.gz'], {only: ['blank-row'], onProgress: (p) => events.push(p)})
    for (const archive of ['zipped-spend/spend-2026-27.zip', 'wards.csv.gz']) {
      const steps = events.filter((e) => e.decompressing && e.resource === archive)
      const size = steps[0].size
      expect(size).toBeGreaterThan(0)
      expect(steps[0].bytes).toBe(0)
      expect(steps.at(-1)).toMatchObject({bytes: size, size})
      expect(steps.every((e, i) => e.size === size && (i === 0 || e.bytes >= steps[i - 1].bytes))).toBe(true)
    }
    // Checking starts after both are decompressed.
    const lastDecompressing = events.findLastIndex((e) => e.decompressing)
    expect(events.findIndex((e) => !e.decompressing)).toBeGreaterThan(lastDecompressing)
  })

  it('leaves out a zip of documents found beside the tables', async () => {
    expect((await check(['docs-beside'])).tables).toEqual(['docs-beside/wards.csv'])
  })

  it('says what a zip holds when it holds no data and nothing else is checked', async () => {
    const {tables, findings} = await check(['docs-only'], {only: ['source-error']})
    expect(tables).toEqual(['docs-only/guide.zip'])
    expect(findings).toEqual([expect.objectContaining({rule: 'source-error', message: 'docs-only/guide.zip holds no data odcheck can check (it holds guide.pdf): odcheck checks tables (CSV, TSV, .xlsx), JSON and RDF data.'})])
  })

  it('reports a file encrypted inside a zip as unreadable, naming it', async () => {
    const {findings} = await check(['locked.zip'], {only: ['source-error']})
    expect(findings).toEqual([
      expect.objectContaining({resource: 'locked.zip/spend.csv', reason: 'unreadable', message: 'locked.zip/spend.csv is encrypted (the zip has a password), so it cannot be read: publish it without a password.'}),
    ])
  })

  it('reports a .zip that is not a zip file', async () => {
    const {findings} = await check(['not-a-zip.zip'], {only: ['source-error']})
    expect(findings).toEqual([
      expect.objectContaining({resource: 'not-a-zip.zip', reason: 'unreadable', message: 'not-a-zip.zip cannot be read as a zip archive (it is not a zip file, or it is cut short): check that it is complete, and publish it again if it is not.'}),
    ])
  })
})

describe('archives inside an archive', () => {
  it('are read in turn, each table named through every archive; one holding no data is left out', async () => {
    const {result, findings} = await check(['nested'], {only: ['cell-whitespace', 'spreadsheet-error-value', 'source-error']})
    // docs.zip holds only a PDF, and notes.txt is prose.
    expect(result.tables.map((t) => [t.resource, t.innerpath])).toEqual([
      ['nested/spend-2026.zip/april.zip/april.csv', 'april.zip/april.csv'],
      ['nested/spend-2026.zip/may.zip/may.csv', 'may.zip/may.csv'],
    ])
    expect(findings.map(({rule, resource, rowNumber, fieldNumber}) => [rule, resource, rowNumber, fieldNumber])).toEqual([
      ['cell-whitespace', 'nested/spend-2026.zip/april.zip/april.csv', 2, 2],
      ['spreadsheet-error-value', 'nested/spend-2026.zip/may.zip/may.csv', 2, 3],
    ])
  })

  it('are read three deep at most: a fourth is a source-error saying so', async () => {
    const {findings} = await check(['nested-deep.zip'], {only: ['source-error']})
    expect(findings).toEqual([expect.objectContaining({rule: 'source-error', resource: 'nested-deep.zip/l2.zip/l3.zip/l4.zip', reason: 'unreadable'})])
  })
})

describe('tables inside a tar archive', () => {
  it('checks each table in a .tar.gz, named under it, and never writes the link it holds', async () => {
    const {tables, findings} = await check(['tarred-spend'], {only: ['cell-whitespace', 'spreadsheet-error-value', 'source-error']})
    // The same files as zipped-spend's zip; README.txt is prose, and latest.csv a symbolic link to /etc/passwd.
    expect(tables).toEqual(['tarred-spend/spend-2026-27.tar.gz/spend-2026-27.csv', 'tarred-spend/spend-2026-27.tar.gz/lookups/wards.csv'])
    expect(findings.map(({rule, resource, rowNumber, fieldNumber}) => ({rule, resource, rowNumber, fieldNumber}))).toEqual([
      {rule: 'cell-whitespace', resource: 'tarred-spend/spend-2026-27.tar.gz/spend-2026-27.csv', rowNumber: 3, fieldNumber: 2},
      {rule: 'spreadsheet-error-value', resource: 'tarred-spend/spend-2026-27.tar.gz/spend-2026-27.csv', rowNumber: 4, fieldNumber: 3},
    ])
  })

  it('reads a gzipped tar archive named .tar (as a catalogue download may be), by its first bytes', async () => {
    const {tables} = await check(['gzipped-named-tar.tar'], {only: ['cell-whitespace']})
    expect(tables).toEqual(['gzipped-named-tar.tar/spend-2026-27.csv', 'gzipped-named-tar.tar/lookups/wards.csv'])
  })

  it('checks only the file inside a tar archive that is named through it', async () => {
    const {tables} = await check(['tarred-spend/spend-2026-27.tar.gz/lookups/wards.csv'], {only: ['cell-whitespace']})
    expect(tables).toEqual(['tarred-spend/spend-2026-27.tar.gz/lookups/wards.csv'])
    const missing = await check(['tarred-spend/spend-2026-27.tar.gz/wards.csv'], {only: ['source-error']})
    expect(missing.findings).toEqual([expect.objectContaining({rule: 'source-error', resource: 'tarred-spend/spend-2026-27.tar.gz', reason: 'unreadable'})])
    expect(missing.findings[0].message).toContain('holds no wards.csv')
  })

  it('refuses a tar archive holding a name that leads outside it, and one that is not a tar archive', async () => {
    const {findings} = await check(['escape.tar', 'not-a-tar.tgz'], {only: ['source-error']})
    expect(findings.map(({resource, reason}) => [resource, reason])).toEqual([
      ['escape.tar', 'unreadable'],
      ['not-a-tar.tgz', 'unreadable'],
    ])
    expect(findings[0].message).toContain('../outside.csv')
  })
})

describe('metadata inside an archive', () => {
  it('makes an archive given on its own a dataset: a zipped data package is checked as its folder, named through the zip', async () => {
    const {result} = await check(['zipped-package/ward-population.zip'], {only: ['type-error', 'licence-missing', 'metadata-not-found']})
    const [table] = result.tables
    const report = buildReport(result, {version: 'test', failOn: 'error'})
    expect([report.resources[0].path, report.resources[0].schemaSource, report.resources[0].compression, report.resources[0].innerpath]).toEqual(['zipped-package/ward-population.zip/wards.csv', 'zipped-package/ward-population.zip/datapackage.json#$.resources[0].schema', 'zip', 'wards.csv'])
    // The package's schema says population is an integer; "about 9,800" is not one.
    expect(table.findings.map((f) => [f.rule, f.rowNumber, f.fieldNumber])).toEqual([['type-error', 3, 2]])
    // Its licence is read: nothing says no metadata was found.
    expect(result.dataset?.findings).toEqual([])
    expect(report.metadata?.sources.map((s) => s.path)).toEqual(['zipped-package/ward-population.zip/datapackage.json'])
  })

  it('in an archive found in a folder is named where the metadata rules say none was found: odcheck, like catalogues, does not read it there', async () => {
    const {result} = await check(['zipped-package'], {only: ['licence-missing', 'metadata-not-found']})
    expect(result.tables.map((t) => t.resource)).toEqual(['zipped-package/ward-population.zip/wards.csv'])
    // Checked on its own, the zip would be read as the dataset it describes: the finding says so.
    expect(result.dataset?.findings.find((f) => f.rule === 'metadata-not-found')?.details?.archive).toBe('zipped-package/ward-population.zip')
    expect(result.dataset?.findings.map((f) => [f.rule, f.details?.inArchives])).toEqual([
      ['licence-missing', ['zipped-package/ward-population.zip/datapackage.json']],
      ['metadata-not-found', ['zipped-package/ward-population.zip/datapackage.json']],
    ])
  })
})

describe('a data package with compressed resources', () => {
  it('checks the file its innerpath names inside a zip, and a .gz, against their schemas; their declared bytes are the archives\'', async () => {
    const {result, findings} = await check(['package'])
    const described = Object.fromEntries(result.tables.map((t) => [t.resource, t.head?.schemaSource]))
    const descriptor = join(dir, 'package', 'datapackage.json')
    expect(described).toEqual({
      'package/spend-2026-27.zip/spend-2026-27.csv': `${descriptor}#$.resources[0].schema`,
      'package/spend-2026-27.zip/lookups/wards.csv': undefined,
      'package/wards.csv.gz': `${descriptor}#$.resources[1].schema`,
    })
    expect(findings.filter((f) => f.rule === 'type-error').map((f) => [f.resource, f.rowNumber, f.fieldNumber])).toEqual([['package/spend-2026-27.zip/spend-2026-27.csv', 4, 3]])
    // Both resources declare "bytes": 1, the size of the archive as stored, which odcheck does not measure.
    const rules = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])].map((f) => f.rule)
    expect(rules).not.toContain('byte-count')
    expect(rules).not.toContain('metadata-mismatch')
  })
})

describe('room to decompress', () => {
  it('is asked for before a zip is decompressed, and a shortfall says how to make room', async () => {
    expect(await shortOfSpace(1024, tmpdir())).toBeUndefined()
    expect(await shortOfSpace(2 ** 60, tmpdir())).toMatch(/^needs 1073741824 GB to decompress the files to check, and the temporary folder \(.+\) has [\d.]+ [KMG]?B free: set TMPDIR to a folder with room, or unzip it yourself and check the files\.$/)
  })
})

describe('a gzipped table', () => {
  it('is checked under its own name', async () => {
    const {tables, findings, result} = await check(['wards.csv.gz'], {only: ['blank-row']})
    expect(tables).toEqual(['wards.csv.gz'])
    expect(result.tables[0].head?.labels).toEqual(['ward_code', 'ward_name', 'streetlights'])
    expect(findings.map((f) => [f.rule, f.rowNumber])).toEqual([['blank-row', 5]])
  })

  it('that is cut short is a source-error saying how to test it', async () => {
    const {findings} = await check(['truncated.csv.gz'], {only: ['source-error']})
    expect(findings).toEqual([
      expect.objectContaining({reason: 'unreadable', message: 'truncated.csv.gz cannot be decompressed (it ends before its data does): check that it is a complete gzip file (gunzip -t truncated.csv.gz), and publish it again if it is not.'}),
    ])
  })

  it('found in a folder is left out when what is inside is not data', async () => {
    expect((await check(['folder-with-dump'])).tables).toEqual(['folder-with-dump/wards.csv'])
  })
})

describe('odcheck check on archives', () => {
  let temp: string
  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'odcheck-archive-test-'))
  })
  afterAll(async () => {
    await rm(temp, {recursive: true, force: true})
  })

  it('reports the archive in JSON as Frictionless does (compression, innerpath), leaves it unchanged and removes its decompressed copies', async () => {
    const zip = join(dir, 'zipped-spend', 'spend-2026-27.zip')
    const before = await sha256(zip)
    const {code, stored} = await storedResources('zipped-spend', {TMPDIR: temp})
    expect(code).toBe(1)
    expect(stored).toEqual([
      ['zipped-spend/spend-2026-27.zip/spend-2026-27.csv', 'zip', 'spend-2026-27.csv'],
      ['zipped-spend/spend-2026-27.zip/lookups/wards.csv', 'zip', 'lookups/wards.csv'],
    ])
    expect(await sha256(zip)).toBe(before)
    expect(await readdir(temp)).toEqual([])
  })

  it('writes metadata with init that lists the files inside a zip by their path through it, which check then matches', async () => {
    const folder = join(temp, 'init')
    await cp(join(dir, 'zipped-spend'), folder, {recursive: true})
    const init = await odcheck(['init', folder])
    expect(init.code).toBe(0)
    // No schema can be written beside a file inside a zip: init says how to make one, rather than failing to read it.
    expect(init.stdout).toContain('schema infer')
    expect(init.stdout + init.stderr).not.toContain('ENOTDIR')
    const written = await readFile(join(folder, 'odcheck.yaml'), 'utf8')
    expect(written).toContain('  - path: spend-2026-27.zip/spend-2026-27.csv\n')
    const ok = JSON.parse((await odcheck(['check', folder, '--format', 'json', '--only', 'metadata-mismatch'], {cwd: temp})).stdout)
    expect(ok.findings).toEqual([])
    await writeFile(join(folder, 'odcheck.yaml'), written.replace('fields: [Body, Supplier, Amount, Date]', 'fields: [Body, Supplier, Amount, Paid]'))
    const changed = JSON.parse((await odcheck(['check', folder, '--format', 'json', '--only', 'metadata-mismatch'], {cwd: temp})).stdout)
    expect(changed.findings).toEqual([expect.objectContaining({resource: 'init/spend-2026-27.zip/spend-2026-27.csv', details: expect.objectContaining({missing: ['Paid'], extra: ['Date']})})])
    await rm(folder, {recursive: true})
  })

  it('never writes a file of a zip outside its temporary folder (a name with ../ in it)', async () => {
    const {code, stdout} = await odcheck(['check', 'escape.zip', '--format', 'json', '--only', 'source-error'], {cwd: dir, env: {TMPDIR: temp}})
    expect(code).toBe(1)
    expect(JSON.parse(stdout).findings).toEqual([expect.objectContaining({resource: 'escape.zip', message: 'escape.zip cannot be read as a zip archive (invalid relative path: ../outside.csv): check that it is complete, and publish it again if it is not.'})])
    expect(await readdir(temp)).toEqual([])
  })

  it('reports a file inside a tar archive in JSON with compression tar and its innerpath, and SARIF on the archive', async () => {
    const {stored} = await storedResources('tarred-spend', {TMPDIR: temp})
    expect(stored).toEqual([
      ['tarred-spend/spend-2026-27.tar.gz/spend-2026-27.csv', 'tar', 'spend-2026-27.csv'],
      ['tarred-spend/spend-2026-27.tar.gz/lookups/wards.csv', 'tar', 'lookups/wards.csv'],
    ])
    const sarif = JSON.parse((await odcheck(['check', 'tarred-spend', '--format', 'sarif', '--only', 'spreadsheet-error-value'], {cwd: dir})).stdout)
    expect(sarif.runs[0].artifacts).toEqual([
      expect.objectContaining({location: expect.objectContaining({uri: 'tarred-spend/spend-2026-27.tar.gz'}), mimeType: 'application/gzip', properties: expect.objectContaining({innerpaths: ['spend-2026-27.csv', 'lookups/wards.csv']})}),
    ])
    expect(await readdir(temp)).toEqual([])
  })

  it('names every file of a zipped data package through the zip in every report, never by its temporary copy', async () => {
    for (const format of ['json', 'sarif', 'stylish', 'github', 'junit', 'markdown']) {
      const {stdout} = await odcheck(['check', 'zipped-package/ward-population.zip', '--format', format], {cwd: dir, env: {TMPDIR: temp}})
      expect(stdout, format).toContain('ward-population.zip/')
      expect(stdout, format).not.toContain(temp)
    }
    expect(await readdir(temp)).toEqual([])
  })

  it('puts GitHub annotations for a table inside a zip on the zip, naming the table in the title', async () => {
    const {stdout} = await odcheck(['check', 'zipped-spend', '--format', 'github', '--only', 'spreadsheet-error-value'], {cwd: dir})
    expect(stdout.trim()).toBe('::error file=zipped-spend/spend-2026-27.zip,title=spreadsheet-error-value (in spend-2026-27.csv)::Column "Amount" in row 4 holds the spreadsheet error #REF!: a formula failed before the file was saved')
  })

  it('makes the zip the SARIF artifact, with the table inside as innerpath', async () => {
    const {stdout} = await odcheck(['check', 'zipped-spend', '--format', 'sarif', '--only', 'spreadsheet-error-value'], {cwd: dir})
    const sarif = JSON.parse(stdout).runs[0]
    expect(sarif.artifacts).toHaveLength(1)
    expect(sarif.artifacts[0]).toMatchObject({location: {uri: 'zipped-spend/spend-2026-27.zip'}, mimeType: 'application/zip', properties: {innerpaths: ['spend-2026-27.csv', 'lookups/wards.csv']}})
    expect(sarif.results[0].locations[0].physicalLocation).toMatchObject({artifactLocation: {uri: 'zipped-spend/spend-2026-27.zip', index: 0}, region: {startLine: 1}})
    expect(sarif.results[0].properties).toMatchObject({innerpath: 'spend-2026-27.csv', line: 4, rowNumber: 4, fieldNumber: 3})
  })
})

/**
 * Every real metadata file in ../shared/corpus/real (CKAN, DCAT JSON/RDF/Turtle, Trafford's
 * CSVW files, Frictionless data packages) gives a model or a clear problem: never a crash.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {loadMetadata} from '../../src/metadata/load.js'
import {buildReport} from '../../src/report/build.js'
import {repoRoot} from '../helpers/cli.js'
import {schemaErrors} from '../metadata/helpers.js'

const realDir = resolve(repoRoot, '..', 'shared', 'corpus', 'real')
const hasCorpus = existsSync(realDir)
const skipReason = `the shared corpus is absent at ${realDir}: real-metadata conformance tests skipped`
if (!hasCorpus) console.warn(skipReason)

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, keep) : keep(name) ? [path] : []
  })
}

const metadataFiles = hasCorpus
  ? [
      ...files(join(realDir, 'metadata'), () => true),
      ...files(join(realDir, 'trafford'), (n) => /-metadata\.json$/.test(n)),
      ...files(join(realDir, 'frictionless'), (n) => /^datapackage\.(json|ya?ml)$/.test(n)),
    ]
  : []

describe.skipIf(!hasCorpus)(hasCorpus ? 'real metadata files' : skipReason, () => {
  it.each(metadataFiles.map((f) => [relative(realDir, f), f]))('%s gives a model or a clear problem', async (_name, file) => {
    const load = await loadMetadata({inputs: [file], cwd: realDir})
    expect(load.documents.length + load.problems.length).toBeGreaterThan(0)
    for (const doc of load.documents) expect(schemaErrors(doc)).toEqual([])
    for (const problem of load.problems) {
      expect(problem.path).toBe(file)
      expect(problem.message.length).toBeGreaterThan(10)
      expect(problem.hint.length).toBeGreaterThan(10)
    }
  })

  it('names the line and column of the syntax error in each broken Trafford CSVW file', async () => {
    const broken = {
      'trafford/senior-salaries/senior_salaries_employees.csv-metadata.json': 25,
      'trafford/procurement-card-transactions/csv-metadata.json': 4,
      'trafford/supplier-spend-2026-27/csv-metadata.json': 4,
    }
    for (const [file, line] of Object.entries(broken)) {
      const load = await loadMetadata({inputs: [join(realDir, file)], cwd: realDir})
      expect(load.problems.map((p) => [p.reason, p.format, p.line])).toEqual([['syntax', 'csvw', line]])
      expect(load.problems[0].column).toBeGreaterThan(0)
    }
  })

  it('reads the data.gov.uk CKAN record with its uk-ogl licence id and rejects the organisation record', async () => {
    const dir = join(realDir, 'metadata', 'ckan-datagovuk-mod-disposals')
    const pkg = await loadMetadata({inputs: [join(dir, 'package_show.json')], cwd: realDir})
    expect(pkg.documents[0]).toMatchObject({title: 'Defence Infrastructure Organisation Disposals Database House of Commons Report', licence: {raw: 'uk-ogl'}, publisher: {name: 'Ministry of Defence'}})
    const org = await loadMetadata({inputs: [join(dir, 'organization_show.json')], cwd: realDir})
    expect(org.problems.map((p) => p.reason)).toEqual(['unrecognised'])
  })

  it.each(hasCorpus ? readdirSync(join(realDir, 'trafford')).map((d) => [d]) : [])('checking trafford/%s runs the metadata rules and builds a report', async (dataset) => {
    const dir = join(realDir, 'trafford', dataset)
    const config = await loadConfig({cwd: realDir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const tables = readdirSync(dir).filter((n) => /\.csv$/i.test(n))
    if (tables.length === 0) return
    const result = await run({inputs: [relative(realDir, dir)], cwd: realDir, config, only: ['#metadata']})
    const report = buildReport(result, {version: 'test', failOn: 'error'})
    // Every CSV is checked (other data, such as GeoJSON, may be too).
    expect(report.resources.map((r) => r.path)).toEqual(expect.arrayContaining(tables.map((t) => `trafford/${dataset}/${t}`)))
    for (const f of report.findings.filter((f) => f.rule.startsWith('metadata-'))) expect(f.message).not.toMatch(/\{\{|undefined/)
  })
})

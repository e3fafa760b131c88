/**
 * `odcheck init` through the built binary, on copies of test/fixtures/init/ in temp folders:
 * the files it writes, that it never overwrites without --force, that its odcheck.yaml follows
 * the schema and, once filled in, clears every metadata error, and that its certificate.yaml
 * parses as an answers file and, once its required questions are answered, earns a level.
 */
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseAnswersFile} from '../../src/assess/certificate/index.js'
import {metadataSchemaValidator} from '../../src/metadata/schema.js'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {oneLine} from '../config/helpers.js'

const fixtures = join(repoRoot, 'test', 'fixtures', 'init')
let root: string

/** A fresh copy of a fixture folder, so every test starts from the data alone. */
async function copy(name: string): Promise<string> {
  const dir = await mkdtemp(join(root, `${name}-`))
  await cp(join(fixtures, name), dir, {recursive: true})
  return dir
}

/** A commented YAML file's comments as running text, so assertions do not depend on where lines wrap. */
function prose(text: string): string {
  return text.replace(/\n# +/g, ' ')
}

/** Fills `# key:` lines the way the file asks: remove the "# " and write the value. */
function fill(text: string, values: Record<string, string>): string {
  let out = text
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^# ${key}:$`, 'm')
    expect(out, `no "# ${key}:" line to fill`).toMatch(line)
    out = out.replace(line, `${key}: ${value}`)
  }
  return out
}

const METADATA_VALUES = {
  publisher: '{name: Trafford Council, url: https://www.trafford.gov.uk}',
  licence: 'OGL-UK-3.0',
  description: 'Bins collected and collections missed in each ward, per month.',
  contactPoint: '{name: Waste team, email: waste@trafford.gov.uk}',
  attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.',
  updateFrequency: 'monthly',
  documentation: 'https://www.trafford.gov.uk/opendata/bins/about',
  keywords: '[waste, bins]',
  temporal: '{start: 2025-04-01, end: 2025-06-30}',
  spatial: 'Trafford',
}

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'commands', 'init.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
  root = await mkdtemp(join(tmpdir(), 'odcheck-init-'))
})

afterAll(() => rm(root, {recursive: true, force: true}))

describe('odcheck init', {timeout: 300_000}, () => {
  it('refuses a --delimiter or --encoding it cannot use (exit 2) and writes nothing', async () => {
    const dir = await copy('plain')
    for (const flag of [['--delimiter', 'ab'], ['--encoding', 'bogus']]) {
      const r = await odcheck(['init', dir, ...flag])
      expect(r.code).toBe(2)
      expect(existsSync(join(dir, 'odcheck.yaml'))).toBe(false)
    }
  })

  it('writes odcheck.yaml and certificate.yaml beside the data and says what to fill in next', async () => {
    const dir = await copy('plain')
    const r = await odcheck(['init', dir])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain(`Wrote ${join(dir, 'odcheck.yaml')}`)
    expect(r.stdout).toContain(`Wrote ${join(dir, 'certificate.yaml')}`)
    expect(r.stdout).toContain(`Wrote ${join(dir, 'ward-counts.schema.yaml')}: a Table Schema of 5 columns inferred from ward-counts.csv`)
    expect(r.stdout).toMatch(/Next:\n {2}1\. Fill in odcheck\.yaml: publisher, licence \(required\), then description, contactPoint, attribution, updateFrequency, documentation \(recommended\)\./)
    expect(r.stdout).toMatch(/2\. Answer the required questions in certificate\.yaml: releaseType, publisherRights, contentRights/)
    expect(r.stdout).toContain(`odcheck check ${join(dir, 'ward-counts.csv')} --schema ${join(dir, 'ward-counts.schema.yaml')}`)
    expect(r.stdout).toContain(`odcheck check ${dir}`)
  })

  it('writes a Table Schema of each table that the table, checked against it, fits', async () => {
    const dir = await copy('plain')
    const r = await odcheck(['init', dir, '--schema'])
    expect(r.code).toBe(0)
    expect(existsSync(join(dir, 'odcheck.yaml'))).toBe(false)
    const schema = parse(await readFile(join(dir, 'ward-counts.schema.yaml'), 'utf8'))
    expect(schema.fields.map((f: {name: string; type: string}) => [f.name, f.type])).toEqual([
      ['ward_code', 'string'],
      ['ward_name', 'string'],
      ['month', 'date'],
      ['bins_collected', 'integer'],
      ['missed_collections', 'integer'],
    ])
    const checked = JSON.parse((await odcheck(['check', join(dir, 'ward-counts.csv'), '--schema', join(dir, 'ward-counts.schema.yaml'), '--format', 'json'])).stdout) as JsonReport
    const schemaRules = new Set(checked.rules.filter((rule) => rule.tags.includes('#schema')).map((rule) => rule.id))
    expect(schemaRules.has('type-error')).toBe(true)
    expect(checked.findings.filter((f) => schemaRules.has(f.rule))).toEqual([])
    // The schema is not read as a table or as metadata when the folder is checked.
    const folder = JSON.parse((await odcheck(['check', dir, '--format', 'json'])).stdout) as JsonReport
    expect(folder.resources.map((x) => x.path)).toEqual([join(dir, 'ward-counts.csv')])
  })

  it('says why it writes no schema for a dataset with no CSV or TSV table', async () => {
    const dir = await mkdtemp(join(root, 'workbook-'))
    await cp(join(repoRoot, 'test', 'fixtures', 'proprietary-format', 'car-parks.xlsx'), join(dir, 'car-parks.xlsx'))
    const r = await odcheck(['init', dir, '--schema'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('No schema: odcheck infers schemas for CSV and TSV tables, and there are none here.')
  })

  it('writes an odcheck.yaml that follows its schema, prefilled with a title and the files with format, encoding and columns', async () => {
    const dir = await copy('plain')
    expect((await odcheck(['init', dir])).code).toBe(0)
    const data = parse(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    const validate = metadataSchemaValidator('odcheck-metadata.schema.json')
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(data.title).toMatch(/^Plain /)
    expect(prose(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))).toContain('odcheck suggested this from the folder name')
    expect(data.distributions).toEqual([
      {path: 'ward-counts.csv', format: 'csv', mediaType: 'text/csv; charset=utf-8', fields: ['ward_code', 'ward_name', 'month', 'bins_collected', 'missed_collections']},
    ])
    // Nothing is guessed: keys odcheck cannot know are left to fill in.
    for (const key of ['publisher', 'licence', 'description', 'personalData']) expect(data[key]).toBeUndefined()
    const text = prose(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    expect(text).toContain('The dates in column "month" of ward-counts.csv run from 2025-04-01 to 2025-06-01')
    expect(text).toContain("odcheck's scan found no personal data")
  })

  it('takes the title from the file name when given one file, and records the encoding it detected', async () => {
    const dir = await copy('legacy')
    expect((await odcheck(['init', join(dir, 'payments.csv'), '--metadata'])).code).toBe(0)
    expect(existsSync(join(dir, 'certificate.yaml'))).toBe(false)
    const data = parse(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    expect(data.title).toBe('Payments')
    expect(prose(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))).toContain('odcheck suggested this from the file name')
    expect(data.distributions).toEqual([{path: 'payments.csv', format: 'csv', mediaType: 'text/csv; charset=windows-1252', fields: ['Supplier', 'Paid', 'Amount (£)']}])
  })

  it('lists RDF and GeoJSON files with their IANA media types', async () => {
    const dir = await mkdtemp(join(root, 'linked-'))
    await writeFile(join(dir, 'wards.ttl'), '<https://data.example.gov.uk/id/ward/1> <http://www.w3.org/2000/01/rdf-schema#label> "Altrincham" .\n')
    await writeFile(join(dir, 'parks.geojson'), JSON.stringify({type: 'FeatureCollection', features: [{type: 'Feature', properties: {name: 'Longford Park'}, geometry: {type: 'Point', coordinates: [-2.3, 53.45]}}]}))
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const data = parse(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    const media = Object.fromEntries((data.distributions as Array<{path: string; mediaType?: string}>).map((d) => [d.path, d.mediaType?.split(';')[0]]))
    expect(media).toEqual({'parks.geojson': 'application/geo+json', 'wards.ttl': 'text/turtle'})
  })

  it('refuses to run again without --force (exit 2), leaving the files as they were', async () => {
    const dir = await copy('plain')
    expect((await odcheck(['init', dir])).code).toBe(0)
    const files = ['odcheck.yaml', 'certificate.yaml', 'ward-counts.schema.yaml'].map((f) => join(dir, f))
    await writeFile(files[0], '# mine\ntitle: Mine\n')
    const before = await Promise.all(files.map(async (f) => ({text: await readFile(f, 'utf8'), mtime: (await stat(f)).mtimeMs})))
    const again = await odcheck(['init', dir])
    expect(again.code).toBe(2)
    expect(oneLine(again.stderr)).toContain(`${files[0]}, ${files[1]} and ${files[2]} already exist; nothing was written`)
    expect(oneLine(again.stderr)).toContain('--force')
    const after = await Promise.all(files.map(async (f) => ({text: await readFile(f, 'utf8'), mtime: (await stat(f)).mtimeMs})))
    expect(after).toEqual(before)
    // With --force it rewrites them, keeping the title already given.
    const forced = await odcheck(['init', dir, '--force'])
    expect(forced.code).toBe(0)
    expect(parse(await readFile(files[0], 'utf8')).title).toBe('Mine')
  })

  it('refuses when only some files exist, writing none, and says how to write just the missing ones', async () => {
    const dir = await copy('plain')
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const r = await odcheck(['init', dir])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain(`${join(dir, 'odcheck.yaml')} already exists; nothing was written`)
    expect(oneLine(r.stderr)).toContain(`To write only what is missing: odcheck init ${dir} --certificate --schema`)
    expect(existsSync(join(dir, 'certificate.yaml'))).toBe(false)
    expect(existsSync(join(dir, 'ward-counts.schema.yaml'))).toBe(false)
    const rest = await odcheck(['init', dir, '--certificate', '--schema'])
    expect(rest.code).toBe(0)
    expect(rest.stdout).toMatch(/Next:\n {2}1\. Answer the required questions in certificate\.yaml: releaseType, publisherRights, contentRights/)
  })

  it('gives an odcheck.yaml that, once filled in, leaves no metadata or licence finding above info', async () => {
    const dir = await copy('plain')
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const path = join(dir, 'odcheck.yaml')
    const before = JSON.parse((await odcheck(['check', dir, '--format', 'json'])).stdout) as JsonReport
    expect(before.findings.filter((f) => f.rule === 'metadata-missing').map((f) => f.details?.property)).toEqual(['publisher'])
    expect(before.findings.some((f) => f.rule === 'licence-missing')).toBe(true)
    await writeFile(path, fill(await readFile(path, 'utf8'), METADATA_VALUES))
    const r = await odcheck(['check', dir, '--format', 'json'])
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.metadata?.publisher?.name).toBe('Trafford Council')
    const metadataRules = new Set(report.rules.filter((rule) => rule.tags.includes('#metadata') || rule.tags.includes('#licence')).map((rule) => rule.id))
    expect(report.findings.filter((f) => metadataRules.has(f.rule) && f.severity !== 'info')).toEqual([])
    expect(report.findings.filter((f) => f.rule.startsWith('metadata-missing'))).toEqual([])
    expect(r.code).toBe(0)
  })

  it('writes with --certificate only a certificate.yaml that parses as an answers file and, answered, earns Bronze', async () => {
    const dir = await copy('plain')
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const metadata = join(dir, 'odcheck.yaml')
    await writeFile(metadata, fill(await readFile(metadata, 'utf8'), METADATA_VALUES))
    const r = await odcheck(['init', dir, '--certificate'])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/Wrote .*odcheck\.yaml/)
    const path = join(dir, 'certificate.yaml')
    const skeleton = await readFile(path, 'utf8')
    expect(parseAnswersFile(skeleton, 'certificate.yaml')).toEqual({})
    expect(prose(skeleton)).toContain('CC BY-SA 2.0 UK')
    // Answered from odcheck.yaml, so listed as odcheck's answers, not as questions.
    expect(prose(skeleton)).toMatch(/- dataLicence = ogl_uk; evidence: \S*odcheck\.yaml \(licence\): "OGL-UK-3.0"/)
    expect(skeleton).not.toMatch(/^# dataLicence:$/m)
    expect(skeleton).toMatch(/# What kind of release is this\?\n# REQUIRED: no certificate level without an answer\.\n/)
    const before = JSON.parse((await odcheck(['certificate', dir, '--json'])).stdout) as JsonReport
    expect(before.certificate!.level).toBe('none')
    await writeFile(path, fill(skeleton, {releaseType: 'oneoff', publisherRights: '"yes"', contentRights: 'samerights', contentLicence: 'ogl_uk'}))
    const after = JSON.parse((await odcheck(['certificate', dir, '--json'])).stdout) as JsonReport
    expect(after.certificate!.missingMandatory).toEqual([])
    expect(after.certificate!.level).toBe('basic')
    // Rewriting keeps the answers given.
    expect((await odcheck(['init', dir, '--certificate', '--force'])).code).toBe(0)
    const answers = parseAnswersFile(await readFile(path, 'utf8'), 'certificate.yaml')
    expect(Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.value]))).toEqual({releaseType: 'oneoff', publisherRights: 'yes', contentRights: 'samerights', contentLicence: 'ogl_uk'})
  })

  it('leaves a dataset described by other metadata without an odcheck.yaml unless asked, and then keeps what that metadata says', async () => {
    const dir = await copy('described')
    const r = await odcheck(['init', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/No odcheck\.yaml: the dataset is described by .*datapackage\.json/)
    expect(existsSync(join(dir, 'odcheck.yaml'))).toBe(false)
    expect(existsSync(join(dir, 'certificate.yaml'))).toBe(true)
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const data = parse(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    expect(data.title).toBe('Library visits by branch')
    expect(data.description).toBe('Visits to each library branch per month, counted at the door.')
    expect(data.licence).toEqual({id: 'OGL-UK-3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0'})
    expect(metadataSchemaValidator('odcheck-metadata.schema.json')(data)).toBe(true)
  })

  it('rewriting an odcheck.yaml that sits beside a data package keeps what both say, and asks only for what neither gives', async () => {
    const dir = await copy('described')
    await writeFile(join(dir, 'odcheck.yaml'), 'updateFrequency: monthly\npersonalData: not_personal\n')
    const r = await odcheck(['init', dir, '--metadata', '--force'])
    expect(r.code).toBe(0)
    // The package names no publisher, but does give a licence.
    expect(r.stdout).toContain('(required: publisher)')
    const data = parse(await readFile(join(dir, 'odcheck.yaml'), 'utf8'))
    // The package's title, not one made up from the folder name, which as odcheck.yaml's would hide the package's.
    expect(data.title).toBe('Library visits by branch')
    expect(data.licence.id).toBe('OGL-UK-3.0')
    expect([data.updateFrequency, data.personalData]).toEqual(['monthly', 'not_personal'])
  })

  it('accepts --no-color like the other commands', async () => {
    const dir = await copy('plain')
    const r = await odcheck(['init', dir, '--metadata', '--no-color'])
    expect(r.code).toBe(0)
    expect(existsSync(join(dir, 'odcheck.yaml'))).toBe(true)
  })

  it('lists the personal-data columns it found under each file once, and suggests declaring them individual', async () => {
    const dir = await copy('candidates')
    expect((await odcheck(['init', dir, '--metadata'])).code).toBe(0)
    const raw = await readFile(join(dir, 'odcheck.yaml'), 'utf8')
    const text = prose(raw)
    expect(text).toContain(`odcheck's scan found personal data in agents.csv (column "AgentEmail"); results.csv (columns "CandidateSurname", "CandidateForenames"): declaring it not_personal would be wrong`)
    expect(raw).toMatch(/^# {3}e\.g\. personalData: individual$/m)
  })

  it('is a usage error (exit 2) for a path that does not exist', async () => {
    const r = await odcheck(['init', join(root, 'nowhere')])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain(`${join(root, 'nowhere')} does not exist`)
  })
})

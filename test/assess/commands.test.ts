/** `odcheck certificate`, `odcheck stars` and check's assessment flags through the built binary: output, JSON and exit codes. */
import {existsSync} from 'node:fs'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {reportValidator} from '../report/report-schema.js'

const wards = 'test/fixtures/certificate/wards'
const bad = 'test/fixtures/certificate/bad-answers.yaml'

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'commands', 'certificate.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
})

describe('odcheck certificate', {timeout: 120_000}, () => {
  it('reads certificate.yaml beside the data, says which answer overrode the metadata, and lists what Gold needs', async () => {
    const r = await odcheck(['certificate', wards])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ODI Open Data Certificate \(GB\): Silver \(formerly Pilot\)\n/)
    expect(r.stdout).toContain(`12 from ${wards}/certificate.yaml`)
    expect(r.stdout).toContain('! dataLicence: your answer "cc_by" counts; metadata:licence says "ogl_uk"')
    expect(r.stdout).toContain('To reach Gold (formerly Standard)')
    expect(r.stdout).toMatch(/standard_22 +Answer qualityUrl/)
    expect(r.stdout).toContain('© 2013 Open Data Institute')
  })

  it('--json gives the report with its certificate section: answers with sources, conflicts, outstanding requirements', async () => {
    const r = await odcheck(['certificate', wards, '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(reportValidator()(report)).toBe(true)
    const c = report.certificate
    expect([c.level, c.name, c.formerName, c.jurisdiction]).toEqual(['pilot', 'Silver', 'Pilot', 'GB'])
    expect(c.answers.dataTitle).toMatchObject({value: 'Trafford ward populations', source: 'metadata:title'})
    expect(c.answers.contactUrl).toMatchObject({value: 'mailto:opendata@trafford.gov.uk', source: 'metadata:contactPoint'})
    expect(c.answers.releaseType).toEqual({value: 'oneoff', source: 'user', evidence: `${wards}/certificate.yaml:2`})
    expect(c.answers.dataLicence).toMatchObject({value: 'cc_by', source: 'user', conflict: {value: 'ogl_uk', source: 'metadata:licence'}})
    expect(c.conflicts).toEqual(['dataLicence'])
    expect(c.next.level).toBe('standard')
    // Named by the key of the format in use: a data package keeps its release date in "created".
    expect(c.next.requirements.find((x: {id: string}) => x.id === 'standard_38')).toMatchObject({odcheckCanVerify: true, metadata: 'a release date ("created")'})
  })

  it('exits 1 below --min-level and 0 at or above it, by internal or public name', async () => {
    const gold = await odcheck(['certificate', wards, '--min-level', 'gold'])
    expect(gold.code).toBe(1)
    expect(gold.stdout.split('\n')[0]).toBe('ODI Open Data Certificate (GB): Silver (formerly Pilot) (minimum Gold, not reached)')
    expect((await odcheck(['certificate', wards, '--min-level', 'pilot'])).code).toBe(0)
    // The minimum is named as publishers know it, whichever name was given.
    const raw = await odcheck(['certificate', wards, '--min-level', 'Raw'])
    expect(raw.code).toBe(0)
    expect(raw.stdout.split('\n')[0]).toContain('(minimum Bronze, reached)')
    const r = await odcheck(['certificate', wards, '--min-level', 'golden'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--min-level golden is not a certificate level')
  })

  it('--format odi-json prints the body for the ODI certificate API', async () => {
    const r = await odcheck(['certificate', wards, '--format', 'odi-json'])
    expect(r.code).toBe(0)
    const payload = JSON.parse(r.stdout)
    expect(Object.keys(payload)).toEqual(['jurisdiction', 'dataset'])
    expect(payload.jurisdiction).toBe('GB')
    expect(payload.dataset).toMatchObject({dataTitle: 'Trafford ward populations', releaseType: 'oneoff', publisherRights: 'yes', dataLicence: 'cc_by', machineReadable: 'true'})
    expect(payload.dataset.documentationMetadata).toEqual(expect.arrayContaining(['title', 'description', 'keyword']))
  })

  it('exits 2 with every problem of a bad answers file, each with its line', async () => {
    const r = await odcheck(['certificate', wards, '--answers', bad])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const message = r.stderr.replace(/\s*›\s*/g, ' ')
    expect(message).toContain(`2 invalid answers in ${bad}`)
    expect(message).toContain(`${bad}:1: releaseType`)
    expect(message).toContain('oneoff, collection, series, service')
    expect(message).toContain(`${bad}:3: contactUrl`)
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('without an answers file, says how to get one to fill in', async () => {
    const r = await odcheck(['certificate', 'test/fixtures/stars/3-csv'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[1]).toMatch(/no answers file yet \(`odcheck init --certificate` writes certificate\.yaml to fill in\)/)
  })

  it('exits 2 when the answers file named does not exist', async () => {
    const r = await odcheck(['certificate', wards, '--answers', 'test/fixtures/certificate/absent.yaml'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('absent.yaml cannot be read')
  })
})

describe('odcheck stars', {timeout: 120_000}, () => {
  it('prints the stars with their evidence and exits 1 below --min-stars', async () => {
    const r = await odcheck(['stars', 'test/fixtures/stars/3-csv', '--min-stars', '4'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^5-star open data: ★★★☆☆ 3 stars \(minimum 4, not reached\)/)
    expect(r.stdout).toContain('✓ ★★★   test/fixtures/stars/3-csv/wards.csv (CSV, read by odcheck)')
    expect(r.stdout).toContain('✗ ★★★★  no HTTP URIs found naming the things in the data')
    expect((await odcheck(['stars', 'test/fixtures/stars/3-csv', '--min-stars', '3'])).code).toBe(0)
  })

  it('--json gives the report with its stars section', async () => {
    const r = await odcheck(['stars', 'test/fixtures/stars/5-linked', '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(reportValidator()(report)).toBe(true)
    expect(report.stars).toMatchObject({level: 5, rating: '★★★★★'})
    expect(report.stars.levels.map((l: {met: boolean}) => l.met)).toEqual([true, true, true, true, true])
    // The stars run turns on uri-column, whose finding is the evidence for stars 4 and 5.
    expect(report.findings.filter((f: {rule: string}) => f.rule === 'uri-column').map((f: {fieldName: string}) => f.fieldName)).toEqual(['ward'])
  })

  it('says that stars in place above the level do not count yet', async () => {
    const r = await odcheck(['stars', 'test/fixtures/stars/0-no-licence'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^5-star open data: ☆☆☆☆☆ 0 stars\n/)
    expect(r.stdout).toContain('✓ ★★    test/fixtures/stars/0-no-licence/wards.csv')
    expect(r.stdout).toContain('★★ and ★★★ are in place but count only once ★ is met: each star needs every star before it')
    // Nothing to explain when the stars in place are the ones counted.
    expect((await odcheck(['stars', 'test/fixtures/stars/3-csv'])).stdout).not.toContain('count only once')
  })

  it('refuses --min-stars outside 0-5', async () => {
    expect((await odcheck(['stars', 'test/fixtures/stars/3-csv', '--min-stars', '6'])).code).toBe(2)
  })
})

describe('odcheck check with assessment flags', {timeout: 120_000}, () => {
  it('adds one line per assessment after the findings and fails below a minimum', async () => {
    const r = await odcheck(['check', wards, '--min-level', 'gold', '--min-stars', '3'])
    expect(r.code).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.at(-2)).toBe('ODI certificate: Silver (formerly Pilot) (minimum Gold, not reached); 19 things to do for Gold (odcheck certificate)')
    expect(lines.at(-1)).toBe('5-star open data: ★★★☆☆ (minimum 3)')
  })

  it('puts certificate and stars sections in the JSON report, and marks it not valid below a minimum', async () => {
    const r = await odcheck(['check', wards, '--json', '--min-stars', '4', '--answers', `${wards}/certificate.yaml`])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.valid).toBe(false)
    expect(report.stars).toMatchObject({level: 3, minStars: 4, belowMinimum: true})
    expect(report.certificate).toMatchObject({level: 'pilot', answersFile: `${wards}/certificate.yaml`})
    expect(report.certificate.belowMinimum).toBeUndefined()
  })

  it('leaves the report as it was without those flags', async () => {
    const report = JSON.parse((await odcheck(['check', wards, '--json'])).stdout)
    expect(report.certificate).toBeUndefined()
    expect(report.stars).toBeUndefined()
    expect(report.findings.some((f: {rule: string}) => f.rule === 'uri-column')).toBe(false)
  })

  it('--format odi-json works on check too', async () => {
    const r = await odcheck(['check', wards, '--format', 'odi-json'])
    expect(JSON.parse(r.stdout)).toMatchObject({jurisdiction: 'GB', dataset: {releaseType: 'oneoff'}})
  })
})

describe('a metadata file that cannot be read', {timeout: 120_000}, () => {
  it('is named, with its line, under the certificate summary and after the stars, as missing evidence', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-unreadable-'))
    try {
      await writeFile(join(dir, 'spend.csv'), 'id,amount\n1,2\n')
      await writeFile(join(dir, 'datapackage.json'), '{"name": "spend",\n "title": "Spend",\n}\n')
      const certificate = await odcheck(['certificate', '.'], {cwd: dir})
      expect(certificate.stdout.split('\n')[2]).toBe('  ! datapackage.json (line 2, column 18) is not well-formed, so nothing in it counts as evidence: `odcheck check` says what to fix')
      const stars = await odcheck(['stars', '.'], {cwd: dir})
      expect(stars.stdout).toContain('! datapackage.json (line 2, column 18) is not well-formed')
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})

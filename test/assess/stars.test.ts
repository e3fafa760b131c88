/**
 * The 5-star level, one fixture per level, run through the same pipeline as `odcheck stars`:
 * the checks, the report, then the assessment with its evidence per star.
 */
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {computeStars} from '../../src/assess/stars/index.js'
import {runChecks, starsSection} from '../../src/commands/_assess.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const cwd = join(fixturesDir, 'stars')

async function stars(input: string) {
  const paths = [input]
  const {result, report} = await runChecks({paths, cwd, version: 'test'})
  return starsSection({paths, cwd, report, result})
}

const met = (s: Awaited<ReturnType<typeof stars>>) => s.levels.map((l) => l.met)

describe('5-star level', () => {
  it('0: no licence, none at all, whatever the format', async () => {
    const s = await stars('0-no-licence')
    expect(s.level).toBe(0)
    expect(s.rating).toBe('☆☆☆☆☆')
    // The CSV is structured and non-proprietary, but without an open licence it earns nothing.
    expect(met(s)).toEqual([false, true, true, false, false])
    expect(s.levels[0].evidence).toEqual(['0-no-licence/datapackage.json names no licence'])
  })

  it('1: open licence, data only as a PDF', async () => {
    const s = await stars('1-pdf/datapackage.json')
    expect(s.level).toBe(1)
    expect(s.levels[0].evidence[0]).toMatch(/^open licence: Open Government Licence v3\.0/)
    expect(s.levels[1]).toMatchObject({met: false, evidence: ['wards, PDF (listed in 1-pdf/datapackage.json)']})
  })

  it('3: data only in a zip archive: the CSV inside, read by odcheck, earns the format stars', async () => {
    const s = await stars('1-zip')
    expect(s.level).toBe(3)
    for (const level of [s.levels[1], s.levels[2]]) {
      expect(level.met).toBe(true)
      expect(level.evidence).toEqual([
        '1-zip/spend.zip/spend.csv (CSV inside a ZIP archive, read by odcheck)',
        "Trafford supplier spend (1-zip), CSV (listed in 1-zip/csv-metadata.json) is not there, so its format is only the metadata's word: not counted",
      ])
    }
  })

  it('0: metadata that names a licence but is not well-formed: the first star says it could not be used, and to fix it', async () => {
    const s = await stars('0-broken-metadata')
    expect(s.level).toBe(0)
    expect(s.levels[0]).toMatchObject({
      met: false,
      evidence: ['no usable metadata names a licence: 0-broken-metadata/datapackage.json could not be used'],
      todo: 'Fix 0-broken-metadata/datapackage.json (`odcheck check` says what to fix), and make sure it names an open licence such as the Open Government Licence.',
    })
  })

  it('1: data only in a 7-Zip archive, which odcheck does not open: the format stars name it and say to publish the file itself', async () => {
    const s = await stars('1-7z')
    expect(s.level).toBe(1)
    // The CSVW metadata names spend.csv, which is not there: its word alone earns no star.
    for (const level of [s.levels[1], s.levels[2]]) {
      expect(level.met).toBe(false)
      expect(level.evidence).toEqual([
        "Trafford supplier spend (1-7z), CSV (listed in 1-7z/csv-metadata.json) is not there, so its format is only the metadata's word: not counted",
        '1-7z/spend.7z (7Z archive: odcheck reads inside .zip, .gz and tar files only)',
      ])
      expect(level.todo).toMatch(/archive/)
      expect(level.todo).not.toMatch(/PDF/)
    }
  })

  it('3: a CSV published only inside a tar archive beside the metadata naming it counts as CSV, read there', async () => {
    const s = await stars('3-tar')
    expect(s.level).toBe(3)
    expect(s.levels[2].evidence).toEqual([
      '3-tar/spend.tar.gz/spend.csv (CSV inside a tar archive, read by odcheck)',
      "Trafford supplier spend (3-tar), CSV (listed in 3-tar/csv-metadata.json) is not there, so its format is only the metadata's word: not counted",
    ])
  })

  it('1: a file listed as CSV with the media type text/html earns no format star on the metadata’s word', async () => {
    const s = await stars('1-csv-is-html/package_show.json')
    expect(s.level).toBe(1)
    expect(met(s).slice(0, 3)).toEqual([true, false, false])
    expect(s.levels[1].evidence).toEqual(['Disposals report January 2013 (listed in 1-csv-is-html/package_show.json) has the format CSV but the media type text/html: not counted, as odcheck cannot tell which is right'])
  })

  it('3: a CSV read by odcheck earns the star, and a listed file whose format and media type disagree is named as not counted', () => {
    const input = {
      metadata: {source: {format: 'ckan' as const, path: 'p.json'}, licence: {raw: 'OGL-UK-3.0'}, keywords: [], themes: [], language: [], evidence: {}, distributions: [{title: 'Report', url: 'https://www.gov.uk/report', format: 'CSV', mediaType: 'text/html'}]},
      resources: [{path: 'w.csv', format: 'csv', readable: true, fieldNames: ['ward'], rowCount: 2}],
      findings: [],
      rules: [],
    }
    const s = computeStars(input as never)
    expect(s.level).toBe(3)
    expect(s.levels[2].evidence).toEqual(['w.csv (CSV, read by odcheck)', 'Report (listed in p.json) has the format CSV but the media type text/html: not counted, as odcheck cannot tell which is right'])
  })

  it('2: a spreadsheet is structured, machine-readable data, but proprietary', async () => {
    const s = await stars('2-xlsx')
    expect(s.level).toBe(2)
    expect(met(s).slice(0, 3)).toEqual([true, true, false])
    expect(s.levels[1].evidence[0]).toMatch(/^2-xlsx\/wards\.xlsx/)
  })

  it('3: CSV, with the GSS code column suggested as the way to the next stars', async () => {
    const s = await stars('3-csv')
    expect(s.level).toBe(3)
    expect(s.levels[2].evidence).toContain('3-csv/wards.csv (CSV, read by odcheck)')
    expect(s.levels[3].todo).toContain('http://statistics.data.gov.uk/id/statistical-geography/{code}')
  })

  it('3: the link-opportunity finding, its rule and the stars output name the same star for the advice', async () => {
    const paths = ['3-csv']
    const {result, report} = await runChecks({paths, cwd, version: 'test'})
    const s = await starsSection({paths, cwd, report, result})
    const finding = report.findings.find((f) => f.rule === 'link-opportunity' && f.fieldName === 'ward_code')!
    const star = report.rules.find((r) => r.id === 'link-opportunity')!.evidence!.stars!
    // Things denoted by codes rather than URIs: the fourth star (use URIs to denote things).
    expect(star).toBe(4)
    expect(finding.details?.unlocksStar).toBe(star)
    expect(finding.message).toMatch(new RegExp(`\\(${'★'.repeat(star)}\\)$`))
    const listing = s.levels.filter((l) => l.todo?.includes('column "ward_code"')).map((l) => l.star)
    expect(listing).toEqual([star])
  })

  it('3: GeoJSON whose features have no properties is read, so counts as structured and non-proprietary', async () => {
    // odcheck.yaml lists no files: the format stars rest only on odcheck having read the file, which has no fields.
    const s = await stars('3-geojson-no-properties')
    expect(s.level).toBe(3)
    expect(s.levels[1].evidence).toEqual(['3-geojson-no-properties/grit-bins.geojson (GEOJSON, read by odcheck)'])
  })

  it('3: a JSON document that is not a table of records is read too', async () => {
    const s = await stars('3-json-document')
    expect(s.level).toBe(3)
    expect(s.levels[2].evidence).toEqual(['3-json-document/visits.json (JSON, read by odcheck)'])
  })

  it('3: the licence counts from whichever metadata file beside the data gives it', async () => {
    // odcheck.yaml is read first and has no licence; datapackage.json beside it has one.
    const s = await stars('3-two-metadata-files')
    expect(s.level).toBe(3)
    expect(s.levels[0].evidence[0]).toBe('open licence: Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/), from 3-two-metadata-files/datapackage.json')
    expect(s.levels[1].evidence).toContain('households, CSV (listed in 3-two-metadata-files/datapackage.json)')
  })

  it('3: a column of home pages is links to web pages, not URIs for things: neither ★★★★ nor ★★★★★, and a landing page changes nothing', async () => {
    const s = await stars('3-web-pages')
    expect(s.level).toBe(3)
    expect(met(s)).toEqual([true, true, true, false, false])
    expect(s.levels[3].evidence).toContain('3-web-pages/chargers.csv: column "website" holds 3 links to web pages (www.pod-point.com, www.bppulse.co.uk), not URIs that identify things')
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-stars-'))
    try {
      await cp(join(cwd, '3-web-pages'), dir, {recursive: true})
      await writeFile(join(dir, 'odcheck.yaml'), (await readFile(join(dir, 'odcheck.yaml'), 'utf8')) + 'landingPage: https://www.trafforddatalab.io/data/ev\n')
      const withLandingPage = await starsSection({paths: [dir], cwd: dir, ...(await runChecks({paths: [dir], cwd: dir, version: 'test'}))})
      expect(met(withLandingPage)).toEqual([true, true, true, false, false])
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })

  it('5: URIs for things on a host that is neither a linked-data hub nor known as the publisher’s count only once the publisher’s web address is known, and it says so', () => {
    const input = (metadata: Record<string, unknown>) => ({
      metadata: {source: {format: 'odcheck' as const, path: 'odcheck.yaml'}, licence: {raw: 'OGL-UK-3.0'}, keywords: [], themes: [], language: [], evidence: {}, distributions: [], ...metadata},
      resources: [{path: 'w.csv', format: 'csv', readable: true, fieldNames: ['body'], rowCount: 2}],
      findings: [{rule: 'uri-column', resource: 'w.csv', fieldName: 'body', fieldNumber: 1, details: {uris: 2, domains: ['data.manchester.gov.uk'], identifies: true, identifierDomains: ['data.manchester.gov.uk']}}],
      rules: [],
    })
    const unknown = computeStars(input({}) as never)
    expect(met(unknown as never)).toEqual([true, true, true, true, false])
    expect(unknown.levels[4].evidence.some((e) => e.startsWith('URIs on data.manchester.gov.uk were not counted'))).toBe(true)
    // A landing page is often a catalogue's: it says nothing about whose URIs these are.
    expect(met(computeStars(input({landingPage: 'https://www.trafforddatalab.io/data/x'}) as never) as never)).toEqual([true, true, true, true, false])
    const known = computeStars(input({publisher: {name: 'Trafford Council', url: 'https://www.trafford.gov.uk'}}) as never)
    expect(met(known as never)).toEqual([true, true, true, true, true])
    expect(known.levels[4].evidence).toEqual(['w.csv: column "body" links to data.manchester.gov.uk'])
    // An RDF file's subjects show the data's own host just as well.
    const rdf = {path: 'w.ttl', triples: 4, subjects: 2, subjectDomains: ['data.trafford.gov.uk'], externalObjects: 0, externalDomains: [], approximate: false}
    const fromRdf = computeStars(input({}) as never, {rdf: [rdf as never], csvw: []})
    expect(fromRdf.levels[4]).toMatchObject({met: true, evidence: ['w.csv: column "body" links to data.manchester.gov.uk']})
  })

  it('4: a column of URIs on the publisher’s own domain names things but links to no one else', async () => {
    const s = await stars('4-uris')
    expect(s.level).toBe(4)
    expect(s.levels[3].evidence).toEqual(['4-uris/streetlights.csv: column "streetlight" holds 2 HTTP URIs (data.trafford.gov.uk)'])
    expect(s.levels[4].met).toBe(false)
  })

  it('4: CSVW metadata with an aboutUrl template', async () => {
    const s = await stars('4-csvw')
    expect(s.level).toBe(4)
    expect(s.levels[3].evidence[0]).toContain('aboutUrl https://data.trafford.gov.uk/id/ward/{ward_code}')
  })

  it('reads CSVW metadata with a trailing comma as check does, and names any other syntax error in words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-stars-'))
    try {
      await cp(join(cwd, '4-csvw'), dir, {recursive: true})
      const metadata = join(dir, 'wards.csv-metadata.json')
      const good = await readFile(metadata, 'utf8')
      const starsIn = async () => starsSection({paths: [dir], cwd: dir, ...(await runChecks({paths: [dir], cwd: dir, version: 'test'}))})
      await writeFile(metadata, good.replace('"population"}', '"population"},'))
      const comma = await starsIn()
      expect(comma.levels[3].evidence[0]).toContain('aboutUrl https://data.trafford.gov.uk/id/ward/{ward_code}')
      expect(comma.problems).toEqual([])
      await writeFile(metadata, good.replace('"Trafford wards (4-csvw)"', '"Trafford "wards""'))
      const quote = await starsIn()
      expect(quote.problems.join()).toMatch(/could not be read as CSVW metadata: It is not valid JSON: a double quote inside a text value at line 4, column \d+\. A quote inside a text value must be written/)
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })

  it('5: a column of ONS geography URIs links to other people’s data', async () => {
    const s = await stars('5-linked')
    expect(s.level).toBe(5)
    expect(s.rating).toBe('★★★★★')
    expect(s.levels[4].evidence).toEqual(['5-linked/wards.csv: column "ward" links to statistics.data.gov.uk'])
  })

  it('5: counts one subject and one link in the singular', async () => {
    const s = await stars('5-rdf-one')
    expect(s.levels[3].evidence).toEqual(['5-rdf-one/wards.ttl: 1 subject with HTTP URIs (data.trafford.gov.uk)'])
    expect(s.levels[4].evidence).toEqual(['5-rdf-one/wards.ttl: 1 link to statistics.data.gov.uk'])
  })

  it('5: a Turtle file beside the CSV, linked with owl:sameAs', async () => {
    const s = await stars('5-rdf')
    expect(s.level).toBe(5)
    expect(s.levels[3].evidence).toEqual(['5-rdf/wards.ttl: 2 subjects with HTTP URIs (data.trafford.gov.uk)'])
    expect(s.levels[4].evidence).toEqual(['5-rdf/wards.ttl: 2 links to statistics.data.gov.uk'])
    expect(s.problems).toEqual([])
  })

  it('5: the same Turtle file published inside a zip, judged from what the run found in it', async () => {
    const paths = ['5-rdf-zipped']
    const {result, report} = await runChecks({paths, cwd, version: 'test'})
    // The run removes what it decompressed: the stars never read the file again.
    const decompressed = result.resources.flatMap((r) => (r.file ? [r.file] : []))
    expect(decompressed).toHaveLength(1)
    expect(decompressed.map(existsSync)).toEqual([false])
    const s = await starsSection({paths, cwd, report, result})
    expect(s.level).toBe(5)
    expect(s.levels[1].evidence.slice(0, 2)).toEqual(['5-rdf-zipped/wards.csv (CSV, read by odcheck)', '5-rdf-zipped/wards-linked-data.zip/wards.ttl (Turtle, 8 triples)'])
    expect(s.levels[3].evidence).toEqual(['5-rdf-zipped/wards-linked-data.zip/wards.ttl: 2 subjects with HTTP URIs (data.trafford.gov.uk)'])
    expect(s.levels[4].evidence).toEqual(['5-rdf-zipped/wards-linked-data.zip/wards.ttl: 2 links to statistics.data.gov.uk'])
    expect(s.problems).toEqual([])
  })

  it('says an RDF file inside a zip was not profiled when rdf-uri-profile is turned off, rather than reading a copy it no longer has', async () => {
    const paths = ['5-rdf-zipped']
    const {result, report} = await runChecks({paths, cwd, version: 'test', rule: ['rdf-uri-profile=off']})
    const s = await starsSection({paths, cwd, report, result})
    expect(s.problems).toEqual([expect.stringMatching(/^5-rdf-zipped\/wards-linked-data\.zip\/wards\.ttl was not profiled, as the rdf-uri-profile rule was off/)])
    expect(s.level).toBe(3)
  })

  it('needs every lower star: links without an open licence give none', () => {
    const input = {
      resources: [{path: 'w.csv', format: 'csv', readable: true, fieldNames: ['ward'], rowCount: 2}],
      findings: [{rule: 'uri-column', resource: 'w.csv', fieldName: 'ward', fieldNumber: 1, details: {uris: 2, domains: ['statistics.data.gov.uk']}}],
      rules: [],
    }
    const s = computeStars(input)
    expect(met(s as never)).toEqual([false, true, true, true, true])
    expect(s.level).toBe(0)
  })
})

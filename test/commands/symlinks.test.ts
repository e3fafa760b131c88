/** A dataset laid out with symbolic links, through the built binary: each file checked once, a broken link a source-error, for check, stars, certificate and init. */
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {canSymlink, link, makeLinkedDataset, noSymlinksReason} from '../helpers/linked-folder.js'

const linksWork = await canSymlink()
let base: string
let missingTarget: string

beforeAll(async () => {
  if (!linksWork) return
  base = await mkdtemp(join(tmpdir(), 'odcheck-links-cli-'))
  ;({missingTarget} = await makeLinkedDataset(base))
})

afterAll(() => base && rm(base, {recursive: true, force: true}))

interface Report {
  valid: boolean
  summary: {files: number}
  resources: Array<{path: string; results: Array<{rule: string; count: number}>}>
  findings: Array<{rule: string; severity: string; resource: string; message: string; details?: {reason?: string}}>
  stars?: {levels: Array<{star: number; evidence: string[]}>}
}

const TABLES = ['ds/broken.csv', 'ds/codes.csv', 'ds/good.csv', 'ds/linked/more.csv']

describe.skipIf(!linksWork)(linksWork ? 'a dataset with symbolic links' : `a dataset with symbolic links (${noSymlinksReason})`, {timeout: 120_000}, () => {
  for (const [how, input] of [
    ['a folder', 'ds'],
    ['a glob', 'ds/**/*.csv'],
  ]) {
    it(`checks each real file of ${how} once and reports the broken link as a source-error, exiting 1`, async () => {
      const r = await odcheck(['check', input, '--format', 'json'], {cwd: base})
      expect(r.code).toBe(1)
      const report = JSON.parse(r.stdout) as Report
      expect(report.summary.files).toBe(4)
      expect(report.resources.map((x) => x.path)).toEqual(TABLES)
      const sourceErrors = report.findings.filter((f) => f.rule === 'source-error')
      expect(sourceErrors).toMatchObject([{resource: 'ds/broken.csv', severity: 'error', details: {reason: 'missing'}}])
      expect(sourceErrors[0].message).toBe(`ds/broken.csv is a symbolic link to ${missingTarget}, which does not exist: fix or remove the link.`)
    })
  }

  it('reports a broken link named on the command line as a source-error on it (exit 1), not as a path that does not exist (exit 2)', async () => {
    const r = await odcheck(['check', 'ds/broken.csv', '--format', 'json'], {cwd: base})
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as Report
    expect(report.resources.map((x) => x.path)).toEqual(['ds/broken.csv'])
    expect(report.findings.filter((f) => f.rule === 'source-error')).toMatchObject([{resource: 'ds/broken.csv', details: {reason: 'missing'}}])
  })

  it('stars and certificate judge each table once', async () => {
    const stars = JSON.parse((await odcheck(['stars', 'ds', '--json'], {cwd: base})).stdout) as Report
    expect(stars.stars!.levels.find((l) => l.star === 2)!.evidence).toEqual(['ds/codes.csv (CSV, read by odcheck)', 'ds/good.csv (CSV, read by odcheck)', 'ds/linked/more.csv (CSV, read by odcheck)'])
    const certificate = JSON.parse((await odcheck(['certificate', 'ds', '--json'], {cwd: base})).stdout) as Report
    expect(certificate.resources.map((x) => x.path)).toEqual(TABLES)
  })

  it('init writes one entry and one schema per table of a folder that links to itself', async () => {
    const dir = join(base, 'init')
    await mkdir(dir)
    await writeFile(join(dir, 'good.csv'), 'ward,lights\r\nSale,412\r\n')
    await link('.', join(dir, 'loop'))
    const r = await odcheck(['init', 'init'], {cwd: base})
    expect(r.code).toBe(0)
    expect((await readdir(dir)).sort()).toEqual(['certificate.yaml', 'good.csv', 'good.schema.yaml', 'loop', 'odcheck.yaml'])
    expect((await readFile(join(dir, 'odcheck.yaml'), 'utf8')).match(/^\s+- path: /gm)).toHaveLength(1)
  })

  it('reports a broken link named like RDF data as a source-error however it is reached: in a folder, by a glob or named', async () => {
    const folder = join(base, 'turtle')
    await mkdir(folder)
    await writeFile(join(folder, 'parks.csv'), 'name,spaces\nLongford,120\n')
    await link('missing.ttl', join(folder, 'gone.ttl'))
    for (const input of ['turtle', 'turtle/*.ttl', 'turtle/gone.ttl']) {
      const r = await odcheck(['check', input, '--format', 'json'], {cwd: base})
      const report = JSON.parse(r.stdout) as Report
      expect(report.findings.filter((f) => f.rule === 'source-error').map((f) => f.resource), input).toEqual(['turtle/gone.ttl'])
      expect(report.findings.map((f) => f.rule), input).not.toContain('metadata-unreadable')
    }
  })

  it("checks a file linked out of a folder the config's ignore globs skip, under the link's path", async () => {
    const dir = join(base, 'ignored')
    await mkdir(join(dir, 'archive'), {recursive: true})
    await writeFile(join(dir, 'archive', 'wards.csv'), 'ward,lights\r\nSale,412\r\n')
    await link(join('archive', 'wards.csv'), join(dir, 'current.csv'))
    await writeFile(join(dir, '.odcheck.yaml'), 'ignore: ["archive/**"]\n')
    const r = await odcheck(['check', '.', '--format', 'json'], {cwd: dir})
    expect((JSON.parse(r.stdout) as Report).resources.map((x) => x.path)).toEqual(['current.csv'])
  })
})

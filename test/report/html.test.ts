/**
 * The HTML report without a browser: the escaping function, the page's shape (self-contained,
 * no script, no external resource), what it shows from the report, and through the CLI that
 * hostile cells and metadata come out as text and personal values never appear.
 * test/report/html-browser.test.ts renders the same pages in Chromium.
 */
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {escapeHtml, html, safeHref, trusted} from '../../src/report/formatters/html/escape.js'
import {htmlFormatter} from '../../src/report/formatters/html/index.js'
import {reportOnTempTable} from './temp-table.js'
import {formatNumber} from '../../src/shared/text.js'
import {formatShare} from '../../src/report/formatters/html/text.js'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {context, fixturePath, fixtureReport, stable} from './fixture-report.js'

export const SCRIPT = '<script>alert(1)</script>'
export const IMG = '"><img src=x onerror=alert(1)>'

/** Tags and attributes that would make the page load or run something. */
const ACTIVE = /<(?:script|link|img|iframe|object|embed|video|audio|source|base|form|meta http-equiv="refresh")\b|<[a-z][^>]*\s(?:src|on[a-z]+)=|@import|url\(/i

/** Every href on the page: in-page anchors and the rules' documentation, nothing else. */
function hrefs(page: string): string[] {
  return [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
}

describe('escapeHtml', () => {
  it('escapes the five HTML specials and the backtick, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;')
    expect(escapeHtml('Amount (£) – café, 50%')).toBe('Amount (£) – café, 50%')
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })

  it('shows control characters from the data as control pictures, since a page would show an ESC or NUL as nothing, and keeps tabs and line breaks', () => {
    expect(escapeHtml('Acme\u001b[31m <Ltd>\u0000')).toBe('Acme␛[31m &lt;Ltd&gt;␀')
    expect(escapeHtml('Spend\tby ward\r\nQ1')).toBe('Spend\tby ward\r\nQ1')
  })

  it('is applied by the html tag to every interpolated value, including arrays, but not to Html', () => {
    const name = SCRIPT
    expect(html`<td>${name}</td>`.value).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>')
    expect(html`<p title="${IMG}">${[IMG, html`<b>${'&'}</b>`]}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<b>&amp;</b></p>',
    )
    expect(html`${trusted('<i>ok</i>')}${null}${undefined}${false}${0}`.value).toBe('<i>ok</i>0')
  })

  it('lets only http(s) and mailto addresses become links', () => {
    expect(safeHref('https://www.trafford.gov.uk')).toBe('https://www.trafford.gov.uk')
    expect(safeHref('mailto:opendata@trafford.gov.uk')).toBe('mailto:opendata@trafford.gov.uk')
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,<script>')).toBeUndefined()
  })

  it('writes numbers and shares for people', () => {
    expect(formatNumber(431027.96)).toBe('431,027.96')
    expect(formatNumber(-15926.912)).toBe('-15,926.91')
    expect(formatNumber(0.12345)).toBe('0.1235')
    expect(formatShare(0.0698)).toBe('7.0%')
    expect(formatShare(0.2)).toBe('20%')
    expect(formatShare(0.0001)).toBe('<0.1%')
  })
})

describe('html formatter', () => {
  let report: JsonReport
  let page: string

  beforeAll(async () => {
    report = await fixtureReport()
    page = htmlFormatter(report, context)
  })

  it('matches the snapshot', async () => {
    await expect(stable(page)).toMatchFileSnapshot('__snapshots__/report.html')
  })

  it('is one self-contained page that can load and run nothing', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;`)
    expect(page).not.toMatch(ACTIVE)
    for (const href of hrefs(page)) expect(href).toMatch(/^#[a-z-]+$|^https:\/\/github\.com\/odcheck\/odcheck\/blob\/main\/docs\/rules\/[a-z-]+\.md(#[a-z-]+)?$/)
  })

  it('gives the verdict and the counts of the report', () => {
    expect(page).toContain('<strong>Not fit to publish</strong><span>3 errors must be fixed before publishing</span>')
    expect(page).toMatch(/<div class="tile error"><b>3<\/b>errors/)
    expect(page).toMatch(/<div class="tile warning"><b>1<\/b>warning /)
  })

  it('groups findings by rule, errors first, with their count and located examples', () => {
    const blocks = [...page.matchAll(/<div class="rule" id="rule-([a-z-]+)">/g)].map((m) => m[1])
    const expected = report.rules
      .map((r) => ({id: r.id, count: report.findings.filter((f) => f.rule === r.id).length, severity: report.findings.find((f) => f.rule === r.id)?.severity}))
      .filter((r) => r.count > 0)
    expect(new Set(blocks)).toEqual(new Set(expected.map((r) => r.id)))
    const rank = {error: 0, warning: 1, info: 2}
    const severities = blocks.map((id) => expected.find((r) => r.id === id)!.severity!)
    expect(severities).toEqual([...severities].sort((a, b) => rank[a] - rank[b]))
    const missing = report.findings.find((f) => f.rule === 'missing-cell')!
    const block = page.slice(page.indexOf('id="rule-missing-cell"'))
    expect(block).toContain(`<td class="num">${missing.rowNumber}</td><td>${missing.fieldNumber} <span class="hint">“${escapeHtml(missing.fieldName!)}”</span></td>`)
    // A column name with markup in it stays text.
    expect(missing.fieldName).toBe('<note> & "x"')
    expect(block).toContain('“&lt;note&gt; &amp; &quot;x&quot;”')
  })

  it('says what is not in the report instead of leaving sections empty', () => {
    expect(page).toContain('Not assessed in this report.')
    expect(page).toContain(`No profile: the column-profile rule did not run on this file.`)
    expect(page).toContain(`${fixturePath('empty.csv')}</h3><p class="hint">This file could not be read as a table.`)
  })
})

describe('odcheck check --format html', {timeout: 120_000}, () => {
  let dir: string

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
    dir = await mkdtemp(join(tmpdir(), 'odcheck-html-'))
  })

  afterAll(() => rm(dir, {recursive: true, force: true}))

  it('shows cells, column names and metadata that hold markup as text, and never links a javascript: address', async () => {
    const out = join(dir, 'xss.html')
    const r = await odcheck(['check', 'test/fixtures/html/xss', '--format', `html=${out}`])
    // Nothing on stderr but the verdict, since the report went to a file.
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^✓ fit to publish: 1 file, 6 rows, /), ''])
    expect(r.stderr).toContain(`(report written to ${out})`)
    const page = await readFile(out, 'utf8')
    expect(page).not.toMatch(ACTIVE)
    expect(page).not.toContain(SCRIPT)
    expect(page).not.toContain('<b>monthly</b>')
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; spend</h1>')
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(page).toContain('&lt;svg onload=alert(1)&gt;')
    expect(page).not.toContain('javascript:alert(1)"')
    expect(hrefs(page).some((h) => /javascript/i.test(h))).toBe(false)
  })

  it('shows no personal value from the data, only masked examples, and hides the range of a date-of-birth column', async () => {
    const out = join(dir, 'people.html')
    const r = await odcheck(['check', 'test/fixtures/html/people', '--format', `html=${out}`])
    expect(r.code).toBe(1)
    const page = await readFile(out, 'utf8')
    const csv = await readFile(join(repoRoot, 'test/fixtures/html/people/staff.csv'), 'utf8')
    const people = csv.trim().split('\n').slice(1).map((line) => line.split(','))
    for (const [, name, email, phone, birth] of people) {
      for (const value of [name, email, phone, birth, email.split('@')[0]]) expect(page, value).not.toContain(value)
    }
    expect(page).toContain('c***@e***.gov.uk')
    expect(page).toMatch(/Date of Birth <span class="badge error"[^>]*>personal data<\/span><\/td>.*?hidden: looks like personal data/)
  })

  it('shows the certificate level and star count the JSON report of the same run gives, and a profile of every column', async () => {
    const htmlOut = join(dir, 'streetlights.html')
    const jsonOut = join(dir, 'streetlights.json')
    const r = await odcheck(['check', 'examples/streetlights', '--format', `html=${htmlOut}`, '--format', `json=${jsonOut}`])
    expect(r.code).toBe(0)
    const page = await readFile(htmlOut, 'utf8')
    const report = JSON.parse(await readFile(jsonOut, 'utf8')) as JsonReport
    expect(report.certificate).toBeDefined()
    expect(report.stars).toBeDefined()
    expect(page).toContain(`aria-label="${report.stars!.level} of 5 stars">${report.stars!.rating}<small>${report.stars!.level} of 5 stars</small>`)
    expect(page).toMatch(new RegExp(`<li class="l-${report.certificate!.level} reached" aria-current="step"><span class="tag">Today</span>${report.certificate!.name}`))
    const profile = report.resources[0].profile!
    expect(profile.columns.map((c) => c.name)).toEqual(report.resources[0].fieldNames)
    expect(page.match(/<svg class="hist"/g)!.length).toBe(profile.columns.filter((c) => c.histogram).length)
    const wattage = profile.columns.find((c) => c.name === 'wattage')!
    expect(page).toContain(`<td>wattage</td><td><span title="${wattage.present} whole numbers">Whole number</span>`)
  })

  it('counts an RDF file in triples, as the terminal report does: 1 triple, 2,000 triples', async () => {
    const triple = (i: number) => `<http://data.example.gov.uk/id/car-park/${i}> <http://schema.org/name> "Car park ${i}" .\n`
    const one = await reportOnTempTable('car-park.nt', triple(1), ['rdf-empty-graph'])
    expect(htmlFormatter(one.report, {color: false, cwd: one.cwd})).toContain('<td class="num">1 triple</td>')
    const many = await reportOnTempTable('car-parks.nt', Array.from({length: 2000}, (_, i) => triple(i)).join(''), ['rdf-empty-graph'])
    expect(htmlFormatter(many.report, {color: false, cwd: many.cwd})).toContain('<td class="num">2,000 triples</td>')
  })

  it('prints the page when no file is named, and will not overwrite a file without --force', async () => {
    const printed = await odcheck(['check', 'examples/streetlights', '--format', 'html'])
    expect(printed.code).toBe(0)
    expect(printed.stdout.startsWith('<!DOCTYPE html>')).toBe(true)
    const out = join(dir, 'kept.html')
    await writeFile(out, 'mine')
    const refused = await odcheck(['check', 'examples/streetlights', '--format', `html=${out}`])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('already exists')
    expect(await readFile(out, 'utf8')).toBe('mine')
    const forced = await odcheck(['check', 'examples/streetlights', '--format', `html=${out}`, '--force'])
    expect(forced.code).toBe(0)
    expect((await readFile(out, 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true)
  })
})

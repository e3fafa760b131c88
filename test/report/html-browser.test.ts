/**
 * The HTML report in a real browser: headless Chromium from Debian (`apt-get install chromium`,
 * which .ci/run does) driven by playwright-core. Each page must render without console errors,
 * request nothing but itself, show the certificate level and star count of the JSON report of
 * the same run, and run no script from cells or metadata built to break out of the page.
 * Skips, saying why, where /usr/bin/chromium is not installed.
 */
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck, repoRoot} from '../helpers/cli.js'

const CHROMIUM = '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
const title = available ? 'HTML report in Chromium' : `HTML report in Chromium (skipped: ${CHROMIUM} is not installed; apt-get install -y chromium, as .ci/run does)`
if (!available) console.warn(`test/report/html-browser.test.ts skipped: ${CHROMIUM} is not installed (apt-get install -y --no-install-recommends chromium; .ci/run installs it).`)

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Rendered {
  page: Page
  url: string
  requests: string[]
  consoleErrors: string[]
  pageErrors: string[]
  dialogs: string[]
}

describe.skipIf(!available)(title, {timeout: 180_000}, () => {
  let dir: string
  let profileDir: string
  let context: BrowserContext

  /** Writes the HTML (and JSON) report of `input` with the built CLI. */
  async function reports(name: string, input: string): Promise<{file: string; report: JsonReport}> {
    const file = join(dir, `${name}.html`)
    const json = join(dir, `${name}.json`)
    const r = await odcheck(['check', input, '--format', `html=${file}`, '--format', `json=${json}`])
    // Nothing on stderr but the verdict, since every report went to a file.
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(r.code === 0 ? /^✓ fit to publish: / : /^✖ not fit to publish: /), ''])
    expect(r.stderr).toContain(`(report written to ${file}, ${json})`)
    expect([0, 1]).toContain(r.code)
    return {file, report: JSON.parse(await readFile(json, 'utf8')) as JsonReport}
  }

  /** Opens a file with every request, console error, page error and dialog recorded. */
  async function render(file: string): Promise<Rendered> {
    const page = await context.newPage()
    const url = pathToFileURL(file).href
    const seen: Rendered = {page, url, requests: [], consoleErrors: [], pageErrors: [], dialogs: []}
    page.on('request', (request) => seen.requests.push(request.url()))
    page.on('console', (message) => {
      if (message.type() === 'error') seen.consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => seen.pageErrors.push(error.message))
    page.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(url, {waitUntil: 'load'})
    return seen
  }

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
    dir = await mkdtemp(join(tmpdir(), 'odcheck-html-browser-'))
    profileDir = await mkdtemp(join(tmpdir(), 'odcheck-chromium-'))
    context = await chromium.launchPersistentContext(profileDir, {executablePath: CHROMIUM, headless: true, args: ARGS, viewport: {width: 1200, height: 900}})
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await rm(dir, {recursive: true, force: true})
    await rm(profileDir, {recursive: true, force: true})
  })

  for (const [name, input] of [
    ['streetlights', 'examples/streetlights'],
    ['spend-over-500', 'examples/spend-over-500'],
  ]) {
    it(`renders ${input} with no console error, requesting only the file itself, and shows its level and stars`, async () => {
      const {file, report} = await reports(name, input)
      const seen = await render(file)
      const {page} = seen
      expect(seen.requests).toEqual([seen.url])
      expect(seen.consoleErrors).toEqual([])
      expect(seen.pageErrors).toEqual([])
      await expect.poll(() => page.locator('h1').isVisible()).toBe(true)
      expect(await page.locator('.verdict strong').innerText()).toBe(report.valid ? 'Fit to publish' : 'Not fit to publish')
      expect(await page.locator('.ladder li[aria-current="step"]').innerText()).toContain(report.certificate!.name)
      expect(await page.locator('.stars-rating').innerText()).toContain(`${report.stars!.level} of 5 stars`)
      // A histogram for every profiled number or date column, drawn with a non-zero size.
      const charts = page.locator('svg.hist')
      expect(await charts.count()).toBe(report.resources[0].profile!.columns.filter((c) => c.histogram).length)
      const box = await charts.first().boundingBox()
      expect(box!.width).toBeGreaterThan(100)
      expect(box!.height).toBeGreaterThan(20)
      const shot = await page.screenshot({fullPage: true})
      expect(shot.length).toBeGreaterThan(10_000)
      await page.close()
    })
  }

  it('runs no script and injects no element from hostile cells, column names and metadata', async () => {
    const {file} = await reports('xss', 'test/fixtures/html/xss')
    const seen = await render(file)
    const {page} = seen
    // Give any injected handler (onerror, onload) time to fire.
    await page.waitForTimeout(300)
    expect(seen.dialogs).toEqual([])
    expect(seen.pageErrors).toEqual([])
    expect(seen.consoleErrors).toEqual([])
    expect(seen.requests).toEqual([seen.url])
    expect(await page.locator('script, img, iframe, object, embed, link').count()).toBe(0)
    expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0)
    // The only SVGs are the histograms the page draws.
    expect(await page.locator('svg:not(.hist)').count()).toBe(0)
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0)
    // The payloads are on the page, as text.
    expect(await page.locator('h1').innerText()).toBe('<script>alert(1)</script> spend')
    const text = await page.locator('body').innerText()
    expect(text).toContain('"><img src=x onerror=alert(1)>')
    expect(text).toContain('<svg onload=alert(1)>')
    await page.close()
  })
})

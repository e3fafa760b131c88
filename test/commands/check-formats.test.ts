/** Every output format through the built binary: what reaches stdout, what is written to files, and the exit codes. */
import {existsSync} from 'node:fs'
import {copyFile, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {reportValidator} from '../report/report-schema.js'
import {sarifValidator} from '../report/sarif-schema.js'

const fixtures = 'test/fixtures/report'
const mixed = `${fixtures}/mixed.csv`
const clean = `${fixtures}/clean.csv`
/** The rules the fixtures were written for; rules added later must not change these outputs. */
const pinned = ['source-error', 'blank-label', 'duplicate-label', 'blank-row', 'extra-cell', 'missing-cell'].flatMap((id) => ['--only', id])
const severities = ['--rule', 'extra-cell=warning', '--rule', 'blank-row=info']
/** mixed.csv with only its extra cell checked, as a warning: a table with one warning and nothing else. */
const oneWarning = [mixed, '--only', 'extra-cell', '--rule', 'extra-cell=warning']
/** clean.csv against the table rules only: a lone CSV has no metadata, so dataset rules (licence) would fail it. */
const cleanTable = [clean, ...pinned]

let dir: string

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
  dir = await mkdtemp(join(tmpdir(), 'odcheck-formats-'))
})

afterAll(() => rm(dir, {recursive: true, force: true}))

describe('odcheck check --format', {timeout: 120_000}, () => {
  it('stylish (the default) groups findings by file and ends with the verdict', async () => {
    const r = await odcheck(['check', fixtures, ...pinned, ...severities])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${mixed} (5 rows, 5 columns, utf-8, delimiter ",")`)
    expect(r.stdout).toMatch(/row 3:5 {2}error {4}Row 3 has 4 cells .* missing-cell/)
    expect(r.stdout).toContain(`${clean} (2 rows, 3 columns, utf-8, delimiter ",")\n  ✓ no problems found`)
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✖ not fit to publish: 3 files, 7 rows, 3 errors, 1 warning, 1 info')
    expect(r.stdout).not.toContain('\u001b[')
  })

  it('colours the piped stylish report when FORCE_COLOR asks (CI logs), and --no-color still wins', async () => {
    const forced = await odcheck(['check', ...oneWarning], {env: {FORCE_COLOR: '1'}})
    expect(forced.stdout).toContain('\u001b[')
    const off = await odcheck(['check', ...oneWarning, '--no-color'], {env: {FORCE_COLOR: '1'}})
    expect(off.stdout).not.toContain('\u001b[')
  })

  it('json prints a report valid against schemas/report.schema.json', async () => {
    const validate = reportValidator()
    for (const args of [[fixtures, ...pinned, ...severities], [clean], [fixtures]]) {
      const r = await odcheck(['check', ...args, '--format', 'json'])
      expect(r.stderr).toBe('')
      const report = JSON.parse(r.stdout)
      expect(validate(report), `${args.join(' ')}: ${JSON.stringify(validate.errors)}`).toBe(true)
      expect(r.code).toBe(report.valid ? 0 : 1)
    }
  })

  it('--json gives the same object as --format json', async () => {
    const [viaFlag, viaFormat] = await Promise.all([
      odcheck(['check', fixtures, ...pinned, ...severities, '--json']),
      odcheck(['check', fixtures, ...pinned, ...severities, '--format', 'json']),
    ])
    expect(viaFlag.code).toBe(1)
    expect(viaFormat.code).toBe(1)
    expect(JSON.parse(viaFlag.stdout)).toEqual(JSON.parse(viaFormat.stdout))
  })

  it('sarif prints valid SARIF 2.1.0 with every active rule and relative paths', async () => {
    const r = await odcheck(['check', fixtures, ...pinned, ...severities, '--format', 'sarif'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const log = JSON.parse(r.stdout)
    const validate = await sarifValidator()
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    expect(log.runs[0].tool.driver.rules).toHaveLength(6)
    expect(log.runs[0].results.map((x: {locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => x.locations[0].physicalLocation.artifactLocation.uri)).toContain(mixed)
  })

  it('junit prints one suite per table and one testcase per rule', async () => {
    const r = await odcheck(['check', fixtures, ...pinned, ...severities, '--format', 'junit'])
    expect(r.code).toBe(1)
    expect(XMLValidator.validate(r.stdout)).toBe(true)
    const parsed = new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(r.stdout)
    expect(parsed.testsuites).toMatchObject({tests: '18', failures: '5', skipped: '5'})
    expect(parsed.testsuites.testsuite).toHaveLength(3)
  })

  it('github prints workflow commands with relative paths', async () => {
    const r = await odcheck(['check', mixed, ...pinned, ...severities, '--format', 'github'])
    expect(r.code).toBe(1)
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `::error file=${mixed},line=1,title=duplicate-label::Column 4 is named "ward|area", like column 2`,
      `::error file=${mixed},line=4,title=missing-cell::Row 3 has 4 cells but the header has 5: column "<note> & "x"" is missing`,
      `::notice file=${mixed},line=5,title=blank-row::Row 4 is blank`,
      `::warning file=${mixed},line=6,title=extra-cell::Row 5 has 6 cells but the header has 5: cell 6 is extra`,
    ])
  })

  it('markdown prints the verdict, the counts and the findings with pipes escaped', async () => {
    const r = await odcheck(['check', mixed, ...pinned, '--format', 'markdown'])
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')[0]).toBe('## ❌ Not fit to publish')
    expect(r.stdout).toContain(`| ${mixed} | 5 | 4 | 0 | 0 | ❌ |`)
    expect(r.stdout).toContain('Column 4 is named "ward\\|area", like column 2')
  })

  it('exits 2 naming the formats for an unknown one', async () => {
    const r = await odcheck(['check', clean, '--format', 'xml'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Unknown format "xml"')
    expect(r.stderr).toContain('sarif')
    expect(r.stdout).toBe('')
  })
})

describe('odcheck check writing files', {timeout: 120_000}, () => {
  it('--format sarif=FILE --format stylish writes the SARIF file and prints stylish', async () => {
    const out = join(dir, 'both', 'odcheck.sarif')
    const r = await odcheck(['check', fixtures, ...pinned, ...severities, '--format', `sarif=${out}`, '--format', 'stylish'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✖ not fit to publish')
    expect(r.stdout).not.toContain('"version": "2.1.0"')
    const log = JSON.parse(await readFile(out, 'utf8'))
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results).toHaveLength(5)
  })

  it('--output writes the one format to the file, relative to the working directory, and prints nothing', async () => {
    const cwd = await mkdtemp(join(dir, 'cwd-'))
    await copyFile(join(repoRoot, mixed), join(cwd, 'mixed.csv'))
    const r = await odcheck(['check', 'mixed.csv', ...pinned, '--format', 'github', '--output', 'annotations.txt'], {cwd})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(await readFile(join(cwd, 'annotations.txt'), 'utf8')).toContain('::error file=mixed.csv,line=1,title=duplicate-label::')
  })

  it('--output with no format writes stylish without colour', async () => {
    const out = join(dir, 'plain.txt')
    const r = await odcheck(['check', ...cleanTable, '--output', out], {env: {FORCE_COLOR: '1'}})
    expect(r.code).toBe(0)
    const text = await readFile(out, 'utf8')
    expect(text).toContain('✓ fit to publish')
    expect(text).not.toContain('\u001b[')
  })

  it('--json --output writes the JSON report to the file', async () => {
    const out = join(dir, 'report.json')
    const r = await odcheck(['check', ...cleanTable, '--json', '--output', out])
    expect(r.code).toBe(0)
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({reportVersion: 1, valid: true})
  })

  it('refuses to overwrite an existing output without --force (exit 2, file unchanged), and overwrites with it', async () => {
    const out = join(dir, 'existing.sarif')
    await writeFile(out, 'keep me')
    const before = await stat(out)
    const refused = await odcheck(['check', ...cleanTable, '--format', `sarif=${out}`])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('already exists')
    expect(refused.stderr).toContain('--force')
    expect(await readFile(out, 'utf8')).toBe('keep me')
    expect((await stat(out)).mtimeMs).toBe(before.mtimeMs)

    const forced = await odcheck(['check', ...cleanTable, '--format', `sarif=${out}`, '--force'])
    expect(forced.code).toBe(0)
    expect(JSON.parse(await readFile(out, 'utf8')).version).toBe('2.1.0')
  })

  it('refuses an existing output before checking anything, so no other output of the run is written either', async () => {
    const out = join(dir, 'taken.sarif')
    const fresh = join(dir, 'fresh.json')
    await writeFile(out, 'keep me')
    const refused = await odcheck(['check', ...cleanTable, '--format', `json=${fresh}`, '--format', `sarif=${out}`])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`${out} already exists`)
    expect(await stat(fresh).catch(() => undefined)).toBeUndefined()
    expect(await readFile(out, 'utf8')).toBe('keep me')
  })

  it('says the verdict on stderr, naming the files, when every report went to a file, and prints nothing on stdout', async () => {
    const sarif = join(dir, 'verdict.sarif')
    const html = join(dir, 'verdict.html')
    const r = await odcheck(['check', ...cleanTable, '--format', `sarif=${sarif}`, '--format', `html=${html}`])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^✓ fit to publish: 1 file, \d+ rows?, 0 errors, 0 warnings/)
    expect(r.stderr.endsWith(`(report written to ${sarif}, ${html})\n`)).toBe(true)
    const quiet = await odcheck(['check', ...cleanTable, '--format', `json=${join(dir, 'verdict.json')}`, '--json'])
    expect(quiet.stderr).toBe('')
  })

  it('writes a format to a device or pipe as it is (--format json=/dev/stdout), never replacing it with a file', async () => {
    const r = await odcheck(['check', ...cleanTable, '--format', 'json=/dev/stdout', '--format', `sarif=${join(dir, 'beside.sarif')}`])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({reportVersion: 1, valid: true})
  })

  it('refuses a folder as an output path (exit 2), naming a file to give instead', async () => {
    const r = await odcheck(['check', ...cleanTable, '--format', `json=${dir}`, '--force'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is a folder')
    expect((await stat(dir)).isDirectory()).toBe(true)
  })

  it('--json still writes the formats given a path (a CI job uploads the SARIF), and refuses one with nowhere to go', async () => {
    const sarif = join(dir, 'with-json.sarif')
    const r = await odcheck(['check', ...cleanTable, '--json', '--format', `sarif=${sarif}`])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({reportVersion: 1, valid: true})
    expect(JSON.parse(await readFile(sarif, 'utf8')).version).toBe('2.1.0')

    const nowhere = await odcheck(['check', ...cleanTable, '--json', '--format', 'stylish'])
    expect(nowhere.code).toBe(2)
    expect(JSON.parse(nowhere.stdout).error.message).toContain('--format stylish has nowhere to go')
  })

  it('never writes a report over a file being checked, even with --force', async () => {
    const data = join(dir, 'victim.csv')
    await copyFile(clean, data)
    const before = await readFile(data, 'utf8')
    const named = await odcheck(['check', data, ...pinned, '--output', data, '--force'])
    expect(named.code).toBe(2)
    expect(named.stderr).toContain('never writes over its input')
    // Checked through its folder, the file is only known once read: refused when writing.
    const inFolder = await odcheck(['check', dir, ...pinned, '--format', `json=${data}`, '--force'])
    expect(inFolder.code).toBe(2)
    expect(inFolder.stderr).toContain('is a file this run checked')
    expect(await readFile(data, 'utf8')).toBe(before)
  })

  it('refuses the same output path twice, and an empty one, before writing anything (exit 2)', async () => {
    const out = join(dir, 'twice.json')
    const twice = await odcheck(['check', ...cleanTable, '--format', `json=${out}`, '--format', `sarif=${out}`])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain('Two reports would be written')
    expect(existsSync(out)).toBe(false)
    const empty = await odcheck(['check', ...cleanTable, '--format', 'json='])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('names no file')
  })

  it('says which path cannot be written, as a usage error (exit 2), not an internal failure', async () => {
    const blocker = join(dir, 'not-a-folder')
    await writeFile(blocker, 'x')
    const r = await odcheck(['check', ...cleanTable, '--format', `json=${join(blocker, 'report.json')}`])
    expect(r.code).toBe(2)
    // oclif wraps the message to the terminal's width, each line starting " ›".
    const message = r.stderr.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' ')
    expect(message).toContain(`${join(blocker, 'report.json')} cannot be written`)
    expect(message).not.toContain('unexpectedly')
  })

  it('refuses two formats on the terminal at once (exit 2)', async () => {
    const r = await odcheck(['check', clean, '--format', 'json', '--format', 'stylish'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Only one format can write to the terminal')
  })
})

describe('odcheck check exit codes', {timeout: 120_000}, () => {
  it('0 for a clean table', async () => {
    expect((await odcheck(['check', ...cleanTable])).code).toBe(0)
  })

  it('1 for errors, 0 for a warning below --fail-on', async () => {
    expect((await odcheck(['check', mixed, ...pinned])).code).toBe(1)
    const r = await odcheck(['check', ...oneWarning, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({valid: true, summary: {errors: 0, warnings: 1}})
  })

  it('1 for a warning with --fail-on warning', async () => {
    const r = await odcheck(['check', ...oneWarning, '--fail-on', 'warning'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✖ not fit to publish')
  })

  it('1 for more warnings than --max-warnings, 0 within it', async () => {
    const over = await odcheck(['check', ...oneWarning, '--max-warnings', '0'])
    expect(over.code).toBe(1)
    expect(over.stdout).toContain('more than 0 warnings (--max-warnings)')
    expect((await odcheck(['check', ...oneWarning, '--max-warnings', '1'])).code).toBe(0)
  })

  it('--quiet lists errors only and keeps the exit code', async () => {
    const warningsOnly = await odcheck(['check', ...oneWarning, '--quiet'])
    expect(warningsOnly.code).toBe(0)
    expect(warningsOnly.stdout).not.toContain('extra-cell')
    expect(warningsOnly.stdout).toContain('1 warning not shown (--quiet)')

    const r = await odcheck(['check', mixed, ...pinned, ...severities, '--quiet', '--format', 'json'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.findings.map((f: {severity: string}) => f.severity)).toEqual(['error', 'error'])
    expect(report.summary).toMatchObject({errors: 2, warnings: 1, infos: 1})
  })

  it('--quiet lists the warnings too when they fail the run (--fail-on warning, --max-warnings)', async () => {
    const failOn = await odcheck(['check', ...oneWarning, '--quiet', '--fail-on', 'warning'])
    expect(failOn.code).toBe(1)
    expect(failOn.stdout).toContain('extra-cell')
    const over = await odcheck(['check', ...oneWarning, '--quiet', '--max-warnings', '0'])
    expect(over.code).toBe(1)
    expect(over.stdout).toContain('extra-cell')
  })

  it('takes flags before the paths: a repeatable flag takes one value each time', async () => {
    const r = await odcheck(['check', '--only', 'extra-cell', '--rule', 'extra-cell=warning', mixed, '--format', 'json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.resources.map((x: {path: string}) => x.path)).toEqual([mixed])
    expect(report.findings.map((f: {rule: string}) => f.rule)).toEqual(['extra-cell'])
  })

  it('2 for a bad flag value', async () => {
    const r = await odcheck(['check', clean, '--fail-on', 'sometimes'])
    expect(r.code).toBe(2)
  })
})

/** Bad input never crashes: each case gives a finding or a message naming the file and what to do. */
import {mkdtemp, writeFile, mkdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odcheck-inputs-'))
  await mkdir(join(dir, 'no-tables'))
  await writeFile(join(dir, 'no-tables', 'notes.txt'), 'nothing to see')
  await writeFile(join(dir, 'empty.csv'), '')
  await writeFile(join(dir, 'blank.csv'), '\n\n  \n')
  await writeFile(join(dir, 'binary.csv'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]))
  await writeFile(join(dir, 'workbook.csv'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]))
  await writeFile(join(dir, 'error-page.csv'), '<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n')
  await writeFile(join(dir, 'records.csv'), '[{"ward": "Sale", "lights": 412}]\n')
  await writeFile(join(dir, 'feed.csv'), '<?xml version="1.0"?>\n<wards><ward name="Sale"/></wards>\n')
  await writeFile(join(dir, 'utf-16le.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ward,lights\r\nSale,412\r\n', 'utf16le')]))
  await writeFile(join(dir, 'utf-16be.csv'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ward,lights\r\nSale,412\r\n', 'utf16le').swap16()]))
  await writeFile(join(dir, 'long-line.csv'), 'id,notes\n1,' + 'x'.repeat(50 * 1024 * 1024) + '\n2,short\n')
})

afterAll(() => rm(dir, {recursive: true, force: true}))

function json(stdout: string) {
  return JSON.parse(stdout) as {
    valid: boolean
    findings: Array<{rule: string; resource: string; rowNumber?: number; fieldNumber?: number; details?: {reason?: string; cellCount?: number}}>
    summary: {rows: number; errors: number}
  }
}

describe('odcheck check on bad input', () => {
  it('exits 2 and names a path that does not exist', async () => {
    const r = await odcheck(['check', join(dir, 'missing.csv')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('missing.csv does not exist')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for a folder with no tables, saying what it looked for', async () => {
    const r = await odcheck(['check', join(dir, 'no-tables')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no-tables is a folder with no tables')
    expect(r.stderr).toContain('*.csv')
  })

  it.each([
    ['empty.csv', 'empty'],
    ['blank.csv', 'empty'],
    ['binary.csv', 'binary'],
    ['workbook.csv', 'binary'],
    ['error-page.csv', 'not-a-table'],
    ['records.csv', 'not-a-table'],
    ['feed.csv', 'not-a-table'],
  ])('reports %s as a source-error (%s) and exits 1', async (file, reason) => {
    // Only the table rules: a lone file has no metadata, which the licence and metadata rules report too.
    const r = await odcheck(['check', join(dir, file), '--json', '--only', '#structure'])
    expect(r.code).toBe(1)
    const report = json(r.stdout)
    expect(report.findings.map((f) => [f.rule, f.details?.reason])).toEqual([['source-error', reason]])
    expect(report.findings[0].resource).toContain(file)
  })

  it('says what to do with JSON or XML saved under a .csv name', async () => {
    const records = await odcheck(['check', join(dir, 'records.csv'), '--only', '#structure'])
    expect(records.stdout).toContain('records.csv is JSON, not a delimited table: name it .json')
    const feed = await odcheck(['check', join(dir, 'feed.csv'), '--only', '#structure'])
    expect(feed.stdout).toContain('feed.csv is XML, not a delimited table: export the data as CSV')
  })

  it('reads a 50 MB line without crashing', async () => {
    const r = await odcheck(['check', join(dir, 'long-line.csv'), '--json', '--only', '#structure'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(json(r.stdout).summary.rows).toBe(2)
  })

  it('counts every extra cell of a line with no line breaks in it, listing only the first', async () => {
    // 1.2 million cells under a 3-column header: more than the parser keeps of one record.
    const file = join(dir, 'no-line-breaks.csv')
    await writeFile(file, `a,b,c\n${'x,'.repeat(1_200_000)}y\n`)
    const r = await odcheck(['check', file, '--json', '--only', 'extra-cell'])
    expect(r.code).toBe(1)
    const report = json(r.stdout)
    expect(report.summary.errors).toBe(1_200_001 - 3)
    const listed = report.findings.filter((f) => f.rule === 'extra-cell')
    expect(listed).toHaveLength(100)
    expect(listed[0]).toMatchObject({rowNumber: 2, fieldNumber: 4, details: {cellCount: 1_200_001, fieldCount: 3}})
  })

  it('exits 2 with the allowed values for a bad flag value', async () => {
    const r = await odcheck(['check', join(dir, 'empty.csv'), '--fail-on', 'sometimes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/error, warning, info/)
  })

  it('exits 2 for an --encoding odcheck does not know, naming the flag and encodings to give', async () => {
    const r = await odcheck(['check', join(dir, 'records.csv'), '--encoding', 'bogus'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--encoding bogus')
    expect(r.stderr).toMatch(/utf-8, windows-1252/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it.each([
    ['utf-16le.csv', 'UTF-16LE'],
    ['utf-16be.csv', 'UTF-16BE'],
  ])('reports %s given as windows-1252 as starting with a %s byte-order mark, not as binary', async (file, mark) => {
    const r = await odcheck(['check', join(dir, file), '--encoding', 'windows-1252', '--json', '--only', '#structure'])
    expect(r.code).toBe(1)
    const report = json(r.stdout) as ReturnType<typeof json> & {findings: Array<{details?: {error?: string}}>}
    expect(report.findings.map((f) => [f.rule, f.details?.reason])).toEqual([['source-error', 'encoding']])
    expect(report.findings[0].details?.error).toContain(`${file} starts with a ${mark} byte-order mark`)
  })

  it('reads a UTF-16 file given as utf-16, taking the byte order from its mark', async () => {
    const r = await odcheck(['check', join(dir, 'utf-16be.csv'), '--encoding', 'utf-16', '--json', '--only', 'source-error', '--only', 'encoding-error'])
    expect(r.code).toBe(0)
    expect(json(r.stdout).summary.rows).toBe(1)
  })

  it('exits 2 for an unknown rule in --rule', async () => {
    const r = await odcheck(['check', join(dir, 'empty.csv'), '--rule', 'no-such-rule=off'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Unknown rule "no-such-rule"')
  })
})

describe('odcheck check with a glob pattern', () => {
  it("finds the config from the pattern's fixed folder and skips what its ignore names, as for the folder", async () => {
    const project = join(dir, 'glob-project')
    await mkdir(join(project, 'drafts'), {recursive: true})
    await mkdir(join(project, '.git'))
    await writeFile(join(project, '.odcheck.yaml'), 'ignore: ["drafts/**"]\n')
    await writeFile(join(project, 'spend.csv'), 'id,amount\n1,10\n')
    await writeFile(join(project, 'drafts', 'spend-draft.csv'), 'id,amount\n1,10\n')
    for (const input of [project, `${project}/**/*.csv`]) {
      const r = await odcheck(['check', input, '--json', '--only', '#structure'])
      expect(r.code, r.stderr).toBe(0)
      expect((JSON.parse(r.stdout) as {resources: Array<{path: string}>}).resources.map((x) => x.path)).toEqual([join(project, 'spend.csv')])
    }
  })
})

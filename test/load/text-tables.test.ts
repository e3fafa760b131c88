/** Folder scans pick up a .txt file that holds a delimited table, never notes or READMEs, and say which .txt files they skipped. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {discover} from '../../src/load/discover.js'
import {isDelimitedText} from '../../src/load/text-table.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'text-tables')

describe('.txt files in a folder', () => {
  it('picks up a CSV saved as .txt (here with old Mac CR line endings) and reads it as CSV', async () => {
    const {resources, problems} = await discover([join(dir, 'cr-table')], dir)
    expect(resources.map((r) => [r.name, r.format])).toEqual([['cr-table/Street_Lighting.txt', 'csv']])
    expect(problems).toEqual([])
  })

  it('leaves notes beside a table alone', async () => {
    const {resources} = await discover([join(dir, 'mixed')], dir)
    expect(resources.map((r) => r.name)).toEqual(['mixed/wards.csv'])
  })

  it('never takes a README, even one laid out as a table, and names the .txt files it skipped', async () => {
    for (const folder of ['notes', 'readme-table']) {
      const {resources, problems} = await discover([join(dir, folder)], dir)
      expect(resources).toEqual([])
      expect(problems).toHaveLength(1)
      expect(problems[0].message).toContain(folder === 'notes' ? 'notes/about-the-data.txt' : 'readme-table/README.txt')
    }
  })

  it('names a 7-Zip archive in a folder with no tables: odcheck reads inside .zip, .gz and tar files only', async () => {
    const {resources, problems} = await discover([join(dir, 'sevenzip')], dir)
    expect(resources).toEqual([])
    expect(problems[0].message).toContain('Found sevenzip/spend.7z: odcheck reads inside .zip, .gz and tar files, not 7-Zip or RAR archives.')
  })

  it('tells delimited text from prose by a consistent width of three or more columns', () => {
    expect(isDelimitedText('a,b,c\n1,2,3\n4,5,6\n', true)).toBe(true)
    expect(isDelimitedText('a\tb\tc\r\n1\t2\t3\r\n4\t5\t6\r\n', true)).toBe(true)
    expect(isDelimitedText('name,"notes, long",n\nx,"a\nb, c",1\ny,z,2\n', true)).toBe(true)
    // Two columns, too few records, widths that wander, binary.
    expect(isDelimitedText('a,b\n1,2\n3,4\n', true)).toBe(false)
    expect(isDelimitedText('a,b,c\n1,2,3\n', true)).toBe(false)
    expect(isDelimitedText('Hello, world, again\nThis line has one, comma\nAnd this none\nOr, two, here\n', true)).toBe(false)
    expect(isDelimitedText('a,b,c\u0000\n1,2,3\n4,5,6\n', true)).toBe(false)
  })
})

describe('odcheck check on a folder', () => {
  it('checks the .txt table in it instead of exiting 2', async () => {
    const r = await odcheck(['check', join(dir, 'cr-table'), '--json', '--only', '#structure'])
    expect(r.code).not.toBe(2)
    const report = JSON.parse(r.stdout) as {tables: Array<{name?: string; path?: string; rows?: number}>; summary: {rows: number; files?: number}}
    expect(report.summary.rows).toBe(3)
  })

  it('exits 2 for a folder of notes, naming the .txt files it skipped and how to check one', async () => {
    const r = await odcheck(['check', join(dir, 'notes')])
    expect(r.code).toBe(2)
    // oclif wraps the message to the terminal's width.
    const message = r.stderr.replace(/\s*\n\s*›?\s*/g, ' ')
    expect(message).toContain('notes/about-the-data.txt')
    expect(message).toContain('rename it .csv')
  })
})

/**
 * A report never prints a personal value as it is: every cell of the synthetic people table
 * is looked for in the JSON and text reports of the privacy rules, whole and in its parts.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

function personalFragments(file: string): string[] {
  const records: string[][] = parse(readFileSync(file))
  const fragments = new Set<string>()
  for (const row of records.slice(1)) {
    for (const cell of row.slice(1)) {
      fragments.add(cell)
      fragments.add(cell.replace(/[\s-]/g, ''))
      // Parts that identify on their own: an address's local part, a surname, a run of digits.
      // Short digit groups (the 07700 a phone mask keeps), postcode districts (M32) and example domains are not personal.
      for (const part of cell.split(/[@\s]+/)) if (!/^(example|\+44)|^\d{1,5}$|^[A-Z]{1,2}\d[A-Z\d]?$/.test(part)) fragments.add(part)
    }
  }
  // Only fragments the masks could never produce.
  return [...fragments].filter((f) => f.length >= 4 && !/^[*\s.-]+$/.test(f))
}

describe('masking in reports', () => {
  const file = join(fixturesDir, 'personal-data', 'people.csv')
  const fragments = personalFragments(file)

  it('has personal values to look for', () => {
    expect(fragments).toEqual(expect.arrayContaining(['jane.doe@example.org', 'AB123456C', '4010232137', 'O\'Brien', 'M32 0TH', '192.0.2.10']))
  })

  it.each([['json', ['--json']], ['stylish', []]])('prints none of them in the %s report', async (_name, flags) => {
    const r = await odcheck(['check', file, '--only', '#privacy', ...flags])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('personal-data')
    for (const fragment of fragments) expect(r.stdout, fragment).not.toContain(fragment)
  })
})

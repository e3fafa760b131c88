/**
 * Bad metadata is findings, never a crash: any JSON value, and CSVW-shaped documents whose
 * properties hold values of any kind, are processed into problems with a severity, a kind
 * and a message; and any text gives either JSON or a syntax error with a line and column.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {findJsonSyntaxError} from '../../src/metadata/csvw/json-syntax.js'
import {processMetadata} from '../../src/metadata/csvw/process/group.js'
import {Problems} from '../../src/metadata/csvw/problems.js'
import {INHERITED, PROPERTIES} from '../../src/metadata/csvw/vocabulary.js'

const doc = {url: 'file:///data/csv-metadata.json', name: 'csv-metadata.json'}

async function processAny(value: unknown) {
  const problems = new Problems()
  const readLinked = async () => ({error: 'it does not exist'})
  const group = await processMetadata(value, {doc, base: doc.url, problems, readLinked}, '/data')
  return {group, problems: problems.list}
}

const anyValue = fc.jsonValue({maxDepth: 3})
const keys = [...new Set([...Object.values(PROPERTIES).flat(), ...INHERITED, '@id', '@type', 'dc:title', '@list', 'notes'])]
const description = (depth: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(fc.constantFrom(...keys), depth > 0 ? fc.oneof(anyValue, description(depth - 1), fc.array(description(depth - 1), {maxLength: 3})) : anyValue, {maxKeys: 6})

describe('CSVW metadata never crashes odcheck', () => {
  it('processes any JSON value into problems', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        const {group, problems} = await processAny(value)
        expect(Array.isArray(group.tables)).toBe(true)
        for (const p of problems) expect(p).toMatchObject({severity: expect.stringMatching(/^(error|warning)$/), code: expect.any(String), message: expect.any(String)})
      }),
      {numRuns: 300},
    )
  })

  it('processes CSVW-shaped documents with values of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(description(3), async (value) => {
        const {problems} = await processAny({'@context': 'http://www.w3.org/ns/csvw', ...value})
        for (const p of problems) expect(p.message.length).toBeGreaterThan(0)
      }),
      {numRuns: 400},
    )
  })

  it('finds a line and column in any text JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)) + ','), fc.json().map((j) => j.replace(/"/, "'"))), (text) => {
        let valid = true
        try {
          JSON.parse(text.replace(/^\uFEFF/, ''))
        } catch {
          valid = false
        }
        const error = findJsonSyntaxError(text)
        if (valid) expect(error).toBeUndefined()
        else expect(error).toMatchObject({line: expect.any(Number), column: expect.any(Number)})
      }),
      {numRuns: 500},
    )
  })
})

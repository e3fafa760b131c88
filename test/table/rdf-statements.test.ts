/** Reading RDF statements: what is a syntax error of the file, and what is not. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {readRdf, RdfSyntaxError} from '../../src/table/rdf.js'
import {StatementSet} from '../../src/table/rdf-statements.js'
import type {RdfSyntax} from '../../src/load/rdf-kind.js'

const dir = mkdtempSync(join(tmpdir(), 'odcheck-rdf-statements-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const FILES: Array<[RdfSyntax, string, string]> = [
  ['turtle', 'parks.ttl', '@prefix ex: <http://example.org/> .\nex:a ex:spaces 120 .\n'],
  ['rdfxml', 'parks.rdf', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a"><ex:spaces>120</ex:spaces></rdf:Description></rdf:RDF>\n'],
  ['jsonld', 'parks.jsonld', '{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:spaces": 120}'],
]

describe('readRdf', () => {
  it.each(FILES)('passes on a failure of the statement handler as it is, not as a syntax error of valid %s', async (syntax, name, text) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    const failure = new RangeError('Map maximum size exceeded')
    const read = readRdf(path, name, syntax, () => {
      throw failure
    })
    await expect(read).rejects.toBe(failure)
    await expect(read).rejects.not.toBeInstanceOf(RdfSyntaxError)
  })
})

describe('StatementSet', () => {
  const statement = (i: number) => ({subject: {kind: 'blank' as const, value: `b${i}`}, predicate: 'p', object: {kind: 'literal' as const, value: ''}})

  it('knows a repeat however many statements came between', () => {
    const set = new StatementSet()
    for (let i = 0; i < 100_000; i++) set.add(statement(i))
    expect(set.add(statement(0))).toBe(false)
    expect(set.add(statement(99_999))).toBe(false)
    expect([set.size, set.duplicates, set.unremembered]).toEqual([100_000, 2, 0])
  })

  // A graph of more distinct triples than one Map holds (2^24) was "Not valid N-Triples: Map maximum size exceeded"; an unbounded set would exhaust memory first.
  it('remembers at most its capacity: a repeat of one remembered is still known, others past it count as new', () => {
    const set = new StatementSet(3)
    for (let i = 0; i < 5; i++) expect(set.add(statement(i))).toBe(true)
    expect(set.add(statement(0))).toBe(false)
    expect(set.add(statement(4))).toBe(true)
    expect([set.size, set.duplicates, set.unremembered]).toEqual([6, 1, 3])
  })
})

/**
 * RDF data rules on small Turtle, N-Triples, RDF/XML and JSON-LD files: a file that does not
 * parse (the parser's line), IRIs that only work on the author's machine (file:, localhost,
 * private hosts; relative IRIs and literals are not IRIs of that kind), and a graph with no
 * triples. Each RDF file is one resource whose rowCount is its distinct triples.
 */
import {describe, expect, it} from 'vitest'
import {localKind} from '../../src/checks/rdf/local-iri.js'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

ruleTester('rdf-syntax-error', {
  valid: ['valid.nt'],
  invalid: [
    // The dot missing at the end of line 5 shows where the next statement starts.
    {file: 'missing-dot.ttl', findings: [{line: 7, details: {syntax: 'turtle', line: 7}}]},
    {file: 'undeclared-prefix.ttl', findings: [{line: 4, details: {syntax: 'turtle', line: 4, reason: 'Undefined prefix "geo:"'}}]},
    // The last statement never ends: the parser notices at the end of the input, two blank lines on; the finding points at line 3.
    {file: 'open-at-end.ttl', findings: [{line: 3, details: {syntax: 'turtle', line: 3}}]},
    {file: 'unclosed.rdf', findings: [{line: 4, details: {syntax: 'rdfxml', line: 4, column: 38}}]},
    {file: 'trailing-comma.jsonld', findings: [{line: 4, details: {syntax: 'jsonld', line: 4, column: 84}}]},
    // Turtle is UTF-8; the é of "Bowdon é" was saved as one Windows-1252 byte on line 4.
    {file: 'windows-1252.ttl', findings: [{line: 4, details: {syntax: 'turtle', line: 4}}]},
  ],
})

// A context on the web is ordinary JSON-LD: odcheck, offline, says it did not read the statements, as an info, not a source-error.
ruleTester('rdf-remote-context', {
  valid: ['inline.jsonld'],
  invalid: [{file: 'parks.jsonld', findings: [{details: {url: 'https://schema.org'}}]}],
})

ruleTester('rdf-local-uri', {
  valid: ['published.nt', 'relative.ttl'],
  invalid: [
    {
      file: 'leaky-cube.ttl',
      findings: [
        {
          details: {
            // Three csvw:url provenance triples (one of them written twice, counted once) and one rdfs:seeAlso to localhost.
            statements: 4,
            triples: 15,
            distinct: 4,
            example: 'file:/var/folders/74/T/input6049674074341806915.csv',
            kinds: {file: 3, localhost: 1},
            positions: {subject: 0, predicate: 0, object: 4, graph: 0},
            predicates: ['csvw:url', 'rdfs:seeAlso'],
          },
        },
      ],
    },
    {
      file: 'intranet.rdf',
      findings: [{details: {statements: 2, triples: 3, distinct: 2, kinds: {'private-network': 2}, positions: {subject: 2, predicate: 0, object: 1, graph: 0}}}],
    },
  ],
})

ruleTester('rdf-empty-graph', {
  valid: ['one-triple.nt'],
  invalid: [
    {file: 'prefixes-only.ttl', findings: [{details: {bytes: 150}}]},
    {file: 'empty.nt', findings: [{details: {bytes: 0}}]},
  ],
})

describe('an RDF data file as a resource', () => {
  it('counts distinct triples: one written twice counts once, as in a graph', async () => {
    const {table} = await findingsOf('rdf-local-uri', 'leaky-cube.ttl')
    expect(table.head?.format).toBe('turtle')
    expect(table.stats?.rowCount).toBe(15)
  })

  it('is not read when it does not parse: no head, so no counts from half a graph', async () => {
    const {table} = await findingsOf('rdf-syntax-error', 'unclosed.rdf')
    expect(table.head).toBeUndefined()
    expect(table.findings.map((f) => f.rule)).toEqual(['rdf-syntax-error'])
  })
})

describe('IRIs that only work on the author’s computer or network', () => {
  it.each([
    ['file:///C:/Users/gis/car-parks.csv', 'file'],
    ['file:/var/folders/74/T/input.csv', 'file'],
    ['http://localhost:8080/wards/1', 'localhost'],
    ['https://127.0.0.1/wards', 'localhost'],
    ['http://[::1]/wards', 'localhost'],
    ['http://192.168.1.20/parking', 'private-network'],
    ['http://10.0.0.5/parking', 'private-network'],
    ['http://gis-server/parking', 'private-network'],
    ['http://maps.council.local/parking', 'private-network'],
    // Classified by scheme and authority alone (and remembered so): these end it at ?, # and after a port.
    ['HTTP://LocalHost./wards', 'localhost'],
    ['http://gis-server?layer=parking', 'private-network'],
    ['http://gis-server#parking', 'private-network'],
    ['http://localhost', 'localhost'],
    ['http://admin@10.0.0.5:8080/parking', 'private-network'],
  ])('%s is %s', (iri, kind) => {
    expect(localKind(iri)).toBe(kind)
  })

  it.each(['https://data.trafford.gov.uk/id/ward/E05000819', 'http://statistics.data.gov.uk/id/statistical-geography/E05000650', 'urn:uuid:1234', 'mailto:gis@example.gov.uk', 'http://8.8.8.8/', 'http://data.gmdsp.org.uk/def/localhost/1', 'http:localhost'])('%s is not', (iri) => {
    expect(localKind(iri)).toBeUndefined()
  })
})

describe('rule rdf-uri-profile', () => {
  it('finds nothing and publishes the distinct subject URIs, their hosts, and object URIs per other host', async () => {
    const {findings, table} = await findingsOf('rdf-uri-profile', 'wards.ttl')
    expect(findings).toEqual([])
    expect(table?.facts?.rdfUris).toEqual({
      subjects: 2,
      subjectHosts: ['data.trafford.gov.uk'],
      // The borough is on the subjects' own host; rdf:type's objects are classes: neither is kept.
      objectHosts: [
        {host: 'statistics.data.gov.uk', uris: 2},
        {host: 'www.trafford.gov.uk', uris: 2},
        {host: 'dbpedia.org', uris: 1},
      ],
    })
  })

  it('publishes nothing for a file it could not read', async () => {
    const {table} = await findingsOf('rdf-uri-profile', '../rdf-syntax-error/missing-dot.ttl')
    expect(table?.facts?.rdfUris).toBeUndefined()
  })
})


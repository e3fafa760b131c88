import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {countRdf} from '../../src/assess/stars/rdf.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const rdf = (file: string) => join(fixturesDir, 'stars', 'rdf', file)

describe('countRdf', () => {
  it('counts subject URIs and links to other domains in N-Triples, leaving out types, vocabularies, blank nodes and own URIs', async () => {
    const summary = await countRdf(rdf('wards.nt'))
    expect(summary).toMatchObject({syntax: 'ntriples', triples: 6, subjects: 2, subjectDomains: ['data.trafford.gov.uk'], externalObjects: 2, externalDomains: ['statistics.data.gov.uk']})
    expect(summary.error).toBeUndefined()
  })

  it('reads Turtle', async () => {
    const summary = await countRdf(join(fixturesDir, 'stars', '5-rdf', 'wards.ttl'))
    expect(summary).toMatchObject({syntax: 'turtle', triples: 8, subjects: 2, externalObjects: 2, externalDomains: ['statistics.data.gov.uk']})
  })

  it('counts a triple written twice once, as the graph holds it (table2qb repeats its provenance)', async () => {
    const summary = await countRdf(join(fixturesDir, 'rdf-local-uri', 'leaky-cube.ttl'))
    expect(summary).toMatchObject({syntax: 'turtle', triples: 15})
  })

  it('reads RDF/XML', async () => {
    expect(await countRdf(rdf('wards.rdf'))).toMatchObject({syntax: 'rdfxml', triples: 3, subjects: 1, externalObjects: 2, externalDomains: ['statistics.data.gov.uk', 'dbpedia.org']})
  })

  it('reads JSON-LD with an inline context', async () => {
    const summary = await countRdf(rdf('wards.jsonld'))
    expect(summary).toMatchObject({syntax: 'jsonld', triples: 3, subjects: 2, externalObjects: 1, externalDomains: ['statistics.data.gov.uk']})
    expect(summary.approximate).toBeUndefined()
  })

  it('does not fetch a remote JSON-LD context: it scans the @ids instead and says the counts are approximate', async () => {
    const summary = await countRdf(rdf('remote-context.jsonld'))
    expect(summary).toMatchObject({approximate: true, subjects: 1, externalDomains: ['statistics.data.gov.uk']})
    expect(summary.error).toBeUndefined()
  })

  it('says which file could not be read and why, without throwing', async () => {
    const summary = await countRdf(rdf('broken.ttl'))
    expect(summary.error).toMatch(/broken\.ttl could not be read as turtle/)
    const missing = await countRdf(rdf('absent.nt'))
    expect(missing.error).toMatch(/absent\.nt could not be read as ntriples: .*absent\.nt does not exist/)
  })

  it('does not count links to a domain the metadata says is the publisher’s own', async () => {
    // The ONS publishing its own geography: statistics.data.gov.uk is theirs, not someone else's.
    const summary = await countRdf(rdf('wards.nt'), {ownDomains: ['statistics.data.gov.uk']})
    expect([summary.externalObjects, summary.externalDomains]).toEqual([0, []])
  })
})

/**
 * A DCAT-US catalog may state the licence once, for every dataset in it (East Devon's
 * data.json, harvested by data.gov.uk, does). A dataset without its own licence inherits it;
 * one with its own keeps that.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {metadataFixtures, readFixture, schemaErrors} from './helpers.js'

const OGL2 = 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/'

describe('DCAT-US catalog-level licence', () => {
  it('is inherited by a dataset that names none, and not by one that names its own', async () => {
    const load = await readFixture('dcat-us-catalogue/data.json')
    expect(load.problems).toEqual([])
    const [orders, carParks] = load.documents
    for (const d of load.documents) expect(schemaErrors(d)).toEqual([])
    expect(orders.licence).toEqual({raw: OGL2, url: OGL2})
    expect(orders.evidence.licence).toBe('license')
    expect(carParks.licence?.url).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(carParks.evidence.licence).toBe('dataset[1].license')
  })

  it('counts as the licence: licence-missing finds nothing, attribution-missing reads it as OGL v2.0', async () => {
    const cwd = join(metadataFixtures, 'dcat-us-catalogue')
    const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl, noSearch: true})
    const result = await run({inputs: ['data.json'], cwd, config, only: ['licence-missing', 'attribution-missing']})
    expect(result.dataset?.findings.map((f) => [f.rule, f.details?.licence])).toEqual([['attribution-missing', 'OGL-UK-2.0']])
  })
})

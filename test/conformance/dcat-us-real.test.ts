/**
 * East Devon's real data.json (../shared/corpus/real, eddc2.json) states the licence once, on
 * the catalog, not on its dataset: the dataset inherits it.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadMetadata} from '../../src/metadata/load.js'
import {sharedDir} from './shared.js'

const folder = join(sharedDir, 'corpus', 'real', 'metadata', 'dcat-json-east-devon')
const hasFile = existsSync(join(folder, 'eddc2.json'))
const skipReason = `eddc2.json is absent from ${folder}: DCAT-US catalog licence conformance skipped`
if (!hasFile) console.warn(skipReason)

describe.skipIf(!hasFile)(hasFile ? 'East Devon data.json (eddc2)' : skipReason, () => {
  it('gives its dataset the catalog\'s OGL v2.0 licence', async () => {
    const load = await loadMetadata({inputs: ['eddc2.json'], cwd: folder})
    expect(load.problems).toEqual([])
    // JSON keeps the last of the two "dataset" keys: the list with the September 2014 orders.
    expect(load.documents.map((d) => [d.identifier, d.licence?.url, d.evidence.licence])).toEqual([
      ['EDDCPOSeptember2014', 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/', 'license'],
    ])
  })
})

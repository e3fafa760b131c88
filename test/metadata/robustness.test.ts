/** Whatever a metadata file holds, an adapter gives models or a MetadataError: never another exception. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {adapters} from '../../src/metadata/adapters/index.js'
import {MetadataError} from '../../src/metadata/errors.js'
import type {MetadataFormat} from '../../src/metadata/model.js'
import {metadataFixtures} from './helpers.js'

async function outcome(format: MetadataFormat, text: string): Promise<'models' | 'metadata-error'> {
  try {
    const models = await adapters[format](text, '/data/council/metadata.file', {})
    expect(Array.isArray(models)).toBe(true)
    return 'models'
  } catch (error) {
    if (error instanceof MetadataError) return 'metadata-error'
    throw error
  }
}

const jsonFormats: MetadataFormat[] = ['datapackage', 'csvw', 'dcat-us', 'ckan', 'odcheck', 'dcat-jsonld']

describe('adapters on arbitrary input', () => {
  it('survive any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonFormats), fc.jsonValue({maxDepth: 4}), async (format, value) => {
        await outcome(format, JSON.stringify(value))
      }),
      {numRuns: 300},
    )
  })

  it('survive catalogue-shaped JSON with values of the wrong type', async () => {
    const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()))
    const shaped = fc.record(
      {title: anything, description: anything, licenses: anything, license: anything, contributors: anything, resources: fc.array(fc.dictionary(fc.constantFrom('path', 'url', 'schema', 'bytes', 'name', 'format'), anything)), tables: anything, url: anything, tableSchema: anything, dataset: anything, distribution: anything, publisher: anything, contactPoint: anything, extras: anything, tags: anything, organization: anything, keyword: anything, temporal: anything},
      {requiredKeys: []},
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonFormats), shaped, async (format, value) => {
        await outcome(format, JSON.stringify(value))
      }),
      {numRuns: 300},
    )
  })

  it('survive real files cut short at any point', async () => {
    const samples: Array<[MetadataFormat, string]> = [
      ['datapackage', 'adapters/datapackage.json'],
      ['csvw', 'adapters/csv-metadata.json'],
      ['dcat-turtle', 'adapters/fly-tipping.ttl'],
      ['dcat-rdfxml', 'adapters/fly-tipping.rdf'],
      ['dcat-jsonld', 'adapters/fly-tipping.jsonld'],
      ['dcat-us', 'adapters/data.json'],
      ['ckan', 'adapters/package_show.json'],
      ['odcheck', 'adapters/odcheck.yaml'],
    ]
    for (const [format, file] of samples) {
      const text = readFileSync(join(metadataFixtures, file), 'utf8')
      expect(await outcome(format, text)).toBe('models')
      await fc.assert(
        fc.asyncProperty(fc.nat({max: text.length - 1}), async (cut) => {
          await outcome(format, text.slice(0, cut))
        }),
        {numRuns: 40},
      )
    }
  })
})

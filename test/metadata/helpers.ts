/** Reads metadata fixtures the way a run does, and checks models against schemas/metadata.schema.json. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {loadMetadata} from '../../src/metadata/load.js'
import type {DatasetMetadata} from '../../src/metadata/model.js'
import {fixturesDir} from '../helpers/rule-tester.js'

export const metadataFixtures = join(fixturesDir, 'metadata')

/** Loads a metadata file named as an input (so through discovery and sniffing, as `odcheck check FILE` does). */
export async function readFixture(file: string) {
  return loadMetadata({inputs: [join(metadataFixtures, file)], cwd: metadataFixtures})
}

const ajv = new Ajv({allErrors: true, strict: false})
const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'metadata.schema.json'), 'utf8')))

/** Schema errors of a model, as `path message` strings: empty when it is valid. */
export function schemaErrors(model: DatasetMetadata): string[] {
  // Round-trip through JSON as the report does: undefined values vanish.
  return validate(JSON.parse(JSON.stringify(model))) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

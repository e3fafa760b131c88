/** An ajv validator for schemas/report.schema.json, shared by the schema and CLI tests. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {repoRoot} from './fixture-report.js'

type AddFormats = (ajv: Ajv) => Ajv
const addFormats = ((addFormatsModule as unknown as {default?: AddFormats}).default ?? addFormatsModule) as unknown as AddFormats

export const reportSchema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8'))

export function reportValidator() {
  const ajv = new Ajv({allErrors: true, allowUnionTypes: true})
  addFormats(ajv)
  return ajv.compile(reportSchema)
}

/**
 * ajv instances, with ajv and ajv-formats required on first use: most runs validate no JSON
 * Schema at all (built-in rule options are validated at build time), and loading ajv and
 * setting up its meta-schemas cost every start about 60 ms.
 */
import {createRequire} from 'node:module'
import type {Ajv, Options} from 'ajv'

const require = createRequire(import.meta.url)

type AjvClass = new (options: Options) => Ajv
export type JsonSchemaDialect = 'draft-07' | '2019-09' | '2020-12'

export function createAjv(options: Options, {formats = false, dialect = 'draft-07'}: {formats?: boolean; dialect?: JsonSchemaDialect} = {}): Ajv {
  const Class: AjvClass =
    dialect === '2020-12'
      ? (require('ajv/dist/2020.js') as {Ajv2020: AjvClass}).Ajv2020
      : dialect === '2019-09'
        ? (require('ajv/dist/2019.js') as {Ajv2019: AjvClass}).Ajv2019
        : (require('ajv') as {Ajv: AjvClass}).Ajv
  const ajv = new Class(options)
  if (formats) {
    // ajv-formats is CommonJS with a default export.
    const module = require('ajv-formats') as ((ajv: Ajv) => Ajv) & {default?: (ajv: Ajv) => Ajv}
    ;(module.default ?? module)(ajv)
  }
  return ajv
}

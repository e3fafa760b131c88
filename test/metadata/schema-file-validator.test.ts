/**
 * odcheck's own schemas are validated with modules compiled at build (scripts/compile-validators.mjs)
 * while the schema files are unchanged, and compiled at run time otherwise: either way the
 * answers are the same.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, onTestFinished} from 'vitest'
import {createAjv, schemaFileValidator} from '../../src/metadata/ajv.js'

const root = join(import.meta.dirname, '..', '..')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** A package layout in a temporary folder: schemas/<file> and, if given, dist/validators/metadata/<module>. */
function layout(schema: object, built?: {source: string; hashOf: string}) {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-validators-'))
  onTestFinished(() => rmSync(dir, {recursive: true, force: true}))
  const text = JSON.stringify(schema)
  mkdirSync(join(dir, 'schemas'))
  writeFileSync(join(dir, 'schemas', 'thing.json'), text)
  if (built) {
    mkdirSync(join(dir, 'dist', 'validators', 'metadata'), {recursive: true})
    writeFileSync(join(dir, 'dist', 'validators', 'metadata', 'thing.cjs'), `${built.source}\nmodule.exports.schemaHash = ${JSON.stringify(sha(built.hashOf))};\n`)
  }
  return {schemas: join(dir, 'schemas'), text}
}

const schema = {type: 'object', required: ['title'], properties: {title: {type: 'string'}}}
// A stand-in for a build's module that says so: it rejects everything.
const rejectAll = 'module.exports = function validate(data) { validate.errors = [{instancePath: "", keyword: "built", message: "from the build", params: {}, schemaPath: "#"}]; return false }'

describe('schemaFileValidator', () => {
  it("uses the build's module while the schema file is the one it was compiled from", () => {
    const {schemas, text} = layout(schema, {source: rejectAll, hashOf: JSON.stringify(schema)})
    expect(text).toBe(JSON.stringify(schema))
    const validate = schemaFileValidator('metadata', schemas, 'thing.json')
    expect(validate({title: 'x'})).toBe(false)
    expect(validate.errors?.[0].keyword).toBe('built')
  })

  it('compiles the schema at run time when the file changed since the build, or there is no build', () => {
    const changed = layout(schema, {source: rejectAll, hashOf: '{"an": "older schema"}'})
    const validate = schemaFileValidator('metadata', changed.schemas, 'thing.json')
    expect(validate({title: 'x'})).toBe(true)
    expect(validate({})).toBe(false)
    const none = layout(schema)
    expect(schemaFileValidator('metadata', none.schemas, 'thing.json')({title: 1})).toBe(false)
  })

  it("gives the same verdicts and errors from the build's modules as from compiling each shipped schema now", () => {
    const built = join(root, 'dist', 'validators')
    const sets = readdirSync(built)
    expect(sets.sort()).toEqual(['engine', 'metadata', 'profile'])
    const samples: unknown[] = [{}, {name: 'x', fields: [{name: 'a', type: 'integer'}]}, {resources: [{path: 'a.csv', name: 'a'}]}, {rules: {'blank-row': 'warning'}}, {title: 3}, [], 'text', {delimiter: ';', header: true}]
    for (const set of sets) {
      const files = readdirSync(join(built, set), {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.cjs'))
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const name = file.replace(/\.cjs$/, '.json')
        const fromBuild = schemaFileValidator(set as 'metadata', join(root, 'schemas'), name)
        const ajv = createAjv(set === 'engine' ? {allErrors: true, useDefaults: true, strict: false} : {allErrors: true, strict: false}, {formats: set !== 'metadata'})
        const now = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')))
        expect((fromBuild as {schemaHash?: string}).schemaHash, `${set}/${file} is not from the build, or is stale: run npm run build`).toBe(sha(readFileSync(join(root, 'schemas', name), 'utf8')))
        for (const sample of samples) {
          const a = structuredClone(sample)
          const b = structuredClone(sample)
          expect(fromBuild(a), `${name} on ${JSON.stringify(sample)}`).toBe(now(b))
          expect(fromBuild.errors ?? null).toEqual(now.errors ?? null)
          // Defaults filled in alike (the engine's schemas).
          expect(a).toEqual(b)
        }
      }
    }
  })
})

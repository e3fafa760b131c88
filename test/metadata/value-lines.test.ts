/** Lines of values in JSON and YAML documents by path: where descriptor and config findings point. */
import {describe, expect, it} from 'vitest'
import {jsonPathParts, valueLines} from '../../src/metadata/value-lines.js'

describe('jsonPathParts', () => {
  it('reads the JSONPaths findings carry, quoted names included', () => {
    expect(jsonPathParts('$')).toEqual([])
    expect(jsonPathParts('$.resources[1].schema.fields[0]')).toEqual(['resources', 1, 'schema', 'fields', 0])
    expect(jsonPathParts('$.fields[2]["Net Amount (£)"].type')).toEqual(['fields', 2, 'Net Amount (£)', 'type'])
  })

  it('gives up on anything that is not such a path', () => {
    expect(jsonPathParts('resources[1]')).toBeUndefined()
    expect(jsonPathParts('$..name')).toBeUndefined()
    expect(jsonPathParts('$.fields[x]')).toBeUndefined()
  })
})

describe('valueLines', () => {
  const json = ['{', '  "name": "wards",', '  "resources": [', '    {', '      "path": "wards.csv",', '      "schema": {"fields": [{"name": "id"}]}', '    }', '  ]', '}'].join('\n')

  it("finds a key's own line, an array item's line, and for a missing key the nearest part that exists", () => {
    const lineOf = valueLines(json)
    expect(lineOf(['name'])).toBe(2)
    expect(lineOf(['resources', 0])).toBe(4)
    expect(lineOf(['resources', 0, 'path'])).toBe(5)
    expect(lineOf(['resources', 0, 'schema', 'fields', 0, 'name'])).toBe(6)
    expect(lineOf(['resources', 0, 'dialect'])).toBe(4)
    expect(lineOf(['licenses'])).toBe(1)
  })

  it('reads YAML too, and finds nothing in a document that does not parse', () => {
    expect(valueLines('name: wards\nresources:\n  - path: wards.csv\n    encoding: latin-9\n')(['resources', 0, 'encoding'])).toBe(4)
    expect(valueLines('{"name": "wards",,}')(['name'])).toBeUndefined()
  })
})

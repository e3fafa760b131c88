/**
 * Processing CSVW metadata documents: JSON syntax errors with their line and column,
 * inherited properties, names from titles, the JSON-LD allowed in common properties,
 * language tags and URI templates.
 */
import {describe, expect, it} from 'vitest'
import {checkCommonValue} from '../../src/metadata/csvw/common-properties.js'
import {jsonPositions} from '../../src/metadata/csvw/json-positions.js'
import {findJsonSyntaxError, withoutTrailingCommas} from '../../src/metadata/csvw/json-syntax.js'
import {isLanguageTag, languagesMatch} from '../../src/metadata/csvw/language.js'
import {processMetadata} from '../../src/metadata/csvw/process/group.js'
import {Problems, type DocumentRef} from '../../src/metadata/csvw/problems.js'
import {expandUriTemplate, parseUriTemplate} from '../../src/metadata/csvw/uri-template.js'

const doc: DocumentRef = {url: 'file:///data/csv-metadata.json', name: 'csv-metadata.json'}

async function processed(value: unknown, linked: Record<string, unknown> = {}) {
  const problems = new Problems()
  const readLinked = async (url: string) => (url in linked ? {value: linked[url], doc: {url, name: url}} : {error: 'it does not exist'})
  const group = await processMetadata(value, {doc, base: doc.url, problems, readLinked}, '/data')
  return {tables: group.tables, problems: problems.list.map((p) => `${p.severity} ${p.code} ${p.pointer}`)}
}

describe('JSON syntax errors', () => {
  it('names the line and column of a trailing comma, and reads on past it', () => {
    const text = '{\n  "tables": [\n    {"url": "a.csv"},\n  ]\n}\n'
    expect(findJsonSyntaxError(text)).toMatchObject({line: 3, column: 21, trailingComma: true, message: expect.stringMatching(/trailing comma before "\]"/)})
    expect(JSON.parse(withoutTrailingCommas(text)!)).toEqual({tables: [{url: 'a.csv'}]})
  })

  it('tells an unescaped quote in a text value from a missing comma', () => {
    expect(findJsonSyntaxError('{"a": "Not Applicable."" }')?.message).toMatch(/a double quote inside a text value at line 1, column 23/)
    expect(findJsonSyntaxError('{"a": "x"\n "b": "y"}')?.message).toMatch(/a missing comma between two properties at line 2, column 2/)
    expect(findJsonSyntaxError('{"a": [1, 2')?.message).toMatch(/the file ends/)
    expect(findJsonSyntaxError("{'a': 1}")?.message).toMatch(/single-quoted string/)
    expect(withoutTrailingCommas('{"a": "x"" }')).toBeUndefined()
    expect(findJsonSyntaxError('{"a": [1, {"b": null}], "c": -1.5e3}')).toBeUndefined()
  })

  it('finds where each value starts, by JSON pointer', () => {
    const positions = jsonPositions('{\n  "tables": [\n    {"url": "a.csv"}\n  ]\n}')
    expect(positions.get('/tables/0/url')).toEqual({line: 3, column: 13})
  })
})

describe('table groups', () => {
  it('passes inherited properties down to columns, the nearest winning', async () => {
    const {tables, problems} = await processed({
      '@context': 'http://www.w3.org/ns/csvw',
      null: 'N/A',
      required: true,
      tables: [{url: 'a.csv', tableSchema: {null: ['', '-'], columns: [{titles: 'A'}, {titles: 'B', required: false, null: 'x'}]}}],
    })
    expect(problems).toEqual([])
    const [a, b] = tables[0].schema!.columns
    expect([a.null, a.required, b.null, b.required]).toEqual([['', '-'], true, ['x'], false])
  })

  it('shares a group schema between its tables, and reads a schema linked by URL', async () => {
    const {tables} = await processed(
      {'@context': 'http://www.w3.org/ns/csvw', tableSchema: 'schema.json', tables: [{url: 'a.csv'}, {url: 'b.csv'}]},
      {'file:///data/schema.json': {'@context': 'http://www.w3.org/ns/csvw', columns: [{name: 'code', titles: 'Code'}], primaryKey: 'code'}},
    )
    expect(tables.map((t) => [t.name, t.schema?.columns.map((c) => c.name), t.schema?.primaryKey, t.schema?.id])).toEqual([
      ['a.csv', ['code'], ['code'], 'file:///data/schema.json'],
      ['b.csv', ['code'], ['code'], 'file:///data/schema.json'],
    ])
  })

  it('names a column from its first title, percent-encoded, or by its number', async () => {
    const {tables} = await processed({'@context': ['http://www.w3.org/ns/csvw', {'@language': 'en'}], url: 'a.csv', tableSchema: {columns: [{titles: 'Ward code'}, {titles: {fr: 'Code'}}, {}]}})
    expect(tables[0].schema!.columns.map((c) => [c.name, c.nameGiven])).toEqual([
      ['Ward%20code', false],
      ['_col.2', false],
      ['_col.3', false],
    ])
  })

  it('resolves foreign keys by resource and by schema, and says when one names nothing', async () => {
    const {tables, problems} = await processed({
      '@context': 'http://www.w3.org/ns/csvw',
      tables: [
        {url: 'wards.csv', tableSchema: {'@id': 'wards-schema', columns: [{name: 'code'}]}},
        {
          url: 'sites.csv',
          tableSchema: {
            columns: [{name: 'ward'}],
            foreignKeys: [
              {columnReference: 'ward', reference: {resource: 'wards.csv', columnReference: 'code'}},
              {columnReference: 'ward', reference: {schemaReference: 'wards-schema', columnReference: 'code'}},
              {columnReference: 'ward', reference: {resource: 'parishes.csv', columnReference: 'code'}},
            ],
          },
        },
      ],
    })
    expect(tables[1].schema!.foreignKeys.map((k) => k.reference.table)).toEqual(['file:///data/wards.csv', 'file:///data/wards.csv'])
    expect(tables[0].referencedBy).toHaveLength(2)
    expect(problems).toEqual(['error foreign-key-definition /tables/1/tableSchema/foreignKeys/2/reference'])
  })

  it('keeps the dialect defaults for invalid values, with a warning each', async () => {
    const {tables, problems} = await processed({'@context': 'http://www.w3.org/ns/csvw', url: 'a.csv', dialect: {delimiter: 1, header: false, skipRows: -1, trim: 'start'}})
    expect(tables[0].dialect).toMatchObject({delimiter: ',', header: false, headerRowCount: 0, skipRows: 0, trim: 'start'})
    expect(problems).toEqual(['warning property-value /dialect/delimiter', 'warning property-value /dialect/skipRows'])
  })

  it('needs @context, url and tables', async () => {
    expect((await processed({url: 'a.csv'})).problems).toEqual(['error context /'])
    expect((await processed({'@context': 'http://www.w3.org/ns/csvw', tables: [{}]})).problems).toEqual(['error required-property /tables/0'])
    expect((await processed(['not', 'an', 'object'])).problems).toEqual(['error not-object /'])
  })
})

describe('common properties', () => {
  const errors = (value: unknown) => {
    const problems = new Problems()
    checkCommonValue(value, '/dc:x', doc, problems, 'dc:x')
    return problems.list.map((p) => p.pointer)
  }

  it('allow strings, value objects and node objects with IRIs', () => {
    expect(errors(['Council', {'@value': 'Conseil', '@language': 'fr'}, {'@id': 'http://example.org/c', '@type': 'schema:Organization', 'schema:name': 'C'}])).toEqual([])
    expect(errors({'@type': 'Table'})).toEqual([])
  })

  it('refuse the JSON-LD CSVW does not allow', () => {
    expect(errors({'@list': [1]})).toEqual(['/dc:x/@list'])
    expect(errors({'@value': 'x', '@type': 'xsd:string', '@language': 'en'})).toEqual(['/dc:x'])
    expect(errors({'@id': '_:b0'})).toEqual(['/dc:x/@id'])
    expect(errors({'@type': 'not a type'})).toEqual(['/dc:x/@type'])
    expect(errors({'@language': 'en', 'schema:name': 'x'})).toEqual(['/dc:x/@language'])
  })
})

describe('language tags and URI templates', () => {
  it('know a BCP 47 tag, and match languages by prefix', () => {
    expect(['en', 'en-GB', 'cy', 'und', 'zh-Hant-TW', 'x-local', 'i-klingon'].every(isLanguageTag)).toBe(true)
    expect(['a-bad-language', 'notavalidlanguagetag', '', 'en_GB'].some(isLanguageTag)).toBe(false)
    expect([languagesMatch('en', 'en-US'), languagesMatch('und', 'de'), languagesMatch('en', 'de')]).toEqual([true, true, false])
  })

  it('expand RFC 6570 templates at every level', () => {
    const values = {code: 'E05000819', name: 'Ward Name', list: ['a', 'b'], url: 'http://example.org/a b.csv'}
    expect(expandUriTemplate('http://example.org/ward/{code}', values)).toBe('http://example.org/ward/E05000819')
    expect(expandUriTemplate('{+url}-metadata.json', values)).toBe('http://example.org/a%20b.csv-metadata.json')
    expect(expandUriTemplate('http://example.org/{#name}', values)).toBe('http://example.org/#Ward%20Name')
    expect(expandUriTemplate('/x{?code,missing}', values)).toBe('/x?code=E05000819')
    expect(expandUriTemplate('/x{/list*}', values)).toBe('/x/a/b')
    expect(expandUriTemplate('{name:4}', values)).toBe('Ward')
    expect(parseUriTemplate('http://example.org/{code')).toMatch(/never closed/)
  })
})

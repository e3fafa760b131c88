/** Parses YAML metadata, turning a syntax error into a MetadataError with its line and column. */
import {parseDocument} from 'yaml'
import {MetadataError} from './errors.js'
import {lineColumn, stripBom} from './json-text.js'

export function parseYamlText(text: string): unknown {
  const source = stripBom(text)
  if (source.trim() === '') throw new MetadataError('The file is empty.', 'syntax', 'Write the metadata into it, or delete it.')
  const doc = parseDocument(source, {prettyErrors: false, uniqueKeys: true})
  const error = doc.errors[0]
  if (error) {
    const pos = error.pos ? lineColumn(source, error.pos[0]) : undefined
    const where = pos ? ` at line ${pos.line}, column ${pos.column}` : ''
    throw new MetadataError(`It is not valid YAML${where}: ${error.message.split('\n')[0]}.`, 'syntax', 'Fix the YAML at this point: check the indentation (each key under another by the same number of spaces), and quote values that contain ": " or start with a special character.', pos?.line, pos?.column)
  }
  return doc.toJS()
}

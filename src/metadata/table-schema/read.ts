/** Reads a Table Schema (or any Frictionless descriptor) file: JSON or YAML, with the line of a syntax error. */
import {readFileSync, statSync} from 'node:fs'
import {MetadataError} from '../errors.js'
import {parseJsonText, stripBom} from '../json-text.js'
import {parseYamlText} from '../yaml-text.js'
import {normaliseTableSchema} from './normalise.js'
import type {TableSchema} from './types.js'

const MAX_DESCRIPTOR_BYTES = 20 * 1024 * 1024

/** JSON unless the name says YAML (or the text does not start like JSON): throws MetadataError. */
export function parseDescriptor(text: string, path: string): unknown {
  const yaml = /\.ya?ml$/i.test(path) || !/^[{[]/.test(stripBom(text).trimStart())
  return yaml ? parseYamlText(text) : parseJsonText(text)
}

export function readDescriptorFile(path: string): unknown {
  let text: string
  try {
    if (statSync(path).size > MAX_DESCRIPTOR_BYTES) throw new MetadataError(`${path} is larger than any schema should be.`, 'io', 'Check that the path names a schema file.')
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof MetadataError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new MetadataError(code === 'ENOENT' ? 'The file does not exist.' : code === 'EISDIR' ? 'It is a folder, not a file.' : `It cannot be read (${code ?? String(error)}).`, 'io', 'Check the path.')
  }
  return parseDescriptor(text, path)
}

/** Reads and normalises a Table Schema file given on the command line (`--schema`); throws MetadataError when it cannot be parsed. */
export function readTableSchemaFile(path: string): TableSchema {
  return normaliseTableSchema(readDescriptorFile(path), {file: path, path: '$'})
}

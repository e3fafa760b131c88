/**
 * Which JSON Schema a JSON data file is checked against: the file given with `--schema` when it
 * is a JSON Schema rather than a Table Schema, else the `schema` of the data package resource
 * the file is. Schemas are returned as written, with where they came from named as reports name
 * files (relative to the working directory); the json-schema-error check compiles them.
 */
import {dirname, resolve} from 'node:path'
import {resourceName} from '../load/discover.js'
import {schemaKind} from '../load/json-kind.js'
import {MetadataError} from '../metadata/errors.js'
import {resolveLocal} from '../metadata/load.js'
import type {DatasetMetadata} from '../metadata/model.js'
import {readDescriptorFile} from '../metadata/table-schema/read.js'
import type {JsonSchemaRef} from './json.js'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The `--schema` file when it is a JSON Schema; undefined when it is a Table Schema (or cannot
 * be read: the Table Schema reader then says why, as a usage error).
 */
export function jsonSchemaOption(file: string | undefined, cwd: string): JsonSchemaRef | undefined {
  if (file === undefined) return undefined
  const path = resolve(cwd, file)
  let value: unknown
  try {
    value = readDescriptorFile(path)
  } catch (error) {
    if (error instanceof MetadataError) return undefined
    throw error
  }
  return schemaKind(value) === 'json-schema' ? {value, source: resourceName(path, cwd), folder: dirname(path)} : undefined
}

/** A resource's `schema` (inline, or a path relative to the package), when it is a JSON Schema. */
function resourceSchema(raw: unknown, packageFile: string, index: number, cwd: string): JsonSchemaRef | undefined {
  if (isObject(raw)) return schemaKind(raw) === 'json-schema' ? {value: raw, source: `${resourceName(packageFile, cwd)}#$.resources[${index}].schema`, folder: dirname(packageFile)} : undefined
  if (typeof raw !== 'string') return undefined
  const local = resolveLocal(raw, dirname(packageFile))
  if (!local.path || !local.exists) return undefined
  try {
    const value = readDescriptorFile(local.path)
    return schemaKind(value) === 'json-schema' ? {value, source: resourceName(local.path, cwd), folder: dirname(local.path)} : undefined
  } catch {
    // The package rules report a schema file that cannot be read.
    return undefined
  }
}

/** The JSON Schema of the data package resource whose `path` is `file` (absolute), if any. */
export function packageJsonSchema(file: string, documents: DatasetMetadata[], cwd: string): JsonSchemaRef | undefined {
  for (const doc of documents) {
    if (doc.source.format !== 'datapackage') continue
    let descriptor: unknown
    try {
      descriptor = readDescriptorFile(doc.source.path)
    } catch {
      continue
    }
    const resources = isObject(descriptor) && Array.isArray(descriptor.resources) ? descriptor.resources : []
    for (const [index, resource] of resources.entries()) {
      if (!isObject(resource)) continue
      const paths = typeof resource.path === 'string' ? [resource.path] : Array.isArray(resource.path) ? resource.path : []
      const here = paths.some((p) => typeof p === 'string' && resolveLocal(p, dirname(doc.source.path)).path === file)
      if (here) return resourceSchema(resource.schema, doc.source.path, index, cwd)
    }
  }
  return undefined
}

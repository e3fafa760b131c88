/** Validates config data against schemas/config.schema.json with messages that name the file, key and line. */
import {join} from 'node:path'
import type {ErrorObject} from 'ajv'
import {packageRoot} from '../../load/package-root.js'
import {schemaValidator} from '../schema-validator.js'
import {UsageError} from '../errors.js'
import {keyPath} from './display.js'
import {closest} from './suggest.js'

const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'overrides', 'ignore', 'plugins', 'maxFindingsPerRule', 'online', 'network']
const OVERRIDE_KEYS = ['files', 'rules']
const NETWORK_KEYS = ['timeout', 'retries', 'concurrency', 'maxDownload', 'cache', 'cacheDir', 'cacheMaxAge']

export function segmentsOf(instancePath: string): Array<string | number> {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

export interface Problem {
  path: Array<string | number>
  message: string
}

/** Keys a config object may have at `path`, for "did you mean" on unknown keys. */
function configKeys(path: Array<string | number>): string[] {
  if (path.length === 0) return TOP_LEVEL_KEYS
  if (path.length === 1 && path[0] === 'network') return NETWORK_KEYS
  return path[0] === 'overrides' && path.length === 2 ? OVERRIDE_KEYS : []
}

export function describeError(error: ErrorObject, knownKeys: (path: Array<string | number>) => string[] = configKeys, noun = 'setting'): Problem | undefined {
  const path = segmentsOf(error.instancePath)
  switch (error.keyword) {
    case 'if':
      return undefined
    case 'enum':
      return {path, message: `must be one of ${(error.params as {allowedValues: unknown[]}).allowedValues.join(', ')}`}
    case 'oneOf':
    case 'anyOf':
      return {path, message: 'must be a string or a list of strings'}
    case 'additionalProperties': {
      const key = (error.params as {additionalProperty: string}).additionalProperty
      const known = knownKeys(path)
      const guess = closest(key, known)
      const hint = guess ? `; did you mean "${guess}"?` : known.length ? `; known: ${known.join(', ')}` : ''
      return {path: [...path, key], message: `is not a known ${noun}${hint}`}
    }
    case 'required':
      return {path: [...path, (error.params as {missingProperty: string}).missingProperty], message: 'is required'}
    default:
      return {path, message: error.message ?? 'is invalid'}
  }
}

/** Drops the noise ajv reports inside a oneOf whose own error already says what is wrong. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
  return errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || !unions.some((u) => e.schemaPath.startsWith(u.schemaPath.replace(/\/(oneOf|anyOf)$/, '/$1/'))))
}

export function configProblems(data: unknown, label: string, lineOf: (path: Array<string | number>) => number | undefined): string[] {
  const validate = schemaValidator('config.schema.json')
  if (validate(data)) return []
  const lines = new Set<string>()
  for (const error of simplify(validate.errors ?? [])) {
    const problem = describeError(error)
    if (!problem) continue
    const line = lineOf(problem.path)
    lines.add(`${label}: ${keyPath(problem.path)}: ${problem.message}${line ? ` (line ${line})` : ''}`)
  }
  return [...lines]
}

export function assertValidConfig(data: unknown, label: string, lineOf: (path: Array<string | number>) => number | undefined): void {
  const problems = configProblems(data, label, lineOf)
  if (problems.length > 0) {
    throw new UsageError(`Invalid config:\n  ${problems.join('\n  ')}`, [`Every setting is in ${join(packageRoot, 'schemas', 'config.schema.json')} and in odcheck's README, "Configuration".`])
  }
}

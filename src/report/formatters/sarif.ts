/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF viewer).
 * Every active rule is listed, so a clean run still tells the consumer what was checked.
 * Locations are lines: a CSV column is a field, not a character column, so the row, field
 * number and name go in the result's properties rather than in region.startColumn.
 */
import {pathToFileURL} from 'node:url'
import {isAbsolute} from 'node:path'
import type {Finding, Severity} from '../../engine/types.js'
import type {Formatter} from './formatter.js'
import type {ReportResource} from '../types.js'
import {effectiveSeverity, splitArchive, splitInline, splitSheet} from './group.js'

/** The file a resource is in: a workbook for a sheet, the package descriptor for inline data, the zip for a file inside one. */
/** The media type of a zip or tar archive, by its name (a gzipped tar is gzip data). */
const archiveMimeType = (file: string) => (/\.zip$/i.test(file) ? 'application/zip' : /\.tar$/i.test(file) ? 'application/x-tar' : 'application/gzip')
const fileOf = (resource: string) => splitArchive(splitInline(splitSheet(resource).file).file).file
/** The file inside a zip a resource is (or is a sheet of). */
const memberOf = (resource: string) => splitArchive(splitSheet(resource).file).member
import {relativeResourcePath} from './paths.js'
import {odcheckHomeUrl, ruleDocsUrl} from './rule-docs.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'

const mimeTypes: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const levels: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = {error: 'error', warning: 'warning', info: 'note', off: 'none'}

/** A SARIF uri is a URI reference: each path segment is percent-encoded. */
function artifactLocation(resource: string, cwd: string): {uri: string; uriBaseId?: string} {
  const path = relativeResourcePath(resource, cwd)
  if (isAbsolute(path)) return {uri: pathToFileURL(path).href}
  return {uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT}
}

function resultProperties(f: Finding): Record<string, unknown> | undefined {
  const properties: Record<string, unknown> = {}
  const {sheet} = splitSheet(f.resource)
  if (sheet !== undefined) properties.sheet = sheet
  const {name} = splitInline(f.resource)
  if (name !== undefined) properties.resource = name
  const member = memberOf(f.resource)
  // Lines count in the file inside the zip, not in the zip that is the artifact.
  if (member !== undefined) properties.innerpath = member
  if (member !== undefined && f.line !== undefined) properties.line = f.line
  if (f.rowNumber !== undefined) properties.rowNumber = f.rowNumber
  if (f.fieldNumber !== undefined) properties.fieldNumber = f.fieldNumber
  if (f.fieldName !== undefined) properties.fieldName = f.fieldName
  if (f.details !== undefined) properties.details = f.details
  return Object.keys(properties).length ? properties : undefined
}

export const sarif: Formatter = (report, {cwd}) => {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]))
  const rules = report.rules.map((rule) => {
    const helpUri = ruleDocsUrl(rule.docs)
    return {
      id: rule.id,
      shortDescription: {text: rule.description},
      help: {text: `${rule.description} See ${helpUri}`},
      helpUri,
      defaultConfiguration: {level: levels[effectiveSeverity(report, rule)]},
      properties: {tags: rule.tags.map((t) => t.replace(/^#/, '')), set: rule.set, ...(rule.evidence ? {evidence: rule.evidence} : {})},
    }
  })
  // Every file checked is an artifact, so files that passed are on record too (a workbook's sheets share one).
  const files = new Map<string, ReportResource[]>()
  for (const r of report.resources) {
    const file = fileOf(r.path)
    files.set(file, [...(files.get(file) ?? []), r])
  }
  const artifactIndex = new Map([...files.keys()].map((file, i) => [file, i]))
  const artifacts = [...files].map(([file, tables]) => {
    const [first] = tables
    // The artifact is a zip or tar archive, the tables files inside it.
    const holdsMembers = first.compression === 'zip' || first.compression === 'tar'
    const sum = (key: 'rowCount' | 'errors' | 'warnings' | 'infos') => tables.reduce((n, t) => n + t[key], 0)
    return {
      location: artifactLocation(file, cwd),
      ...(first.bytes === null ? {} : {length: first.bytes}),
      ...(holdsMembers ? {mimeType: archiveMimeType(file)} : first.format in mimeTypes ? {mimeType: mimeTypes[first.format]} : {}),
      ...(first.encoding && first.dialect && !holdsMembers ? {encoding: first.encoding} : {}),
      properties: {
        valid: tables.every((t) => t.valid),
        rowCount: sum('rowCount'),
        ...(holdsMembers ? {innerpaths: tables.map((t) => memberOf(t.path))} : {}),
        ...(first.format === 'inline' ? {resources: tables.map((t) => splitInline(t.path).name)} : tables.length === 1 ? {fieldCount: first.fieldCount} : {sheets: tables.map((t) => splitSheet(t.path).sheet)}),
        errors: sum('errors'),
        warnings: sum('warnings'),
        infos: sum('infos'),
      },
    }
  })
  const results = report.findings.map((f) => {
    const index = ruleIndex.get(f.rule)
    const properties = resultProperties(f)
    const file = fileOf(f.resource)
    return {
      ruleId: f.rule,
      ...(index === undefined ? {} : {ruleIndex: index}),
      level: levels[f.severity],
      message: {text: f.message},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {...artifactLocation(file, cwd), ...(artifactIndex.has(file) ? {index: artifactIndex.get(file)} : {})},
            // Code scanning shows a result only with a start line; a finding about the whole file points at its first line.
            region: {startLine: memberOf(f.resource) === undefined ? (f.line ?? 1) : 1},
          },
        },
      ],
      ...(properties ? {properties} : {}),
    }
  })
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'odcheck', version: report.odcheck, semanticVersion: report.odcheck, informationUri: odcheckHomeUrl, rules}},
        artifacts,
        results,
        properties: {reportVersion: report.reportVersion, valid: report.valid, partial: report.partial, ...(report.limits ? {limits: report.limits} : {}), summary: report.summary},
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

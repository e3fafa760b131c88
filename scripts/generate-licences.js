#!/usr/bin/env node
/**
 * Generates src/metadata/licences/licences.json, odcheck's licence table, from
 *   - the Open Definition licence list and the SPDX License List in
 *     ../shared/reference/licences/ (see its SOURCE.md), and
 *   - the hand-kept facts in src/metadata/licences/curated.yaml (CKAN and data.gov.uk ids,
 *     UK spellings, attribution and share-alike terms, certificate choices), which win.
 * Creative Commons elements (BY, SA, NC, ND) are read from each CC-* id.
 *
 * Usage: node scripts/generate-licences.js [--check] [--source DIR]
 *   --check   compare with the committed table instead of writing it (exit 1 when they differ)
 * Without the shared reference folder (../shared absent) it prints a note and exits 0.
 * The output has no timestamp, so running it twice gives the same bytes.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tableDir = join(root, 'src', 'metadata', 'licences')
const target = join(tableDir, 'licences.json')
const args = process.argv.slice(2)
const sourceIndex = args.indexOf('--source')
const referenceDir = sourceIndex >= 0 ? args[sourceIndex + 1] : join(root, '..', 'shared', 'reference', 'licences')

function fail(message) {
  console.error(`generate-licences: ${message}`)
  process.exit(1)
}

/** Choice ids of the certificate's dataLicence question, by licence family. */
const CERTIFICATE_BY_FAMILY = {'OGL-UK': 'ogl_uk', 'CC-BY': 'cc_by', 'CC-BY-SA': 'cc_by_sa', CC0: 'cc_zero', 'ODC-By': 'odc_by', ODbL: 'odc_odbl', PDDL: 'odc_pddl'}
const CC_ELEMENT_NAMES = {BY: 'Attribution', NC: 'NonCommercial', ND: 'NoDerivatives', SA: 'ShareAlike'}
const FIELD_ORDER = ['id', 'title', 'family', 'version', 'port', 'generic', 'notSpecified', 'open', 'attribution', 'shareAlike', 'nonCommercial', 'noDerivatives', 'certificate', 'status', 'supersededBy', 'osiApproved', 'domains', 'ids', 'aliases', 'urls', 'versionless', 'source']

const collapse = (text) => String(text).replace(/\s+/g, ' ').trim()
const union = (a = [], b = []) => [...new Set([...a, ...b].map((v) => collapse(v)).filter(Boolean))]

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`)
  }
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function spdxEntry(licence) {
  return {
    id: licence.licenseId,
    title: collapse(licence.name),
    osiApproved: licence.isOsiApproved,
    status: licence.isDeprecatedLicenseId ? 'deprecated' : 'active',
    // The spdx.org/licenses/<id> reference page is recognised by pattern, so it is not listed.
    urls: union(licence.seeAlso),
    source: {'*': 'spdx'},
  }
}

function mergeOpenDefinition(entry, od) {
  if (!entry.title) entry.title = collapse(od.title)
  else if (collapse(od.title) !== entry.title) entry.aliases = union(entry.aliases, [od.title])
  if (od.url) entry.urls = union(entry.urls, [od.url])
  if (od.legacy_ids?.length) {
    entry.ids = union(entry.ids, od.legacy_ids)
    entry.source.ids = 'od: legacy ids'
  }
  entry.domains = {data: od.domain_data, content: od.domain_content, software: od.domain_software}
  entry.source.domains = 'od'
  if (od.status !== 'active' || !entry.status) {
    entry.status = od.status
    entry.source.status = 'od'
  }
  if (od.is_generic) entry.generic = true
  if (od.od_conformance === 'approved' || od.od_conformance === 'rejected') {
    entry.open = od.od_conformance === 'approved'
    entry.source.open = `od: ${od.od_conformance}`
  } else {
    entry.source.open = `od: ${od.od_conformance || 'no conformance given'}`
  }
  if (entry.source['*'] === 'spdx') entry.source.urls = 'spdx, od'
  else entry.source['*'] ??= 'od'
}

/** CC-BY-NC-SA-2.0-UK → elements BY NC SA, version 2.0, port UK. */
function applyCreativeCommons(entry) {
  const match = /^CC-((?:BY|SA|NC|ND)(?:-(?:BY|SA|NC|ND))*)-(\d\.\d)(?:-([A-Za-z]+))?$/.exec(entry.id)
  if (!match) return
  const [, code, version, port] = match
  const elements = code.split('-')
  const has = (e) => elements.includes(e)
  const set = (field, value, note) => {
    if (entry[field] !== undefined && entry.source[field]?.startsWith('curated')) return
    entry[field] = value
    entry.source[field] = note
  }
  entry.family ??= `CC-${code}`
  entry.version ??= version
  if (port) entry.port ??= port
  set('attribution', has('BY'), `cc: ${has('BY') ? 'BY' : 'no BY'}`)
  set('shareAlike', has('SA'), `cc: ${has('SA') ? 'SA' : 'no SA'}`)
  set('nonCommercial', has('NC'), `cc: ${has('NC') ? 'NC' : 'no NC'}`)
  set('noDerivatives', has('ND'), `cc: ${has('ND') ? 'ND' : 'no ND'}`)
  if (entry.source.open?.startsWith('od: approved') || entry.source.open?.startsWith('od: rejected')) {
    // The Open Definition's own verdict stands.
  } else if (has('NC') || has('ND')) {
    set('open', false, 'od: rejects every CC NonCommercial and NoDerivatives 4.0 licence; cc: the NC/ND terms are the same in every version and port')
  } else if (has('BY')) {
    set('open', true, 'od: approves CC-BY-4.0 and CC-BY-SA-4.0, and CKAN\'s version-less cc-by and cc-by-sa; odcheck: earlier versions and ports grant the same freedoms')
  }
  const longName = elements.map((e) => CC_ELEMENT_NAMES[e]).join('-')
  const portText = port ? ` ${port}` : ''
  entry.aliases = union(entry.aliases, [`CC ${code}${portText} ${version}`, `CC ${code} ${version}${portText}`, `${longName} ${version}${portText}`])
  entry.source.aliases = entry.source.aliases ?? 'cc: short and long names built from the code'
}

function applyCurated(entry, curated) {
  for (const [key, value] of Object.entries(curated)) {
    if (key === 'source' || key === 'odIds') continue
    if (key === 'ids' || key === 'aliases' || key === 'urls') entry[key] = union(entry[key], value)
    else if (key === 'versionless') entry.versionless = {urls: union(entry.versionless?.urls, value.urls), aliases: union(entry.versionless?.aliases, value.aliases)}
    else entry[key] = value
  }
  for (const [key, note] of Object.entries(curated.source ?? {})) entry.source[key] = `curated: ${note}`
}

/** Values a field takes when the table leaves it out (see DEFAULTS_NOTE). */
const DEFAULTS = {open: null, attribution: null, shareAlike: null, nonCommercial: false, noDerivatives: false, certificate: 'other', status: 'active', generic: false, notSpecified: false}
const DEFAULTS_NOTE =
  'A field left out of an entry takes its default: open, attribution and shareAlike null (not assessed), nonCommercial, noDerivatives, generic and notSpecified false, certificate "other", status "active". ' +
  'source notes where each fact comes from, as a key of "sources" optionally followed by a detail; "*" covers every fact without its own note.'

function finish(entry) {
  entry.title = collapse(entry.title ?? entry.id)
  entry.certificate ??= certificateOf(entry)
  for (const [field, value] of Object.entries(DEFAULTS)) if (entry[field] === value) delete entry[field]
  // Drop the entry's own id and title from its alternatives.
  entry.ids = (entry.ids ?? []).filter((id) => id.toLowerCase() !== entry.id.toLowerCase())
  entry.aliases = (entry.aliases ?? []).filter((a) => a !== entry.title)
  const out = {}
  for (const key of FIELD_ORDER) {
    const value = entry[key]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    if (key === 'versionless') {
      const v = {}
      if (value.urls?.length) v.urls = value.urls
      if (value.aliases?.length) v.aliases = value.aliases
      if (Object.keys(v).length) out.versionless = v
      continue
    }
    out[key] = value
  }
  const unknown = Object.keys(entry).filter((k) => !FIELD_ORDER.includes(k))
  if (unknown.length) fail(`licence ${entry.id}: unknown field(s) ${unknown.join(', ')}`)
  return out
}

function certificateOf(entry) {
  const family = entry.generic && !['CC-BY', 'CC-BY-SA'].includes(entry.family) ? undefined : entry.family
  const choice = CERTIFICATE_BY_FAMILY[family]
  if (choice) entry.source.certificate = `odi: ${choice} names the ${entry.family} family`
  return choice ?? 'other'
}

export function buildTable(od, spdx, curated) {
  const byId = new Map()
  const key = (id) => id.toLowerCase()
  for (const licence of spdx.licenses) byId.set(key(licence.licenseId), spdxEntry(licence))
  const odAlias = new Map()
  for (const c of curated.licences) for (const odId of c.odIds ?? []) odAlias.set(key(odId), c.id)
  for (const licence of Object.values(od)) {
    const id = odAlias.get(key(licence.id)) ?? licence.id
    let entry = byId.get(key(id))
    if (!entry) {
      entry = {id: licence.id, source: {}}
      byId.set(key(id), entry)
    } else if (id !== licence.id) {
      entry.ids = union(entry.ids, [licence.id])
    }
    mergeOpenDefinition(entry, licence)
  }
  for (const c of curated.licences) {
    let entry = byId.get(key(c.id))
    if (!entry) {
      entry = {id: c.id, source: {}}
      byId.set(key(c.id), entry)
    }
    applyCurated(entry, c)
  }
  for (const entry of byId.values()) applyCreativeCommons(entry)
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', {sensitivity: 'base'}) || a.id.localeCompare(b.id)).map(finish)
}

function render(header, licences) {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '')
  return `${head},\n  "licences": [\n${licences.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n  ]\n}\n`
}

function main() {
  const odFile = join(referenceDir, 'opendefinition.json')
  const spdxFile = join(referenceDir, 'spdx-licenses.json')
  if (!existsSync(odFile) || !existsSync(spdxFile)) {
    console.log(`generate-licences: skipped, the reference lists are not at ${referenceDir} (they live in ../shared/reference/licences).`)
    return
  }
  const curatedFile = join(tableDir, 'curated.yaml')
  let curated
  try {
    curated = parse(readFileSync(curatedFile, 'utf8'))
  } catch (error) {
    fail(`cannot read ${curatedFile}: ${error.message}`)
  }
  const spdx = readJson(spdxFile)
  const licences = buildTable(readJson(odFile), spdx, curated)
  const header = {
    $comment: 'Generated by scripts/generate-licences.js from the lists named in generatedFrom and src/metadata/licences/curated.yaml. Do not edit by hand: edit curated.yaml and run the script.',
    fields: DEFAULTS_NOTE,
    generatedFrom: {
      openDefinition: {file: 'reference/licences/opendefinition.json', sha256: sha256(odFile)},
      spdx: {file: 'reference/licences/spdx-licenses.json', sha256: sha256(spdxFile), licenseListVersion: spdx.licenseListVersion},
      curated: 'src/metadata/licences/curated.yaml',
    },
    sources: curated.sources,
  }
  const text = render(header, licences)
  if (args.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : ''
    if (current !== text) fail(`${relative(root, target)} is out of date: run node scripts/generate-licences.js`)
    console.log(`generate-licences: ${relative(root, target)} is up to date (${licences.length} licences).`)
    return
  }
  writeFileSync(target, text)
  console.log(`generate-licences: wrote ${relative(root, target)} (${licences.length} licences, ${text.length} bytes).`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()

/**
 * Common properties (`dc:title`, `schema:url`, absolute IRIs) and notes: CSVW allows only a
 * restricted JSON-LD inside them (tabular-metadata 5.8). Anything else is an error.
 */
import {isLanguageTag} from './language.js'
import {pointerEscape} from './json-positions.js'
import {show, type DocumentRef, type Problems} from './problems.js'
import {isAbsoluteIri} from './urls.js'
import {CSVW_CLASSES, PREFIXES} from './vocabulary.js'

/** Whether a property name is a common property: a prefixed name or an absolute IRI. */
export function isCommonProperty(key: string): boolean {
  return key.includes(':') && !key.startsWith('@') && !key.startsWith('_:')
}

/** Whether `value` expands to an absolute IRI as a type: a CSVW term, a known prefix, or an absolute IRI. */
function expandsToAbsolute(value: string): boolean {
  if (value.startsWith('_:')) return false
  if (CSVW_CLASSES.has(value)) return true
  const colon = value.indexOf(':')
  if (colon > 0 && Object.hasOwn(PREFIXES, value.slice(0, colon))) return true
  return isAbsoluteIri(value)
}

export function checkCommonValue(value: unknown, pointer: string, doc: DocumentRef, problems: Problems, property: string): void {
  const fail = (what: string, at = pointer) => problems.error('json-ld', `The value of "${property}" is not the JSON-LD CSVW allows: ${what}.`, doc, at)
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkCommonValue(v, `${pointer}/${i}`, doc, problems, property))
    return
  }
  if (typeof value !== 'object' || value === null) return
  const object = value as Record<string, unknown>
  if ('@value' in object) {
    const extra = Object.keys(object).filter((k) => !['@value', '@type', '@language'].includes(k))
    if (extra.length > 0) return fail(`a value object (with "@value") may only have "@type" or "@language" beside it, not ${extra.map((k) => `"${k}"`).join(', ')}`)
    if ('@type' in object && '@language' in object) return fail('a value object cannot have both "@type" and "@language"')
    if ('@language' in object && !isLanguageTag(object['@language'])) return fail(`"@language" ${show(object['@language'])} is not a BCP 47 language tag`, `${pointer}/@language`)
    if ('@type' in object && (typeof object['@type'] !== 'string' || !expandsToAbsolute(object['@type']))) {
      return fail(`"@type" ${show(object['@type'])} is not a datatype IRI, prefixed name or CSVW term`, `${pointer}/@type`)
    }
    const literal = object['@value']
    if (literal !== null && typeof literal === 'object') return fail('"@value" must be a string, number or boolean', `${pointer}/@value`)
    return
  }
  for (const [key, v] of Object.entries(object)) {
    const at = `${pointer}/${pointerEscape(key)}`
    if (key === '@id') {
      if (typeof v !== 'string') fail(`"@id" must be a string, not ${show(v)}`, at)
      else if (v.startsWith('_:')) fail(`"@id" ${show(v)} is a blank node identifier, which CSVW metadata may not use`, at)
    } else if (key === '@type') {
      const types = Array.isArray(v) ? v : [v]
      for (const t of types) {
        if (typeof t !== 'string' || !expandsToAbsolute(t)) fail(`"@type" ${show(t)} is not an IRI, prefixed name or CSVW term`, at)
      }
    } else if (key.startsWith('@')) {
      fail(key === '@language' ? '"@language" can only appear beside "@value"' : `the keyword "${key}" is not allowed in CSVW metadata`, at)
    } else if (key.startsWith('_:')) {
      fail(`the property "${key}" is a blank node identifier`, at)
    } else {
      checkCommonValue(v, at, doc, problems, property)
    }
  }
}

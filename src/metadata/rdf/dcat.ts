/**
 * The one RDF → model mapping shared by DCAT in JSON-LD, Turtle and RDF/XML. Each
 * dcat:Dataset (or, failing that, void:/schema:/PublishMyData dataset) becomes a DatasetMetadata.
 */
import {fileURLToPath} from 'node:url'
import {MetadataError} from '../errors.js'
import type {Agent, DatasetMetadata, Distribution, MetadataFormat} from '../model.js'
import {agent, distribution, licenceRef, MetadataBuilder, numberOf, temporalOf, withoutMailto} from '../adapters/values.js'
import type {Graph, Term} from './graph.js'
import {curie, NS, RDF_TYPE} from './vocab.js'

const {dcat, dct, dc, foaf, vcard, rdfs, skos, schema, void: voidNs, pmd, locn, time, odrs} = NS
const p = (ns: string, ...names: string[]) => names.map((n) => ns + n)

const DATASET_TYPES = [`${dcat}Dataset`, `${schema}Dataset`, 'https://schema.org/Dataset', `${voidNs}Dataset`, `${pmd}Dataset`]
const LABEL = [...p(dct, 'title'), ...p(dc, 'title'), ...p(skos, 'prefLabel'), ...p(rdfs, 'label'), ...p(foaf, 'name'), ...p(schema, 'name'), ...p(vcard, 'fn')]

function preferEnglish(terms: Term[]): Term | undefined {
  const literals = terms.filter((t) => t.kind === 'literal')
  return literals.find((t) => !t.language || /^en\b/i.test(t.language)) ?? literals[0] ?? terms[0]
}

/** A literal's text, or an IRI's own value; blank nodes give their label if they have one. */
function termText(graph: Graph, t: Term | undefined): string | undefined {
  if (!t) return undefined
  if (t.kind === 'blank') {
    const value = preferEnglish(graph.objects(t, `${NS.rdf}value`, ...LABEL))
    return value?.kind === 'blank' ? undefined : value?.value.trim() || undefined
  }
  return t.value.trim() || undefined
}

/** For IRIs in a URL-valued property: relative references were resolved against the file, so give back a path. */
function urlOrPath(value: string | undefined, base: string): {url?: string; path?: string} {
  if (!value) return {}
  if (value.startsWith('file:')) {
    try {
      const path = fileURLToPath(value)
      return {path: path.startsWith(base) ? path.slice(base.length).replace(/^[/\\]/, '') : path}
    } catch {
      return {url: value}
    }
  }
  return {url: value}
}

class DatasetReader {
  readonly b: MetadataBuilder
  constructor(
    readonly graph: Graph,
    readonly node: Term,
    format: MetadataFormat,
    path: string,
    readonly base: string,
  ) {
    this.b = new MetadataBuilder(format, path)
  }

  /** Text of the first property present; records which one it was. */
  text(predicates: string[]): {value?: string; from: string} {
    const found = this.graph.first(this.node, predicates)
    return {value: termText(this.graph, found && preferEnglish(found.objects)), from: found ? curie(found.predicate) : ''}
  }

  agentOf(t: Term): Agent | undefined {
    if (t.kind === 'literal') return agent({name: t.value.trim()})
    const g = this.graph
    const email = withoutMailto(termText(g, g.objects(t, `${vcard}hasEmail`, `${foaf}mbox`, `${schema}email`)[0]))
    const url = termText(g, g.objects(t, `${foaf}homepage`, `${vcard}hasURL`, `${schema}url`)[0]) ?? (t.kind === 'iri' ? t.value : undefined)
    return agent({name: termText(g, preferEnglish(g.objects(t, ...p(foaf, 'name'), ...p(vcard, 'fn', 'organization-name'), ...p(schema, 'name'), ...p(rdfs, 'label'), ...p(skos, 'prefLabel')))), url, email})
  }

  read(): DatasetMetadata {
    const {graph: g, node, b} = this
    const set = <K extends Parameters<MetadataBuilder['set']>[0]>(key: K, predicates: string[]) => {
      const {value, from} = this.text(predicates)
      b.set(key, value as never, from)
    }
    set('title', LABEL.slice(0, 5))
    set('description', [...p(dct, 'description'), ...p(dc, 'description'), ...p(rdfs, 'comment'), ...p(schema, 'description')])
    set('identifier', [...p(dct, 'identifier'), ...p(dc, 'identifier')])
    if (node.kind === 'iri') b.set('identifier', node.value, '@id')
    const publisher = g.first(node, [...p(dct, 'publisher'), ...p(dc, 'publisher'), ...p(schema, 'publisher')])
    if (publisher) b.set('publisher', this.agentOf(publisher.objects[0]), curie(publisher.predicate))
    const contact = g.first(node, [`${dcat}contactPoint`, `${schema}contactPoint`])
    if (contact) b.set('contactPoint', this.agentOf(contact.objects[0]), curie(contact.predicate))
    const email = g.first(node, [`${pmd}contactEmail`, `${foaf}mbox`])
    if (email) b.set('contactPoint', agent({email: withoutMailto(email.objects[0].value)}), curie(email.predicate))
    this.licence()
    set('rights', [...p(dct, 'rights'), ...p(dc, 'rights'), `${dct}accessRights`])
    set('attribution', [`${odrs}attributionText`])
    b.add('keywords', g.objects(node, `${dcat}keyword`, `${schema}keywords`).map((t) => t.value.trim()).filter(Boolean), 'dcat:keyword')
    b.add('themes', g.objects(node, `${dcat}theme`).map((t) => termText(g, t) ?? '').filter(Boolean), 'dcat:theme')
    b.add('keywords', g.objects(node, `${dct}subject`, `${dc}subject`).filter((t) => t.kind === 'literal').map((t) => t.value.trim()), 'dct:subject')
    this.temporal()
    const spatial = g.first(node, [`${dct}spatial`, `${dct}coverage`])
    if (spatial) {
      const s = spatial.objects[0]
      const text = s.kind === 'blank' ? termText(g, preferEnglish(g.objects(s, ...LABEL, `${locn}geographicName`, `${locn}geometry`, `${locn}adminUnitL2`))) : termText(g, s)
      b.set('spatial', text, curie(spatial.predicate))
    }
    set('updateFrequency', [`${dct}accrualPeriodicity`])
    set('issued', [`${dct}issued`, `${dct}created`, `${schema}datePublished`])
    set('modified', [`${dct}modified`, `${schema}dateModified`])
    set('landingPage', [`${dcat}landingPage`, `${foaf}homepage`])
    set('documentation', [`${foaf}page`, `${dct}references`, `${rdfs}seeAlso`])
    b.add('language', g.objects(node, `${dct}language`, `${dc}language`).map((t) => termText(g, t) ?? '').filter(Boolean), 'dct:language')
    b.distributions(g.objects(node, `${dcat}distribution`).map((d) => this.distribution(d)), 'dcat:distribution')
    return b.done()
  }

  licence(): void {
    const {graph: g, node, b} = this
    const direct = g.first(node, [`${dct}license`, `${dc}license`, `${schema}license`])
    if (direct) {
      const t = direct.objects[0]
      b.set('licence', licenceRef(t.kind === 'blank' ? termText(g, t) : t.value.trim(), undefined, t.kind === 'iri' ? termText(g, preferEnglish(g.objects(t, ...LABEL))) : undefined), curie(direct.predicate))
      return
    }
    // DCAT-AP puts the licence on each distribution; when they all agree it is the dataset's.
    const licences = new Set(g.objects(node, `${dcat}distribution`).flatMap((d) => g.objects(d, `${dct}license`).map((t) => t.value)))
    if (licences.size === 1) b.set('licence', licenceRef([...licences][0]), 'dcat:distribution/dct:license')
  }

  temporal(): void {
    const {graph: g, node, b} = this
    const found = g.first(node, [`${dct}temporal`])
    if (!found) return
    const t = found.objects[0]
    if (t.kind === 'literal') return b.set('temporal', temporalOf(undefined, undefined, t.value.trim()), 'dct:temporal')
    const start = termText(g, g.objects(t, `${dcat}startDate`, `${schema}startDate`)[0] ?? g.objects(g.objects(t, `${time}hasBeginning`)[0] ?? t, `${time}inXSDDate`, `${time}inXSDDateTimeStamp`)[0])
    const end = termText(g, g.objects(t, `${dcat}endDate`, `${schema}endDate`)[0] ?? g.objects(g.objects(t, `${time}hasEnd`)[0] ?? t, `${time}inXSDDate`, `${time}inXSDDateTimeStamp`)[0])
    b.set('temporal', temporalOf(start, end, start || end ? undefined : termText(g, t)), 'dct:temporal')
  }

  distribution(d: Term): Distribution {
    const g = this.graph
    const one = (...predicates: string[]) => termText(g, preferEnglish(g.objects(d, ...predicates)))
    const location = urlOrPath(one(`${dcat}downloadURL`, `${dcat}accessURL`, `${schema}contentUrl`), this.base)
    const format = g.objects(d, `${dct}format`, `${schema}encodingFormat`)[0]
    const mediaType = g.objects(d, `${dcat}mediaType`)[0]
    return distribution({
      title: one(`${dct}title`, `${rdfs}label`, `${schema}name`),
      ...location,
      format: format ? termText(g, format) : undefined,
      mediaType: mediaType ? termText(g, mediaType)?.replace(/^https?:\/\/www\.iana\.org\/assignments\/media-types\//, '') : undefined,
      bytes: numberOf(one(`${dcat}byteSize`, `${schema}contentSize`)),
    })
  }
}

function datasetNodes(graph: Graph): Term[] {
  const subjects = graph.subjects()
  for (const type of DATASET_TYPES) {
    const found = subjects.filter((s) => graph.has(s, RDF_TYPE, type))
    if (found.length > 0) return found
  }
  return []
}

export function dcatToModels(graph: Graph, format: MetadataFormat, path: string, baseDir: string): DatasetMetadata[] {
  if (graph.size === 0) throw new MetadataError('The file holds no RDF statements.', 'shape', 'Describe the dataset as a dcat:Dataset (https://www.w3.org/TR/vocab-dcat-3/).')
  const nodes = datasetNodes(graph)
  if (nodes.length === 0) {
    throw new MetadataError('The RDF describes no dataset: nothing in it is a dcat:Dataset.', 'unrecognised', 'Give the dataset the type dcat:Dataset (rdf:type <http://www.w3.org/ns/dcat#Dataset>).')
  }
  return nodes.map((node) => new DatasetReader(graph, node, format, path, baseDir).read())
}

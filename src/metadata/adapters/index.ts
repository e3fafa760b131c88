/** The adapter for each metadata format. */
import type {MetadataFormat} from '../model.js'
import type {Adapter} from './context.js'
import {readCkan} from './ckan.js'
import {readCsvw} from './csvw.js'
import {readDatapackage} from './datapackage.js'
import {readDcatJsonLd, readDcatRdfXml, readDcatTurtle} from './dcat-rdf.js'
import {readDcatUs} from './dcat-us.js'
import {readOdcheck} from './odcheck.js'

export const adapters: Record<MetadataFormat, Adapter> = {
  datapackage: readDatapackage,
  csvw: readCsvw,
  'dcat-jsonld': readDcatJsonLd,
  'dcat-turtle': readDcatTurtle,
  'dcat-rdfxml': readDcatRdfXml,
  'dcat-us': readDcatUs,
  ckan: readCkan,
  odcheck: readOdcheck,
}

export const FORMAT_NAMES: Record<MetadataFormat, string> = {
  datapackage: 'Frictionless data package',
  csvw: 'CSVW metadata',
  'dcat-jsonld': 'DCAT (JSON-LD)',
  'dcat-turtle': 'DCAT (Turtle)',
  'dcat-rdfxml': 'DCAT (RDF/XML)',
  'dcat-us': 'DCAT-US data.json',
  ckan: 'CKAN dataset record',
  odcheck: 'odcheck.yaml',
}

/** DCAT in Turtle, RDF/XML and JSON-LD: three parsers, one mapping (../rdf/dcat.ts). */
import {dirname} from 'node:path'
import type {DatasetMetadata} from '../model.js'
import {dcatToModels} from '../rdf/dcat.js'
import {parseJsonLd, parseRdfXml, parseTurtle} from '../rdf/parse.js'

export async function readDcatTurtle(text: string, path: string): Promise<DatasetMetadata[]> {
  return dcatToModels(await parseTurtle(text, path), 'dcat-turtle', path, dirname(path))
}

export async function readDcatRdfXml(text: string, path: string): Promise<DatasetMetadata[]> {
  return dcatToModels(await parseRdfXml(text, path), 'dcat-rdfxml', path, dirname(path))
}

export async function readDcatJsonLd(text: string, path: string): Promise<DatasetMetadata[]> {
  return dcatToModels(await parseJsonLd(text, path), 'dcat-jsonld', path, dirname(path))
}

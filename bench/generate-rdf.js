/**
 * Writes a deterministic N-Triples file of a council's streetlights as linked data (the shape of
 * Trafford's GMDSP streetlight RDF, much larger): per light its type, label, WGS84 position, lamp
 * type, mounting height (xsd:decimal), installation date (xsd:date) and ward (a GSS code URI at
 * statistics.data.gov.uk), nine triples, and every 50th light's provenance written a second time,
 * as table2qb repeats it: one triple in all, which must count once. Same count, same bytes.
 */
import {writeOnce} from './generate.js'

const BASE = 'http://data.example-council.gov.uk/id/streetlight/'
const WARDS = Array.from({length: 21}, (_, i) => `http://statistics.data.gov.uk/id/statistical-geography/E050008${String(20 + i)}`)
const LAMPS = ['LED', 'SON', 'SOX', 'CosmoPolis', 'Metal Halide']
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
const XSD = 'http://www.w3.org/2001/XMLSchema#'
const pad = (n) => (n < 10 ? '0' : '') + n

function light(rand, i) {
  const s = `<${BASE}${i}>`
  const lat = (53.40 + rand() * 0.1).toFixed(6)
  const long = (-2.40 + rand() * 0.15).toFixed(6)
  const lines = [
    `${s} ${RDF_TYPE} <http://data.example-council.gov.uk/def/Streetlight> .`,
    `${s} <http://www.w3.org/2000/01/rdf-schema#label> "Streetlight ${i}"@en .`,
    `${s} <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "${lat}"^^<${XSD}decimal> .`,
    `${s} <http://www.w3.org/2003/01/geo/wgs84_pos#long> "${long}"^^<${XSD}decimal> .`,
    `${s} <http://data.example-council.gov.uk/def/lampType> "${LAMPS[Math.floor(rand() * LAMPS.length)]}" .`,
    `${s} <http://data.example-council.gov.uk/def/mountingHeight> "${(4 + Math.floor(rand() * 9)).toFixed(1)}"^^<${XSD}decimal> .`,
    `${s} <http://data.example-council.gov.uk/def/installed> "${1990 + Math.floor(rand() * 35)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}"^^<${XSD}date> .`,
    `${s} <http://data.example-council.gov.uk/def/ward> <${WARDS[Math.floor(rand() * WARDS.length)]}> .`,
    `${s} <http://www.w3.org/ns/prov#wasDerivedFrom> <http://data.example-council.gov.uk/data/streetlights.csv> .`,
  ]
  if (i % 50 === 0) lines.push(lines[8])
  return lines.join('\n') + '\n'
}

/** Writes `lights` streetlights to `path` unless a file of that name already exists; `triples` is the distinct count. */
export async function generateRdf(path, lights, seed = 20240401) {
  return {...(await writeOnce(path, lights, light, {seed})), triples: lights * 9}
}

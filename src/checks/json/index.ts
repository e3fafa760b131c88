/** JSON and GeoJSON data checks (rules/json.yaml): each takes the parsed document through the engine's `document` hook. */
import type {AnyCheck} from '../../engine/check.js'
import {geojsonBritishNationalGrid, geojsonCoordinateRange} from './geojson-coordinates.js'
import {geojsonCrsMember} from './geojson-crs-member.js'
import {geojsonInvalid} from './geojson-invalid.js'
import {geojsonWindingOrder} from './geojson-winding-order.js'
import {jsonSchemaError} from './json-schema-error.js'

export const jsonChecks: AnyCheck[] = [jsonSchemaError, geojsonInvalid, geojsonCoordinateRange, geojsonBritishNationalGrid, geojsonWindingOrder, geojsonCrsMember]

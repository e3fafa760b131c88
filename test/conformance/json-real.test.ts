/**
 * Every JSON and GeoJSON data file in ../shared/corpus/real (Trafford's GeoJSON layers) gives a
 * report through the CLI, never a crash (exit 0 or 1, never 2), with the file as a json or
 * geojson resource; every .json there that is metadata stays metadata, never checked as data.
 */
import {readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {isJsonData} from '../../src/load/metadata.js'
import {odcheck} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const realDir = join(sharedDir, 'corpus', 'real')

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return jsonFiles(path)
    return /\.(geo)?json$/i.test(name) ? [path] : []
  })
}

describe.skipIf(!hasShared)(hasShared ? 'real JSON and GeoJSON data' : skipReason, () => {
  const files = hasShared ? jsonFiles(realDir) : []
  const data = files.filter((f) => isJsonData(f))

  it('finds the GeoJSON layers as data and every catalogue record, package and CSVW file as metadata', () => {
    expect(data.map((f) => relative(realDir, f))).toEqual([
      'trafford/air-quality-management-areas/trafford_aqma.geojson',
      'trafford/cctv-cameras/trafford_cctv_cameras.geojson',
      'trafford/ev-charging-locations/trafford_electric_vehicle_charging_locations.geojson',
    ])
    expect(files.length - data.length).toBeGreaterThan(15)
  })

  it.each(data.map((f) => [relative(realDir, f), f]))('%s gives a report', async (name, file) => {
    const r = await odcheck(['check', file, '--json'], {cwd: realDir})
    expect(r.stderr).toBe('')
    expect([0, 1]).toContain(r.code)
    const report = JSON.parse(r.stdout)
    expect(report.reportVersion).toBe(1)
    const resource = report.resources.find((x: {path: string}) => x.path === name)
    expect(resource).toMatchObject({format: 'geojson', dialect: null})
    expect(resource.results.map((x: {rule: string}) => x.rule)).toContain('geojson-invalid')
  })

  it('reads the Trafford layers as an analyst would: feature counts, and the legacy crs and shapefile ring order named', async () => {
    const r = await odcheck(['check', 'trafford/air-quality-management-areas', 'trafford/cctv-cameras/trafford_cctv_cameras.geojson', '--json', '--only', '#structure'], {cwd: realDir})
    const report = JSON.parse(r.stdout)
    const byPath = Object.fromEntries(report.resources.map((x: {path: string}) => [x.path, x]))
    // The manifest counts 163 cameras, as many as the CSV has rows.
    expect(byPath['trafford/cctv-cameras/trafford_cctv_cameras.geojson'].rowCount).toBe(163)
    expect(byPath['trafford/air-quality-management-areas/trafford_aqma.geojson'].rowCount).toBe(1)
    const rules = (path: string) => report.findings.filter((f: {resource: string}) => f.resource === path).map((f: {rule: string}) => f.rule)
    expect(rules('trafford/air-quality-management-areas/trafford_aqma.geojson')).toEqual(['geojson-crs-member', 'geojson-winding-order'])
    expect(rules('trafford/cctv-cameras/trafford_cctv_cameras.geojson')).toEqual(['geojson-crs-member'])
  })
})

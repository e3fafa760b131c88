/**
 * British National Grid (OSGB36, EPSG:27700): whether a position plainly is an easting and
 * northing, and roughly where it is in WGS84, so a finding can show the place the publisher
 * meant. The conversion is the Ordnance Survey's own (inverse Transverse Mercator on the Airy
 * 1830 ellipsoid, then a Helmert transformation to WGS84): good to a few metres, which is
 * plenty to recognise a place, and no substitute for reprojecting with OSTN15.
 */

/** Eastings and northings of the grid's land area (the grid runs 0-700 km east, 0-1300 km north). */
export function isBritishNationalGrid(position: number[]): boolean {
  const [easting, northing] = position
  // Values in the thousands are never longitudes or latitudes, and a grid reference of a real place is never below 1 km.
  return easting >= 1000 && easting <= 700_000 && northing >= 1000 && northing <= 1_300_000
}

const RAD = Math.PI / 180
const AIRY = {a: 6377563.396, b: 6356256.909}
const WGS84 = {a: 6378137, b: 6356752.3142}

function inverseTransverseMercator(easting: number, northing: number): {lat: number; lon: number} {
  const {a, b} = AIRY
  const F0 = 0.9996012717
  const lat0 = 49 * RAD
  const lon0 = -2 * RAD
  const N0 = -100_000
  const E0 = 400_000
  const e2 = 1 - (b * b) / (a * a)
  const n = (a - b) / (a + b)
  const [n2, n3] = [n * n, n * n * n]
  let lat = lat0
  let M = 0
  for (let i = 0; i < 100 && Math.abs(northing - N0 - M) >= 0.00001; i++) {
    lat = (northing - N0 - M) / (a * F0) + lat
    const Ma = (1 + n + 1.25 * n2 + 1.25 * n3) * (lat - lat0)
    const Mb = (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(lat - lat0) * Math.cos(lat + lat0)
    const Mc = ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * (lat - lat0)) * Math.cos(2 * (lat + lat0))
    const Md = (35 / 24) * n3 * Math.sin(3 * (lat - lat0)) * Math.cos(3 * (lat + lat0))
    M = b * F0 * (Ma - Mb + Mc - Md)
  }
  const sin = Math.sin(lat)
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin)
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sin * sin, 1.5)
  const eta2 = nu / rho - 1
  const tan = Math.tan(lat)
  const [tan2, tan4, tan6] = [tan * tan, tan ** 4, tan ** 6]
  const sec = 1 / Math.cos(lat)
  const VII = tan / (2 * rho * nu)
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2)
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * tan2 + 45 * tan4)
  const X = sec / nu
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * tan2)
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * tan2 + 24 * tan4)
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6)
  const dE = easting - E0
  return {
    lat: lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lon: lon0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  }
}

function toCartesian(lat: number, lon: number, {a, b}: {a: number; b: number}) {
  const e2 = 1 - (b * b) / (a * a)
  const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2)
  return {x: nu * Math.cos(lat) * Math.cos(lon), y: nu * Math.cos(lat) * Math.sin(lon), z: (1 - e2) * nu * Math.sin(lat)}
}

function fromCartesian({x, y, z}: {x: number; y: number; z: number}, {a, b}: {a: number; b: number}) {
  const e2 = 1 - (b * b) / (a * a)
  const p = Math.hypot(x, y)
  let lat = Math.atan2(z, p * (1 - e2))
  for (let i = 0; i < 10; i++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2)
    lat = Math.atan2(z + e2 * nu * Math.sin(lat), p)
  }
  return {lat, lon: Math.atan2(y, x)}
}

/** OSGB36 to WGS84 (Ordnance Survey's published 7-parameter Helmert transformation). */
function helmert({x, y, z}: {x: number; y: number; z: number}) {
  const [tx, ty, tz] = [446.448, -125.157, 542.06]
  const s = 1 - 20.4894e-6
  const arcsec = RAD / 3600
  const [rx, ry, rz] = [0.1502 * arcsec, 0.247 * arcsec, 0.8421 * arcsec]
  return {x: tx + s * x - rz * y + ry * z, y: ty + rz * x + s * y - rx * z, z: tz - ry * x + rx * y + s * z}
}

/** Approximate WGS84 [longitude, latitude] of an easting and northing, to 5 decimal places (about a metre). */
export function gridToWgs84(easting: number, northing: number): [number, number] {
  const osgb = inverseTransverseMercator(easting, northing)
  const wgs = fromCartesian(helmert(toCartesian(osgb.lat, osgb.lon, AIRY)), WGS84)
  const round = (v: number) => Math.round((v / RAD) * 1e5) / 1e5
  return [round(wgs.lon), round(wgs.lat)]
}

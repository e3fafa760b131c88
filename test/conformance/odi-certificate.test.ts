/**
 * Against ../shared: the committed questionnaire data matches the ODI extract it is generated
 * from, and certificate and stars assessments of real council data give what their files show.
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {certificateSection, runChecks, starsSection} from '../../src/commands/_assess.js'
import {repoRoot} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const extract = join(sharedDir, 'reference', 'odi-certificate', 'questions.yaml')
const real = join(sharedDir, 'corpus', 'real')

async function assess(folder: string) {
  const paths = [join(real, folder)]
  const {result, report} = await runChecks({paths, cwd: repoRoot, version: 'conformance'})
  return {
    stars: await starsSection({paths, cwd: repoRoot, report, result}),
    certificate: await certificateSection({paths, cwd: repoRoot, report, result}),
  }
}

describe.skipIf(!hasShared || !existsSync(extract))(`ODI certificate data and real datasets${hasShared ? '' : ` (${skipReason})`}`, {timeout: 180_000}, () => {
  it('rules/certificate/odi-certificate.yaml and the question table in docs/certificate.md are generated from the current extract', async () => {
    const {stdout} = await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'generate-certificate.js'), '--check'], {cwd: repoRoot})
    expect(stdout).toContain('is up to date')
  })

  it('reads the working-age population data cube (Turtle): URIs for things and links to ONS geographies', async () => {
    const {stars, certificate} = await assess('rdf/trafford-working-age-population-cube')
    expect(stars.levels[3].met).toBe(true)
    expect(stars.levels[4].evidence.some((e) => e.includes('cube.ttl') && e.includes('statistics.data.gov.uk'))).toBe(true)
    // No licence anywhere in the folder: no stars, and no certificate level.
    expect([stars.level, certificate.level]).toEqual([0, 'none'])
  })

  it('reads GMDSP streetlights (RDF/XML) and links to opendatacommunities.org', async () => {
    const {stars} = await assess('trafford/streetlights-gmdsp')
    expect(stars.levels[4]).toMatchObject({met: true})
    expect(stars.levels[4].evidence.join()).toContain('opendatacommunities.org')
    expect(stars.problems).toEqual([])
  })

  it('reports a CSVW file it cannot parse as a problem, and still finds the URI column of the CSV', async () => {
    const {stars} = await assess('trafford/senior-salaries')
    expect(stars.problems.join()).toMatch(/senior_salaries_employees\.csv-metadata\.json could not be read as CSVW metadata/)
    expect(stars.levels[3].evidence.join()).toContain('column "OrganisationURI"')
  })
})

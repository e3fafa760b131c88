/**
 * personal-data-undeclared: metadata that declares the data not personal, checked against
 * what the personal-data scan found in the same run (RunOptions.metadata, as the loaders give it).
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import type {RuleSetting} from '../../src/engine/select.js'
import type {DatasetMetadata, PersonalDataDeclaration} from '../../src/metadata/model.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dataDir = join(fixturesDir, 'personal-data-undeclared')

function declaring(personalData?: PersonalDataDeclaration): DatasetMetadata {
  return {
    source: {format: 'odcheck', path: join(dataDir, 'odcheck.yaml')},
    title: 'Staff directory',
    keywords: [],
    themes: [],
    language: [],
    distributions: [],
    personalData,
    evidence: personalData ? {personalData: 'personalData'} : {},
  }
}

async function undeclared(files: string[], metadata: DatasetMetadata[], options: {only?: string[]; settings?: Record<string, RuleSetting>} = {}) {
  const config = await loadConfig({cwd: dataDir, searchFrom: dataDir, builtInChecks: builtInChecksUrl})
  const result = await run({
    inputs: files.map((f) => join(dataDir, f)),
    cwd: dataDir,
    config,
    only: options.only ?? ['personal-data', 'personal-data-undeclared'],
    ruleSettings: options.settings,
    metadata,
  })
  const findings = result.dataset?.findings.filter((f) => f.rule === 'personal-data-undeclared') ?? []
  return {findings, resource: result.dataset?.resource}
}

describe('personal-data-undeclared', () => {
  it('reports one finding naming every column and kind the scan found, against the metadata file', async () => {
    const {findings, resource} = await undeclared(['staff.csv', 'reports.csv'], [declaring('not_personal')])
    expect(findings).toHaveLength(1)
    expect(resource).toBe('odcheck.yaml')
    expect(findings[0].severity).toBe('error')
    const details = findings[0].details!
    expect(details).toMatchObject({declared: 'not_personal', declaredBy: ['odcheck'], evidence: 'personalData', scanRule: 'personal-data', columnCount: 3})
    expect(details.kinds).toEqual(['email', 'person-name'])
    expect(details.columns).toEqual([
      {resource: 'staff.csv', fieldNumber: 2, fieldName: 'full_name', kind: 'person-name'},
      {resource: 'staff.csv', fieldNumber: 3, fieldName: 'email', kind: 'email'},
      {resource: 'reports.csv', fieldNumber: 2, fieldName: 'summary', kind: 'email'},
    ])
    expect(findings[0].message).toContain('not_personal')
  })

  it('says nothing when the declaration agrees with the scan', async () => {
    expect((await undeclared(['staff.csv'], [declaring('individual')])).findings).toEqual([])
    expect((await undeclared(['sites.csv'], [declaring('not_personal')])).findings).toEqual([])
    expect((await undeclared(['staff.csv'], [declaring(undefined)])).findings).toEqual([])
    expect((await undeclared(['staff.csv'], [])).findings).toEqual([])
  })

  it('reads the declaration from odcheck.yaml beside the data, end to end', async () => {
    const r = await odcheck(['check', join(dataDir, 'declared'), '--only', '#privacy', '--json'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as {findings: Array<{rule: string; resource: string; details?: Record<string, unknown>}>}
    const found = report.findings.filter((f) => f.rule === 'personal-data-undeclared')
    expect(found).toHaveLength(1)
    expect(found[0].resource).toMatch(/odcheck\.yaml$/)
    expect(found[0].details).toMatchObject({declared: 'not_personal', kinds: ['email', 'person-name'], columnCount: 2})
  })

  it('checks every metadata source, not only the first', async () => {
    const {findings} = await undeclared(['reports.csv'], [declaring(undefined), {...declaring('not_personal'), source: {format: 'ckan', path: join(dataDir, 'package.json')}}])
    expect(findings).toHaveLength(1)
    expect(findings[0].details).toMatchObject({declaredBy: ['ckan'], columnCount: 1})
  })

  it('cannot judge when the scan rule did not run', async () => {
    const {findings} = await undeclared(['staff.csv'], [declaring('not_personal')], {only: ['personal-data-undeclared']})
    expect(findings).toEqual([])
  })

  it('reads the scan rule and the contradicting declarations from its options', async () => {
    const elsewhere = await undeclared(['staff.csv'], [declaring('not_personal')], {settings: {'personal-data-undeclared': {options: {scanRule: 'my-personal-data-scan'}}}})
    expect(elsewhere.findings).toEqual([])
    const summarised = await undeclared(['staff.csv'], [declaring('summarised')], {settings: {'personal-data-undeclared': {options: {declarations: ['not_personal', 'summarised']}}}})
    expect(summarised.findings.map((f) => f.details?.declared)).toEqual(['summarised'])
  })
})

/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines): one testsuite per table,
 * one testcase per rule that ran on it, so passes are recorded as well as failures. A failing
 * testcase lists the rule's findings; rules on a table that could not be read are skipped.
 * Dataset-level rules (metadata, licence) get a suite of their own.
 */
import type {Finding} from '../../engine/types.js'
import type {RuleResult} from '../types.js'
import type {Formatter} from './formatter.js'
import {datasetRuleIds, describeLocation, groupFindings, notRead} from './group.js'
import {formatNumber, plural} from '../../shared/text.js'
import {relativeResourcePath} from './paths.js'
import {escapeAttribute, escapeText} from './xml.js'

const SOURCE_ERROR_RULE = 'source-error'

interface Suite {
  name: string
  /** Resource the suite is about: findings naming another say so. */
  base: string
  cases: Array<{result: RuleResult; findings: Finding[]; skipped?: string}>
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('')
}

function failureBody(result: RuleResult, findings: Finding[], base: string): string {
  const lines = findings.map((f) => {
    const where = [f.resource === base ? '' : f.resource, describeLocation(f)].filter(Boolean).join(' ')
    return where ? `${where}: ${f.message}` : f.message
  })
  const unlisted = result.count - (result.suppressed ?? 0) - findings.length
  if (unlisted > 0) lines.push(`… and ${formatNumber(unlisted)} more not listed (${formatNumber(result.count)} in all)`)
  return lines.join('\n')
}

/** All of a rule's findings suppressed as already known: the testcase passes, with a note. */
function allSuppressed(result: RuleResult): boolean {
  return result.count > 0 && result.suppressed === result.count
}

function testcase(suite: Suite, {result, findings, skipped}: Suite['cases'][number]): string {
  const head = `    <testcase${attributes({name: result.rule, classname: suite.name})}`
  if (allSuppressed(result)) return `${head}>\n      <system-out>${escapeText(`${plural(result.count, 'finding')} suppressed as already known`)}</system-out>\n    </testcase>`
  if (result.status === 'fail') {
    const failure = `<failure${attributes({message: `${plural(result.count, result.severity)} from ${result.rule}`, type: result.severity})}>`
    return `${head}>\n      ${failure}${escapeText(failureBody(result, findings, suite.base))}</failure>\n    </testcase>`
  }
  if (skipped) return `${head}>\n      <skipped${attributes({message: skipped})}/>\n    </testcase>`
  return `${head}/>`
}

function counts(suite: Suite) {
  const failures = suite.cases.filter((c) => c.result.status === 'fail' && !allSuppressed(c.result)).length
  const skipped = suite.cases.filter((c) => c.result.status === 'pass' && c.skipped).length
  return {tests: suite.cases.length, failures, skipped}
}

export const junit: Formatter = (report, {cwd}) => {
  const groups = groupFindings(report)
  const datasetRules = datasetRuleIds(report)
  const suites: Suite[] = report.resources.map((resource) => {
    const findings = groups.tables.get(resource.path) ?? []
    const name = relativeResourcePath(resource.path, cwd)
    const skipped = notRead(resource) ? `${name} could not be read` : undefined
    return {
      name,
      base: resource.path,
      // Dataset-level rules pass trivially on each table; their outcome is in the dataset suite.
      cases: resource.results
        .filter((result) => !datasetRules.has(result.rule))
        .map((result) => ({result, findings: findings.filter((f) => f.rule === result.rule), skipped: result.rule === SOURCE_ERROR_RULE ? undefined : skipped})),
    }
  })
  if (report.dataset) {
    suites.push({
      name: `${relativeResourcePath(report.dataset.resource, cwd)} (dataset)`,
      base: report.dataset.resource,
      cases: report.dataset.results.map((result) => ({result, findings: groups.dataset.filter((f) => f.rule === result.rule)})),
    })
  }

  const total = {tests: 0, failures: 0, skipped: 0}
  const xmlSuites = suites.map((suite) => {
    const c = counts(suite)
    total.tests += c.tests
    total.failures += c.failures
    total.skipped += c.skipped
    const open = `  <testsuite${attributes({name: suite.name, tests: c.tests, failures: c.failures, errors: 0, skipped: c.skipped})}`
    return suite.cases.length ? `${open}>\n${suite.cases.map((tc) => testcase(suite, tc)).join('\n')}\n  </testsuite>` : `${open}/>`
  })
  const root = `<testsuites${attributes({name: 'odcheck', tests: total.tests, failures: total.failures, errors: 0, skipped: total.skipped})}`
  const body = xmlSuites.length ? `${root}>\n${xmlSuites.join('\n')}\n</testsuites>` : `${root}/>`
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`
}

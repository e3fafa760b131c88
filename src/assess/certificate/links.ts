/**
 * What the link rules found about a URL the metadata gives, for the certificate answers that are
 * links (where the documentation is, where to download the data, the licence's address).
 * Offline odcheck takes the metadata's word for them. With --online the links were asked for:
 * one that works says so in the answer's evidence, and one that does not is no answer at all
 * (a documentation page that is gone does not tell anyone where the data is described), so
 * the question stays open and the certificate lists the link as withheld.
 */
import type {AssessFinding, AssessInput} from '../input.js'

export type LinkProperty = 'licence' | 'contentLicence' | 'distribution' | 'documentation' | 'landingPage'

/** The rule that asks for a property's links, as rules/links.yaml sets them up. */
const RULE_OF: Record<LinkProperty, string> = {
  licence: 'link-broken',
  contentLicence: 'link-broken',
  distribution: 'link-broken',
  documentation: 'documentation-link-broken',
  landingPage: 'documentation-link-broken',
}
/** Rules whose findings mean a link leads nowhere. */
const BROKEN_RULES = new Set(['link-broken', 'documentation-link-broken', 'link-redirect-loop'])

/** A link the metadata gives that was not taken as an answer, because it did not work when checked. */
export interface WithheldLink {
  question: string
  url: string
  /** The rule that found it broken. */
  rule: string
  /** What asking for it gave, in words. */
  problem: string
}

export type LinkState = {checked: false} | {checked: true; broken?: WithheldLink}

function problemOf(finding: AssessFinding): string {
  const d = finding.details ?? {}
  if (typeof d.error === 'string') return d.error
  if (d.reason === 'loop') return 'it redirects in a loop'
  if (d.reason === 'too-many') return 'it redirects too many times'
  return 'it does not work'
}

/** Whether the run asked for `url` (given as `property` of the metadata), and if so whether it works. */
export function linkState(input: AssessInput, question: string, property: LinkProperty, url: string): LinkState {
  if (!input.rules.some((r) => r.id === RULE_OF[property])) return {checked: false}
  const finding = input.findings.find((f) => BROKEN_RULES.has(f.rule) && f.details?.url === url.trim())
  return finding ? {checked: true, broken: {question, url, rule: finding.rule, problem: problemOf(finding)}} : {checked: true}
}

/** Added to the evidence of an answer whose link was asked for and worked. */
export const WORKS = 'which worked when odcheck asked for it (--online)'

/**
 * rdf-uri-profile: what an RDF file's URIs name and link to, for the fourth and fifth stars: how
 * many distinct HTTP(S) URIs its subjects have and on which hosts, and, per host, how many
 * distinct URIs its objects link to (not rdf:type, whose objects are classes). It finds nothing;
 * it publishes `rdfUris` facts, read in the same pass as the other RDF rules, so the stars never
 * read the file again. Which hosts are other people's is for the stars to judge (src/assess/domains.ts).
 * Memory stays bounded: URIs are kept as 64-bit hashes (src/table/key-table.ts), and an
 * object on a host the file's own subjects use is not kept, since it cannot be a link out.
 */
import {defineCheck} from '../../engine/check.js'
import {hashInto, insert, newKeyTable, type KeyTable} from '../../table/key-table.js'
import type {RdfStatement} from '../../table/rdf.js'
import {HttpHosts} from './authority.js'

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
/** Hosts kept, of subjects and of objects each: past them subject URIs are still counted (their hosts not listed), and object URIs on further hosts are not. */
const MAX_HOSTS = 10_000

export interface RdfUriFacts {
  /** Distinct HTTP(S) URIs used as subjects. */
  subjects: number
  /** Their hosts, lower case. */
  subjectHosts: string[]
  /** Distinct object URIs per host, for hosts none of the subjects use. */
  objectHosts: Array<{host: string; uris: number}>
}

/** The facts of one file, statement by statement. */
export class UriProfile {
  private readonly hosts = new HttpHosts()
  private readonly subjects = newKeyTable()
  private readonly subjectHosts = new Set<string>()
  private readonly objects = new Map<string, KeyTable>()
  private readonly hash = new Uint32Array(2)
  private lastSubject = ''

  add(s: Pick<RdfStatement, 'subject' | 'predicate' | 'object'>): void {
    // Statements about one subject come together in most files: it is hashed once.
    if (s.subject.kind === 'iri' && s.subject.value !== this.lastSubject) {
      this.lastSubject = s.subject.value
      const host = this.hosts.of(this.lastSubject)
      if (host !== undefined) {
        hashInto(this.lastSubject, this.hash)
        insert(this.subjects, this.hash[0], this.hash[1], 1)
        if (this.subjectHosts.size < MAX_HOSTS) this.subjectHosts.add(host)
      }
    }
    if (s.object.kind !== 'iri' || s.predicate === RDF_TYPE) return
    const host = this.hosts.of(s.object.value)
    if (host === undefined || this.subjectHosts.has(host)) return
    let uris = this.objects.get(host)
    if (!uris) {
      if (this.objects.size >= MAX_HOSTS) return
      uris = newKeyTable()
      this.objects.set(host, uris)
    }
    hashInto(s.object.value, this.hash)
    insert(uris, this.hash[0], this.hash[1], 1)
  }

  facts(): RdfUriFacts {
    const objectHosts = [...this.objects].filter(([host]) => !this.subjectHosts.has(host)).map(([host, uris]) => ({host, uris: uris.size}))
    return {subjects: this.subjects.size, subjectHosts: [...this.subjectHosts], objectHosts}
  }
}

export const rdfUriProfile = defineCheck<Record<string, never>, undefined>({
  name: 'rdf-uri-profile',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Profiles the URIs of an RDF file; it reports nothing'},
  create: () => {
    const profile = new UriProfile()
    let read = false
    return {
      triple: (s: RdfStatement) => profile.add(s),
      graphEnd() {
        read = true
      },
      // Only for a file read through: tables and unreadable files have no such facts.
      facts: () => (read ? {rdfUris: profile.facts()} : undefined),
    }
  },
})

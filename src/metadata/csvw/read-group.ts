/** Reads one CSVW metadata document by URL into a table group, once per run. */
import type {Retriever} from '../../load/csvw/retrieve.js'
import {jsonPositions} from './json-positions.js'
import {parseJsonReadingOn} from './json-syntax.js'
import {processMetadata} from './process/group.js'
import type {LinkedDocument} from './process/context.js'
import {Problems, type DocumentRef} from './problems.js'
import type {CsvwGroup} from './types.js'
import {displayName} from './urls.js'

export interface GroupRead {
  /** Undefined when the document cannot be read or parsed at all. */
  group?: CsvwGroup
  /** Errors and warnings in the document (and the documents it links to). */
  problems: Problems
  /** The document was not there (as opposed to there but broken). */
  missing?: boolean
}

export class GroupReader {
  private readonly groups = new Map<string, Promise<GroupRead>>()

  constructor(
    private readonly retriever: Retriever,
    private readonly cwd: string,
  ) {}

  read(url: string): Promise<GroupRead> {
    let found = this.groups.get(url)
    if (!found) {
      found = this.load(url)
      this.groups.set(url, found)
    }
    return found
  }

  /** Parses a JSON document, turning a syntax error into a problem with its line and column. */
  private async parse(url: string, problems: Problems | undefined): Promise<LinkedDocument & {missing?: boolean}> {
    const doc: DocumentRef = {url, name: displayName(url, this.cwd)}
    const retrieved = await this.retriever.document(url)
    if (retrieved.error !== undefined || retrieved.text === undefined) return {error: retrieved.error ?? 'it is empty', missing: retrieved.missing, doc}
    // Trailing commas are the commonest slip: read on past them, so the rest of the metadata is checked too.
    const parsed = parseJsonReadingOn(retrieved.text.replace(/^\uFEFF/, ''), problems !== undefined)
    const found = parsed.syntax
    const readOn = found !== undefined && 'value' in parsed
    const message = found ? `${found.message} ${found.hint}` : 'error' in parsed ? `It is not valid JSON (${parsed.error.message}).` : undefined
    // Say what reading on means: the tables are checked against the file, but it is not the dataset's metadata until fixed.
    const readOnNote = readOn ? ` odcheck read on past the trailing commas to check the tables against the columns it describes, but other tools reject the file, and nothing in it counts as the dataset's metadata (title, publisher, licence) until the JSON is fixed.` : ''
    if (message !== undefined) problems?.error('json-syntax', message + readOnNote, doc, undefined, {...(found ? {line: found.line, column: found.column} : {}), ...(readOn ? {readOn: true} : {})})
    if ('value' in parsed) {
      doc.positions = jsonPositions(parsed.text)
      return {value: parsed.value, doc}
    }
    return {error: message, doc, line: found?.line, column: found?.column}
  }

  private async load(url: string): Promise<GroupRead> {
    const problems = new Problems()
    const parsed = await this.parse(url, problems)
    if (parsed.value === undefined || !parsed.doc) return {problems, missing: parsed.missing}
    const doc = parsed.doc
    const group = await processMetadata(parsed.value, {doc, base: url, problems, readLinked: (linked) => this.parse(linked, undefined)}, this.cwd)
    return {group: {url, name: doc.name, tables: group.tables}, problems}
  }
}

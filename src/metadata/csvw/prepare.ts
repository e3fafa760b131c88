/** CSVW's part in a run: load the metadata for the tables found, and the further tables it names. */
import {discover, type DiscoveredResource} from '../../load/discover.js'
import type {HttpClient} from '../../load/http/client.js'
import {loadCsvw, type CsvwLoad} from './load.js'
import {isHttpUrl} from './urls.js'

export interface PrepareCsvwOptions {
  inputs: string[]
  cwd: string
  metadataFiles?: string[]
  /** Tables the run found so far. */
  resources: DiscoveredResource[]
  online?: boolean
  allowPrivateNetwork?: boolean
  /** The run's HTTP client (src/load/http). */
  http?: HttpClient
}

export interface PreparedCsvw {
  load: CsvwLoad
  /** Tables to check besides those found: a metadata input's tables, tables linked by foreign keys, downloads. */
  extra: DiscoveredResource[]
  close(): Promise<void>
}

/** Inputs that are web addresses, which only CSVW reading fetches (and only when the run is online). */
export function webInputs(inputs: string[]): string[] {
  return inputs.filter(isHttpUrl)
}

/** A web address given as an input that cannot be fetched: the run cannot check what was asked. */
export class UnreadableInputError extends Error {
  constructor(readonly problems: Array<{input: string; reason: string}>) {
    super(problems.map((p) => `${p.input} cannot be read: ${p.reason}.`).join('\n'))
    this.name = 'UnreadableInputError'
  }
}

export async function prepareCsvw(options: PrepareCsvwOptions): Promise<PreparedCsvw> {
  // A file that cannot be read (a damaged zip, a link to nothing) is a source-error, not a table metadata may describe.
  const tables = options.resources.filter((r) => r.format !== 'xlsx' && r.unreadable === undefined).map((r) => r.path)
  const {load, close} = await loadCsvw({...options, tables})
  if (load.unreadableInputs.length > 0) {
    await close()
    throw new UnreadableInputError(load.unreadableInputs)
  }
  const known = new Set(options.resources.map((r) => r.path))
  const found = await discover(load.extraTables.filter((p) => !known.has(p)), options.cwd)
  const extra = found.resources.map((r) => (load.names[r.path] ? {...r, name: load.names[r.path], format: 'csv'} : r))
  return {load, extra, close}
}

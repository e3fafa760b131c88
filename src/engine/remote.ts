/**
 * Web addresses given as inputs (--online): a CKAN dataset is read from its portal (record,
 * then resources, src/metadata/remote); a file is left in the inputs for CSVW reading, which
 * downloads it with any CSVW metadata it links to. Credentials written in an input
 * (https://user:password@host/...) are taken out of it, so they never show in a report, and
 * sent only to that origin.
 */
import {rmSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {DiscoveredResource} from '../load/discover.js'
import type {HttpClient} from '../load/http/client.js'
import {isHttpInput, remoteInputs, type CkanDatasetInput} from '../load/remote-inputs.js'
import type {MetadataLoad} from '../metadata/load-types.js'
import {CkanInputError, loadCkanDataset, type CkanDatasetLoad} from '../metadata/remote/ckan-dataset.js'
import {UsageError} from './errors.js'

export interface RemoteInputOptions {
  inputs: string[]
  cwd: string
  /** `--ckan BASE_URL`: the inputs are dataset names on this CKAN portal. */
  ckan?: string
}

export interface PreparedRemote {
  /** The inputs for the rest of the run: local paths and web files, without credentials; a CKAN dataset's are its resources. */
  inputs: string[]
  /** A CKAN dataset's record, as if its metadata had been found beside the data. */
  metadataLoad?: MetadataLoad
  /** A CKAN dataset's downloaded resources, named by URL. */
  resources: DiscoveredResource[]
  unreadable: CkanDatasetLoad['unreadable']
  /** Removes what was downloaded. */
  close(): Promise<void>
}

const OFFLINE_HINT = 'Add --online to fetch it, or download the file and check the copy.'

export async function prepareRemoteInputs(options: RemoteInputOptions, client: HttpClient | undefined): Promise<PreparedRemote> {
  const nothing: PreparedRemote = {inputs: options.inputs, resources: [], unreadable: [], close: async () => {}}
  if (!options.ckan && !options.inputs.some(isHttpInput)) return nothing
  if (!client) {
    if (options.ckan) throw new UsageError(`--ckan reads datasets from ${options.ckan}, and odcheck works offline.`, [OFFLINE_HINT])
    throw new UsageError(`${options.inputs.find(isHttpInput)} is a web address, and odcheck works offline.`, [OFFLINE_HINT])
  }
  const inputs = options.inputs.map((i) => (isHttpInput(i) ? client.withoutCredentials(i) : i))
  const ckanBase = options.ckan === undefined ? undefined : client.withoutCredentials(options.ckan)
  if (ckanBase !== undefined && !isHttpInput(ckanBase)) throw new UsageError(`--ckan ${ckanBase} is not a web address.`, ['Give the portal\'s address, e.g. --ckan https://data.gov.uk'])
  const datasets = remoteInputs(inputs, ckanBase).filter((r): r is CkanDatasetInput => r.kind === 'ckan')
  if (datasets.length === 0) return {...nothing, inputs}
  if (inputs.length > 1) {
    throw new UsageError('A CKAN dataset is checked on its own, with its record as the metadata.', [`Run odcheck once for ${datasets[0].url}, and again for the other inputs.`])
  }
  const tempDir = await mkdtemp(join(tmpdir(), 'odcheck-ckan-'))
  // Downloads never outlive the process, even when the run stops with an error before close().
  const removeOnExit = () => rmSync(tempDir, {recursive: true, force: true})
  process.once('exit', removeOnExit)
  const close = async () => {
    process.off('exit', removeOnExit)
    await rm(tempDir, {recursive: true, force: true})
  }
  try {
    const loaded = await loadCkanDataset(datasets[0], client, tempDir, options.cwd)
    return {inputs: [], metadataLoad: loaded.load, resources: loaded.resources, unreadable: loaded.unreadable, close}
  } catch (error) {
    await close()
    if (error instanceof CkanInputError) throw new UsageError(error.message, [error.hint])
    throw error
  }
}

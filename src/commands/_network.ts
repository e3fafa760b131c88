/**
 * The network flags of every command that runs the checks (check, stars, certificate), defined
 * once here: --online and its settings over the config's `online` and `network`, with defaults.
 */
import {resolve} from 'node:path'
import {Flags} from '@oclif/core'
import type {ResolvedConfig} from '../engine/config-types.js'
import {UsageError} from '../engine/errors.js'
import {DEFAULT_HTTP, defaultCacheDir, parseByteSize, type HttpSettings} from '../load/http/settings.js'
import {formatBytes} from '../shared/text.js'

export const networkFlags = {
  online: Flags.boolean({
    allowNo: true,
    description: 'check the links in the metadata (licence, downloads, documentation, landing page), and read web addresses given as inputs: a file, or a CKAN dataset by its page (https://data.gov.uk/dataset/NAME) or package_show URL (default: the config\'s online, else off)',
  }),
  'allow-private-network': Flags.boolean({description: 'with --online, also contact loopback and private-network addresses (a local test server, an intranet); never settable in a config file'}),
  ckan: Flags.string({description: 'with --online, read the inputs as dataset names on this CKAN portal, e.g. --ckan https://data.gov.uk NAME'}),
  timeout: Flags.string({description: `with --online, seconds to wait for each step of a request (default: ${DEFAULT_HTTP.timeoutMs / 1000})`}),
  retries: Flags.integer({min: 0, max: 10, description: `with --online, further attempts after a timeout, a dropped connection, 408, 429 or 5xx, with growing waits (default: ${DEFAULT_HTTP.retries})`}),
  'max-download': Flags.string({description: `with --online, largest file to download and check, e.g. 2GB (default: ${formatBytes(DEFAULT_HTTP.maxBytes)})`}),
  cache: Flags.boolean({allowNo: true, description: 'with --online, keep the answers of links that worked for a day, so repeat runs do not ask again (--no-cache to ask every time)'}),
  'cache-dir': Flags.string({description: 'folder of the link cache (default: $XDG_CACHE_HOME/odcheck, else ~/.cache/odcheck)'}),
}

export interface NetworkFlagValues {
  online?: boolean
  ckan?: string
  'allow-private-network'?: boolean
  timeout?: string
  retries?: number
  'max-download'?: string
  cache?: boolean
  'cache-dir'?: string
}

export interface NetworkChoice {
  online: boolean
  allowPrivateNetwork: boolean
  network: Partial<HttpSettings>
}

export function networkChoice(flags: NetworkFlagValues, config: ResolvedConfig, cwd: string): NetworkChoice {
  const online = flags.online ?? config.online ?? false
  const allowPrivateNetwork = flags['allow-private-network'] ?? false
  if (allowPrivateNetwork && !online) throw new UsageError('--allow-private-network has an effect only with --online.', ['Add --online, or leave out --allow-private-network.'])
  const fromConfig = config.network ?? {}
  const network: Partial<HttpSettings> = {}
  if (flags.timeout !== undefined) {
    const seconds = Number(flags.timeout)
    if (!(seconds > 0)) throw new UsageError(`--timeout ${flags.timeout} is not a number of seconds.`, ['For example: --timeout 10 (or 0.5)'])
    network.timeoutMs = seconds * 1000
  } else if (fromConfig.timeout !== undefined) network.timeoutMs = fromConfig.timeout * 1000
  const retries = flags.retries ?? fromConfig.retries
  if (retries !== undefined) network.retries = retries
  if (fromConfig.concurrency !== undefined) network.concurrency = fromConfig.concurrency
  const size = flags['max-download'] ?? fromConfig.maxDownload
  if (size !== undefined) {
    const bytes = parseByteSize(String(size))
    if (bytes === undefined) throw new UsageError(`${flags['max-download'] === undefined ? 'network.maxDownload' : '--max-download'} ${size} is not a size.`, ['For example: 500MB, 2GB or a number of bytes'])
    network.maxBytes = bytes
  }
  if (fromConfig.cacheMaxAge !== undefined) network.cacheMaxAgeMs = fromConfig.cacheMaxAge * 1000
  if (flags.cache ?? fromConfig.cache ?? true) network.cacheDir = flags['cache-dir'] !== undefined ? resolve(cwd, flags['cache-dir']) : fromConfig.cacheDir ?? defaultCacheDir()
  return {online, allowPrivateNetwork, network}
}

/** Turns what went wrong in an HTTP exchange into a reason code and a sentence a publisher can act on. */
import {formatBytes} from '../../shared/text.js'
import type {HttpFailure} from './types.js'

/** Raised inside an exchange; the codes below tell them apart after got wraps them. */
export class ExchangeError extends Error {
  constructor(
    readonly code: 'ERR_REDIRECT_LOOP' | 'ERR_TOO_LARGE',
    message: string,
  ) {
    super(message)
  }
}

export function tooLarge(maxBytes: number, declared?: number): ExchangeError {
  return new ExchangeError('ERR_TOO_LARGE', `it is ${declared === undefined ? 'larger than' : `${formatBytes(declared)}, more than`} the ${formatBytes(maxBytes)} odcheck downloads (--max-download)`)
}

const TLS = /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/

export function failureOf(error: unknown, timeoutMs: number): HttpFailure {
  const e = error as Error & {code?: string; cause?: Error & {code?: string}}
  const code = e.code ?? e.cause?.code ?? ''
  const message = e.cause?.message ?? e.message
  switch (code) {
    case 'EPRIVATE':
      return {reason: 'private-network', message}
    case 'ERR_REDIRECT_LOOP':
      return {reason: 'redirect-loop', message}
    case 'ERR_TOO_MANY_REDIRECTS':
      return {reason: 'too-many-redirects', message: 'it redirects more than 10 times'}
    case 'ERR_TOO_LARGE':
      return {reason: 'too-large', message}
    case 'ETIMEDOUT':
      return {reason: 'timeout', message: `no answer within ${timeoutMs / 1000} s`}
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return {reason: 'dns', message: 'the host name cannot be found'}
    case 'ECONNREFUSED':
      return {reason: 'connection', message: 'the server refused the connection'}
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'ERR_HTTP_CONTENT_LENGTH_MISMATCH':
      return {reason: 'connection', message: 'the connection was dropped before the answer was complete'}
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return {reason: 'connection', message: 'the server cannot be reached'}
    case 'ERR_INVALID_URL':
    case 'ERR_UNSUPPORTED_PROTOCOL':
      return {reason: 'invalid-url', message: 'it is not a valid http(s) URL'}
  }
  if (TLS.test(code)) return {reason: 'tls', message: `its HTTPS certificate is not valid (${code})`}
  return {reason: 'network', message: message || code || 'it cannot be fetched'}
}

export function statusFailure(status: number): HttpFailure {
  return {reason: 'http-status', message: `the server answered ${status}`}
}

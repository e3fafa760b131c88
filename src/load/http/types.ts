/** What an HTTP exchange gives back: always a value, never a throw, so one bad link never stops a run. */

export type HttpFailureReason =
  | 'invalid-url'
  | 'private-network'
  | 'dns'
  | 'connection'
  | 'tls'
  | 'timeout'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'http-status'
  | 'too-large'
  | 'network'

export interface HttpFailure {
  reason: HttpFailureReason
  /** What went wrong, in words, e.g. "no answer within 30 s". */
  message: string
}

export interface HttpResult {
  /** The URL asked for (without any user:password). */
  url: string
  /** Where the redirects led; the same as `url` when there were none. */
  finalUrl: string
  /** Each URL redirected to, in order. */
  redirects: string[]
  /** The last answer's status; absent when there was none (timeout, DNS, refused). */
  status?: number
  /** Response headers, lower-case names. */
  headers: Record<string, string>
  /** Set when the exchange failed: no answer, or an answer that is not 2xx. */
  error?: HttpFailure
  /** Read from the link cache rather than asked again. */
  cached?: boolean
}

export function isOk(result: HttpResult): boolean {
  return !result.error && result.status !== undefined && result.status >= 200 && result.status < 300
}

/**
 * Retrying with backoff. odcheck retries what may pass on a second try (a timeout, a dropped
 * connection, 408, 429, 5xx), never a refusal, a missing page or a redirect loop.
 */
import type {HttpResult} from './types.js'

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504, 521, 522, 524])
const MAX_RETRY_AFTER_MS = 30_000

export function isRetryable(result: HttpResult): boolean {
  if (result.error?.reason === 'timeout' || result.error?.reason === 'connection') return true
  return result.status !== undefined && RETRY_STATUSES.has(result.status)
}

/** Wait before retry `attempt` (1-based): the server's Retry-After if it gave one (capped), else base × 2^(attempt−1). */
export function retryDelay(attempt: number, baseMs: number, retryAfter?: string): number {
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now()
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS)
  }
  return Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_AFTER_MS)
}

/** Runs `attempt` until it gives a result not worth retrying, or `retries` further attempts are used up. */
export async function withRetries<T extends HttpResult>(retries: number, baseMs: number, attempt: () => Promise<T>): Promise<T> {
  let result = await attempt()
  for (let n = 1; n <= retries && isRetryable(result); n++) {
    await new Promise((resolve) => setTimeout(resolve, retryDelay(n, baseMs, result.headers['retry-after'])))
    result = await attempt()
  }
  return result
}

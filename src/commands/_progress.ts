/**
 * How far a long check is, on a terminal: once a run has taken half a second, oclif's spinner on
 * stderr names the file being checked, its place among the files and the share of it done
 * ("Checking... ⣾ spend-2025.csv (2 of 5) 45%"), and ends with "done" before the report. Nothing
 * is shown where stderr is not a terminal (CI logs, pipes) or when the run ends sooner.
 */
import {ux} from '@oclif/core'
import type {RunProgress} from '../engine/run.js'
import {visible} from '../report/formatters/visible.js'

/** The part of oclif's ux.action used here. */
export interface ProgressAction {
  start(action: string, status?: string): void
  status: string | undefined
  stop(message?: string): void
}

export interface ProgressOptions {
  /** Whether to show anything: by default when oclif would draw a spinner (stderr a terminal, not CI, not TERM=dumb). */
  enabled?: boolean
  action?: ProgressAction
  /** How long a run goes on before its progress is shown, and the least time between two updates. */
  delayMs?: number
  everyMs?: number
}

export interface TerminalProgress {
  /** For RunOptions.onProgress; undefined when nothing is shown, so the run reports nothing. */
  onProgress?: (progress: RunProgress) => void
  /** Ends the display: "done", or "stopped" when the run failed (call it either way). */
  done(succeeded?: boolean): void
  /** Runs `work` with the display on, ending it however `work` ends. */
  around<T>(work: Promise<T>): Promise<T>
}

export function describeProgress(p: RunProgress): string {
  const place = p.count > 1 ? ` (${p.index} of ${p.count})` : ''
  const share = p.size > 0 ? ` ${Math.min(100, Math.floor((p.bytes * 100) / p.size))}%` : ''
  return `${p.decompressing ? 'decompressing ' : ''}${visible(p.resource)}${place}${share}`
}

export function terminalProgress(options: ProgressOptions = {}): TerminalProgress {
  const action = options.action ?? ux.action
  const enabled = options.enabled ?? ux.action.type === 'spinner'
  if (!enabled) return {done() {}, around: (work) => work}
  const everyMs = options.everyMs ?? 100
  let latest: RunProgress | undefined
  let shownAt: number | undefined
  const timer = setTimeout(() => {
    if (!latest) return
    action.start('Checking', describeProgress(latest))
    shownAt = Date.now()
  }, options.delayMs ?? 500)
  timer.unref()
  return {
    onProgress(progress) {
      latest = progress
      if (shownAt === undefined || Date.now() - shownAt < everyMs) return
      action.status = describeProgress(progress)
      shownAt = Date.now()
    },
    done(succeeded = true) {
      clearTimeout(timer)
      if (shownAt !== undefined) action.stop(succeeded ? 'done' : 'stopped')
      shownAt = undefined
    },
    around(work) {
      return work.then(
        (result) => {
          this.done()
          return result
        },
        (error: unknown) => {
          this.done(false)
          throw error
        },
      )
    },
  }
}

/** Runs the built odcheck binary as a user would, without colour, and captures what it prints. */
import {execFile} from 'node:child_process'
import {join} from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..')
const bin = join(repoRoot, 'bin', 'run.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function odcheck(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {cwd: options.cwd ?? repoRoot, env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env}, maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({code, stdout, stderr})
      },
    )
  })
}

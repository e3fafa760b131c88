/**
 * Runs one command as a child process and measures its wall time, CPU time and peak RSS: with
 * GNU time (/usr/bin/time) when present, else by polling the child's VmHWM in /proc (Linux).
 */
import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const GNU_TIME = '/usr/bin/time'
export const hasGnuTime = existsSync(GNU_TIME)

/** @returns {Promise<{wall: number, cpu?: number, rssMB?: number, code: number, stdout: string, stderr: string}>} */
export async function measure(command, args, {okCodes = [0]} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-bench-'))
  const timeFile = join(dir, 'time.txt')
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]] : [command, args]
  const started = process.hrtime.bigint()
  const child = spawn(file, argv, {stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  let polledKB = 0
  const poll = hasGnuTime
    ? undefined
    : setInterval(() => {
        try {
          const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
          if (kb > polledKB) polledKB = kb
        } catch {}
      }, 20)
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)))
  if (poll) clearInterval(poll)
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  let cpu
  let rssMB = polledKB ? polledKB / 1024 : undefined
  if (hasGnuTime && existsSync(timeFile)) {
    const [, user, sys, maxKB] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number)
    cpu = user + sys
    rssMB = maxKB / 1024
    // GNU time prints "Command exited with non-zero status N" first; the child's own code is `code`.
  }
  rmSync(dir, {recursive: true, force: true})
  if (!okCodes.includes(code)) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`)
  return {wall, cpu, rssMB, code, stdout, stderr}
}

/** The fastest of `runs` measurements of a command (wall time). */
export async function best(command, args, runs, options) {
  let result
  for (let i = 0; i < runs; i++) {
    const r = await measure(command, args, options)
    if (!result || r.wall < result.wall) result = r
  }
  return result
}

/**
 * Run a committed bundle, dist/<action>/index.js, exactly as the GitHub runner does: INPUT_* variables
 * (with action.yml's defaults applied, as the runner applies them), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, RUNNER_TEMP and RUNNER_TOOL_CACHE. Outputs are read back from the file.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import assert from 'node:assert/strict'
import { parse } from 'yaml'
import { inputEnvName, parseOutputFile } from '../../cli/main.js'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..')

export interface DistRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** stdout + stderr, for "never appears in any log" checks. */
  log: string
}

export interface DistOptions {
  /** Extra environment (e.g. PATH with test doubles first, BUILD_SNAPS_HTTP_* policy). */
  env?: Record<string, string | undefined>
  cwd?: string
  /** Reuse a tool cache directory across runs (cache tests); default: a fresh one per run. */
  toolCache?: string
  /** Called with the child process once it is spawned (the kill tests). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
  /** A command that runs node and the bundle as its last two arguments (e.g. unshare ... sh -c '...; exec "$@"' sh). */
  prefix?: string[]
}

export function tempDir(prefix = 'bs-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

export function actionDefaults(action: string): Record<string, string> {
  const yml = parse(readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(yml.inputs ?? {})) if (v.default !== undefined) out[k] = String(v.default)
  return out
}

export async function runDist(action: string, inputs: Record<string, string>, opts: DistOptions = {}): Promise<DistRun> {
  const work = tempDir(`bs-${action}-`)
  const outputFile = path.join(work, 'github_output')
  const summaryFile = path.join(work, 'step_summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const runnerTemp = path.join(work, 'runner_temp')
  mkdirSync(runnerTemp)
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('ACTIONS_') && !k.startsWith('GITHUB_')) env[k] = v
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: opts.toolCache ?? path.join(work, 'tool_cache'),
    BUILD_SNAPS_NO_INSTALL: '1',
    SOURCE_DATE_EPOCH: '1700000000',
  })
  for (const [k, v] of Object.entries({ ...actionDefaults(action), ...inputs })) env[inputEnvName(k)] = v
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const bundle = path.join(repoRoot, 'dist', action, 'index.js')
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = [...(opts.prefix ?? []), process.execPath, bundle]
    const child = spawn(cmd, args, { env, cwd: opts.cwd ?? work, stdio: ['ignore', 'pipe', 'pipe'] })
    opts.onSpawn?.(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({
        exitCode: code ?? -1,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        log: stdout + stderr,
      })
    })
  })
}

/** The `::error::` lines of a run (how the runner shows a failed step). */
export function errorLines(run: DistRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
}

/** A clear failure: exit 1, exactly one error line, no stack trace. Returns the line's message. */
export function clearFailure(run: DistRun): string {
  // node:assert, not vitest's expect, so the benchmarks (bench/*.ts, run by vite-node) can import this module.
  assert.equal(run.exitCode, 1, run.log)
  const errs = errorLines(run)
  assert.equal(errs.length, 1, run.log)
  assert.doesNotMatch(run.log, /\n\s+at /, run.log)
  return errs[0].slice('::error::'.length)
}

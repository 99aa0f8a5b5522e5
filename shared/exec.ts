/** Run a program with an argument array (never a shell string), capture its output, redact secrets. */
import { getExecOutput } from '@actions/exec'
import { accessSync, constants } from 'node:fs'
import path from 'node:path'
import { UserError } from './errors.js'
import { redact } from './log.js'

export interface RunOptions {
  cwd?: string
  /** Added to (not replacing) the current environment. */
  env?: Record<string, string | undefined>
  input?: string | Buffer
  /** Do not throw on a non-zero exit; the caller reads exitCode. */
  allowFailure?: boolean
  /** Each line of stdout and stderr as it comes (redacted), for long runs whose progress the log should show. */
  onLine?: (line: string) => void
}

export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
}

export async function run(program: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v
  const input = opts.input === undefined ? undefined : Buffer.from(opts.input)
  let res: RunResult
  try {
    const onLine = opts.onLine
    const listeners = onLine ? { stdline: (l: string) => onLine(redact(l)), errline: (l: string) => onLine(redact(l)) } : undefined
    res = await getExecOutput(program, args, { cwd: opts.cwd, env, input, silent: true, ignoreReturnCode: true, listeners })
  } catch (e) {
    throw new UserError(`cannot run ${program}: ${redact(e instanceof Error ? e.message : String(e))}`)
  }
  if (res.exitCode !== 0 && !opts.allowFailure) {
    const tail = lastLines(res.stderr || res.stdout, 3)
    throw new UserError(redact(`${path.basename(program)} ${args.join(' ')} exited with ${res.exitCode}${tail ? `: ${tail}` : ''}`))
  }
  return res
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' | ')
}

/** Find a program on PATH (or the given PATH); undefined when absent. */
export function which(program: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  if (program.includes('/')) return isExecutable(program) ? program : undefined
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, program)
    if (isExecutable(candidate)) return candidate
  }
  return undefined
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK)
    return true
  } catch {
    return false
  }
}

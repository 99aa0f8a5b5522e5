/**
 * The one way the store backends run their store CLI (charmcraft, snapcraft): an argument array, the credential
 * only in the child's environment, transient failures (timeouts, resets, 502/503/504) retried with backoff
 * (shared/retry.ts), anything else one StoreError with the store's own words, redacted.
 */
import path from 'node:path'
import { UserError } from './errors.js'
import { run } from './exec.js'
import { redact } from './log.js'
import { RetryFailure, envNumber, withRetry, type RetryPolicy } from './retry.js'

export type Log = (message: string) => void

export type StorePolicy = RetryPolicy

/** Defaults, overridable through the environment (the tests use short backoffs). */
export function storePolicy(env = process.env): StorePolicy {
  return { attempts: envNumber(env, 'BUILD_SNAPS_STORE_ATTEMPTS', 4), backoffMs: envNumber(env, 'BUILD_SNAPS_STORE_BACKOFF_MS', 2000) }
}

const TRANSIENT_RE =
  /timed? ?out|timeout|connection (reset|refused|aborted)|ECONNRESET|ETIMEDOUT|EAI_AGAIN|temporar(il)?y unavailable|\b50[234]\b/i

export function isTransient(message: string): boolean {
  return TRANSIENT_RE.test(message)
}

/** A store command failed; `message` is the store's own text (its JSON errors, else its last lines). */
export class StoreError extends UserError {
  constructor(
    readonly argv: string[],
    readonly storeMessage: string,
    readonly codes: string[] = [],
  ) {
    super(`${argv.slice(0, 2).join(' ')} failed: ${storeMessage}`)
  }
}

export class Cli {
  constructor(
    readonly program: string,
    private readonly env: Record<string, string>,
    private readonly log: Log,
    private readonly policy: StorePolicy,
    /** The tool's structured errors (charmcraft's JSON on stdout; snapcraft's `- code: message` lines), if any. */
    private readonly readErrors?: (stdout: string, stderr: string) => Array<{ code: string; message: string }> | undefined,
  ) {}

  /** Run one store command; retry transient failures; return stdout. */
  async call(args: string[]): Promise<string> {
    const argv = [path.basename(this.program), ...args]
    const judge = (e: unknown) => {
      const message = e instanceof StoreError ? e.storeMessage : String(e)
      return { retry: isTransient(message), message: `transient store error (${message})` }
    }
    try {
      return await withRetry({ policy: this.policy, label: args[0], log: this.log, judge }, async () => {
        const res = await run(this.program, args, { env: this.env, allowFailure: true })
        if (res.exitCode === 0) return res.stdout
        const json = this.readErrors?.(res.stdout, res.stderr)
        if (json)
          throw new StoreError(
            argv,
            redact(json.map((e) => `${e.code}: ${e.message}`).join('; ')),
            json.map((e) => e.code),
          )
        throw new StoreError(argv, redact(storeMessage(res.stderr, res.stdout, res.exitCode)))
      })
    } catch (e) {
      if (!(e instanceof RetryFailure) || !(e.last instanceof StoreError)) throw e
      throw new StoreError(argv, e.last.storeMessage + (e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''), e.last.codes)
    }
  }

  async json(args: string[]): Promise<unknown> {
    const out = await this.call(args)
    try {
      return JSON.parse(out)
    } catch {
      throw new UserError(
        `${this.program} ${args[0]}: expected JSON, got '${redact(out.trim().slice(0, 200))}'; is this charmcraft 2.x or newer?`,
      )
    }
  }
}

/** The store's own words: the last non-empty lines of stderr (else stdout), on one line; silence: the exit code. */
function storeMessage(stderr: string, stdout: string, exitCode: number): string {
  const lines = (stderr.trim() || stdout.trim() || `exit code ${exitCode}, nothing printed`)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  return lines.slice(-3).join(' | ')
}

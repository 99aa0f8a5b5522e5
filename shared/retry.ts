/**
 * The one retry helper: a bounded number of attempts with exponential backoff (or the delay a server
 * asked for), used by the download path and the store client alike. The caller decides what is
 * transient; this module only counts, waits and says so in the log.
 */

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  attempts: number
  /** First backoff delay in ms; doubles each retry. */
  backoffMs: number
}

/** What the caller makes of one failed attempt. */
export interface Verdict {
  /** Another attempt may succeed. */
  retry: boolean
  /** The delay the other side asked for (Retry-After), instead of the backoff. */
  delayMs?: number
  /** One line for the log. */
  message: string
}

export interface RetryOptions {
  policy: RetryPolicy
  /** Names what is retried in the log, e.g. a URL or a store command. */
  label: string
  log: (message: string) => void
  judge: (error: unknown) => Verdict
}

/** A positive number from the environment, else the fallback. */
export function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name]
  const n = Number(v)
  return v && Number.isFinite(n) && n > 0 ? n : fallback
}

/** The attempts ended in failure: the last error, what the caller made of it, and how many attempts were made. */
export class RetryFailure extends Error {
  constructor(
    readonly last: unknown,
    readonly verdict: Verdict,
    readonly attempts: number,
  ) {
    super(verdict.message)
  }
}

/** Run attempt(n) until it succeeds, the verdict says not to retry, or the attempts run out (then RetryFailure). */
export async function withRetry<T>(opts: RetryOptions, attempt: (n: number) => Promise<T>): Promise<T> {
  const { policy } = opts
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (e) {
      const verdict = opts.judge(e)
      if (!verdict.retry || n >= policy.attempts) throw new RetryFailure(e, verdict, n)
      const delay = verdict.delayMs ?? policy.backoffMs * 2 ** (n - 1)
      opts.log(`${opts.label}: ${verdict.message}; retrying in ${Math.round(delay)} ms (attempt ${n + 1} of ${policy.attempts})`)
      await new Promise((r) => setTimeout(r, delay))
    }
  }
}

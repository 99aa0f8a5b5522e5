/**
 * The one download path: HTTP(S) with an idle timeout, retry with backoff on 5xx/429/connection errors
 * (never on other 4xx), sha256 verification while streaming, and a cache keyed by URL + digest.
 * A failed download leaves no partial file and no cache entry: bytes go to a temporary name and are
 * renamed into place only after the digest matched.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UserError, errorMessage } from './errors.js'
import { copyAtomic } from './files.js'
import { RetryFailure, envNumber, withRetry } from './retry.js'

export interface DownloadPolicy {
  /** Seconds without a byte (or without response headers) before an attempt is abandoned. */
  timeoutSeconds: number
  /** Attempts in all, including the first. */
  attempts: number
  /** First backoff delay in ms; doubles each retry. */
  backoffMs: number
}

/** Defaults, overridable for slow mirrors (and by the tests) through the environment. */
export function downloadPolicy(env = process.env): DownloadPolicy {
  return {
    timeoutSeconds: envNumber(env, 'BUILD_SNAPS_HTTP_TIMEOUT', 60),
    attempts: envNumber(env, 'BUILD_SNAPS_HTTP_ATTEMPTS', 4),
    backoffMs: envNumber(env, 'BUILD_SNAPS_HTTP_BACKOFF_MS', 1000),
  }
}

/** Why an attempt failed, and whether another attempt may succeed. */
class AttemptError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message)
  }
}

export type Logger = (message: string) => void

async function withRetries<T>(url: string, policy: DownloadPolicy, log: Logger, attempt: (signal: AbortSignal, bump: () => void) => Promise<T>): Promise<T> {
  const judge = (e: unknown) => {
    const a = toAttemptError(e)
    return { retry: a.retryable, delayMs: a.retryAfterMs, message: a.message }
  }
  try {
    return await withRetry({ policy, label: url, log, judge }, async () => {
      const ctl = new AbortController()
      let timer: NodeJS.Timeout | undefined
      const bump = () => {
        clearTimeout(timer)
        timer = setTimeout(() => ctl.abort(new AttemptError(`no data for ${policy.timeoutSeconds}s (timed out)`, true)), policy.timeoutSeconds * 1000)
      }
      bump()
      try {
        return await attempt(ctl.signal, bump)
      } catch (e) {
        throw ctl.signal.aborted ? ctl.signal.reason : e
      } finally {
        clearTimeout(timer)
      }
    })
  } catch (e) {
    if (!(e instanceof RetryFailure)) throw e
    const tries = e.verdict.retry ? ` after ${e.attempts} attempts` : ''
    throw new UserError(`download failed: ${url}: ${e.verdict.message}${tries}`)
  }
}

function toAttemptError(e: unknown): AttemptError {
  if (e instanceof AttemptError) return e
  if (e instanceof UserError) return new AttemptError(e.message, false)
  const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : ''
  return new AttemptError(`connection error (${errorMessage(e)}${cause})`, true)
}

async function open(url: string, signal: AbortSignal): Promise<Response> {
  const res = await fetch(url, { signal, redirect: 'follow' })
  if (res.ok) return res
  await res.body?.cancel().catch(() => undefined)
  const status = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`
  if (res.status >= 500 || res.status === 429 || res.status === 408) {
    const ra = Number(res.headers.get('retry-after'))
    throw new AttemptError(status, true, Number.isFinite(ra) && ra > 0 ? Math.min(ra, 30) * 1000 : undefined)
  }
  throw new AttemptError(`${status} (not retried)`, false)
}

/** GET a small text resource (stable.txt, a .sha256 file) with the same timeout and retry policy. */
export async function fetchText(url: string, log: Logger, policy = downloadPolicy()): Promise<string> {
  return withRetries(url, policy, log, async (signal) => {
    const res = await open(url, signal)
    return (await res.text()).trim()
  })
}

/** The first hex digest of a .sha256/.sha512 file ("<hex>" or "<hex>  <name>"). */
export function parseDigestFile(text: string, algorithm: 'sha256' | 'sha512', url: string): string {
  const len = algorithm === 'sha256' ? 64 : 128
  const m = text.trim().match(new RegExp(`^([0-9a-fA-F]{${len}})(\\s|$)`))
  if (!m) throw new UserError(`${url}: not a ${algorithm} digest file (expected ${len} hex digits)`)
  return m[1].toLowerCase()
}

export interface DownloadOptions {
  /** Expected sha256 (hex). Required: every download is verified. */
  sha256: string
  /** Cache directory root; omit to disable caching. */
  cacheDir?: string
  log: Logger
  policy?: DownloadPolicy
}

export interface DownloadResult {
  path: string
  sha256: string
  size: number
  cached: boolean
}

export function cachePath(cacheDir: string, url: string, sha256: string): string {
  const urlKey = createHash('sha256').update(url).digest('hex').slice(0, 32)
  return path.join(cacheDir, 'downloads', urlKey, sha256, path.basename(new URL(url).pathname) || 'file')
}

/** Download url to dest, verified against sha256, through the cache when one is given. */
export async function download(url: string, dest: string, opts: DownloadOptions): Promise<DownloadResult> {
  const expected = opts.sha256.toLowerCase()
  const policy = opts.policy ?? downloadPolicy()
  await mkdir(path.dirname(dest), { recursive: true })
  const cached = opts.cacheDir ? cachePath(opts.cacheDir, url, expected) : undefined
  if (cached) {
    const st = await stat(cached).catch(() => undefined)
    if (st?.isFile()) {
      await copyAtomic(cached, dest)
      return { path: dest, sha256: expected, size: st.size, cached: true }
    }
  }
  const tmp = `${dest}.part-${process.pid}-${Math.random().toString(36).slice(2)}`
  try {
    const { size, digest } = await withRetries(url, policy, opts.log, async (signal, bump) => {
      const res = await open(url, signal)
      if (!res.body) throw new AttemptError('empty response', true)
      const declared = Number(res.headers.get('content-length') ?? NaN)
      const hash = createHash('sha256')
      let got = 0
      const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream)
      body.on('data', (chunk: Buffer) => {
        got += chunk.length
        hash.update(chunk)
        bump()
      })
      await pipeline(body, createWriteStream(tmp))
      if (Number.isFinite(declared) && got !== declared) {
        throw new AttemptError(`truncated body: got ${got} of ${declared} bytes`, true)
      }
      return { size: got, digest: hash.digest('hex') }
    })
    if (digest !== expected) {
      throw new UserError(`checksum mismatch: ${url}: sha256 is ${digest}, expected ${expected}; the file or its .sha256 is wrong upstream (nothing was kept or cached)`)
    }
    if (cached) {
      await mkdir(path.dirname(cached), { recursive: true })
      await copyAtomic(tmp, cached)
    }
    await rename(tmp, dest)
    return { path: dest, sha256: digest, size, cached: false }
  } finally {
    await rm(tmp, { force: true })
  }
}

/** Download url after reading its digest from `<url>.sha256` (the dl.k8s.io and GitHub releases layout). */
export async function downloadWithSha256File(url: string, dest: string, opts: Omit<DownloadOptions, 'sha256'>): Promise<DownloadResult> {
  const digestUrl = `${url}.sha256`
  const sha256 = parseDigestFile(await fetchText(digestUrl, opts.log, opts.policy), 'sha256', digestUrl)
  return download(url, dest, { ...opts, sha256 })
}

/** The sha256 of `fileName` in a SHA256SUMS listing (`<hex>  <name>` or `<hex> *<name>` lines). */
export function digestFromSums(text: string, fileName: string, url: string): string {
  for (const line of text.split(/\r?\n/)) {
    const m = line.trim().match(/^([0-9a-fA-F]{64})\s+\*?(?:\.\/)?(\S+)$/)
    if (m && m[2] === fileName) return m[1].toLowerCase()
  }
  throw new UserError(`${url} lists no sha256 for ${fileName}; check the version and architecture`)
}

/**
 * The one download path: HTTP(S) with an idle timeout, retry with backoff on 5xx/408/429/connection errors
 * (never on other 4xx), sha256 verification while streaming, and a cache keyed by URL + digest.
 * A failed download leaves no partial file and no cache entry: bytes go to a temporary name that carries
 * the writer's pid (so a later run can sweep what a killed one left, see shared/paths.ts) and are renamed
 * into place only after the digest matched.
 *
 * The HTTP client is Node's own node:http/node:https, on purpose: it ships with the runtime, every failure
 * of a request or a response is an 'error' event this module listens to, and nothing a dependency installs
 * changes it. (Node's global fetch() runs on the dispatcher stored under
 * Symbol.for('undici.globalDispatcher.1'), and the undici that @actions/http-client depends on puts its own
 * Agent there when it loads (nodejs/undici, lib/global.js); in the bundle, that copy's HTTP parser threw an
 * uncaught `assert(!this.paused)` from Parser.finish on close-delimited HTTP/1.0 bodies.)
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UserError, errorMessage } from './errors.js'
import { copyAtomic } from './files.js'
import { redact } from './log.js'
import { sweepDeadTemps, tempName } from './paths.js'
import { RetryFailure, envNumber, withRetry } from './retry.js'
import * as core from './workflow-commands.js'

export interface DownloadPolicy {
  /** Seconds without a byte (or without response headers) before an attempt is abandoned. */
  timeoutSeconds: number
  /** Attempts in all, including the first. */
  attempts: number
  /** First backoff delay in ms; doubles each retry. */
  backoffMs: number
  /** The most bytes one response may carry (a body without end, or far larger than any release file, is cut off). */
  maxBytes?: number
}

/** Defaults, overridable for slow mirrors (and by the tests) through the environment. */
export function downloadPolicy(env = process.env): DownloadPolicy {
  return {
    timeoutSeconds: envNumber(env, 'BUILD_SNAPS_HTTP_TIMEOUT', 60),
    attempts: envNumber(env, 'BUILD_SNAPS_HTTP_ATTEMPTS', 4),
    backoffMs: envNumber(env, 'BUILD_SNAPS_HTTP_BACKOFF_MS', 1000),
    maxBytes: envNumber(env, 'BUILD_SNAPS_HTTP_MAX_MB', 2048) * 1024 * 1024,
  }
}

/** Redirects followed before a chain is called a loop (browsers and curl use 20 and 50; no mirror needs more than 2). */
export const MAX_REDIRECTS = 10
/** Small text resources (stable.txt, .sha256, SHA256SUMS) larger than this are not what they claim to be. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024

/** Why an attempt failed, and whether another attempt may succeed. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

export type Logger = (message: string) => void

/** A URL as every line shows it: without user:password@ (a --base-url may carry them; they never reach a log). */
export function urlForLog(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1')
}

async function withRetries<T>(
  url: string,
  policy: DownloadPolicy,
  log: Logger,
  attempt: (signal: AbortSignal, bump: () => void) => Promise<T>,
): Promise<T> {
  const judge = (e: unknown) => {
    const a = toAttemptError(e)
    return { retry: a.retryable, delayMs: a.retryAfterMs, message: a.message }
  }
  const shown = urlForLog(url)
  try {
    return await withRetry({ policy, label: shown, log, judge }, async () => {
      const ctl = new AbortController()
      let timer: NodeJS.Timeout | undefined
      const bump = () => {
        clearTimeout(timer)
        timer = setTimeout(
          () => ctl.abort(new AttemptError(`no data for ${policy.timeoutSeconds}s (timed out)`, true)),
          policy.timeoutSeconds * 1000,
        )
      }
      bump()
      try {
        return await attempt(ctl.signal, bump)
      } catch (e) {
        throw ctl.signal.aborted ? ctl.signal.reason : e
      } finally {
        clearTimeout(timer)
        ctl.abort(new AttemptError('attempt over', false)) // ends whatever of this attempt still runs (a socket, a stream)
      }
    })
  } catch (e) {
    if (!(e instanceof RetryFailure)) throw e
    if (e.last instanceof UserError) throw e.last
    const tries = e.verdict.retry ? ` after ${e.attempts} attempts` : ''
    throw new UserError(`download failed: ${shown}: ${e.verdict.message}${tries}`)
  }
}

function toAttemptError(e: unknown): AttemptError {
  if (e instanceof AttemptError) return e
  if (e instanceof UserError) return new AttemptError(e.message, false)
  const code = (e as NodeJS.ErrnoException)?.code
  const msg = errorMessage(e)
  const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : ''
  const withCode = code && !msg.includes(code) ? `${msg} ${code}` : msg
  // Disk trouble while writing is not the server's: say so and do not retry.
  if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' || code === 'EDQUOT')
    return new AttemptError(`cannot write the download (${withCode})`, false)
  return new AttemptError(`connection error (${withCode}${cause})`, true)
}

// Our own agents: keep-alive (a mirror serves many files), independent of http.globalAgent.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
}

/** One GET, no redirects followed; every error of the request (and, once it is answered, of the response) rejects or is listened to. */
function get(url: URL, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http
    const req = mod.get(
      url,
      {
        agent: agents[url.protocol as 'http:' | 'https:'],
        signal,
        headers: { 'user-agent': 'build-snaps', 'accept-encoding': 'identity' },
      },
      (res) => {
        res.on('error', () => undefined) // the consumer's pipeline sees it too; this one only keeps an early error from escaping
        resolve(res)
      },
    )
    req.on('error', reject) // stays attached: a socket error after the response was handed over never escapes
  })
}

const seenHosts = new Set<string>()

/** GET url, following redirects (at most MAX_REDIRECTS, never from https to http); a non-2xx answer throws. */
async function open(url: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  let current = new URL(url)
  for (let hops = 0; ; hops++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw new AttemptError(`redirected to ${current.protocol} URL ${urlForLog(current.href)}, which is not http(s) (not retried)`, false)
    const res = await get(current, signal)
    const status = res.statusCode ?? 0
    if (status >= 200 && status < 300) return res
    res.resume() // drain, so a keep-alive socket goes back to the pool
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      if (hops >= MAX_REDIRECTS) throw new AttemptError(`more than ${MAX_REDIRECTS} redirects (a redirect loop?) (not retried)`, false)
      const next = new URL(res.headers.location, current)
      if (current.protocol === 'https:' && next.protocol === 'http:')
        throw new AttemptError(`redirected from https to plain http (${urlForLog(next.href)}); refused (not retried)`, false)
      if (next.host !== current.host && !seenHosts.has(`${current.host}>${next.host}`)) {
        seenHosts.add(`${current.host}>${next.host}`)
        core.info(redact(`${urlForLog(url)}: redirected to another host, ${next.host}`))
      }
      current = next
      continue
    }
    const line = `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`
    if (status >= 500 || status === 429 || status === 408) throw new AttemptError(line, true, retryAfterMs(res.headers['retry-after']))
    throw new AttemptError(`${line} (not retried)`, false)
  }
}

/** Retry-After in seconds or as an HTTP date, capped at 30 s. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined
  const secs = Number(value)
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(value) - Date.now()
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 30_000) : undefined
}

/** The declared length, refused when over the limit; NaN when the body is chunked or ends with the connection. */
function declaredLength(res: http.IncomingMessage, limit: number): number {
  const declared = Number(res.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limit)
    throw new AttemptError(
      `the server declares ${declared} bytes, more than the limit of ${limit} (BUILD_SNAPS_HTTP_MAX_MB) (not retried)`,
      false,
    )
  return declared
}

/** Counts, hashes and caps the bytes of a body, and bumps the idle timer on each chunk. */
function meter(limit: number, bump: () => void): Transform & { got: number; hash: ReturnType<typeof createHash> } {
  const hash = createHash('sha256')
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      t.got += chunk.length
      bump()
      if (t.got > limit)
        return cb(new AttemptError(`the body goes on past ${limit} bytes (BUILD_SNAPS_HTTP_MAX_MB); cut off (not retried)`, false))
      hash.update(chunk)
      cb(null, chunk)
    },
  }) as Transform & { got: number; hash: ReturnType<typeof createHash> }
  t.got = 0
  t.hash = hash
  return t
}

function checkLength(got: number, declared: number): void {
  if (Number.isFinite(declared) && got !== declared) throw new AttemptError(`truncated body: got ${got} of ${declared} bytes`, true)
}

/** The HTTP status a failed download or fetchText was answered with (a 404, a 403), undefined when there was none. */
export function httpStatusOf(e: unknown): number | undefined {
  const m = /: HTTP (\d{3})\b/.exec(errorMessage(e))
  return m ? Number(m[1]) : undefined
}

/** GET a small text resource (stable.txt, a .sha256 file) with the same timeout and retry policy. */
export async function fetchText(url: string, log: Logger, policy = downloadPolicy()): Promise<string> {
  const limit = Math.min(policy.maxBytes ?? MAX_TEXT_BYTES, MAX_TEXT_BYTES)
  return withRetries(url, policy, log, async (signal, bump) => {
    const res = await open(url, signal)
    const declared = declaredLength(res, limit)
    const chunks: Buffer[] = []
    const m = meter(limit, bump)
    m.on('data', (c: Buffer) => chunks.push(c))
    await pipeline(res, m)
    checkLength(m.got, declared)
    return Buffer.concat(chunks).toString('utf8').trim()
  })
}

/** The first hex digest of a .sha256/.sha512 file ("<hex>" or "<hex>  <name>"). */
export function parseDigestFile(text: string, algorithm: 'sha256' | 'sha512', url: string): string {
  const len = algorithm === 'sha256' ? 64 : 128
  const m = text.trim().match(new RegExp(`^([0-9a-fA-F]{${len}})(\\s|$)`))
  if (m) return m[1].toLowerCase()
  if (/^\s*</.test(text))
    throw new UserError(
      `${urlForLog(url)}: an HTML page, not a ${algorithm} digest file (a login, proxy or error page?); check the base URL`,
    )
  throw new UserError(`${urlForLog(url)}: not a ${algorithm} digest file (expected ${len} hex digits)`)
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

/** Copy src to dest through a temporary name, hashing on the way; the sha256 of what was copied. */
async function copyHashed(src: string, dest: string): Promise<string> {
  const tmp = tempName(dest)
  const hash = createHash('sha256')
  try {
    await pipeline(
      createReadStream(src),
      new Transform({ transform: (c: Buffer, _e, cb) => (hash.update(c), cb(null, c)) }),
      createWriteStream(tmp),
    )
    await rename(tmp, dest)
  } finally {
    await rm(tmp, { force: true })
  }
  return hash.digest('hex')
}

/** A verified cache entry copied to dest, or undefined (absent, or damaged: then it is dropped). */
async function fromCache(cached: string, dest: string, expected: string, log: Logger): Promise<number | undefined> {
  await sweepDeadTemps(path.dirname(cached))
  const st = await stat(cached).catch(() => undefined)
  if (!st?.isFile()) return undefined
  if ((await copyHashed(cached, dest)) === expected) return st.size
  log(`${cached}: cache entry does not match its sha256; dropped, downloading again`)
  await rm(cached, { force: true })
  await rm(dest, { force: true })
  return undefined
}

/** Download url to dest, verified against sha256, through the cache when one is given. */
export async function download(url: string, dest: string, opts: DownloadOptions): Promise<DownloadResult> {
  const expected = opts.sha256.toLowerCase()
  const policy = opts.policy ?? downloadPolicy()
  const limit = policy.maxBytes ?? downloadPolicy().maxBytes!
  await mkdir(path.dirname(dest), { recursive: true })
  const cached = opts.cacheDir ? cachePath(opts.cacheDir, url, expected) : undefined
  if (cached) {
    const size = await fromCache(cached, dest, expected, opts.log)
    if (size !== undefined) return { path: dest, sha256: expected, size, cached: true }
  }
  const tmp = tempName(dest, 'part')
  let closeRetried = false
  try {
    const size = await withRetries(url, policy, opts.log, async (signal, bump) => {
      const res = await open(url, signal)
      const declared = declaredLength(res, limit)
      const closeDelimited = !Number.isFinite(declared) && !/chunked/i.test(String(res.headers['transfer-encoding'] ?? ''))
      const m = meter(limit, bump)
      await pipeline(res, m, createWriteStream(tmp))
      checkLength(m.got, declared)
      const digest = m.hash.digest('hex')
      if (digest !== expected) {
        // A body that ends when the connection closes cannot tell a cut-off from the end: try it once more.
        if (closeDelimited && !closeRetried) {
          closeRetried = true
          throw new AttemptError(`sha256 mismatch on a body ended by the connection closing (${m.got} bytes; cut off?)`, true)
        }
        throw new UserError(
          `checksum mismatch: ${urlForLog(url)}: sha256 is ${digest}, expected ${expected}; the file or its .sha256 is wrong upstream (nothing was kept or cached)`,
        )
      }
      return m.got
    })
    if (cached) {
      await mkdir(path.dirname(cached), { recursive: true })
      await copyAtomic(tmp, cached)
    }
    await rename(tmp, dest)
    return { path: dest, sha256: expected, size, cached: false }
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
  if (/^\s*</.test(text))
    throw new UserError(`${urlForLog(url)}: an HTML page, not a SHA256SUMS listing (a login, proxy or error page?); check the base URL`)
  throw new UserError(`${urlForLog(url)} lists no sha256 for ${fileName}; check the version and architecture`)
}

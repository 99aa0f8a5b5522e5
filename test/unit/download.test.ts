import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type Mirror, startMirror } from '../../cli/mirror.js'
import { cachePath, download, downloadWithSha256File, parseDigestFile } from '../../shared/download.js'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir, sweepDeadTemps, tempName, tempOwner } from '../../shared/paths.js'
import { tempDir } from '../helpers/runner.js'

const policy = { timeoutSeconds: 1, attempts: 3, backoffMs: 5 }
const body = Buffer.alloc(256 * 1024)
for (let i = 0; i < body.length; i++) body[i] = (i * 7919) % 251
const digest = createHash('sha256').update(body).digest('hex')

let root: string
let mirror: Mirror
const logs: string[] = []
const log = (m: string) => logs.push(m)

beforeAll(async () => {
  root = tempDir('bs-dl-')
  mkdirSync(path.join(root, 'f'))
  writeFileSync(path.join(root, 'f', 'blob'), body)
  writeFileSync(path.join(root, 'f', 'blob.sha256'), `${digest}  blob\n`)
  mirror = await startMirror(root)
})
afterAll(() => mirror.close())
beforeEach(() => {
  mirror.faults.length = 0
  mirror.requests.length = 0
  logs.length = 0
})

const url = () => `${mirror.url}/f/blob`
const fresh = () => {
  const d = tempDir('bs-dl-out-')
  return { dest: path.join(d, 'out', 'blob'), cache: path.join(d, 'cache'), dir: d }
}

describe('download: the one download path', () => {
  test('verifies and caches; the second call is served from the cache with no request', async () => {
    const { dest, cache } = fresh()
    const r1 = await download(url(), dest, { sha256: digest, cacheDir: cache, log, policy })
    expect(r1).toMatchObject({ sha256: digest, size: body.length, cached: false })
    expect(readFileSync(dest).equals(body)).toBe(true)
    expect(existsSync(cachePath(cache, url(), digest))).toBe(true)
    const dest2 = dest + '2'
    const r2 = await download(url(), dest2, { sha256: digest, cacheDir: cache, log, policy })
    expect(r2.cached).toBe(true)
    expect(readFileSync(dest2).equals(body)).toBe(true)
    expect(mirror.requests).toEqual(['/f/blob'])
  })

  test.each([
    ['a 500 once', { kind: 'status', status: 500 } as const],
    ['a 429 once', { kind: 'status', status: 429 } as const],
    ['a connection reset mid-body once', { kind: 'reset' } as const],
    ['a truncated body once', { kind: 'truncate' } as const],
    ['a server slower than the timeout once', { kind: 'delay', ms: 1500 } as const],
  ])('recovers from %s by retrying', async (_name, fault) => {
    mirror.faults.push({ match: '/f/blob', fault, times: 1 })
    const { dest } = fresh()
    const r = await download(url(), dest, { sha256: digest, log, policy })
    expect(r.sha256).toBe(digest)
    expect(readFileSync(dest).equals(body)).toBe(true)
    expect(mirror.requests).toEqual(['/f/blob', '/f/blob'])
    expect(logs.join('\n')).toMatch(/retrying in \d+ ms \(attempt 2 of 3\)/)
  })

  test('a 429 with Retry-After waits as told', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'status', status: 429, retryAfter: 1 }, times: 1 })
    const { dest } = fresh()
    await download(url(), dest, { sha256: digest, log, policy })
    expect(logs[0]).toContain('retrying in 1000 ms')
  })

  const failsCleanly = async (expected: RegExp, requests: number) => {
    const { dest, cache, dir } = fresh()
    const err = await download(url(), dest, { sha256: digest, cacheDir: cache, log, policy }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toMatch(expected)
    expect((err as Error).message).toContain(url())
    expect((err as Error).message).not.toContain('\n')
    expect(mirror.requests.length).toBe(requests)
    // No partial file, no cache entry.
    expect(existsSync(dest)).toBe(false)
    expect(readdirSync(path.dirname(dest))).toEqual([])
    expect(
      existsSync(path.join(cache, 'downloads'))
        ? readdirSync(path.join(cache, 'downloads'), { recursive: true }).filter((f) => String(f).endsWith('blob'))
        : [],
    ).toEqual([])
    return dir
  }

  test('a persistent 500 fails after every attempt, naming the URL and the status', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'status', status: 500 } })
    await failsCleanly(/^download failed: .*: HTTP 500 Internal Server Error after 3 attempts$/, 3)
  })
  test('a 404 fails at once: no retry', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'status', status: 404 } })
    await failsCleanly(/HTTP 404 Not Found \(not retried\)$/, 1)
  })
  test('a 403 fails at once: no retry', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'status', status: 403 } })
    await failsCleanly(/HTTP 403 Forbidden \(not retried\)$/, 1)
  })
  test('a persistent reset fails as a connection error', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'reset' } })
    await failsCleanly(/(connection error|truncated body).* after 3 attempts$/, 3)
  })
  test('a server slower than the timeout every time fails as a time-out', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'delay', ms: 1500 } })
    await failsCleanly(/no data for 1s \(timed out\) after 3 attempts$/, 3)
  })
  test('a wrong checksum is refused, nothing kept or cached', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'corrupt' } })
    await failsCleanly(/^checksum mismatch: .*: sha256 is [0-9a-f]{64}, expected [0-9a-f]{64}; .*nothing was kept or cached/, 1)
  })
  test('an unreachable server is a connection error naming the URL', async () => {
    const { dest } = fresh()
    const dead = 'http://127.0.0.1:9/f/blob'
    await expect(download(dead, dest, { sha256: digest, log, policy: { ...policy, attempts: 2 } })).rejects.toThrow(
      /^download failed: http:\/\/127\.0\.0\.1:9\/f\/blob: connection error .* after 2 attempts$/,
    )
  })

  test('a URL with user:password@ never shows them: retry lines, the failure, a checksum mismatch', async () => {
    const secretUrl = url().replace('http://', 'http://follower:s3cr3t-pw@')
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'status', status: 500 } })
    const failed = await download(secretUrl, fresh().dest, { sha256: digest, log, policy }).catch((e: Error) => e.message)
    mirror.faults.length = 0
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'corrupt' } })
    const corrupt = await download(secretUrl, fresh().dest, { sha256: digest, log, policy }).catch((e: Error) => e.message)
    expect(failed).toMatch(/^download failed: http:\/\/127\.0\.0\.1:\d+\/f\/blob: HTTP 500/)
    expect(corrupt).toMatch(/^checksum mismatch: http:\/\/127\.0\.0\.1:\d+\/f\/blob: /)
    expect(logs.length).toBeGreaterThan(0)
    const all = [failed, corrupt, ...logs].join('\n')
    expect(all).not.toMatch(/s3cr3t-pw|follower/)
  })

  test('downloadWithSha256File reads the digest beside the file', async () => {
    const { dest } = fresh()
    const r = await downloadWithSha256File(url(), dest, { log, policy })
    expect(r.sha256).toBe(digest)
    expect(mirror.requests).toEqual(['/f/blob.sha256', '/f/blob'])
  })
  test('digest files: bare hex or sha256sum lines; anything else refused', () => {
    expect(parseDigestFile(`${digest.toUpperCase()}\n`, 'sha256', 'u')).toBe(digest)
    expect(parseDigestFile(`${digest}  kubectl`, 'sha256', 'u')).toBe(digest)
    expect(() => parseDigestFile('<html>404</html>', 'sha256', 'http://x/kubectl.sha256')).toThrow(
      'http://x/kubectl.sha256: an HTML page, not a sha256 digest file',
    )
    expect(() => parseDigestFile('deadbeef', 'sha256', 'http://x/kubectl.sha256')).toThrow(
      'http://x/kubectl.sha256: not a sha256 digest file (expected 64 hex digits)',
    )
  })

  test('a close-delimited body (HTTP/1.0, no Content-Length) is read to the end and verified', async () => {
    mirror.faults.push({ match: '/f/blob', fault: { kind: 'close' } })
    const { dest } = fresh()
    const r = await download(url(), dest, { sha256: digest, log, policy })
    expect(r.size).toBe(body.length)
    expect(readFileSync(dest).equals(body)).toBe(true)
  })
  test('a damaged cache entry is dropped and downloaded again', async () => {
    const { dest, cache } = fresh()
    await download(url(), dest, { sha256: digest, cacheDir: cache, log, policy })
    writeFileSync(cachePath(cache, url(), digest), 'not the file')
    const r = await download(url(), dest + '2', { sha256: digest, cacheDir: cache, log, policy })
    expect(r.cached).toBe(false)
    expect(readFileSync(dest + '2').equals(body)).toBe(true)
    expect(readFileSync(cachePath(cache, url(), digest)).equals(body)).toBe(true)
    expect(logs.join('\n')).toContain('cache entry does not match its sha256; dropped, downloading again')
  })
})

describe('temporary names and path inputs', () => {
  test('temporary names carry the pid; only the files of dead writers are swept', async () => {
    const dir = tempDir('bs-sweep-')
    const dead = spawnSync('true').pid!
    const mine = tempName(path.join(dir, 'kubectl'), 'part')
    expect(tempOwner(path.basename(mine))).toBe(process.pid)
    writeFileSync(mine, '')
    writeFileSync(path.join(dir, `kubectl_1.31.2_amd64.snap.tmp-${dead}-ab12cd34`), 'half a snap')
    mkdirSync(path.join(dir, `key.tmp-${dead}`))
    writeFileSync(path.join(dir, 'kubectl_1.31.2_amd64.snap'), 'a snap')
    writeFileSync(path.join(dir, 'notes.tmp-txt'), 'not ours')
    const removed = await sweepDeadTemps(dir)
    expect(removed.map((f) => path.basename(f)).sort()).toEqual([`key.tmp-${dead}`, `kubectl_1.31.2_amd64.snap.tmp-${dead}-ab12cd34`])
    expect(readdirSync(dir).sort()).toEqual([path.basename(mine), 'kubectl_1.31.2_amd64.snap', 'notes.tmp-txt'].sort())
  })
  test('an output dir is made level by level; /proc and /sys are refused at once', async () => {
    const dir = tempDir('bs-outdir-')
    expect(await ensureWritableDir(path.join(dir, 'a', 'b', 'c'), 'output-dir')).toBe(path.join(dir, 'a', 'b', 'c'))
    expect(readdirSync(path.join(dir, 'a', 'b', 'c'))).toEqual([])
    await expect(ensureWritableDir('/proc/x/y', 'output-dir')).rejects.toThrow(
      "output-dir: '/proc/x/y' is under /proc, a kernel file system; choose a directory on disk",
    )
    await expect(ensureWritableDir('/sys/x', 'output-dir')).rejects.toThrow("output-dir: '/sys/x' is under /sys")
  })
})

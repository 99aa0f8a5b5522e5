/**
 * The fault table: each row is one real server behaviour, a kill, or a bad path input, run against the
 * bundles (dist/<action>/index.js, as the runner runs them). Every row asserts the exit code, the single
 * `::error::` line (or success), that no stack trace reached the log, and what is (not) left on disk:
 * no partial file in output-dir, no temporary file anywhere, no cache entry that fails its digest.
 *
 * Servers, all on 127.0.0.1 and started here: nginx (Debian package nginx, its own config in a temp
 * directory, no system service), Python's `python3 -m http.server` (HTTP/1.0: one connection per request),
 * and a raw-socket rogue server (node:net, plus node:tls for https) that misbehaves on purpose.
 * The binaries are the cross-compiled stand-ins of cli/fake-k8s.ts; the amd64 ones are padded to 32 MB.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { type AddressInfo, Socket, createServer as createNetServer } from 'node:net'
import path from 'node:path'
import { createServer as createTlsServer } from 'node:tls'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { buildFakeK8s, hexDigest } from '../cli/fake-k8s.js'
import { parseArch } from '../shared/arch.js'
import { tempOwner } from '../shared/paths.js'
import { FAKE_BUILD_DIR, KUBE_VERSION } from './helpers/k8s-mirror.js'
import { type DistRun, clearFailure, errorLines, repoRoot, runDist, tempDir } from './helpers/runner.js'

const SLOW_VERSION = 'v1.31.3' // a kubectl that mksquashfs takes seconds over (random padding): the kill-mid-packing row
const BIG = 32 * 1024 * 1024
const ALL = ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm']
const fast = { BUILD_SNAPS_HTTP_BACKOFF_MS: '10', BUILD_SNAPS_HTTP_ATTEMPTS: '2', BUILD_SNAPS_HTTP_TIMEOUT: '1' }

let root: string
let small: Buffer // the s390x stand-in, served by the rogue server
const bin = (arch: string, version = KUBE_VERSION) => `/release/${version}/bin/linux/${arch}`

async function populate(): Promise<void> {
  root = tempDir('bs-faults-mirror-')
  const put = (dir: string, names: string[], data: Buffer) => {
    mkdirSync(path.join(root, dir), { recursive: true })
    const first = path.join(root, dir, names[0])
    writeFileSync(first, data)
    for (const n of names) {
      if (n !== names[0]) linkSync(first, path.join(root, dir, n))
      writeFileSync(path.join(root, dir, `${n}.sha256`), hexDigest(data, 'sha256'))
    }
  }
  const amd64 = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('amd64'), KUBE_VERSION))
  // An ELF runs the same with bytes appended; zeros keep mksquashfs quick.
  put(bin('amd64'), ALL, Buffer.concat([amd64, Buffer.alloc(BIG - amd64.length)]))
  small = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('s390x'), KUBE_VERSION))
  put(bin('s390x'), ['kubectl'], small)
  const slow = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('amd64'), SLOW_VERSION))
  const noise = Buffer.alloc(3 * 1024 * 1024)
  for (let i = 0, x = 2463534242; i < noise.length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    noise[i] = x & 0xff
  }
  put(bin('amd64', SLOW_VERSION), ['kubectl'], Buffer.concat([slow, noise]))
}

// ---------- real servers ----------

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, proc: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`)
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket()
      s.once('connect', () => (s.destroy(), resolve(true)))
      s.once('error', () => resolve(false))
      s.connect(port, '127.0.0.1')
    }).catch(() => false)
    if (up) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${what} did not listen on ${port}`)
}

interface Served {
  url: string
  proc: ChildProcess
  /** Request paths of GETs answered 200, from the server's own access log. */
  gets(): string[]
}

async function startNginx(): Promise<Served> {
  const dir = tempDir('bs-nginx-')
  const port = await freePort()
  const log = path.join(dir, 'access.log')
  writeFileSync(log, '')
  const conf = `
daemon off;
master_process on;
worker_processes 2;
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  default_type application/octet-stream;
  access_log ${log};
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  keepalive_timeout 30s;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`
  writeFileSync(path.join(dir, 'nginx.conf'), conf)
  // Debian installs it in /usr/sbin, which is not on every user's PATH; -e: no write to /var/log/nginx before the config is read.
  const exe = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p)) ?? 'nginx'
  const proc = spawn(exe, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' })
  await waitForPort(port, proc, 'nginx')
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    gets: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .map((l) => l.match(/"GET (\S+) HTTP\/1\.1" 200 /)?.[1])
        .filter((p): p is string => Boolean(p)),
  }
}

async function startPython(): Promise<Served> {
  const port = await freePort()
  let err = ''
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  await waitForPort(port, proc, 'python3 -m http.server')
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    gets: () =>
      err
        .split('\n')
        .map((l) => l.match(/"GET (\S+) HTTP\/1\.[01]" 200 /)?.[1])
        .filter((p): p is string => Boolean(p)),
  }
}

// ---------- the rogue server ----------

/**
 * Raw sockets, so it can do what no well-behaved server does. The first path segment picks the
 * behaviour for the binary (not its .sha256, unless the mode says so): `<mode>[.once]-<row>`; `.once`
 * misbehaves on the first request of that row only. Keep-alive unless the mode closes.
 */
interface Rogue {
  url: string
  tlsUrl: string
  requests: string[]
  /** Resolves when a `stall` response has sent half its body (the kill row). */
  stalled: Promise<void>
  close(): void
}

async function startRogue(tls?: { key: string; cert: string }): Promise<Rogue> {
  const requests: string[] = []
  const seen = new Map<string, number>()
  const sockets = new Set<Socket>()
  let onStall = () => undefined as void
  const stalled = new Promise<void>((r) => (onStall = r))
  let port = 0
  const handle = (sock: Socket) => {
    sockets.add(sock)
    sock.on('close', () => sockets.delete(sock))
    sock.on('error', () => undefined)
    let buf = Buffer.alloc(0)
    let served = 0
    let busy = false
    const next = () => {
      if (busy) return
      const end = buf.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = buf.subarray(0, end).toString('latin1')
      buf = buf.subarray(end + 4)
      const target = head.split(' ')[1] ?? '/'
      requests.push(target)
      served++
      busy = true
      answer(sock, target, served).then(
        () => ((busy = false), next()),
        () => sock.destroy(),
      )
    }
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d])
      next()
    })
  }
  const answer = async (sock: Socket, target: string, nth: number): Promise<void> => {
    const [, base, ...rest] = target.split('/')
    const [modeOnce, row] = [base.replace(/-[^-]+$/, ''), base]
    const once = modeOnce.endsWith('.once')
    const mode = modeOnce.replace(/\.once$/, '')
    const rel = '/' + rest.join('/')
    const isSum = rel.endsWith('.sha256')
    const file = path.join(root, rel)
    const body = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined
    const ok = (b: Buffer, extra = '') =>
      sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${b.length}\r\nContent-Type: application/octet-stream\r\n${extra}\r\n`) &&
      sock.write(b)
    const write = (data: string | Buffer) => new Promise<void>((r) => sock.write(data, () => r()))
    if (mode === 'close') {
      // HTTP/1.0, no Content-Length: the body ends when the connection closes (every request).
      if (!body) return void sock.end('HTTP/1.0 404 Not Found\r\n\r\n')
      await write('HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n')
      for (let i = 0; i < body.length; i += 65536) await write(body.subarray(i, i + 65536))
      return void sock.end()
    }
    if (mode === 'html' && isSum) {
      const page = Buffer.from(
        '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form action="/login">Sign in to continue</form></body></html>\n',
      )
      return void sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${page.length}\r\nContent-Type: text/html\r\n\r\n`, () => sock.write(page))
    }
    if (mode === 'downgrade') {
      return void sock.write(
        `HTTP/1.1 301 Moved Permanently\r\nLocation: http://127.0.0.1:${port}/plain-x${rel}\r\nContent-Length: 0\r\n\r\n`,
      )
    }
    if (!body) return void sock.write('HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\n\r\nnot found\n')
    const n = (seen.get(row) ?? 0) + (isSum ? 0 : 1)
    seen.set(row, n)
    if (isSum || mode === 'plain' || (once && n > 1)) return void ok(body)
    const half = body.subarray(0, body.length >> 1)
    switch (mode) {
      case 'chunked': {
        await write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n')
        for (let i = 0; i < body.length; i += 50_000) {
          const c = body.subarray(i, i + 50_000)
          await write(Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]))
        }
        return write('0\r\n\r\n')
      }
      case 'reuse': // the second request on a kept-alive connection is dropped unanswered
        if (nth >= 2) return void sock.destroy()
        return void ok(body)
      case 'reset':
        await write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`)
        await write(half)
        return void sock.resetAndDestroy()
      case 'stall':
        await write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`)
        await write(half)
        onStall()
        return new Promise(() => undefined) // never another byte
      case 'truncate':
        await write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`)
        await write(half)
        return void sock.end()
      case 'cut': // close-delimited, and cut off half-way: only the digest can tell
        await write('HTTP/1.0 200 OK\r\n\r\n')
        await write(half)
        return void sock.end()
      case 'loop':
        return void sock.write(`HTTP/1.1 302 Found\r\nLocation: ${target}\r\nContent-Length: 0\r\n\r\n`)
      case 'elsewhere': // to another host name (GitHub release assets live on another host)
        return void sock.write(`HTTP/1.1 302 Found\r\nLocation: http://localhost:${port}/plain-x${rel}\r\nContent-Length: 0\r\n\r\n`)
      case 'bigger': // declares the file's length, then sends 8 MB more on a kept-alive connection
        await write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`)
        await write(body)
        return write(Buffer.alloc(8 * 1024 * 1024, 0x41))
      case 'endless': {
        await write('HTTP/1.0 200 OK\r\n\r\n')
        const chunk = Buffer.alloc(1024 * 1024)
        while (!sock.destroyed) await write(chunk)
        return
      }
      case 'huge':
        return void sock.write(`HTTP/1.1 200 OK\r\nContent-Length: 99999999999999\r\n\r\n`)
      case 'garbage':
        return void sock.end('SSH-2.0-OpenSSH_9.2\r\n\r\n')
      case 'busy':
        return void sock.write('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 5\r\n\r\nbusy\n')
      case 'corrupt': {
        const bad = Buffer.from(body)
        bad[bad.length >> 1] ^= 0xff
        return void ok(bad)
      }
      default:
        throw new Error(`rogue: unknown mode ${mode}`)
    }
  }
  const server = createNetServer(handle)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
  let tlsUrl = ''
  let tlsServer: ReturnType<typeof createTlsServer> | undefined
  if (tls) {
    tlsServer = createTlsServer({ key: tls.key, cert: tls.cert }, handle)
    await new Promise<void>((r) => tlsServer!.listen(0, '127.0.0.1', r))
    tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`
  }
  return {
    url: `http://127.0.0.1:${port}`,
    tlsUrl,
    requests,
    stalled,
    close: () => {
      for (const s of sockets) s.destroy()
      server.close()
      tlsServer?.close()
    },
  }
}

// ---------- what is left on disk ----------

function walk(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))) : []
}

/** Temporary files (ours are named <name>.tmp-<pid>-… / .part-<pid>-…) anywhere under the dirs. */
function temps(...dirs: string[]): string[] {
  return dirs.flatMap(walk).filter((f) => tempOwner(path.basename(f)) !== undefined)
}

/** Download cache entries (downloads/<url-key>/<sha256>/<name>) whose bytes do not match their sha256. */
function badCacheEntries(toolCache: string): string[] {
  const dl = path.join(toolCache, 'build-snaps', 'downloads')
  return walk(dl)
    .filter((f) => path.relative(dl, f).split(path.sep).length === 3 && statSync(f).isFile())
    .filter((f) => createHash('sha256').update(readFileSync(f)).digest('hex') !== path.basename(path.dirname(f)))
}

function cachedNames(toolCache: string): string[] {
  const dl = path.join(toolCache, 'build-snaps', 'downloads')
  return walk(dl)
    .filter((f) => path.relative(dl, f).split(path.sep).length === 3)
    .map((f) => path.basename(f))
}

/** A good run: exit 0, no error line, no stack trace, the snaps and sums in output-dir and nothing else. */
function succeeded(r: DistRun, out: string, snaps: string[]): void {
  expect(r.exitCode, r.log).toBe(0)
  expect(errorLines(r), r.log).toEqual([])
  expect(r.log).not.toMatch(/\n\s+at /)
  // Each snap with its SBOM, the run's provenance statement, SHA256SUMS and manifest.json: nothing else, no temp file.
  const listed = readdirSync(out)
  const provenance = listed.filter((f) => /^provenance\.build-k8s-snaps\..+\.intoto\.json$/.test(f))
  expect(provenance, listed.join(' ')).toHaveLength(1)
  expect(listed.filter((f) => !provenance.includes(f)).sort()).toEqual(
    [...snaps, ...snaps.map((s) => `${s}.spdx.json`), 'SHA256SUMS', 'manifest.json'].sort(),
  )
  execFileSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: out })
}

let nginx: Served
let python: Served
let rogue: Rogue
let caFile: string

beforeAll(async () => {
  await populate()
  const tlsDir = tempDir('bs-tls-')
  caFile = path.join(tlsDir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(tlsDir, 'key.pem'),
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  ;[nginx, python, rogue] = await Promise.all([
    startNginx(),
    startPython(),
    startRogue({ key: readFileSync(path.join(tlsDir, 'key.pem'), 'utf8'), cert: readFileSync(caFile, 'utf8') }),
  ])
}, 120_000)

afterAll(() => {
  rogue?.close()
  for (const s of [nginx, python]) if (s?.proc.pid && s.proc.exitCode === null) s.proc.kill('SIGTERM')
})

function k8s(
  baseUrl: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  toolCache?: string,
  onSpawn?: (c: ChildProcess) => void,
): Promise<DistRun> {
  return runDist(
    'build-k8s-snaps',
    { 'base-url': baseUrl, 'kube-version': KUBE_VERSION, verify: 'false', ...inputs },
    { env: { ...fast, ...env }, toolCache, onSpawn },
  )
}

describe.each([
  ['nginx', () => nginx],
  ['python3 -m http.server', () => python],
])('%s: 21 downloads of a 32 MB binary through the bundle', (_name, server) => {
  test('three runs of all seven components: every run succeeds, every file downloaded and sha256-verified', async () => {
    const s = server()
    const before = s.gets().length
    for (let i = 0; i < 3; i++) {
      // 700 MB of files a run: in memory when the machine has /dev/shm, so the disk of a shared machine is not what is measured.
      const scratch = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/bs-real-') : tempDir('bs-real-')
      const [out, cache, runnerTemp] = ['out', 'cache', 'runner-temp'].map((d) => path.join(scratch, d))
      mkdirSync(runnerTemp)
      onTestFinished(() => rmSync(scratch, { recursive: true, force: true }))
      const r = await k8s(
        s.url,
        { arch: 'amd64', 'output-dir': out, components: ALL.join(' ') },
        { BUILD_SNAPS_HTTP_TIMEOUT: '30', RUNNER_TEMP: runnerTemp },
        cache,
      )
      succeeded(
        r,
        out,
        ALL.map((c) => `${c}_1.31.2_amd64.snap`),
      )
      for (const c of ALL) expect(r.stdout).toContain(`${c}: downloaded ${s.url}${bin('amd64')}/${c}, sha256 verified`)
      expect(r.stdout).not.toContain('retrying')
      expect(cachedNames(cache).sort()).toEqual([...ALL].sort())
      expect(badCacheEntries(cache)).toEqual([])
      for (const f of walk(path.join(cache, 'build-snaps', 'downloads')).filter((f) => ALL.includes(path.basename(f))))
        expect(statSync(f).size).toBe(BIG)
      expect(temps(out, cache)).toEqual([])
      rmSync(scratch, { recursive: true, force: true })
    }
    // The server's own log: 21 whole binaries (and their .sha256) sent.
    const got = s.gets().slice(before)
    expect(got.filter((p) => ALL.some((c) => p === `${bin('amd64')}/${c}`))).toHaveLength(21)
  }, 120_000)
})

describe('the rogue server: each fault gives a retry or one line naming the URL', () => {
  const url = (base: string) => `${rogue.url}/${base}${bin('s390x')}/kubectl`
  const ok = (log: RegExp | undefined) => ({ ok: true as const, log })
  const fails = (line: (base: string) => RegExp) => ({ ok: false as const, line })
  let n = 0
  test.each<[string, string, ReturnType<typeof ok> | ReturnType<typeof fails>, Record<string, string>?]>([
    ['a close-delimited body (HTTP/1.0, no Content-Length), .sha256 included', 'close', ok(undefined)],
    ['a chunked body', 'chunked', ok(undefined)],
    ['a kept-alive connection the server drops on reuse', 'reuse', ok(/retrying in \d+ ms \(attempt 2 of 2\)/)],
    ['a connection reset mid-body, once', 'reset.once', ok(/kubectl: connection error \(.*ECONNRESET.*\); retrying/)],
    [
      'a connection reset mid-body, always',
      'reset',
      fails((b) => new RegExp(`^download failed: ${esc(url(b))}: connection error \\(.*ECONNRESET.*\\) after 2 attempts$`)),
    ],
    ['a stall mid-body, once', 'stall.once', ok(/no data for 1s \(timed out\); retrying/)],
    [
      'a stall mid-body, always',
      'stall',
      fails((b) => new RegExp(`^download failed: ${esc(url(b))}: no data for 1s \\(timed out\\) after 2 attempts$`)),
    ],
    ['a body shorter than its Content-Length, once', 'truncate.once', ok(/retrying/)],
    [
      'a body shorter than its Content-Length, always',
      'truncate',
      fails((b) => new RegExp(`^download failed: ${esc(url(b))}: (connection error \\(.*\\)|truncated body: .*) after 2 attempts$`)),
    ],
    [
      'a close-delimited body cut off half-way, once: the digest catches it, one retry',
      'cut.once',
      ok(/sha256 mismatch on a body ended by the connection closing .*; retrying/),
    ],
    [
      'a close-delimited body cut off half-way, always',
      'cut',
      fails(
        (b) =>
          new RegExp(`^checksum mismatch: ${esc(url(b))}: sha256 is [0-9a-f]{64}, expected [0-9a-f]{64}; .*nothing was kept or cached`),
      ),
    ],
    [
      'a redirect loop',
      'loop',
      fails((b) => new RegExp(`^download failed: ${esc(url(b))}: more than 10 redirects \\(a redirect loop\\?\\) \\(not retried\\)$`)),
    ],
    ['a redirect to another host (allowed, and said in the log)', 'elsewhere', ok(/redirected to another host, localhost:\d+/)],
    ['a body far larger than its Content-Length, on a kept-alive connection', 'bigger', ok(undefined)],
    [
      'an endless body (no Content-Length)',
      'endless',
      fails(
        (b) =>
          new RegExp(
            `^download failed: ${esc(url(b))}: the body goes on past 67108864 bytes \\(BUILD_SNAPS_HTTP_MAX_MB\\); cut off \\(not retried\\)$`,
          ),
      ),
      { BUILD_SNAPS_HTTP_MAX_MB: '64' },
    ],
    [
      'a Content-Length larger than the limit',
      'huge',
      fails(
        (b) =>
          new RegExp(
            `^download failed: ${esc(url(b))}: the server declares 99999999999999 bytes, more than the limit .* \\(not retried\\)$`,
          ),
      ),
    ],
    [
      'a .sha256 that is an HTML login page',
      'html',
      fails(
        (b) =>
          new RegExp(
            `^${esc(url(b))}\\.sha256: an HTML page, not a sha256 digest file \\(a login, proxy or error page\\?\\); check the base URL$`,
          ),
      ),
    ],
    [
      'something that is not HTTP at all',
      'garbage',
      fails((b) => new RegExp(`^download failed: ${esc(url(b))}: connection error \\(.*\\) after 2 attempts$`)),
    ],
    ['a 503 with Retry-After, once', 'busy.once', ok(/HTTP 503 Service Unavailable; retrying in 1000 ms/)],
    [
      'a corrupted body (Content-Length right, one byte flipped): not retried',
      'corrupt',
      fails((b) => new RegExp(`^checksum mismatch: ${esc(url(b))}: sha256 is [0-9a-f]{64}, expected`)),
    ],
  ])(
    '%s',
    async (_name, mode, want, env = {}) => {
      const base = `${mode}-${++n}`
      const out = tempDir('bs-rogue-out-')
      const cache = tempDir('bs-rogue-cache-')
      const r = await k8s(`${rogue.url}/${base}`, { arch: 's390x', 'output-dir': out, components: 'kubectl' }, env, cache)
      if (want.ok) {
        succeeded(r, out, ['kubectl_1.31.2_s390x.snap'])
        expect(r.stdout).toContain(`kubectl: downloaded ${url(base)}, sha256 verified`)
        if (want.log) expect(r.stdout).toMatch(want.log)
        expect(cachedNames(cache)).toEqual(['kubectl'])
      } else {
        expect(clearFailure(r)).toMatch(want.line(base))
        expect(readdirSync(out)).toEqual([])
        expect(cachedNames(cache)).toEqual([])
      }
      expect(badCacheEntries(cache)).toEqual([])
      expect(temps(out, cache)).toEqual([])
    },
    60_000,
  )

  test('https works, and a redirect from https to plain http is refused', async () => {
    const env = { NODE_EXTRA_CA_CERTS: caFile }
    const out = tempDir('bs-tls-out-')
    const good = await k8s(`${rogue.tlsUrl}/plain-tls`, { arch: 's390x', 'output-dir': out, components: 'kubectl' }, env)
    succeeded(good, out, ['kubectl_1.31.2_s390x.snap'])
    const out2 = tempDir('bs-tls-out-')
    const bad = await k8s(`${rogue.tlsUrl}/downgrade-tls`, { arch: 's390x', 'output-dir': out2, components: 'kubectl' }, env)
    expect(clearFailure(bad)).toBe(
      `download failed: ${rogue.tlsUrl}/downgrade-tls${bin('s390x')}/kubectl.sha256: redirected from https to plain http (${rogue.url}/plain-x${bin('s390x')}/kubectl.sha256); refused (not retried)`,
    )
    expect(readdirSync(out2)).toEqual([])
  }, 60_000)
})

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// ---------- kills ----------

/** Processes (other than the one killed) still writing into dir, e.g. an orphaned mksquashfs. */
function writersInto(dir: string): number[] {
  const pids: number[] = []
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8')
      if (cmd.includes(dir) && !cmd.includes('vitest')) pids.push(Number(p))
      else if (readdirSync(`/proc/${p}/fd`).some((fd) => readlinkSync(`/proc/${p}/fd/${fd}`).startsWith(dir))) pids.push(Number(p))
    } catch {
      // gone, or not ours to read
    }
  }
  return pids.filter((p) => p !== process.pid)
}

describe('kills and concurrent runs', () => {
  test('kill -9 in the middle of a download, then a re-run: it succeeds, no partial file, no bad cache entry', async () => {
    const out = tempDir('bs-kill-out-')
    const cache = tempDir('bs-kill-cache-')
    let child: ChildProcess | undefined
    const running = k8s(
      `${rogue.url}/stall-kill`,
      { arch: 's390x', 'output-dir': out, components: 'kubectl' },
      { BUILD_SNAPS_HTTP_TIMEOUT: '60' },
      cache,
      (c) => (child = c),
    )
    await rogue.stalled
    child!.kill('SIGKILL')
    const killed = await running
    expect(killed.exitCode).toBe(-1) // killed by a signal: no exit code
    expect(readdirSync(out)).toEqual([])
    const again = await k8s(nginx.url, { arch: 's390x', 'output-dir': out, components: 'kubectl' }, {}, cache)
    succeeded(again, out, ['kubectl_1.31.2_s390x.snap'])
    expect(badCacheEntries(cache)).toEqual([])
    expect(temps(out, cache)).toEqual([])
  }, 60_000)

  test("kill -9 in the middle of packing (mksquashfs running), then a re-run: it succeeds, the dead run's partial snap is swept", async () => {
    const out = tempDir('bs-killpack-out-')
    const cache = tempDir('bs-killpack-cache-')
    let child: ChildProcess | undefined
    const running = k8s(
      nginx.url,
      { arch: 'amd64', 'kube-version': SLOW_VERSION, 'output-dir': out, components: 'kubectl' },
      {},
      cache,
      (c) => (child = c),
    )
    let partial: string[] = []
    for (let i = 0; i < 600 && partial.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25))
      partial = readdirSync(out).filter((f) => tempOwner(f) === child?.pid)
    }
    expect(partial, 'mksquashfs never started writing into output-dir').toHaveLength(1)
    child!.kill('SIGKILL')
    await running
    // The orphaned mksquashfs is still writing (a runner would kill the whole job); end it, by its pid.
    for (const pid of writersInto(out)) process.kill(pid, 'SIGKILL')
    expect(readdirSync(out)).toEqual(partial) // what a kill leaves: the dead run's temporary snap, nothing under the final name
    const again = await k8s(nginx.url, { arch: 'amd64', 'kube-version': SLOW_VERSION, 'output-dir': out, components: 'kubectl' }, {}, cache)
    succeeded(again, out, ['kubectl_1.31.3_amd64.snap'])
    expect(badCacheEntries(cache)).toEqual([])
    expect(temps(out, cache)).toEqual([])
  }, 90_000)

  test('two runs for two arches at the same time, sharing one cache directory, both succeed', async () => {
    const cache = tempDir('bs-shared-cache-')
    const [a, b] = [tempDir('bs-conc-a-'), tempDir('bs-conc-b-')]
    const [ra, rb] = await Promise.all([
      k8s(
        nginx.url,
        { arch: 'amd64', 'output-dir': a, components: 'kubectl kubelet', verify: 'true' },
        { BUILD_SNAPS_HTTP_TIMEOUT: '30' },
        cache,
      ),
      k8s(python.url, { arch: 's390x', 'output-dir': b, components: 'kubectl', verify: 'true' }, { BUILD_SNAPS_HTTP_TIMEOUT: '30' }, cache),
    ])
    succeeded(ra, a, ['kubectl_1.31.2_amd64.snap', 'kubelet_1.31.2_amd64.snap'])
    succeeded(rb, b, ['kubectl_1.31.2_s390x.snap'])
    expect(cachedNames(cache).sort()).toEqual(['kubectl', 'kubectl', 'kubelet'])
    expect(badCacheEntries(cache)).toEqual([])
    expect(temps(a, b, cache)).toEqual([])
  }, 90_000)
})

// ---------- the last guard ----------

describe('the last guard: what escapes everything still ends the step with one line', () => {
  test.each([
    [
      'an exception thrown from a stray callback',
      'setTimeout(() => { throw new Error("boom from a stray callback") }, 400)',
      'boom from a stray callback',
    ],
    [
      'a rejection nobody handles',
      'setTimeout(() => { Promise.reject(new TypeError("nobody awaited this")) }, 400)',
      'nobody awaited this',
    ],
  ])(
    '%s',
    async (name, code, message) => {
      const dir = tempDir('bs-guard-')
      const preload = path.join(dir, 'inject.mjs')
      writeFileSync(preload, `${code}\n`)
      const out = tempDir('bs-guard-out-')
      // The action is waiting on a stalled download when the injected fault fires.
      const r = await k8s(
        `${rogue.url}/stall-guard${name.length}`,
        { arch: 's390x', 'output-dir': out, components: 'kubectl' },
        { NODE_OPTIONS: `--import ${preload}`, BUILD_SNAPS_HTTP_TIMEOUT: '20' },
      )
      expect(clearFailure(r)).toBe(
        `build-k8s-snaps: internal error: ${message}. This is a bug in build-snaps, not in your inputs; please report it at https://github.com/cdk/build-snaps/issues with this step's debug log (re-run with debug logging on)`,
      )
      expect(r.stdout).toMatch(new RegExp(`::debug::\\w*Error: ${message}%0A\\s+at `)) // the stack: debug log only
      expect(readdirSync(out)).toEqual([])
    },
    60_000,
  )
})

// ---------- bad path inputs, every action ----------

describe('bad path inputs: one line, exit 1, at once, nothing written', () => {
  const fixtures = path.join(repoRoot, 'test', 'fixtures')
  const aFile = () => {
    const f = path.join(tempDir('bs-afile-'), 'file')
    writeFileSync(f, 'x')
    return f
  }
  const project = () => {
    const d = tempDir('bs-snapcraft-')
    mkdirSync(path.join(d, 'snap'))
    writeFileSync(
      path.join(d, 'snap', 'snapcraft.yaml'),
      'name: hello\nbase: core22\nversion: "1.0"\nsummary: s\ndescription: d\nconfinement: strict\nparts: {}\n',
    )
    return d
  }
  const charm = () => path.join(fixtures, 'charms', 'kubernetes-worker')
  const proc = '/proc/x/out'
  const procMsg = (input: string, value = proc) => `${input}: '${value}' is under /proc, a kernel file system; choose a directory on disk`
  const doubles = { PATH: `${path.join(repoRoot, 'test', 'doubles')}:${process.env.PATH}` } // the snapcraft test double
  const rows: Array<[string, () => Record<string, string>, string | RegExp, Record<string, string>?]> = [
    ['build-k8s-snaps', () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'output-dir': proc }), procMsg('output-dir')],
    [
      'build-k8s-snaps',
      () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'output-dir': '/sys/kernel/snaps' }),
      `output-dir: '/sys/kernel/snaps' is under /sys, a kernel file system; choose a directory on disk`,
    ],
    [
      'build-k8s-snaps',
      () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'binaries-dir': '/proc/self' }),
      procMsg('binaries-dir', '/proc/self'),
    ],
    ['build-cdk-addons-snap', () => ({ 'kube-version': KUBE_VERSION, 'source-dir': '/proc/self' }), procMsg('source-dir', '/proc/self')],
    [
      'build-cdk-addons-snap',
      () => ({ 'kube-version': KUBE_VERSION, 'source-dir': path.join(fixtures, 'cdk-addons'), 'output-dir': proc }),
      procMsg('output-dir'),
    ],
    ['build-etcd-snap', () => ({ 'source-dir': '/proc/self/root' }), procMsg('source-dir', '/proc/self/root')],
    ['build-etcd-snap', () => ({ 'etcd-version': 'v3.5.0', 'output-dir': proc }), procMsg('output-dir')],
    [
      'build-flannel',
      () => ({ 'flannel-version': 'v0.22.3', 'etcd-version': 'v3.4.22', 'flannel-source': '/sys' }),
      `flannel-source: '/sys' is under /sys, a kernel file system; choose a directory on disk`,
    ],
    [
      'build-flannel',
      () => ({ 'flannel-version': 'v0.22.3', 'etcd-version': 'v3.4.22', 'cni-tarball': fixtures }),
      `cni-tarball: '${fixtures}' is not a file`,
    ],
    ['build-flannel', () => ({ 'flannel-version': 'v0.22.3', 'etcd-version': 'v3.4.22', 'output-dir': proc }), procMsg('output-dir')],
    ['build-cnitgz', () => ({ version: 'v1.5.1', source: '/proc/1' }), procMsg('source', '/proc/1')],
    ['build-cnitgz', () => ({ version: 'v1.5.1', 'output-dir': proc }), procMsg('output-dir')],
    ['build-snapcraft', () => ({ 'project-dir': '/proc/self/cwd' }), procMsg('project-dir', '/proc/self/cwd')],
    ['build-snapcraft', () => ({ 'project-dir': project(), 'output-dir': proc }), procMsg('output-dir'), doubles],
    ['charm-build', () => ({ 'charm-path': '/proc/self/root/etc' }), procMsg('charm-path', '/proc/self/root/etc')],
    [
      'charm-build',
      () => ({ 'charm-path': charm(), 'layers-dir': aFile() }),
      /^layers-dir: '.*\/file' is not a directory \(it is a file\); give a directory$/,
    ],
    [
      'charm-attach-release',
      () => ({ charm: '/proc/self/environ', channel: 'latest/edge', 'dry-run': 'true' }),
      procMsg('charm', '/proc/self/environ'),
    ],
    [
      'charm-attach-release',
      () => ({ charm: `${fixtures}/x.charm/`, channel: 'latest/edge', 'dry-run': 'true' }),
      /^charm: '.*' is not a file: |does not exist/,
    ],
    ['zero-byte-snaps', () => ({ charm: '/proc/self/cwd' }), procMsg('charm', '/proc/self/cwd')],
    ['zero-byte-snaps', () => ({ charm: charm(), 'output-dir': proc }), procMsg('output-dir')],
    // A symlink into /proc is refused by where it leads.
    [
      'build-k8s-snaps',
      () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'output-dir': '/dev/fd/snaps' }),
      `output-dir: '/dev/fd/snaps' is under /proc, a kernel file system; choose a directory on disk`,
    ],
    [
      'build-k8s-snaps',
      () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'output-dir': aFile() }),
      /^output-dir: '.*\/file' is not a directory \(a file is there\); choose a directory$/,
    ],
    [
      'build-k8s-snaps',
      () => ({ 'kube-version': KUBE_VERSION, components: 'kubectl', 'output-dir': path.join(aFile(), 'snaps') }),
      /^output-dir: '.*\/file' is a file, so '.*\/file\/snaps' cannot be a directory; choose a directory$/,
    ],
  ]
  test.each(rows.map(([action, inputs, expected, env]) => ({ title: `${action}: ${String(expected)}`, action, inputs, expected, env })))(
    '$title',
    async ({ action, inputs, expected, env = {} }) => {
      const cwd = tempDir('bs-badpath-cwd-')
      const r = await runDist(action, { 'base-url': 'http://127.0.0.1:9', ...inputs() }, { cwd, env: { ...fast, ...env } })
      const line = clearFailure(r)
      if (typeof expected === 'string') expect(line).toBe(expected)
      else expect(line).toMatch(expected)
      expect(readdirSync(cwd)).toEqual([]) // no default output-dir made either
    },
    30_000,
  ) // a path check that spins (Node's recursive mkdir on /proc did) fails on this time-out

  test('an output-dir that cannot be written to (an immutable directory, which even root cannot write)', async (ctx) => {
    const dir = tempDir('bs-immutable-')
    try {
      execFileSync('chattr', ['+i', dir], { stdio: 'ignore' })
    } catch {
      ctx.skip() // the file system has no immutable flag
    }
    try {
      const r = await runDist(
        'build-k8s-snaps',
        { 'kube-version': KUBE_VERSION, components: 'kubectl', 'base-url': 'http://127.0.0.1:9', 'output-dir': path.join(dir, 'snaps') },
        { env: fast },
      )
      expect(clearFailure(r)).toBe(`output-dir: cannot write to '${dir}/snaps' (EPERM); choose a writable directory`) // EPERM: what Linux says for an immutable inode
      const r2 = await runDist('zero-byte-snaps', { charm: charm(), 'output-dir': dir }, { env: fast })
      expect(clearFailure(r2)).toBe(`output-dir: cannot write to '${dir}' (EPERM); choose a writable directory`)
    } finally {
      execFileSync('chattr', ['-i', dir])
    }
    expect(readdirSync(dir)).toEqual([])
  }, 30_000)
})

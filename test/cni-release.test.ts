/**
 * build-cnitgz release mode through the dist bundle against a loopback server in the GitHub releases layout:
 * upstream-named tarballs (made with GNU tar from cross-compiled fixture plugins) and their .sha256 files.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Mirror, startMirror } from '../cli/mirror.js'
import { goEnv, parseArch } from '../shared/arch.js'
import { fixtureCopy } from './cni-fixture.js'
import { errorLines, runDist, tempDir } from './helpers/runner.js'

const TAG = 'v1.1.1'
let mirror: Mirror
let root: string
let plugins: Record<string, string>

function release(tag: string): string {
  const dir = path.join(root, 'containernetworking/plugins/releases/download', tag)
  mkdirSync(dir, { recursive: true })
  return dir
}

function publish(tag: string, goArch: string, binDir: string, opts: { wrongSum?: boolean; extra?: string[] } = {}): string {
  const name = `cni-plugins-linux-${goArch}-${tag}.tgz`
  const file = path.join(release(tag), name)
  // As upstream packs it: tar -C bin -czf <name> ./ (entries ./, ./bridge, ...)
  execFileSync('tar', ['-C', binDir, '-czf', file, ...(opts.extra ?? []), './'])
  const digest = opts.wrongSum ? '0'.repeat(64) : createHash('sha256').update(readFileSync(file)).digest('hex')
  writeFileSync(`${file}.sha256`, `${digest}  ${name}\n`)
  return file
}

beforeAll(async () => {
  root = tempDir('bs-cni-mirror-')
  plugins = {}
  for (const a of ['arm64', 's390x']) {
    const src = fixtureCopy('cni')
    execFileSync('bash', ['./build_linux.sh'], { cwd: src, env: { ...process.env, ...goEnv(parseArch(a)), GOFLAGS: '-trimpath' } })
    plugins[a] = path.join(src, 'bin')
    publish(TAG, parseArch(a).go, plugins[a])
  }
  publish('v1.1.2', 's390x', plugins.s390x, { wrongSum: true })
  // A hostile tarball: one entry climbs out of the target directory.
  const evil = tempDir()
  writeFileSync(path.join(evil, 'escape'), 'x')
  mkdirSync(path.join(evil, 'in'))
  execFileSync('cp', [path.join(plugins.s390x, 'bridge'), path.join(evil, 'in', 'bridge')])
  const name = `cni-plugins-linux-s390x-v6.6.6.tgz`
  const file = path.join(release('v6.6.6'), name)
  execFileSync('tar', ['-C', path.join(evil, 'in'), '-czPf', file, 'bridge', '../escape'])
  writeFileSync(`${file}.sha256`, createHash('sha256').update(readFileSync(file)).digest('hex') + '\n')
  mirror = await startMirror(root)
}, 300_000)
afterAll(() => mirror?.close())

const baseUrl = () => `${mirror.url}/containernetworking/plugins/releases/download/{version}`
const env = { BUILD_SNAPS_HTTP_ATTEMPTS: '2', BUILD_SNAPS_HTTP_BACKOFF_MS: '10' }

describe('build-cnitgz from release', () => {
  it('downloads, verifies and repacks upstream tarballs for two arches, reproducibly', async () => {
    const out = tempDir()
    const r = await runDist('build-cnitgz', { version: TAG, arch: 'arm64 s390x', 'base-url': baseUrl(), 'output-dir': out }, { env })
    expect(errorLines(r)).toEqual([])
    const sha = JSON.parse(r.outputs.sha256) as Record<string, string>
    for (const a of ['arm64', 's390x']) {
      const tgz = path.join(out, `cni-${a}.tgz`)
      expect(execFileSync('tar', ['-tzf', tgz]).toString().trim().split('\n')).toEqual([
        'BUILD_INFO',
        'bridge',
        'flannel',
        'host-local',
        'loopback',
        'portmap',
      ])
      const x = tempDir()
      execFileSync('tar', ['-xzf', tgz, '-C', x])
      for (const p of readdirSync(plugins[a]))
        expect(readFileSync(path.join(x, p)).equals(readFileSync(path.join(plugins[a], p)))).toBe(true)
      const upstream = path.join(
        root,
        'containernetworking/plugins/releases/download',
        TAG,
        `cni-plugins-linux-${parseArch(a).go}-${TAG}.tgz`,
      )
      const upSha = createHash('sha256').update(readFileSync(upstream)).digest('hex')
      expect(readFileSync(path.join(x, 'BUILD_INFO'), 'utf8')).toContain(
        `cni-plugins release: loopback mirror /containernetworking/plugins/releases/download/${TAG}/cni-plugins-linux-${parseArch(a).go}-${TAG}.tgz sha256 ${upSha}`,
      )
      expect(r.log).toMatch(
        new RegExp(
          `${a}: 5 binaries, each ELF ${a}; bridge: ELF ${a}; ran (under ${parseArch(a).qemu}-static|through binfmt_misc ${parseArch(a).qemu})`,
        ),
      )
    }
    const again = await runDist(
      'build-cnitgz',
      { version: TAG, arch: 's390x arm64', 'base-url': baseUrl(), 'output-dir': tempDir() },
      { env },
    )
    expect(JSON.parse(again.outputs.sha256)).toEqual(sha)
  })

  it('refuses a tarball whose sha256 does not match, keeping nothing', async () => {
    const out = tempDir()
    const r = await runDist('build-cnitgz', { version: 'v1.1.2', arch: 's390x', 'base-url': baseUrl(), 'output-dir': out }, { env })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toMatch(
      /^::error::failed for s390x: CNI plugins v1\.1\.2 for s390x \(cni-plugins-linux-s390x-v1\.1\.2\.tgz\): checksum mismatch: http:\/\/127\.0\.0\.1:\d+\/.*cni-plugins-linux-s390x-v1\.1\.2\.tgz: sha256 is [0-9a-f]{64}, expected 0{64}/,
    )
    expect(readdirSync(out)).toEqual([])
  })

  it('reports a 404 naming the tag and the arch', async () => {
    const r = await runDist('build-cnitgz', { version: TAG, arch: 'ppc64el', 'base-url': baseUrl(), 'output-dir': tempDir() }, { env })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toMatch(
      /^::error::failed for ppc64el: version: CNI plugins v1\.1\.1 for ppc64el \(cni-plugins-linux-ppc64le-v1\.1\.1\.tgz\) not found: http:\/\/127\.0\.0\.1:\d+\/\S+\.tgz\.sha256: HTTP 404 Not Found \(not retried\); check the tag and that it was released for this architecture$/,
    )
    expect(mirror.requests.filter((p) => p.endsWith('cni-plugins-linux-ppc64le-v1.1.1.tgz.sha256'))).toHaveLength(1)
  })

  it('refuses a release tarball with a ../ entry and writes nothing outside or into output-dir', async () => {
    const out = tempDir()
    const r = await runDist('build-cnitgz', { version: 'v6.6.6', arch: 's390x', 'base-url': baseUrl(), 'output-dir': out }, { env })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toMatch(
      /^::error::failed for s390x: CNI plugins v6\.6\.6 for s390x \(\S+\): cni-plugins-linux-s390x-v6\.6\.6\.tgz: entry '\.\.\/escape' contains '\.\.'; refusing to unpack it/,
    )
    expect(readdirSync(out)).toEqual([])
  })
})

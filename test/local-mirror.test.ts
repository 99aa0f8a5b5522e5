/**
 * The local pipeline's loopback mirror: a rebuild from a restarted mirror (another random port) gives
 * byte-identical resource tarballs, since BUILD_INFO names a loopback URL by its path, not its port; and a
 * refusal after the mirror has started still ends the CLI at once with exit 1 and one Error line (the mirror
 * closed, nothing left running).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Mirror, startMirror } from '../cli/mirror.js'
import { populateUpstreamMirror } from '../cli/release.js'
import { parseArch } from '../shared/arch.js'
import { recordedUrl } from '../shared/resource/release.js'
import { writeCdkFixture } from './cdk-release.fixtures.js'
import { errorLines, repoRoot, runDist, tempDir } from './helpers/runner.js'

const CLI = path.join(repoRoot, 'bin', 'build-snaps.js')
const V = { kube: 'v1.31.2', cni: 'v1.5.1', flannel: 'v0.25.6', etcd: 'v3.5.16' }

test('BUILD_INFO names a loopback URL by its path; any other URL as fetched', () => {
  for (const host of ['127.0.0.1:41234', '127.3.2.1:80', 'localhost:8080', '[::1]:9999'])
    expect(recordedUrl(`http://${host}/cni/v1.5.1/cni-plugins-linux-amd64-v1.5.1.tgz`)).toBe(
      'loopback mirror /cni/v1.5.1/cni-plugins-linux-amd64-v1.5.1.tgz',
    )
  for (const url of [
    'https://github.com/containernetworking/plugins/releases/download/v1.5.1/cni-plugins-linux-amd64-v1.5.1.tgz',
    'http://mirror.example.com:8080/etcd/v3.5.16/etcd-v3.5.16-linux-amd64.tar.gz',
    'http://10.0.0.1/x.tgz',
  ])
    expect(recordedUrl(url)).toBe(url)
})

describe('a rebuild from a restarted mirror is byte-identical', () => {
  let mirrors: Mirror[] = []
  let root: string
  beforeAll(async () => {
    root = tempDir('bs-upstream-')
    await populateUpstreamMirror(root, V, [parseArch('amd64')], path.join(tmpdir(), 'build-snaps-fake-upstream'))
    // Two servers of the same tree, as two runs of the local pipeline get them: each on its own random port.
    mirrors = [await startMirror(root), await startMirror(root)]
  }, 300_000)
  afterAll(async () => Promise.all(mirrors.map((m) => m.close())))

  const buildInfo = (file: string) => execFileSync('tar', ['-xzOf', file, 'BUILD_INFO']).toString()

  test('cni-amd64.tgz and flannel-amd64.tar.gz from two mirrors on different ports', async () => {
    expect(mirrors[0].url).not.toBe(mirrors[1].url)
    const out: string[] = []
    for (const m of mirrors) {
      const dir = tempDir('bs-rebuild-')
      const cni = await runDist('build-cnitgz', {
        version: V.cni,
        from: 'release',
        arch: 'amd64',
        'base-url': `${m.url}/cni/{version}`,
        'output-dir': dir,
      })
      expect(errorLines(cni), cni.log).toEqual([])
      const flannel = await runDist('build-flannel', {
        'flannel-version': V.flannel,
        'etcd-version': V.etcd,
        arch: 'amd64',
        'flannel-base-url': `${m.url}/flannel/{version}`,
        'etcd-base-url': `${m.url}/etcd/{version}`,
        'output-dir': dir,
      })
      expect(errorLines(flannel), flannel.log).toEqual([])
      // Each build really downloaded from its own mirror (no shared download cache).
      expect(m.requests).toContain(`/cni/${V.cni}/cni-plugins-linux-amd64-${V.cni}.tgz`)
      expect(m.requests).toContain(`/flannel/${V.flannel}/flannel-${V.flannel}-linux-amd64.tar.gz`)
      out.push(dir)
    }
    for (const f of ['cni-amd64.tgz', 'flannel-amd64.tar.gz']) {
      const [a, b] = out.map((d) => readFileSync(path.join(d, f)))
      expect(a.equals(b), `${f}:\n${buildInfo(path.join(out[0], f))}\n${buildInfo(path.join(out[1], f))}`).toBe(true)
    }
    const cniInfo = buildInfo(path.join(out[0], 'cni-amd64.tgz'))
    expect(cniInfo).toMatch(
      new RegExp(`^cni-plugins release: loopback mirror /cni/${V.cni}/cni-plugins-linux-amd64-${V.cni}\\.tgz sha256 [0-9a-f]{64}$`, 'm'),
    )
    const flannelInfo = buildInfo(path.join(out[0], 'flannel-amd64.tar.gz'))
    expect(flannelInfo).toMatch(/^flannel release: loopback mirror \/flannel\/v0\.25\.6\/flannel-v0\.25\.6-linux-amd64\.tar\.gz sha256 /m)
    expect(flannelInfo).toMatch(/^etcd release: loopback mirror \/etcd\/v3\.5\.16\/etcd-v3\.5\.16-linux-amd64\.tar\.gz sha256 /m)
    expect(cniInfo + flannelInfo).not.toContain('127.0.0.1')
  }, 300_000)
})

describe('a refusal before or after the loopback mirror has started ends the CLI at once', () => {
  const run = (args: string[]) => {
    const t0 = Date.now()
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 240_000, cwd: tempDir('bs-refuse-') })
    return { ...r, seconds: (Date.now() - t0) / 1000 }
  }

  test('release: a plan error found only once the version is resolved against the mirror: exit 1, one Error line', () => {
    const root = tempDir('bs-cdk-')
    // installs-snaps with no channel anywhere: refused by the plan's second part (after the mirror is up).
    const { config } = writeCdkFixture(root, ['amd64'], (d) => (d.charms.flannel['installs-snaps'] = ['kubectl']))
    const out = tempDir('bs-release-')
    const r = run(['release', '--config', config, '--output-dir', out])
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1)
    expect(r.stdout).toContain('▶ Loopback mirror')
    expect(existsSync(path.join(out, 'mirror', 'k8s', 'release', V.kube))).toBe(true)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Error: cdk-release\.yaml: charms\.flannel: installs kubectl from the Snap Store, but its channel is unknown/),
    ])
    // The mirror's stand-ins are built before it opens (cached after the first run); a bound against hanging.
    expect(r.seconds).toBeLessThan(120)
  }, 300_000)

  test('release --snapcraft PATH that is no file: refused before the mirror is built', () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ['amd64'])
    const out = tempDir('bs-release-')
    const r = run(['release', '--config', config, '--output-dir', out, '--snapcraft', '/nonexistent/snapcraft'])
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([
      'Error: --snapcraft: /nonexistent/snapcraft is not a file; give the path of a snapcraft program (e.g. /snap/bin/snapcraft)',
    ])
    expect(existsSync(path.join(out, 'mirror'))).toBe(false)
    expect(r.seconds).toBeLessThan(30)
  })

  test('a command that leaves a server open: the CLI still exits, with its code, and names what was left', () => {
    const script = path.join(tempDir('bs-leak-'), 'leak.ts')
    writeFileSync(
      script,
      [
        "import { createServer } from 'node:http'",
        `import { mainCli } from ${JSON.stringify(path.join(repoRoot, 'cli', 'main.ts'))}`,
        "createServer().listen(0, '127.0.0.1') // what a refusal that forgot to close its mirror would leave",
        "process.argv = [process.argv[0], 'build-snaps', 'release', 'no-such-mode']",
        'await mainCli()',
      ].join('\n'),
    )
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vite-node'), [script], { encoding: 'utf8', timeout: 120_000 })
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Error: release: unknown mode 'no-such-mode'/),
      expect.stringMatching(/^Warning: build-snaps left .*TCPServerWrap.* open after the command finished; exiting$/),
    ])
  }, 150_000)

  test('serve-mirror: its url file cannot be written: the server is closed, exit 1, one Error line', () => {
    const dir = tempDir('bs-serve-')
    mkdirSync(path.join(dir, 'url')) // a directory where the url file goes
    const r = run(['release', 'serve-mirror', '--dir', dir, '--arches', 'amd64'])
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Error: --dir: cannot write .*\/url \(.*EISDIR/)])
    expect(r.seconds).toBeLessThan(120)
  }, 300_000)
})

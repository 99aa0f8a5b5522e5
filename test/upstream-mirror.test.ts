/**
 * The loopback upstream `follow` reads: several releases of real cross-compiled stand-ins in the dl.k8s.io
 * layout, markers behind a 302 to a second server (as dl.k8s.io sends them to cdn.dl.k8s.io), garbage markers
 * as the CDN serves them, and an arch withheld then laid out later, alone. Read through shared/download.ts.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  HTML_MARKER,
  NO_SUCH_KEY_MARKER,
  type Upstream,
  defaultUpstream,
  layOutUpstream,
  markersFor,
  serveUpstream,
} from '../cli/fake-k8s.js'
import type { Mirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { downloadWithSha256File, fetchText } from '../shared/download.js'
import { binaryUrl, markerUrl, parseMarkerBody, resolveKubeVersion } from '../shared/k8s.js'
import { FAKE_BUILD_DIR } from './helpers/k8s-mirror.js'
import { tempDir } from './helpers/runner.js'

const quiet = () => {}
const policy = { timeoutSeconds: 10, attempts: 1, backoffMs: 10 }
const UPSTREAM: Upstream = {
  releases: [
    { version: 'v1.35.2', arches: ['amd64', 's390x'] },
    { version: 'v1.35.3', arches: ['amd64'] }, // s390x not upstream yet
    { version: 'v1.36.0-rc.1', arches: ['amd64'] },
  ],
  markers: {
    'stable-1.35': 'v1.35.3',
    'latest-1.36': 'v1.36.0-rc.1',
    'stable-1.36': NO_SUCH_KEY_MARKER,
    'stable-1.34': HTML_MARKER,
  },
}

describe('an upstream of several releases, served as dl.k8s.io serves it', () => {
  let root: string
  let mirror: Mirror & { cdn: Mirror }
  let first: Awaited<ReturnType<typeof layOutUpstream>>
  beforeAll(async () => {
    root = tempDir('bs-upstream-')
    first = await layOutUpstream(root, UPSTREAM, FAKE_BUILD_DIR, ['kubectl', 'kubelet'])
    mirror = await serveUpstream(root)
  }, 300_000)
  afterAll(async () => mirror?.close())

  test('the first call lays out every (version, arch) given', () => {
    expect(first.built).toEqual([
      { version: 'v1.35.2', arch: 'amd64' },
      { version: 'v1.35.2', arch: 's390x' },
      { version: 'v1.35.3', arch: 'amd64' },
      { version: 'v1.36.0-rc.1', arch: 'amd64' },
    ])
  })

  test('markers: a 302 to the second server, then the version as the body', async () => {
    const url = markerUrl(mirror.url, 'stable-1.35')
    expect(await fetchText(url, quiet, policy)).toBe('v1.35.3')
    expect(await resolveKubeVersion('latest-1.36', mirror.url, quiet)).toBe('v1.36.0-rc.1')
    // Asked of the first server, answered by the second.
    expect(mirror.requests).toEqual(expect.arrayContaining(['/release/stable-1.35.txt', '/release/latest-1.36.txt']))
    expect(mirror.cdn.requests).toEqual(expect.arrayContaining(['/release/stable-1.35.txt', '/release/latest-1.36.txt']))
    expect(mirror.cdn.url).not.toBe(mirror.url)
  })

  test('garbage markers are served as given, and are no version', async () => {
    const xml = await fetchText(markerUrl(mirror.url, 'stable-1.36'), quiet, policy)
    expect(xml).toBe(NO_SUCH_KEY_MARKER)
    expect(xml).toMatch(/^<\?xml .*<Error><Code>NoSuchKey<\/Code>/)
    const html = await fetchText(markerUrl(mirror.url, 'stable-1.34'), quiet, policy)
    expect(html).toBe(HTML_MARKER.trim())
    for (const body of [xml, html]) expect(() => parseMarkerBody(body, 'marker')).toThrow(/is not a Kubernetes version/)
  })

  test("each release's binaries answer with its own version, and match their .sha256", async () => {
    for (const version of ['v1.35.2', 'v1.35.3', 'v1.36.0-rc.1']) {
      const dest = path.join(tempDir('bs-dl-'), 'kubectl')
      await downloadWithSha256File(binaryUrl(mirror.url, version, parseArch('amd64'), 'kubectl'), dest, { log: quiet, policy })
      chmodSync(dest, 0o755)
      expect(execFileSync(dest, ['version', '--client'], { encoding: 'utf8' })).toContain(`Client Version: ${version}\n`)
    }
  })

  test('an arch withheld upstream is a 404; a second call lays out only that arch, and a third nothing', async () => {
    const s390x = parseArch('s390x')
    const url = binaryUrl(mirror.url, 'v1.35.3', s390x, 'kubelet')
    const dest = path.join(tempDir('bs-dl-'), 'kubelet')
    await expect(downloadWithSha256File(url, dest, { log: quiet, policy })).rejects.toThrow(/HTTP 404/)

    const amd64Dir = path.join(root, 'release', 'v1.35.3', 'bin', 'linux', 'amd64')
    const before = statSync(path.join(amd64Dir, 'kubelet'))
    const withS390x = {
      ...UPSTREAM,
      releases: UPSTREAM.releases.map((r) => (r.version === 'v1.35.3' ? { ...r, arches: ['amd64', 's390x'] } : r)),
    }
    const second = await layOutUpstream(root, withS390x, FAKE_BUILD_DIR, ['kubectl', 'kubelet'])
    expect(second.built).toEqual([{ version: 'v1.35.3', arch: 's390x' }])
    // What was there is the very same file (not laid out again).
    const after = statSync(path.join(amd64Dir, 'kubelet'))
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])

    const got = await downloadWithSha256File(url, dest, { log: quiet, policy })
    expect(got.size).toBeGreaterThan(0)
    expect(execFileSync('file', ['-b', dest], { encoding: 'utf8' })).toMatch(/IBM S\/390/)
    expect((await layOutUpstream(root, withS390x, FAKE_BUILD_DIR, ['kubectl', 'kubelet'])).built).toEqual([])
  })

  test('a bad version, arch or marker name: refused, naming it', async () => {
    const r = tempDir('bs-upstream-bad-')
    await expect(layOutUpstream(r, { releases: [{ version: '1.35', arches: ['amd64'] }], markers: {} })).rejects.toThrow(
      "upstream release '1.35': not a Kubernetes version",
    )
    await expect(layOutUpstream(r, { releases: [{ version: 'v1.35.1', arches: ['sparc'] }], markers: {} })).rejects.toThrow(
      /upstream v1\.35\.1 arches: unknown architecture 'sparc'/,
    )
    await expect(layOutUpstream(r, { releases: [], markers: { '../x': 'v1.35.1' } })).rejects.toThrow("upstream marker '../x'")
  })
})

describe('the markers of a set of releases, and the default upstream of a follow config', () => {
  test('stable-X.Y: the newest release; latest-X.Y: the newest, pre-releases too', () => {
    const releases = ['v1.34.9', 'v1.35.0', 'v1.35.10', 'v1.35.2', 'v1.36.0-alpha.2', 'v1.36.0-rc.1'].map((version) => ({
      version,
      arches: [],
    }))
    expect(markersFor(releases)).toEqual({
      'stable-1.34': 'v1.34.9',
      'latest-1.34': 'v1.34.9',
      'stable-1.35': 'v1.35.10',
      'latest-1.35': 'v1.35.10',
      'latest-1.36': 'v1.36.0-rc.1',
      stable: 'v1.35.10',
      latest: 'v1.36.0-rc.1',
    })
  })

  test('the next minor has a release candidate only; the others a patch release each, every arch up', () => {
    const arches = ['amd64', 'arm64', 's390x', 'ppc64el']
    const tracks = [
      { track: '1.34', preReleases: false },
      { track: '1.35', preReleases: true },
      { track: '1.33', preReleases: false },
    ]
    const u = defaultUpstream({ arches, tracks, latest: '1.34' })
    expect(u.releases).toEqual([
      { version: 'v1.35.0-rc.1', arches },
      { version: 'v1.34.2', arches },
      { version: 'v1.33.4', arches },
    ])
    expect(u.markers).toMatchObject({
      'latest-1.35': 'v1.35.0-rc.1',
      'stable-1.35': NO_SUCH_KEY_MARKER,
      'stable-1.34': 'v1.34.2',
      'stable-1.33': 'v1.33.4',
    })
    // When the pre-release track is the one latest/* copies, it is GA'd: a patch release, and latest-X.Y names it.
    const ga = defaultUpstream({ arches: ['amd64'], tracks, latest: '1.35' })
    expect(ga.releases.map((r) => r.version)).toEqual(['v1.35.2', 'v1.34.4', 'v1.33.6'])
    expect(ga.markers).toMatchObject({ 'stable-1.35': 'v1.35.2', 'latest-1.35': 'v1.35.2' })
    expect(() => defaultUpstream({ arches, tracks: [{ track: '1.35.1', preReleases: false }] })).toThrow(
      `tracks: '1.35.1' is not a Kubernetes minor`,
    )
  })
})

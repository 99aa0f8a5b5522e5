/**
 * Today's four CK charms (examples/charms, in the real charms' shapes) released end to end by the local pipeline:
 * release.yml's jobs through the dist bundles, each job played on its runner (RUNNER_ARCH/ImageOS), against the
 * charmcraft double rebuilt from charmcraft's source (it packs only the entry of the runner's arch, refuses a
 * destructive build on another Ubuntu release) and a loopback mirror of stand-in upstream binaries.
 *   amd64+arm64: every base of every charm, each control-plane/worker revision with its own arch's cni-plugins,
 *   the track made before anything is uploaded, bundles juju accepts; a re-run uploads nothing; promotion moves
 *   every base. With s390x and no route: the plan refuses, nothing built or uploaded. With the s390x route: the
 *   s390x entry packed on S390X.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { type LocalReleaseResult, openMirror, runLocalRelease } from '../cli/release.js'
import type { Mirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { checkBundle } from '../shared/bundle-check.js'
import { calls, channelMap, charmState, type StoreDouble } from './charm-fixtures.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const CHARMS = ['kubernetes-control-plane', 'kubernetes-worker', 'etcd', 'flannel']
const example = parse(readFileSync(path.join(repoRoot, 'examples/cdk-release.yaml'), 'utf8')) as Record<string, unknown>

/** examples/ copied to a scratch directory, with cdk-release.yaml edited. */
function workspace(edit: (d: Record<string, unknown> & { charms: Record<string, Record<string, unknown>> }) => void): string {
  const root = tempDir('bs-ck-')
  cpSync(path.join(repoRoot, 'examples'), root, { recursive: true })
  const d = structuredClone(example) as Record<string, unknown> & { charms: Record<string, Record<string, unknown>> }
  edit(d)
  writeFileSync(path.join(root, 'cdk-release.yaml'), stringify(d))
  return path.join(root, 'cdk-release.yaml')
}

const steps = (r: LocalReleaseResult) =>
  r.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.job} ${s.charm ?? s.arch ?? ''}: ${s.step}`)
const WRITES = ['upload', 'upload-resource', 'release', 'create-track']

let mirror: Mirror
beforeAll(async () => {
  const v = example.versions as Record<string, string>
  mirror = await openMirror(
    tempDir('bs-mirror-'),
    { kube: v.kubernetes, cni: v.cni, flannel: v.flannel, etcd: v.etcd },
    ['amd64', 'arm64', 's390x'].map((a) => parseArch(a)),
  )
}, 180_000)
afterAll(() => mirror?.close())

describe('the four CK charms for amd64 and arm64: released, re-run, promoted', () => {
  // flannel declares flannel-s390x too: this release maps it to a file of the repository.
  const config = workspace((d) => {
    d.arches = ['amd64', 'arm64']
    d.charms.flannel.resources = { 'flannel-{arch}': 'flannel', 'flannel-s390x': 'file:resources/snapshot.tar.gz' }
  })
  const out = tempDir('bs-ck-out-')
  const store: StoreDouble = { state: path.join(out, 'store') } as StoreDouble
  let first: LocalReleaseResult
  let again: LocalReleaseResult
  let promoted: LocalReleaseResult
  let firstCalls: string[][] = []
  let againCalls: string[][] = []
  beforeAll(async () => {
    first = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true })
    firstCalls = calls(store).map((c) => c.argv)
    again = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true, resume: true })
    againCalls = calls(store)
      .slice(firstCalls.length)
      .map((c) => c.argv)
    promoted = await runLocalRelease({ config, outDir: out, dryRun: 'false', promote: '1.33/edge', channel: '1.33/beta', quiet: true })
  }, 600_000)

  test('one pack job per needed entry, each on a hosted runner of its arch and release (22.04), destructive mode', () => {
    expect(first.exitCode, JSON.stringify(steps(first))).toBe(0)
    expect(first.steps.filter((s) => s.job === 'pack').map((s) => [s.charm, s.entry, s.runner?.RUNNER_ARCH, s.runner?.ImageOS])).toEqual([
      ['kubernetes-control-plane', 'bases[0]', 'X64', 'ubuntu22'],
      ['kubernetes-control-plane', 'bases[1]', 'ARM64', 'ubuntu22'],
      ['kubernetes-worker', 'bases[0]', 'X64', 'ubuntu22'],
      ['kubernetes-worker', 'bases[1]', 'ARM64', 'ubuntu22'],
      ['etcd', 'bases[0]', 'X64', 'ubuntu22'],
      ['flannel', 'bases[0]', 'X64', 'ubuntu22'],
    ])
  })

  test('every base of every charm is in 1.33/edge: one revision per arch (control plane, worker), one for all (etcd, flannel)', () => {
    for (const c of ['kubernetes-control-plane', 'kubernetes-worker']) {
      const map = channelMap(store, c, '1.33/edge')
      expect(Object.keys(map).sort(), c).toEqual(['22.04/amd64', '22.04/arm64', '24.04/amd64', '24.04/arm64'])
      expect(map['22.04/amd64'].revision).toBe(map['24.04/amd64'].revision)
      expect(map['22.04/arm64'].revision).toBe(map['24.04/arm64'].revision)
      expect(map['22.04/arm64'].revision).not.toBe(map['22.04/amd64'].revision)
      expect(charmState(store, c).revisions, c).toHaveLength(2)
    }
    for (const c of ['etcd', 'flannel']) {
      const map = channelMap(store, c, '1.33/edge')
      expect(Object.keys(map).length, c).toBeGreaterThanOrEqual(4)
      expect(new Set(Object.values(map).map((m) => m.revision)).size, c).toBe(1)
      expect(charmState(store, c).revisions, c).toHaveLength(1)
    }
  })

  test("each control-plane and worker revision carries its own arch's cni-plugins (uploaded with --arch)", () => {
    for (const c of ['kubernetes-control-plane', 'kubernetes-worker']) {
      const state = charmState(store, c)
      const map = channelMap(store, c, '1.33/edge')
      for (const arch of ['amd64', 'arm64']) {
        const rev = map[`22.04/${arch}`].resources['cni-plugins']
        const r = state.resources['cni-plugins'].revisions.find((x) => x.revision === rev)!
        expect(r.arches, `${c} ${arch}`).toEqual([arch])
        const built = path.join(out, 'artifacts', `release-${arch}`, `cni-${arch}.tgz`)
        expect(r.sha256).toBe(createHash('sha256').update(readFileSync(built)).digest('hex'))
      }
    }
  })

  test('the track 1.33 is made for every charm before anything of it is uploaded', () => {
    for (const c of CHARMS) {
      const mine = firstCalls.filter((a) => a.includes(c) || a.some((x) => path.basename(x).startsWith(`${c}_`)))
      const track = mine.findIndex((a) => a[0] === 'create-track')
      const upload = mine.findIndex((a) => a[0] === 'upload' || a[0] === 'upload-resource')
      expect(track, c).toBeGreaterThanOrEqual(0)
      expect(track, c).toBeLessThan(upload)
    }
  })

  test('the pinned bundles pass juju bundle checks: flannel (subordinate) has no units; series never disagrees with default-base', () => {
    expect(first.bundles.length).toBeGreaterThan(0)
    for (const b of first.bundles) {
      const text = readFileSync(b, 'utf8')
      expect(checkBundle(text, { flannel: { subordinate: true, endpoints: {} } }), path.basename(b)).toEqual([])
      const doc = parse(text) as { applications: Record<string, Record<string, unknown>> }
      expect(doc.applications.flannel.num_units, path.basename(b)).toBeUndefined()
    }
  })

  test('a re-run (--resume) uploads, creates and releases nothing', () => {
    expect(again.exitCode, JSON.stringify(steps(again))).toBe(0)
    expect(againCalls.filter((a) => WRITES.includes(a[0]))).toEqual([])
  })

  test('promotion 1.33/edge → 1.33/beta moves every base of every charm with its resources', () => {
    expect(promoted.exitCode, JSON.stringify(steps(promoted))).toBe(0)
    for (const c of CHARMS) expect(channelMap(store, c, '1.33/beta'), c).toEqual(channelMap(store, c, '1.33/edge'))
  })
})

describe('s390x: its route, or the refusal before anything is built', () => {
  test('examples/cdk-release.yaml (amd64, arm64, s390x) with no s390x runner: one line per per-arch charm, nothing built or uploaded', async () => {
    const config = workspace(() => {})
    const out = tempDir('bs-ck-out-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual(
      ['kubernetes-control-plane', 'kubernetes-worker'].map(
        (c) =>
          `${c}: bases[2] builds on ubuntu 22.04 s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x); locally: --runners s390x; or drop its arch from arches`,
      ),
    )
    expect(r.steps.map((s) => `${s.job}: ${s.step}`)).toEqual(['plan: plan'])
    expect(existsSync(path.join(out, 'store', 'calls.jsonl'))).toBe(false)
    expect(existsSync(path.join(out, 'artifacts', 'release-amd64'))).toBe(false)
  })

  test('a bundle juju would refuse stops the plan, with provisional revisions, before anything is built or uploaded', async () => {
    const config = workspace((d) => {
      d.arches = ['amd64']
      d.charms = { 'kubernetes-control-plane': d.charms['kubernetes-control-plane'] }
      d.bundle = { template: 'ck.yaml' }
    })
    writeFileSync(
      path.join(path.dirname(config), 'ck.yaml'),
      stringify({
        applications: { 'kubernetes-control-plane': { charm: 'kubernetes-control-plane', num_units: 1 } },
        relations: [['kubernetes-control-plane:cni', 'flannel:cni']],
      }),
    )
    const out = tempDir('bs-ck-out-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true })
    expect(r.exitCode).toBe(1)
    // One line per bundle (22.04 and 24.04: the control plane's revision serves both).
    expect(r.errors).toHaveLength(2)
    for (const e of r.errors)
      expect(e).toMatch(
        /^bundle bundle-2[24]\.04-amd64\.yaml: relation .*"flannel" not defined in this bundle; juju would refuse this bundle: fix bundle\.template \(ck\.yaml\)$/,
      )
    expect(r.steps.map((s) => `${s.job}: ${s.exitCode}`)).toEqual(['plan: 1'])
    expect(existsSync(path.join(out, 'store', 'calls.jsonl'))).toBe(false)
  })

  test('an entry built on a release no hosted image runs (20.04): LXD managed mode on ubuntu-24.04, LXD set up for that job only', async () => {
    const config = workspace((d) => {
      d.arches = ['amd64']
      d.charms = { 'kubernetes-control-plane': d.charms['kubernetes-control-plane'] }
    })
    const cc = path.join(path.dirname(config), 'charms', 'kubernetes-control-plane', 'charmcraft.yaml')
    const doc = parse(readFileSync(cc, 'utf8')) as { bases: { 'build-on': { channel: string }[]; 'run-on': { channel: string }[] }[] }
    for (const b of doc.bases) for (const x of [...b['build-on'], ...b['run-on']]) if (x.channel === '22.04') x.channel = '20.04'
    writeFileSync(cc, stringify(doc))
    const out = tempDir('bs-ck-out-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'true', mirror, quiet: true })
    expect(r.exitCode, JSON.stringify(steps(r))).toBe(0)
    expect(r.plan!.packs.map((p) => [p.route, p['runs-on'], p.destructive, p.lxd])).toEqual([['lxd', 'ubuntu-24.04', 'false', true]])
    const pack = r.steps.find((s) => s.job === 'pack')!
    expect(pack.runner).toEqual({ RUNNER_ARCH: 'X64', ImageOS: 'ubuntu24', CHARMCRAFT_DOUBLE_LXD: '1' })
    expect(r.steps.filter((s) => s.job !== 'pack').every((s) => !s.runner?.CHARMCRAFT_DOUBLE_LXD)).toBe(true)
    const dir = path.join(out, 'artifacts', 'charm-kubernetes-control-plane', 'charms')
    expect(existsSync(path.join(dir, 'kubernetes-control-plane_ubuntu-20.04-amd64_ubuntu-24.04-amd64.charm'))).toBe(true)
  }, 300_000)

  test('with the s390x runner (--runners s390x, as S390X_RUNNER on GitHub): the s390x entry is packed on S390X', async () => {
    const config = workspace((d) => {
      d.arches = ['amd64', 's390x']
      d.charms = { 'kubernetes-control-plane': d.charms['kubernetes-control-plane'] }
    })
    const out = tempDir('bs-ck-out-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'true', mirror, quiet: true, runners: ['s390x'] })
    expect(r.exitCode, JSON.stringify(steps(r))).toBe(0)
    expect(r.steps.filter((s) => s.job === 'pack').map((s) => [s.entry, s.runner?.RUNNER_ARCH, s.runner?.ImageOS])).toEqual([
      ['bases[0]', 'X64', 'ubuntu22'],
      ['bases[2]', 'S390X', 'ubuntu22'],
    ])
    const dir = path.join(out, 'artifacts', 'charm-kubernetes-control-plane', 'charms')
    for (const a of ['amd64', 's390x'])
      expect(existsSync(path.join(dir, `kubernetes-control-plane_ubuntu-22.04-${a}_ubuntu-24.04-${a}.charm`)), a).toBe(true)
    // One SHA256SUMS for both pack jobs' files.
    expect(readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toMatch(/s390x\.charm\n[\s\S]*amd64|amd64[\s\S]*s390x\.charm/)
  }, 300_000)
})

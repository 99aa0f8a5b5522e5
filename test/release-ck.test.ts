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
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { type LocalReleaseResult, openMirror, runLocalRelease } from '../cli/release.js'
import type { Mirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { checkBundle } from '../shared/bundle-check.js'
import { parseStatus } from '../shared/snap-store/snapcraft.js'
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

/** The snaps examples/cdk-release.yaml publishes: the seven Kubernetes snaps and cdk-addons. */
const SNAPS = ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm', 'cdk-addons']
const SNAPCRAFT = path.join(repoRoot, 'test', 'doubles', 'snapcraft')

/** The snapcraft double's answer, with the credential the local pipeline exported for its store. */
function snapcraft(state: string, ...args: string[]): string {
  const credentials = readFileSync(path.join(state, 'credentials'), 'utf8').trim()
  return execFileSync(SNAPCRAFT, args, {
    env: { ...process.env, SNAPCRAFT_DOUBLE_STATE: state, SNAPCRAFT_STORE_CREDENTIALS: credentials },
    encoding: 'utf8',
  })
}

/** Every call the snapcraft double took (its calls.jsonl), as argv. */
function snapCalls(state: string): string[][] {
  const f = path.join(state, 'calls.jsonl')
  if (!existsSync(f)) return []
  return readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv)
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
    // The release's arches and ppc64el, which examples/cdk-release.yaml publishes snaps for.
    ['amd64', 'arm64', 'ppc64el', 's390x'].map((a) => parseArch(a)),
  )
}, 180_000)
afterAll(() => mirror?.close())

describe('examples/cdk-release.yaml as written (amd64, arm64, s390x; snaps also for ppc64el): released, re-run, promoted', () => {
  const config = workspace(() => {})
  const out = tempDir('bs-ck-out-')
  const store: StoreDouble = { state: path.join(out, 'store') } as StoreDouble
  const snapState = path.join(out, 'snap-store')
  let first: LocalReleaseResult
  let again: LocalReleaseResult
  let promoted: LocalReleaseResult
  let firstCalls: string[][] = []
  let againCalls: string[][] = []
  let firstSnapCalls: string[][] = []
  let againSnapCalls: string[][] = []
  beforeAll(async () => {
    first = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true, runners: ['s390x'] })
    firstCalls = calls(store).map((c) => c.argv)
    firstSnapCalls = snapCalls(snapState)
    again = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true, resume: true, runners: ['s390x'] })
    againCalls = calls(store)
      .slice(firstCalls.length)
      .map((c) => c.argv)
    againSnapCalls = snapCalls(snapState).slice(firstSnapCalls.length)
    promoted = await runLocalRelease({ config, outDir: out, dryRun: 'false', promote: '1.33/edge', channel: '1.33/beta', quiet: true })
  }, 900_000)

  test('one pack job per needed entry, each on a runner of its arch and release (22.04): hosted, or the self-hosted s390x one', () => {
    expect(first.exitCode, JSON.stringify([steps(first), first.errors])).toBe(0)
    expect(first.steps.filter((s) => s.job === 'pack').map((s) => [s.charm, s.entry, s.runner?.RUNNER_ARCH, s.runner?.ImageOS])).toEqual([
      ['kubernetes-control-plane', 'bases[0]', 'X64', 'ubuntu22'],
      ['kubernetes-control-plane', 'bases[1]', 'ARM64', 'ubuntu22'],
      ['kubernetes-control-plane', 'bases[2]', 'S390X', 'ubuntu22'],
      ['kubernetes-worker', 'bases[0]', 'X64', 'ubuntu22'],
      ['kubernetes-worker', 'bases[1]', 'ARM64', 'ubuntu22'],
      ['kubernetes-worker', 'bases[2]', 'S390X', 'ubuntu22'],
      ['etcd', 'bases[0]', 'X64', 'ubuntu22'],
      ['flannel', 'bases[0]', 'X64', 'ubuntu22'],
    ])
  })

  test('every snap for every arch (ppc64el too) is in 1.33/edge and 1.33/stable before the first charm is released', () => {
    const arches = ['amd64', 'arm64', 'ppc64el', 's390x']
    expect(first.steps.filter((s) => s.job === 'build').map((s) => s.arch)).toEqual(expect.arrayContaining(arches))
    for (const snap of SNAPS) {
      const rows = parseStatus(snapcraft(snapState, 'status', snap))
      for (const arch of arches) {
        const edge = rows.find((r) => r.arch === arch && r.channel === '1.33/edge')
        const stable = rows.find((r) => r.arch === arch && r.channel === '1.33/stable')
        expect(edge?.revision, `${snap} ${arch}`).toBeDefined()
        expect(stable?.revision, `${snap} ${arch}`).toBe(edge?.revision)
      }
    }
    const records = first.snaps!.records
    expect(records).toHaveLength(SNAPS.length * arches.length)
    expect(new Set(records.map((r) => r.action))).toEqual(new Set(['uploaded']))
    for (const r of records) {
      const file = readdirSync(path.join(out, 'artifacts', `release-${r.arch}`)).find(
        (f) => f.startsWith(`${r.snap}_`) && f.endsWith('.snap'),
      )!
      expect(r.sha256, `${r.snap} ${r.arch}`).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(out, 'artifacts', `release-${r.arch}`, file)))
          .digest('hex'),
      )
    }
    // One upload per (snap, arch), released to both channels at once; then the charms.
    expect(firstSnapCalls.filter((a) => a[0] === 'upload')).toHaveLength(SNAPS.length * arches.length)
    const order = first.steps.map((s) => s.job)
    expect(order.indexOf('snaps')).toBeGreaterThan(order.lastIndexOf('charm'))
    expect(order.indexOf('snaps')).toBeLessThan(order.indexOf('release'))
    expect(first.snaps!.gateChecked).toBe(3 * (7 + 3)) // control plane 7 snaps, worker 3, on 3 arches each
    expect(first.summary).toMatch(/\| kubectl \| s390x \| \d+ \| 1\.33\.2 \| 1\.33\/edge, 1\.33\/stable \|/)
  })

  test('every base of every charm is in 1.33/edge: one revision per arch (control plane, worker), one for all (etcd, flannel)', () => {
    for (const c of ['kubernetes-control-plane', 'kubernetes-worker']) {
      const map = channelMap(store, c, '1.33/edge')
      expect(Object.keys(map).sort(), c).toEqual(['22.04/amd64', '22.04/arm64', '22.04/s390x', '24.04/amd64', '24.04/arm64', '24.04/s390x'])
      expect(map['22.04/amd64'].revision).toBe(map['24.04/amd64'].revision)
      expect(map['22.04/arm64'].revision).toBe(map['24.04/arm64'].revision)
      expect(map['22.04/arm64'].revision).not.toBe(map['22.04/amd64'].revision)
      expect(charmState(store, c).revisions, c).toHaveLength(3)
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
      for (const arch of ['amd64', 'arm64', 's390x']) {
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

  test('a re-run (--resume) uploads, creates and releases nothing: no charm, no resource, no snap', () => {
    expect(again.exitCode, JSON.stringify(steps(again))).toBe(0)
    expect(againCalls.filter((a) => WRITES.includes(a[0]))).toEqual([])
    expect(againSnapCalls.filter((a) => a[0] === 'upload' || a[0] === 'release')).toEqual([])
    expect(new Set(again.snaps!.records.map((r) => r.action))).toEqual(new Set(['kept']))
  })

  test('promotion 1.33/edge → 1.33/beta moves every base of every charm with its resources, and every snap first', () => {
    expect(promoted.exitCode, JSON.stringify([steps(promoted), promoted.errors])).toBe(0)
    for (const c of CHARMS) expect(channelMap(store, c, '1.33/beta'), c).toEqual(channelMap(store, c, '1.33/edge'))
    for (const snap of SNAPS) {
      const rows = parseStatus(snapcraft(snapState, 'status', snap))
      for (const arch of ['amd64', 'arm64', 'ppc64el', 's390x'])
        expect(rows.find((r) => r.arch === arch && r.channel === '1.33/beta')?.revision, `${snap} ${arch}`).toBe(
          rows.find((r) => r.arch === arch && r.channel === '1.33/edge')?.revision,
        )
    }
    expect(promoted.steps.map((s) => s.job).indexOf('snaps')).toBeLessThan(promoted.steps.map((s) => s.job).indexOf('promote'))
    expect(new Set(promoted.snaps!.records.map((r) => r.action))).toEqual(new Set(['promoted']))
  })

  describe('the snaps job refuses before anything is uploaded (the built artifacts reused, --resume, a fresh store each)', () => {
    /** A release of the built artifacts into fresh doubles; what each store was asked to write. */
    async function release(
      o: { config?: string; prepare?: (state: string) => void } & Partial<Parameters<typeof runLocalRelease>[0]> = {},
    ) {
      const o2 = tempDir('bs-ck-refuse-')
      cpSync(path.join(out, 'artifacts'), path.join(o2, 'artifacts'), { recursive: true })
      const state = path.join(o2, 'snap-store')
      if (o.prepare) {
        mkdirSync(state, { recursive: true })
        execFileSync(SNAPCRAFT, ['export-login', path.join(state, 'credentials')], {
          env: { ...process.env, SNAPCRAFT_DOUBLE_STATE: state },
        })
        o.prepare(state)
      }
      const { config: c = config, prepare: _p, ...rest } = o
      const r = await runLocalRelease({
        config: c,
        outDir: o2,
        dryRun: 'false',
        mirror,
        quiet: true,
        resume: true,
        runners: ['s390x'],
        ...rest,
      })
      return {
        r,
        charmWrites: calls({ state: path.join(o2, 'store') } as StoreDouble).filter((x) => WRITES.includes(x.argv[0])),
        snapWrites: snapCalls(state).filter((a) => a[0] === 'upload' || a[0] === 'release'),
      }
    }

    test('a channel whose track the store does not have: one line per snap naming the track and how it is made; nothing uploaded', async () => {
      const { r, charmWrites, snapWrites } = await release({
        snapSetup: false,
        prepare: (state) => {
          for (const n of SNAPS) snapcraft(state, 'register', '--yes', n)
        },
      })
      expect(r.exitCode).toBe(1)
      expect(r.errors).toEqual(
        SNAPS.map(
          (n) =>
            `snap-store: ${n} has no track '1.33' (channels 1.33/edge, 1.33/stable); a track is made by the store: where the snap has track guardrails, the publisher API creates it (POST /v1/snap/${n}/tracks, as charmed-kubernetes' ensure_track does), else request it in the store-requests category of forum.snapcraft.io, then run again`,
        ),
      )
      expect([charmWrites, snapWrites]).toEqual([[], []])
    })

    test('a name the store does not know (or the credential may not use): one line per snap; nothing uploaded', async () => {
      const { r, charmWrites, snapWrites } = await release({ snapSetup: false, prepare: () => {} })
      expect(r.exitCode).toBe(1)
      expect(r.errors).toHaveLength(SNAPS.length)
      for (const [i, e] of r.errors.entries())
        expect(e).toMatch(
          new RegExp(
            `^snap-store: ${SNAPS[i]}: the Snap Store does not know this snap .*Snap not found for name=${SNAPS[i]}.*snapcraft register ${SNAPS[i]}`,
          ),
        )
      expect([charmWrites, snapWrites]).toEqual([[], []])
    })

    test('a real run of another snapcraft without SNAPCRAFT_STORE_CREDENTIALS: one line with the export-login line; nothing uploaded', async () => {
      const saved = process.env.SNAPCRAFT_STORE_CREDENTIALS
      delete process.env.SNAPCRAFT_STORE_CREDENTIALS
      try {
        const { r, charmWrites } = await release({ snapcraft: SNAPCRAFT })
        expect(r.exitCode).toBe(1)
        expect(r.errors).toEqual([
          "SNAPCRAFT_STORE_CREDENTIALS is not set; the snaps job reads the Snap Store and publishes to it: make it with `snapcraft export-login --snaps kubectl,kube-apiserver,kube-controller-manager,kube-scheduler,kubelet,kube-proxy,kubeadm,cdk-addons --channels 1.33/edge,1.33/stable --acls package_access,package_push,package_release snapcraft-credentials.txt` and keep the file's content as the secret SNAPCRAFT_STORE_CREDENTIALS of the release environment",
        ])
        expect(charmWrites).toEqual([])
      } finally {
        if (saved !== undefined) process.env.SNAPCRAFT_STORE_CREDENTIALS = saved
      }
    })

    test('the gate: a bundle that runs the worker from 1.32/stable, where no snap is: one line per (arch, snap); no charm uploaded', async () => {
      const gated = workspace((d) => {
        d.bundle = { name: 'charmed-kubernetes', template: 'ck.yaml' }
      })
      writeFileSync(
        path.join(path.dirname(gated), 'ck.yaml'),
        stringify({
          applications: {
            'kubernetes-control-plane': { charm: 'kubernetes-control-plane', num_units: 1 },
            'kubernetes-worker': { charm: 'kubernetes-worker', num_units: 1, options: { channel: '1.32/stable' } },
            etcd: { charm: 'etcd', num_units: 1 },
            flannel: { charm: 'flannel' },
          },
        }),
      )
      const { r, charmWrites, snapWrites } = await release({ config: gated })
      expect(r.exitCode).toBe(1)
      expect(r.errors).toEqual(
        ['amd64', 'arm64', 's390x'].flatMap((arch) =>
          ['kubectl', 'kubelet', 'kube-proxy'].map(
            (snap) =>
              `gate: kubernetes-worker on ${arch} installs ${snap} from 1.32/stable, which has no ${arch} revision there; publish it (snap-store in the description) or release it to 1.32/stable`,
          ),
        ),
      )
      // The snaps were published (a fresh store); the gate held every charm back.
      expect(snapWrites.length).toBeGreaterThan(0)
      expect(charmWrites).toEqual([])
    })
  })
})

describe('s390x: its route, or the refusal before anything is built', () => {
  test('examples/cdk-release.yaml (amd64, arm64, s390x) with emulate: false and no s390x runner: one line per per-arch charm, nothing built or uploaded', async () => {
    const config = workspace((d) => (d.emulate = false))
    const out = tempDir('bs-ck-out-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual(
      ['kubernetes-control-plane', 'kubernetes-worker'].map(
        (c) =>
          `${c}: bases[2] builds on ubuntu 22.04 s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x; locally: --runners s390x), or remove emulate: false, or drop its arch from arches`,
      ),
    )
    expect(r.steps.map((s) => `${s.job}: ${s.step}`)).toEqual(['plan: plan'])
    expect(existsSync(path.join(out, 'store', 'calls.jsonl'))).toBe(false)
    expect(existsSync(path.join(out, 'artifacts', 'release-amd64'))).toBe(false)
  })

  test('a bundle juju would refuse stops the plan, with provisional revisions, before anything is built or uploaded', async () => {
    const config = workspace((d) => {
      d.arches = ['amd64']
      delete d['snap-store'] // no snaps published: nothing to build for the other arches
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
      delete d['snap-store'] // no snaps published: nothing to build for the other arches
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
      delete d['snap-store'] // no snaps published: nothing to build for the other arches
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

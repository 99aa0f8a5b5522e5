/**
 * End to end through the dist bundles, as the runner runs them: zero-byte-snaps → charm-attach-release for
 * amd64, arm64 and s390x, against the charmcraft / charm TEST DOUBLES (the only doubled part: the store).
 * CNI tarballs are real tar.gz files over 1 MB, snaps are real squashfs images, the .charm a real zip.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { errorLines, runDist, tempDir, type DistRun } from './helpers/runner.js'
import {
  FIXTURES,
  TOKEN,
  calls,
  channelMap,
  charmFile,
  charmState,
  charmcraft,
  cniTarball,
  kubectlSnap,
  packedCharms,
  packedToday,
  storeDouble,
  writes,
  type StoreDouble,
} from './charm-fixtures.js'

const ARCHES = ['amd64', 'arm64', 's390x']
let work: string
let charm: string
let zeroByteLines: string
let resources: string

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

/** Everything the run printed or wrote, without the runner's own masking command. */
function visible(run: DistRun): string {
  const log = run.log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return `${log}\n${JSON.stringify(run.outputs)}\n${run.summary}`
}

function release(store: StoreDouble, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<DistRun> {
  return runDist(
    'charm-attach-release',
    { charm, channel: '1.31/edge', arches: ARCHES.join(' '), resources, credentials: TOKEN, ...inputs },
    { env: { ...store.env, ...env } },
  )
}

function registered(extra: Record<string, string> = {}): StoreDouble {
  const store = storeDouble(extra)
  charmcraft(store, 'register', 'kubernetes-worker')
  return store
}

beforeAll(async () => {
  work = tempDir('bs-charm-e2e-')
  charm = await charmFile('kubernetes-worker', path.join(work, 'kubernetes-worker.charm'))
  for (const a of ARCHES) cniTarball(work, a)
  const zb = await runDist('zero-byte-snaps', { charm: path.join(FIXTURES, 'kubernetes-worker'), 'output-dir': path.join(work, 'zero') })
  expect(zb.exitCode, zb.log).toBe(0)
  zeroByteLines = zb.outputs.resources
  resources = `cni-{arch}=${work}/cni-{arch}.tgz\n${zeroByteLines}`
})

describe('charm-attach-release (dist bundle, charmcraft double)', () => {
  it('releases all three arches with the revisions this run uploaded; a re-run uploads nothing; a changed file uploads only itself', async () => {
    const store = registered()
    // Earlier history: revisions of cni-arm64 that must not be picked (the "newest row" bug of the peer action).
    charmcraft(store, 'upload', '--format', 'json', charm)
    const old = cniTarball(tempDir(), 'arm64')
    charmcraft(store, 'upload-resource', '--format', 'json', 'kubernetes-worker', 'cni-arm64', '--filepath', old)
    charmcraft(store, 'upload-resource', '--format', 'json', 'kubernetes-worker', 'cni-arm64', '--filepath', old)
    const before = calls(store).length

    const run = await release(store)
    expect(run.exitCode, run.log).toBe(0)
    const state = charmState(store, 'kubernetes-worker')
    const revs = JSON.parse(run.outputs['resource-revisions']) as Record<string, number>
    expect(Object.keys(revs).sort()).toEqual(['cni-amd64', 'cni-arm64', 'cni-s390x', 'core', 'kube-proxy', 'kubectl', 'kubelet'])
    expect(run.outputs.revision).toBe('1') // the pre-uploaded identical charm: duplicate upload reused
    expect(run.log).toContain('duplicate upload')
    expect(run.outputs.channel).toBe('1.31/edge')
    expect(state.channels['1.31/edge']).toMatchObject({ revision: 1, resources: revs })
    for (const a of ARCHES) {
      const released = state.resources[`cni-${a}`].revisions.find((r) => r.revision === revs[`cni-${a}`])!
      expect(released.sha256).toBe(sha(path.join(work, `cni-${a}.tgz`)))
      expect(released.size).toBeGreaterThan(1_000_000)
    }
    expect(revs['cni-arm64']).toBe(3)
    for (const s of ['kubectl', 'kubelet', 'kube-proxy', 'core'])
      expect(state.resources[s].revisions.find((r) => r.revision === revs[s])!.size).toBe(0)
    expect(writes(calls(store).slice(before)).filter((w) => w.startsWith('upload-resource'))).toHaveLength(7)

    // The credential went only to charmcraft's environment: every store call had it, no argument did,
    // and no log line, output or summary shows it.
    for (const c of calls(store)) {
      expect(c.auth).toBe(true)
      expect(c.argv.join(' ')).not.toContain(TOKEN)
    }
    expect(visible(run)).not.toContain(TOKEN)
    expect(run.summary).toContain('released revision 1')

    // The first run tried the charm upload once (the store rejected it as a duplicate) and released once.
    expect(writes(calls(store).slice(before)).filter((w) => !w.startsWith('upload-resource'))).toEqual([
      'upload --format json',
      'release kubernetes-worker --revision',
    ])
    const afterFirst = calls(store).length
    const again = await release(store)
    expect(again.exitCode, again.log).toBe(0)
    expect(writes(calls(store).slice(afterFirst))).toEqual([])
    expect(again.log).toContain('nothing changed')
    expect(again.summary).toContain('nothing changed')
    expect(again.outputs['resource-revisions']).toBe(run.outputs['resource-revisions'])
    expect(charmState(store, 'kubernetes-worker').resources['cni-amd64'].revisions).toHaveLength(1)

    const n = calls(store).length
    const changed = path.join(tempDir(), 'cni-arm64.tgz')
    writeFileSync(changed, readFileSync(cniTarball(tempDir(), 'arm64')))
    const third = await release(store, {
      resources: `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${changed}\ncni-s390x=${work}/cni-s390x.tgz\n${zeroByteLines}`,
    })
    expect(third.exitCode, third.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual(['upload-resource --format json', 'release kubernetes-worker --revision'])
    expect(JSON.parse(third.outputs['resource-revisions'])['cni-arm64']).toBe(4)
    expect(charmState(store, 'kubernetes-worker').channels['1.31/edge'].resources['cni-arm64']).toBe(4)
  })

  it('fails before any upload, with one clear line, on a missing resource, a bad channel, a wrong-arch snap, a non-snap, missing credentials', async () => {
    const arm64Snap = await kubectlSnap(tempDir(), 'arm64')
    const explicit = (kubectl: string) =>
      `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${work}/cni-arm64.tgz\ncni-s390x=${work}/cni-s390x.tgz\n` +
      zeroByteLines
        .split('\n')
        .map((l) => (l.startsWith('kubectl=') ? `kubectl=${kubectl}` : l))
        .join('\n')
    const cases: Array<[string, Record<string, string>, RegExp, Record<string, string>?]> = [
      [
        'missing resource',
        {
          resources: resources
            .split('\n')
            .filter((l) => !l.startsWith('kubelet='))
            .join('\n'),
        },
        /resources: charm kubernetes-worker declares kubelet but no file is given.*keep-resources/,
      ],
      ['bad channel', { channel: '1.31/nightly' }, /^::error::channel: '1\.31\/nightly' has risk 'nightly'; use track\/risk/],
      [
        'wrong-arch snap',
        { arches: 'amd64', resources: explicit(arm64Snap) },
        /kubectl=.* is a snap for arm64, but resource 'kubectl' is for amd64/,
      ],
      ['not a snap', { resources: explicit(`${work}/cni-amd64.tgz`) }, /resources: kubectl: .* is not a snap/],
      [
        'missing file',
        { resources: `${resources}\n`.replace('cni-{arch}.tgz', 'cni-{arch}.tar.gz') },
        /resources: cni-amd64=.*cni-amd64\.tar\.gz: the file does not exist/,
      ],
      ['missing credentials', { credentials: '' }, /^::error::credentials: Charmhub credentials are required/],
      [
        'no charmcraft',
        {},
        /^::error::charmcraft is not installed; install it \(sudo snap install charmcraft --classic\)/,
        { PATH: '/usr/bin:/bin' },
      ],
    ]
    for (const [label, inputs, pattern, env] of cases) {
      const store = registered()
      const run = await release(store, inputs, env)
      expect(run.exitCode, `${label}: ${run.log}`).toBe(1)
      const errors = errorLines(run)
      expect(errors, label).toHaveLength(1)
      expect(errors[0], label).toMatch(pattern)
      expect(run.log, label).not.toMatch(/\n\s+at /) // no stack trace
      expect(writes(calls(store)), label).toEqual([])
      expect(visible(run), label).not.toContain(TOKEN)
    }
  })

  it('the right-arch snap passes and is uploaded; a timeout is retried; a 500 stops with the store message; a re-run completes the half-done release', async () => {
    const amd64Snap = await kubectlSnap(tempDir(), 'amd64')
    const lines =
      `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${work}/cni-arm64.tgz\ncni-s390x=${work}/cni-s390x.tgz\n` +
      zeroByteLines
        .split('\n')
        .map((l) => (l.startsWith('kubectl=') ? `kubectl=${amd64Snap}` : l))
        .join('\n')
    const store = registered()
    const failing = await release(
      store,
      { arches: 'amd64', resources: lines },
      { CHARMCRAFT_DOUBLE_FAIL: 'upload-resource:timeout:1,release:500' },
    )
    expect(failing.exitCode, failing.log).toBe(1)
    expect(failing.log).toMatch(/upload-resource: transient store error \(.*timed out\); retrying/)
    expect(errorLines(failing)).toEqual([expect.stringMatching(/^::error::charmcraft release failed: .*\[500\] Internal Server Error/)])
    expect(calls(store).filter((c) => c.argv[0] === 'release')).toHaveLength(1) // a 500 is not retried
    const state = charmState(store, 'kubernetes-worker')
    expect(state.channels).toEqual({})
    expect(state.resources.kubectl.revisions[0].sha256).toBe(sha(amd64Snap))

    const n = calls(store).length
    const rerun = await release(store, { arches: 'amd64', resources: lines })
    expect(rerun.exitCode, rerun.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual(['release kubernetes-worker --revision'])
    expect(charmState(store, 'kubernetes-worker').channels['1.31/edge'].resources).toEqual(JSON.parse(rerun.outputs['resource-revisions']))
  })

  it('bad credentials stop with the store message and never show the credential', async () => {
    const store = registered()
    const wrong = 'wrong-credential-5c1d8e0f'
    const run = await release(store, { credentials: wrong })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/credentials are no longer valid for Charmhub/)])
    expect(visible(run)).not.toContain(wrong)
    expect(charmState(store, 'kubernetes-worker').revisions).toEqual([])
  })

  it('dry run shows every command and file (size, sha256) in the log and summary and touches nothing', async () => {
    const store = storeDouble()
    const run = await release(store, { 'dry-run': 'true', credentials: '' })
    expect(run.exitCode, run.log).toBe(0)
    expect(calls(store)).toEqual([])
    expect(run.log).toContain(`charmcraft upload --format json ${charm}`)
    for (const a of ARCHES) {
      const f = path.join(work, `cni-${a}.tgz`)
      const line = `cni-${a} [${a}]: ${f} ${readFileSync(f).length} bytes sha256 ${sha(f)}`
      expect(run.log).toContain(line)
      expect(run.log).toContain(`charmcraft upload-resource --format json kubernetes-worker cni-${a} --filepath ${f}`)
      expect(run.summary).toContain(sha(f))
    }
    expect(run.log).toMatch(
      /charmcraft release kubernetes-worker --revision '<revision from upload kubernetes-worker\.charm>' --channel 1\.31\/edge --resource 'cni-amd64:<revision/,
    )
    expect(run.summary).toContain('Dry run')
    expect(Object.keys(run.outputs).sort()).toEqual(['channel', 'plan'])
    expect(JSON.parse(run.outputs.plan)).toMatchObject({ mode: 'upload', channel: '1.31/edge', uploads: { charms: [charm] } })

    const byName = await release(store, { 'dry-run': 'true', credentials: '', charm: 'kubernetes-worker', revision: '7' })
    expect(byName.exitCode, byName.log).toBe(0)
    expect(byName.log).toContain('charm kubernetes-worker is a name: its declared resources are checked against the store at release time')
    expect(byName.log).toMatch(/charmcraft release kubernetes-worker --revision 7 --channel 1\.31\/edge/)
    const legacy = await release(store, {
      'dry-run': 'true',
      credentials: '',
      store: 'charmstore',
      namespace: 'containers',
      channel: 'edge',
    })
    expect(legacy.exitCode, legacy.log).toBe(0)
    expect(legacy.log).toContain(`charm attach 'cs:~containers/kubernetes-worker-<revision from push>' cni-s390x=${work}/cni-s390x.tgz`)
    expect(legacy.log).toMatch(/charm grant .* --channel edge --acl read everyone/)
    expect(calls(store)).toEqual([])
  })

  it('a charm name releases an existing revision; keep-resources keeps the largest revision when the channel has none', async () => {
    const store = registered()
    const first = await release(store)
    expect(first.exitCode, first.log).toBe(0)
    const n = calls(store).length
    const run = await release(store, {
      charm: 'kubernetes-worker',
      revision: first.outputs.revision,
      channel: 'latest/stable',
      resources: `cni-{arch}=${work}/cni-{arch}.tgz`,
      'keep-resources': 'kubectl kubelet kube-proxy core',
    })
    expect(run.exitCode, run.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual(['release kubernetes-worker --revision'])
    expect(charmState(store, 'kubernetes-worker').channels['latest/stable']).toMatchObject({
      revision: 1,
      resources: JSON.parse(first.outputs['resource-revisions']),
    })
  })
})

describe('charm-attach-release (dist bundle, legacy charm store double)', () => {
  it('pushes, attaches every resource, releases with -r res-N and grants read to everyone', async () => {
    const store = storeDouble()
    const run = await release(store, { store: 'charmstore', namespace: 'containers', channel: 'edge', credentials: '' })
    expect(run.exitCode, run.log).toBe(0)
    const state = JSON.parse(readFileSync(path.join(store.state, 'state.json'), 'utf8')).charms['containers/kubernetes-worker']
    expect(state.channels.edge.revision).toBe(0)
    expect(Object.keys(state.channels.edge.resources)).toHaveLength(7)
    expect(state.channels.edge.grants).toEqual(['read:everyone'])
    expect(writes(calls(store)).map((w) => w.split(' ')[0])).toEqual(['push', ...Array(7).fill('attach'), 'release', 'grant'])
    const bad = await release(store, { store: 'charmstore', channel: '1.31/edge' })
    expect(errorLines(bad)).toEqual([expect.stringMatching(/channel: '1\.31\/edge' is not a valid charm store channel/)])
  })
})

describe('charm-attach-release: every .charm of a charm, per-arch resources, promotion, verify (dist bundle, charmcraft double)', () => {
  const KEYS = ARCHES.map((a) => `22.04/${a}`)
  let set: string
  let files: string[]
  let multi: string

  beforeAll(async () => {
    set = tempDir('bs-charm-multi-')
    files = packedCharms('kubernetes-worker', ARCHES, set)
    // kubectl is per-arch: a real snap for each arch, the same name in every arch's directory.
    for (const a of ARCHES) {
      mkdirSync(path.join(set, `snaps-${a}`), { recursive: true })
      copyFileSync(await kubectlSnap(tempDir(), a), path.join(set, `snaps-${a}`, 'kubectl.snap'))
    }
    multi = `cni-{arch}=${work}/cni-{arch}.tgz\nkubectl=${set}/snaps-{arch}/kubectl.snap\n${zeroByteLines
      .split('\n')
      .filter((l) => !l.startsWith('kubectl='))
      .join('\n')}`
  })

  /** The multi-file release: charm as charm-build's JSON array, arches taken from the files' manifest.yaml. */
  const releaseAll = (store: StoreDouble, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    release(store, { charm: JSON.stringify(files), arches: '', resources: multi, ...inputs }, env)

  it('the first release of a never-released charm: status is {} and the release goes through', async () => {
    const store = registered()
    expect(JSON.parse(charmcraft(store, 'status', 'kubernetes-worker', '--format', 'json'))).toEqual({})
    const run = await release(store)
    expect(run.exitCode, run.log).toBe(0)
    expect(run.log).not.toContain('expected a JSON list')
    expect(run.outputs.revision).toBe('1')
    expect(JSON.parse(run.outputs.revisions)).toEqual({ all: 1 }) // a charm-tools build names no base
    expect(run.log).toContain('verified: 1.31/edge holds every revision and resource revision released')
    expect(channelMap(store, 'kubernetes-worker', '1.31/edge')).toEqual({
      all: { revision: 1, resources: JSON.parse(run.outputs['resource-revisions']) },
    })
  })

  it('uploads one revision per base/arch, each resource once (per-arch ones once per arch with --arch), releases each base with its own arch; verified; a re-run changes nothing', async () => {
    const store = registered()
    const run = await releaseAll(store)
    expect(run.exitCode, run.log).toBe(0)
    const w = writes(calls(store))
    expect(w.filter((x) => x.startsWith('upload --format'))).toHaveLength(3)
    const uploadsOf = (name: string) => calls(store).filter((c) => c.argv[0] === 'upload-resource' && c.argv[4] === name)
    for (const r of ['cni-amd64', 'cni-arm64', 'cni-s390x', 'kubelet', 'kube-proxy', 'core']) expect(uploadsOf(r), r).toHaveLength(1)
    expect(uploadsOf('kubectl').map((c) => c.argv.slice(-2))).toEqual(ARCHES.map((a) => ['--arch', a]))
    expect(w.filter((x) => x.startsWith('release'))).toHaveLength(3)

    const revisions = JSON.parse(run.outputs.revisions) as Record<string, number>
    expect(Object.keys(revisions)).toEqual(KEYS)
    expect(new Set(Object.values(revisions)).size).toBe(3)
    expect(run.outputs.revision).toBe(String(revisions['22.04/amd64']))
    const resRevs = JSON.parse(run.outputs['resource-revisions']) as Record<string, number | Record<string, number>>
    expect(Object.keys(resRevs.kubectl as Record<string, number>)).toEqual(ARCHES)
    const state = charmState(store, 'kubernetes-worker')
    const map = channelMap(store, 'kubernetes-worker', '1.31/edge')
    expect(Object.keys(map).sort()).toEqual(KEYS)
    for (const a of ARCHES) {
      const got = map[`22.04/${a}`]
      expect(got.revision).toBe(revisions[`22.04/${a}`])
      // Each base got its own arch's kubectl, uploaded for that arch only, and the same shared resources.
      const kubectl = state.resources.kubectl.revisions.find((r) => r.revision === got.resources.kubectl)!
      expect(kubectl.arches).toEqual([a])
      expect(kubectl.sha256).toBe(sha(path.join(set, `snaps-${a}`, 'kubectl.snap')))
      expect(got.resources.kubectl).toBe((resRevs.kubectl as Record<string, number>)[a])
      for (const r of ['cni-amd64', 'cni-arm64', 'cni-s390x', 'kubelet', 'kube-proxy', 'core']) expect(got.resources[r]).toBe(resRevs[r])
      // The revision's base is what its manifest.yaml says.
      expect(state.revisions.find((r) => r.revision === got.revision)!.bases).toEqual([
        { name: 'ubuntu', channel: '22.04', architectures: [a] },
      ])
    }
    expect(run.log).toContain('verified: 1.31/edge holds every revision and resource revision released, for 3 bases')
    expect(run.summary).toContain('| kubernetes-worker | 22.04/s390x |')
    expect(visible(run)).not.toContain(TOKEN)

    const n = calls(store).length
    const again = await releaseAll(store)
    expect(again.exitCode, again.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual([])
    expect(again.outputs.revisions).toBe(run.outputs.revisions)
    expect(again.summary).toContain('nothing changed')

    // A glob of the same files is the same release.
    const n2 = calls(store).length
    const globbed = await releaseAll(store, { charm: `${path.dirname(files[0])}/*.charm` })
    expect(globbed.exitCode, globbed.log).toBe(0)
    expect(writes(calls(store).slice(n2))).toEqual([])
    expect(globbed.outputs.revisions).toBe(run.outputs.revisions)
  })

  it('a run that fails at the third .charm upload completes on re-run without uploading again what went up', async () => {
    const store = registered()
    const failed = await releaseAll(store, {}, { CHARMCRAFT_DOUBLE_FAIL: 'upload:500:1:2' })
    expect(failed.exitCode, failed.log).toBe(1)
    expect(errorLines(failed)).toEqual([expect.stringMatching(/^::error::charmcraft upload failed: .*\[500\] Internal Server Error/)])
    expect(charmState(store, 'kubernetes-worker').revisions).toHaveLength(2)
    expect(charmState(store, 'kubernetes-worker').releases).toEqual([])
    const n = calls(store).length
    const rerun = await releaseAll(store)
    expect(rerun.exitCode, rerun.log).toBe(0)
    const w = writes(calls(store).slice(n))
    expect(
      calls(store)
        .slice(n)
        .filter((c) => c.argv[0] === 'upload')
        .map((c) => path.basename(c.argv.at(-1)!)),
    ).toEqual(['kubernetes-worker_ubuntu-22.04-s390x.charm'])
    expect(w.filter((x) => x.startsWith('release'))).toHaveLength(3)
    expect(rerun.log).toContain('already uploaded (ledger, confirmed by the store): revision 1; not uploading')
    expect(JSON.parse(rerun.outputs.revisions)).toEqual({ '22.04/amd64': 1, '22.04/arm64': 2, '22.04/s390x': 3 })
  })

  it('an identical re-upload is reused by the revision the store names; where it names none, the step stops naming the SHA3-384 instead of guessing', async () => {
    const store = registered()
    charmcraft(store, 'upload', '--format', 'json', files[1]) // arm64, uploaded behind this run's back: revision 1
    const run = await releaseAll(store)
    expect(run.exitCode, run.log).toBe(0)
    expect(run.log).toMatch(
      /kubernetes-worker_ubuntu-22\.04-arm64\.charm: the store already has this charm as revision 1 \(duplicate upload\); reusing it/,
    )
    expect(JSON.parse(run.outputs.revisions)['22.04/arm64']).toBe(1)
    expect(charmState(store, 'kubernetes-worker').revisions).toHaveLength(3)

    const byDigest = registered()
    charmcraft(byDigest, 'upload', '--format', 'json', files[1])
    const stopped = await releaseAll(byDigest, {}, { CHARMCRAFT_DOUBLE_DUPLICATE: 'digest' })
    expect(stopped.exitCode, stopped.log).toBe(1)
    const sha3 = createHash('sha3-384').update(readFileSync(files[1])).digest('hex')
    expect(errorLines(stopped)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::charm: the store already holds kubernetes-worker_ubuntu-22\\.04-arm64\\.charm \\(SHA3-384 ${sha3}\\) but did not say which revision.*revision: <N>`,
        ),
      ),
    ])
    expect(writes(calls(byDigest)).filter((x) => x.startsWith('release'))).toEqual([])
    expect(visible(stopped)).not.toContain(TOKEN)
  })

  it('promotes every base edge holds, with its exact resource revisions, uploading nothing; a dry run shows the exact plan; a base missing from edge is refused, or skipped when allowed', async () => {
    const store = registered()
    const first = await releaseAll(store)
    expect(first.exitCode, first.log).toBe(0)
    const edge = channelMap(store, 'kubernetes-worker', '1.31/edge')

    const n = calls(store).length
    const dry = await release(store, {
      charm: 'kubernetes-worker',
      'from-channel': '1.31/edge',
      channel: '1.31/beta',
      resources: '',
      arches: '',
      'dry-run': 'true',
    })
    expect(dry.exitCode, dry.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual([])
    for (const k of KEYS) {
      const res = Object.entries(edge[k].resources)
        .map(([r, v]) => `--resource ${r}:${v}`)
        .join(' ')
      expect(dry.log).toContain(`charmcraft release kubernetes-worker --revision ${edge[k].revision} --channel 1.31/beta ${res}`)
    }
    expect(JSON.parse(dry.outputs.plan)).toMatchObject({ mode: 'promotion', 'from-channel': '1.31/edge', channel: '1.31/beta' })

    const promote = await release(store, {
      charm: 'kubernetes-worker',
      'from-channel': '1.31/edge',
      channel: '1.31/beta',
      resources: '',
      arches: '',
    })
    expect(promote.exitCode, promote.log).toBe(0)
    const w = writes(calls(store).slice(n))
    expect(w.every((x) => x.startsWith('release'))).toBe(true)
    expect(w).toHaveLength(3)
    expect(channelMap(store, 'kubernetes-worker', '1.31/beta')).toEqual(edge)
    expect(promote.outputs.revisions).toBe(first.outputs.revisions)
    expect(promote.outputs['resource-revisions']).toBe(first.outputs['resource-revisions'])
    expect(promote.log).toContain('verified: 1.31/beta holds every revision and resource revision released, for 3 bases')

    // Another store: edge holds amd64 and s390x, arm64 went to 1.31/beta only.
    const store2 = registered()
    const two = await release(store2, { charm: `${files[0]}\n${files[2]}`, resources: multi })
    expect(two.exitCode, two.log).toBe(0)
    const one = await release(store2, { charm: files[1], resources: multi, channel: '1.31/beta' })
    expect(one.exitCode, one.log).toBe(0)
    const n3 = calls(store2).length
    const refused = await release(store2, {
      charm: 'kubernetes-worker',
      'from-channel': '1.31/edge',
      channel: '1.31/candidate',
      resources: '',
      arches: '',
    })
    expect(refused.exitCode).toBe(1)
    expect(errorLines(refused)).toEqual([
      '::error::from-channel: 1.31/edge holds nothing for base 22.04/arm64 (released in 1.31/beta); release it to 1.31/edge first, or set allow-missing-bases: true to promote the other bases',
    ])
    expect(writes(calls(store2).slice(n3))).toEqual([])
    const allowed = await release(store2, {
      charm: 'kubernetes-worker',
      'from-channel': '1.31/edge',
      channel: '1.31/candidate',
      resources: '',
      arches: '',
      'allow-missing-bases': 'true',
    })
    expect(allowed.exitCode, allowed.log).toBe(0)
    expect(allowed.log).toMatch(/::warning::from-channel: 1\.31\/edge holds nothing for base 22\.04\/arm64; not promoted/)
    expect(Object.keys(channelMap(store2, 'kubernetes-worker', '1.31/candidate')).sort()).toEqual(['22.04/amd64', '22.04/s390x'])
    expect(Object.keys(JSON.parse(allowed.outputs.revisions))).toEqual(['22.04/amd64', '22.04/s390x'])
    expect(allowed.summary).toContain('Not promoted (nothing in 1.31/edge): 22.04/arm64')
  })

  it('verify fails the step with a table when the store records something else (every revision as amd64, as in charmcraft #1783/#1853)', async () => {
    const plain = `cni-{arch}=${work}/cni-{arch}.tgz\n${zeroByteLines}`
    const store = registered({ CHARMCRAFT_DOUBLE_MISRECORD: 'arch' })
    const run = await releaseAll(store, { resources: plain })
    expect(run.exitCode, run.log).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::verify: 1\.31\/edge does not hold what was released for kubernetes-worker: 22\.04\/amd64 charm revision expected 1, found 3; 22\.04\/arm64 charm revision expected 2, found nothing released; 22\.04\/s390x charm revision expected 3, found nothing released;/,
    )
    expect(run.summary).toContain('**Verify failed**')
    expect(run.summary).toContain('| 22.04/arm64 | charm revision | 2 | nothing released |')
    expect(run.log).toContain('| 22.04/arm64 | charm revision | 2 | nothing released |')
    expect(run.log).not.toMatch(/\n\s+at /)
    expect(visible(run)).not.toContain(TOKEN)
    // Without verify the same store goes unnoticed: verify is what catches it.
    const blind = await releaseAll(registered({ CHARMCRAFT_DOUBLE_MISRECORD: 'arch' }), { resources: plain, verify: 'false' })
    expect(blind.exitCode, blind.log).toBe(0)
    expect(blind.log).toContain('not verified (verify: false)')
  })

  it('dry run of a multi-file release shows every upload (per-arch with --arch) and release, and touches nothing', async () => {
    const store = storeDouble()
    const run = await releaseAll(store, { 'dry-run': 'true', credentials: '' })
    expect(run.exitCode, run.log).toBe(0)
    expect(calls(store)).toEqual([])
    for (const [i, a] of ARCHES.entries()) {
      expect(run.log).toContain(`charmcraft upload --format json ${files[i]}`)
      expect(run.log).toContain(
        `charmcraft upload-resource --format json kubernetes-worker kubectl --filepath ${set}/snaps-${a}/kubectl.snap --arch ${a}`,
      )
      expect(run.log).toContain(
        `charmcraft release kubernetes-worker --revision '<revision from upload kubernetes-worker_ubuntu-22.04-${a}.charm>' --channel 1.31/edge`,
      )
      expect(run.log).toContain(`(charm 22.04/${a}): ${files[i]}`)
    }
    expect(run.log.match(/upload-resource --format json kubernetes-worker core /g)).toHaveLength(1)
    const plan = JSON.parse(run.outputs.plan)
    expect(plan.releases.map((r: { bases: string[] }) => r.bases)).toEqual(KEYS.map((k) => [k]))
  })

  it('refuses with one line before any upload: .charm files of two charms, a glob that matches nothing, per-arch resources on the legacy store', async () => {
    const other = packedCharms('kubernetes-worker', ['amd64'], tempDir(), '', 'etcd')[0]
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      [
        'two charms',
        { charm: `${files[0]}\n${other}` },
        /^::error::charm: .*etcd_ubuntu-22\.04-amd64\.charm is charm 'etcd' but .*kubernetes-worker_ubuntu-22\.04-amd64\.charm is 'kubernetes-worker'; give the \.charm files of one charm per step$/,
      ],
      ['empty glob', { charm: `${set}/nowhere/*.charm` }, /^::error::charm: '.*\/nowhere\/\*\.charm' matches no file/],
      [
        'legacy per-arch',
        { store: 'charmstore', channel: 'edge', charm: files[0] },
        /^::error::resources: per-arch resources \(\{arch\} only in the path\) need Charmhub/,
      ],
      [
        'promotion with files',
        { 'from-channel': '1.31/edge', channel: '1.31/beta' },
        /^::error::from-channel: a promotion releases what from-channel holds/,
      ],
    ]
    for (const [label, inputs, pattern] of cases) {
      const store = registered()
      const run = await releaseAll(store, inputs)
      expect(run.exitCode, `${label}: ${run.log}`).toBe(1)
      expect(errorLines(run), label).toEqual([expect.stringMatching(pattern)])
      expect(writes(calls(store)), label).toEqual([])
    }
  })
})

describe("charm-attach-release: today's CK shapes packed by the rebuilt double, tracks, resources per arch (dist bundle)", () => {
  const TWO = ['amd64', 'arm64']
  let dir: string
  let cp: string[]
  let flannel: string[]
  let cni: string
  let flannelRes: string

  beforeAll(() => {
    dir = tempDir('bs-charm-today-')
    // One pack job per arch (X64 and ARM64 runners, Ubuntu 22.04): the per-arch control plane gives one file each,
    // flannel one file for every arch (its arm64 job has nothing to build).
    cp = packedToday('kubernetes-control-plane', TWO, dir)
    flannel = packedToday('flannel', TWO, dir)
    for (const a of TWO) cniTarball(dir, a)
    cni = `cni-plugins=${dir}/cni-{arch}.tgz`
    flannelRes = `flannel-{arch}=${dir}/cni-{arch}.tgz`
  })

  const fresh = (charm: string, extra: Record<string, string> = {}) => {
    const store = storeDouble(extra)
    charmcraft(store, 'register', charm)
    return store
  }
  const run = (
    store: StoreDouble,
    files: string[],
    resources: string,
    inputs: Record<string, string> = {},
    env: Record<string, string> = {},
  ) => release(store, { charm: JSON.stringify(files), arches: TWO.join(' '), resources, channel: '1.34/edge', ...inputs }, env)

  it('control plane: each arch revision serves 22.04 and 24.04 and takes its own cni-plugins (--arch); the track is made first', async () => {
    expect(cp.map((f) => path.basename(f))).toEqual(TWO.map((a) => `kubernetes-control-plane_ubuntu-22.04-${a}_ubuntu-24.04-${a}.charm`))
    const store = fresh('kubernetes-control-plane')
    const r = await run(store, cp, cni)
    expect(r.exitCode, r.log).toBe(0)
    const argv = calls(store).map((c) => c.argv)
    const first = argv.findIndex((a) => ['create-track', 'upload', 'upload-resource', 'release'].includes(a[0]))
    expect(argv[first]).toEqual(['create-track', '--format', 'json', '--name', 'kubernetes-control-plane', '--track', '1.34'])
    expect(argv.filter((a) => a[0] === 'upload-resource').map((a) => a.slice(-2))).toEqual(TWO.map((a) => ['--arch', a]))
    const map = channelMap(store, 'kubernetes-control-plane', '1.34/edge')
    expect(Object.keys(map).sort()).toEqual(['22.04/amd64', '22.04/arm64', '24.04/amd64', '24.04/arm64'])
    const st = charmState(store, 'kubernetes-control-plane')
    for (const a of TWO) {
      expect(map[`22.04/${a}`]).toEqual(map[`24.04/${a}`])
      const rev = st.resources['cni-plugins'].revisions.find((x) => x.revision === map[`22.04/${a}`].resources['cni-plugins'])!
      expect(rev.arches).toEqual([a])
      expect(rev.sha256).toBe(sha(`${dir}/cni-${a}.tgz`))
    }
    expect(r.log).toContain('verified: 1.34/edge holds every revision and resource revision released, for 4 bases')
    expect(r.summary).toContain('Track `1.34` created.')
    // A re-run: the track is listed now, nothing is created, uploaded or released again.
    const n = calls(store).length
    const again = await run(store, cp, cni)
    expect(again.exitCode, again.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual([])
    expect(
      calls(store)
        .slice(n)
        .filter((c) => c.argv[0] === 'create-track'),
    ).toEqual([])
    expect(again.summary).not.toContain('created.')
  })

  it('flannel: one revision for all six bases with per-name resources; a per-arch file is refused in one line before any write', async () => {
    expect(flannel.map((f) => path.basename(f))).toEqual(['flannel_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm'])
    const store = fresh('flannel')
    // flannel declares flannel-amd64, -arm64 and -s390x; this release carries the two built arches and keeps s390x's.
    charmcraft(store, 'upload', '--format', 'json', flannel[0])
    charmcraft(store, 'upload-resource', '--format', 'json', 'flannel', 'flannel-s390x', '--filepath', `${dir}/cni-amd64.tgz`)
    const r = await run(store, flannel, flannelRes, { 'keep-resources': 'flannel-s390x' })
    expect(r.exitCode, r.log).toBe(0)
    const map = channelMap(store, 'flannel', '1.34/edge')
    expect(Object.keys(map)).toHaveLength(6)
    expect(new Set(Object.values(map).map((m) => JSON.stringify(m))).size).toBe(1)
    expect(Object.keys(Object.values(map)[0].resources).sort()).toEqual(['flannel-amd64', 'flannel-arm64', 'flannel-s390x'])

    const other = fresh('flannel')
    const refused = await run(other, flannel, `flannel-amd64=${dir}/cni-{arch}.tgz`, { 'keep-resources': 'flannel-arm64 flannel-s390x' })
    expect(refused.exitCode).toBe(1)
    expect(errorLines(refused)).toEqual([
      expect.stringMatching(
        /^::error::resources: flannel-amd64 of charm flannel is per-arch \(\{arch\} only in its path\), but .*flannel_ubuntu-22\.04-amd64-arm64-s390x_ubuntu-24\.04-amd64-arm64-s390x\.charm serves amd64, arm64, s390x in one revision; a multi-arch charm takes one resource per arch by name/,
      ),
    ])
    expect(writes(calls(other))).toEqual([])
  })

  it('a track no guardrail allows stops in one line (charm, track, where guardrails are requested) with nothing uploaded', async () => {
    const store = fresh('kubernetes-control-plane', { CHARMCRAFT_DOUBLE_GUARDRAILS: String.raw`2\.\d+` })
    const r = await run(store, cp, cni)
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /^::error::channel: charm kubernetes-control-plane has no track 1\.34 and Charmhub refused to create it \(.*\); a new track must match one of the charm's track guardrails: request a track guardrail in the "charmhub requests" category of https:\/\/discourse\.charmhub\.io for kubernetes-control-plane/,
      ),
    ])
    expect(r.log).not.toMatch(/\n\s+at /)
    expect(writes(calls(store))).toEqual([])
  })

  it('a run that fails after making the track: the re-run (still nothing released) asks the store again, and "already exists" is a yes', async () => {
    const store = fresh('kubernetes-control-plane')
    const failed = await run(store, cp, cni, {}, { CHARMCRAFT_DOUBLE_FAIL: 'upload:500' })
    expect(failed.exitCode).toBe(1)
    expect(JSON.parse(charmcraft(store, 'status', 'kubernetes-control-plane', '--format', 'json'))).toEqual({})
    const n = calls(store).length
    const again = await run(store, cp, cni)
    expect(again.exitCode, again.log).toBe(0)
    expect(
      calls(store)
        .slice(n)
        .filter((c) => c.argv[0] === 'create-track'),
    ).toHaveLength(1)
    expect(again.log).toContain('track 1.34 of kubernetes-control-plane: exists already')
    expect(Object.keys(channelMap(store, 'kubernetes-control-plane', '1.34/edge'))).toHaveLength(4)
  })

  it('a release into a second store on the same machine (same cache, same credential) makes the track there: no ledger stands in for the store', async () => {
    const a = fresh('kubernetes-control-plane')
    expect((await run(a, cp, cni)).exitCode).toBe(0)
    // Store B: its own state, the cache (the ledger) of store A's release.
    const b = fresh('kubernetes-control-plane', { BUILD_SNAPS_CACHE_DIR: a.cache })
    const r = await run(b, cp, cni)
    expect(r.exitCode, r.log).toBe(0)
    expect(calls(b).filter((c) => c.argv[0] === 'create-track')).toHaveLength(1)
    expect(Object.keys(channelMap(b, 'kubernetes-control-plane', '1.34/edge'))).toHaveLength(4)
    // Every file went up to B: what the ledger remembered of A is confirmed against B's own revisions, and B has none.
    expect(writes(calls(b)).filter((w) => w.startsWith('upload'))).toHaveLength(4)
  })

  it('the dry run prints create-track; promotion to a new track makes it and moves every base', async () => {
    const dry = await run(storeDouble(), cp, cni, { 'dry-run': 'true', credentials: '' })
    expect(dry.exitCode, dry.log).toBe(0)
    expect(dry.log).toContain('charmcraft create-track --format json --name kubernetes-control-plane --track 1.34')
    expect(JSON.parse(dry.outputs.plan)['create-track']).toBe('1.34')

    const store = fresh('kubernetes-control-plane')
    expect((await run(store, cp, cni)).exitCode).toBe(0)
    const n = calls(store).length
    const promo = await release(store, {
      charm: 'kubernetes-control-plane',
      'from-channel': '1.34/edge',
      channel: '1.35/beta',
      resources: '',
      arches: '',
    })
    expect(promo.exitCode, promo.log).toBe(0)
    const after = calls(store)
      .slice(n)
      .map((c) => c.argv[0])
    expect(after.filter((c) => c === 'create-track')).toHaveLength(1)
    expect(after.filter((c) => c === 'upload' || c === 'upload-resource')).toEqual([])
    expect(channelMap(store, 'kubernetes-control-plane', '1.35/beta')).toEqual(channelMap(store, 'kubernetes-control-plane', '1.34/edge'))
  })
})

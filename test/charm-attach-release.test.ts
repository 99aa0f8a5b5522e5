/**
 * End to end through the dist bundles, as the runner runs them: zero-byte-snaps → charm-attach-release for
 * amd64, arm64 and s390x, against the charmcraft / charm TEST DOUBLES (the only doubled part: the store).
 * CNI tarballs are real tar.gz files over 1 MB, snaps are real squashfs images, the .charm a real zip.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { errorLines, runDist, tempDir, type DistRun } from './helpers/runner.js'
import { FIXTURES, TOKEN, calls, charmFile, charmState, charmcraft, cniTarball, kubectlSnap, storeDouble, writes, type StoreDouble } from './charm-fixtures.js'

const ARCHES = ['amd64', 'arm64', 's390x']
let work: string
let charm: string
let zeroByteLines: string
let resources: string

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

/** Everything the run printed or wrote, without the runner's own masking command. */
function visible(run: DistRun): string {
  const log = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')
  return `${log}\n${JSON.stringify(run.outputs)}\n${run.summary}`
}

function release(store: StoreDouble, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<DistRun> {
  return runDist('charm-attach-release', { charm, channel: '1.31/edge', arches: ARCHES.join(' '), resources, credentials: TOKEN, ...inputs }, { env: { ...store.env, ...env } })
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
    for (const s of ['kubectl', 'kubelet', 'kube-proxy', 'core']) expect(state.resources[s].revisions.find((r) => r.revision === revs[s])!.size).toBe(0)
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
    expect(writes(calls(store).slice(before)).filter((w) => !w.startsWith('upload-resource'))).toEqual(['upload --format json', 'release kubernetes-worker --revision'])
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
    const third = await release(store, { resources: `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${changed}\ncni-s390x=${work}/cni-s390x.tgz\n${zeroByteLines}` })
    expect(third.exitCode, third.log).toBe(0)
    expect(writes(calls(store).slice(n))).toEqual(['upload-resource --format json', 'release kubernetes-worker --revision'])
    expect(JSON.parse(third.outputs['resource-revisions'])['cni-arm64']).toBe(4)
    expect(charmState(store, 'kubernetes-worker').channels['1.31/edge'].resources['cni-arm64']).toBe(4)
  })

  it('fails before any upload, with one clear line, on a missing resource, a bad channel, a wrong-arch snap, a non-snap, missing credentials', async () => {
    const arm64Snap = await kubectlSnap(tempDir(), 'arm64')
    const explicit = (kubectl: string) =>
      `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${work}/cni-arm64.tgz\ncni-s390x=${work}/cni-s390x.tgz\n` +
      zeroByteLines.split('\n').map((l) => (l.startsWith('kubectl=') ? `kubectl=${kubectl}` : l)).join('\n')
    const cases: Array<[string, Record<string, string>, RegExp, Record<string, string>?]> = [
      ['missing resource', { resources: resources.split('\n').filter((l) => !l.startsWith('kubelet=')).join('\n') }, /resources: charm kubernetes-worker declares kubelet but no file is given.*keep-resources/],
      ['bad channel', { channel: '1.31/nightly' }, /^::error::channel: '1\.31\/nightly' has risk 'nightly'; use track\/risk/],
      ['wrong-arch snap', { arches: 'amd64', resources: explicit(arm64Snap) }, /kubectl=.* is a snap for arm64, but resource 'kubectl' is for amd64/],
      ['not a snap', { resources: explicit(`${work}/cni-amd64.tgz`) }, /resources: kubectl: .* is not a snap/],
      ['missing file', { resources: `${resources}\n`.replace('cni-{arch}.tgz', 'cni-{arch}.tar.gz') }, /resources: cni-amd64=.*cni-amd64\.tar\.gz: the file does not exist/],
      ['missing credentials', { credentials: '' }, /^::error::credentials: Charmhub credentials are required/],
      ['no charmcraft', {}, /^::error::charmcraft is not installed; install it \(sudo snap install charmcraft --classic\)/, { PATH: '/usr/bin:/bin' }],
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
    const lines = `cni-amd64=${work}/cni-amd64.tgz\ncni-arm64=${work}/cni-arm64.tgz\ncni-s390x=${work}/cni-s390x.tgz\n` + zeroByteLines.split('\n').map((l) => (l.startsWith('kubectl=') ? `kubectl=${amd64Snap}` : l)).join('\n')
    const store = registered()
    const failing = await release(store, { arches: 'amd64', resources: lines }, { CHARMCRAFT_DOUBLE_FAIL: 'upload-resource:timeout:1,release:500' })
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
    expect(run.log).toMatch(/charmcraft release kubernetes-worker --revision '<revision from upload kubernetes-worker\.charm>' --channel 1\.31\/edge --resource 'cni-amd64:<revision/)
    expect(run.summary).toContain('Dry run')
    expect(Object.keys(run.outputs).sort()).toEqual(['channel', 'plan'])
    expect(JSON.parse(run.outputs.plan)).toMatchObject({ mode: 'upload', channel: '1.31/edge', uploads: { charms: [charm] } })

    const byName = await release(store, { 'dry-run': 'true', credentials: '', charm: 'kubernetes-worker', revision: '7' })
    expect(byName.exitCode, byName.log).toBe(0)
    expect(byName.log).toContain('charm kubernetes-worker is a name: its declared resources are checked against the store at release time')
    expect(byName.log).toMatch(/charmcraft release kubernetes-worker --revision 7 --channel 1\.31\/edge/)
    const legacy = await release(store, { 'dry-run': 'true', credentials: '', store: 'charmstore', namespace: 'containers', channel: 'edge' })
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
    expect(charmState(store, 'kubernetes-worker').channels['latest/stable']).toMatchObject({ revision: 1, resources: JSON.parse(first.outputs['resource-revisions']) })
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

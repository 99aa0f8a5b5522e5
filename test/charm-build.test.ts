/**
 * charm-build end to end through its dist bundle, with TEST DOUBLES of `charm build` (charm-tools) and
 * `charmcraft pack` (neither is installable here) that produce what the real tools produce: a build
 * directory, or one .charm per base/arch. The zip of the charm-tools build into a .charm is real (zip), and
 * read back with the real unzip. Then the built charm goes through zero-byte-snaps → charm-attach-release.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { charmcraftChannel, charmToolsManifest, destructiveFor, runnerHost, versionFitsChannel } from '../shared/charm/build.js'
import { errorLines, runDist, tempDir } from './helpers/runner.js'
import { FIXTURES, TOKEN, calls, charmState, charmcraft, cniTarball, storeDouble, writes } from './charm-fixtures.js'

let index: string
const layered = {
  'charm-path': path.join(FIXTURES, 'kubernetes-worker'),
  'layers-dir': path.join(FIXTURES, 'layers'),
  'interfaces-dir': path.join(FIXTURES, 'interfaces'),
}

/** The stand-in layer index of the charm double: layer:status is "fetched" from here. */
beforeAll(() => {
  index = tempDir('bs-layer-index-')
  mkdirSync(path.join(index, 'layers', 'status'), { recursive: true })
  writeFileSync(path.join(index, 'layers', 'status', 'layer.yaml'), 'includes: []\n')
  writeFileSync(path.join(index, 'layers', 'status', 'status.py'), '# fetched layer:status\n')
})

function build(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const store = storeDouble({ CHARM_DOUBLE_INDEX: index, ...env })
  return runDist('charm-build', inputs, { env: store.env })
}

describe('charm-build (dist bundle)', () => {
  it('builds a layered charm with charm-tools (double) and zips the build directory into a real .charm', async () => {
    const out = tempDir()
    const run = await build({ ...layered, 'output-dir': out })
    expect(run.exitCode, run.log).toBe(0)
    const charms = JSON.parse(run.outputs.charms) as string[]
    expect(charms).toEqual([path.join(out, 'kubernetes-worker.charm')])
    expect(readdirSync(out).sort()).toEqual([
      'SHA256SUMS',
      'kubernetes-worker.charm',
      'kubernetes-worker.charm.spdx.json',
      'manifest.json',
      'provenance.charm-build.kubernetes-worker.intoto.json',
    ]) // no scratch left behind
    const list = execFileSync('unzip', ['-Z1', charms[0]], { encoding: 'utf8' }).split('\n')
    for (const f of [
      'metadata.yaml',
      'hooks/install',
      'hooks/relations/kube-control/requires.py',
      'lib/charms/layer/snap.py',
      'reactive/kubernetes_worker.py',
      'status.py',
      '.build.manifest',
    ])
      expect(list).toContain(f)
    expect(execFileSync('unzip', ['-Z', charms[0], 'hooks/install'], { encoding: 'utf8' })).toMatch(/^-rwxr-xr-x/)
    // charm-tools writes no manifest.yaml; the .charm gets one as CK's tooling writes it (bases from series).
    expect(parse(execFileSync('unzip', ['-p', charms[0], 'manifest.yaml'], { encoding: 'utf8' }))).toEqual({
      analysis: {
        attributes: [
          { name: 'language', result: 'python' },
          { name: 'framework', result: 'reactive' },
        ],
      },
      bases: [{ architectures: ['amd64'], channel: '22.04', name: 'ubuntu' }],
      'charmtool-version': '3.0.8',
      'charmtool-started-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    })
    expect(run.log).toContain(`layer:basic: local ${path.join(FIXTURES, 'layers', 'basic')}`)
    expect(run.log).toContain('layer:status: fetched by the builder')
    expect(run.outputs.name).toBe('kubernetes-worker')
    const resources = JSON.parse(run.outputs.resources) as Array<{ name: string; filename: string }>
    expect(resources.map((r) => r.name)).toEqual(['cni-amd64', 'cni-arm64', 'cni-s390x', 'kubectl', 'kubelet', 'kube-proxy', 'core'])
    expect(resources[0]).toEqual({ name: 'cni-amd64', type: 'file', filename: 'cni.tgz', description: 'CNI plugins for amd64' })
  })

  it('packs a charmcraft charm (double): the bases entry of the runner arch, one .charm per runner', async () => {
    // As on GitHub: charmcraft packs the entries built on the job's arch, in destructive mode on its Ubuntu release.
    for (const [runnerArch, arch] of [
      ['X64', 'amd64'],
      ['ARM64', 'arm64'],
    ]) {
      const out = tempDir()
      const run = await build(
        { 'charm-path': path.join(FIXTURES, 'kubernetes-worker-charmcraft'), 'output-dir': out },
        { RUNNER_ARCH: runnerArch, ImageOS: 'ubuntu22' },
      )
      expect(run.exitCode, run.log).toBe(0)
      expect((JSON.parse(run.outputs.charms) as string[]).map((c) => path.basename(c))).toEqual([
        `kubernetes-worker_ubuntu-22.04-${arch}.charm`,
      ])
    }
    const out = tempDir()
    const run = await build(
      { 'charm-path': path.join(FIXTURES, 'kubernetes-worker-charmcraft'), 'output-dir': out },
      { RUNNER_ARCH: 'X64', ImageOS: 'ubuntu22' },
    )
    expect(JSON.parse(run.outputs.resources)).toEqual([
      { name: 'cni-plugins', type: 'file', filename: 'cni-plugins.tar.gz', description: 'CNI network plugins for Kubernetes' },
    ])
  })

  it('fails with one line and leaves nothing behind on a bad source or a failed builder', async () => {
    const src = tempDir()
    const copy = (mutate: (dir: string) => void) => {
      const dir = path.join(src, `c${Math.random().toString(36).slice(2)}`)
      cpSync(path.join(FIXTURES, 'kubernetes-worker'), dir, { recursive: true })
      mutate(dir)
      return dir
    }
    const meta = (dir: string) => path.join(dir, 'metadata.yaml')
    const cases: Array<[string, Record<string, string>, RegExp, Record<string, string>?]> = [
      [
        'bad include',
        { 'charm-path': copy((d) => writeFileSync(path.join(d, 'layer.yaml'), 'includes: [basic]\n')) },
        /layer\.yaml: include 'basic' is neither layer:<name>/,
      ],
      [
        'missing path include',
        { 'charm-path': copy((d) => writeFileSync(path.join(d, 'layer.yaml'), 'includes: [./nowhere]\n')) },
        /include '\.\/nowhere' is a path that does not exist/,
      ],
      [
        'bad name',
        {
          'charm-path': copy((d) =>
            writeFileSync(meta(d), readFileSync(meta(d), 'utf8').replace('name: kubernetes-worker', 'name: Kubernetes_Worker')),
          ),
        },
        /charm name "Kubernetes_Worker" is missing or invalid/,
      ],
      [
        'resource without filename',
        {
          'charm-path': copy((d) =>
            writeFileSync(meta(d), readFileSync(meta(d), 'utf8').replace('filename: core.snap', 'summary: no filename')),
          ),
        },
        /file resource 'core' needs a filename/,
      ],
      ['bad YAML', { 'charm-path': copy((d) => writeFileSync(meta(d), 'name: [unclosed\n')) }, /metadata\.yaml: not valid YAML/],
      ['not a charm', { 'charm-path': src }, /no metadata\.yaml or charmcraft\.yaml/],
      [
        'unfetchable layer',
        { ...layered },
        /charm build failed \(exit 1\): .*FetchError: layer:status not found/,
        { CHARM_DOUBLE_INDEX: '/nonexistent' },
      ],
      [
        'no LXD',
        { 'charm-path': path.join(FIXTURES, 'kubernetes-worker-charmcraft'), 'destructive-mode': 'false' },
        /charmcraft pack failed \(exit 1\): LXD is required/,
      ],
      ['bad builder', { ...layered, builder: 'charmcraft' }, /builder: charmcraft needs .*charmcraft\.yaml/],
    ]
    for (const [label, inputs, pattern, env] of cases) {
      const out = tempDir()
      const run = await build({ ...layered, ...inputs, 'output-dir': out }, env)
      expect(run.exitCode, `${label}: ${run.log}`).toBe(1)
      expect(errorLines(run), label).toEqual([expect.stringMatching(pattern)])
      expect(readdirSync(out), label).toEqual([])
    }
    const noTool = await runDist('charm-build', { ...layered, 'output-dir': tempDir() }, { env: { PATH: '/usr/bin:/bin' } })
    expect(errorLines(noTool)).toEqual([expect.stringMatching(/^::error::charm is not installed; install it/)])
  })

  it('built charm → zero-byte-snaps → charm-attach-release for amd64, arm64, s390x', async () => {
    const work = tempDir()
    const built = await build({ ...layered, 'output-dir': path.join(work, 'charms') })
    expect(built.exitCode, built.log).toBe(0)
    const zb = await runDist('zero-byte-snaps', { charm: layered['charm-path'], 'output-dir': path.join(work, 'zero') })
    for (const a of ['amd64', 'arm64', 's390x']) cniTarball(work, a)
    const store = storeDouble()
    charmcraft(store, 'register', 'kubernetes-worker')
    const run = await runDist(
      'charm-attach-release',
      {
        charm: JSON.parse(built.outputs.charms)[0],
        channel: '1.31/beta',
        arches: 'amd64 arm64 s390x',
        resources: `cni-{arch}=${work}/cni-{arch}.tgz\n${zb.outputs.resources}`,
        credentials: TOKEN,
      },
      { env: store.env },
    )
    expect(run.exitCode, run.log).toBe(0)
    expect(charmState(store, 'kubernetes-worker').channels['1.31/beta']).toEqual(
      expect.objectContaining({ revision: 1, resources: JSON.parse(run.outputs['resource-revisions']) }),
    )
    expect(writes(calls(store))).toHaveLength(1 + 7 + 1)
  })
})

describe('which charmcraft, and where it packs (pure)', () => {
  it("the charm's .charmcraft-channel unless the input says otherwise; latest/stable without either", async () => {
    const dir = tempDir()
    expect(await charmcraftChannel(dir, '')).toEqual({ channel: 'latest/stable', from: 'the default' })
    writeFileSync(path.join(dir, '.charmcraft-channel'), '2.x/stable\n')
    expect(await charmcraftChannel(dir, '')).toEqual({ channel: '2.x/stable', from: '.charmcraft-channel' })
    expect(await charmcraftChannel(dir, '3.x/candidate')).toEqual({ channel: '3.x/candidate', from: 'the charmcraft-channel input' })
    writeFileSync(path.join(dir, '.charmcraft-channel'), 'two please\n')
    await expect(charmcraftChannel(dir, '')).rejects.toThrow("'two please' is not a snap channel (e.g. 2.x/stable)")
    expect(versionFitsChannel('charmcraft 2.7.1', '2.x/stable')).toBe(true)
    expect(versionFitsChannel('charmcraft 3.4.0', '2.x/stable')).toBe(false)
    expect(versionFitsChannel('charmcraft 3.4.0', 'latest/stable')).toBe(true)
    expect(versionFitsChannel('', '2.x/stable')).toBeUndefined()
  })
  it('the host as GitHub describes the job: RUNNER_ARCH and ImageOS', async () => {
    expect(await runnerHost({ RUNNER_ARCH: 'ARM64', ImageOS: 'ubuntu22' }, 'amd64')).toEqual({ arch: 'arm64', release: '22.04' })
    expect((await runnerHost({ RUNNER_ARCH: 'S390X' }, 'amd64')).arch).toBe('s390x')
  })
  it('destructive-mode auto: destructive when the runner runs the build-on release of its arch, else LXD', () => {
    const entries = ['amd64', 's390x'].map((arch, index) => ({
      select: { kind: 'bases-index', index },
      buildOn: [{ channel: '22.04', arch }],
    }))
    expect(destructiveFor(entries, { basesIndex: '1' }, { arch: 's390x', release: '22.04' })).toBe(true)
    expect(destructiveFor(entries, { basesIndex: '1' }, { arch: 's390x', release: '24.04' })).toBe(false)
    expect(destructiveFor(entries, {}, { arch: 'ppc64el', release: '22.04' })).toBe(false)
  })
  it('the charm-tools manifest: one base per series, with every arch served', () => {
    const m = charmToolsManifest(['jammy', 'noble'], ['amd64', 'arm64'], '3.0.8', 1_700_000_000)
    expect(m.bases).toEqual([
      { architectures: ['amd64', 'arm64'], channel: '22.04', name: 'ubuntu' },
      { architectures: ['amd64', 'arm64'], channel: '24.04', name: 'ubuntu' },
    ])
    expect(m['charmtool-started-at']).toBe('2023-11-14T22:13:20Z')
    expect(() => charmToolsManifest(['xenial'], [], '', 0)).toThrow("metadata.yaml: series 'xenial' is not one of focal, jammy, noble")
  })
})

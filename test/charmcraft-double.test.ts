/**
 * The charmcraft TEST DOUBLE checked against what charmcraft's and craft-application's source say (the files its
 * header cites), not against the suite's client: the host build plan, destructive mode's release check, LXD,
 * the names and manifests of packed charms, tracks, and the shapes of `status`.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers/runner.js'
import { DOUBLES, TODAY, charmcraft, storeDouble } from './charm-fixtures.js'

const DOUBLE = path.join(DOUBLES, 'charmcraft')
const CP = 'kubernetes-control-plane'

/** Run `charmcraft pack` as a job on a runner (RUNNER_ARCH, ImageOS) sees it; the .charm files it wrote. */
function packOn(
  fixture: string,
  runnerArch: string,
  imageOS: string,
  args: string[] = ['--destructive-mode'],
  env: Record<string, string> = {},
) {
  const out = tempDir('bs-cc-pack-')
  const res = spawnSync(DOUBLE, ['pack', ...args, '--project-dir', path.join(TODAY, fixture), '--output', out], {
    env: { PATH: process.env.PATH, RUNNER_ARCH: runnerArch, ImageOS: imageOS, ...env },
    encoding: 'utf8',
  })
  return { status: res.status, stderr: res.stderr, files: existsSync(out) ? readdirSync(out).sort() : [], out }
}

function manifestBases(file: string): unknown {
  return (parse(execFileSync('unzip', ['-p', file, 'manifest.yaml'], { encoding: 'utf8' })) as { bases: unknown }).bases
}

describe('charmcraft double: pack (services/buildplan.py, services/lifecycle.py, services/package.py)', () => {
  it('an X64 ubuntu22 runner packs only the amd64 entry of a per-arch charm, named after its run-on bases', () => {
    const r = packOn(CP, 'X64', 'ubuntu22')
    expect(r.status).toBe(0)
    expect(r.files).toEqual([`${CP}_ubuntu-22.04-amd64_ubuntu-24.04-amd64.charm`])
    expect(manifestBases(path.join(r.out, r.files[0]))).toEqual([
      { name: 'ubuntu', channel: '22.04', architectures: ['amd64'] },
      { name: 'ubuntu', channel: '24.04', architectures: ['amd64'] },
    ])
  })

  it('an ARM64 runner packs the arm64 entry', () => {
    const r = packOn(CP, 'ARM64', 'ubuntu22')
    expect(r.status).toBe(0)
    expect(r.files).toEqual([`${CP}_ubuntu-22.04-arm64_ubuntu-24.04-arm64.charm`])
  })

  it('destructive mode on ubuntu24 refuses a 22.04 build: IncompatibleBaseError, exit 78 (os.EX_CONFIG), nothing written', () => {
    const r = packOn(CP, 'X64', 'ubuntu24')
    expect(r.status).toBe(78)
    expect(r.stderr.split('\n')[0]).toBe('Ubuntu 22.04 builds cannot be performed on this Ubuntu 24.04 system.')
    expect(r.stderr).toContain('Recommended resolution: Run a managed build, or run on a compatible host.')
    expect(r.files).toEqual([])
  })

  it('a multi-arch reactive charm (flannel shape) gives one file for all arches on amd64, and no build on arm64', () => {
    const r = packOn('flannel', 'X64', 'ubuntu22')
    expect(r.status).toBe(0)
    expect(r.files).toEqual(['flannel_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm'])
    expect(manifestBases(path.join(r.out, r.files[0]))).toEqual([
      { name: 'ubuntu', channel: '22.04', architectures: ['amd64', 'arm64', 's390x'] },
      { name: 'ubuntu', channel: '24.04', architectures: ['amd64', 'arm64', 's390x'] },
    ])
    const arm = packOn('flannel', 'ARM64', 'ubuntu22')
    expect(arm.status).toBe(1)
    expect(arm.stderr.split('\n')[0]).toBe('No build matches the current execution environment.')
    expect(arm.files).toEqual([])
  })

  it('managed mode needs LXD: refused without it, any host release with it', () => {
    const none = packOn('etcd', 'X64', 'ubuntu24', [])
    expect(none.status).toBe(1)
    expect(none.stderr.split('\n')[0]).toBe('LXD is required, but not installed.')
    const lxd = packOn('etcd', 'X64', 'ubuntu24', [], { CHARMCRAFT_DOUBLE_LXD: '1' })
    expect(lxd.status).toBe(0)
    expect(lxd.files).toEqual(['etcd_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm'])
  })

  it('without ImageOS the release comes from /etc/os-release; an unknown RUNNER_ARCH is the double refusing its contract', () => {
    const os = readOsRelease()
    const r = packOn(CP, 'X64', '', ['--destructive-mode'])
    if (os.ID === 'ubuntu' && os.VERSION_ID === '22.04') expect(r.status).toBe(0)
    else expect(r.stderr.split('\n')[0]).toMatch(/^Ubuntu 22\.04 builds cannot be performed on this \S+ \S+ system\.$/)
    expect(packOn(CP, 'SPARC', 'ubuntu22').status).toBe(70)
  })
})

function readOsRelease(): Record<string, string> {
  const text = execFileSync('cat', ['/etc/os-release'], { encoding: 'utf8' })
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => /^([A-Z_]+)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2].replace(/^"(.*)"$/, '$1')]),
  )
}

describe('charmcraft double: status and tracks (store.py StatusCommand, CreateTrack)', () => {
  function run(store: ReturnType<typeof storeDouble>, ...args: string[]) {
    const res = spawnSync(DOUBLE, args, {
      env: { ...process.env, ...store.env, CHARMCRAFT_AUTH: 'cc-test-credential-7f3a9d2e41b8' },
      encoding: 'utf8',
    })
    return { status: res.status, stdout: res.stdout, stderr: res.stderr }
  }

  it('status is {} before the first release, then every track: an empty one with base null and all closed', () => {
    const store = storeDouble()
    charmcraft(store, 'register', 'flannel')
    expect(JSON.parse(charmcraft(store, 'status', 'flannel', '--format', 'json'))).toEqual({})

    const r = packOn('flannel', 'X64', 'ubuntu22')
    const up = JSON.parse(charmcraft(store, 'upload', '--format', 'json', path.join(r.out, r.files[0]))) as { revision: number }
    // A track the charm does not have: the releases endpoint's answer.
    const missing = run(store, 'release', 'flannel', '--revision', String(up.revision), '--channel', '1.34/beta')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('Store operation failed:\n- None: Invalid track: 1.34')

    expect(JSON.parse(charmcraft(store, 'create-track', '--name', 'flannel', '--track', '1.34', '--format', 'json'))).toEqual([
      { name: '1.34', 'automatic-phasing-percentage': null },
    ])
    const res = path.join(r.out, 'flannel.tar.gz')
    execFileSync('tar', ['-czf', res, '-C', TODAY, 'flannel'])
    const resources = ['amd64', 'arm64', 's390x'].map((a) => {
      const rev = JSON.parse(charmcraft(store, 'upload-resource', '--format', 'json', 'flannel', `flannel-${a}`, '--filepath', res)) as {
        revision: number
      }
      return ['--resource', `flannel-${a}:${rev.revision}`]
    })
    charmcraft(store, 'release', 'flannel', '--revision', String(up.revision), '--channel', '1.34/beta', ...resources.flat())
    const status = JSON.parse(charmcraft(store, 'status', 'flannel', '--format', 'json')) as Array<{
      track: string
      mappings: Array<{
        base: { architecture: string; channel: string } | null
        releases: Array<{ status: string; channel: string; revision: number | null }>
      }>
    }>
    expect(status.map((t) => t.track)).toEqual(['latest', '1.34'])
    expect(status[0].mappings).toEqual([
      {
        base: null,
        releases: ['stable', 'candidate', 'beta', 'edge'].map((risk) => ({
          status: 'closed',
          channel: `latest/${risk}`,
          version: null,
          revision: null,
          resources: null,
          expires_at: null,
        })),
      },
    ])
    // One revision serving six bases: six mappings, each stable/candidate closed, beta open, edge tracking.
    expect(status[1].mappings.map((m) => `${m.base?.channel}/${m.base?.architecture}`).sort()).toEqual([
      '22.04/amd64',
      '22.04/arm64',
      '22.04/s390x',
      '24.04/amd64',
      '24.04/arm64',
      '24.04/s390x',
    ])
    for (const m of status[1].mappings)
      expect(m.releases.map((x) => `${x.channel}:${x.status}:${x.revision}`)).toEqual([
        '1.34/stable:closed:null',
        '1.34/candidate:closed:null',
        `1.34/beta:open:${up.revision}`,
        '1.34/edge:tracking:null',
      ])
  })

  it('create-track: guardrails decide, an existing track and a bad name are refused', () => {
    const store = storeDouble({ CHARMCRAFT_DOUBLE_GUARDRAILS: String.raw`1\.\d+` })
    charmcraft(store, 'register', 'etcd')
    const refused = run(store, 'create-track', '--name', 'etcd', '--track', '2.0')
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^Error 400 returned from store: .*2\.0/)
    expect(run(store, 'create-track', '--name', 'etcd', '--track', '1.34', '1.35').status).toBe(0)
    expect(run(store, 'create-track', '--name', 'etcd', '--track', '1.34').stderr).toMatch(/^Error 409 returned from store/)
    expect(run(store, 'create-track', '--name', 'etcd', '--track', '-bad').stderr).toMatch(/^The following track names are invalid: -bad/)
  })
})

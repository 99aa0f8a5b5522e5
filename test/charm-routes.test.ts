/**
 * Where each bases/platforms entry is packed (shared/charm/routes.ts): the entries read from charmcraft.yaml in
 * the shapes of today's CK charms (FACTS-era shapes written here, not copied), the route of each (hosted, LXD,
 * self-hosted, emulated), and the one-line refusals of what no configured route can pack.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  charmEntries,
  checkBuildRoutes,
  EMULATED_SLOWDOWN,
  packJobs,
  routeConfigFromEnv,
  routeEntry,
  type RouteConfig,
  showRoute,
} from '../shared/charm/routes.js'
import { repoRoot } from './helpers/runner.js'

const ubuntu = (channel: string, ...architectures: string[]) => ({ name: 'ubuntu', channel, architectures })
/** kubernetes-control-plane / kubernetes-worker: one entry per arch, build-on 22.04, run-on 22.04 and 24.04. */
const perArch = {
  type: 'charm',
  bases: ['amd64', 'arm64', 's390x'].map((a) => ({ 'build-on': [ubuntu('22.04', a)], 'run-on': [ubuntu('22.04', a), ubuntu('24.04', a)] })),
}
/** flannel / etcd: one entry built on amd64 that runs on every arch. */
const multiArch = {
  type: 'charm',
  bases: [
    {
      'build-on': [ubuntu('22.04', 'amd64')],
      'run-on': [ubuntu('22.04', 'amd64', 'arm64', 's390x'), ubuntu('24.04', 'amd64', 'arm64', 's390x')],
    },
  ],
}
const none: RouteConfig = { selfHosted: {} }
const s390x: RouteConfig = { selfHosted: { s390x: true } }
const noEmulation: RouteConfig = { selfHosted: {}, emulate: false }

describe('the entries of a charm', () => {
  test('bases, long form: one entry per item, its build-on and run-on', () => {
    const e = charmEntries('kubernetes-control-plane', perArch, undefined, 'charmcraft', ['amd64'])
    expect(e).toHaveLength(3)
    expect(e[1]).toEqual({
      select: { kind: 'bases-index', index: 1 },
      buildOn: [{ name: 'ubuntu', channel: '22.04', arch: 'arm64' }],
      runOn: [
        { name: 'ubuntu', channel: '22.04', arch: 'arm64' },
        { name: 'ubuntu', channel: '24.04', arch: 'arm64' },
      ],
    })
  })
  test('bases, short form: builds and runs on the same base (numbers as channels too)', () => {
    const e = charmEntries('x', { bases: [{ name: 'ubuntu', channel: 22.04, architectures: ['arm64'] }] }, undefined, 'charmcraft', [])
    expect(e[0].buildOn).toEqual([{ name: 'ubuntu', channel: '22.04', arch: 'arm64' }])
    expect(e[0].runOn).toEqual(e[0].buildOn)
  })
  test('platforms (charmcraft 3): base:arch shorthand, an arch under the top-level base, build-on/build-for lists', () => {
    const e = charmEntries(
      'x',
      {
        base: 'ubuntu@24.04',
        platforms: {
          'ubuntu@22.04:amd64': null,
          arm64: null,
          s390x: { 'build-on': ['ubuntu@24.04:amd64'], 'build-for': ['ubuntu@24.04:s390x'] },
        },
      },
      undefined,
      'charmcraft',
      [],
    )
    expect(e.map((x) => [x.select, x.buildOn.map((b) => `${b.channel}/${b.arch}`), x.runOn.map((b) => `${b.channel}/${b.arch}`)])).toEqual([
      [{ kind: 'platform', name: 'ubuntu@22.04:amd64' }, ['22.04/amd64'], ['22.04/amd64']],
      [{ kind: 'platform', name: 'arm64' }, ['24.04/arm64'], ['24.04/arm64']],
      [{ kind: 'platform', name: 's390x' }, ['24.04/amd64'], ['24.04/s390x']],
    ])
  })
  test('a charm-tools build: one entry from the metadata series for every released arch, built on the hosted amd64 runner', () => {
    const [e] = charmEntries('flannel', undefined, { series: ['jammy', 'noble'] }, 'charm', ['amd64', 'arm64'])
    expect(e.select).toEqual({ kind: 'charm-tools' })
    expect(e.runOn.map((b) => `${b.channel}/${b.arch}`)).toEqual(['22.04/amd64', '22.04/arm64', '24.04/amd64', '24.04/arm64'])
  })
  test('bad shapes are one line naming the file and the entry', () => {
    expect(() => charmEntries('x', { bases: [{ 'build-on': [ubuntu('22.04')] }] }, undefined, 'charmcraft', [])).toThrow(
      'x/charmcraft.yaml: bases[0]: give both build-on and run-on lists',
    )
    expect(() => charmEntries('x', { platforms: { arm64: null } }, undefined, 'charmcraft', [])).toThrow(
      "x/charmcraft.yaml: platforms.arm64: 'arm64' names no base and charmcraft.yaml has no top-level base; write ubuntu@22.04:arm64",
    )
    expect(() => charmEntries('x', { type: 'charm' }, undefined, 'charmcraft', [])).toThrow('x/charmcraft.yaml: no bases or platforms')
  })
})

describe('one pack job per needed entry, each on a runner that fits', () => {
  test('per-arch charm, amd64+arm64: two jobs on the hosted 22.04 runners, destructive mode; the s390x entry is not needed', () => {
    const jobs = packJobs(
      'kubernetes-worker',
      charmEntries('kubernetes-worker', perArch, undefined, 'charmcraft', []),
      ['amd64', 'arm64'],
      none,
    )
    expect(jobs.map((j) => [j.entry, j['bases-index'], j['runs-on'], j['runner-arch'], j['image-os'], j.destructive, j.route])).toEqual([
      ['bases[0]', '0', 'ubuntu-22.04', 'X64', 'ubuntu22', 'true', 'hosted'],
      ['bases[1]', '1', 'ubuntu-22.04-arm', 'ARM64', 'ubuntu22', 'true', 'hosted'],
    ])
  })
  test('multi-arch charm: one job on amd64 serves every arch, s390x included, with no self-hosted runner', () => {
    const jobs = packJobs('flannel', charmEntries('flannel', multiArch, undefined, 'charmcraft', []), ['amd64', 'arm64', 's390x'], none)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]['run-on']).toBe(
      'ubuntu 22.04 amd64, ubuntu 22.04 arm64, ubuntu 22.04 s390x, ubuntu 24.04 amd64, ubuntu 24.04 arm64, ubuntu 24.04 s390x',
    )
  })
  test('s390x with no runner: emulated on the hosted ubuntu-24.04 (X64), in a linux/s390x ubuntu:22.04 container, destructive, marked slow', () => {
    const entries = charmEntries('kubernetes-control-plane', perArch, undefined, 'charmcraft', [])
    const jobs = packJobs('kubernetes-control-plane', entries, ['amd64', 's390x'], none, '2.x/stable')
    expect(jobs.map((j) => j.route)).toEqual(['hosted', 'emulated'])
    expect(jobs[1]).toMatchObject({
      entry: 'bases[2]',
      'bases-index': '2',
      'build-on': 'ubuntu 22.04 s390x',
      arches: 's390x',
      'runs-on': 'ubuntu-24.04',
      'runner-arch': 'X64',
      'image-os': 'ubuntu24',
      destructive: 'true',
      lxd: false,
      'container-platform': 'linux/s390x',
      'container-image': 'ubuntu:22.04',
      slow: `emulated, ~${EMULATED_SLOWDOWN}× slower`,
    })
    // The native routes carry no container and no slow mark.
    expect([jobs[0]['container-platform'], jobs[0]['container-image'], jobs[0].slow]).toEqual(['', '', ''])
    expect(showRoute(jobs[1])).toBe(
      `emulated \`linux/s390x\` in \`ubuntu:22.04\` on \`ubuntu-24.04\`, destructive mode (emulated, ~${EMULATED_SLOWDOWN}× slower)`,
    )
    expect(showRoute(jobs[0])).toBe('hosted `ubuntu-22.04`, destructive mode')
  })
  test('ppc64el too, in its docker platform (linux/ppc64le) and the build-on release (20.04 here)', () => {
    const e = {
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [ubuntu('20.04', 'ppc64el')].flatMap((b) => b.architectures.map((arch) => ({ name: 'ubuntu', channel: '20.04', arch }))),
      runOn: [],
    }
    const r = routeEntry('x', e, none, '2.x/stable')
    expect([r.kind, r.runsOn, r.runnerArch, r.containerPlatform, r.containerImage]).toEqual([
      'emulated',
      'ubuntu-24.04',
      'X64',
      'linux/ppc64le',
      'ubuntu:20.04',
    ])
    // A configured runner wins here too.
    expect(routeEntry('x', e, { selfHosted: { ppc64el: true } }, '2.x/stable').kind).toBe('self-hosted')
  })
  test('what the emulated route cannot pack is refused in the plan, in one line: platforms, 24.04, a charmcraft it does not install', () => {
    const bases = (channel: string) => ({
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [{ name: 'ubuntu', channel, arch: 's390x' }],
      runOn: [],
    })
    const platform = { ...bases('22.04'), select: { kind: 'platform' as const, name: 'jammy-s390x' } }
    const refusal = (e: Parameters<typeof routeEntry>[1], channel?: string) => {
      try {
        routeEntry('x', e, none, channel)
      } catch (err) {
        return (err as Error).message
      }
      return 'routed'
    }
    const head = (entry: string, release: string) =>
      `x: ${entry} builds on ubuntu ${release} s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x), or `
    expect(refusal(platform, '2.x/stable')).toBe(
      `${head('platforms.jammy-s390x', '22.04')}a bases entry for the emulated route (it packs charmcraft 2.x bases entries; platforms need charmcraft 3, not installed in the container), or drop its arch from arches`,
    )
    expect(refusal(bases('24.04'), '2.x/stable')).toBe(
      `${head('bases[0]', '24.04')}a build-on release the emulated route serves (20.04, 22.04: charmcraft 2.x needs Python <= 3.11, Ubuntu 24.04 has a newer one), or drop its arch from arches`,
    )
    expect(refusal(bases('22.04'))).toBe(
      `${head('bases[0]', '22.04')}a charmcraft the emulated route installs: pin 2.x/stable in .charmcraft-channel (it says nothing: latest/stable), or drop its arch from arches`,
    )
    expect(refusal(bases('22.04'), '3.x/stable')).toMatch(/pin 2\.x\/stable in \.charmcraft-channel \(it says 3\.x\/stable\)/)
    expect(refusal(bases('22.04'), '2.x/stable')).toBe('routed')
  })
  test('armhf and riscv64, which no runner of ours serves, are emulated in their docker platforms', () => {
    const one = (arch: string) => ({
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [{ name: 'ubuntu', channel: '22.04', arch }],
      runOn: [],
    })
    expect(['armhf', 'riscv64'].map((a) => routeEntry('x', one(a), none, '2.x/stable').containerPlatform)).toEqual([
      'linux/arm/v7',
      'linux/riscv64',
    ])
  })
  test('a configured S390X_RUNNER wins over emulation', () => {
    const e = charmEntries('k', perArch, undefined, 'charmcraft', [])[2]
    const r = routeEntry('kubernetes-worker', e, s390x)
    expect([r.kind, r.containerPlatform]).toEqual(['self-hosted', ''])
  })
  test('emulate: false and no runner: one line naming the charm, the entry, its build-on, the variable and the emulate switch', () => {
    const entries = charmEntries('kubernetes-control-plane', perArch, undefined, 'charmcraft', [])
    expect(() => packJobs('kubernetes-control-plane', entries, ['amd64', 's390x'], noEmulation)).toThrow(
      'kubernetes-control-plane: bases[2] builds on ubuntu 22.04 s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x), or remove emulate: false, or drop its arch from arches',
    )
    // ppc64el the same, with its own variable; with its runner, emulate: false changes nothing.
    const ppc = {
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [{ name: 'ubuntu', channel: '22.04', arch: 'ppc64el' }],
      runOn: [],
    }
    expect(() => routeEntry('x', ppc, noEmulation)).toThrow(
      'x: bases[0] builds on ubuntu 22.04 ppc64el, and no configured route packs it; set the repository variable PPC64EL_RUNNER (a self-hosted runner labelled self-hosted, linux, ppc64el), or remove emulate: false, or drop its arch from arches',
    )
    expect(routeEntry('x', ppc, { ...noEmulation, selfHosted: { ppc64el: true } }).kind).toBe('self-hosted')
    // An arch only emulation serves: the switch alone.
    const riscv = { ...ppc, buildOn: [{ name: 'ubuntu', channel: '24.04', arch: 'riscv64' }] }
    expect(() => routeEntry('x', riscv, noEmulation)).toThrow(
      'x: bases[0] builds on ubuntu 24.04 riscv64, and no configured route packs it; remove emulate: false, or drop its arch from arches',
    )
  })
  test('s390x with S390X_RUNNER: the self-hosted runner, RUNNER_ARCH S390X, destructive when its release fits', () => {
    const jobs = packJobs('kubernetes-control-plane', charmEntries('k', perArch, undefined, 'charmcraft', []), ['s390x'], s390x)
    expect(jobs.map((j) => [j.entry, j['runs-on'], j['runner-arch'], j.destructive])).toEqual([
      ['bases[2]', ['self-hosted', 'linux', 's390x'], 'S390X', 'auto'],
    ])
  })
  test('a self-hosted route for a caller of another owner is refused in one line', () => {
    const e = charmEntries('k', perArch, undefined, 'charmcraft', [])[2]
    expect(() => routeEntry('kubernetes-worker', e, { ...s390x, callerOwner: 'acme', suiteOwner: 'cdk' })).toThrow(
      /^kubernetes-worker: bases\[2\] builds on ubuntu 22.04 s390x: the self-hosted route \(S390X_RUNNER\) cannot serve a call from acme: .* same account \(cdk\)/,
    )
    expect(routeEntry('kubernetes-worker', e, { ...s390x, callerOwner: 'CDK', suiteOwner: 'cdk' }).kind).toBe('self-hosted')
  })
  test('the s390x build job on S390X_RUNNER for a caller of another owner is refused in one line; same owner or no runner: nothing', () => {
    expect(checkBuildRoutes(['amd64', 's390x'], { ...s390x, callerOwner: 'acme', suiteOwner: 'cdk' })).toEqual([
      expect.stringMatching(
        /^build \(s390x\): S390X_RUNNER sends the s390x build job to a self-hosted runner, which cannot serve a call from acme: .*unset S390X_RUNNER/,
      ),
    ])
    expect(checkBuildRoutes(['s390x'], { ...s390x, callerOwner: 'CDK', suiteOwner: 'cdk' })).toEqual([])
    expect(checkBuildRoutes(['s390x'], { selfHosted: {}, callerOwner: 'acme', suiteOwner: 'cdk' })).toEqual([])
    expect(checkBuildRoutes(['amd64'], { ...s390x, callerOwner: 'acme', suiteOwner: 'cdk' })).toEqual([])
  })
  test('a release the hosted images do not run: LXD managed mode on the runner of that arch', () => {
    const r = routeEntry(
      'old',
      { select: { kind: 'bases-index', index: 0 }, buildOn: [{ name: 'ubuntu', channel: '20.04', arch: 'arm64' }], runOn: [] },
      none,
    )
    expect([r.kind, r.runsOn, r.destructive, r.lxd, r.imageOs]).toEqual(['lxd', 'ubuntu-24.04-arm', 'false', true, 'ubuntu24'])
  })
  test('several build-on bases: a native route of any of them before an emulated one', () => {
    const e = {
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [ubuntu('22.04', 's390x', 'amd64')].flatMap((b) =>
        b.architectures.map((arch) => ({ name: 'ubuntu', channel: '22.04', arch })),
      ),
      runOn: [],
    }
    expect(routeEntry('x', e, none).runsOn).toBe('ubuntu-22.04')
    expect(routeEntry('x', e, s390x).runsOn).toEqual(['self-hosted', 'linux', 's390x'])
  })
  test('a base no route exists for (not Ubuntu): one line saying to pack it elsewhere', () => {
    const e = {
      select: { kind: 'bases-index' as const, index: 0 },
      buildOn: [{ name: 'centos', channel: '7', arch: 's390x' }],
      runOn: [{ name: 'centos', channel: '7', arch: 's390x' }],
    }
    expect(() => packJobs('x', [e], ['s390x'], none)).toThrow(
      /^x: bases\[0\] builds on centos 7 s390x, and no route packs it .* give the \.charm files \(files:\)/,
    )
  })
  test('the repository variables and the owners, as release.yml passes them to the plan job', () => {
    expect(
      routeConfigFromEnv({ S390X_RUNNER: 'yes', PPC64EL_RUNNER: '', CALLER_OWNER: 'acme', SUITE_REPOSITORY: 'cdk/build-snaps' }),
    ).toEqual({
      selfHosted: { s390x: true },
      callerOwner: 'acme',
      suiteOwner: 'cdk',
    })
    expect(routeConfigFromEnv({}, ['ppc64el']).selfHosted).toEqual({ ppc64el: true })
  })
})

test('the docs give the one slowdown figure the summaries show (EMULATED_SLOWDOWN)', () => {
  const figures = [...readFileSync(path.join(repoRoot, 'docs', 'release.md'), 'utf8').matchAll(/~(\d+(?:\.\d+)?)× slower/g)].map((m) =>
    Number(m[1]),
  )
  expect(figures.length).toBeGreaterThan(0)
  expect(new Set(figures)).toEqual(new Set([EMULATED_SLOWDOWN]))
})

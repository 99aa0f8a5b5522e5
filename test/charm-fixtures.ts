/**
 * Shared set-up of the charm tests: the store TEST DOUBLES (test/doubles/charmcraft, test/doubles/charm)
 * first on PATH with their state in a temp directory, real CNI tarballs made with real tar, real snaps
 * packed with the suite's packer, and .charm files zipped from the fixtures.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArch } from '../shared/arch.js'
import { zipCharmDir } from '../shared/charm/build.js'
import { COMPONENTS, packComponentSnap } from '../shared/k8s.js'
import { repoRoot, tempDir } from './helpers/runner.js'

export const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'charms')
export const DOUBLES = path.join(repoRoot, 'test', 'doubles')
/** Charms in today's shapes (per-arch control plane and worker, multi-arch flannel and etcd): the project's examples. */
export const TODAY = path.join(repoRoot, 'examples', 'charms')
export const TOKEN = 'cc-test-credential-7f3a9d2e41b8'

export interface StoreDouble {
  state: string
  /** Where the ledger (Actions cache fallback) lives; shared by the runs of one scenario. */
  cache: string
  env: Record<string, string>
}

export function storeDouble(extra: Record<string, string> = {}): StoreDouble {
  const root = tempDir('bs-charmstore-')
  const state = path.join(root, 'state')
  const cache = path.join(root, 'cache')
  const env = {
    PATH: `${DOUBLES}${path.delimiter}${process.env.PATH}`,
    CHARMCRAFT_DOUBLE_STATE: state,
    CHARMCRAFT_DOUBLE_TOKEN: TOKEN,
    CHARM_DOUBLE_STATE: state,
    BUILD_SNAPS_CACHE_DIR: cache,
    BUILD_SNAPS_STORE_BACKOFF_MS: '20',
    ...extra,
  }
  return { state, cache, env }
}

/** Run the charmcraft double directly (test set-up, e.g. `register`). */
export function charmcraft(store: StoreDouble, ...args: string[]): string {
  return execFileSync(path.join(DOUBLES, 'charmcraft'), args, {
    env: { ...process.env, ...store.env, CHARMCRAFT_AUTH: TOKEN },
    encoding: 'utf8',
  })
}

export interface DoubleBase {
  name: string
  channel: string
  architecture: string
}

export interface CharmState {
  revisions: Array<{ revision: number; sha256: string; bases: Array<{ name: string; channel: string; architectures: string[] } | null> }>
  resources: Record<string, { revisions: Array<{ revision: number; size: number; sha256: string; arches: string[] }> }>
  /** The channel map: one entry per channel and base. */
  releases: Array<{ channel: string; base: DoubleBase | null; revision: number; resources: Record<string, number> }>
  /** The last release per channel. */
  channels: Record<string, { revision: number; resources: Record<string, number> }>
}

/** The double's channel map for one channel: "<base-channel>/<arch>" → {revision, resources}. */
export function channelMap(
  store: StoreDouble,
  name: string,
  channel: string,
): Record<string, { revision: number; resources: Record<string, number> }> {
  const out: Record<string, { revision: number; resources: Record<string, number> }> = {}
  for (const r of charmState(store, name)?.releases ?? []) {
    if (r.channel === channel)
      out[r.base ? `${r.base.channel}/${r.base.architecture}` : 'all'] = { revision: r.revision, resources: r.resources }
  }
  return out
}

export function charmState(store: StoreDouble, name: string): CharmState {
  const file = path.join(store.state, 'state.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { charms: Record<string, CharmState> }).charms[name]
}

export interface Call {
  argv: string[]
  auth?: boolean
}

export function calls(store: StoreDouble): Call[] {
  const file = path.join(store.state, 'calls.jsonl')
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Call)
    : []
}

/** The store-changing calls (uploads and releases) among calls. */
export function writes(list: Call[]): string[] {
  return list
    .filter((c) => ['upload', 'upload-resource', 'release', 'push', 'attach', 'grant'].includes(c.argv[0]))
    .map((c) => c.argv.slice(0, 3).join(' '))
}

/** A CNI resource tarball as build-cni-resources.sh makes it (docs/upstream.md#cni-resource): > 1 MB, real tar + gzip. */
export function cniTarball(dir: string, arch: string, bytes = 1_200_000): string {
  const src = path.join(dir, `cni-src-${arch}`)
  mkdirSync(src, { recursive: true })
  for (const plugin of ['bridge', 'host-local', 'loopback']) writeFileSync(path.join(src, plugin), randomBytes(Math.ceil(bytes / 3)))
  writeFileSync(path.join(src, 'BUILD_INFO'), `cni-${arch} v1.4.0\nBuilt ${new Date(0).toISOString()}\n`)
  const out = path.join(dir, `cni-${arch}.tgz`)
  execFileSync('tar', ['-czf', out, '-C', src, '.'])
  return out
}

/** A real snap of the kubectl component for arch (packed by the suite's packer, stand-in binary inside). */
export async function kubectlSnap(dir: string, archName: string): Promise<string> {
  const arch = parseArch(archName)
  const bin = path.join(dir, `kubectl-bin-${arch.debian}`)
  writeFileSync(bin, '#!/bin/sh\necho stand-in kubectl\n')
  const kubectl = COMPONENTS.find((c) => c.name === 'kubectl')!
  const { file } = await packComponentSnap(kubectl, bin, 'v1.31.0', arch, path.join(dir, 'snaps'), path.join(dir, 'stage'), 1700000000)
  return file
}

/**
 * The .charm files of a charmcraft charm for several arches, packed by the charmcraft double (one per base/arch,
 * each with manifest.yaml bases): a temp project with the fixture's metadata.yaml and a generated charmcraft.yaml.
 * `marker` changes the content (a new build of the same charm).
 */
export function packedCharms(fixture: string, arches: string[], dir: string, marker = '', name = fixture): string[] {
  const project = path.join(dir, `project-${name}${marker ? `-${marker}` : ''}`)
  mkdirSync(path.join(project, 'src'), { recursive: true })
  writeFileSync(
    path.join(project, 'metadata.yaml'),
    readFileSync(path.join(FIXTURES, fixture, 'metadata.yaml'), 'utf8').replace(/^name: .*$/m, `name: ${name}`),
  )
  writeFileSync(path.join(project, 'src', 'charm.py'), `# ${fixture} ${marker}\n`)
  const bases = arches
    .map(
      (a) =>
        `  - build-on:\n      - {name: ubuntu, channel: "22.04", architectures: [${a}]}\n    run-on:\n      - {name: ubuntu, channel: "22.04", architectures: [${a}]}\n`,
    )
    .join('')
  writeFileSync(
    path.join(project, 'charmcraft.yaml'),
    `type: charm\nbases:\n${bases}parts:\n  charm:\n    plugin: reactive\n    source: .\n`,
  )
  const out = path.join(dir, `charms-${name}${marker ? `-${marker}` : ''}`)
  // charmcraft packs only the entries built on the host's arch: one pack per arch, each on a runner of that arch.
  for (const a of arches) packOnRunner(project, out, a)
  return arches.map((a) => path.join(out, `${name}_ubuntu-22.04-${a}.charm`))
}

/** GitHub's RUNNER_ARCH for a Debian arch (the double's host contract). */
const RUNNER_ARCH: Record<string, string> = { amd64: 'X64', arm64: 'ARM64', armhf: 'ARM', s390x: 'S390X', ppc64el: 'PPC64LE' }

/** `charmcraft pack --destructive-mode` (the double) as a job on an Ubuntu 22.04 runner of `arch` runs it. */
export function packOnRunner(project: string, out: string, arch: string, imageOS = 'ubuntu22'): string {
  return execFileSync(path.join(DOUBLES, 'charmcraft'), ['pack', '--destructive-mode', '--project-dir', project, '--output', out], {
    encoding: 'utf8',
    env: { ...process.env, RUNNER_ARCH: RUNNER_ARCH[arch], ImageOS: imageOS },
  })
}

/**
 * The .charm files of a today's-shape example (examples/charms) for `arches`, packed by the double one
 * runner per arch that has an entry (a multi-arch charm packs once, on amd64). `marker` makes a new build.
 */
export function packedToday(fixture: string, arches: string[], dir: string, marker = ''): string[] {
  const project = path.join(dir, `today-${fixture}${marker ? `-${marker}` : ''}`)
  cpSync(path.join(TODAY, fixture), project, { recursive: true, verbatimSymlinks: true })
  if (marker) writeFileSync(path.join(project, 'marker.txt'), `${marker}\n`)
  const out = path.join(dir, `today-charms-${fixture}${marker ? `-${marker}` : ''}`)
  for (const a of arches) {
    try {
      packOnRunner(project, out, a)
    } catch (e) {
      // A multi-arch charm has no entry built on arm64 or s390x: charmcraft says so; its amd64 file serves them.
      if (!String((e as { stderr?: string }).stderr).startsWith('No build matches the current execution environment.')) throw e
    }
  }
  return readdirSync(out)
    .filter((f) => f.endsWith('.charm'))
    .sort()
    .map((f) => path.join(out, f))
}

/** A .charm zipped from a fixture directory (with the suite's own zip step). */
export async function charmFile(fixture: string, dest: string): Promise<string> {
  await zipCharmDir(path.join(FIXTURES, fixture), dest)
  return dest
}

/** The emulated pack route's test charm: an amd64 and an s390x entry, a C-extension dependency (probe-ext). */
export const EMU_PROBE = path.join(FIXTURES, 'emu-probe')
/** The sources of the sdists in emu-probe/deps (probe-ext, and probe-build, its build backend). */
export const EMU_PROBE_DEPS = path.join(FIXTURES, 'emu-probe-deps')
/** The charmcraft 2.7.6 TEST DOUBLE (python3, stdlib only) that packs inside a linux/<arch> container. */
export const CHARMCRAFT2 = path.join(DOUBLES, 'charmcraft2')

/**
 * A reproducible sdist of root/<dirName> (e.g. probe_ext-0.1.0) as outDir/<dirName>.tar.gz: entries sorted,
 * mtime 0, owned by 0:0, no gzip timestamp, so the same sources give the same bytes.
 */
export function sdist(root: string, dirName: string, outDir: string): string {
  const out = path.join(outDir, `${dirName}.tar.gz`)
  mkdirSync(outDir, { recursive: true })
  execFileSync('tar', [
    '--sort=name',
    '--mtime=@0',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--mode=u+rw,go+r,go-w',
    '--use-compress-program=gzip -9n',
    '-cf',
    out,
    '-C',
    root,
    dirName,
  ])
  return out
}

/** Host libraries that are x86-64 shared objects on a Debian/Ubuntu amd64 machine (the first one present is used). */
const HOST_X86_64_SO = ['/usr/lib/x86_64-linux-gnu/libz.so.1', '/lib/x86_64-linux-gnu/libz.so.1', '/lib/x86_64-linux-gnu/libc.so.6']

export type EmuProbeVariant = 'good' | 'broken-c' | 'x86-so'

/**
 * A temp copy of emu-probe (as dir/emu-probe-<variant>, returned) to pack:
 * - `good`: as committed.
 * - `broken-c`: depends on probe-ext 0.1.1, whose C source does not compile, so the pack fails mid-build (in pip's
 *   build of probe-ext, with gcc's error in charmcraft's log). A new version, not a changed 0.1.0: pip's wheel
 *   cache is keyed on the sdist's location, so a cache holding 0.1.0's wheel would otherwise hide the failure.
 * - `x86-so`: carries a host x86-64 shared object at src/helper.so. The charm plugin primes src/, so the file lands
 *   in every .charm packed from it, the s390x entry's included: what the per-arch ELF check must refuse.
 */
export function emuProbeCopy(dir: string, variant: EmuProbeVariant = 'good'): string {
  const project = path.join(dir, `emu-probe-${variant}`)
  cpSync(EMU_PROBE, project, { recursive: true })
  if (variant === 'broken-c') {
    const src = path.join(dir, 'emu-probe-broken-src')
    const tree = path.join(src, 'probe_ext-0.1.1')
    cpSync(path.join(EMU_PROBE_DEPS, 'probe_ext-0.1.0'), tree, { recursive: true })
    for (const f of ['pyproject.toml', 'PKG-INFO']) {
      const file = path.join(tree, f)
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^(version = "|Version: )0\.1\.0/m, (_, key: string) => `${key}0.1.1`),
      )
    }
    writeFileSync(
      path.join(tree, 'ext', '_probe.c'),
      '/* probe-ext 0.1.1: does NOT compile, on purpose (build-snaps test: a pack that fails mid-build) */\n' +
        '#include <Python.h>\n\nstatic PyObject *byteorder(PyObject *self, PyObject *args)\n{\n    return this is not C;\n}\n',
    )
    rmSync(path.join(project, 'deps', 'probe_ext-0.1.0.tar.gz'))
    sdist(src, 'probe_ext-0.1.1', path.join(project, 'deps'))
    writeFileSync(path.join(project, 'requirements.txt'), 'probe-ext==0.1.1\n')
  }
  if (variant === 'x86-so') {
    const so = HOST_X86_64_SO.find((f) => existsSync(f))
    if (!so) throw new Error(`no x86-64 shared object on this machine (looked for ${HOST_X86_64_SO.join(', ')})`)
    cpSync(so, path.join(project, 'src', 'helper.so'), { dereference: true })
  }
  return project
}

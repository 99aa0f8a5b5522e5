/**
 * The etcd snap (docs/upstream.md#cdk-addons-and-etcd-snaps, canonical/etcd-snaps): etcd + etcdctl, strict
 * confinement, a daemon app through a wrapper that sets ETCD_UNSUPPORTED_ARCH where etcd refuses to start
 * without it. The binaries come from an etcd checkout, cross-compiled with Go (v2: the checkout's own `build` script in GOPATH mode; v3.4: `go build`
 * of the root module; v3.5+: the server/ and etcdctl/ modules), or from an upstream release tarball
 * (`etcd-<tag>-linux-<go-arch>.tar.gz`, checked against the release's SHA256SUMS).
 */
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from './arch.js'
import { readTarGz } from './archive.js'
import { type DownloadPolicy, type Logger, digestFromSums, download, fetchText } from './download.js'
import { UserError } from './errors.js'
import { exists } from './files.js'
import { type GoCache, type GoToolchain, goBuild, goModModule } from './golang.js'
import { SNAP_BASE, snapFileName, trimSlash } from './k8s.js'
import { runBuildScript } from './resource/build-script.js'
import { gitCommit } from './resource/checkout.js'
import { type StagedFile, checkSkeleton, packSnap, stageSnap } from './snap/pack.js'
import type { SnapYaml } from './snap/snapyaml.js'
import type { SmokeSpec } from './verify.js'
import { cleanVersion, parseTag, stripV } from './version.js'

export const ETCD_RELEASES = 'https://github.com/etcd-io/etcd/releases/download'

// ---------------------------------------------------------------- checkouts

/** Where one binary is built: the module directory and the package in it. */
export interface GoTarget {
  cwd: string
  pkg: string
}

export type EtcdLayout =
  /** etcd v2.x: GOPATH layout, the checkout's `build` script writes $BINDIR/etcd and $BINDIR/etcdctl. */
  | { kind: 'build-script' }
  /** etcd v3.x: go.mod; v3.4 builds `.` and `./etcdctl` of the root module, v3.5+ the server/ and etcdctl/ modules. */
  | { kind: 'go-mod'; etcd: GoTarget; etcdctl: GoTarget; versionPkg: string }

export interface EtcdSource {
  dir: string
  layout: EtcdLayout
  /** e.g. '3.4.22' (no leading v). */
  version: string
}

/** etcd's version.go: `Version = "3.4.22"`. */
const VERSION_RE = /\bVersion\s*=\s*"([^"]*)"/

async function isFile(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => undefined))?.isFile() ?? false
}

async function readVersion(dir: string, rel: string, inputName: string): Promise<string> {
  const text = await readFile(path.join(dir, rel), 'utf8').catch(() => undefined)
  const v = cleanVersion(text?.match(VERSION_RE)?.[1] ?? '')
  if (!v)
    throw new UserError(
      `${inputName}: cannot read etcd's version from ${path.join(dir, rel)} (expected Version = "x.y.z"); is this an etcd checkout?`,
    )
  return v
}

async function modulePath(gomod: string): Promise<string> {
  return goModModule(await readFile(gomod, 'utf8')) ?? ''
}

/** Recognise an etcd checkout's layout and version. */
export async function readEtcdSource(dirInput: string, inputName = 'source-dir'): Promise<EtcdSource> {
  const dir = path.resolve(dirInput)
  if (!(await lstat(dir).catch(() => undefined))?.isDirectory())
    throw new UserError(`${inputName}: '${dirInput}' is not a directory; point it at an etcd checkout`)
  let layout: EtcdLayout
  let versionFile: string
  if ((await isFile(path.join(dir, 'server', 'go.mod'))) && (await isFile(path.join(dir, 'etcdctl', 'go.mod')))) {
    versionFile = 'api/version/version.go'
    const api = await modulePath(path.join(dir, 'api', 'go.mod')).catch(() => 'go.etcd.io/etcd/api/v3')
    layout = {
      kind: 'go-mod',
      etcd: { cwd: path.join(dir, 'server'), pkg: '.' },
      etcdctl: { cwd: path.join(dir, 'etcdctl'), pkg: '.' },
      versionPkg: `${api}/version`,
    }
  } else if (await isFile(path.join(dir, 'go.mod'))) {
    versionFile = 'version/version.go'
    if (!(await lstat(path.join(dir, 'etcdctl')).catch(() => undefined))?.isDirectory()) {
      throw new UserError(`${inputName}: '${dirInput}' has a go.mod but no etcdctl/ package; point it at an etcd v3 checkout`)
    }
    layout = {
      kind: 'go-mod',
      etcd: { cwd: dir, pkg: '.' },
      etcdctl: { cwd: dir, pkg: './etcdctl' },
      versionPkg: `${await modulePath(path.join(dir, 'go.mod'))}/version`,
    }
  } else if (await isFile(path.join(dir, 'build'))) {
    versionFile = 'version/version.go'
    layout = { kind: 'build-script' }
  } else {
    throw new UserError(`${inputName}: '${dirInput}' is not an etcd checkout: no go.mod (etcd v3) and no build script (etcd v2)`)
  }
  const version = await readVersion(dir, versionFile, inputName)
  return { dir, layout, version }
}

export interface EtcdBinaries {
  etcd: string
  etcdctl: string
}

export interface EtcdBuildOptions {
  /** build-env: applied last. */
  env?: Record<string, string>
  /** The binaries wanted (default both); the v2 build script writes both anyway. */
  only?: Array<keyof EtcdBinaries>
}

/** How a checkout builds its binaries, for BUILD_INFO: `./build`, or `go build <pkg>` of etcdctl's package. */
export function etcdBuildCommand(src: EtcdSource): string {
  return src.layout.kind === 'build-script' ? './build' : `go build ${src.layout.etcdctl.pkg}`
}

/** Cross-compile etcd and etcdctl (or `only` some) for arch into outDir (never under emulation). */
export async function buildEtcd(
  src: EtcdSource,
  arch: Arch,
  go: GoToolchain,
  outDir: string,
  cache?: GoCache,
  opts: EtcdBuildOptions = {},
): Promise<EtcdBinaries> {
  await mkdir(outDir, { recursive: true })
  const out: EtcdBinaries = { etcd: path.join(outDir, 'etcd'), etcdctl: path.join(outDir, 'etcdctl') }
  const names = opts.only ?? (['etcd', 'etcdctl'] as const)
  const { layout } = src
  if (layout.kind === 'build-script') {
    const label = `etcd ${src.version} for ${arch.debian}`
    await runBuildScript({ argv: ['sh', '-e', './build'], tree: src.dir, arch, go, cache, env: { ...opts.env, BINDIR: outDir }, label })
    for (const name of names) {
      if (!(await exists(out[name]))) throw new UserError(`${label}: ./build did not write ${name} into $BINDIR (${outDir})`)
    }
    return out
  }
  const sha = (await gitCommit(src.dir))?.slice(0, 7)
  const ldflags = sha ? `-X ${layout.versionPkg}.GitSHA=${sha}` : undefined
  for (const name of names) {
    const t = layout[name]
    await goBuild({
      go,
      arch,
      cwd: t.cwd,
      packages: [t.pkg],
      output: out[name],
      ldflags,
      cache,
      env: opts.env,
      label: `${name} ${src.version} for ${arch.debian}`,
    })
  }
  return out
}

// ---------------------------------------------------------------- release tarballs

/** `v3.4.22` from `3.4.22` or `v3.4.22`. */
export function parseEtcdTag(value: string, inputName = 'etcd-version'): string {
  return parseTag(value, inputName, 'v3.4.22', 'an etcd release').tag
}

export function etcdTarballName(tag: string, arch: Arch): string {
  return `etcd-${tag}-linux-${arch.go}.tar.gz`
}

export interface ReleaseFetch {
  tag: string
  arch: Arch
  baseUrl: string
  /** Where the tarball and SHA256SUMS are; default <baseUrl>/<tag>. */
  dirUrl?: string
  /** The tarball's sha256; default: looked up in SHA256SUMS beside it. */
  sha256?: string
  workDir: string
  cacheDir?: string
  policy?: DownloadPolicy
  log: Logger
}

/** Download the release tarball (verified) and take etcd and etcdctl out of it into workDir/bin. */
export async function fetchEtcdRelease(f: ReleaseFetch): Promise<EtcdBinaries & { url: string; sha256: string; cached: boolean }> {
  const dir = trimSlash(f.dirUrl ?? `${trimSlash(f.baseUrl)}/${f.tag}`)
  const name = etcdTarballName(f.tag, f.arch)
  const url = `${dir}/${name}`
  let sha256 = f.sha256
  if (!sha256) {
    const sumsUrl = `${dir}/SHA256SUMS`
    sha256 = digestFromSums(await fetchText(sumsUrl, f.log, f.policy), name, sumsUrl)
  }
  const tgz = path.join(f.workDir, name)
  const got = await download(url, tgz, { sha256, cacheDir: f.cacheDir, log: f.log, policy: f.policy })
  const entries = await readTarGz(tgz, url)
  const out = { etcd: path.join(f.workDir, 'bin', 'etcd'), etcdctl: path.join(f.workDir, 'bin', 'etcdctl') }
  await mkdir(path.join(f.workDir, 'bin'), { recursive: true })
  for (const bin of ['etcd', 'etcdctl'] as const) {
    const entry = entries.find((e) => e.type === 'file' && e.name.split('/').length <= 2 && path.posix.basename(e.name) === bin)
    if (!entry?.data)
      throw new UserError(`${url}: no ${bin} inside (expected etcd-${f.tag}-linux-${f.arch.go}/${bin}); not an etcd release tarball`)
    await writeFile(out[bin], entry.data, { mode: 0o755 })
  }
  return { ...out, url, sha256, cached: got.cached }
}

// ---------------------------------------------------------------- the snap

/**
 * The value of ETCD_UNSUPPORTED_ARCH for a target, or undefined for amd64. etcd refuses to start on an
 * architecture it does not list as supported unless ETCD_UNSUPPORTED_ARCH equals its GOARCH (v3.4 lists amd64
 * and ppc64le, v3.5 adds arm64 and s390x, v2 only amd64); where the architecture is supported the variable is
 * ignored, so every target but amd64 gets it, spelled as Go spells the architecture (armhf → arm).
 */
export function etcdUnsupportedArch(arch: Arch): string | undefined {
  return arch.debian === 'amd64' ? undefined : arch.go
}

/** bin/snap-wrap.sh: run etcd from its configuration file, with ETCD_UNSUPPORTED_ARCH set where needed. */
export function etcdWrapper(arch: Arch): string {
  const unsupported = etcdUnsupportedArch(arch)
  return `#!/bin/sh
# Runs etcd with its configuration file: $SNAP_COMMON/etcd.conf.yml as root, $SNAP_USER_COMMON/etcd.conf.yml otherwise.
set -eu
if [ "$(id -u)" = 0 ]; then conf_dir="$SNAP_COMMON"; else conf_dir="$SNAP_USER_COMMON"; fi
conf="$conf_dir/etcd.conf.yml"
if [ ! -e "$conf" ]; then
  echo "No configuration at $conf; create one (see $SNAP/etcd.conf.yml.sample)"
  exit 0
fi
${unsupported ? `# etcd starts on ${arch.debian} only with ETCD_UNSUPPORTED_ARCH set to its GOARCH.\nexport ETCD_UNSUPPORTED_ARCH=${unsupported}\n` : ''}exec "$SNAP/bin/etcd" --config-file "$conf" "$@"
`
}

export const ETCD_CONF_SAMPLE = `# etcd configuration: copy to $SNAP_COMMON/etcd.conf.yml (/var/snap/etcd/common/etcd.conf.yml) and edit.
name: default
data-dir: /var/snap/etcd/current/default.etcd
listen-client-urls: http://127.0.0.1:2379
advertise-client-urls: http://127.0.0.1:2379
listen-peer-urls: http://127.0.0.1:2380
initial-advertise-peer-urls: http://127.0.0.1:2380
initial-cluster: default=http://127.0.0.1:2380
`

export function etcdSnapYaml(version: string, arch: Arch): SnapYaml {
  return {
    name: 'etcd',
    version: stripV(version),
    summary: 'Resilient key-value store by CoreOS',
    description: `etcd ${stripV(version)} and etcdctl for ${arch.debian}: a highly available key-value store implementing the Raft algorithm, cross-compiled or taken from the upstream release, verified and packed by build-snaps.`,
    architectures: [arch.debian],
    base: SNAP_BASE,
    confinement: 'strict',
    grade: 'stable',
    apps: {
      etcd: { command: 'bin/snap-wrap.sh', daemon: 'simple', plugs: ['network', 'network-bind', 'removable-media'] },
      etcdctl: { command: 'bin/etcdctl', plugs: ['home', 'network', 'network-bind'] },
    },
  }
}

/** The smoke runs: `etcd --version`, and `etcdctl version` (`--version` for the v2 etcdctl). */
export function etcdSmokes(version: string, arch: Arch): Record<keyof EtcdBinaries, SmokeSpec> {
  const v = stripV(version)
  const unsupported = etcdUnsupportedArch(arch)
  return {
    etcd: { args: ['--version'], expect: `etcd Version: ${v}`, env: unsupported ? { ETCD_UNSUPPORTED_ARCH: unsupported } : {} },
    etcdctl: { args: v.startsWith('2.') ? ['--version'] : ['version'], expect: `etcdctl version: ${v}` },
  }
}

export async function packEtcdSnap(
  bins: EtcdBinaries,
  version: string,
  arch: Arch,
  outDir: string,
  stageRoot: string,
  epoch: number,
): Promise<string> {
  const files: StagedFile[] = [
    { path: 'bin/etcd', source: bins.etcd, executable: true },
    { path: 'bin/etcdctl', source: bins.etcdctl, executable: true },
    { path: 'bin/snap-wrap.sh', content: etcdWrapper(arch), executable: true },
    { path: 'etcd.conf.yml.sample', content: ETCD_CONF_SAMPLE },
  ]
  const dir = path.join(stageRoot, `etcd-${arch.debian}`)
  await stageSnap(dir, etcdSnapYaml(version, arch), files, epoch)
  await checkSkeleton(dir, 'etcd')
  const file = path.join(outDir, snapFileName('etcd', version, arch))
  await packSnap(dir, file, epoch)
  return file
}

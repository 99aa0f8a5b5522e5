/**
 * The Go toolchain for cross-compiling: the Go on PATH when it satisfies the checkout's go.mod, otherwise a
 * requested version installed through @actions/tool-cache (download verified against its .sha256), the cross-compile
 * environment from the arch table, GOCACHE/GOMODCACHE saved and restored through the runtime's cache, and
 * one `goBuild` for `go build` calls. Builds never run under emulation.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Arch, goEnv, hostArch } from './arch.js'
import { downloadWithSha256File } from './download.js'
import { UserError } from './errors.js'
import { run, which } from './exec.js'
import { exists, withScratchDir } from './files.js'
import type { Runtime } from './runtime.js'
import { compareGoVersions, goSemver, goVersionNumber } from './version.js'

export interface GoToolchain {
  /** The go binary. */
  go: string
  /** GOROOT of that binary. */
  root: string
  /** e.g. '1.19.8'. */
  version: string
  /** Where it came from: 'PATH' or 'tool cache'. */
  origin: 'PATH' | 'tool cache'
}

// ---------------------------------------------------------------- go.mod (pure)

/** The `go` directive of a go.mod text ('1.17', '1.21.3'); undefined when absent. */
export function goModDirective(gomod: string): string | undefined {
  return gomod.match(/^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m)?.[1]
}

/** The `module` path of a go.mod text. */
export function goModModule(gomod: string): string | undefined {
  return gomod.match(/^module\s+"?([^\s"]+)"?\s*$/m)?.[1]
}

/** The Go version a checkout needs (go.mod's `go` line), or undefined for a GOPATH layout. */
export async function requiredGoVersion(srcDir: string): Promise<string | undefined> {
  const text = await readFile(path.join(srcDir, 'go.mod'), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : goModDirective(text)
}

// ---------------------------------------------------------------- toolchain

/** Describe the go binary: version and GOROOT; undefined when it does not run. */
export async function inspectGo(goBinary: string): Promise<{ version: string; root: string } | undefined> {
  const env = { GOTOOLCHAIN: 'local', GOFLAGS: '' }
  const res = await run(goBinary, ['env', 'GOROOT', 'GOVERSION'], { allowFailure: true, env })
  if (res.exitCode !== 0) return undefined
  const [root, ver] = res.stdout
    .trim()
    .split('\n')
    .map((l) => l.trim())
  // GOVERSION exists from Go 1.16; older ones say it in `go version` (go version go1.15.15 linux/amd64).
  const text = ver || (await run(goBinary, ['version'], { allowFailure: true, env })).stdout.split(/\s+/)[2] || ''
  const version = text.startsWith('go') ? text.slice(2) : text
  return goVersionNumber(version) ? { version, root } : undefined
}

/** @actions/tool-cache keeps tools under RUNNER_TOOL_CACHE; off a runner that is <cache root>/tool-cache. */
function useToolCache(rt: Runtime): void {
  process.env.RUNNER_TOOL_CACHE ||= path.join(rt.cacheRoot(), 'tool-cache')
}

/** The Go download's arch suffix for this host (go.dev/dl names arm as armv6l). */
function goDownloadArch(): string {
  const a = hostArch()
  return a.go === 'arm' ? 'armv6l' : a.go
}

/** Where Go downloads come from: dl.google.com (which serves <file>.sha256), or BUILD_SNAPS_GO_BASE_URL. */
export function goDownloadUrl(version: string, base = process.env.BUILD_SNAPS_GO_BASE_URL || 'https://dl.google.com/go'): string {
  return `${base.replace(/\/+$/, '')}/go${version}.linux-${goDownloadArch()}.tar.gz`
}

/**
 * Install Go `version` through @actions/tool-cache, the way actions/setup-go does: `find` it in the tool cache
 * (<RUNNER_TOOL_CACHE>/go/<semver>/<arch>, so a runner's preinstalled Go is found), else download it on our one
 * verified path (checked against go.dev's published .sha256), `extractTar` and `cacheDir` it.
 */
export async function installGo(rt: Runtime, version: string, inputName = 'go-version'): Promise<GoToolchain> {
  const toolVersion = goSemver(version)
  if (!toolVersion) throw new UserError(`${inputName}: '${version}' is not a Go release; give an exact one such as 1.21.5`)
  useToolCache(rt)
  const tc = await import('@actions/tool-cache') // loaded here, not by every step that imports this module
  const nodeArch = hostArch().node
  let dir = tc.find('go', toolVersion, nodeArch)
  if (!dir) {
    const url = goDownloadUrl(version)
    rt.info(`installing Go ${version} from ${url} into the tool cache`)
    dir = await withScratchDir(rt.tempRoot(), 'go-install-', async (work) => {
      const tgz = path.join(work, path.basename(url))
      await downloadWithSha256File(url, tgz, { cacheDir: rt.cacheRoot(), log: (m) => rt.warning(m) }).catch((e: Error) => {
        throw new UserError(`${inputName}: cannot install Go ${version}: ${e.message}`)
      })
      const unpacked = await tc.extractTar(tgz, path.join(work, 'x'))
      if (!(await exists(path.join(unpacked, 'go', 'bin', 'go'))))
        throw new UserError(`${url}: no go/bin/go inside; not a Go release tarball`)
      return tc.cacheDir(path.join(unpacked, 'go'), 'go', toolVersion, nodeArch)
    })
  }
  const go = path.join(dir, 'bin', 'go')
  const info = await inspectGo(go)
  if (!info) throw new UserError(`${inputName}: the Go ${version} in ${dir} does not run; delete ${dir} and ${dir}.complete and retry`)
  return { go, root: info.root || dir, version: info.version, origin: 'tool cache' }
}

export interface SetupGoOptions {
  /** The checkout whose go.mod sets the minimum. */
  srcDir?: string
  /** The go-version input ('' when not given). */
  requested?: string
  inputName?: string
}

/**
 * Pick the Go for a build: the Go on PATH when it satisfies go.mod (or there is no go.mod), else the
 * requested version from the tool cache. A Go older than go.mod asks for is a UserError naming both.
 */
export async function setupGo(rt: Runtime, opts: SetupGoOptions = {}): Promise<GoToolchain> {
  const inputName = opts.inputName ?? 'go-version'
  const needed = opts.srcDir ? await requiredGoVersion(opts.srcDir) : undefined
  const onPath = which('go')
  const pathInfo = onPath ? await inspectGo(onPath) : undefined
  if (pathInfo && (!needed || compareGoVersions(pathInfo.version, needed) >= 0)) {
    return { go: onPath!, root: pathInfo.root, version: pathInfo.version, origin: 'PATH' }
  }
  const have = pathInfo ? `the Go on PATH is ${pathInfo.version}` : 'there is no Go on PATH'
  if (!opts.requested) {
    throw new UserError(
      needed
        ? `Go too old: ${opts.srcDir}/go.mod needs go ${needed} and ${have}; set ${inputName} to ${needed} or newer`
        : `${have}; set ${inputName} (e.g. 1.21.5) to install one`,
    )
  }
  if (needed && compareGoVersions(opts.requested, needed) < 0) {
    throw new UserError(
      `${inputName}: Go ${opts.requested} is older than the go ${needed} that ${opts.srcDir}/go.mod needs; set ${inputName} to ${needed} or newer`,
    )
  }
  return installGo(rt, opts.requested, inputName)
}

// ---------------------------------------------------------------- environment and cache

export interface GoCache {
  GOCACHE: string
  GOMODCACHE: string
  key: string
  /** The key a restore matched exactly (nothing to save then). */
  hit?: string
}

/** Flags every build gets: no local paths, no VCS stamp (reproducible wherever the checkout is). */
function reproducibleFlags(go: GoToolchain): string[] {
  return compareGoVersions(go.version, '1.18') >= 0 ? ['-trimpath', '-buildvcs=false'] : ['-trimpath']
}

/**
 * The environment of a cross build: this Go first on PATH, GOROOT, GOOS/GOARCH/GOARM/CGO_ENABLED from the
 * arch table, GOTOOLCHAIN=local (never fetch another toolchain), reproducible GOFLAGS, the caches.
 * `extra` (build-env) is applied last and wins.
 */
export function goBuildEnv(go: GoToolchain, arch: Arch, cache?: GoCache, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${path.dirname(go.go)}${path.delimiter}${process.env.PATH ?? ''}`,
    GOROOT: go.root,
    GOTOOLCHAIN: 'local',
    GOFLAGS: [...reproducibleFlags(go), '-modcacherw'].join(' '),
    ...goEnv(arch),
    ...(cache ? { GOCACHE: cache.GOCACHE, GOMODCACHE: cache.GOMODCACHE } : {}),
    ...extra,
  }
}

/** A short hash of the checkout's dependency list (go.sum, else vendor/modules.txt, else 'nodeps'). */
export async function dependencyHash(srcDir: string): Promise<string> {
  for (const f of ['go.sum', 'vendor/modules.txt', 'Godeps/Godeps.json']) {
    const text = await readFile(path.join(srcDir, f)).catch(() => undefined)
    if (text) return createHash('sha256').update(text).digest('hex').slice(0, 16)
  }
  return 'nodeps'
}

export function goCacheKeyPrefix(go: GoToolchain, arch: Arch): string {
  return `build-snaps-go-${go.version}-linux-${arch.go}${arch.goarm ? `v${arch.goarm}` : ''}-`
}

/** Restore GOCACHE and GOMODCACHE for (Go version, target arch, dependency hash); never fails the step. */
export async function restoreGoCache(rt: Runtime, go: GoToolchain, arch: Arch, srcDir: string): Promise<GoCache> {
  const base = path.join(rt.tempRoot(), 'build-snaps-go', arch.debian)
  const cache: GoCache = {
    GOCACHE: path.join(base, 'build'),
    GOMODCACHE: path.join(base, 'mod'),
    key: goCacheKeyPrefix(go, arch) + (await dependencyHash(srcDir)),
  }
  await mkdir(cache.GOCACHE, { recursive: true })
  await mkdir(cache.GOMODCACHE, { recursive: true })
  const hit = await rt.restoreCache([cache.GOCACHE, cache.GOMODCACHE], cache.key, [goCacheKeyPrefix(go, arch)])
  if (hit) rt.info(`Go cache for ${arch.debian} restored from ${hit}`)
  return { ...cache, hit: hit === cache.key ? hit : undefined }
}

/** Save the caches unless the restore already matched the exact key. */
export async function saveGoCache(rt: Runtime, cache: GoCache): Promise<void> {
  if (cache.hit) return
  await rt.saveCache([cache.GOCACHE, cache.GOMODCACHE], cache.key)
}

// ---------------------------------------------------------------- go build

export interface GoBuildSpec {
  go: GoToolchain
  arch: Arch
  /** The module (or GOPATH package) directory to build in. */
  cwd: string
  /** Packages to build, e.g. ['.'] or ['./etcdctl']. */
  packages: string[]
  /** The output binary. */
  output: string
  ldflags?: string
  /** Add -mod=vendor (callers pass true when vendor/ exists); ignored in GOPATH mode. */
  vendor?: boolean
  cache?: GoCache
  env?: Record<string, string>
  /** Names the build in errors, e.g. 'flanneld for s390x'. */
  label: string
}

/** `go build` for one target; a failure is a UserError naming the label and the compiler's last lines. */
export async function goBuild(spec: GoBuildSpec): Promise<string> {
  const args = ['build', ...reproducibleFlags(spec.go)]
  // -mod exists only in module mode: a GOPATH build (GO111MODULE=off) finds vendor/ by itself.
  if (spec.vendor && spec.env?.GO111MODULE !== 'off') args.push('-mod=vendor')
  if (spec.ldflags) args.push(`-ldflags=${spec.ldflags}`)
  args.push('-o', spec.output, ...spec.packages)
  await mkdir(path.dirname(spec.output), { recursive: true })
  const res = await run(spec.go.go, args, { cwd: spec.cwd, env: goBuildEnv(spec.go, spec.arch, spec.cache, spec.env), allowFailure: true })
  if (res.exitCode !== 0) {
    const tail = (res.stderr || res.stdout).trim().split('\n').slice(-4).join(' | ')
    throw new UserError(`${spec.label}: go build failed (exit ${res.exitCode}): ${tail}`)
  }
  return spec.output
}

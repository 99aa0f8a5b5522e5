/**
 * Stand-in upstream binaries for the demo, the local release, the tests and the benchmarks: one small Go
 * program, cross-compiled for real for each architecture, that answers like the real binaries do, by the
 * name it is called under (`kubectl version --client`, `<daemon> --version`, `kubeadm version -o short`,
 * a CNI plugin's `CNI_COMMAND=VERSION`, `flanneld --version`, `etcd --version`, `etcdctl version`).
 * etcd prints `etcd Version: 3.5.21`, then Git SHA, Go Version and Go OS/Arch lines, as etcd-io/etcd
 * server/etcdmain/config.go (037de81) `config.parse` does; etcdctl prints `etcdctl version: 3.5.21` and
 * `API version: 3.5`.
 * It is then laid out as a dl.k8s.io mirror tree with .sha256 and .sha512 files.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Arch, goEnv, parseArch } from '../shared/arch.js'
import { UserError } from '../shared/errors.js'
import { run } from '../shared/exec.js'
import { exists } from '../shared/files.js'
import { tempName } from '../shared/paths.js'
import { COMPONENTS } from '../shared/k8s.js'
import semver from 'semver'
import { cleanVersion, isPrerelease } from '../shared/version.js'
import { type Mirror, startMirror } from './mirror.js'

export const FAKE_K8S_GO = `package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

var version = "v0.0.0"

func main() {
	name := filepath.Base(os.Args[0])
	args := strings.Join(os.Args[1:], " ")
	switch {
	case os.Getenv("CNI_COMMAND") == "VERSION":
		fmt.Printf("{\\"cniVersion\\":\\"1.0.0\\",\\"supportedVersions\\":[\\"0.1.0\\",\\"0.2.0\\",\\"0.3.0\\",\\"0.3.1\\",\\"0.4.0\\",\\"1.0.0\\"]}\\n")
	case name == "flanneld" && (args == "--version" || args == "-version"):
		fmt.Println(version)
	case name == "etcd" && args == "--version":
		fmt.Printf("etcd Version: %s\\nGit SHA: 0000000\\nGo Version: %s\\nGo OS/Arch: %s/%s\\n", strings.TrimPrefix(version, "v"), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case name == "etcdctl" && (args == "--version" || args == "version"):
		v, api := strings.TrimPrefix(version, "v"), ""
		if p := strings.SplitN(v, ".", 3); len(p) >= 2 {
			api = p[0] + "." + p[1]
		}
		fmt.Printf("etcdctl version: %s\\nAPI version: %s\\n", v, api)
	case args == "version --client":
		fmt.Printf("Client Version: %s\\nKustomize Version: v5.4.2\\n", version)
	case args == "version -o short":
		fmt.Println(version)
	case args == "--version":
		fmt.Printf("Kubernetes %s\\n", version)
	default:
		fmt.Fprintf(os.Stderr, "%s (build-snaps stand-in for the real %s %s)\\n", name, name, version)
		os.Exit(1)
	}
}
`

/** Cross-compile the stand-in for arch into dir (reproducibly); reused while its source and version are the same. */
export async function buildFakeK8s(dir: string, arch: Arch, version: string): Promise<string> {
  const out = path.join(dir, `stand-in-${hexDigest(Buffer.from(FAKE_K8S_GO), 'sha256').slice(0, 12)}-${version}-${arch.debian}`)
  if (await exists(out)) return out
  const src = path.join(dir, 'src')
  await mkdir(src, { recursive: true })
  await writeFile(path.join(src, 'main.go'), FAKE_K8S_GO)
  await writeFile(path.join(src, 'go.mod'), 'module fakek8s\n\ngo 1.19\n')
  await run('go', ['build', '-trimpath', '-ldflags', `-s -w -buildid= -X main.version=${version}`, '-o', out, '.'], {
    cwd: src,
    env: { ...goEnv(arch), GOFLAGS: '-mod=mod', GO111MODULE: 'on', GOTOOLCHAIN: 'local' },
  })
  return out
}

export function hexDigest(data: Uint8Array, algo: 'sha256' | 'sha512'): string {
  return createHash(algo).update(data).digest('hex')
}

/** Lay out root/release/<version>/bin/linux/<k8s-arch>/<component>{,.sha256,.sha512} and the stable markers. */
export async function populateK8sMirror(
  root: string,
  version: string,
  arches: Arch[],
  buildDir: string,
  components = COMPONENTS.map((c) => c.name),
): Promise<void> {
  const minor = version.replace(/^v(\d+\.\d+)\..*$/, '$1')
  const releases = [{ version, arches: arches.map((a) => a.debian) }]
  await layOutUpstream(root, { releases, markers: { stable: version, [`stable-${minor}`]: version } }, buildDir, components)
}

// ---------------------------------------------------------------- several versions, markers, and what waits

/** One upstream release: its version and the arches whose binaries are up (an arch left out is not, yet). */
export interface UpstreamRelease {
  version: string
  arches: string[]
}

export interface Upstream {
  releases: UpstreamRelease[]
  /** Marker name (`stable-1.35`, `latest-1.36`, `stable`) → the body served at release/<name>.txt. */
  markers: Record<string, string>
}

/** What the CDN answers for a key it does not hold (dl.k8s.io's markers live in a Google Cloud Storage bucket). */
export const NO_SUCH_KEY_MARKER =
  "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
/** What a captive portal, a proxy or a misrouted CDN answers instead. */
export const HTML_MARKER = '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body><h1>503</h1></body></html>\n'

/** The Go build outputs of the stand-in, kept across runs (a relink per version and arch takes about 0.1 s). */
export const STAND_IN_BUILD_DIR = path.join(tmpdir(), 'build-snaps-fake-k8s')

/**
 * Lay out an upstream of several releases under root, as dl.k8s.io serves it: each release's binaries for the
 * arches given (release/<v>/bin/linux/<k8s-arch>/<component> + .sha256/.sha512, the layout `binaryUrl` reads), and
 * the markers release/<name>.txt with the bodies given. Incremental and idempotent: an arch already laid out is
 * left alone, so a second call with one more arch builds only that arch. Each arch appears at once (laid out
 * aside, then renamed into place) and each marker too, so a mirror may serve the tree while it changes.
 * Returns the (version, arch) pairs it built this time.
 */
export async function layOutUpstream(
  root: string,
  upstream: Upstream,
  buildDir = STAND_IN_BUILD_DIR,
  components = COMPONENTS.map((c) => c.name),
): Promise<{ built: Array<{ version: string; arch: string }> }> {
  const built: Array<{ version: string; arch: string }> = []
  for (const r of upstream.releases) {
    const version = upstreamVersion(r.version)
    for (const name of r.arches) {
      const arch = parseArch(name, `upstream ${version} arches`)
      const dir = path.join(root, 'release', version, 'bin', 'linux', arch.k8s)
      if (await archComplete(dir, components)) continue
      await layOutArch(dir, await buildFakeK8s(buildDir, arch, version), components)
      built.push({ version, arch: arch.debian })
    }
  }
  for (const [name, body] of Object.entries(upstream.markers)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new UserError(`upstream marker '${name}': not a marker name (e.g. stable-1.35)`)
    await writeAtomic(path.join(root, 'release', `${name}.txt`), body)
  }
  return { built }
}

function upstreamVersion(value: string): string {
  const v = cleanVersion(value)
  if (!v) throw new UserError(`upstream release '${value}': not a Kubernetes version (e.g. v1.35.2 or v1.36.0-rc.1)`)
  return `v${v}`
}

async function archComplete(dir: string, components: string[]): Promise<boolean> {
  for (const c of components) for (const f of [c, `${c}.sha256`, `${c}.sha512`]) if (!(await exists(path.join(dir, f)))) return false
  return true
}

/** Every component (one stand-in binary under each name) and its digests, laid out aside and renamed into dir. */
async function layOutArch(dir: string, bin: string, components: string[]): Promise<void> {
  const data = await readFile(bin)
  const aside = tempName(dir, 'part')
  await mkdir(aside, { recursive: true })
  try {
    for (const c of components) {
      await copyFile(bin, path.join(aside, c)) // a copy, not a link: a test that damages a served file must not damage the build output
      await writeFile(path.join(aside, `${c}.sha256`), hexDigest(data, 'sha256'))
      await writeFile(path.join(aside, `${c}.sha512`), hexDigest(data, 'sha512'))
    }
    await rm(dir, { recursive: true, force: true }) // an arch laid out before with fewer components
    await rename(aside, dir)
  } finally {
    await rm(aside, { recursive: true, force: true })
  }
}

async function writeAtomic(file: string, body: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = tempName(file)
  await writeFile(tmp, body)
  await rename(tmp, file)
}

/** Marker paths, which dl.k8s.io answers with a 302 to cdn.dl.k8s.io. */
const MARKER_PATH = /^\/release\/[^/]+\.txt$/

/**
 * Serve an upstream tree on 127.0.0.1 as dl.k8s.io does: markers (release/*.txt) answered with a 302 to the same
 * path on a second server (the "CDN"), everything else directly. Closing the mirror closes both.
 */
export async function serveUpstream(root: string): Promise<Mirror & { cdn: Mirror }> {
  const cdn = await startMirror(root)
  try {
    const dl = await startMirror(root, [{ match: MARKER_PATH, fault: { kind: 'redirect', to: cdn.url } }])
    return { ...dl, cdn, close: async () => void (await Promise.all([dl.close(), cdn.close()])) }
  } catch (e) {
    await cdn.close()
    throw e
  }
}

/**
 * The markers dl.k8s.io would serve for these releases: per minor, `stable-X.Y` names the newest release that is
 * no pre-release and `latest-X.Y` the newest of all (alpha, beta, rc included); `stable` and `latest` the newest
 * overall. A minor with only pre-releases has no `stable-X.Y` (the CDN answers NO_SUCH_KEY_MARKER for it).
 */
export function markersFor(releases: UpstreamRelease[]): Record<string, string> {
  const versions = releases.map((r) => upstreamVersion(r.version)).sort((a, b) => semver.compare(a, b))
  const markers: Record<string, string> = {}
  for (const v of versions) {
    const minor = `${semver.major(v)}.${semver.minor(v)}`
    markers[`latest-${minor}`] = v
    markers.latest = v
    if (!isPrerelease(v)) {
      markers[`stable-${minor}`] = v
      markers.stable = v
    }
  }
  return markers
}

/** What the default upstream reads of a follow config (shared/follow/config.ts FollowConfig fits it). */
export interface FollowTracks {
  arches: string[]
  tracks: Array<{ track: string; preReleases: boolean }>
  /** The track latest/* follows ('' or absent: none). */
  latest?: string
}

/**
 * The upstream `build-snaps follow` runs against when no --base-url is given: for each track X.Y one release,
 * every arch up. A GA'd track gets vX.Y.<n> (the older the minor, the more patches: the newest GA'd minor .2, the
 * next older .4, ...). The next minor (the highest of two or more tracks, with pre-releases, not `latest`) has
 * only a release candidate, vX.Y.0-rc.1: `latest-X.Y.txt` names it, and `stable-X.Y.txt` answers NoSuchKey, as
 * dl.k8s.io does before a minor's first release.
 */
export function defaultUpstream(config: FollowTracks): Upstream {
  const tracks = config.tracks.map((t) => {
    const m = /^(\d+)\.(\d+)$/.exec(t.track)
    if (!m) throw new UserError(`tracks: '${t.track}' is not a Kubernetes minor (e.g. "1.35")`)
    return { ...t, major: Number(m[1]), minor: Number(m[2]) }
  })
  tracks.sort((a, b) => b.major - a.major || b.minor - a.minor)
  // The next minor: the highest of two or more tracks, following pre-releases, and not the one latest/* copies.
  const [top] = tracks
  const next = tracks.length > 1 && top.preReleases && top.track !== config.latest ? top : undefined
  const ga = tracks.filter((t) => t !== next)
  const releases = tracks.map((t) => ({
    version: t === next ? `v${t.track}.0-rc.1` : `v${t.track}.${2 * ga.indexOf(t) + 2}`,
    arches: [...config.arches],
  }))
  const markers = markersFor(releases)
  for (const t of tracks) markers[`stable-${t.track}`] ??= NO_SUCH_KEY_MARKER
  return { releases, markers }
}

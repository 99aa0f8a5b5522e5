/** The Kubernetes components the suite snaps (docs/upstream.md#kubernetes-binaries): URLs, versions, confinement, apps, smoke runs. */
import path from 'node:path'
import type { Arch } from './arch.js'
import { type Logger, fetchText } from './download.js'
import { UserError } from './errors.js'
import { splitList } from './inputs.js'
import { type StagedFile, checkSkeleton, packSnap, stageSnap } from './snap/pack.js'
import type { SnapApp, SnapYaml } from './snap/snapyaml.js'
import type { SmokeSpec } from './verify.js'
import { cleanVersion, stripV } from './version.js'

export interface Component {
  name: string
  summary: string
  confinement: 'classic' | 'strict'
  daemon: boolean
  /** Arguments of the one smoke run. */
  smokeArgs: string[]
}

const STRICT_PLUGS = ['home', 'network', 'network-bind']

export const COMPONENTS: readonly Component[] = [
  {
    name: 'kubectl',
    summary: 'kubectl controls the Kubernetes cluster manager.',
    confinement: 'classic',
    daemon: false,
    smokeArgs: ['version', '--client'],
  },
  { name: 'kube-apiserver', summary: 'Kubernetes API server', confinement: 'strict', daemon: true, smokeArgs: ['--version'] },
  {
    name: 'kube-controller-manager',
    summary: 'Kubernetes controller manager',
    confinement: 'strict',
    daemon: true,
    smokeArgs: ['--version'],
  },
  { name: 'kube-scheduler', summary: 'Kubernetes scheduler', confinement: 'strict', daemon: true, smokeArgs: ['--version'] },
  { name: 'kubelet', summary: 'Kubernetes node agent', confinement: 'classic', daemon: true, smokeArgs: ['--version'] },
  { name: 'kube-proxy', summary: 'Kubernetes network proxy', confinement: 'classic', daemon: true, smokeArgs: ['--version'] },
  {
    name: 'kubeadm',
    summary: 'Kubernetes cluster bootstrapping tool',
    confinement: 'classic',
    daemon: false,
    smokeArgs: ['version', '-o', 'short'],
  },
]

export const DEFAULT_COMPONENTS = COMPONENTS.map((c) => c.name).join(' ')

export function parseComponents(value: string): Component[] {
  const names = splitList(value)
  if (names.length === 0) throw new UserError(`components: empty; use one or more of ${DEFAULT_COMPONENTS}`)
  const out: Component[] = []
  for (const n of names) {
    const c = COMPONENTS.find((x) => x.name === n)
    if (!c) throw new UserError(`components: unknown component '${n}'; use one or more of ${DEFAULT_COMPONENTS}`)
    if (!out.includes(c)) out.push(c)
  }
  return out
}

export type VersionSpec = { kind: 'exact'; version: string } | { kind: 'marker'; marker: string }

/** `v1.31.2`, `1.31.2`, `1.31.2-rc.0`, `stable`, `stable-1.31`, `latest`, `latest-1.31`. */
export function parseKubeVersion(value: string): VersionSpec {
  const v = value.trim()
  const exact = cleanVersion(v)
  if (exact) return { kind: 'exact', version: `v${exact}` }
  if (/^(stable|latest)(-\d+(\.\d+)?)?$/.test(v)) return { kind: 'marker', marker: v }
  throw new UserError(`kube-version: '${value}' is not a Kubernetes version; use v1.31.2, 1.31.2, stable or stable-1.31`)
}

/** Parse the body of stable.txt & co. */
export function parseMarkerBody(body: string, url: string): string {
  const spec = parseKubeVersion(body.trim().split(/\s+/)[0] ?? '')
  if (spec.kind !== 'exact') throw new UserError(`${url} does not name a version: '${body.slice(0, 40)}'`)
  return spec.version
}

/** Resolve a kube-version input (exact, or a marker read from <baseUrl>/release/<marker>.txt) to `v1.2.3`. */
export async function resolveKubeVersion(value: string, baseUrl: string, log: Logger): Promise<string> {
  const spec = parseKubeVersion(value)
  if (spec.kind === 'exact') return spec.version
  const url = markerUrl(baseUrl, spec.marker)
  return parseMarkerBody(await fetchText(url, log), url)
}

export function markerUrl(baseUrl: string, marker: string): string {
  return `${trimSlash(baseUrl)}/release/${marker}.txt`
}

export function binaryUrl(baseUrl: string, version: string, arch: Arch, component: string): string {
  return `${trimSlash(baseUrl)}/release/${version}/bin/linux/${arch.k8s}/${component}`
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** Snap version: the Kubernetes version without its leading v. */
export function snapVersion(version: string): string {
  return stripV(version)
}

export function snapFileName(name: string, version: string, arch: Arch): string {
  return `${name}_${snapVersion(version)}_${arch.debian}.snap`
}

export const SNAP_BASE = 'core22'

/** The wrapper that turns snap configuration into daemon arguments. */
export function daemonWrapper(binary: string): string {
  return `#!/bin/sh
# Runs ${binary} with the arguments configured through: snap set <snap> args="--flag=value ..."
# (the configure hook writes them to $SNAP_DATA/args, one per line).
set -eu
args_file="$SNAP_DATA/args"
if [ -f "$args_file" ]; then
  # shellcheck disable=SC2046
  set -- $(grep -v '^#' "$args_file") "$@"
fi
exec "$SNAP/${binary}" "$@"
`
}

export const CONFIGURE_HOOK = `#!/bin/sh
# Writes the snap's "args" configuration to $SNAP_DATA/args, one argument per line, and restarts the daemon.
set -eu
args="$(snapctl get args)"
tmp="$SNAP_DATA/args.tmp"
: > "$tmp"
for a in $args; do
  printf '%s\\n' "$a" >> "$tmp"
done
mv "$tmp" "$SNAP_DATA/args"
snapctl restart "$SNAP_NAME" 2>/dev/null || true
`

export function componentSnapYaml(c: Component, version: string, arch: Arch): SnapYaml {
  const app: SnapApp = c.daemon ? { command: `bin/${c.name}-wrapper`, daemon: 'simple' } : { command: c.name }
  if (c.name === 'kubelet') app['restart-condition'] = 'always'
  if (c.confinement === 'strict') app.plugs = [...STRICT_PLUGS]
  return {
    name: c.name,
    version: snapVersion(version),
    summary: c.summary,
    description: `${c.summary} Kubernetes ${version} ${c.name} binary for ${arch.debian}, from the upstream release, verified (sha256, ELF architecture, smoke run) and packed by build-snaps.`,
    architectures: [arch.debian],
    base: SNAP_BASE,
    confinement: c.confinement,
    grade: 'stable',
    apps: { [c.name]: app },
  }
}

/** Stage and pack the snap of one component; returns the snap's path in outDir. */
export async function packComponentSnap(
  c: Component,
  binary: string,
  version: string,
  arch: Arch,
  outDir: string,
  stageRoot: string,
  epoch: number,
  cacheDir?: string,
  binarySha256?: string,
): Promise<{ file: string; cached: boolean }> {
  const yaml = componentSnapYaml(c, version, arch)
  const files: StagedFile[] = [{ path: c.name, source: binary, executable: true }]
  if (c.daemon) {
    files.push({ path: `bin/${c.name}-wrapper`, content: daemonWrapper(c.name), executable: true })
    files.push({ path: 'meta/hooks/configure', content: CONFIGURE_HOOK, executable: true })
  }
  const dir = path.join(stageRoot, `${c.name}-${arch.debian}`)
  await stageSnap(dir, yaml, files, epoch)
  await checkSkeleton(dir, c.name)
  const file = path.join(outDir, snapFileName(c.name, version, arch))
  const cached = await packSnap(dir, file, epoch, cacheDir, binarySha256 ? { [c.name]: binarySha256 } : {})
  return { file, cached }
}

/** What the smoke run of a component must print: its version. */
export function componentSmoke(c: Component, version: string): SmokeSpec {
  return { args: c.smokeArgs, expect: version }
}

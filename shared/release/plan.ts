/**
 * The plan made from a checked description, pure: which artifact each arch builds, ONCE, shared by every charm
 * that maps it (kubectl feeds both kubernetes charms); per charm the resource lines, keep list and zero-byte
 * placeholders that charm-attach-release is given; the pack jobs of every charm built here; the matrices and
 * outputs of .github/workflows/release.yml's plan job.
 *
 * The snap placeholder is layer-snap's convention (charmed-kubernetes/layer-snap `lib/charms/layer/snap.py`,
 * `_resource_get`): a zero-byte snap resource counts as absent and the charm installs the snap from the store.
 */
import path from 'node:path'
import semver from 'semver'
import { ARCHES, type Arch, parseArch } from '../arch.js'
import { UserError } from '../errors.js'
import { COMPONENTS, snapVersion } from '../k8s.js'
import { parseChannel } from '../charm/plan.js'
import { checkBuildRoutes, type PackJob, packJobs, type RouteConfig } from '../charm/routes.js'
import type { SnapNeed } from '../snap-store/plan.js'
import { cleanVersion, stripV } from '../version.js'
import type { CharmInfo } from './check.js'
import { type Artifact, artifactKey, type Description, DescriptionError, expandResourceName, parseArtifact } from './description.js'
import { type SnapPublish, snapPublish } from './snaps.js'

export interface BuildSettings {
  /** The Kubernetes snaps to build, space separated ('' = none). */
  components: string
  etcd: boolean
  'cdk-addons': boolean
  cni: boolean
  flannel: boolean
  'cni-version': string
  'cni-source': string
  'flannel-version': string
  'flannel-source': string
  'etcd-version': string
  'etcd-source': string
  'cdk-addons-source': string
}

/** One build job (one arch): what it builds. An arch only the Snap Store needs (snap-store.arches) builds snaps only. */
export interface BuildRow {
  arch: string
  platform: string
  /** The Kubernetes snaps to build, space separated ('' = none). */
  components: string
  etcd: boolean
  'cdk-addons': boolean
  cni: boolean
  flannel: boolean
}

export interface CharmPlan {
  charm: string
  /** Charm directory to build (relative to the workspace), '' for prebuilt files. */
  path: string
  /** Prebuilt .charm files, one per line ('' when built). */
  files: string
  builder: string
  /** Where the job puts the .charm files. */
  'charm-dir': string
  /** The .charm files charm-attach-release is given (a glob of charm-dir). */
  'charm-files': string
  /** name=path lines for charm-attach-release (`{arch}` in a name: one resource per arch; only in the path: one per-arch resource). */
  resources: string
  keep: string
  /** Resource names that get a zero-byte snap (zero-byte-snaps resources input), space separated. */
  placeholders: string
  'placeholder-dir': string
  /** The charm's metadata for zero-byte-snaps: its directory, or where the job unpacks a prebuilt charm's. */
  meta: string
  /** The artifacts of its pack jobs (pack-<charm>_<id>), downloaded with this pattern and merge-multiple ('' for prebuilt files). */
  'pack-pattern': string
}

/** One pack job: one bases/platforms entry of one charm, on its route (shared/charm/routes.ts). */
export interface PackPlan extends PackJob {
  /** The charm directory (relative to the workspace). */
  path: string
  builder: string
  /** Where the job writes the .charm, and the artifact it uploads. */
  'pack-dir': string
  artifact: string
}

export interface CdkPlan {
  arches: Arch[]
  kubeVersion: string
  channel: string
  snaps: 'real' | 'placeholder'
  versions: { kubernetes: string; cni: string; flannel: string; etcd: string }
  build: BuildSettings
  /** The build jobs, one per arch: the release's arches and the Snap Store's. */
  matrix: BuildRow[]
  /** The snap-store section (absent: nothing is published). */
  snapStore?: SnapPublish
  /** The gate: every snap each charm installs, on every arch it serves, at its channel (set by the plan job). */
  snapNeeds?: SnapNeed[]
  charms: CharmPlan[]
  /** One job per needed bases/platforms entry of every charm built here. */
  packs: PackPlan[]
  /** Artifact key (snap:kubectl, cni, ...) → the charms it feeds; each is built once per arch. */
  shared: Record<string, string[]>
  bundle: { template: string; name: string }
}

export interface PlanOptions {
  /** The resolved Kubernetes version (v1.31.2). */
  kubeVersion: string
  /** The description's directory. */
  dir: string
  /** Paths in the plan are relative to this directory (the workspace), or absolute when undefined. */
  root?: string
  /** Where the jobs download the build artifacts: <artifacts>/release-<arch>/, <artifacts>/charm-<name>/. */
  artifacts: string
  /** Overrides the description's channel. */
  channel?: string
  /** The runner routes configured (self-hosted runners, the caller's owner); none when undefined. The description's `emulate` is added. */
  routes?: RouteConfig
  /** false: no pack jobs (a promotion, the summary's reading of the plan): nothing is packed, nothing routed. */
  packs?: boolean
}

/** `v1.31.2` → `1.31/edge`. */
export function defaultChannel(version: string): string {
  const v = cleanVersion(version)
  if (!v) throw new UserError(`versions.kubernetes: cannot take a channel from '${version}'; set channel`)
  return `${semver.major(v)}.${semver.minor(v)}/edge`
}

/**
 * The plan of a checked description: the pack jobs, each charm's job, the build jobs (one row per arch) and what
 * they build. Refuses (one line each) every entry the release needs that has no route, before anything is built.
 */
export function makePlan(desc: Description, infos: CharmInfo[], o: PlanOptions): CdkPlan {
  const arches = desc.arches.map((a) => parseArch(a))
  const at = placesFor(o)
  const published = snapPublish(desc)
  // The build jobs: every release arch, and every arch the Snap Store gets snaps for, in the table's order.
  const buildArches = ARCHES.filter((a) => arches.some((r) => r.debian === a.debian) || published?.arches.includes(a.debian))
  const refused: string[] = o.routes
    ? checkBuildRoutes(
        buildArches.map((a) => a.debian),
        o.routes,
      )
    : []
  // The description's `emulate` (default true) joins the runner routes the workflow (or the local run) configured.
  const routes: RouteConfig = { ...(o.routes ?? { selfHosted: {} }), emulate: desc.emulate ?? o.routes?.emulate ?? true }
  const packs = o.packs === false ? [] : packPlans(infos, arches, routes, at, refused)
  const shared = sharedArtifacts(desc, infos)
  const charms = infos.map((info) => charmPlan(desc, info, arches, at, o.kubeVersion))
  // Before anything is built or uploaded: every entry the release needs has a route.
  if (refused.length) throw new DescriptionError(refused)
  const matrix = buildRows(buildArches, arches, shared, published)
  const etcdTag = desc.versions.etcd ?? ''
  const channel = parseChannel(o.channel || desc.channel || defaultChannel(o.kubeVersion), 'channel').name
  return {
    arches,
    kubeVersion: o.kubeVersion,
    channel,
    snaps: desc.snaps,
    versions: { kubernetes: o.kubeVersion, cni: desc.versions.cni ?? '', flannel: desc.versions.flannel ?? '', etcd: etcdTag },
    build: buildSettings(desc, matrix, at, published),
    matrix,
    ...(published ? { snapStore: published } : {}),
    charms,
    packs,
    shared,
    bundle: { template: desc.bundle?.template ? at.repo(desc.bundle.template) : '', name: desc.bundle?.name ?? 'charmed-kubernetes' },
  }
}

/** Where the plan's paths point: relative to the workspace (`root`) when the plan has one, else absolute. */
interface Places {
  /** An absolute path, as the plan gives it. */
  place: (abs: string) => string
  /** A path of the description (relative to its directory). */
  repo: (p: string) => string
  /** A path under the directory the jobs download the artifacts into. */
  art: (...parts: string[]) => string
}

function placesFor(o: PlanOptions): Places {
  const place = (abs: string) => {
    if (o.root === undefined) return abs
    const rel = path.relative(o.root, abs)
    return rel === '' ? '.' : rel.startsWith('..') ? abs : rel
  }
  return {
    place,
    repo: (p) => place(path.resolve(o.dir, p)),
    art: (...parts) => place(path.resolve(o.artifacts, ...parts)),
  }
}

/** The pack jobs: one per needed bases/platforms entry of every charm built here, on its route; refusals go to `refused`. */
function packPlans(infos: CharmInfo[], arches: Arch[], routes: RouteConfig, at: Places, refused: string[]): PackPlan[] {
  const packs: PackPlan[] = []
  for (const info of infos) {
    if (!info.dir || !info.entries) continue
    try {
      for (const j of packJobs(
        info.name,
        info.entries,
        arches.map((a) => a.debian),
        routes,
        info.charmcraftChannel,
      )) {
        const artifact = `pack-${info.name}_${j.id}`
        packs.push({ ...j, path: at.place(info.dir), builder: info.builder ?? 'auto', 'pack-dir': at.art(artifact), artifact })
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      refused.push(e.message)
    }
  }
  return packs
}

/** Artifact key (snap:kubectl, cni, ...) → the charms it feeds, in the description's order. */
function sharedArtifacts(desc: Description, infos: CharmInfo[]): Record<string, string[]> {
  const shared: Record<string, string[]> = {}
  for (const info of infos)
    for (const value of Object.values(desc.charms[info.name].resources)) {
      const k = artifactKey(parseArtifact(value))
      if (k && !(shared[k] ??= []).includes(info.name)) shared[k].push(info.name)
    }
  return shared
}

/** One charm job: its source, where its .charm files go, and the resource lines, keep list and placeholders. */
function charmPlan(desc: Description, info: CharmInfo, arches: Arch[], at: Places, kubeVersion: string): CharmPlan {
  const spec = desc.charms[info.name]
  const lines: string[] = []
  const keep: string[] = []
  const placeholders: string[] = []
  const charmArt = (...p: string[]) => at.art(`charm-${info.name}`, ...p)
  for (const [key, value] of Object.entries(spec.resources)) {
    const a = parseArtifact(value)
    const names = expandResourceName(key, arches)
    if (a.kind === 'keep') keep.push(...names)
    else if (a.kind === 'placeholder' || (a.kind === 'snap' && desc.snaps === 'placeholder')) {
      for (const n of names) {
        placeholders.push(n)
        lines.push(`${n}=${charmArt('placeholders')}/${n}.snap`)
      }
    } else lines.push(`${key}=${artifactFile(a, desc, at, kubeVersion)}`)
  }
  return {
    charm: info.name,
    path: info.dir ? at.place(info.dir) : '',
    files: info.files.map(at.place).join('\n'),
    builder: spec.builder ?? 'auto',
    'charm-dir': charmArt('charms'),
    'charm-files': `${charmArt('charms')}/*.charm`,
    resources: lines.join('\n'),
    keep: keep.join(' '),
    placeholders: placeholders.join(' '),
    'placeholder-dir': charmArt('placeholders'),
    meta: info.dir ? at.place(info.dir) : charmArt('meta'),
    'pack-pattern': info.dir ? `pack-${info.name}_*` : '',
  }
}

/** Where the charm job finds an artifact (`{arch}` for each arch): what a build job wrote, or a file of the repository. */
function artifactFile(a: Exclude<Artifact, { kind: 'keep' | 'placeholder' }>, desc: Description, at: Places, kubeVersion: string): string {
  const release = at.art('release-{arch}')
  if (a.kind === 'snap') {
    const version = a.snap === 'etcd' ? stripV(desc.versions.etcd ?? '') : snapVersion(kubeVersion)
    return `${release}/${a.snap}_${version}_{arch}.snap`
  }
  if (a.kind === 'cni') return `${release}/cni-{arch}.tgz`
  if (a.kind === 'flannel') return `${release}/flannel-{arch}.tar.gz`
  return at.repo(a.path)
}

/**
 * The build jobs, one row per arch: a release arch builds what its charms map; an arch the Snap Store gets snaps
 * for builds those snaps (only those, when no charm is released for it).
 */
function buildRows(buildArches: Arch[], arches: Arch[], shared: Record<string, string[]>, published: SnapPublish | undefined): BuildRow[] {
  return buildArches.map((a) => {
    const charmArch = arches.some((r) => r.debian === a.debian)
    const pub = published?.arches.includes(a.debian) ? published.snaps : []
    const wants = (k: string) => (charmArch && !!shared[k]) || pub.includes(k.replace(/^snap:/, ''))
    return {
      arch: a.debian,
      platform: a.platform,
      components: COMPONENTS.map((c) => c.name)
        .filter((n) => wants(`snap:${n}`))
        .join(' '),
      etcd: wants('snap:etcd'),
      'cdk-addons': wants('snap:cdk-addons'),
      cni: charmArch && !!shared.cni,
      flannel: charmArch && !!shared.flannel,
    }
  })
}

/** What any build job builds, the versions and the sources (the plan job's `build` output). */
function buildSettings(desc: Description, matrix: BuildRow[], at: Places, published: SnapPublish | undefined): BuildSettings {
  const anyRow = (k: 'etcd' | 'cdk-addons' | 'cni' | 'flannel') => matrix.some((r) => r[k])
  const src = (k: keyof NonNullable<Description['sources']>) => (desc.sources?.[k] ? at.repo(desc.sources[k]!) : '')
  return {
    components: COMPONENTS.map((c) => c.name)
      .filter((n) => matrix.some((r) => r.components.split(' ').includes(n)))
      .join(' '),
    etcd: anyRow('etcd'),
    'cdk-addons': anyRow('cdk-addons'),
    cni: anyRow('cni'),
    flannel: anyRow('flannel'),
    'cni-version': desc.versions.cni ?? '',
    'cni-source': src('cni'),
    'flannel-version': desc.versions.flannel ?? '',
    'flannel-source': src('flannel'),
    'etcd-version': desc.versions.etcd ?? '',
    'etcd-source': src('etcd'),
    'cdk-addons-source': src('cdk-addons') || (published?.cdkAddons ? at.repo(published.cdkAddons) : ''),
  }
}

/** How many times each artifact is built per arch: always 1, whatever the number of charms it feeds. */
export function buildCounts(plan: CdkPlan): Record<string, number> {
  const keys = [
    ...plan.build.components
      .split(' ')
      .filter(Boolean)
      .map((c) => `snap:${c}`),
    ...(plan.build.etcd ? ['snap:etcd'] : []),
    ...(plan.build['cdk-addons'] ? ['snap:cdk-addons'] : []),
    ...(plan.build.cni ? ['cni'] : []),
    ...(plan.build.flannel ? ['flannel'] : []),
  ]
  const out: Record<string, number> = {}
  for (const k of keys) out[k] = (out[k] ?? 0) + 1
  return out
}

/** The plan job's outputs, as release.yml reads them (needs.plan.outputs.*). */
export function planOutputs(plan: CdkPlan, dryRun: boolean): Record<string, string> {
  return {
    matrix: JSON.stringify({ include: plan.matrix }),
    charms: JSON.stringify({ include: plan.charms }),
    packs: JSON.stringify({ include: plan.packs }),
    'pack-count': String(plan.packs.length),
    build: JSON.stringify(plan.build),
    arches: plan.arches.map((a) => a.debian).join(' '),
    'kube-version': plan.kubeVersion,
    channel: plan.channel,
    snaps: plan.snaps,
    'dry-run': String(dryRun),
    // The snaps job: publish (snap-store) and the gate, before any charm is released.
    'snap-job': String(!!plan.snapStore || !!plan.snapNeeds?.length),
  }
}

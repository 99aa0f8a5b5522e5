/**
 * One description of a whole Charmed Kubernetes release, `cdk-release.yaml`, and the plan made from it.
 *
 *   load      parse the YAML and validate it against schema/cdk-release.schema.json (ajv); every bad field is one
 *             line naming its path and the fix, all of them at once, before anything is built;
 *   check     read every charm's declared resources (its metadata.yaml / charmcraft.yaml, or inside prebuilt
 *             .charm files) and check the mapping both ways: each mapped resource is declared, each declared one
 *             is mapped, each artifact fits the resource (a snap to a .snap resource), versions and sources given;
 *   plan      pure: which artifact each arch builds, ONCE, shared by every charm that maps it (kubectl feeds both
 *             kubernetes charms); per charm the resource lines, keep list and zero-byte placeholders that
 *             charm-attach-release is given; the matrices of .github/workflows/release.yml.
 *   bundle    pure: from what the store's channel map holds after the release, one pinned bundle per arch.
 *
 * The snap placeholder is layer-snap's convention (charmed-kubernetes/layer-snap `lib/charms/layer/snap.py`,
 * `_resource_get`): a zero-byte snap resource counts as absent and the charm installs the snap from the store.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject } from 'ajv'
import { parse, stringify } from 'yaml'
import { ARCHES, type Arch, parseArch } from './arch.js'
import { UserError } from './errors.js'
import { ARCH_KEYWORD, normaliseArches } from './description-arches.js'
import { COMPONENTS, parseKubeVersion, snapVersion } from './k8s.js'
import { type CharmResource, loadCharm } from './charm/metadata.js'
import { type BundleCharm, checkBundle } from './bundle-check.js'
import { parseChannel } from './charm/plan.js'
import { type BuildEntry, charmEntries, checkBuildRoutes, type PackJob, packJobs, type RouteConfig } from './charm/routes.js'
import { readPackedMeta } from './charm/release.js'
import semver from 'semver'
import { cleanVersion, stripV } from './version.js'
import { checkSnapStore, type SnapPublish, snapPublish } from './cdk-snaps.js'
import type { SnapNeed } from './snap-store/plan.js'

// ---------------------------------------------------------------- the description, as written

export interface CharmSpec {
  path?: string
  files?: string[]
  builder?: 'auto' | 'charmcraft' | 'charm'
  resources: Record<string, string>
  /** The snaps the charm installs from the Snap Store (built in for the Kubernetes charms; shared/cdk-snaps.ts). */
  'installs-snaps'?: string[]
}

/** The `snap-store` section: publish the snaps the charms install (shared/cdk-snaps.ts). */
export interface SnapStoreSpec {
  channels: string[]
  'cdk-addons'?: string
  snaps?: string[]
  arches?: string[]
}

export interface Description {
  arches: string[]
  channel?: string
  snaps: 'real' | 'placeholder'
  versions: { kubernetes: string; cni?: string; flannel?: string; etcd?: string }
  sources?: { cni?: string; flannel?: string; etcd?: string; 'cdk-addons'?: string }
  charms: Record<string, CharmSpec>
  bundle?: { template?: string; name?: string }
  'snap-store'?: SnapStoreSpec
}

/** Every error of a description, one line each; the message is the lines joined. */
export class DescriptionError extends UserError {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
  }
}

/** The schema shipped in the repository (schema/cdk-release.schema.json), found from source or from a bundle. */
export async function readSchema(): Promise<Record<string, unknown>> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const up of ['..', '../..', '../../..']) {
    const f = path.join(here, up, 'schema', 'cdk-release.schema.json')
    const text = await readFile(f, 'utf8').catch(() => undefined)
    if (text) return JSON.parse(text) as Record<string, unknown>
  }
  throw new Error('schema/cdk-release.schema.json not found beside the code')
}

/** `/charms/kubernetes-worker/resources/cni-{arch}` → `charms.kubernetes-worker.resources.cni-{arch}`. */
function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (extra !== undefined) parts.push(extra)
  return parts.join('.') || '(top level)'
}

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))

/** The schema node at a JSON pointer of the schema (for its x-fix). */
function schemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = schema as Record<string, unknown> | undefined
  for (const p of pointer.split('/').slice(1))
    node = node?.[p.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown> | undefined
  return node
}

function schemaLine(schema: Record<string, unknown>, e: ErrorObject): string {
  const parentPointer = e.schemaPath.replace(/^#/, '').split('/').slice(0, -1).join('/')
  const node = schemaAt(schema, parentPointer)
  const fix = (node?.['x-fix'] as string | undefined) ?? ''
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty)
      const propFix =
        ((node?.properties as Record<string, Record<string, unknown>> | undefined)?.[prop]?.['x-fix'] as string | undefined) ?? fix
      return `${fieldPath(e.instancePath, prop)}: missing; ${propFix}`
    }
    case 'additionalProperties': {
      const known = Object.keys((node?.properties as Record<string, unknown>) ?? {})
      return `${fieldPath(e.instancePath, String(p.additionalProperty))}: unknown field; ${known.length ? `the fields here are ${known.join(', ')}` : fix}`
    }
    case 'propertyNames':
      return '' // reported by the pattern error on the name itself
    case 'pattern':
      if (e.propertyName !== undefined)
        return `${fieldPath(e.instancePath, e.propertyName)}: ${show(e.propertyName)} is not a valid name; ${fix}`
      return `${fieldPath(e.instancePath)}: ${show(e.data)} is not valid; ${fix}`
    case 'enum':
      return `${fieldPath(e.instancePath)}: ${show(e.data)} is not one of ${(p.allowedValues as unknown[]).join(', ')}; ${fix}`
    case 'type':
      return `${fieldPath(e.instancePath)}: must be ${p.type === 'object' ? 'a mapping' : p.type === 'array' ? 'a list' : `a ${String(p.type)}`}, not ${show(e.data)}; ${fix}`
    case 'minItems':
    case 'minProperties':
    case 'minLength':
      return `${fieldPath(e.instancePath)}: is empty; ${fix}`
    case 'uniqueItems':
      return `${fieldPath(e.instancePath)}: lists an entry twice; keep one of each`
    default:
      return `${fieldPath(e.instancePath)}: ${e.message ?? 'is not valid'}${fix ? `; ${fix}` : ''}`
  }
}

/** Validate a parsed document against the schema: one line per bad field (`<label>: <field>: <problem>; <fix>`). */
export async function validateSchema(doc: unknown, label: string): Promise<string[]> {
  const schema = await readSchema()
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true })
  ajv.addKeyword('x-fix')
  ajv.addKeyword(ARCH_KEYWORD)
  const validate = ajv.compile(schema)
  if (validate(doc)) return []
  const lines = (validate.errors ?? []).map((e) => schemaLine(schema, e)).filter(Boolean)
  return [...new Set(lines)].map((l) => `${label}: ${l}`)
}

export async function loadDescription(file: string): Promise<Description> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  const label = path.basename(file)
  if (text === undefined)
    throw new UserError(
      `config: ${file} does not exist; write a cdk-release.yaml (start from examples/cdk-release.yaml) or pass --config PATH`,
    )
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    throw new UserError(`${label}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); fix the file`)
  }
  const lines = await validateSchema(doc ?? {}, label)
  if (lines.length) throw new DescriptionError(lines)
  // Any spelling of an architecture (x86_64, aarch64...) is read as its Debian name from here on.
  const twice = normaliseArches(doc as Description)
  if (twice.length) throw new DescriptionError(twice.map((l) => `${label}: ${l}`))
  return doc as Description
}

// ---------------------------------------------------------------- artifacts

export const SNAP_ARTIFACTS = [...COMPONENTS.map((c) => c.name), 'etcd', 'cdk-addons'] as const

export type Artifact =
  | { kind: 'snap'; snap: string }
  | { kind: 'cni' }
  | { kind: 'flannel' }
  | { kind: 'file'; path: string }
  | { kind: 'placeholder' }
  | { kind: 'keep' }

/** A mapping value (already checked by the schema's pattern). */
export function parseArtifact(value: string): Artifact {
  if (value.startsWith('snap:')) return { kind: 'snap', snap: value.slice(5) }
  if (value.startsWith('file:')) return { kind: 'file', path: value.slice(5) }
  if (value === 'cni' || value === 'flannel' || value === 'placeholder' || value === 'keep') return { kind: value }
  throw new UserError(`'${value}' is not an artifact`)
}

/** What one artifact key of the build is called (the build counts of the plan and the benchmark). */
export function artifactKey(a: Artifact): string | undefined {
  return a.kind === 'snap' ? `snap:${a.snap}` : a.kind === 'cni' || a.kind === 'flannel' ? a.kind : undefined
}

// ---------------------------------------------------------------- check against the charms

export interface CharmInfo {
  name: string
  /** Absolute charm directory (path:), or undefined for prebuilt files. */
  dir?: string
  /** Absolute .charm files (files:, expanded). */
  files: string[]
  declared: CharmResource[]
  /** What juju's bundle checks need of the charm (subordinate, endpoints), from its metadata. */
  bundle: BundleCharm
  /** The builder of a charm built here, and its bases/platforms entries (shared/charm/routes.ts). */
  builder?: 'charmcraft' | 'charm'
  entries?: BuildEntry[]
  /** The default of the charm's `channel` option (the snap channel it installs from), if it has one. */
  channelDefault?: string
}

/** A charm directory's YAML file as data (undefined when absent; the metadata check reported bad YAML). */
async function readYamlDoc(file: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const doc: unknown = parse(text)
  return doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {}
}

/** builder: auto → charmcraft when charmcraft.yaml exists, else charm-tools (as charm-build chooses). */
async function charmEntriesOf(
  name: string,
  dir: string,
  requested: CharmSpec['builder'],
  arches: string[],
): Promise<{ builder: 'charmcraft' | 'charm'; entries: BuildEntry[] }> {
  const cc = await readYamlDoc(path.join(dir, 'charmcraft.yaml'))
  const builder = requested === 'charm' || (requested !== 'charmcraft' && !cc) ? 'charm' : 'charmcraft'
  const meta = await readYamlDoc(path.join(dir, 'metadata.yaml'))
  return { builder, entries: charmEntries(name, cc, meta, builder, arches) }
}

const GLOB = /[*?[]/

/** Expand a path whose last component may hold * ? [..] (no ** and no wildcard directories: keep it simple). */
export async function expandGlob(pattern: string, base: string): Promise<string[]> {
  const abs = path.resolve(base, pattern)
  if (!GLOB.test(path.basename(abs))) return (await stat(abs).catch(() => undefined)) ? [abs] : []
  if (GLOB.test(path.dirname(abs))) throw new UserError(`'${pattern}': only the file name may hold a wildcard`)
  const re = new RegExp(
    `^${path
      .basename(abs)
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  )
  const names = await readdir(path.dirname(abs)).catch(() => [] as string[])
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => path.join(path.dirname(abs), n))
}

/** Resource names of one mapping key: `cni-{arch}` is one per release arch. */
export function expandResourceName(key: string, arches: Arch[]): string[] {
  return key.includes('{arch}') ? arches.map((a) => key.replace('{arch}', a.debian)) : [key]
}

const isSnapResource = (r: CharmResource) => r.type === 'file' && !!r.filename?.endsWith('.snap')

/**
 * Read every charm and check the description against them and itself. All problems are collected, one line
 * each; nothing is built or uploaded before this passes.
 */
export async function checkDescription(desc: Description, dir: string, label: string, scratch: string): Promise<CharmInfo[]> {
  const errors: string[] = []
  const err = (field: string, msg: string) => errors.push(`${label}: ${field}: ${msg}`)
  const arches = desc.arches.map((a) => parseArch(a))
  if (desc.channel !== undefined) {
    try {
      parseChannel(desc.channel, 'channel')
    } catch (e) {
      err('channel', (e as Error).message.replace(/^channel: /, ''))
    }
  }
  const kube = (() => {
    try {
      return parseKubeVersion(desc.versions.kubernetes)
    } catch (e) {
      err('versions.kubernetes', (e as Error).message.replace(/^kube-version: /, ''))
      return undefined
    }
  })()
  if (kube?.kind === 'marker' && desc.channel === undefined) {
    // The channel comes from the resolved version then; nothing to check here.
  }
  for (const [key, src] of Object.entries(desc.sources ?? {})) {
    if (!(await stat(path.resolve(dir, src)).catch(() => undefined))?.isDirectory())
      err(`sources.${key}`, `'${src}' is not a directory; give a path relative to ${label}`)
  }
  if (desc.bundle?.template && !(await stat(path.resolve(dir, desc.bundle.template)).catch(() => undefined))?.isFile()) {
    err(
      'bundle.template',
      `'${desc.bundle.template}' does not exist; give the path of a bundle.yaml relative to ${label}, or drop template to generate one`,
    )
  }
  const needs = new Map<string, string>() // what the mappings need -> the first field that needs it
  const infos: CharmInfo[] = []
  for (const [name, spec] of Object.entries(desc.charms)) {
    const at = `charms.${name}`
    if (!!spec.path === !!spec.files) {
      err(
        at,
        spec.path
          ? 'has both path and files; give path (to build the charm) or files (prebuilt .charm files), not both'
          : 'has neither path nor files; give path (the charm directory) or files (prebuilt .charm files)',
      )
      continue
    }
    let declared: CharmResource[] | undefined
    let bundle: BundleCharm | undefined
    const files: string[] = []
    let charmDir: string | undefined
    let built: Awaited<ReturnType<typeof charmEntriesOf>> | undefined
    let channelDefault: string | undefined
    try {
      if (spec.path) {
        const meta = await loadCharm(path.resolve(dir, spec.path), `${at}.path`)
        charmDir = meta.dir
        if (meta.name !== name)
          err(`${at}.path`, `${spec.path} is charm '${meta.name}', not '${name}'; name the entry ${meta.name} or fix the path`)
        declared = meta.resources
        built = await charmEntriesOf(
          name,
          meta.dir,
          spec.builder,
          arches.map((a) => a.debian),
        )
        bundle = { subordinate: meta.subordinate, endpoints: meta.endpoints }
        channelDefault = meta.channelDefault
      } else {
        for (const [i, g] of spec.files!.entries()) {
          const found = await expandGlob(g, dir)
          if (found.length === 0) err(`${at}.files[${i}]`, `'${g}' matches no file; give prebuilt .charm paths relative to ${label}`)
          files.push(...found)
        }
        for (const f of files) {
          const { meta } = await readPackedMeta(f, scratch, `${at}.files`)
          if (meta.name !== name)
            err(`${at}.files`, `${path.basename(f)} is charm '${meta.name}', not '${name}'; every file of an entry must be the same charm`)
          declared ??= meta.resources
          bundle ??= { subordinate: meta.subordinate, endpoints: meta.endpoints }
          channelDefault ??= meta.channelDefault
        }
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      err(spec.path ? `${at}.path` : `${at}.files`, e.message.replace(new RegExp(`^${at}\\.(path|files): `), ''))
      continue
    }
    if (!declared) continue
    const list = declared.map((d) => d.name).join(', ') || '(none)'
    const mapped = new Set<string>()
    for (const [key, value] of Object.entries(spec.resources)) {
      const field = `${at}.resources.${key}`
      const artifact = parseArtifact(value)
      const before = errors.length
      const names = expandResourceName(key, arches)
      for (const rname of names) {
        if (mapped.has(rname)) err(field, `maps '${rname}' a second time; keep one entry for it`)
        mapped.add(rname)
      }
      for (const rname of names) {
        if (errors.length > before) break // one line per field
        const d = declared.find((x) => x.name === rname)
        if (!d) {
          err(field, `charm ${name} declares no resource '${rname}'; its resources are ${list}`)
          continue
        }
        if (d.type !== 'file' && artifact.kind !== 'keep')
          err(field, `'${rname}' is an ${d.type} resource; only file resources are uploaded here, map it to keep`)
        else if ((artifact.kind === 'snap' || artifact.kind === 'placeholder') && !isSnapResource(d))
          err(field, `'${rname}' is the file ${d.filename ?? '?'}, not a snap; map it to cni, flannel or file:<path>`)
        else if ((artifact.kind === 'cni' || artifact.kind === 'flannel') && isSnapResource(d))
          err(field, `'${rname}' is a snap resource (${d.filename}); map it to snap:<name> or placeholder`)
      }
      if (artifact.kind === 'file') {
        for (const a of arches) {
          const f = artifact.path.replaceAll('{arch}', a.debian)
          if (!(await stat(path.resolve(dir, f)).catch(() => undefined))?.isFile()) {
            err(field, `file '${f}' does not exist; give a path relative to ${label}`)
            break
          }
          if (!artifact.path.includes('{arch}')) break
        }
      }
      const k = artifactKey(artifact)
      if (k && !needs.has(k)) needs.set(k, field)
    }
    const unmapped = declared.filter((d) => !mapped.has(d.name)).map((d) => d.name)
    if (unmapped.length) {
      err(
        `${at}.resources`,
        `charm ${name} declares ${unmapped.join(', ')} but the description maps no artifact to ${unmapped.length === 1 ? 'it' : 'them'}; map each to an artifact, placeholder or keep`,
      )
    }
    infos.push({
      name,
      ...(charmDir ? { dir: charmDir } : {}),
      files,
      declared,
      bundle: bundle ?? { subordinate: false, endpoints: {} },
      ...(built ?? {}),
      ...(channelDefault ? { channelDefault } : {}),
    })
  }
  const need = (k: string, field: string, what: string) => {
    const by = needs.get(k)
    if (by) err(field, `missing, and ${by} maps ${k}; ${what}`)
  }
  if (!desc.versions.cni) need('cni', 'versions.cni', 'give a containernetworking/plugins tag, e.g. v1.5.1')
  if (!desc.versions.flannel) need('flannel', 'versions.flannel', 'give a flannel tag, e.g. v0.25.6')
  if (!desc.versions.etcd) {
    need('flannel', 'versions.etcd', 'give the etcd tag whose etcdctl goes into the flannel tarball, e.g. v3.5.16')
    if (needs.has('snap:etcd') && !needs.has('flannel'))
      need('snap:etcd', 'versions.etcd', 'give the etcd tag of the etcd snap, e.g. v3.5.16')
  }
  if (!desc.sources?.['cdk-addons'] && !desc['snap-store']?.['cdk-addons'])
    need('snap:cdk-addons', 'sources.cdk-addons', 'give the cdk-addons build directory (apply, templates/) to pack')
  errors.push(...(await checkSnapStore(desc, dir, label)))
  if (errors.length) throw new DescriptionError(errors)
  return infos
}

// ---------------------------------------------------------------- the plan

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
  /** The runner routes configured (self-hosted runners, the caller's owner); none when undefined. */
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

export function makePlan(desc: Description, infos: CharmInfo[], o: PlanOptions): CdkPlan {
  const arches = desc.arches.map((a) => parseArch(a))
  const place = (abs: string) => {
    if (o.root === undefined) return abs
    const rel = path.relative(o.root, abs)
    return rel === '' ? '.' : rel.startsWith('..') ? abs : rel
  }
  const repo = (p: string) => place(path.resolve(o.dir, p))
  const art = (...parts: string[]) => place(path.resolve(o.artifacts, ...parts))
  const kver = snapVersion(o.kubeVersion)
  const etcdTag = desc.versions.etcd ?? ''
  const snapFile = (snap: string) => {
    const version = snap === 'etcd' ? stripV(etcdTag) : kver
    return `${art('release-{arch}')}/${snap}_${version}_{arch}.snap`
  }
  const shared: Record<string, string[]> = {}
  const charms: CharmPlan[] = []
  const packs: PackPlan[] = []
  const published = snapPublish(desc)
  // The build jobs: every release arch, and every arch the Snap Store gets snaps for, in the table's order.
  const buildArches = ARCHES.filter((a) => arches.some((r) => r.debian === a.debian) || published?.arches.includes(a.debian))
  const refused: string[] = o.routes
    ? checkBuildRoutes(
        buildArches.map((a) => a.debian),
        o.routes,
      )
    : []
  for (const info of infos) {
    if (info.dir && info.entries && o.packs !== false) {
      try {
        for (const j of packJobs(
          info.name,
          info.entries,
          arches.map((a) => a.debian),
          o.routes ?? { selfHosted: {} },
        )) {
          const artifact = `pack-${info.name}_${j.id}`
          packs.push({ ...j, path: place(info.dir), builder: info.builder ?? 'auto', 'pack-dir': art(artifact), artifact })
        }
      } catch (e) {
        if (!(e instanceof UserError)) throw e
        refused.push(e.message)
      }
    }
    const spec = desc.charms[info.name]
    const lines: string[] = []
    const keep: string[] = []
    const placeholders: string[] = []
    const charmArt = (...p: string[]) => art(`charm-${info.name}`, ...p)
    for (const [key, value] of Object.entries(spec.resources)) {
      const a = parseArtifact(value)
      const k = artifactKey(a)
      if (k && !(shared[k] ??= []).includes(info.name)) shared[k].push(info.name)
      const names = expandResourceName(key, arches)
      const placeholder = a.kind === 'placeholder' || (a.kind === 'snap' && desc.snaps === 'placeholder')
      if (a.kind === 'keep') keep.push(...names)
      else if (placeholder) {
        for (const n of names) {
          placeholders.push(n)
          lines.push(`${n}=${charmArt('placeholders')}/${n}.snap`)
        }
      } else {
        const file =
          a.kind === 'snap'
            ? snapFile(a.snap)
            : a.kind === 'cni'
              ? `${art('release-{arch}')}/cni-{arch}.tgz`
              : a.kind === 'flannel'
                ? `${art('release-{arch}')}/flannel-{arch}.tar.gz`
                : repo(a.path)
        lines.push(`${key}=${file}`)
      }
    }
    charms.push({
      charm: info.name,
      path: info.dir ? place(info.dir) : '',
      files: info.files.map(place).join('\n'),
      builder: spec.builder ?? 'auto',
      'charm-dir': charmArt('charms'),
      'charm-files': `${charmArt('charms')}/*.charm`,
      resources: lines.join('\n'),
      keep: keep.join(' '),
      placeholders: placeholders.join(' '),
      'placeholder-dir': charmArt('placeholders'),
      meta: info.dir ? place(info.dir) : charmArt('meta'),
      'pack-pattern': info.dir ? `pack-${info.name}_*` : '',
    })
  }
  // Before anything is built or uploaded: every entry the release needs has a route.
  if (refused.length) throw new DescriptionError(refused)
  const matrix: BuildRow[] = buildArches.map((a) => {
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
  const anyRow = (k: 'etcd' | 'cdk-addons' | 'cni' | 'flannel') => matrix.some((r) => r[k])
  const src = (k: keyof NonNullable<Description['sources']>) => (desc.sources?.[k] ? repo(desc.sources[k]!) : '')
  const build: BuildSettings = {
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
    'etcd-version': etcdTag,
    'etcd-source': src('etcd'),
    'cdk-addons-source': src('cdk-addons') || (published?.cdkAddons ? repo(published.cdkAddons) : ''),
  }
  const channel = parseChannel(o.channel || desc.channel || defaultChannel(o.kubeVersion), 'channel').name
  return {
    arches,
    kubeVersion: o.kubeVersion,
    channel,
    snaps: desc.snaps,
    versions: { kubernetes: o.kubeVersion, cni: desc.versions.cni ?? '', flannel: desc.versions.flannel ?? '', etcd: etcdTag },
    build,
    matrix,
    ...(published ? { snapStore: published } : {}),
    charms,
    packs,
    shared,
    bundle: { template: desc.bundle?.template ? repo(desc.bundle.template) : '', name: desc.bundle?.name ?? 'charmed-kubernetes' },
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

export function planMarkdown(plan: CdkPlan, dryRun: boolean, title = 'Release plan'): string {
  const rows = Object.entries(plan.versions)
    .filter(([, v]) => v)
    .map(([k, v]) => `| ${k} | ${v} |`)
  const shared = Object.entries(plan.shared).map(([k, cs]) => `| \`${k}\` | ${plan.arches.length} (once per arch) | ${cs.join(', ')} |`)
  const packs = plan.packs.map(
    (p) =>
      `| ${p.charm} | ${p.entry} | ${p['build-on']} | ${p['run-on']} | ${p.route}: \`${Array.isArray(p['runs-on']) ? p['runs-on'].join(', ') : p['runs-on']}\`${p.destructive === 'true' ? ', destructive mode' : p.destructive === 'false' ? ', LXD' : ''} |`,
  )
  const charms = plan.charms.map(
    (c) =>
      `| ${c.charm} | ${c.path || c.files.split('\n').join(', ')} | ${c.resources.split('\n').filter(Boolean).length} | ${c.placeholders.split(' ').filter(Boolean).length} | ${c.keep || '-'} |`,
  )
  return [
    `### ${title}${dryRun ? ' (dry run: nothing is uploaded or released)' : ''}`,
    '',
    `Channel \`${plan.channel}\`; architectures ${plan.arches.map((a) => `\`${a.debian}\``).join(', ')}; snap resources: ${plan.snaps === 'real' ? 'the snaps this release builds' : 'zero-byte placeholders (installed from the store)'}.`,
    '',
    '| component | version |',
    '|---|---|',
    ...rows,
    '',
    '| artifact | builds | attached to |',
    '|---|---|---|',
    ...shared,
    '',
    '| charm | source | resource lines | placeholders | kept |',
    '|---|---|---|---|---|',
    ...charms,
    ...(packs.length ? ['', '| charm | entry | build-on | run-on | packed on |', '|---|---|---|---|---|', ...packs] : []),
    ...snapStoreMarkdown(plan),
  ].join('\n')
}

/**
 * The Snap Store part of the plan: what is published where, the snapcraft commands the snaps job runs (an upload
 * is skipped for a (snap, arch) whose channels already hold its version), and the gate's checks.
 */
export function snapStoreMarkdown(plan: CdkPlan): string[] {
  const pub = plan.snapStore
  const needs = plan.snapNeeds ?? []
  if (!pub && !needs.length) return []
  const out = ['', '#### Snap Store (the snaps job, before any charm is released)']
  if (pub) {
    out.push(
      '',
      `Publishes ${pub.snaps.map((x) => `\`${x}\``).join(', ')} for ${pub.arches.map((a) => `\`${a}\``).join(', ')} to ${pub.channels.map((c) => `\`${c}\``).join(', ')}. snapcraft commands:`,
      '',
      '```',
      ...pub.snaps.map((x) => `snapcraft tracks ${x}`),
      ...pub.snaps.map((x) => `snapcraft status ${x}`),
      ...pub.arches.flatMap((a) =>
        pub.snaps.map((x) => `snapcraft upload release-${a}/${x}_*_${a}.snap --release ${pub.channels.join(',')}`),
      ),
      ...pub.snaps.map((x) => `snapcraft status ${x}   # verify`),
      '```',
    )
  } else out.push('', 'Publishes nothing (no snap-store section); the gate still reads the store.')
  if (needs.length) {
    const rows = new Map<string, Set<string>>()
    for (const n of needs) {
      const k = `| ${n.charm} | ${n.snap} | ${n.channel} |`
      if (!rows.has(k)) rows.set(k, new Set())
      rows.get(k)!.add(n.arch)
    }
    out.push(
      '',
      'The gate: each charm is released only when every snap it installs has a revision in its channel for every arch it serves (`snapcraft status`).',
      '',
      '| charm | snap | channel | arches |',
      '|---|---|---|---|',
      ...[...rows].map(([k, a]) => `${k} ${[...a].join(', ')} |`),
    )
  }
  return out
}

// ---------------------------------------------------------------- the pinned bundles

/** What the store's channel map holds for one charm: "<base-channel>/<arch>" → revision and resource revisions. */
export interface ReleasedCharm {
  charm: string
  channel: string
  bases: Record<string, { revision: number; resources: Record<string, number> }>
}

export interface RenderedBundle {
  file: string
  arch: string
  base: string
  yaml: string
}

/** Charm name → what the bundle checks need of it, for every charm of the release. */
export function bundleCharms(infos: CharmInfo[]): Record<string, BundleCharm> {
  return Object.fromEntries(infos.map((i) => [i.name, i.bundle]))
}

/**
 * A Juju bundle pins one revision per application, but a multi-arch charm has one revision per base/arch on
 * Charmhub. So one bundle per base/arch: bundle-<arch>.yaml (bundle-<base>-<arch>.yaml when the charms span
 * several bases), each application pinned to that arch's revision and resource revisions, with
 * `default-base: ubuntu@<base>`. From the template (applications whose charm is not in the release are kept as
 * written) or generated with one unit per charm. What juju requires of it (shared/bundle-check.ts):
 * - a subordinate (`charms[name].subordinate`) has no num_units, no `to` and no constraints: it runs beside its
 *   principal, on that machine's arch; every other pinned application gets `constraints: arch=<arch>`;
 * - `series` never disagrees with `default-base`: the bundle's `series` (the CK template says `noble`) is
 *   dropped, since `default-base` says the same thing for juju 3.1+ (juju 4 ignores `series`), and so are a
 *   pinned application's own `series` and `base`: its revision is the one for this bundle's base.
 */
export function renderBundles(
  released: ReleasedCharm[],
  template: string | undefined,
  name: string,
  charms: Record<string, BundleCharm> = {},
): RenderedBundle[] {
  const keys = [...new Set(released.flatMap((r) => Object.keys(r.bases)))]
  const manyBases = new Set(keys.map((k) => k.split('/')[0])).size > 1
  const out: RenderedBundle[] = []
  const order = (k: string) => ARCHES.findIndex((a) => a.debian === k.split('/')[1])
  const subordinate = (charm: string) => charms[charm]?.subordinate === true
  for (const key of keys.sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const [base, arch] = key.split('/')
    const doc = (
      template
        ? parse(template)
        : { name, description: `Charmed Kubernetes pinned to the revisions released for ${arch}`, applications: {} }
    ) as Record<string, unknown>
    const apps = (doc.applications ?? {}) as Record<string, Record<string, unknown>>
    if (!template) for (const r of released) apps[r.charm] = subordinate(r.charm) ? { charm: r.charm } : { charm: r.charm, num_units: 1 }
    for (const [app, def] of Object.entries(apps)) {
      const r = released.find((x) => x.charm === String(def?.charm ?? '').replace(/^ch:/, ''))
      if (!r) continue
      const b = r.bases[key]
      if (!b)
        throw new UserError(`bundle: ${r.charm} has no revision for ${key} in ${r.channel}; release it for that base/arch or drop the arch`)
      const { series: _series, base: _base, num_units: units, to, constraints: cons, ...rest } = def
      const constraints = String(cons ?? '')
        .split(/\s+/)
        .filter((c) => c && !c.startsWith('arch='))
      apps[app] = {
        ...rest,
        charm: r.charm,
        channel: r.channel,
        revision: b.revision,
        resources: Object.fromEntries(Object.entries(b.resources).sort(([x], [y]) => x.localeCompare(y))),
        ...(subordinate(r.charm)
          ? {}
          : {
              ...(units !== undefined ? { num_units: units } : {}),
              ...(to !== undefined ? { to } : {}),
              constraints: [...constraints, `arch=${arch}`].join(' '),
            }),
      }
    }
    doc.applications = apps
    delete doc.series
    const ordered = { ...(doc.name ? { name: doc.name } : {}), ...doc, 'default-base': `ubuntu@${base}` }
    out.push({ file: manyBases ? `bundle-${base}-${arch}.yaml` : `bundle-${arch}.yaml`, arch, base, yaml: stringify(ordered) })
  }
  return out
}

/**
 * What the bundle checks need of each charm of a description (the bundle job has the repository, not the plan's
 * CharmInfo): read from the charm directory's metadata, or from the first prebuilt .charm (unzipped in scratch).
 */
export async function loadBundleCharms(desc: Description, dir: string, scratch: string): Promise<Record<string, BundleCharm>> {
  const out: Record<string, BundleCharm> = {}
  for (const [name, spec] of Object.entries(desc.charms)) {
    const first = spec.files?.length ? (await expandGlob(spec.files[0], dir))[0] : undefined
    const meta = spec.path
      ? await loadCharm(path.resolve(dir, spec.path), `charms.${name}.path`)
      : first
        ? (await readPackedMeta(first, scratch, `charms.${name}.files`)).meta
        : undefined
    if (meta) out[name] = { subordinate: meta.subordinate, endpoints: meta.endpoints }
  }
  return out
}

/** juju's checks on every rendered bundle: one line per problem, `bundle <file>: <juju's words>`. */
export function checkRenderedBundles(bundles: RenderedBundle[], charms: Record<string, BundleCharm>): string[] {
  return bundles.flatMap((b) => checkBundle(b.yaml, charms).map((l) => `bundle ${b.file}: ${l}`))
}

/** The bases a revision serves, as the release records them: `<ubuntu release>/<arch>` (22.04/amd64). */
export type BaseKey = `${string}/${string}`

/**
 * BEFORE anything is uploaded: render the bundles the release will write, from provisional revisions (0 for
 * every charm and resource), and run juju's checks on them. `serves`: for each charm of the release, the
 * `<ubuntu release>/<arch>` keys its packed revisions will serve (from its charmcraft.yaml bases / platforms,
 * limited to the release's arches). One line per problem, each naming the bundle file (or the charm with no
 * revision for a base/arch some other charm serves); [] when juju would accept every bundle.
 */
export function checkBundlesBeforeUpload(
  desc: Description,
  infos: CharmInfo[],
  template: string | undefined,
  serves: Record<string, BaseKey[]>,
  channel: string,
): string[] {
  const released: ReleasedCharm[] = infos.map((i) => ({
    charm: i.name,
    channel,
    bases: Object.fromEntries(
      (serves[i.name] ?? []).map((k) => [k, { revision: 0, resources: Object.fromEntries(i.declared.map((d) => [d.name, 0])) }]),
    ),
  }))
  try {
    const bundles = renderBundles(released, template, desc.bundle?.name ?? 'charmed-kubernetes', bundleCharms(infos))
    return checkRenderedBundles(bundles, bundleCharms(infos))
  } catch (e) {
    if (e instanceof UserError) return [e.message]
    throw e
  }
}

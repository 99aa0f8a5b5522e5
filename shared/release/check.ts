/**
 * The release description against its charms and itself, before anything is built or a store is touched: read
 * every charm's declared resources (its metadata.yaml / charmcraft.yaml, or inside prebuilt .charm files) and
 * check the mapping both ways: each mapped resource is declared, each declared one is mapped, each artifact fits
 * the resource (a snap to a .snap resource), versions and sources given, the snap-store section. All problems
 * are collected, one line each (`<file>: <field>: <problem>; <fix>`).
 */
import { readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { type Arch, parseArch } from '../arch.js'
import { UserError } from '../errors.js'
import { withScratchDir } from '../files.js'
import { parseKubeVersion } from '../k8s.js'
import { type CharmResource, loadCharm } from '../charm/metadata.js'
import { type BundleCharm } from '../bundle-check.js'
import { parseChannel } from '../charm/plan.js'
import { type BuildEntry, charmEntries } from '../charm/routes.js'
import { readPackedMeta } from '../charm/release.js'
import { givenCharmArchProblem } from '../charm/charm-arch.js'
import {
  type Artifact,
  artifactKey,
  type CharmSpec,
  type Description,
  DescriptionError,
  expandGlob,
  expandResourceName,
  loadDescription,
  parseArtifact,
} from './description.js'

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
  /** The charmcraft channel the charm pins (.charmcraft-channel), if it does: the emulated route installs that track. */
  charmcraftChannel?: string
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
): Promise<{ builder: 'charmcraft' | 'charm'; entries: BuildEntry[]; charmcraftChannel?: string }> {
  const cc = await readYamlDoc(path.join(dir, 'charmcraft.yaml'))
  const builder = requested === 'charm' || (requested !== 'charmcraft' && !cc) ? 'charm' : 'charmcraft'
  const meta = await readYamlDoc(path.join(dir, 'metadata.yaml'))
  const pinned = (await readFile(path.join(dir, '.charmcraft-channel'), 'utf8').catch(() => '')).trim()
  return { builder, entries: charmEntries(name, cc, meta, builder, arches), ...(pinned ? { charmcraftChannel: pinned } : {}) }
}

const isSnapResource = (r: CharmResource) => r.type === 'file' && !!r.filename?.endsWith('.snap')

/** The problems found so far, one line each: `<label>: <field>: <problem>; <fix>`. */
class Problems {
  readonly lines: string[] = []
  constructor(readonly label: string) {}
  add(field: string, msg: string): void {
    this.lines.push(`${this.label}: ${field}: ${msg}`)
  }
  get count(): number {
    return this.lines.length
  }
}

/** What every rule is given: the description, where its paths start, and where the problems go. */
interface Checking {
  desc: Description
  /** The description's directory (its paths are relative to it) and its file name (the label of every line). */
  dir: string
  label: string
  arches: Arch[]
  /** Where prebuilt .charm files are unpacked to read their metadata. */
  scratch: string
  problems: Problems
  /** What the mappings need (cni, snap:etcd, ...) → the first field that needs it. */
  needs: Map<string, string>
}

/**
 * Read every charm and check the description against them and itself. All problems are collected, one line
 * each; nothing is built or uploaded before this passes.
 */
export async function checkDescription(desc: Description, dir: string, label: string, scratch: string): Promise<CharmInfo[]> {
  const c: Checking = {
    desc,
    dir,
    label,
    arches: desc.arches.map((a) => parseArch(a)),
    scratch,
    problems: new Problems(label),
    needs: new Map(),
  }
  channelIsValid(c)
  kubernetesVersionIsValid(c)
  await sourcesAreDirectories(c)
  await bundleTemplateExists(c)
  const infos: CharmInfo[] = []
  for (const [name, spec] of Object.entries(desc.charms)) {
    if (!charmSourceGivenOnce(c, name, spec)) continue
    const info = await readCharm(c, name, spec)
    if (!info) continue
    await resourcesMappedBothWays(c, name, spec, info.declared)
    infos.push(info)
  }
  versionsAndSourcesGiven(c)
  await checkSnapStore(c)
  if (c.problems.count) throw new DescriptionError(c.problems.lines)
  return infos
}

// ---------------------------------------------------------------- the rules

/** `channel`, when given, is a track/risk channel. */
function channelIsValid({ desc, problems }: Checking): void {
  if (desc.channel === undefined) return
  try {
    parseChannel(desc.channel, 'channel')
  } catch (e) {
    problems.add('channel', (e as Error).message.replace(/^channel: /, ''))
  }
}

/** `versions.kubernetes` is a version or a marker (a marker's channel comes from the version it resolves to). */
function kubernetesVersionIsValid({ desc, problems }: Checking): void {
  try {
    parseKubeVersion(desc.versions.kubernetes)
  } catch (e) {
    problems.add('versions.kubernetes', (e as Error).message.replace(/^kube-version: /, ''))
  }
}

/** Every `sources` entry is a directory. */
async function sourcesAreDirectories({ desc, dir, label, problems }: Checking): Promise<void> {
  for (const [key, src] of Object.entries(desc.sources ?? {})) {
    if (!(await stat(path.resolve(dir, src)).catch(() => undefined))?.isDirectory())
      problems.add(`sources.${key}`, `'${src}' is not a directory; give a path relative to ${label}`)
  }
}

/** `bundle.template`, when given, is a file. */
async function bundleTemplateExists({ desc, dir, label, problems }: Checking): Promise<void> {
  if (desc.bundle?.template && !(await stat(path.resolve(dir, desc.bundle.template)).catch(() => undefined))?.isFile()) {
    problems.add(
      'bundle.template',
      `'${desc.bundle.template}' does not exist; give the path of a bundle.yaml relative to ${label}, or drop template to generate one`,
    )
  }
}

/** A charm's source is given once: `path` (built here) or `files` (prebuilt), not both, not neither. */
function charmSourceGivenOnce({ problems }: Checking, name: string, spec: CharmSpec): boolean {
  if (!!spec.path !== !!spec.files) return true
  problems.add(
    `charms.${name}`,
    spec.path
      ? 'has both path and files; give path (to build the charm) or files (prebuilt .charm files), not both'
      : 'has neither path nor files; give path (the charm directory) or files (prebuilt .charm files)',
  )
  return false
}

/** The charm an entry names, read (its directory, or its prebuilt files); undefined when it cannot be (reported). */
async function readCharm(c: Checking, name: string, spec: CharmSpec): Promise<CharmInfo | undefined> {
  const at = `charms.${name}`
  try {
    return spec.path ? await readCharmDir(c, name, spec.path, spec.builder) : await readPrebuilt(c, name, spec.files!)
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    c.problems.add(spec.path ? `${at}.path` : `${at}.files`, e.message.replace(new RegExp(`^${at}\\.(path|files): `), ''))
    return undefined
  }
}

/** A charm directory (path:) is the charm the entry names; its resources, bases/platforms entries and builder. */
async function readCharmDir(c: Checking, name: string, charmPath: string, builder: CharmSpec['builder']): Promise<CharmInfo> {
  const at = `charms.${name}`
  const meta = await loadCharm(path.resolve(c.dir, charmPath), `${at}.path`)
  if (meta.name !== name)
    c.problems.add(`${at}.path`, `${charmPath} is charm '${meta.name}', not '${name}'; name the entry ${meta.name} or fix the path`)
  const built = await charmEntriesOf(
    name,
    meta.dir,
    builder,
    c.arches.map((a) => a.debian),
  )
  return {
    name,
    ...(meta.dir ? { dir: meta.dir } : {}),
    files: [],
    declared: meta.resources,
    bundle: { subordinate: meta.subordinate, endpoints: meta.endpoints },
    ...built,
    ...(meta.channelDefault ? { channelDefault: meta.channelDefault } : {}),
  }
}

/** Prebuilt files (files:): every glob matches, every file is the charm the entry names; the first one's metadata. */
async function readPrebuilt(c: Checking, name: string, globs: string[]): Promise<CharmInfo | undefined> {
  const at = `charms.${name}`
  const files: string[] = []
  for (const [i, g] of globs.entries()) {
    const found = await expandGlob(g, c.dir)
    if (found.length === 0) c.problems.add(`${at}.files[${i}]`, `'${g}' matches no file; give prebuilt .charm paths relative to ${c.label}`)
    files.push(...found)
  }
  const metas = []
  for (const f of files) {
    const { meta } = await readPackedMeta(f, c.scratch, `${at}.files`)
    if (meta.name !== name)
      c.problems.add(
        `${at}.files`,
        `${path.basename(f)} is charm '${meta.name}', not '${name}'; every file of an entry must be the same charm`,
      )
    metas.push(meta)
    // Machine code for the arch its manifest names (docs/release.md#every-charm-is-checked-for-its-arch).
    const wrongArch = await givenCharmArchProblem(f, c.scratch)
    if (wrongArch) c.problems.add(`${at}.files`, wrongArch)
  }
  if (!metas.length) return undefined
  const channelDefault = metas.find((m) => m.channelDefault !== undefined)?.channelDefault
  return {
    name,
    files,
    declared: metas[0].resources,
    bundle: { subordinate: metas[0].subordinate, endpoints: metas[0].endpoints },
    ...(channelDefault ? { channelDefault } : {}),
  }
}

/**
 * Declared resources mapped both ways: each mapping names resources the charm declares, once, with an artifact
 * that fits; each declared resource is mapped. One line per field. Records what the mappings need.
 */
async function resourcesMappedBothWays(c: Checking, name: string, spec: CharmSpec, declared: CharmResource[]): Promise<void> {
  const mapped = new Set<string>()
  for (const [key, value] of Object.entries(spec.resources)) {
    const field = `charms.${name}.resources.${key}`
    const artifact = parseArtifact(value)
    const before = c.problems.count
    const names = expandResourceName(key, c.arches)
    for (const rname of names) {
      if (mapped.has(rname)) c.problems.add(field, `maps '${rname}' a second time; keep one entry for it`)
      mapped.add(rname)
    }
    for (const rname of names) {
      if (c.problems.count > before) break // one line per field
      const d = declared.find((x) => x.name === rname)
      if (d) artifactFitsResource(c, field, d, artifact)
      else
        c.problems.add(
          field,
          `charm ${name} declares no resource '${rname}'; its resources are ${declared.map((x) => x.name).join(', ') || '(none)'}`,
        )
    }
    if (artifact.kind === 'file') await mappedFileExists(c, field, artifact.path)
    const k = artifactKey(artifact)
    if (k && !c.needs.has(k)) c.needs.set(k, field)
  }
  const unmapped = declared.filter((d) => !mapped.has(d.name)).map((d) => d.name)
  if (unmapped.length) {
    c.problems.add(
      `charms.${name}.resources`,
      `charm ${name} declares ${unmapped.join(', ')} but the description maps no artifact to ${unmapped.length === 1 ? 'it' : 'them'}; map each to an artifact, placeholder or keep`,
    )
  }
}

/** The artifact fits the resource: only file resources are uploaded, a snap to a .snap resource, a tarball to another. */
function artifactFitsResource({ problems }: Checking, field: string, d: CharmResource, artifact: Artifact): void {
  if (d.type !== 'file' && artifact.kind !== 'keep')
    problems.add(field, `'${d.name}' is an ${d.type} resource; only file resources are uploaded here, map it to keep`)
  else if ((artifact.kind === 'snap' || artifact.kind === 'placeholder') && !isSnapResource(d))
    problems.add(field, `'${d.name}' is the file ${d.filename ?? '?'}, not a snap; map it to cni, flannel or file:<path>`)
  else if ((artifact.kind === 'cni' || artifact.kind === 'flannel') && isSnapResource(d))
    problems.add(field, `'${d.name}' is a snap resource (${d.filename}); map it to snap:<name> or placeholder`)
}

/** A `file:` artifact exists (for every arch when its path holds `{arch}`). */
async function mappedFileExists({ arches, dir, label, problems }: Checking, field: string, filePath: string): Promise<void> {
  for (const a of arches) {
    const f = filePath.replaceAll('{arch}', a.debian)
    if (!(await stat(path.resolve(dir, f)).catch(() => undefined))?.isFile()) {
      problems.add(field, `file '${f}' does not exist; give a path relative to ${label}`)
      return
    }
    if (!filePath.includes('{arch}')) return
  }
}

/** The versions and sources of what the mappings build are given. */
function versionsAndSourcesGiven({ desc, needs, problems }: Checking): void {
  const need = (k: string, field: string, what: string) => {
    const by = needs.get(k)
    if (by) problems.add(field, `missing, and ${by} maps ${k}; ${what}`)
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
}

/** The snap-store section and the charms' installs-snaps: channels, the cdk-addons build directory. */
async function checkSnapStore({ desc, dir, label, problems }: Checking): Promise<void> {
  const s = desc['snap-store']
  for (const [name, spec] of Object.entries(desc.charms))
    for (const [i, item] of (spec['installs-snaps'] ?? []).entries()) {
      const at = item.indexOf('@')
      if (at < 0) continue
      try {
        parseChannel(item.slice(at + 1), 'x')
      } catch (e) {
        problems.add(`charms.${name}.installs-snaps[${i}]`, (e as Error).message.replace(/^x: /, ''))
      }
    }
  if (!s) return
  for (const [i, c] of s.channels.entries()) {
    try {
      parseChannel(c, 'x')
    } catch (e) {
      problems.add(`snap-store.channels[${i}]`, (e as Error).message.replace(/^x: /, ''))
    }
  }
  const addons = s['cdk-addons']
  if (addons && !(await stat(path.resolve(dir, addons)).catch(() => undefined))?.isDirectory())
    problems.add('snap-store.cdk-addons', `'${addons}' is not a directory; give the cdk-addons build directory relative to ${label}`)
  if (!addons && s.snaps?.includes('cdk-addons'))
    problems.add(
      'snap-store.snaps',
      'lists cdk-addons but snap-store.cdk-addons names no build directory; give it (e.g. cdk-addons: cdk-addons)',
    )
  const sources = desc.sources?.['cdk-addons']
  if (addons && sources && path.resolve(dir, addons) !== path.resolve(dir, sources))
    problems.add(
      'snap-store.cdk-addons',
      `'${addons}' differs from sources.cdk-addons '${sources}'; one cdk-addons snap is built per arch, name one directory`,
    )
}

// ---------------------------------------------------------------- loaded and checked, once

/** A description loaded and checked against its charms: what the plan job, and every job after it, works from. */
export interface CheckedDescription {
  /** The description file (absolute), its directory (the description's paths are relative to it) and its name. */
  file: string
  dir: string
  label: string
  desc: Description
  infos: CharmInfo[]
  /** The text of bundle.template, when the description names one. */
  template?: string
}

/** Load the description (schema), check it against every charm, read its bundle template: nothing is built before. */
export async function loadCheckedDescription(config: string): Promise<CheckedDescription> {
  const file = path.resolve(config)
  const desc = await loadDescription(file)
  const dir = path.dirname(file)
  const label = path.basename(file)
  const infos = await withScratchDir(tmpdir(), 'build-snaps-plan-', (scratch) => checkDescription(desc, dir, label, scratch))
  const template = desc.bundle?.template ? await readFile(path.resolve(dir, desc.bundle.template), 'utf8') : undefined
  return { file, dir, label, desc, infos, ...(template !== undefined ? { template } : {}) }
}

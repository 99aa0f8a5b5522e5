/**
 * The release description against its charms and itself, before anything is built or a store is touched: read
 * every charm's declared resources (its metadata.yaml / charmcraft.yaml, or inside prebuilt .charm files) and
 * check the mapping both ways: each mapped resource is declared, each declared one is mapped, each artifact fits
 * the resource (a snap to a .snap resource), versions and sources given, the snap-store section. All problems
 * are collected, one line each (`<file>: <field>: <problem>; <fix>`).
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { parseArch } from '../arch.js'
import { UserError } from '../errors.js'
import { parseKubeVersion } from '../k8s.js'
import { type CharmResource, loadCharm } from '../charm/metadata.js'
import { type BundleCharm } from '../bundle-check.js'
import { parseChannel } from '../charm/plan.js'
import { type BuildEntry, charmEntries } from '../charm/routes.js'
import { readPackedMeta } from '../charm/release.js'
import {
  artifactKey,
  type CharmSpec,
  type Description,
  DescriptionError,
  expandGlob,
  expandResourceName,
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

/** The snap-store section's own problems (`<label>: <field>: ...`), before anything is built. */
export async function checkSnapStore(desc: Description, dir: string, label: string): Promise<string[]> {
  const out: string[] = []
  const s = desc['snap-store']
  for (const [name, spec] of Object.entries(desc.charms))
    for (const [i, item] of (spec['installs-snaps'] ?? []).entries()) {
      const at = item.indexOf('@')
      if (at < 0) continue
      try {
        parseChannel(item.slice(at + 1), 'x')
      } catch (e) {
        out.push(`${label}: charms.${name}.installs-snaps[${i}]: ${(e as Error).message.replace(/^x: /, '')}`)
      }
    }
  if (!s) return out
  for (const [i, c] of s.channels.entries()) {
    try {
      parseChannel(c, 'x')
    } catch (e) {
      out.push(`${label}: snap-store.channels[${i}]: ${(e as Error).message.replace(/^x: /, '')}`)
    }
  }
  const addons = s['cdk-addons']
  if (addons && !(await stat(path.resolve(dir, addons)).catch(() => undefined))?.isDirectory())
    out.push(`${label}: snap-store.cdk-addons: '${addons}' is not a directory; give the cdk-addons build directory relative to ${label}`)
  if (!addons && s.snaps?.includes('cdk-addons'))
    out.push(
      `${label}: snap-store.snaps: lists cdk-addons but snap-store.cdk-addons names no build directory; give it (e.g. cdk-addons: cdk-addons)`,
    )
  const sources = desc.sources?.['cdk-addons']
  if (addons && sources && path.resolve(dir, addons) !== path.resolve(dir, sources))
    out.push(
      `${label}: snap-store.cdk-addons: '${addons}' differs from sources.cdk-addons '${sources}'; one cdk-addons snap is built per arch, name one directory`,
    )
  return out
}

/**
 * The I/O half of a charm release: read a packed .charm, check every resource file before anything is
 * uploaded, and run upload → upload-resource → release with the revisions this run got back.
 *
 * Re-runs. A duplicate charm upload reuses the existing revision (the store says which, FACTS.md §6). The
 * store keeps no digest of a resource (resource-revisions lists revision and size only), so "this file is
 * already uploaded" is known from a ledger, `<charm>/<resource>/<sha256> → revision`, kept in the Actions
 * cache (a local directory off a runner) and always checked against the store: the revision must exist there
 * with the file's size. An empty file needs no ledger: any zero-byte revision is the same content. When the
 * ledger is gone (evicted cache, another runner) the only cost is one more upload, never a wrong release.
 * A channel that already holds the charm revision with exactly these resource revisions is not released again.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { exists } from '../files.js'
import { describeFiles, humanSize } from '../manifest.js'
import type { Runtime } from '../runtime.js'
import { inspectSnap } from '../snap/inspect.js'
import type { Arch } from '../arch.js'
import { loadCharm, type CharmMeta, type CharmResource } from './metadata.js'
import { resourceArch, type Channel, type PlannedResource, type ResourceFile } from './plan.js'
import type { Released, Store } from './store.js'

function unzipTool(): string {
  const unzip = which('unzip')
  if (!unzip) throw new UserError('unzip is not installed; install it (apt-get install unzip)')
  return unzip
}

/** Read name and resources from inside a packed charm (a zip with metadata.yaml and/or charmcraft.yaml). */
export async function readCharmFile(file: string, scratch: string, inputName = 'charm'): Promise<CharmMeta> {
  if (!(await exists(file))) throw new UserError(`${inputName}: '${file}' does not exist; give a .charm file (from charm-build) or a charm name`)
  const unzip = unzipTool()
  const dir = path.join(scratch, 'charm-meta')
  await mkdir(dir, { recursive: true })
  let found = 0
  for (const member of ['metadata.yaml', 'charmcraft.yaml']) {
    const res = await run(unzip, ['-p', file, member], { allowFailure: true })
    if (res.exitCode === 9) throw new UserError(`${inputName}: '${file}' is not a zip archive, so not a packed charm; build it with charm-build`)
    if (res.exitCode !== 0) continue
    await writeFile(path.join(dir, member), res.stdout)
    found++
  }
  if (found === 0) throw new UserError(`${inputName}: '${file}' has no metadata.yaml or charmcraft.yaml inside; is it a charm?`)
  const meta = await loadCharm(dir, inputName)
  return { ...meta, dir: file, sources: [file] }
}

/** Unpack a .charm into a directory (the legacy `charm push` takes a directory). */
export async function unpackCharm(file: string, dest: string): Promise<string> {
  await mkdir(dest, { recursive: true })
  await run(unzipTool(), ['-q', '-o', file, '-d', dest])
  return dest
}

/** A snap resource: the charm names a .snap filename for it, or the given file is a .snap. */
function isSnapResource(r: ResourceFile, declared: CharmResource[]): boolean {
  const d = declared.find((x) => x.name === r.name)
  return Boolean(d?.filename?.endsWith('.snap') || r.path.endsWith('.snap'))
}

/**
 * Check every file before anything is uploaded: it exists, and a non-empty snap resource is a snap built for
 * the architecture the resource is for (zero-byte snaps are placeholders, FACTS.md §7). Returns each file with
 * its size and sha256.
 */
export async function checkResourceFiles(given: ResourceFile[], declared: CharmResource[], arches: Arch[]): Promise<PlannedResource[]> {
  for (const r of given) {
    if (!(await exists(r.path))) throw new UserError(`resources: ${r.name}=${r.path}: the file does not exist; build it first or fix the path`)
  }
  const facts = await describeFiles(given.map((r) => path.resolve(r.path)))
  const out: PlannedResource[] = []
  for (const [i, r] of given.entries()) {
    const snap = isSnapResource(r, declared)
    const arch = resourceArch(r, arches)
    if (snap && facts[i].size > 0) {
      const info = await inspectSnap(r.path, `resources: ${r.name}`)
      if (arch && !info.architectures.includes(arch.debian) && !info.architectures.includes('all')) {
        throw new UserError(`resources: ${r.name}=${r.path} is a snap for ${info.architectures.join(', ')}, but resource '${r.name}' is for ${arch.debian}; attach the ${arch.debian} build`)
      }
    }
    out.push({ ...r, ...(arch ? { arch } : {}), snap, facts: { path: facts[i].file, size: facts[i].size, sha256: facts[i].sha256 } })
  }
  return out
}

/** The file table a dry run and a real run both show. */
export function filesTable(resources: PlannedResource[], charm?: { path: string; size: number; sha256: string }): string {
  const rows = [
    ...(charm ? [`| (charm) | | \`${charm.path}\` | ${humanSize(charm.size)} (${charm.size}) | \`${charm.sha256}\` |`] : []),
    ...resources.map((r) => `| ${r.name} | ${r.arch?.debian ?? ''} | \`${r.facts.path}\` | ${humanSize(r.facts.size)} (${r.facts.size}) | \`${r.facts.sha256}\` |`),
  ]
  return ['| resource | arch | file | size (bytes) | sha256 |', '|---|---|---|---|---|', ...rows].join('\n')
}

/** `<charm>/<resource or "charm">/<sha256>` → revision, for one store and charm. */
export class Ledger {
  private entries: Record<string, number> = {}
  private changed = false
  private readonly dir: string
  private readonly prefix: string

  constructor(private readonly rt: Runtime, store: string, charm: string) {
    this.dir = path.join(rt.tempRoot(), `charm-ledger-${store}-${charm}`)
    this.prefix = `charm-release-ledger-${store}-${charm}-`
  }

  async load(): Promise<void> {
    await this.rt.restoreCache([this.dir], `${this.prefix}none`, [this.prefix])
    try {
      const doc = JSON.parse(await readFile(path.join(this.dir, 'ledger.json'), 'utf8')) as { entries?: Record<string, number> }
      this.entries = doc.entries ?? {}
    } catch {
      this.entries = {}
    }
  }

  get(key: string): number | undefined {
    return this.entries[key]
  }

  set(key: string, revision: number): void {
    if (this.entries[key] === revision) return
    this.entries[key] = revision
    this.changed = true
  }

  async save(): Promise<void> {
    if (!this.changed) return
    await mkdir(this.dir, { recursive: true })
    await writeFile(path.join(this.dir, 'ledger.json'), JSON.stringify({ entries: this.entries }, null, 1))
    await this.rt.saveCache([this.dir], `${this.prefix}${Date.now()}-${process.pid}`)
    this.changed = false
  }
}

export interface ReleaseRequest {
  name: string
  /** A .charm to upload, with its facts; absent when an existing revision is released. */
  charmFile?: { path: string; size: number; sha256: string }
  /** The revision to release when no file is uploaded. */
  revision?: number
  resources: PlannedResource[]
  keep: string[]
  channel: Channel
}

export interface ReleaseResult {
  revision: number
  resourceRevisions: Record<string, number>
  /** What this run uploaded (charm and resource names). */
  uploaded: string[]
  /** What this run reused (already in the store). */
  reused: string[]
  /** False when the channel already held exactly this release. */
  released: boolean
}

/** Upload what is not in the store yet, then release with the revisions this run resolved. */
export async function executeRelease(rt: Runtime, store: Store, req: ReleaseRequest): Promise<ReleaseResult> {
  const ledger = new Ledger(rt, store.kind, req.name)
  await ledger.load()
  const uploaded: string[] = []
  const reused: string[] = []
  const resourceRevisions: Record<string, number> = {}
  let revision: number
  try {
    if (req.charmFile) {
      const key = `${req.name}/charm/${req.charmFile.sha256}`
      const known = ledger.get(key)
      if (known !== undefined && (await store.charmRevisions(req.name)).some((r) => r.revision === known)) {
        revision = known
        reused.push('charm')
        rt.info(`charm ${req.name}: this file is revision ${revision} already (ledger, confirmed by the store); not uploading`)
      } else {
        const file = store.kind === 'charmstore' ? await unpackCharm(req.charmFile.path, path.join(rt.tempRoot(), `charm-unpacked-${req.name}`)) : req.charmFile.path
        const up = await store.uploadCharm(file, req.name)
        revision = up.revision
        if (up.reused) {
          reused.push('charm')
          rt.info(`charm ${req.name}: the store already has this charm as revision ${revision} (duplicate upload); reusing it`)
        } else {
          uploaded.push('charm')
          rt.info(`charm ${req.name}: uploaded as revision ${revision}`)
        }
      }
      ledger.set(key, revision)
    } else {
      if (req.revision === undefined) throw new UserError('revision: give the charm revision to release when charm is a name (or give a .charm file to upload)')
      revision = req.revision
      if (store.kind === 'charmhub' && !(await store.charmRevisions(req.name)).some((r) => r.revision === revision)) {
        throw new UserError(`revision: charm ${req.name} has no revision ${revision} in the store; upload it or pick an existing revision`)
      }
    }

    for (const r of req.resources) {
      const key = `${req.name}/${r.name}/${r.facts.sha256}`
      const existing = store.kind === 'charmhub' ? await store.resourceRevisions(req.name, r.name) : []
      const known = ledger.get(key)
      const confirmed = known !== undefined ? existing.find((x) => x.revision === known && (x.size === undefined || x.size === r.facts.size)) : undefined
      const empty = r.facts.size === 0 ? existing.filter((x) => x.size === 0).sort((a, b) => b.revision - a.revision)[0] : undefined
      const hit = confirmed ?? empty
      if (hit) {
        resourceRevisions[r.name] = hit.revision
        reused.push(r.name)
        rt.info(`resource ${r.name}: revision ${hit.revision} already holds this file (${confirmed ? 'ledger, confirmed by the store' : 'zero-byte'}); not uploading`)
      } else {
        resourceRevisions[r.name] = await store.uploadResource(req.name, r.name, r.facts.path)
        uploaded.push(r.name)
        rt.info(`resource ${r.name}: uploaded ${r.facts.path} as revision ${resourceRevisions[r.name]}`)
      }
      ledger.set(key, resourceRevisions[r.name])
    }
  } finally {
    await ledger.save()
  }

  const current = await store.released(req.name, req.channel)
  for (const k of req.keep) resourceRevisions[k] = await keptRevision(store, req.name, k, current, req.channel)
  if (current && sameRelease(current, revision, resourceRevisions)) {
    rt.info(`${req.channel.name} already holds ${req.name} revision ${revision} with these resource revisions: nothing changed`)
    return { revision, resourceRevisions, uploaded, reused, released: false }
  }
  await store.release(req.name, revision, req.channel, resourceRevisions)
  rt.info(`released ${req.name} revision ${revision} to ${req.channel.name} with ${Object.entries(resourceRevisions).map(([n, v]) => `${n}:${v}`).join(' ')}`)
  return { revision, resourceRevisions, uploaded, reused, released: true }
}

/** The revision a kept resource keeps: the one released in the channel, else the largest in the store. */
async function keptRevision(store: Store, charm: string, resource: string, current: Released | undefined, channel: Channel): Promise<number> {
  const inChannel = current?.resources[resource]
  if (inChannel !== undefined) return inChannel
  const revs = store.kind === 'charmhub' ? await store.resourceRevisions(charm, resource) : []
  const largest = revs.reduce<number | undefined>((m, r) => (m === undefined || r.revision > m ? r.revision : m), undefined)
  if (largest === undefined) throw new UserError(`keep-resources: ${resource} has no revision in ${channel.name} or in the store; give a file for it in resources`)
  return largest
}

export function sameRelease(current: Released, revision: number, resources: Record<string, number>): boolean {
  if (current.revision !== revision) return false
  const a = Object.entries(current.resources).sort()
  const b = Object.entries(resources).sort()
  return a.length === b.length && a.every(([n, v], i) => b[i][0] === n && b[i][1] === v)
}

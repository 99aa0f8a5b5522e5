/**
 * The I/O half of a charm release, around the pure ReleasePlan of shared/charm/plan.ts:
 * - read: every .charm (name, resources, and its bases from manifest.yaml, as `charmcraft pack` writes it:
 *   canonical/charmcraft `charmcraft/models/manifest.py`), every resource file (checked before anything is
 *   uploaded), and what the store says today (a StoreView: channel map, revisions, the ledger);
 * - execute: the only code that writes to the store; walks the plan, records each revision as it comes back;
 * - verify: read-only; reads the channel map back and compares it with what was released.
 *
 * Re-runs. The store keeps no digest of a resource (resource-revisions lists revision and size only), so "this
 * file is already uploaded" is known from a ledger, `charm/<sha3-384>` and `<resource>[@arch]/<sha256>` →
 * revision, kept in the Actions cache (a local directory off a runner) and always checked against the store.
 * An empty file needs no ledger: any zero-byte revision is the same content. When the ledger is gone (evicted
 * cache, another runner) the only cost is one more upload, never a wrong release. An identical charm re-upload
 * is refused by Charmhub: the revision it names is reused; where it names none, the charm's SHA3-384 is looked
 * up in the ledger, and without a match the step stops rather than guess (canonical/charmcraft issue #826).
 * A channel that already holds a revision with exactly these resource revisions is not released again.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { mapLimit } from '../concurrency.js'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { exists } from '../files.js'
import { describeFiles, humanSize } from '../manifest.js'
import type { Runtime } from '../runtime.js'
import { inspectSnap } from '../snap/inspect.js'
import type { Arch } from '../arch.js'
import { loadCharm, type CharmMeta, type CharmResource } from './metadata.js'
import {
  alreadyReleased,
  baseKey,
  charmLedgerKey,
  compareChannelMap,
  ledgerKey,
  mismatchTable,
  resourceArch,
  type Base,
  type CharmFile,
  type ChannelRelease,
  type Mismatch,
  type PlannedResource,
  type Ref,
  type ReleasePlan,
  type ResolvedRelease,
  type ResourceFile,
  type StoreView,
} from './plan.js'
import { StoreError, type Store } from './store.js'

function unzipTool(): string {
  const unzip = which('unzip')
  if (!unzip) throw new UserError('unzip is not installed; install it (apt-get install unzip)')
  return unzip
}

async function sha3File(file: string): Promise<string> {
  const hash = createHash('sha3-384')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** The architectures a packed charm serves, from its manifest.yaml bases ([] when it names none). */
export async function charmArches(file: string): Promise<string[]> {
  const res = await run(unzipTool(), ['-p', file, 'manifest.yaml'], { allowFailure: true })
  if (res.exitCode !== 0) return []
  return [...new Set(manifestBases(res.stdout, file).map((b) => b.architecture))]
}

/** manifest.yaml's `bases: [{name, channel, architectures}]`, one Base per architecture. */
export function manifestBases(text: string, file: string, inputName = 'charm'): Base[] {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    throw new UserError(
      `${inputName}: ${file}: manifest.yaml is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); repack the charm`,
    )
  }
  const bases = (doc as { bases?: unknown } | null)?.bases
  if (bases === undefined || bases === null) return []
  if (!Array.isArray(bases)) throw new UserError(`${inputName}: ${file}: manifest.yaml's bases is not a list; repack the charm`)
  const out: Base[] = []
  for (const b of bases as Array<Record<string, unknown>>) {
    const archs = b?.architectures
    if (
      typeof b?.name !== 'string' ||
      (typeof b.channel !== 'string' && typeof b.channel !== 'number') ||
      !Array.isArray(archs) ||
      archs.length === 0
    ) {
      throw new UserError(
        `${inputName}: ${file}: manifest.yaml has a base without name, channel and architectures (${JSON.stringify(b)}); repack the charm`,
      )
    }
    for (const a of archs) out.push({ name: b.name, channel: String(b.channel), architecture: String(a) })
  }
  return out
}

/** Read name, resources and bases from inside a packed charm (a zip with metadata.yaml / charmcraft.yaml, manifest.yaml). */
export async function readCharmFile(file: string, scratch: string, inputName = 'charm'): Promise<CharmFile> {
  const { meta, manifest } = await readPackedMeta(file, scratch, inputName)
  const [facts] = await describeFiles([path.resolve(file)])
  return {
    path: facts.file,
    size: facts.size,
    sha256: facts.sha256,
    sha3_384: await sha3File(file),
    name: meta.name,
    bases: manifest === undefined ? [] : manifestBases(manifest, file, inputName),
    resources: meta.resources,
  }
}

/** The metadata inside a packed charm (metadata.yaml / charmcraft.yaml, unzipped into scratch) and its manifest.yaml. */
export async function readPackedMeta(file: string, scratch: string, inputName = 'charm'): Promise<{ meta: CharmMeta; manifest?: string }> {
  if (!(await exists(file)))
    throw new UserError(`${inputName}: '${file}' does not exist; give .charm files (from charm-build) or a charm name`)
  const unzip = unzipTool()
  const dir = path.join(scratch, `charm-meta-${path.basename(file)}`)
  await mkdir(dir, { recursive: true })
  let found = 0
  let manifest: string | undefined
  for (const member of ['metadata.yaml', 'charmcraft.yaml', 'config.yaml', 'manifest.yaml']) {
    const res = await run(unzip, ['-p', file, member], { allowFailure: true })
    if (res.exitCode === 9)
      throw new UserError(`${inputName}: '${file}' is not a zip archive, so not a packed charm; build it with charm-build`)
    if (res.exitCode !== 0) continue
    if (member === 'manifest.yaml') {
      manifest = res.stdout
      continue
    }
    await writeFile(path.join(dir, member), res.stdout)
    if (member !== 'config.yaml') found++
  }
  if (found === 0) throw new UserError(`${inputName}: '${file}' has no metadata.yaml or charmcraft.yaml inside; is it a charm?`)
  return { meta: await loadCharm(dir, inputName), ...(manifest === undefined ? {} : { manifest }) }
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
 * the architecture the resource is for (zero-byte snaps are placeholders, docs/upstream.md#zero-byte-snap-placeholder). Returns each file with
 * its size and sha256.
 */
export async function checkResourceFiles(given: ResourceFile[], declared: CharmResource[], arches: Arch[]): Promise<PlannedResource[]> {
  for (const r of given) {
    if (!(await exists(r.path)))
      throw new UserError(`resources: ${r.name}=${r.path}: the file does not exist; build it first or fix the path`)
  }
  const facts = await describeFiles(given.map((r) => path.resolve(r.path)))
  const out: PlannedResource[] = []
  for (const [i, r] of given.entries()) {
    const snap = isSnapResource(r, declared)
    const arch = resourceArch(r, arches)
    if (snap && facts[i].size > 0) {
      const info = await inspectSnap(r.path, `resources: ${r.name}`)
      if (arch && !info.architectures.includes(arch.debian) && !info.architectures.includes('all')) {
        throw new UserError(
          `resources: ${r.name}=${r.path} is a snap for ${info.architectures.join(', ')}, but resource '${r.name}' is for ${arch.debian}; attach the ${arch.debian} build`,
        )
      }
    }
    out.push({ ...r, ...(arch ? { arch } : {}), snap, facts: { path: facts[i].file, size: facts[i].size, sha256: facts[i].sha256 } })
  }
  return out
}

/** The file table a dry run and a real run both show. */
export function filesTable(resources: PlannedResource[], charms: CharmFile[] = []): string {
  const rows = [
    ...charms.map(
      (c) => `| (charm) | ${c.bases.map(baseKey).join(', ')} | \`${c.path}\` | ${humanSize(c.size)} (${c.size}) | \`${c.sha256}\` |`,
    ),
    ...resources.map(
      (r) =>
        `| ${r.name} | ${r.arch?.debian ?? ''} | \`${r.facts.path}\` | ${humanSize(r.facts.size)} (${r.facts.size}) | \`${r.facts.sha256}\` |`,
    ),
  ]
  return ['| resource | arch | file | size (bytes) | sha256 |', '|---|---|---|---|---|', ...rows].join('\n')
}

/**
 * Which store and account a ledger describes: the store's API address (CHARMCRAFT_STORE_API_URL, else Charmhub's)
 * and the account, known here only through its credential, so a digest of both (never the credential itself).
 * A new credential starts a new ledger: one more upload, never another store's revisions.
 */
export function ledgerScope(kind: string, credentials: string, env = process.env): string {
  const api = kind === 'charmhub' ? env.CHARMCRAFT_STORE_API_URL || 'https://api.charmhub.io' : kind
  return `${kind}-${createHash('sha256').update(`${api}\n${credentials}`).digest('hex').slice(0, 16)}`
}

/** `charm/<sha3-384>` and `<resource>[@arch]/<sha256>` → revision, for one store, account and charm (ledgerScope). */
export class Ledger {
  private entries: Record<string, number> = {}
  private changed = false
  private readonly dir: string
  private readonly prefix: string

  constructor(
    private readonly rt: Runtime,
    store: string,
    charm: string,
  ) {
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

  all(): Record<string, number> {
    return { ...this.entries }
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

/**
 * Read what the store says today (read-only; up to four reads side by side): channel map, charm revisions,
 * each resource's revisions, the ledger.
 */
export async function readStoreView(
  store: Store,
  name: string,
  resources: string[],
  ledger?: Ledger,
  needRevisions = true,
): Promise<StoreView> {
  const view: StoreView = { resourceRevisions: {}, ledger: ledger?.all() ?? {} }
  const reads: Array<() => Promise<void>> = [
    async () => {
      const status = await store.status(name)
      if (status) view.channelMap = status.releases
      if (status?.tracks) view.tracks = status.tracks
    },
    async () => {
      const revs = needRevisions ? await store.charmRevisions(name) : undefined
      if (revs) view.charmRevisions = revs
    },
    ...(store.kind === 'charmhub'
      ? resources.map((r) => async () => void (view.resourceRevisions[r] = await store.resourceRevisions(name, r)))
      : []),
  ]
  await mapLimit(reads, 4, (read) => read())
  return view
}

export interface ExecuteResult {
  releases: ResolvedRelease[]
  /** What this run uploaded / reused (file or resource labels), for the summary. */
  uploaded: string[]
  reused: string[]
  /** How many release commands ran (0: the channel already held everything). */
  released: number
  /** The channel's track, when this run made it (`create-track`). */
  trackCreated?: string
}

const label = (r: PlannedResource) => (r.perArch ? `${r.name}[${r.arch!.debian}]` : r.name)

/**
 * Walk the plan: upload each charm file and resource file the plan names (each once), then release every
 * revision with the resource revisions of this run. The only code that writes to the store.
 */
export async function executePlan(
  rt: Runtime,
  store: Store,
  plan: ReleasePlan,
  ledger: Ledger,
  beforeRelease?: (releases: ResolvedRelease[]) => Promise<void>,
): Promise<ExecuteResult> {
  const charmRevs = new Map<number, number>()
  const resRevs = new Map<number, number>()
  const uploaded: string[] = []
  const reused: string[] = []
  const resolve = (ref: Ref, map: Map<number, number>): number => {
    if ('revision' in ref) return ref.revision
    if ('upload' in ref) return map.get(ref.upload)!
    throw new Error(`unresolved plan reference: ${ref.pending}`)
  }
  // The track first: a track no guardrail allows stops the run before anything is uploaded.
  const trackCreated = plan.createTrack && (await ensureTrack(rt, store, plan.charm, plan.createTrack)) ? plan.createTrack.track : undefined
  try {
    for (const rel of plan.releases) {
      const ref = rel.charm
      if ('revision' in ref && plan.mode === 'upload' && !reused.includes(`charm ${ref.revision}`)) {
        reused.push(`charm ${ref.revision}`)
        rt.info(`charm ${plan.charm} (${rel.bases.map(baseKey).join(', ')}): ${ref.why}: revision ${ref.revision}; not uploading`)
      }
      if (!('upload' in ref) || charmRevs.has(ref.upload)) continue
      const f = plan.files[ref.upload]
      const file =
        store.kind === 'charmstore' ? await unpackCharm(f.path, path.join(rt.tempRoot(), `charm-unpacked-${plan.charm}`)) : f.path
      const up = await store.uploadCharm(file, plan.charm)
      let revision: number
      if ('revision' in up) {
        revision = up.revision
        uploaded.push(path.basename(f.path))
        rt.info(`charm ${path.basename(f.path)} (${f.bases.map(baseKey).join(', ') || 'no base'}): uploaded as revision ${revision}`)
      } else {
        revision = duplicateRevision(up.duplicate, f, ledger.get(charmLedgerKey(f)), plan.charm)
        reused.push(path.basename(f.path))
        rt.info(
          `charm ${path.basename(f.path)}: the store already has this charm as revision ${revision} (duplicate upload${up.duplicate.revision === undefined ? ', matched by its SHA3-384 in the ledger' : ''}); reusing it`,
        )
      }
      charmRevs.set(ref.upload, revision)
      ledger.set(charmLedgerKey(f), revision)
    }
    for (const rel of plan.releases) {
      for (const [name, ref] of Object.entries(rel.resources)) {
        if ('revision' in ref) {
          if (!reused.includes(`${name}:${ref.revision}`) && !plan.keep.includes(name) && plan.mode !== 'promotion') {
            reused.push(`${name}:${ref.revision}`)
            rt.info(`resource ${name}: revision ${ref.revision}: ${ref.why}; not uploading`)
          }
          continue
        }
        if (!('upload' in ref) || resRevs.has(ref.upload)) continue
        const r = plan.resources[ref.upload]
        const revision = await store.uploadResource(plan.charm, r.name, r.facts.path, r.perArch ? r.arch!.debian : undefined)
        resRevs.set(ref.upload, revision)
        uploaded.push(label(r))
        ledger.set(ledgerKey(r), revision)
        rt.info(`resource ${label(r)}: uploaded ${r.facts.path} as revision ${revision}`)
      }
    }
  } finally {
    await ledger.save()
  }

  const releases: ResolvedRelease[] = plan.releases.map((rel) => ({
    bases: rel.bases,
    revision: resolve(rel.charm, charmRevs),
    resources: Object.fromEntries(Object.entries(rel.resources).map(([n, ref]) => [n, resolve(ref, resRevs)])),
  }))
  await beforeRelease?.(releases) // the channel guard (shared/charm/channel-guard.ts), after the uploads
  let released = 0
  for (const rel of releases) {
    const res = Object.entries(rel.resources)
      .map(([n, v]) => `${n}:${v}`)
      .join(' ')
    if (alreadyReleased(plan.view.channelMap, plan.channel, rel)) {
      rt.info(
        `${plan.channel.name} already holds ${plan.charm} revision ${rel.revision} (${rel.bases.map(baseKey).join(', ')}) with ${res || 'no resources'}: nothing changed`,
      )
      continue
    }
    await store.release(plan.charm, rel.revision, plan.channel, rel.resources)
    released++
    rt.info(
      `released ${plan.charm} revision ${rel.revision}${rel.bases.length ? ` (${rel.bases.map(baseKey).join(', ')})` : ''} to ${plan.channel.name} with ${res || 'no resources'}`,
    )
  }
  return { releases, uploaded, reused, released, ...(trackCreated ? { trackCreated } : {}) }
}

/** Where Charmhub's track guardrails are requested (charmcraft store.py CreateTrack's own help). */
export const GUARDRAIL_REQUEST = 'request a track guardrail in the "charmhub requests" category of https://discourse.charmhub.io'

/**
 * Create the channel's track (charmed-kubernetes/jenkins cilib/ch.py ensure_track does the same before each
 * release). A track that exists already is fine: before the first release the store does not list its tracks,
 * so the plan cannot tell. Anything else the store refuses is a track no guardrail allows: one line.
 */
export async function ensureTrack(rt: Runtime, store: Store, charm: string, t: { track: string; known: boolean }): Promise<boolean> {
  try {
    await store.createTrack(charm, t.track)
    rt.info(`track ${t.track} of ${charm}: created`)
    return true
  } catch (e) {
    if (!(e instanceof StoreError)) throw e
    if (/already exist|\b409\b/i.test(e.storeMessage)) {
      rt.info(`track ${t.track} of ${charm}: exists already`)
      return false
    }
    if (/credentials|authenticat|\b401\b/i.test(e.storeMessage)) throw e
    throw new UserError(
      `channel: charm ${charm} has no track ${t.track} and Charmhub refused to create it (${e.storeMessage.split('\n').join(' ')}); a new track must match one of the charm's track guardrails: ${GUARDRAIL_REQUEST} for ${charm} (e.g. a pattern covering ${t.track}), then run again`,
    )
  }
}

/**
 * The revision of a refused identical re-upload: the one the store names, else (no revision in the message) the
 * ledger's record of this file's SHA3-384, when the message's digest (if any) is this file's. Never a guess.
 */
export function duplicateRevision(
  dup: { revision?: number; digest?: string },
  f: CharmFile,
  ledgerRevision: number | undefined,
  charm: string,
): number {
  if (dup.revision !== undefined) return dup.revision
  if (dup.digest && dup.digest !== f.sha3_384) {
    throw new UserError(
      `charm: the store refused ${f.path} as a duplicate of SHA3-384 ${dup.digest}, but this file's SHA3-384 is ${f.sha3_384}; check which file was uploaded`,
    )
  }
  if (ledgerRevision !== undefined) return ledgerRevision
  throw new UserError(
    `charm: the store already holds ${path.basename(f.path)} (SHA3-384 ${f.sha3_384}) but did not say which revision, and no earlier run recorded it; ` +
      `find it with \`charmcraft revisions ${charm}\` and release it with charm: ${charm} and revision: <N>`,
  )
}

export interface VerifyResult {
  mismatches: Mismatch[]
  /** The channel map as read back (the `revisions` output takes the bases from it where the plan knew none). */
  found: ChannelRelease[]
}

/** Read the channel map back and compare it with what was released (read-only). */
export async function verifyReleases(store: Store, plan: ReleasePlan, releases: ResolvedRelease[]): Promise<VerifyResult | undefined> {
  const found = await store.channelMap(plan.charm)
  if (!found) return undefined
  return { mismatches: compareChannelMap(releases, found, plan.channel), found }
}

/** The one error line and the summary table of a failed verification. */
export function verifyFailure(plan: ReleasePlan, ms: Mismatch[]): { line: string; table: string } {
  const line =
    `verify: ${plan.channel.name} does not hold what was released for ${plan.charm}: ` +
    ms.map((m) => `${m.base} ${m.what} expected ${m.expected}, found ${m.found}`).join('; ') +
    '; the store recorded something else (see the table in the summary); check `charmcraft status ' +
    plan.charm +
    '` and release again'
  return { line, table: mismatchTable(ms) }
}

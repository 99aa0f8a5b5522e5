/**
 * The pure half of a charm release (plan → execute → verify): channel validation, the `resources` input
 * (with `{arch}` expansion), which architecture a resource file must be, completeness against what the charm
 * declares, and the ReleasePlan itself: built from the inputs and what the store says today (a StoreView),
 * it names every upload, every release (one per charm revision, i.e. per base/arch) and the channel map
 * expected afterwards. No I/O here; shared/charm/release.ts reads the files and the store, executes the
 * plan (the only code that writes to the store) and verifies it.
 */
import path from 'node:path'
import { ARCHES, type Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { expandTemplate, splitLines } from '../inputs.js'
import type { CharmResource } from './metadata.js'

export const RISKS = ['edge', 'beta', 'candidate', 'stable'] as const
export type Risk = (typeof RISKS)[number]

export interface Channel {
  track: string
  risk: Risk
  branch?: string
  /** Canonical `track/risk[/branch]`. */
  name: string
}

const CHANNEL_PART_RE = /^[a-z0-9][a-z0-9._-]*$/i

/**
 * Parse `track/risk[/branch]` (or a bare risk, meaning track `latest`, as charmcraft reads it).
 * With legacy (charm store) channels only a bare risk is valid: that store had no tracks.
 */
export function parseChannel(value: string, inputName = 'channel', legacy = false): Channel {
  const text = value.trim()
  const parts = text.split('/')
  const fix = legacy
    ? `use one of ${RISKS.join(', ')} (the charm store has no tracks)`
    : `use track/risk[/branch], e.g. 1.31/edge or latest/stable, with risk one of ${RISKS.join(', ')}`
  if (text === '' || parts.length > 3 || parts.some((p) => !CHANNEL_PART_RE.test(p)))
    throw new UserError(`${inputName}: '${text}' is not a valid channel; ${fix}`)
  const [track, risk, branch] = parts.length === 1 ? ['latest', parts[0], undefined] : [parts[0], parts[1], parts[2]]
  if (!(RISKS as readonly string[]).includes(risk)) throw new UserError(`${inputName}: '${text}' has risk '${risk}'; ${fix}`)
  if (legacy && parts.length > 1) throw new UserError(`${inputName}: '${text}' is not a valid charm store channel; ${fix}`)
  const name = legacy ? risk : [track, risk, branch].filter(Boolean).join('/')
  return { track, risk: risk as Risk, ...(branch ? { branch } : {}), name }
}

/** One `name=path` of the resources input, after `{arch}` expansion. */
export interface ResourceFile {
  name: string
  path: string
  /** The architecture the file must be built for, when it can be told (see resourceArch). */
  arch?: Arch
  /**
   * A per-arch resource (`{arch}` in the path only): one upload per arch with `--arch`, and each base/arch
   * revision of the charm is released with its own arch's revision.
   */
  perArch?: boolean
}

/**
 * Parse the resources input: `name=path` lines. A line with `{arch}` in the name is repeated for every arch
 * of `arches` with `{arch}` replaced by the Debian name (the spelling of charm resource names: `cni-s390x`);
 * a line with `{arch}` only in the path (`kubectl=snaps/{arch}/kubectl.snap`) is one per-arch resource, a
 * file for every arch. The `resources` output of zero-byte-snaps can be pasted in as is.
 */
export function parseResourceLines(value: string, arches: Arch[], inputName = 'resources'): ResourceFile[] {
  const out: ResourceFile[] = []
  const lineOf = new Map<string, string>()
  for (const line of splitLines(value)) {
    const i = line.indexOf('=')
    if (i <= 0 || i === line.length - 1) throw new UserError(`${inputName}: '${line}' is not a name=path line`)
    const [nameT, pathT] = [line.slice(0, i).trim(), line.slice(i + 1).trim()]
    const expanded: ResourceFile[] = []
    if (line.includes('{arch}')) {
      if (arches.length === 0) throw new UserError(`${inputName}: '${line}' uses {arch}; set the arches input (e.g. amd64 arm64 s390x)`)
      const perArch = !nameT.includes('{arch}')
      for (const a of arches) {
        expanded.push({
          name: expandTemplate(nameT, { arch: a.debian }, inputName),
          path: expandTemplate(pathT, { arch: a.debian }, inputName),
          arch: a,
          ...(perArch ? { perArch } : {}),
        })
      }
    } else {
      expanded.push({ name: expandTemplate(nameT, {}, inputName), path: expandTemplate(pathT, {}, inputName) })
    }
    for (const r of expanded) {
      if (lineOf.has(r.name) && lineOf.get(r.name) !== line)
        throw new UserError(`${inputName}: resource '${r.name}' is given twice; keep one line for it`)
      lineOf.set(r.name, line)
    }
    out.push(...expanded)
  }
  return out
}

/**
 * The architecture a resource file must be: the `{arch}` it was expanded with, else the Debian name the
 * resource name ends with (`cni-s390x`, docs/upstream.md#cni-resource), else the single arch of `arches` (a hint for a matrix job
 * that attaches one arch's snaps), else unknown (any architecture is accepted).
 */
export function resourceArch(r: ResourceFile, arches: Arch[]): Arch | undefined {
  if (r.arch) return r.arch
  const bySuffix = ARCHES.find((a) => r.name.endsWith(`-${a.debian}`))
  if (bySuffix) return bySuffix
  return arches.length === 1 ? arches[0] : undefined
}

/**
 * Check the given resources against the charm's declared ones: each given one is declared and a file
 * resource, and each declared one is either given or kept. Returns the names kept.
 */
export function checkResourceCoverage(charm: string, declared: CharmResource[], given: ResourceFile[], keep: string[]): void {
  const names = new Set(declared.map((d) => d.name))
  const list = declared.map((d) => d.name).join(', ') || '(none)'
  for (const r of given) {
    const d = declared.find((x) => x.name === r.name)
    if (!d) throw new UserError(`resources: charm ${charm} declares no resource '${r.name}'; its resources are ${list}`)
    if (d.type !== 'file')
      throw new UserError(
        `resources: '${r.name}' is an ${d.type} resource; only file resources can be uploaded here, name it in keep-resources`,
      )
  }
  for (const k of keep) {
    if (!names.has(k)) throw new UserError(`keep-resources: charm ${charm} declares no resource '${k}'; its resources are ${list}`)
    if (given.some((g) => g.name === k)) throw new UserError(`keep-resources: '${k}' is also given in resources; drop it from one of them`)
  }
  const missing = declared.filter((d) => !given.some((g) => g.name === d.name) && !keep.includes(d.name)).map((d) => d.name)
  if (missing.length > 0) {
    throw new UserError(
      `resources: charm ${charm} declares ${missing.join(', ')} but no file is given for ${missing.length === 1 ? 'it' : 'them'}; add name=path lines, or name ${missing.length === 1 ? 'it' : 'them'} in keep-resources to keep the released revision`,
    )
  }
}

/** A file as the plan shows it. */
export interface FileFacts {
  path: string
  size: number
  sha256: string
}

export interface PlannedResource extends ResourceFile {
  facts: FileFacts
  snap: boolean
}

/** A charm's base as the store names it: one architecture each (`status` mappings). */
export interface Base {
  name: string
  channel: string
  architecture: string
}

/** One open release in the channel map: what `channel` serves for `base`. */
export interface ChannelRelease {
  channel: string
  base: Base | null
  revision: number
  resources: Record<string, number>
}

/** `"<base-channel>/<arch>"` (e.g. `22.04/amd64`), the key of the `revisions` output; `all` for a charm with no base. */
export function baseKey(b: Base | null): string {
  return b ? `${b.channel}/${b.architecture}` : 'all'
}

/** A packed .charm as read from disk. */
export interface CharmFile extends FileFacts {
  /** SHA3-384 of the file: the digest Charmhub quotes when it refuses an identical re-upload. */
  sha3_384: string
  name: string
  /** One per architecture of manifest.yaml's `bases`; empty when the charm names none (a charm-tools build). */
  bases: Base[]
  resources: CharmResource[]
}

/** A revision of a resource as the store lists it (`resource-revisions`). */
export interface StoreResourceRevision {
  revision: number
  size?: number
  arches?: string[]
}

/**
 * What the store says before anything is written. `channelMap` etc. are undefined when nothing could be read
 * (a dry run without credentials, the legacy store's missing channel map).
 */
export interface StoreView {
  channelMap?: ChannelRelease[]
  charmRevisions?: number[]
  resourceRevisions: Record<string, StoreResourceRevision[] | undefined>
  /** `charm/<sha3-384>` and `<resource>[@arch]/<sha256>` → revision, from the ledger of earlier runs. */
  ledger: Record<string, number>
  /** The tracks the store lists (`status`); undefined when it lists none (nothing released yet) or was not read. */
  tracks?: string[]
}

/** Where a revision comes from: an upload of this run (index into files / resources), a known revision, or not yet known (dry run). */
export type Ref = { upload: number } | { revision: number; why: string } | { pending: string }

export interface PlannedRelease {
  /** The bases this charm revision serves (empty: not known before the release; the verifier reads them back). */
  bases: Array<Base | null>
  charm: Ref
  resources: Record<string, Ref>
}

export interface ReleasePlan {
  charm: string
  /** upload: .charm files; revision: an existing revision by number; promotion: what from-channel holds. */
  mode: 'upload' | 'revision' | 'promotion'
  channel: Channel
  from?: Channel
  files: CharmFile[]
  resources: PlannedResource[]
  keep: string[]
  releases: PlannedRelease[]
  /** Promotion with allow-missing-bases: the bases from-channel holds nothing for. */
  skipped: string[]
  /** What the store said when the plan was made (the executor compares the channel map with it). */
  view: StoreView
  /**
   * The channel's track, to create before anything is uploaded: `known` when the store listed its tracks and this
   * one is missing; otherwise (nothing released yet, or a dry run) it may exist already, which is fine.
   */
  createTrack?: { track: string; known: boolean }
}

export function ledgerKey(r: { name: string; perArch?: boolean; arch?: Arch; facts: FileFacts }): string {
  return `${r.name}${r.perArch ? `@${r.arch!.debian}` : ''}/${r.facts.sha256}`
}

export const charmLedgerKey = (f: CharmFile) => `charm/${f.sha3_384}`

const largest = <T extends { revision: number }>(xs: T[]): T | undefined =>
  xs.reduce<T | undefined>((m, x) => (m === undefined || x.revision > m.revision ? x : m), undefined)

/** Can this resource revision be released with charm revisions for `arches`? */
function fits(rev: StoreResourceRevision, arches: string[]): boolean {
  return !rev.arches || rev.arches.includes('all') || arches.every((a) => rev.arches!.includes(a))
}

/**
 * An upload this run can skip: the ledger's revision for this very file, confirmed by the store (same size,
 * fit for the arches), or for an empty file the largest zero-byte revision (any empty file is the same
 * content). Never "the newest row": the store's rows are unsorted.
 */
export function reusableResource(
  r: PlannedResource,
  revs: StoreResourceRevision[] | undefined,
  ledger: Record<string, number>,
  arches: string[],
): { revision: number; why: string } | undefined {
  if (!revs) return undefined
  const need = r.perArch ? [r.arch!.debian] : arches
  const known = ledger[ledgerKey(r)]
  const confirmed =
    known === undefined
      ? undefined
      : revs.find((x) => x.revision === known && (x.size === undefined || x.size === r.facts.size) && fits(x, need))
  if (confirmed) return { revision: confirmed.revision, why: 'already uploaded (ledger, confirmed by the store)' }
  if (r.facts.size !== 0) return undefined
  const empty = largest(revs.filter((x) => x.size === 0 && fits(x, need)))
  return empty ? { revision: empty.revision, why: 'zero-byte revision already in the store' } : undefined
}

function sameBase(a: Base | null, b: Base | null): boolean {
  return baseKey(a) === baseKey(b) && (a?.name ?? '') === (b?.name ?? '')
}

/**
 * The .charm files of one step: one charm name, one file per base/arch, a base-less file only alone, and one
 * file for the legacy store.
 */
export function checkCharmFiles(files: CharmFile[], store: 'charmhub' | 'charmstore'): void {
  const other = files.find((f) => f.name !== files[0].name)
  if (other)
    throw new UserError(
      `charm: ${other.path} is charm '${other.name}' but ${files[0].path} is '${files[0].name}'; give the .charm files of one charm per step`,
    )
  const byKey = new Map<string, string>()
  for (const f of files) {
    for (const k of f.bases.length ? f.bases.map(baseKey) : ['all']) {
      if (byKey.has(k)) throw new UserError(`charm: ${byKey.get(k)} and ${f.path} are both for base ${k}; give one .charm per base/arch`)
      byKey.set(k, f.path)
    }
  }
  if (files.length > 1 && byKey.has('all'))
    throw new UserError(
      `charm: ${byKey.get('all')} names no base in manifest.yaml, so it cannot be told from the other .charm files; pack with charmcraft (one .charm per base) or give one file`,
    )
  if (store === 'charmstore' && files.length > 1)
    throw new UserError(
      'charm: the legacy charm store takes one charm per release; give one .charm file, or use store: charmhub for a multi-base charm',
    )
}

export interface PlanInput {
  charm: string
  channel: Channel
  store: 'charmhub' | 'charmstore'
  /** The .charm files to upload (mode upload). */
  files?: CharmFile[]
  /** An existing revision (mode revision). */
  revision?: number
  /** Promote what this channel holds (mode promotion). */
  from?: Channel
  allowMissingBases?: boolean
  resources: PlannedResource[]
  keep: string[]
}

/**
 * Build the ReleasePlan: pure, from the inputs and the store's view. Every check happens here, before anything
 * is touched: one charm name, one file per base, per-arch resources cover every base's arch, kept resources
 * resolvable, a promotion's missing bases named.
 */
export function buildPlan(input: PlanInput, view: StoreView): ReleasePlan {
  const plan = planReleases(input, view)
  const track = input.channel.track
  // Every charm has `latest`; the legacy store has no tracks. Any other track must exist before a release to it.
  // Whether it does is read from the store, never from a ledger (which may describe another store): a track in
  // the store's list, or one that holds a release. Before the first release the store lists no tracks, so the
  // plan asks for the track and `create-track`'s "already exists" counts as yes (ensureTrack).
  const exists = view.tracks?.includes(track) || view.channelMap?.some((r) => r.channel.split('/')[0] === track)
  if (input.store === 'charmhub' && track !== 'latest' && !exists) plan.createTrack = { track, known: view.tracks !== undefined }
  return plan
}

function planReleases(input: PlanInput, view: StoreView): ReleasePlan {
  const { charm, channel } = input
  const plan: ReleasePlan = {
    charm,
    mode: 'upload',
    channel,
    files: [],
    resources: input.resources,
    keep: input.keep,
    releases: [],
    skipped: [],
    view,
  }
  if (input.from) return planPromotion(plan, input, view)

  let revisions: Array<{ charm: Ref; bases: Array<Base | null> }>
  if (input.files && input.files.length > 0) {
    const files = input.files
    checkCharmFiles(files, input.store)
    plan.files = files
    revisions = files.map((f, i) => {
      const known = view.ledger[charmLedgerKey(f)]
      const charmRef: Ref =
        known !== undefined && view.charmRevisions?.includes(known)
          ? { revision: known, why: 'already uploaded (ledger, confirmed by the store)' }
          : { upload: i }
      return { charm: charmRef, bases: f.bases.length ? f.bases : [null] }
    })
  } else {
    if (input.revision === undefined)
      throw new UserError(
        'revision: required when charm is a name (which revision to release?); or give .charm files to upload, or from-channel to promote',
      )
    plan.mode = 'revision'
    if (view.charmRevisions && !view.charmRevisions.includes(input.revision))
      throw new UserError(`revision: charm ${charm} has no revision ${input.revision} in the store; upload it or pick an existing revision`)
    // The store does not list a revision's bases; the channel map shows them where the revision is released.
    const seen = (view.channelMap ?? []).filter((r) => r.revision === input.revision).map((r) => r.base)
    const bases = seen.filter((b, i) => seen.findIndex((x) => sameBase(x, b)) === i)
    revisions = [{ charm: { revision: input.revision, why: 'given' }, bases }]
  }

  const arches = [...new Set(revisions.flatMap((r) => r.bases.map((b) => b?.architecture)).filter((a): a is string => Boolean(a)))]
  for (const rev of revisions) {
    const resources: Record<string, Ref> = {}
    for (const name of [...new Set(input.resources.map((r) => r.name))]) {
      const entries = input.resources.filter((r) => r.name === name)
      let pick: PlannedResource | undefined
      if (entries[0].perArch) {
        // Count architectures, not bases: one arch on several Ubuntu releases takes that arch's file.
        const revArches = [...new Set(rev.bases.map((b) => b?.architecture))]
        if (rev.bases.length === 0 || revArches.length !== 1 || !revArches[0]) {
          const what =
            rev.bases.length === 0
              ? `${describeRef(rev.charm, plan)} has no known base`
              : revArches.some((a) => !a)
                ? `${describeRef(rev.charm, plan)} names no base (one revision for every architecture)`
                : `${describeRef(rev.charm, plan)} serves ${revArches.join(', ')} in one revision`
          throw new UserError(
            `resources: ${name} of charm ${charm} is per-arch ({arch} only in its path), but ${what}; a multi-arch charm takes one resource per arch by name (${name}-{arch}=${entries[0].path.replace(entries[0].arch?.debian ?? '{arch}', '{arch}')}, declared so in its metadata, as flannel does), or pack one .charm per arch`,
          )
        }
        pick = entries.find((r) => r.arch?.debian === revArches[0])
        if (!pick)
          throw new UserError(
            `resources: ${name} has no file for ${revArches[0]} (${describeRef(rev.charm, plan)} is for ${revArches[0]}); add ${revArches[0]} to arches`,
          )
      } else {
        pick = entries[0]
      }
      const j = input.resources.indexOf(pick)
      resources[name] = reusableResource(pick, view.resourceRevisions[name], view.ledger, arches) ?? { upload: j }
    }
    for (const k of input.keep) resources[k] = keptRevision(k, rev.bases, channel, view, arches)
    plan.releases.push({ bases: rev.bases, charm: rev.charm, resources })
  }
  return plan
}

function describeRef(ref: Ref, plan: ReleasePlan): string {
  if ('upload' in ref) return plan.files[ref.upload].path
  if ('revision' in ref) return `revision ${ref.revision}`
  return ref.pending
}

/** A kept resource keeps what the channel holds for this base, else the largest revision in the store that fits. */
function keptRevision(resource: string, bases: Array<Base | null>, channel: Channel, view: StoreView, arches: string[]): Ref {
  if (!view.channelMap) return { pending: `revision released in ${channel.name}` }
  const inChannel = view.channelMap.find(
    (r) => r.channel === channel.name && bases.some((b) => sameBase(b, r.base)) && resource in r.resources,
  )
  if (inChannel) return { revision: inChannel.resources[resource], why: `kept from ${channel.name}` }
  const revs = view.resourceRevisions[resource]
  if (!revs) return { pending: `largest revision of ${resource} in the store` }
  const need = bases.map((b) => b?.architecture).filter((a): a is string => Boolean(a))
  const best = largest(revs.filter((x) => fits(x, need.length ? need : arches)))
  if (!best)
    throw new UserError(
      `keep-resources: ${resource} has no revision in ${channel.name} or in the store${need.length ? ` for ${need.join(', ')}` : ''}; give a file for it in resources`,
    )
  return { revision: best.revision, why: 'kept: the largest revision in the store' }
}

/** Promotion: for every base from-channel holds, its exact revision and resource revisions, to channel. */
function planPromotion(plan: ReleasePlan, input: PlanInput, view: StoreView): ReleasePlan {
  const from = input.from!
  plan.mode = 'promotion'
  plan.from = from
  if (input.store === 'charmstore')
    throw new UserError(
      'from-channel: promotion needs a readable channel map, which the legacy charm store does not offer; use store: charmhub',
    )
  if (input.files?.length || input.revision !== undefined)
    throw new UserError(
      'from-channel: a promotion releases what from-channel holds; give the charm by name, without .charm files or revision',
    )
  if (input.resources.length || input.keep.length)
    throw new UserError(
      'from-channel: a promotion keeps the resource revisions from-channel holds; leave resources and keep-resources empty',
    )
  if (from.name === input.channel.name)
    throw new UserError(`from-channel: '${from.name}' is the channel itself; promote to another channel (e.g. ${from.track}/beta)`)
  if (!view.channelMap) {
    plan.releases.push({ bases: [], charm: { pending: `each base's revision in ${from.name}` }, resources: {} })
    return plan
  }
  const source = view.channelMap.filter((r) => r.channel === from.name)
  const tracks = new Set([from.track, input.channel.track])
  const universe = view.channelMap.filter((r) => tracks.has(r.channel.split('/')[0]))
  const missing: Array<{ key: string; where: string[] }> = []
  for (const r of universe) {
    if (source.some((s) => sameBase(s.base, r.base)) || missing.some((m) => m.key === baseKey(r.base))) continue
    missing.push({ key: baseKey(r.base), where: [...new Set(universe.filter((u) => sameBase(u.base, r.base)).map((u) => u.channel))] })
  }
  if (source.length === 0)
    throw new UserError(
      `from-channel: ${from.name} holds no release of ${input.charm}${universe.length ? ` (it is released in ${[...new Set(universe.map((u) => u.channel))].join(', ')})` : ''}; release to ${from.name} first, or promote from another channel`,
    )
  if (missing.length && !input.allowMissingBases) {
    throw new UserError(
      `from-channel: ${from.name} holds nothing for base ${missing.map((m) => `${m.key} (released in ${m.where.join(', ')})`).join(', ')}; release ${missing.length === 1 ? 'it' : 'them'} to ${from.name} first, or set allow-missing-bases: true to promote the other bases`,
    )
  }
  plan.skipped = missing.map((m) => m.key)
  for (const r of source) {
    const same = plan.releases.find(
      (p) => 'revision' in p.charm && p.charm.revision === r.revision && sameResources(p.resources, r.resources),
    )
    if (same) {
      same.bases.push(r.base)
      continue
    }
    const resources: Record<string, Ref> = {}
    for (const [n, v] of Object.entries(r.resources)) resources[n] = { revision: v, why: `as in ${from.name}` }
    plan.releases.push({ bases: [r.base], charm: { revision: r.revision, why: `in ${from.name}` }, resources })
  }
  return plan
}

function sameResources(refs: Record<string, Ref>, revs: Record<string, number>): boolean {
  const a = Object.entries(refs)
  return a.length === Object.keys(revs).length && a.every(([n, ref]) => 'revision' in ref && revs[n] === ref.revision)
}

/** A revision as resolved after the executor walked the plan. */
export interface ResolvedRelease {
  bases: Array<Base | null>
  revision: number
  resources: Record<string, number>
}

/** Does the channel already hold exactly this for every base? (then the release is skipped) */
export function alreadyReleased(map: ChannelRelease[] | undefined, channel: Channel, rel: ResolvedRelease): boolean {
  if (!map || rel.bases.length === 0) return false
  return rel.bases.every((b) => {
    const cur = map.find((r) => r.channel === channel.name && sameBase(r.base, b))
    return cur !== undefined && sameRelease(cur, rel.revision, rel.resources)
  })
}

export function sameRelease(
  current: { revision: number; resources: Record<string, number> },
  revision: number,
  resources: Record<string, number>,
): boolean {
  if (current.revision !== revision) return false
  const a = Object.entries(current.resources).sort()
  const b = Object.entries(resources).sort()
  return a.length === b.length && a.every(([n, v], i) => b[i][0] === n && b[i][1] === v)
}

/** One difference between what was released and what the store's channel map holds. */
export interface Mismatch {
  base: string
  what: string
  expected: string
  found: string
}

/**
 * Compare the channel map read back after the release with what the plan released (read-only, pure): per base,
 * the charm revision and every resource revision. A release with no known bases is checked wherever the
 * channel now holds its revision.
 */
export function compareChannelMap(expected: ResolvedRelease[], found: ChannelRelease[], channel: Channel): Mismatch[] {
  const out: Mismatch[] = []
  const inChannel = found.filter((r) => r.channel === channel.name)
  for (const rel of expected) {
    const bases = rel.bases.length ? rel.bases : inChannel.filter((r) => r.revision === rel.revision).map((r) => r.base)
    if (bases.length === 0) out.push({ base: '(any)', what: 'charm revision', expected: String(rel.revision), found: 'not in the channel' })
    for (const b of bases) {
      const cur = inChannel.find((r) => sameBase(r.base, b))
      if (!cur) {
        out.push({ base: baseKey(b), what: 'charm revision', expected: String(rel.revision), found: 'nothing released' })
        continue
      }
      if (cur.revision !== rel.revision)
        out.push({ base: baseKey(b), what: 'charm revision', expected: String(rel.revision), found: String(cur.revision) })
      for (const [n, v] of Object.entries(rel.resources)) {
        if (cur.resources[n] !== v)
          out.push({
            base: baseKey(b),
            what: `resource ${n}`,
            expected: String(v),
            found: cur.resources[n] === undefined ? 'not attached' : String(cur.resources[n]),
          })
      }
    }
  }
  return out
}

export function mismatchTable(ms: Mismatch[]): string {
  return [
    '| base | what | expected | found |',
    '|---|---|---|---|',
    ...ms.map((m) => `| ${m.base} | ${m.what} | ${m.expected} | ${m.found} |`),
  ].join('\n')
}

/** The plan as JSON (the `plan` output): every file, upload and release, with `<...>` where a value comes back later. */
export function planJson(plan: ReleasePlan): Record<string, unknown> {
  const ref = (r: Ref) => ('revision' in r ? r.revision : 'upload' in r ? `<upload>` : `<${r.pending}>`)
  return {
    charm: plan.charm,
    mode: plan.mode,
    channel: plan.channel.name,
    ...(plan.from ? { 'from-channel': plan.from.name } : {}),
    files: plan.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256, bases: f.bases.map(baseKey) })),
    uploads: {
      charms: uploadsOf(plan, 'charm').map((i) => plan.files[i].path),
      resources: uploadsOf(plan, 'resource').map((j) => {
        const r = plan.resources[j]
        return {
          name: r.name,
          ...(r.perArch ? { arch: r.arch!.debian } : {}),
          path: r.facts.path,
          size: r.facts.size,
          sha256: r.facts.sha256,
        }
      }),
    },
    releases: plan.releases.map((r) => ({
      bases: r.bases.map(baseKey),
      revision: ref(r.charm),
      resources: Object.fromEntries(Object.entries(r.resources).map(([n, x]) => [n, ref(x)])),
    })),
    ...(plan.skipped.length ? { skipped: plan.skipped } : {}),
    ...(plan.createTrack ? { 'create-track': plan.createTrack.track } : {}),
  }
}

/** Indices of the charm files / resource files this plan uploads, in order, each once. */
export function uploadsOf(plan: ReleasePlan, what: 'charm' | 'resource'): number[] {
  const ids = new Set<number>()
  for (const r of plan.releases) {
    if (what === 'charm' && 'upload' in r.charm) ids.add(r.charm.upload)
    if (what === 'resource') for (const x of Object.values(r.resources)) if ('upload' in x) ids.add(x.upload)
  }
  return [...ids].sort((a, b) => a - b)
}

/** The commands a release runs, with `<...>` where a value comes back from an earlier command. */
export function planCommands(tool: string, plan: ReleasePlan): string[][] {
  const cmds: string[][] = []
  if (plan.createTrack) cmds.push([tool, ...createTrackArgs(plan.charm, plan.createTrack.track)])
  for (const i of uploadsOf(plan, 'charm')) cmds.push([tool, 'upload', '--format', 'json', plan.files[i].path])
  for (const j of uploadsOf(plan, 'resource')) {
    const r = plan.resources[j]
    cmds.push([
      tool,
      'upload-resource',
      '--format',
      'json',
      plan.charm,
      r.name,
      '--filepath',
      r.facts.path,
      ...(r.perArch ? ['--arch', r.arch!.debian] : []),
    ])
  }
  for (const rel of plan.releases) {
    const rev =
      'revision' in rel.charm
        ? String(rel.charm.revision)
        : 'upload' in rel.charm
          ? `<revision from upload ${path.basename(plan.files[rel.charm.upload].path)}>`
          : `<${rel.charm.pending}>`
    const res: Record<string, string> = {}
    for (const [n, x] of Object.entries(rel.resources)) {
      res[n] =
        'revision' in x
          ? String(x.revision)
          : 'upload' in x
            ? `<revision from upload-resource ${n}${plan.resources[x.upload].perArch ? ` --arch ${plan.resources[x.upload].arch!.debian}` : ''}>`
            : `<${x.pending}>`
    }
    cmds.push([tool, ...releaseArgs(plan.charm, rev, plan.channel, res)])
  }
  return cmds
}

/** `charmcraft create-track --format json --name NAME --track T` (charmcraft store.py CreateTrack). */
export function createTrackArgs(name: string, track: string): string[] {
  return ['create-track', '--format', 'json', '--name', name, '--track', track]
}

/** `charmcraft release NAME --revision N --channel C --resource R:M ...` */
export function releaseArgs(
  name: string,
  revision: number | string,
  channel: Channel,
  resources: Record<string, number | string>,
): string[] {
  const args = ['release', name, '--revision', String(revision), '--channel', channel.name]
  for (const [r, rev] of Object.entries(resources)) args.push('--resource', `${r}:${rev}`)
  return args
}

/** The legacy charm store's commands (the seed's push / attach / release / grant), with `<...>` placeholders. */
export function planLegacyCommands(
  url: string,
  charmFile: string | undefined,
  revision: number | undefined,
  resources: PlannedResource[],
  channel: Channel,
): string[][] {
  const rev = revision !== undefined ? `${url}-${revision}` : `${url}-<revision from push>`
  const cmds: string[][] = []
  if (charmFile) cmds.push(['charm', 'push', `<${charmFile} unpacked>`, url])
  for (const r of resources) cmds.push(['charm', 'attach', rev, `${r.name}=${r.facts.path}`])
  cmds.push([
    'charm',
    'release',
    rev,
    '--channel',
    channel.name,
    ...resources.flatMap((r) => ['-r', `${r.name}-<revision from attach ${r.name}>`]),
  ])
  cmds.push(['charm', 'grant', rev, '--channel', channel.name, '--acl', 'read', 'everyone'])
  return cmds
}

/** Quote an argument for display when it needs it (the commands are always run as argument arrays). */
export function showCommand(argv: string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_./:=<>@+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}

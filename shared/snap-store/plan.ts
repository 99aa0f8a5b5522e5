/**
 * The Snap Store half of a release, pure: from the built snaps and what the store says today (snapcraft's
 * `tracks` and `status`), what to check, upload and release; and the gate: every snap a charm installs has a
 * revision, for every arch the charm serves, in the channel the charm installs from.
 */
import { type Channel, parseChannel } from '../charm/plan.js'
import type { StatusRow, TrackRow } from './snapcraft.js'

/** One built snap file for one arch. */
export interface SnapArtifact {
  snap: string
  arch: string
  version: string
  file: string
  size: number
  sha256: string
}

/** What the release does with one (snap, arch). */
export interface SnapStep extends SnapArtifact {
  /** upload: a new revision, released to `releaseTo`; release: `revision` (already in the store, this version) to
   *  `releaseTo`; keep: every channel already holds this version. */
  action: 'upload' | 'release' | 'keep'
  revision?: number
  /** Every channel the snap must be in afterwards. */
  channels: string[]
  /** The channels this run releases to. */
  releaseTo: string[]
}

/** What the store holds after the release (and what verify reads back), one line per (snap, arch). */
export interface SnapRecord {
  snap: string
  arch: string
  revision: number
  version: string
  channels: string[]
  sha256: string
  /** uploaded, released (an earlier revision of this version), kept (already there), promoted. */
  action: 'uploaded' | 'released' | 'kept' | 'promoted'
}

/** The rows of one arch and channel of a status read. */
const rowOf = (rows: StatusRow[], arch: string, channel: string) => rows.find((r) => r.arch === arch && r.channel === channel)

/**
 * Upload what the store does not hold yet. A (snap, arch) whose every channel holds this version is kept; one
 * that some channel holds at this version has that revision released to the others; the rest is uploaded and
 * released to every channel at once (`snapcraft upload --release`).
 */
export function planPublish(artifacts: SnapArtifact[], channels: string[], status: Record<string, StatusRow[]>): SnapStep[] {
  return artifacts.map((a) => {
    const rows = status[a.snap] ?? []
    const holding = channels.filter((c) => {
      const r = rowOf(rows, a.arch, c)
      return r?.revision !== undefined && r.version === a.version
    })
    if (holding.length === channels.length)
      return { ...a, action: 'keep', revision: rowOf(rows, a.arch, holding[0])!.revision, channels, releaseTo: [] }
    if (holding.length)
      return {
        ...a,
        action: 'release',
        revision: rowOf(rows, a.arch, holding[0])!.revision,
        channels,
        releaseTo: channels.filter((c) => !holding.includes(c)),
      }
    return { ...a, action: 'upload', channels, releaseTo: channels }
  })
}

/** The hint for a missing track: how it is made (snapcraft has no command for it). */
export function trackHint(snap: string): string {
  return `a track is made by the store: where the snap has track guardrails, the publisher API creates it (POST /v1/snap/${snap}/tracks, as charmed-kubernetes' ensure_track does), else request it in the store-requests category of forum.snapcraft.io`
}

/**
 * Before anything is uploaded: every snap's name is known to the store and readable with this credential, and
 * every channel's track exists. One line per problem. `tracks[snap]` is the `snapcraft tracks` answer, or the
 * store's refusal (its words).
 */
export function preflight(snaps: string[], channels: string[], tracks: Record<string, TrackRow[] | { refused: string }>): string[] {
  const out: string[] = []
  for (const snap of snaps) {
    const t = tracks[snap]
    if (!t) continue
    if ('refused' in t) {
      out.push(
        /not found|resource-not-found/i.test(t.refused)
          ? `snap-store: ${snap}: the Snap Store does not know this snap or the credential may not use it (${t.refused}); register the name (snapcraft register ${snap}) or export a credential that covers it (snapcraft export-login --snaps ${snap},...)`
          : `snap-store: ${snap}: the Snap Store refused to list its tracks (${t.refused}); check SNAPCRAFT_STORE_CREDENTIALS`,
      )
      continue
    }
    const names = new Set(t.filter((r) => r.status !== 'closed').map((r) => r.name))
    const missing = new Map<string, string[]>() // track -> its channels
    for (const c of channels) {
      const track = parseChannel(c, 'snap-store.channels').track
      if (!names.has(track)) missing.set(track, [...(missing.get(track) ?? []), c])
    }
    for (const [track, cs] of missing)
      out.push(
        `snap-store: ${snap} has no track '${track}' (channel${cs.length > 1 ? 's' : ''} ${cs.join(', ')}); ${trackHint(snap)}, then run again`,
      )
  }
  return [...new Set(out)]
}

/** A charm, the arches its revisions serve in this release, and each snap it installs with its channel. */
export interface CharmSnaps {
  charm: string
  arches: string[]
  installs: Array<{ snap: string; channel: string }>
}

/** One snap a charm needs: on `arch`, from `channel`. */
export interface SnapNeed {
  charm: string
  arch: string
  snap: string
  channel: string
}

export function snapNeeds(charms: CharmSnaps[]): SnapNeed[] {
  return charms.flatMap((c) =>
    c.arches.flatMap((arch) => c.installs.map((i) => ({ charm: c.charm, arch, snap: i.snap, channel: i.channel }))),
  )
}

/**
 * The gate: a unit installs `snap` from `channel` on its machine's arch, and blocks ("Not all snaps are
 * available on channel=...") when that channel has no revision for the arch. A channel that follows a safer
 * risk (`↑`) resolves to that risk's revision, as snapd installs it. One line per gap.
 */
export function gateGaps(needs: SnapNeed[], status: Record<string, StatusRow[] | { refused: string }>): string[] {
  const out: string[] = []
  for (const n of needs) {
    const rows = status[n.snap]
    if (rows && 'refused' in rows) {
      out.push(
        `gate: ${n.charm} on ${n.arch} installs ${n.snap} from ${n.channel}, and the Snap Store would not say what it holds (${rows.refused})`,
      )
      continue
    }
    const r = rowOf(rows ?? [], n.arch, n.channel)
    if (r && (r.revision !== undefined || r.following)) continue
    out.push(
      `gate: ${n.charm} on ${n.arch} installs ${n.snap} from ${n.channel}, which has no ${n.arch} revision there; publish it (snap-store in the description) or release it to ${n.channel}`,
    )
  }
  return [...new Set(out)]
}

/**
 * Promotion of the published snaps: each arch's revision in `from` released to `to`. What `from` lacks is a
 * problem line (nothing is promoted then); what `to` already holds is kept.
 */
export function planPromotion(
  snaps: string[],
  arches: string[],
  from: Channel,
  to: Channel,
  status: Record<string, StatusRow[]>,
): { steps: SnapStep[]; problems: string[] } {
  const steps: SnapStep[] = []
  const problems: string[] = []
  for (const snap of snaps) {
    for (const arch of arches) {
      const rows = status[snap] ?? []
      const src = rowOf(rows, arch, from.name)
      if (src?.revision === undefined) {
        problems.push(`snap-store: ${snap} has no ${arch} revision of its own in ${from.name}; nothing to promote to ${to.name}`)
        continue
      }
      const dst = rowOf(rows, arch, to.name)
      const base = { snap, arch, version: src.version ?? '', file: '', size: 0, sha256: '', revision: src.revision, channels: [to.name] }
      steps.push(
        dst?.revision === src.revision ? { ...base, action: 'keep', releaseTo: [] } : { ...base, action: 'release', releaseTo: [to.name] },
      )
    }
  }
  return { steps, problems }
}

/** The snapcraft commands a plan runs, as a dry run shows them. */
export function publishCommands(tool: string, snaps: string[], steps: SnapStep[]): string[][] {
  return [
    ...snaps.map((s) => [tool, 'tracks', s]),
    ...snaps.map((s) => [tool, 'status', s]),
    ...steps.flatMap((s) =>
      s.action === 'upload'
        ? [[tool, 'upload', s.file, '--release', s.releaseTo.join(',')]]
        : s.action === 'release'
          ? [[tool, 'release', s.snap, String(s.revision), s.releaseTo.join(',')]]
          : [],
    ),
    ...snaps.map((s) => [tool, 'status', s]),
  ]
}

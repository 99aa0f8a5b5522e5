/**
 * Following upstream, decided (pure; the run that reads markers and the store is cli/follow/): from upstream's
 * markers (`stable-X.Y.txt`, with pre-releases also `latest-X.Y.txt`) and one `snapcraft status` per snap, what
 * each (track, snap, arch) does for each risk of its track. The guards (docs/follow.md#the-guards), each one line:
 * - a pre-release (alpha, beta, rc) never goes to candidate or stable: those risks follow the newest release;
 * - a marker naming another minor than the track's is refused;
 * - a risk holding a newer version for the arch is left alone (nothing goes backwards);
 * - a marker that is not a version (the CDN's XML `<Error>` body, an HTML page) skips the track;
 * - an arch whose upstream binaries are not there yet waits (the others go out).
 * A version some channel already holds for the arch is released from that revision, not rebuilt.
 */
import semver from 'semver'
import { sameVersion } from '../snap-store/publish.js'
import type { StatusRow } from '../snap-store/snapcraft.js'
import { cleanVersion } from '../version.js'
import type { FollowTrack, Risk } from './config.js'

/** What one marker read gave: its body (200), or why there is none. */
export interface MarkerRead {
  /** stable-1.35.txt */
  name: string
  body?: string
  /** The server answered, but not with the file (HTTP 404). */
  missing?: string
  /** The read failed (connection, 5xx after retries). */
  failed?: string
}

/** A version and the risks of the track that follow it. */
export interface Target {
  version: string
  risks: Risk[]
}

/** A track's upstream: what its risks follow, or why the track is left alone this run. */
export type TrackUpstream =
  /** notes: the guards that held something back (one line each, in the summary); ignored: markers that named no version while another did (the log, and a line under the summary's table). */
  | { track: string; targets: Target[]; notes: string[]; ignored?: string[] }
  | { track: string; skip: string }
  | { track: string; refused: string }
  | { track: string; failed: string }

const PRE_RISKS: readonly Risk[] = ['edge', 'beta']

/** The version a marker names (`v1.35.2`, as upstream spells it), or why it names none. */
export function markerVersion(m: MarkerRead): { version: string } | { problem: string; failed?: true } {
  if (m.failed) return { problem: `${m.name}: ${m.failed}`, failed: true }
  if (m.missing) return { problem: `${m.name}: ${m.missing}` }
  const body = (m.body ?? '').trim()
  const v = /^\S+$/.test(body) ? cleanVersion(body) : undefined
  if (!v) {
    const shown = body.replace(/\s+/g, ' ').slice(0, 60)
    return { problem: `${m.name} is not a version ('${shown}${body.length > 60 ? '…' : ''}')` }
  }
  return { version: `v${v}` }
}

const minorOf = (v: string) => `${semver.major(v)}.${semver.minor(v)}`
const isPre = (v: string) => (semver.prerelease(v)?.length ?? 0) > 0

/**
 * A track's upstream from its markers: the newest version its markers name (`latest` only with pre-releases);
 * edge and beta follow it, candidate and stable the newest that is not a pre-release.
 */
export function trackUpstream(t: FollowTrack, stable: MarkerRead, latest?: MarkerRead): TrackUpstream {
  const reads = [stable, ...(t.preReleases && latest ? [latest] : [])].map((m) => ({ m, r: markerVersion(m) }))
  const problems: string[] = []
  const refused: string[] = []
  const versions: string[] = []
  for (const { m, r } of reads) {
    if ('problem' in r) problems.push(r.problem)
    else if (minorOf(r.version) !== t.track) refused.push(`${m.name} names ${r.version}, not a ${t.track} release`)
    else if (isPre(r.version) && !t.preReleases)
      refused.push(`${m.name} names ${r.version}, a pre-release, and track ${t.track} does not take pre-releases (pre-releases: true)`)
    else versions.push(r.version)
  }
  if (!versions.length) {
    const failed = reads.find(({ r }) => 'failed' in r && r.failed)
    if (failed) return { track: t.track, failed: problems.join('; ') }
    if (refused.length) return { track: t.track, refused: [...refused, ...problems].join('; ') }
    return { track: t.track, skip: problems.join('; ') }
  }
  const newest = versions.sort(semver.rcompare)[0]
  const release = versions.find((v) => !isPre(v))
  const notes = [...refused]
  const ignored = problems.length ? { ignored: problems } : {}
  if (!isPre(newest)) return { track: t.track, targets: [{ version: newest, risks: t.risks }], notes, ...ignored }
  const targets: Target[] = [{ version: newest, risks: t.risks.filter((r) => PRE_RISKS.includes(r)) }]
  const held = t.risks.filter((r) => !PRE_RISKS.includes(r))
  if (held.length && release) targets.push({ version: release, risks: held })
  else if (held.length) notes.push(`${held.join(', ')}: ${newest} is a pre-release, which never goes there`)
  return { track: t.track, targets: targets.filter((g) => g.risks.length), notes, ...ignored }
}

/** What one (track, snap, arch, version) does. */
/** build and release are planned; built+released and released are done (the publish job). */
export type CellAction = 'build' | 'release' | 'built+released' | 'released' | 'up-to-date' | 'waits' | 'refused' | 'skipped' | 'failed'

export interface Cell {
  track: string
  snap: string
  arch: string
  /** The upstream version its risks follow ('v1.35.2'); '' when the track is left alone. */
  version: string
  /** What the store holds per risk of the track: '1.35.1 (r12)', '↑' (follows a safer risk), '-' (nothing). */
  held: Partial<Record<Risk, string>>
  action: CellAction
  /** The channels this cell releases the version to (build: uploaded with --release; release: `revision`). */
  channels: string[]
  /** release: the store's revision of this version for the arch. */
  revision?: number
  /** Why: the guard lines, the wait, the refusal. */
  why: string[]
}

/** The snap version of an upstream version: without the v. */
export const snapVersionOf = (v: string) => v.replace(/^v/, '')

/** Whether `held` is newer than `v` (both snap versions); a version that is not semver is never newer. */
function newer(held: string, v: string): boolean {
  const h = semver.valid(held)
  return !!h && semver.gt(h, v)
}

function heldText(row: StatusRow | undefined): string {
  if (row?.revision !== undefined) return `${row.version} (r${row.revision})`
  return row?.following ? '↑' : '-'
}

export interface CellInput {
  track: FollowTrack
  snap: string
  arch: string
  upstream: TrackUpstream
  /** This snap's `snapcraft status` (every track and arch). */
  rows: StatusRow[]
  /** Why upstream has no binaries of (version, arch) for this snap yet, by `${version}|${arch}`. */
  missing?: Record<string, string>
}

/** Every cell of one (track, snap, arch): one per version its risks follow (one, or two with a pre-release). */
export function decideCells(i: CellInput): Cell[] {
  const base = { track: i.track.track, snap: i.snap, arch: i.arch }
  const row = (channel: string) => i.rows.find((r) => r.arch === i.arch && r.channel === channel)
  const heldAll = Object.fromEntries(i.track.risks.map((r) => [r, heldText(row(`${i.track.track}/${r}`))]))
  const u = i.upstream
  if (!('targets' in u)) {
    const [action, why] =
      'skip' in u ? (['skipped', u.skip] as const) : 'refused' in u ? (['refused', u.refused] as const) : (['failed', u.failed] as const)
    return [{ ...base, version: '', held: heldAll, action, channels: [], why: [why] }]
  }
  return u.targets.map((t) => {
    const v = snapVersionOf(t.version)
    const why = [...u.notes]
    const channels: string[] = []
    for (const risk of t.risks) {
      const r = row(`${i.track.track}/${risk}`)
      if (r?.revision !== undefined && sameVersion(r.version ?? '', v)) continue
      if (r?.revision !== undefined && newer(r.version ?? '', v)) {
        why.push(`${risk} holds ${r.version}, newer than ${v}: left alone`)
        continue
      }
      channels.push(`${i.track.track}/${risk}`)
    }
    const cell: Cell = { ...base, version: t.version, held: heldAll, action: 'up-to-date', channels, why }
    if (!channels.length) return cell
    const have = i.rows.find((r) => r.arch === i.arch && r.revision !== undefined && sameVersion(r.version ?? '', v))
    if (have) return { ...cell, action: 'release', revision: have.revision }
    const gone = i.missing?.[`${t.version}|${i.arch}`]
    if (gone) return { ...cell, action: 'waits', why: [...why, gone] }
    return { ...cell, action: 'build' }
  })
}

/** One build job: a (version, arch) pair some risk lacks, and the snaps it builds. */
export interface BuildPair {
  version: string
  arch: string
  /** The Kubernetes snaps (build-k8s-snaps components). */
  components: string[]
  cdkAddons: boolean
}

/** The (version, arch) pairs to build, from the cells that build; in the cells' order. */
export function buildPairs(cells: Cell[]): BuildPair[] {
  const out = new Map<string, BuildPair>()
  for (const c of cells) {
    if (c.action !== 'build') continue
    const key = `${c.version}|${c.arch}`
    const p = out.get(key) ?? { version: c.version, arch: c.arch, components: [], cdkAddons: false }
    if (c.snap === 'cdk-addons') p.cdkAddons = true
    else if (!p.components.includes(c.snap)) p.components.push(c.snap)
    out.set(key, p)
  }
  return [...out.values()]
}

/** One `snapcraft release` for latest/*: a revision to the latest channels that lack it. */
export interface LatestStep {
  snap: string
  arch: string
  revision: number
  version: string
  channels: string[]
}

/**
 * latest/<risk> made to hold what <track>/<risk> holds, revision for revision. `holds` is what the track holds
 * once this run's uploads and releases are in (status overlaid with them); `rows` what latest holds now. A risk of
 * the track holding nothing for an arch leaves latest/<risk> as it is.
 */
export function planLatest(
  track: FollowTrack,
  snaps: string[],
  arches: string[],
  holds: (snap: string, arch: string, channel: string) => { revision: number; version: string } | undefined,
  rows: Record<string, StatusRow[]>,
): LatestStep[] {
  const out: LatestStep[] = []
  for (const snap of snaps)
    for (const arch of arches)
      for (const risk of track.risks) {
        const want = holds(snap, arch, `${track.track}/${risk}`)
        if (!want) continue
        const now = (rows[snap] ?? []).find((r) => r.arch === arch && r.channel === `latest/${risk}`)
        if (now?.revision === want.revision) continue
        const same = out.find((s) => s.snap === snap && s.arch === arch && s.revision === want.revision)
        if (same) same.channels.push(`latest/${risk}`)
        else out.push({ snap, arch, revision: want.revision, version: want.version, channels: [`latest/${risk}`] })
      }
  return out
}

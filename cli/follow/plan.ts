/**
 * The follow run's plan (the `plan` job of follow.yml, `build-snaps follow plan`, and the first step of the local
 * run): the markers, ONE `snapcraft status` per snap, the decision per (track, snap, arch), and the binaries of
 * every pair to build checked upstream. Written as a file the build and publish jobs read.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArch } from '../../shared/arch.js'
import type { Logger } from '../../shared/download.js'
import { UserError } from '../../shared/errors.js'
import { allSnaps, type FollowConfig, type FollowTrack } from '../../shared/follow/config.js'
import {
  type BuildPair,
  type Cell,
  buildPairs,
  decideCells,
  type LatestStep,
  planLatest,
  type TrackUpstream,
} from '../../shared/follow/decide.js'
import type { SnapRecord } from '../../shared/snap-store/plan.js'
import { readStatus } from '../../shared/snap-store/publish.js'
import type { SnapStore, StatusRow } from '../../shared/snap-store/snapcraft.js'
import { probeBinaries, readUpstream } from './upstream.js'

export interface FollowPlan {
  /** follow.yaml, absolute. */
  config: string
  baseUrl: string
  dryRun: boolean
  /** Every (track, snap, arch, version), decided. */
  cells: Cell[]
  /** The build jobs: one per (version, arch) some risk lacks. */
  builds: BuildPair[]
  /** What `snapcraft status` said for each snap read ({} when the store was not read: a dry run without credential). */
  status: Record<string, StatusRow[]>
  /** Whether the store was read. */
  storeRead: boolean
  /** The track latest/* follows ('' none), and its risks. */
  latest: string
  latestTrack?: FollowTrack
  /** Every snap read and published (cdk-addons last, when it follows). */
  snaps: string[]
  arches: string[]
  /** The cdk-addons build directory (absolute), '' when cdk-addons does not follow. */
  cdkAddons: string
  /** Lines under the summary's table: markers ignored because the other marker of the track named a version. */
  notes?: string[]
}

type Refused = { refused: string }

/** Every cell: each track × snap × arch; a snap the store would not list is failed in every track. */
function decideAll(
  c: FollowConfig,
  upstream: Record<string, TrackUpstream>,
  status: Record<string, StatusRow[] | Refused>,
  missing: Record<string, string>,
): Cell[] {
  const cells: Cell[] = []
  for (const t of c.tracks)
    for (const snap of allSnaps(c))
      for (const arch of c.arches) {
        const s = status[snap] ?? []
        if ('refused' in s) {
          cells.push({
            track: t.track,
            snap,
            arch,
            version: '',
            held: {},
            action: 'failed',
            channels: [],
            why: [`snapcraft status ${snap}: ${s.refused}`],
          })
          continue
        }
        cells.push(...decideCells({ track: t, snap, arch, upstream: upstream[t.track], rows: s, missing }))
      }
  return cells
}

/** Plan a follow run. `store` undefined: a dry run without credential, planned as if the store held nothing. */
export async function makeFollowPlan(o: {
  config: FollowConfig
  baseUrl: string
  dryRun: boolean
  store?: SnapStore
  log: Logger
  parallel?: number
}): Promise<FollowPlan> {
  const c = o.config
  const upstream = await readUpstream(o.baseUrl, c.tracks, o.log)
  for (const [track, u] of Object.entries(upstream))
    if ('targets' in u)
      o.log(
        `${track}: upstream ${u.targets.map((t) => `${t.version} for ${t.risks.join(', ')}`).join('; ')}${u.ignored ? ` (${u.ignored.join('; ')})` : ''}`,
      )
    else o.log(`${track}: ${'skip' in u ? `skipped: ${u.skip}` : 'refused' in u ? `refused: ${u.refused}` : `failed: ${u.failed}`}`)
  const snaps = allSnaps(c)
  const status: Record<string, StatusRow[] | Refused> = o.store
    ? await readStatus(o.store, snaps, o.parallel)
    : Object.fromEntries(snaps.map((s) => [s, []]))
  const first = decideAll(c, upstream, status, {})
  const probe = await probeBinaries(o.baseUrl, buildPairs(first), o.log)
  const cells = decideAll(c, upstream, status, probe.missing).map((cell) => {
    const failed = cell.action === 'build' ? probe.failed[`${cell.version}|${cell.arch}`] : undefined
    return failed ? { ...cell, action: 'failed' as const, why: [...cell.why, failed] } : cell
  })
  for (const cell of cells) if (cell.action === 'waits') o.log(`${cell.track} ${cell.snap} ${cell.arch}: waits: ${cell.why.at(-1)}`)
  return {
    config: c.file,
    baseUrl: o.baseUrl,
    dryRun: o.dryRun,
    cells,
    builds: buildPairs(cells),
    status: Object.fromEntries(Object.entries(status).filter((e): e is [string, StatusRow[]] => !('refused' in e[1]))),
    storeRead: !!o.store,
    latest: c.latest,
    ...(c.latest ? { latestTrack: c.tracks.find((t) => t.track === c.latest) } : {}),
    snaps,
    arches: c.arches,
    cdkAddons: c.cdkAddons,
    notes: Object.entries(upstream).flatMap(([track, u]) =>
      'ignored' in u && u.ignored ? [`${track}: ignored ${u.ignored.join('; ')}`] : [],
    ),
  }
}

/** The build job's artifact name for a pair. */
export const artifactName = (p: { version: string; arch: string }) => `follow-${p.version}-${p.arch}`

/** The plan job's outputs: the build matrix (one job per pair), how many, and whether the publish job has work. */
export function followOutputs(plan: FollowPlan): Record<string, string> {
  const include = plan.builds.map((b) => ({
    version: b.version,
    arch: b.arch,
    components: b.components.join(' '),
    'cdk-addons': b.cdkAddons,
    artifact: artifactName(b),
    platform: parseArch(b.arch).platform,
  }))
  const publish = plan.cells.some((c) => c.action === 'build' || c.action === 'release') || latestSteps(plan).length > 0
  return {
    matrix: JSON.stringify({ include }),
    count: String(include.length),
    publish: String(publish && !plan.dryRun),
    'dry-run': String(plan.dryRun),
    // The build jobs check out the same repository: the directory relative to its top (the plan job's cwd).
    'cdk-addons': plan.cdkAddons ? path.relative(process.cwd(), plan.cdkAddons) || '.' : '',
  }
}

export async function writePlan(file: string, plan: FollowPlan): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`)
}

export async function readPlan(file: string): Promise<FollowPlan> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined)
    throw new UserError(`--plan: ${path.resolve(file)} does not exist; give the plan file the plan job wrote (follow plan --output)`)
  try {
    const plan = JSON.parse(text) as FollowPlan
    if (!Array.isArray(plan.cells) || !Array.isArray(plan.builds)) throw new Error('no cells')
    return plan
  } catch {
    throw new UserError(`--plan: ${path.resolve(file)} is not a follow plan; give the plan file the plan job wrote (follow plan --output)`)
  }
}

/** What (snap, arch, channel) holds once the records are in: the status overlaid with them. */
export function holdsAfter(status: Record<string, StatusRow[]>, records: SnapRecord[]) {
  return (snap: string, arch: string, channel: string): { revision: number; version: string } | undefined => {
    const r = records.find((x) => x.snap === snap && x.arch === arch && x.channels.includes(channel))
    if (r) return { revision: r.revision, version: r.version }
    const row = (status[snap] ?? []).find((x) => x.arch === arch && x.channel === channel)
    return row?.revision !== undefined ? { revision: row.revision, version: row.version ?? '' } : undefined
  }
}

/** The latest/* releases the plan's status already calls for (the plan job: whether the publish job has work). */
export function latestSteps(plan: FollowPlan, records: SnapRecord[] = []): LatestStep[] {
  if (!plan.latestTrack || !plan.storeRead) return []
  return planLatest(plan.latestTrack, plan.snaps, plan.arches, holdsAfter(plan.status, records), plan.status)
}

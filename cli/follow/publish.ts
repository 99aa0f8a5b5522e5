/**
 * The follow run's publish (the `publish` job of follow.yml behind the `release` environment, `build-snaps follow
 * publish`, and the local run's last step): each cell's snap uploaded with `--release` to the channels it lacks,
 * or the revision the store already holds released there, through the snaps job's code (shared/snap-store:
 * dedupe on the store's duplicate answer, verify by reading back); then latest/* made to match the named track,
 * revision for revision; then one `snapcraft status` per snap touched, to verify it all. A failure is that
 * cell's, never the others'.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage, UserError } from '../../shared/errors.js'
import { sha256File } from '../../shared/files.js'
import { mapLimit } from '../../shared/concurrency.js'
import { type Cell, type LatestStep, snapVersionOf } from '../../shared/follow/decide.js'
import { type SnapRecord, type SnapStep, trackHint } from '../../shared/snap-store/plan.js'
import { DEFAULT_PARALLEL, publish, readStatus, verifyLines } from '../../shared/snap-store/publish.js'
import type { SnapStore, StatusRow } from '../../shared/snap-store/snapcraft.js'
import { inspectSnap } from '../../shared/snap/inspect.js'
import { artifactName, type FollowPlan, latestSteps } from './plan.js'

export interface FollowResult {
  /** The plan's cells, with what was done: build → built+released, release → released, or failed. */
  cells: Cell[]
  latest: LatestStep[]
  /** Failures of latest/* releases and of the read-back, one line each. */
  problems: string[]
}

/** A build cell's snap in the build job's artifact: <dir>/follow-<version>-<arch>/<snap>_<version>_<arch>.snap. */
async function stepOf(cell: Cell, dir: string): Promise<SnapStep> {
  const version = snapVersionOf(cell.version)
  const base = { snap: cell.snap, arch: cell.arch, version, channels: cell.channels, releaseTo: cell.channels }
  if (cell.action === 'release') return { ...base, file: '', size: 0, sha256: '', action: 'release', revision: cell.revision }
  const folder = path.join(dir, artifactName(cell))
  const name = `${cell.snap}_${version}_${cell.arch}.snap`
  if (!(await readdir(folder).catch(() => [] as string[])).includes(name))
    throw new UserError(`no ${name} in ${folder}; its build job did not build it (see the build job's log)`)
  const file = path.join(folder, name)
  const info = await inspectSnap(file, name)
  if (String(info.yaml?.version ?? '') !== version)
    throw new UserError(`${name} says version ${String(info.yaml?.version ?? '')}, not ${version}; not uploaded`)
  return { ...base, file, size: info.size, sha256: await sha256File(file), action: 'upload' }
}

/** Upload or release every cell that has work, each on its own: a failure marks that cell failed. */
async function publishCells(store: SnapStore, plan: FollowPlan, dir: string, log: (m: string) => void, parallel: number) {
  const records: SnapRecord[] = []
  const cells = await mapLimit(plan.cells, parallel, async (cell): Promise<Cell> => {
    if (cell.action !== 'build' && cell.action !== 'release') return cell
    const what = `${cell.track} ${cell.snap} ${cell.arch}`
    try {
      const [rec] = await publish(store, [await stepOf(cell, dir)], (m) => log(`${cell.track} ${m}`), 1)
      records.push(rec)
      return { ...cell, action: cell.action === 'build' ? 'built+released' : 'released', revision: rec.revision }
    } catch (e) {
      // snapcraft status lists no track that holds nothing yet: a missing track shows here, in the store's words.
      const why = /Invalid track/i.test(errorMessage(e)) ? `${errorMessage(e)}; ${trackHint(cell.snap)}` : errorMessage(e)
      log(`${what}: failed: ${why}`)
      return { ...cell, action: 'failed', why: [...cell.why, why] }
    }
  })
  return { cells, records }
}

/** Publish a plan: the cells, then latest/*, then one read-back per snap touched. */
export async function followPublish(o: {
  plan: FollowPlan
  /** Where the build jobs' artifacts are (follow-<version>-<arch>/). */
  dir: string
  store: SnapStore
  log: (m: string) => void
  parallel?: number
}): Promise<FollowResult> {
  const parallel = o.parallel ?? DEFAULT_PARALLEL
  const { cells, records } = await publishCells(o.store, o.plan, o.dir, o.log, parallel)
  const latest = latestSteps(o.plan, records)
  const problems: string[] = []
  const latestRecords: SnapRecord[] = []
  await mapLimit(latest, parallel, async (s) => {
    try {
      await o.store.release(s.snap, s.revision, s.channels)
      o.log(`latest ${s.snap} ${s.arch}: revision ${s.revision} (${s.version}) released to ${s.channels.join(', ')}`)
      latestRecords.push({
        snap: s.snap,
        arch: s.arch,
        revision: s.revision,
        version: s.version,
        channels: s.channels,
        sha256: '',
        action: 'promoted',
      })
    } catch (e) {
      problems.push(
        `latest: ${s.snap} ${s.arch}: snapcraft release ${s.snap} ${s.revision} ${s.channels.join(',')} failed: ${errorMessage(e)}`,
      )
    }
  })
  const all = [...records, ...latestRecords]
  const touched = [...new Set(all.map((r) => r.snap))]
  const after = await readStatus(o.store, touched, parallel)
  const readable: Record<string, StatusRow[]> = {}
  for (const [snap, rows] of Object.entries(after)) {
    if ('refused' in rows) problems.push(`verify: snapcraft status ${snap} failed: ${rows.refused}`)
    else readable[snap] = rows
  }
  problems.push(
    ...verifyLines(
      all.filter((r) => readable[r.snap]),
      readable,
    ),
  )
  return { cells, latest, problems }
}

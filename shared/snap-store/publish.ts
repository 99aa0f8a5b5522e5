/**
 * The Snap Store half of a release, against the store: read (tracks, status), publish (the only code that writes
 * to the Snap Store), verify (read every snap's channel map back), and the gate's read.
 */
import { mapLimit } from '../concurrency.js'
import { UserError } from '../errors.js'
import { gateGaps, preflight, type SnapNeed, type SnapRecord, type SnapStep } from './plan.js'
import { type SnapStore, type StatusRow, StoreError, type TrackRow } from './snapcraft.js'

/**
 * `snapcraft revisions` lets tabulate read its Version column as numbers (no disable_numparse there), so a
 * version that is a number (1.30) prints as one (1.3): compare those as numbers.
 */
export function sameVersion(shown: string, version: string): boolean {
  const num = /^\d+(\.\d+)?$/
  return shown === version || (num.test(shown) && num.test(version) && Number(shown) === Number(version))
}

/** At most this many snapcraft calls at once (uploads are long; the store takes several per account). */
export const DEFAULT_PARALLEL = 4

type Refused = { refused: string }

async function readEach<T>(names: string[], parallel: number, read: (n: string) => Promise<T>): Promise<Record<string, T | Refused>> {
  const out: Record<string, T | Refused> = {}
  await mapLimit(names, parallel, async (n) => {
    try {
      out[n] = await read(n)
    } catch (e) {
      if (!(e instanceof StoreError)) throw e
      // Credentials the store no longer takes stop everything, not one snap.
      if (/no longer valid|credentials/i.test(e.storeMessage)) throw e
      out[n] = { refused: e.storeMessage }
    }
  })
  return out
}

/** Tracks of every snap, then the preflight's problem lines (names, credential, tracks). */
export async function checkSnaps(store: SnapStore, snaps: string[], channels: string[], parallel = DEFAULT_PARALLEL): Promise<string[]> {
  const tracks = await readEach<TrackRow[]>(snaps, parallel, (s) => store.tracks(s))
  return preflight(snaps, channels, tracks)
}

/** `snapcraft status` of every snap (a refusal becomes that snap's `refused`). */
export async function readStatus(
  store: SnapStore,
  snaps: string[],
  parallel = DEFAULT_PARALLEL,
): Promise<Record<string, StatusRow[] | Refused>> {
  return readEach<StatusRow[]>(snaps, parallel, (s) => store.status(s))
}

/** The status reads, with a refusal as one error (publishing needs every read). */
export function statusOrThrow(status: Record<string, StatusRow[] | Refused>): Record<string, StatusRow[]> {
  const lines = Object.entries(status).flatMap(([s, v]) =>
    'refused' in v ? [`snap-store: ${s}: snapcraft status failed: ${v.refused}`] : [],
  )
  if (lines.length) throw new UserError(lines.join('\n'))
  return status as Record<string, StatusRow[]>
}

/**
 * Walk the steps: uploads (and their releases, `--release`) up to `parallel` at once, then the releases of
 * revisions the store already holds. The store's duplicate answer means this very file is there: its revision is
 * found with `snapcraft revisions NAME --arch A` (the one revision of this version for the arch) and released.
 */
export async function publish(
  store: SnapStore,
  steps: SnapStep[],
  log: (m: string) => void,
  parallel = DEFAULT_PARALLEL,
): Promise<SnapRecord[]> {
  const record = (s: SnapStep, revision: number, action: SnapRecord['action']): SnapRecord => ({
    snap: s.snap,
    arch: s.arch,
    revision,
    version: s.version,
    channels: s.channels,
    sha256: s.sha256,
    action,
  })
  return mapLimit(steps, parallel, async (s) => {
    const what = `${s.snap} ${s.arch}`
    if (s.action === 'keep') {
      log(`${what}: ${s.channels.join(', ')} already hold ${s.version} (revision ${s.revision}); not uploading`)
      return record(s, s.revision!, 'kept')
    }
    if (s.action === 'release') {
      await store.release(s.snap, s.revision!, s.releaseTo)
      log(`${what}: revision ${s.revision} (${s.version}) released to ${s.releaseTo.join(', ')}`)
      return record(s, s.revision!, s.file ? 'released' : 'promoted')
    }
    const up = await store.upload(s.file, s.releaseTo)
    if ('revision' in up) {
      log(`${what}: revision ${up.revision} uploaded and released to ${s.releaseTo.join(', ')}`)
      return record(s, up.revision, 'uploaded')
    }
    const same = (await store.revisions(s.snap, s.arch)).filter((r) => sameVersion(r.version, s.version) && r.arches.includes(s.arch))
    if (same.length !== 1)
      throw new UserError(
        `snap-store: ${s.snap} ${s.arch}: the store already holds this file, and ${same.length === 0 ? 'no' : `${same.length}`} revisions of version ${s.version} for ${s.arch} (${same.map((r) => r.revision).join(', ') || 'none'}); release the right one by hand (snapcraft release ${s.snap} REV ${s.releaseTo.join(',')})`,
      )
    await store.release(s.snap, same[0].revision, s.releaseTo)
    log(`${what}: the store already holds this file as revision ${same[0].revision}; released it to ${s.releaseTo.join(', ')}`)
    return record(s, same[0].revision, 'released')
  })
}

/** Read every snap's channel map back: each (snap, arch, channel) holds the recorded revision. One line per miss. */
export function verifyLines(records: SnapRecord[], status: Record<string, StatusRow[]>): string[] {
  const out: string[] = []
  for (const r of records)
    for (const c of r.channels) {
      const row = (status[r.snap] ?? []).find((x) => x.arch === r.arch && x.channel === c)
      if (row?.revision !== r.revision)
        out.push(
          `verify: ${r.snap} ${r.arch} in ${c}: expected revision ${r.revision}, the store has ${row?.revision ?? (row?.following ? 'a following risk' : 'nothing')}`,
        )
    }
  return out
}

/** The gate against the store: the status of every snap the charms install (read, or just read back), then the gaps. */
export async function gate(
  store: SnapStore,
  needs: SnapNeed[],
  parallel = DEFAULT_PARALLEL,
  /** Snaps whose status this job has just read back (verify): not read again. */
  known: Record<string, StatusRow[]> = {},
): Promise<string[]> {
  const snaps = [...new Set(needs.map((n) => n.snap))].filter((s) => !known[s])
  return gateGaps(needs, { ...known, ...(await readStatus(store, snaps, parallel)) })
}

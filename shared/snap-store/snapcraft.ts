/**
 * The Snap Store through `snapcraft` 8 (pinned `8.x/stable` on a runner, as CK pins it): the one backend that
 * reads and writes it. snapcraft 8 has no JSON for these commands, so its text is read, in the shapes its own
 * source prints them (canonical/snapcraft tag 8.14.5):
 * - `status NAME` (snapcraft/commands/status.py get_tabulated_channel_map): tabulate "plain" with the headers
 *   `Track Arch Channel Version Revision Progress` (and a last header, empty or `Expires at`), columns
 *   left-aligned and two spaces apart; when stdout is not a TTY (always here) Track and Arch repeat on every
 *   channel's row. Channel is the risk (or `risk/branch`); Version and Revision are `-` for a closed channel and
 *   `↑` for one that follows a safer risk. `This snap has no released revisions` when nothing is released.
 * - `revisions NAME [--arch A]`: `Rev. Uploaded Arches Version Channels` (Channels only once something is
 *   released; `*` marks a channel where the revision is current; `-` none), Arches comma-joined.
 * - `tracks NAME`: `Name Status Creation-Date Version-Pattern`.
 * - `upload FILE --release c1,c2`: `Revision 7 created for 'kubectl' and released to '1.33/edge' and
 *   '1.33/stable'` (snapcraft/commands/upload.py); a review failure is `Issues while processing snap:` then one
 *   `- <message>` line each (snapcraft/store/client.py verify_upload); the store's answer to a file it already
 *   holds is `A file with this exact same content has already been uploaded`.
 * - `release NAME REV c1,c2` (snapcraft/commands/manage.py): `Released 'kubectl' revision 7 to channels: ...`.
 * - Store errors (canonical/craft-store errors.py StoreServerError): `Store operation failed:` then
 *   `- <code>: <message>` lines, e.g. `- resource-not-found: Snap not found for name=kubectl`.
 * - Credentials only from SNAPCRAFT_STORE_CREDENTIALS (snapcraft export-login); without them snapcraft asks for
 *   an interactive login, so the caller refuses a store step without them before snapcraft runs.
 * snapcraft 9 removed `push`, `list-revisions`, `list-tracks` and `login --with`: none of them is used.
 */
import path from 'node:path'
import { UserError } from '../errors.js'
import { addSecret } from '../log.js'
import { Cli, StoreError, storePolicy, type Log, type StorePolicy } from '../store-cli.js'

export { StoreError }

/** One row of `snapcraft status`: what one channel holds for one arch. */
export interface StatusRow {
  track: string
  arch: string
  /** `track/risk[/branch]`. */
  channel: string
  /** The revision released to this very channel (undefined: closed or following). */
  revision?: number
  version?: string
  /** `↑`: the channel follows a safer risk of its track. */
  following: boolean
}

export interface RevisionRow {
  revision: number
  uploaded: string
  arches: string[]
  version: string
  /** Channels the revision was released to (`*`, current, stripped). */
  channels: string[]
}

export interface TrackRow {
  name: string
  status: string
  created: string
  pattern: string
}

/** A tabulate "plain" table: the cells of each row, cut at the columns the header line starts. */
export function readTable(text: string, first: string): string[][] {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const at = lines.findIndex((l) => l.trimStart().startsWith(first))
  if (at < 0) return []
  const header = lines[at]
  const starts: number[] = []
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) starts.push(m.index)
  return lines.slice(at + 1).map((l) => starts.map((s, i) => l.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim()))
}

/** `snapcraft status NAME` → one row per arch and channel; [] for "This snap has no released revisions". */
export function parseStatus(text: string): StatusRow[] {
  if (/This snap has no released revisions/.test(text)) return []
  const rows = readTable(text, 'Track')
  if (rows.length === 0 && text.trim())
    throw new UserError(`snapcraft status: not the table snapcraft 8 prints: '${text.trim().slice(0, 120)}'`)
  const out: StatusRow[] = []
  let track = ''
  let arch = ''
  for (const [t, a, channel, version, revision] of rows) {
    track = t || track
    arch = a || arch
    if (!channel) continue // the released half of a progressive release: the channel is on the row before
    const following = revision === '↑'
    const rev = /^\d+$/.test(revision) ? Number(revision) : undefined
    out.push({
      track,
      arch,
      channel: `${track}/${channel}`,
      following,
      ...(rev !== undefined ? { revision: rev, version } : {}),
    })
  }
  return out
}

/** `snapcraft revisions NAME [--arch A]` → rows, newest first as the store lists them. */
export function parseRevisions(text: string): RevisionRow[] {
  return readTable(text, 'Rev.')
    .filter((r) => /^\d+$/.test(r[0]))
    .map(([rev, uploaded, arches, version, channels]) => ({
      revision: Number(rev),
      uploaded,
      arches: arches.split(',').filter(Boolean),
      version,
      channels: (channels ?? '')
        .split(',')
        .map((c) => c.replace(/\*$/, ''))
        .filter((c) => c && c !== '-'),
    }))
}

export function parseTracks(text: string): TrackRow[] {
  return readTable(text, 'Name').map(([name, status, created, pattern]) => ({ name, status, created, pattern }))
}

const UPLOADED_RE = /Revision (\d+) created for '([^']+)'/
export const DUPLICATE_RE = /A file with this exact same content has already been uploaded/i

/** craft-store's `- <code>: <message>` lines (and review issues `- <message>`) out of snapcraft's error text. */
export function snapcraftErrors(_stdout: string, stderr: string): Array<{ code: string; message: string }> | undefined {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- '))
  if (!lines.length) return undefined
  return lines.map((l) => {
    const m = /^- ([a-z][a-z0-9-]*|None): (.*)$/.exec(l)
    return m ? { code: m[1], message: m[2] } : { code: 'review', message: l.slice(2) }
  })
}

export type UploadResult = { revision: number } | { duplicate: true }

/** The Snap Store, read and written through one snapcraft. */
export class SnapStore {
  private readonly cli: Cli
  constructor(
    readonly tool: string,
    credentials: string,
    log: Log,
    policy: StorePolicy = storePolicy(),
    /** More environment for snapcraft (the store it talks to: STORE_DASHBOARD_URL, or the double's state). */
    env: Record<string, string> = {},
  ) {
    addSecret(credentials)
    this.cli = new Cli(tool, { ...env, SNAPCRAFT_STORE_CREDENTIALS: credentials }, log, policy, snapcraftErrors)
  }

  async status(name: string): Promise<StatusRow[]> {
    return parseStatus(await this.cli.call(['status', name]))
  }

  async revisions(name: string, arch?: string): Promise<RevisionRow[]> {
    return parseRevisions(await this.cli.call(['revisions', name, ...(arch ? ['--arch', arch] : [])]))
  }

  async tracks(name: string): Promise<TrackRow[]> {
    return parseTracks(await this.cli.call(['tracks', name]))
  }

  async upload(file: string, channels: string[]): Promise<UploadResult> {
    try {
      const out = await this.cli.call(uploadArgs(file, channels))
      const m = UPLOADED_RE.exec(out)
      if (!m) throw new UserError(`snapcraft upload ${path.basename(file)}: no revision in its answer: '${out.trim().slice(0, 200)}'`)
      return { revision: Number(m[1]) }
    } catch (e) {
      if (e instanceof StoreError && DUPLICATE_RE.test(e.storeMessage)) return { duplicate: true }
      throw e
    }
  }

  async release(name: string, revision: number, channels: string[]): Promise<void> {
    await this.cli.call(releaseArgs(name, revision, channels))
  }
}

export const uploadArgs = (file: string, channels: string[]) => [
  'upload',
  file,
  ...(channels.length ? ['--release', channels.join(',')] : []),
]
export const releaseArgs = (name: string, revision: number, channels: string[]) => ['release', name, String(revision), channels.join(',')]

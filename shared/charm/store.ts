/**
 * Store backends: Charmhub through `charmcraft` and the legacy charm store through the `charm` CLI
 * (push/attach/release/grant, for self-hosted legacy stores). Every call is an argument array; the Charmhub
 * credential reaches charmcraft only as CHARMCRAFT_AUTH in the child's environment. Transient failures
 * (timeouts, connection resets, 502/503/504) are retried with backoff; anything else stops with the store's
 * own message.
 *
 * The answers are parsed by the shapes charmcraft itself prints with `--format json` (canonical/charmcraft,
 * `charmcraft/application/commands/store.py` at commit 15966e958a7bc09748cd9aeceb0e24cfa3990bca, and
 * `charmcraft/store/store.py` for how the store's answers reach it):
 * - `status NAME`: `{}` when nothing has been released yet (StatusCommand.run), else a list of tracks,
 *   `[{track, mappings: [{base: {name, channel, architecture} | null, releases: [{status, channel, version,
 *   revision, resources: [{name, revision}] | null, expires_at}]}]}]`. `status` is `open` (a release of its
 *   own), `tracking` (no release of its own: the channel follows a safer risk) or `closed`. The channel map is
 *   per base: one charm revision per base/architecture.
 * - `upload` / `upload-resource`: `{"revision": N}`; a rejected upload prints `{"errors": [{"code",
 *   "message"}]}` on stdout and exits 1 (UploadCommand.run / UploadResourceCommand.run). Other failures
 *   (CraftError) go to stderr.
 * - `revisions NAME`: `[{revision, version, created_at, status, errors?}]`.
 * - `resources NAME`: `[{charm_revision, name, type, optional}]`.
 * - `resource-revisions NAME RES`: `[{revision, "created at", size, bases: [{name, channel, architectures}]}]`,
 *   in the store's order (not sorted) and without a digest.
 * - `status NAME` lists EVERY track of the charm once something is released (a track with no release has one
 *   mapping with `base: null` and every row `closed`): the tracks that exist. Before the first release (`{}`)
 *   the tracks cannot be read through charmcraft.
 * - `create-track --name NAME --track T` (CreateTrack): creates tracks that match one of the charm's track
 *   guardrails (requested in the "charmhub requests" category of discourse.charmhub.io); with `--format json`
 *   it prints the request list. Releasing to a track that does not exist fails at the store ("Invalid track").
 */
import path from 'node:path'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { Cli, StoreError, storePolicy, type Log } from '../store-cli.js'
import { createTrackArgs, releaseArgs, type Base, type Channel, type ChannelRelease } from './plan.js'
import type { CharmResource } from './metadata.js'

/**
 * The store already holds this exact charm file. `revision` is the one it names ("Revision of the existing
 * package is: N", as canonical/charm-ci `src/opcli/core/publish.py` reads it); `digest` the SHA3-384 the
 * message quotes, when it quotes one.
 */
export interface Duplicate {
  revision?: number
  digest?: string
}

export interface ResourceRevision {
  revision: number
  size?: number
  /** The architectures the store holds this revision for (`bases[].architectures`); absent when it says none. */
  arches?: string[]
}

export interface Store {
  readonly kind: 'charmhub' | 'charmstore'
  readonly tool: string
  /** Upload a charm file; a refused identical re-upload comes back as `duplicate` (no revision guessed). */
  uploadCharm(file: string, name: string): Promise<{ revision: number } | { duplicate: Duplicate }>
  /** Every charm revision the store holds (undefined: this store cannot list them). */
  charmRevisions(name: string): Promise<number[] | undefined>
  declaredResources(name: string): Promise<CharmResource[]>
  uploadResource(name: string, resource: string, file: string, arch?: string): Promise<number>
  resourceRevisions(name: string, resource: string): Promise<ResourceRevision[]>
  /** Every open release of the charm, per channel and base (undefined: this store has no readable channel map). */
  channelMap(name: string): Promise<ChannelRelease[] | undefined>
  /** The channel map and the tracks the store lists (tracks undefined: not readable, e.g. before the first release). */
  status(name: string): Promise<{ releases: ChannelRelease[]; tracks?: string[] } | undefined>
  /** Create a track (Charmhub: `create-track`, allowed by the charm's track guardrails). */
  createTrack(name: string, track: string): Promise<void>
  release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void>
}

/** `{"errors": [{"code", "message"}]}` on stdout: how charmcraft reports a rejected upload with --format json. */
export function jsonErrors(stdout: string): Array<{ code: string; message: string }> | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(stdout)
  } catch {
    return undefined
  }
  const errors = (doc as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  return errors.map((e: { code?: unknown; message?: unknown }) => ({
    code: String(e?.code ?? 'error'),
    message: String(e?.message ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  }))
}

const DUPLICATE_REVISION_RE = /Revision of the existing package is:\s*(\d+)/i
const DUPLICATE_DIGEST_RE = /(?:upload with that digest|already exists)/i
const SHA3_RE = /SHA3-384:\s*'?([0-9a-f]{96})'?/i

/** Read a refused upload: is it "this exact file is already there", and what does the message say? */
export function parseDuplicate(message: string): Duplicate | undefined {
  const rev = DUPLICATE_REVISION_RE.exec(message)
  const digest = SHA3_RE.exec(message)?.[1]?.toLowerCase()
  if (!rev && !digest && !DUPLICATE_DIGEST_RE.test(message)) return undefined
  return { ...(rev ? { revision: Number(rev[1]) } : {}), ...(digest ? { digest } : {}) }
}

function revisionOf(v: unknown, what: string): number {
  const r = (v as { revision?: unknown } | null)?.revision
  if (typeof r !== 'number' || !Number.isInteger(r))
    throw new UserError(`${what}: the store's answer has no revision: ${JSON.stringify(v).slice(0, 200)}`)
  return r
}

function rows(v: unknown, what: string): Array<Record<string, unknown>> {
  if (!Array.isArray(v)) throw new UserError(`${what}: expected a JSON list from the store, got ${JSON.stringify(v).slice(0, 200)}`)
  return v as Array<Record<string, unknown>>
}

function parseBase(v: unknown, what: string): Base | null {
  if (v === null || v === undefined) return null
  const b = v as Record<string, unknown>
  if (typeof b.name !== 'string' || typeof b.channel !== 'string' || typeof b.architecture !== 'string') {
    throw new UserError(`${what}: a mapping's base is not {name, channel, architecture}: ${JSON.stringify(v).slice(0, 200)}`)
  }
  return { name: b.name, channel: b.channel, architecture: b.architecture }
}

/**
 * The open releases in a `charmcraft status --format json` answer: `{}` (nothing released yet) is an empty
 * map; `tracking` and `closed` rows hold no revision of their own and are left out.
 */
export function parseStatus(doc: unknown): ChannelRelease[] {
  const what = 'charmcraft status'
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && Object.keys(doc).length === 0) return []
  const out: ChannelRelease[] = []
  for (const t of rows(doc, what)) {
    const mappings = t.mappings
    if (!Array.isArray(mappings))
      throw new UserError(`${what}: track ${JSON.stringify(t.track)} has no mappings list: ${JSON.stringify(t).slice(0, 200)}`)
    for (const m of mappings as Array<Record<string, unknown>>) {
      const base = parseBase(m.base, what)
      for (const r of (m.releases as Array<Record<string, unknown>> | undefined) ?? []) {
        if (r.status !== 'open') continue
        if (typeof r.channel !== 'string' || typeof r.revision !== 'number')
          throw new UserError(`${what}: an open release without channel or revision: ${JSON.stringify(r).slice(0, 200)}`)
        const resources: Record<string, number> = {}
        for (const x of (r.resources as Array<{ name: string; revision: number }> | null) ?? []) resources[x.name] = x.revision
        out.push({ channel: r.channel, base, revision: r.revision, resources })
      }
    }
  }
  return out
}

/** The tracks a `charmcraft status --format json` answer lists; undefined for `{}` (nothing released: not listed). */
export function parseStatusTracks(doc: unknown): string[] | undefined {
  if (!Array.isArray(doc)) return undefined
  return doc.map((t: { track?: unknown }) => {
    if (typeof t?.track !== 'string') throw new UserError(`charmcraft status: a track without a name: ${JSON.stringify(t).slice(0, 200)}`)
    return t.track
  })
}

/** `charmcraft resource-revisions --format json` rows, in the store's order (callers pick by number, never by row). */
export function parseResourceRevisions(doc: unknown): ResourceRevision[] {
  const what = 'charmcraft resource-revisions'
  return rows(doc, what).map((r) => {
    const arches = Array.isArray(r.bases)
      ? [
          ...new Set(
            (r.bases as Array<{ architectures?: unknown }>).flatMap((b) =>
              Array.isArray(b?.architectures) ? b.architectures.map(String) : [],
            ),
          ),
        ]
      : []
    return { revision: revisionOf(r, what), ...(typeof r.size === 'number' ? { size: r.size } : {}), ...(arches.length ? { arches } : {}) }
  })
}

export { isTransient, StoreError, storePolicy, type Log, type StorePolicy } from '../store-cli.js'

export class CharmhubStore implements Store {
  readonly kind = 'charmhub' as const
  private readonly cli: Cli
  constructor(
    readonly tool: string,
    credentials: string,
    log: Log,
    policy = storePolicy(),
  ) {
    this.cli = new Cli(tool, credentials ? { CHARMCRAFT_AUTH: credentials } : {}, log, policy, jsonErrors)
  }

  async uploadCharm(file: string): Promise<{ revision: number } | { duplicate: Duplicate }> {
    try {
      return { revision: revisionOf(await this.cli.json(['upload', '--format', 'json', file]), 'charmcraft upload') }
    } catch (e) {
      const dup = e instanceof StoreError ? parseDuplicate(e.storeMessage) : undefined
      if (dup) return { duplicate: dup }
      throw e
    }
  }

  async charmRevisions(name: string): Promise<number[]> {
    return rows(await this.cli.json(['revisions', name, '--format', 'json']), 'charmcraft revisions').map((r) =>
      revisionOf(r, 'charmcraft revisions'),
    )
  }

  async declaredResources(name: string): Promise<CharmResource[]> {
    return rows(await this.cli.json(['resources', name, '--format', 'json']), 'charmcraft resources').map((r) => ({
      name: String(r.name),
      type: r.type === 'oci-image' ? 'oci-image' : 'file',
    }))
  }

  async uploadResource(name: string, resource: string, file: string, arch?: string): Promise<number> {
    const args = ['upload-resource', '--format', 'json', name, resource, '--filepath', file, ...(arch ? ['--arch', arch] : [])]
    return revisionOf(await this.cli.json(args), 'charmcraft upload-resource')
  }

  async resourceRevisions(name: string, resource: string): Promise<ResourceRevision[]> {
    return parseResourceRevisions(await this.cli.json(['resource-revisions', name, resource, '--format', 'json']))
  }

  async channelMap(name: string): Promise<ChannelRelease[]> {
    return (await this.status(name)).releases
  }

  async status(name: string): Promise<{ releases: ChannelRelease[]; tracks?: string[] }> {
    const doc = await this.cli.json(['status', name, '--format', 'json'])
    const tracks = parseStatusTracks(doc)
    return { releases: parseStatus(doc), ...(tracks ? { tracks } : {}) }
  }

  async createTrack(name: string, track: string): Promise<void> {
    await this.cli.call(createTrackArgs(name, track))
  }

  async release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void> {
    await this.cli.call(releaseArgs(name, revision, channel, resources))
  }
}

/**
 * The legacy charm store (`cs:` URLs), through charm-tools' `charm` CLI, as the seed's release script did:
 * `charm push DIR URL`, `charm attach URL-N res=file`, `charm list-resources`, `charm release URL-N --channel C
 * -r res-N ...`, `charm grant URL-N --channel C --acl read everyone`. Authentication is the CLI's own login
 * (`charm login`, its cookie jar); the credentials input is not used for this store.
 */
export class CharmstoreStore implements Store {
  readonly kind = 'charmstore' as const
  private readonly cli: Cli
  constructor(
    readonly tool: string,
    private readonly namespace: string,
    log: Log,
    policy = storePolicy(),
  ) {
    this.cli = new Cli(tool, {}, log, policy, jsonErrors)
  }

  url(name: string, revision?: number): string {
    const base = legacyUrl(this.namespace, name)
    return revision === undefined ? base : `${base}-${revision}`
  }

  /** `charm push` takes the charm directory; `file` here is the unpacked directory of the .charm. */
  async uploadCharm(dir: string, name: string): Promise<{ revision: number }> {
    const out = await this.cli.call(['push', dir, this.url(name)])
    const m = /url:\s*\S+-(\d+)\s*$/m.exec(out)
    if (!m) throw new UserError(`charm push: no revision in its answer '${out.trim().slice(0, 200)}'`)
    return { revision: Number(m[1]) }
  }

  async charmRevisions(): Promise<undefined> {
    return undefined
  }

  async declaredResources(name: string): Promise<CharmResource[]> {
    return rows(await this.cli.json(['list-resources', this.url(name), '--format', 'json']), 'charm list-resources').map((r) => ({
      name: String(r.name),
      type: 'file',
    }))
  }

  async uploadResource(name: string, resource: string, file: string): Promise<number> {
    const out = await this.cli.call(['attach', this.url(name), `${resource}=${file}`])
    const m = /uploaded revision (\d+) of/.exec(out)
    if (!m) throw new UserError(`charm attach: no revision in its answer '${out.trim().slice(0, 200)}'`)
    return Number(m[1])
  }

  async resourceRevisions(): Promise<ResourceRevision[]> {
    return []
  }

  /** The legacy CLI offers no machine-readable channel map: a re-run releases again (harmless: same revisions). */
  async channelMap(): Promise<undefined> {
    return undefined
  }

  async status(): Promise<undefined> {
    return undefined
  }

  /** The legacy store has no tracks (its channels are bare risks): the plan never asks for one. */
  async createTrack(name: string, track: string): Promise<void> {
    throw new Error(`the legacy charm store has no tracks (asked to create ${track} for ${name})`)
  }

  async release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void> {
    const url = this.url(name, revision)
    await this.cli.call([
      'release',
      url,
      '--channel',
      channel.name,
      ...Object.entries(resources).flatMap(([r, rev]) => ['-r', `${r}-${rev}`]),
    ])
    await this.cli.call(['grant', url, '--channel', channel.name, '--acl', 'read', 'everyone'])
  }
}

/** A legacy charm store URL without revision: cs:~namespace/name (or cs:name). */
export function legacyUrl(namespace: string, name: string): string {
  return namespace ? `cs:~${namespace}/${name}` : `cs:${name}`
}

/**
 * charmcraft or charm-tools' `charm` from PATH; on a GitHub runner, installed from the snap store (the given
 * channel) when missing, unless BUILD_SNAPS_NO_INSTALL is set.
 */
export async function ensureTool(program: 'charmcraft' | 'charm', channel: string, log: Log): Promise<string> {
  const found = which(program)
  if (found) return found
  if (process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL && which('sudo') && which('snap')) {
    log(`${program} is missing: installing the ${program} snap from ${channel}`)
    await run('sudo', ['snap', 'install', program, '--classic', `--channel=${channel}`])
    const installed = which(program, `${process.env.PATH}${path.delimiter}/snap/bin`)
    if (installed) return installed
  }
  throw new UserError(
    `${program} is not installed; install it (sudo snap install ${program} --classic) or run on a GitHub runner, where this action installs it from charmcraft-channel`,
  )
}

/**
 * Store backends: Charmhub through `charmcraft` (FACTS.md §6) and the legacy charm store through the
 * `charm` CLI (push/attach/release/grant, for self-hosted legacy stores). Every call is an argument array;
 * the Charmhub credential reaches charmcraft only as CHARMCRAFT_AUTH in the child's environment.
 * Transient failures (timeouts, connection resets, 502/503/504) are retried with backoff; anything else
 * stops with the store's own message.
 */
import path from 'node:path'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { redact } from '../log.js'
import { RetryFailure, envNumber, withRetry, type RetryPolicy } from '../retry.js'
import type { Channel } from './plan.js'
import type { CharmResource } from './metadata.js'

export type StorePolicy = RetryPolicy

/** Defaults, overridable through the environment (the tests use short backoffs). */
export function storePolicy(env = process.env): StorePolicy {
  return { attempts: envNumber(env, 'BUILD_SNAPS_STORE_ATTEMPTS', 4), backoffMs: envNumber(env, 'BUILD_SNAPS_STORE_BACKOFF_MS', 2000) }
}

const TRANSIENT_RE = /timed? ?out|timeout|connection (reset|refused|aborted)|ECONNRESET|ETIMEDOUT|EAI_AGAIN|temporar(il)?y unavailable|\b50[234]\b/i

export function isTransient(message: string): boolean {
  return TRANSIENT_RE.test(message)
}

/** A store command failed; `message` is the store's own text (last lines of its output). */
export class StoreError extends UserError {
  constructor(readonly argv: string[], readonly storeMessage: string) {
    super(`${argv.slice(0, 2).join(' ')} failed: ${storeMessage}`)
  }
}

export type Log = (message: string) => void

export interface Revisioned {
  revision: number
  size?: number
}

/** What a channel currently holds. */
export interface Released {
  revision: number
  resources: Record<string, number>
}

export interface Store {
  readonly kind: 'charmhub' | 'charmstore'
  readonly tool: string
  /** Upload a charm file; a duplicate of an existing revision reuses it (FACTS.md §6). */
  uploadCharm(file: string, name: string): Promise<{ revision: number; reused: boolean }>
  charmRevisions(name: string): Promise<Revisioned[]>
  declaredResources(name: string): Promise<CharmResource[]>
  uploadResource(name: string, resource: string, file: string): Promise<number>
  resourceRevisions(name: string, resource: string): Promise<Revisioned[]>
  released(name: string, channel: Channel): Promise<Released | undefined>
  release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void>
}

class Cli {
  constructor(readonly program: string, private readonly env: Record<string, string>, private readonly log: Log, private readonly policy: StorePolicy) {}

  /** Run one store command; retry transient failures; return stdout. */
  async call(args: string[]): Promise<string> {
    const argv = [path.basename(this.program), ...args]
    const judge = (e: unknown) => {
      const message = e instanceof StoreError ? e.storeMessage : String(e)
      return { retry: isTransient(message), message: `transient store error (${message})` }
    }
    try {
      return await withRetry({ policy: this.policy, label: args[0], log: this.log, judge }, async () => {
        const res = await run(this.program, args, { env: this.env, allowFailure: true })
        if (res.exitCode === 0) return res.stdout
        throw new StoreError(argv, redact(storeMessage(res.stderr, res.stdout)))
      })
    } catch (e) {
      if (!(e instanceof RetryFailure) || !(e.last instanceof StoreError)) throw e
      throw new StoreError(argv, e.last.storeMessage + (e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''))
    }
  }

  async json(args: string[]): Promise<unknown> {
    const out = await this.call(args)
    try {
      return JSON.parse(out)
    } catch {
      throw new UserError(`${this.program} ${args[0]}: expected JSON, got '${redact(out.trim().slice(0, 200))}'; is this charmcraft 2.x or newer?`)
    }
  }
}

/** The store's own words: the last non-empty lines of stderr (else stdout), on one line. */
function storeMessage(stderr: string, stdout: string): string {
  const lines = (stderr.trim() || stdout.trim() || 'no message').split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.slice(-3).join(' | ')
}

const DUPLICATE_RE = /Revision of the existing package is:\s*(\d+)/

function revisionOf(v: unknown, what: string): number {
  const r = (v as { revision?: unknown } | null)?.revision
  if (typeof r !== 'number' || !Number.isInteger(r)) throw new UserError(`${what}: the store's answer has no revision: ${JSON.stringify(v).slice(0, 200)}`)
  return r
}

function rows(v: unknown, what: string): Array<Record<string, unknown>> {
  if (!Array.isArray(v)) throw new UserError(`${what}: expected a JSON list from the store, got ${JSON.stringify(v).slice(0, 200)}`)
  return v as Array<Record<string, unknown>>
}

export class CharmhubStore implements Store {
  readonly kind = 'charmhub' as const
  private readonly cli: Cli
  constructor(readonly tool: string, credentials: string, log: Log, policy = storePolicy()) {
    this.cli = new Cli(tool, credentials ? { CHARMCRAFT_AUTH: credentials } : {}, log, policy)
  }

  async uploadCharm(file: string): Promise<{ revision: number; reused: boolean }> {
    try {
      return { revision: revisionOf(await this.cli.json(['upload', '--format', 'json', file]), 'charmcraft upload'), reused: false }
    } catch (e) {
      const m = e instanceof StoreError ? DUPLICATE_RE.exec(e.storeMessage) : null
      if (m) return { revision: Number(m[1]), reused: true }
      throw e
    }
  }

  async charmRevisions(name: string): Promise<Revisioned[]> {
    return rows(await this.cli.json(['revisions', name, '--format', 'json']), 'charmcraft revisions').map((r) => ({ revision: revisionOf(r, 'charmcraft revisions') }))
  }

  async declaredResources(name: string): Promise<CharmResource[]> {
    return rows(await this.cli.json(['resources', name, '--format', 'json']), 'charmcraft resources').map((r) => ({
      name: String(r.name),
      type: r.type === 'oci-image' ? 'oci-image' : 'file',
    }))
  }

  async uploadResource(name: string, resource: string, file: string): Promise<number> {
    return revisionOf(await this.cli.json(['upload-resource', '--format', 'json', name, resource, '--filepath', file]), 'charmcraft upload-resource')
  }

  async resourceRevisions(name: string, resource: string): Promise<Revisioned[]> {
    return rows(await this.cli.json(['resource-revisions', name, resource, '--format', 'json']), 'charmcraft resource-revisions').map((r) => ({
      revision: revisionOf(r, 'charmcraft resource-revisions'),
      ...(typeof r.size === 'number' ? { size: r.size } : {}),
    }))
  }

  async released(name: string, channel: Channel): Promise<Released | undefined> {
    // [{track, mappings: [{base, releases: [{channel, revision, resources: [{name, revision}], status}]}]}]
    const tracks = rows(await this.cli.json(['status', name, '--format', 'json']), 'charmcraft status')
    for (const t of tracks) {
      for (const m of (t.mappings as Array<{ releases?: Array<Record<string, unknown>> }>) ?? []) {
        for (const r of m.releases ?? []) {
          if (r.channel !== channel.name || typeof r.revision !== 'number' || r.status === 'closed' || r.status === 'tracking') continue
          const resources: Record<string, number> = {}
          for (const x of (r.resources as Array<{ name: string; revision: number }>) ?? []) resources[x.name] = x.revision
          return { revision: r.revision, resources }
        }
      }
    }
    return undefined
  }

  async release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void> {
    const args = ['release', name, '--revision', String(revision), '--channel', channel.name]
    for (const [r, rev] of Object.entries(resources)) args.push('--resource', `${r}:${rev}`)
    await this.cli.call(args)
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
  constructor(readonly tool: string, private readonly namespace: string, log: Log, policy = storePolicy()) {
    this.cli = new Cli(tool, {}, log, policy)
  }

  url(name: string, revision?: number): string {
    const base = legacyUrl(this.namespace, name)
    return revision === undefined ? base : `${base}-${revision}`
  }

  /** `charm push` takes the charm directory; `file` here is the unpacked directory of the .charm. */
  async uploadCharm(dir: string, name: string): Promise<{ revision: number; reused: boolean }> {
    const out = await this.cli.call(['push', dir, this.url(name)])
    const m = /url:\s*\S+-(\d+)\s*$/m.exec(out)
    if (!m) throw new UserError(`charm push: no revision in its answer '${out.trim().slice(0, 200)}'`)
    return { revision: Number(m[1]), reused: false }
  }

  async charmRevisions(): Promise<Revisioned[]> {
    return []
  }

  async declaredResources(name: string): Promise<CharmResource[]> {
    return rows(await this.cli.json(['list-resources', this.url(name), '--format', 'json']), 'charm list-resources').map((r) => ({ name: String(r.name), type: 'file' }))
  }

  async uploadResource(name: string, resource: string, file: string): Promise<number> {
    const out = await this.cli.call(['attach', this.url(name), `${resource}=${file}`])
    const m = /uploaded revision (\d+) of/.exec(out)
    if (!m) throw new UserError(`charm attach: no revision in its answer '${out.trim().slice(0, 200)}'`)
    return Number(m[1])
  }

  async resourceRevisions(): Promise<Revisioned[]> {
    return []
  }

  /** The legacy CLI offers no machine-readable channel map: a re-run releases again (harmless: same revisions). */
  async released(): Promise<Released | undefined> {
    return undefined
  }

  async release(name: string, revision: number, channel: Channel, resources: Record<string, number>): Promise<void> {
    const url = this.url(name, revision)
    await this.cli.call(['release', url, '--channel', channel.name, ...Object.entries(resources).flatMap(([r, rev]) => ['-r', `${r}-${rev}`])])
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
  throw new UserError(`${program} is not installed; install it (sudo snap install ${program} --classic) or run on a GitHub runner, where this action installs it from charmcraft-channel`)
}

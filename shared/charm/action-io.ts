/**
 * charm-attach-release's inputs and outputs around the plan: the charm input (a JSON array, lines of .charm paths
 * or globs, or a charm name), glob expansion, the store backend an input asks for, and the rendering of what
 * was released (the resource-revisions output and the summary table). The action's story is in
 * actions/charm-attach-release/main.ts; the plan, execution and verification in plan.ts and release.ts.
 */
import path from 'node:path'
import { parseArches, type Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { parseBool, splitLines, splitList } from '../inputs.js'
import type { Runtime } from '../runtime.js'
import { isCharmName, type CharmResource } from './metadata.js'
import {
  baseKey,
  parseChannel,
  planCommands,
  planLegacyCommands,
  showCommand,
  type Base,
  type Channel,
  type CharmFile,
  type PlannedResource,
  type ReleasePlan,
  type ResolvedRelease,
} from './plan.js'
import { type ChannelHeld, parseExpectChannel } from './channel-guard.js'
import { CharmhubStore, CharmstoreStore, ensureTool, legacyUrl, type Store } from './store.js'

export interface Inputs {
  /** .charm paths (globs expanded later), or undefined when charm is a name. */
  files?: string[]
  /** The charm name when charm is a name. */
  name?: string
  channel: Channel
  from?: Channel
  allowMissingBases: boolean
  store: 'charmhub' | 'charmstore'
  namespace: string
  charmcraftChannel: string
  credentials: string
  resourcesText: string
  arches: Arch[]
  keep: string[]
  revision?: number
  verify: boolean
  dryRun: boolean
  /** What the channel must still hold when the release starts (shared/charm/channel-guard.ts). */
  expectChannel?: ChannelHeld
}

const GLOB_RE = /[*?[]/

/**
 * The charm input: a JSON array (charm-build's `charms` output), or lines of .charm paths / globs, or one charm
 * name already in the store.
 */
export function parseCharmInput(value: string): { files: string[] } | { name: string } {
  const text = value.trim()
  if (text.startsWith('[')) {
    let list: unknown
    try {
      list = JSON.parse(text)
    } catch {
      throw new UserError(
        `charm: '${text.slice(0, 80)}' looks like a JSON array but is not valid JSON; give one .charm path per line, or charm-build's charms output as is`,
      )
    }
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && x.trim() !== '')) {
      throw new UserError("charm: the JSON array must list one or more .charm paths (charm-build's charms output)")
    }
    return { files: list.map((x: string) => x.trim()) }
  }
  const lines = splitLines(text)
  if (lines.length === 1 && !lines[0].endsWith('.charm') && !lines[0].includes('/') && !GLOB_RE.test(lines[0])) {
    if (!isCharmName(lines[0])) throw new UserError(`charm: '${lines[0]}' is neither a .charm file nor a valid charm name`)
    return { name: lines[0] }
  }
  return { files: lines }
}

/** Expand globs (relative to the working directory); a pattern that matches nothing is an error naming it. */
export async function expandFiles(patterns: string[]): Promise<string[]> {
  const out: string[] = []
  for (const p of patterns) {
    if (!GLOB_RE.test(p)) {
      out.push(p)
      continue
    }
    const glob = await import('@actions/glob') // loaded only when a pattern needs it
    const matches = (await (await glob.create(p, { matchDirectories: false, implicitDescendants: false })).glob()).sort()
    if (matches.length === 0) throw new UserError(`charm: '${p}' matches no file; build the charm first (charm-build) or fix the pattern`)
    out.push(...matches)
  }
  return [...new Set(out.map((f) => path.resolve(f)))]
}

export async function makeStore(rt: Runtime, inputs: Inputs): Promise<Store | undefined> {
  const log = (m: string) => rt.info(m)
  if (inputs.store === 'charmstore')
    return inputs.dryRun ? undefined : new CharmstoreStore(await ensureTool('charm', inputs.charmcraftChannel, log), inputs.namespace, log)
  if (!inputs.credentials) {
    if (inputs.dryRun) return undefined
    throw new UserError(
      'credentials: Charmhub credentials are required to upload; export them with `charmcraft login --export=creds.txt` and pass a secret (credentials: ${{ secrets.CHARMHUB_TOKEN }}), or set dry-run: true',
    )
  }
  return new CharmhubStore(await ensureTool('charmcraft', inputs.charmcraftChannel, log), inputs.credentials, log)
}

/** name → revision; a resource whose revision differs per base/arch (per-arch resources) → {arch: revision}. */
export function resourceRevisionsOutput(releases: ResolvedRelease[]): Record<string, number | Record<string, number>> {
  const out: Record<string, number | Record<string, number>> = {}
  const names = [...new Set(releases.flatMap((r) => Object.keys(r.resources)))]
  for (const n of names) {
    const withIt = releases.filter((r) => n in r.resources)
    const values = new Set(withIt.map((r) => r.resources[n]))
    if (values.size === 1) {
      out[n] = [...values][0]
      continue
    }
    const per: Record<string, number> = {}
    for (const r of withIt) for (const b of r.bases) per[b?.architecture ?? baseKey(b)] = r.resources[n]
    out[n] = per
  }
  return out
}

export function releaseTable(plan: ReleasePlan, releases: ResolvedRelease[], revisions: Record<string, number>): string {
  const names = [...new Set(releases.flatMap((r) => Object.keys(r.resources)))]
  const rows = Object.entries(revisions).map(([key, rev]) => {
    const rel = releases.find((r) => r.revision === rev && (r.bases.length === 0 || r.bases.some((b) => baseKey(b) === key)))
    return `| ${plan.charm} | ${key} | ${rev} | ${names.map((n) => rel?.resources[n] ?? '').join(' | ')} |`
  })
  return [`| charm | base | revision | ${names.join(' | ')} |`, `|---|---|---|${names.map(() => '---|').join('')}`, ...rows].join('\n')
}

export function getInputs(rt: Runtime): Inputs {
  const store = rt.input('store', { default: 'charmhub' })
  if (store !== 'charmhub' && store !== 'charmstore')
    throw new UserError(`store: '${store}' is not a store; use charmhub (default) or charmstore`)
  const credentials = rt.secretInput('credentials')
  const archText = rt.input('arches')
  const revText = rt.input('revision')
  if (revText && !/^[1-9][0-9]*$/.test(revText))
    throw new UserError(`revision: '${revText}' is not a revision number; use a positive integer`)
  const keep = splitList(rt.input('keep-resources'))
  if (keep.length > 0 && store === 'charmstore')
    throw new UserError('keep-resources: only supported with store: charmhub; give a file for every resource')
  const legacy = store === 'charmstore'
  const fromText = rt.input('from-channel')
  const charm = parseCharmInput(rt.input('charm', { required: true }))
  return {
    ...charm,
    channel: parseChannel(rt.input('channel', { required: true }), 'channel', legacy),
    ...(fromText ? { from: parseChannel(fromText, 'from-channel', legacy) } : {}),
    allowMissingBases: parseBool(rt.input('allow-missing-bases'), 'allow-missing-bases', false),
    store,
    namespace: rt.input('namespace'),
    charmcraftChannel: rt.input('charmcraft-channel', { default: 'latest/stable' }),
    credentials,
    resourcesText: rt.input('resources'),
    arches: archText ? parseArches(archText, 'arches') : [],
    keep,
    ...(revText ? { revision: Number(revText) } : {}),
    verify: parseBool(rt.input('verify'), 'verify', true),
    dryRun: parseBool(rt.input('dry-run'), 'dry-run', false),
    expectChannel: parseExpectChannel(rt.input('expect-channel')),
  }
}

/** A dry run: every command a real run would make and every file (size, sha256), in the log and the summary. */
export function reportDryRun(
  rt: Runtime,
  inputs: Inputs,
  o: { plan: ReleasePlan; files: CharmFile[]; resources: PlannedResource[]; declared?: CharmResource[]; table: string },
): void {
  const { plan, files, resources, declared, table } = o
  const cmds = (
    inputs.store === 'charmhub'
      ? planCommands('charmcraft', plan)
      : planLegacyCommands(legacyUrl(inputs.namespace, plan.charm), files[0]?.path, inputs.revision, resources, inputs.channel)
  ).map(showCommand)
  if (!declared && !inputs.from)
    cmds.unshift(`(charm ${plan.charm} is a name: its declared resources are checked against the store at release time)`)
  const what = plan.from
    ? `promotion of ${plan.charm} ${plan.from.name} → ${inputs.channel.name}`
    : `release of ${plan.charm} → ${inputs.channel.name}`
  rt.info(`DRY RUN: nothing is uploaded or released. Plan for the ${what}:`)
  for (const c of cmds) rt.info(`  ${c}`)
  if (plan.skipped.length) rt.info(`  (skipped, nothing in ${plan.from!.name}: ${plan.skipped.join(', ')})`)
  rt.info('Files:')
  for (const r of resources)
    rt.info(`  ${r.name}${r.arch ? ` [${r.arch.debian}]` : ''}: ${r.facts.path} ${r.facts.size} bytes sha256 ${r.facts.sha256}`)
  for (const f of files) rt.info(`  (charm ${f.bases.map(baseKey).join(', ') || 'no base'}): ${f.path} ${f.size} bytes sha256 ${f.sha256}`)
  rt.summary(`### Dry run: ${what}\n\nNothing was uploaded or released.\n\n\`\`\`\n${cmds.join('\n')}\n\`\`\`\n\n${table}`)
}

/** The revisions output: "<base-channel>/<arch>" → revision (a release without bases: the bases the store shows). */
export function revisionsOutput(
  releases: ResolvedRelease[],
  found: Array<{ channel: string; revision: number; base: Base | null }>,
  channel: Channel,
): Record<string, number> {
  const revisions: Record<string, number> = {}
  for (const rel of releases) {
    const bases = rel.bases.length
      ? rel.bases
      : found.filter((r) => r.channel === channel.name && r.revision === rel.revision).map((r) => r.base)
    for (const b of bases) revisions[baseKey(b)] = rel.revision
    if (bases.length === 0) revisions[`revision-${rel.revision}`] = rel.revision
  }
  return revisions
}

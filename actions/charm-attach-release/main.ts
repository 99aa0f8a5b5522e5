/**
 * charm-attach-release: release a charm to a channel, as plan → execute → verify.
 * - plan (pure, shared/charm/plan.ts): from the inputs and what the store says today, one ReleasePlan: every
 *   .charm (one revision per base/arch), every resource upload (each once for the charm; a per-arch resource
 *   once per arch), every release with its resource revisions, or, for a promotion, what from-channel holds.
 * - execute (shared/charm/release.ts): the only code that writes to the store.
 * - verify: read the channel map back and check, per base, the revision and every resource revision.
 * A dry run prints the plan and stops; a re-run uploads nothing new and releases only what differs.
 */
import path from 'node:path'
import * as glob from '@actions/glob'
import { parseArches, type Arch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { parseBool, splitLines, splitList } from '../../shared/inputs.js'
import type { Runtime } from '../../shared/runtime.js'
import { isCharmName, type CharmResource } from '../../shared/charm/metadata.js'
import {
  baseKey,
  buildPlan,
  checkCharmFiles,
  checkResourceCoverage,
  parseChannel,
  parseResourceLines,
  planCommands,
  planJson,
  planLegacyCommands,
  showCommand,
  uploadsOf,
  type Channel,
  type CharmFile,
  type ReleasePlan,
  type ResolvedRelease,
  type StoreView,
} from '../../shared/charm/plan.js'
import {
  Ledger,
  checkResourceFiles,
  executePlan,
  filesTable,
  readCharmFile,
  readStoreView,
  verifyFailure,
  verifyReleases,
} from '../../shared/charm/release.js'
import { CharmhubStore, CharmstoreStore, ensureTool, legacyUrl, type Store } from '../../shared/charm/store.js'
import { checkInputPath } from '../../shared/paths.js'

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
  }
}

/** Expand globs (relative to the working directory); a pattern that matches nothing is an error naming it. */
async function expandFiles(patterns: string[]): Promise<string[]> {
  const out: string[] = []
  for (const p of patterns) {
    if (!GLOB_RE.test(p)) {
      out.push(p)
      continue
    }
    const matches = (await (await glob.create(p, { matchDirectories: false, implicitDescendants: false })).glob()).sort()
    if (matches.length === 0) throw new UserError(`charm: '${p}' matches no file; build the charm first (charm-build) or fix the pattern`)
    out.push(...matches)
  }
  return [...new Set(out.map((f) => path.resolve(f)))]
}

async function makeStore(rt: Runtime, inputs: Inputs): Promise<Store | undefined> {
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

function releaseTable(plan: ReleasePlan, releases: ResolvedRelease[], revisions: Record<string, number>): string {
  const names = [...new Set(releases.flatMap((r) => Object.keys(r.resources)))]
  const rows = Object.entries(revisions).map(([key, rev]) => {
    const rel = releases.find((r) => r.revision === rev && (r.bases.length === 0 || r.bases.some((b) => baseKey(b) === key)))
    return `| ${plan.charm} | ${key} | ${rev} | ${names.map((n) => rel?.resources[n] ?? '').join(' | ')} |`
  })
  return [`| charm | base | revision | ${names.join(' | ')} |`, `|---|---|---|${names.map(() => '---|').join('')}`, ...rows].join('\n')
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)

  // 1. Read and check everything before a store is written to.
  const files: CharmFile[] = []
  const paths = await expandFiles(inputs.files ?? [])
  for (const f of paths) await checkInputPath(f, 'charm', 'file')
  for (const f of paths) files.push(await readCharmFile(f, rt.tempRoot()))
  checkCharmFiles(files, inputs.store)
  const name = files[0]?.name ?? inputs.name!
  const fileArches = [...new Set(files.flatMap((f) => f.bases.map((b) => b.architecture)))].filter((a) => a !== 'all')
  const arches = inputs.arches.length
    ? inputs.arches
    : fileArches.length
      ? parseArches(fileArches.join(' '), 'charm (the architectures in manifest.yaml)')
      : []
  const given = parseResourceLines(inputs.resourcesText, arches)
  if (inputs.store === 'charmstore' && given.some((r) => r.perArch))
    throw new UserError(
      'resources: per-arch resources ({arch} only in the path) need Charmhub; the legacy charm store has no architectures per resource revision',
    )
  const store = await makeStore(rt, inputs)
  let declared: CharmResource[] | undefined = files[0]?.resources
  if (!declared && store && !inputs.from) declared = await store.declaredResources(name)
  if (declared) checkResourceCoverage(name, declared, given, inputs.keep)
  const resources = await checkResourceFiles(given, declared ?? [], arches)

  // 2. What the store says, then the plan (pure).
  const ledger = store ? new Ledger(rt, store.kind, name) : undefined
  await ledger?.load()
  const view: StoreView = store
    ? await readStoreView(store, name, inputs.from ? [] : [...new Set([...given.map((r) => r.name), ...inputs.keep])], ledger, !inputs.from)
    : { resourceRevisions: {}, ledger: {} }
  const plan = buildPlan(
    {
      charm: name,
      channel: inputs.channel,
      store: inputs.store,
      files,
      ...(inputs.revision ? { revision: inputs.revision } : {}),
      ...(inputs.from ? { from: inputs.from } : {}),
      allowMissingBases: inputs.allowMissingBases,
      resources,
      keep: inputs.keep,
    },
    view,
  )
  const table = filesTable(resources, files)
  rt.output('plan', planJson(plan))
  rt.output('channel', inputs.channel.name)
  for (const s of plan.skipped)
    rt.warning(`from-channel: ${plan.from!.name} holds nothing for base ${s}; not promoted (allow-missing-bases: true)`)

  if (inputs.dryRun) {
    const cmds = (
      inputs.store === 'charmhub'
        ? planCommands('charmcraft', plan)
        : planLegacyCommands(legacyUrl(inputs.namespace, name), files[0]?.path, inputs.revision, resources, inputs.channel)
    ).map(showCommand)
    if (!declared && !inputs.from)
      cmds.unshift(`(charm ${name} is a name: its declared resources are checked against the store at release time)`)
    const what = plan.from
      ? `promotion of ${name} ${plan.from.name} → ${inputs.channel.name}`
      : `release of ${name} → ${inputs.channel.name}`
    rt.info(`DRY RUN: nothing is uploaded or released. Plan for the ${what}:`)
    for (const c of cmds) rt.info(`  ${c}`)
    if (plan.skipped.length) rt.info(`  (skipped, nothing in ${plan.from!.name}: ${plan.skipped.join(', ')})`)
    rt.info('Files:')
    for (const r of resources)
      rt.info(`  ${r.name}${r.arch ? ` [${r.arch.debian}]` : ''}: ${r.facts.path} ${r.facts.size} bytes sha256 ${r.facts.sha256}`)
    for (const f of files)
      rt.info(`  (charm ${f.bases.map(baseKey).join(', ') || 'no base'}): ${f.path} ${f.size} bytes sha256 ${f.sha256}`)
    rt.summary(`### Dry run: ${what}\n\nNothing was uploaded or released.\n\n\`\`\`\n${cmds.join('\n')}\n\`\`\`\n\n${table}`)
    return
  }

  // 3. Execute (the only writes), 4. verify (read-only).
  const result = await rt.group(`${plan.from ? `Promote ${name} ${plan.from.name} →` : `Release ${name} to`} ${inputs.channel.name}`, () =>
    executePlan(rt, store!, plan, ledger!),
  )
  let verified = 'not verified (verify: false)'
  const check = inputs.verify ? await verifyReleases(store!, plan, result.releases) : undefined
  if (inputs.verify && !check) verified = 'not verified: the legacy charm store has no channel map to read back'
  const revisions: Record<string, number> = {}
  for (const rel of result.releases) {
    const bases = rel.bases.length
      ? rel.bases
      : (check?.found ?? []).filter((r) => r.channel === inputs.channel.name && r.revision === rel.revision).map((r) => r.base)
    for (const b of bases) revisions[baseKey(b)] = rel.revision
    if (bases.length === 0) revisions[`revision-${rel.revision}`] = rel.revision
  }
  const resourceRevisions = resourceRevisionsOutput(result.releases)
  rt.output('revisions', revisions)
  rt.output('revision', String(result.releases[0]?.revision ?? ''))
  rt.output('resource-revisions', resourceRevisions)
  const revs = [...new Set(result.releases.map((r) => r.revision))]
  const state = result.released
    ? `released revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}`
    : `already released (revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}): nothing changed`
  const head = `### ${name}${plan.from ? ` ${plan.from.name}` : ''} → \`${inputs.channel.name}\`: ${state}\n\nUploaded: ${result.uploaded.join(', ') || 'nothing'}; reused: ${result.reused.join(', ') || 'nothing'}.`
  const body = `${releaseTable(plan, result.releases, revisions)}${plan.skipped.length ? `\n\nNot promoted (nothing in ${plan.from!.name}): ${plan.skipped.join(', ')}` : ''}${uploadsOf(plan, 'resource').length || files.length ? `\n\n${table}` : ''}`
  if (check && check.mismatches.length) {
    const { line, table: diff } = verifyFailure(plan, check.mismatches)
    rt.info(`verify: expected vs found in ${inputs.channel.name}:`)
    for (const l of diff.split('\n')) rt.info(`  ${l}`)
    rt.summary(`${head}\n\n**Verify failed**: the channel map differs from what was released.\n\n${diff}\n\n${body}`)
    throw new UserError(line)
  }
  if (check)
    verified = `verified: ${inputs.channel.name} holds every revision and resource revision released, for ${Object.keys(revisions).length} base${Object.keys(revisions).length === 1 ? '' : 's'}`
  rt.info(verified)
  rt.summary(`${head} ${verified[0].toUpperCase()}${verified.slice(1)}.\n\n${body}`)
}

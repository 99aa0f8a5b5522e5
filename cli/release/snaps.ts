/**
 * The snaps job (release.yml and promote.yml `snaps`, behind the `release` environment; the local pipeline's
 * step between the charm jobs and the first charm release): check every snap's name and tracks, upload and
 * release what the store lacks, read it all back, then the gate. Before any charm is uploaded or released.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CdkPlan } from '../../shared/release/plan.js'
import { DescriptionError } from '../../shared/release/description.js'
import { parseChannel } from '../../shared/charm/plan.js'
import { UserError } from '../../shared/errors.js'
import { sha256File } from '../../shared/files.js'
import { inspectSnap } from '../../shared/snap/inspect.js'
import { checkSnaps, DEFAULT_PARALLEL, gate, publish, readStatus, statusOrThrow, verifyLines } from '../../shared/snap-store/publish.js'
import {
  planPromotion,
  planPublish,
  publishCommands,
  type SnapArtifact,
  type SnapRecord,
  type SnapStep,
} from '../../shared/snap-store/plan.js'
import { SnapStore } from '../../shared/snap-store/snapcraft.js'

/** How a release engineer makes the secret (snapcraft 8 account.py ExportLoginCommand's options). */
export function exportLoginLine(snaps: string[], channels: string[]): string {
  return `snapcraft export-login --snaps ${snaps.join(',')} --channels ${channels.join(',')} --acls package_access,package_push,package_release snapcraft-credentials.txt`
}

export interface SnapsJobOptions {
  plan: CdkPlan
  /** Promotion: the channel whose snap revisions go to plan.channel. */
  from?: string
  /** Where the build jobs' artifacts are (release-<arch>/). */
  dir: string
  dryRun: boolean
  /** The snapcraft program. */
  snapcraft: string
  credentials: string
  /** More environment for snapcraft (the double's state directory). */
  env?: Record<string, string>
  log: (m: string) => void
  parallel?: number
}

export interface SnapsJobResult {
  records: SnapRecord[]
  steps: SnapStep[]
  /** Every snapcraft command the job runs (a dry run: would run). */
  commands: string[][]
  /** How many (charm, arch, snap) the gate checked. */
  gateChecked: number
}

/** The built .snap of every published (snap, arch): release-<arch>/<snap>_<version>_<arch>.snap, read back. */
export async function publishedArtifacts(plan: CdkPlan, dir: string): Promise<SnapArtifact[]> {
  const pub = plan.snapStore!
  const out: SnapArtifact[] = []
  const missing: string[] = []
  for (const arch of pub.arches) {
    const folder = path.join(dir, `release-${arch}`)
    const names = await readdir(folder).catch(() => [] as string[])
    for (const snap of pub.snaps) {
      const name = names.find((n) => n.startsWith(`${snap}_`) && n.endsWith(`_${arch}.snap`))
      if (!name) {
        missing.push(`snap-store: ${snap} for ${arch}: no ${snap}_<version>_${arch}.snap in ${folder}; its build job did not build it`)
        continue
      }
      const file = path.join(folder, name)
      const info = await inspectSnap(file, `${snap} ${arch}`)
      const { size } = info
      out.push({ snap, arch, version: String(info.yaml?.version ?? ''), file, size, sha256: await sha256File(file) })
    }
  }
  if (missing.length) throw new DescriptionError(missing)
  return out
}

/** The snaps job. Throws one DescriptionError (one line per problem) on any refusal, before the first upload. */
export async function snapsJob(o: SnapsJobOptions): Promise<SnapsJobResult> {
  const pub = o.plan.snapStore
  const parallel = o.parallel ?? DEFAULT_PARALLEL
  const needs = o.plan.snapNeeds ?? []
  const snaps = pub?.snaps ?? []
  const channels = o.from ? [o.plan.channel] : (pub?.channels ?? [])
  if (!o.credentials && !o.dryRun)
    throw new UserError(
      `SNAPCRAFT_STORE_CREDENTIALS is not set; the snaps job reads the Snap Store${pub ? ' and publishes to it' : ' for the gate'}: make it with \`${exportLoginLine(snaps.length ? snaps : [...new Set(needs.map((n) => n.snap))], channels.length ? channels : [...new Set(needs.map((n) => n.channel))])}\` and keep the file's content as the secret SNAPCRAFT_STORE_CREDENTIALS of the release environment`,
    )
  const tool = path.basename(o.snapcraft)
  const artifacts = pub && !o.from ? await publishedArtifacts(o.plan, o.dir) : []
  const result: SnapsJobResult = { records: [], steps: [], commands: [], gateChecked: needs.length }
  if (!o.credentials) {
    // A dry run without the credential: every command, as if the store held nothing.
    result.steps = o.from ? [] : planPublish(artifacts, channels, {})
    result.commands = [...publishCommands(tool, snaps, result.steps), ...gateCommands(tool, needs, snaps)]
    return result
  }
  const store = new SnapStore(o.snapcraft, o.credentials, o.log, undefined, o.env)
  // 1. Names, credential and tracks, before anything is uploaded.
  if (pub) {
    const problems = await checkSnaps(store, snaps, channels, parallel)
    if (problems.length) throw new DescriptionError(problems)
  }
  // 2. What the channels hold, then what to upload and release.
  const status = statusOrThrow(await readStatus(store, snaps, parallel))
  if (pub && o.from) {
    const { steps, problems } = planPromotion(snaps, pub.arches, parseChannel(o.from, 'from-channel'), parseChannel(o.plan.channel), status)
    if (problems.length) throw new DescriptionError(problems)
    result.steps = steps
  } else result.steps = planPublish(artifacts, channels, status)
  result.commands = [...publishCommands(tool, snaps, result.steps), ...gateCommands(tool, needs, snaps)]
  if (o.dryRun) return result
  // 3. Publish, 4. read it all back.
  result.records = await publish(store, result.steps, o.log, parallel)
  const after = pub ? statusOrThrow(await readStatus(store, snaps, parallel)) : {}
  const wrong = verifyLines(result.records, after)
  if (wrong.length) throw new DescriptionError(wrong)
  // 5. The gate: every snap each charm installs, for every arch it serves, in its channel (what was just read
  // back is not read again).
  const gaps = await gate(store, needs, parallel, after)
  if (gaps.length) throw new DescriptionError(gaps)
  return result
}

/** The gate's reads: the status of each snap the charms install that the publish steps do not read back. */
const gateCommands = (tool: string, needs: Array<{ snap: string }>, readBack: string[]) =>
  [...new Set(needs.map((n) => n.snap))].filter((s) => !readBack.includes(s)).map((s) => [tool, 'status', s])

/** The snaps job's record (results/snaps.json): what each (snap, arch) holds now, and the gate. */
export async function writeSnapRecord(file: string, r: SnapsJobResult): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, `${JSON.stringify({ snaps: r.records, gate: { checked: r.gateChecked, gaps: 0 } }, null, 2)}\n`)
}

/** The summary's table: snap × arch → revision, version, channels, sha256. */
export function snapTable(records: SnapRecord[]): string {
  if (!records.length) return ''
  return [
    '| snap | arch | revision | version | channels | sha256 | |',
    '|---|---|---|---|---|---|---|',
    ...records.map(
      (r) => `| ${r.snap} | ${r.arch} | ${r.revision} | ${r.version} | ${r.channels.join(', ')} | \`${r.sha256 || '-'}\` | ${r.action} |`,
    ),
  ].join('\n')
}

/** Every snaps record (snaps.json) under dir, as the summary job downloads them. */
export async function readSnapRecords(dir: string): Promise<SnapRecord[]> {
  const out: SnapRecord[] = []
  for (const rel of (await readdir(dir, { recursive: true }).catch(() => [] as string[])).map(String).sort()) {
    if (path.basename(rel) !== 'snaps.json') continue
    const doc = JSON.parse(await readFile(path.join(dir, rel), 'utf8').catch(() => 'null')) as { snaps?: SnapRecord[] } | null
    if (Array.isArray(doc?.snaps)) out.push(...doc.snaps)
  }
  return out
}

/**
 * What the job does, or (a dry run) would do: the summary table of what was published, else the planned steps
 * (snap × arch → the revision the store already has, version, channels, sha256, upload/release/keep), then
 * every snapcraft command.
 */
export function snapsReport(r: SnapsJobResult): string {
  if (r.records.length) return snapTable(r.records)
  const planned = r.steps.length
    ? [
        '| snap | arch | revision | version | channels | sha256 | planned |',
        '|---|---|---|---|---|---|---|',
        ...r.steps.map(
          (s) =>
            `| ${s.snap} | ${s.arch} | ${s.revision ?? '(new)'} | ${s.version} | ${s.channels.join(', ')} | \`${s.sha256 || '-'}\` | ${s.action === 'upload' ? 'upload' : s.action === 'release' ? `release to ${s.releaseTo.join(', ')}` : 'keep'} |`,
        ),
        '',
      ]
    : []
  return [...planned, 'snapcraft commands:', '', '```', ...r.commands.map((c) => c.join(' ')), '```'].join('\n')
}

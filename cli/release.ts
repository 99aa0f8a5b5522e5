/**
 * The release of a whole Charmed Kubernetes, cdk-release.yaml (shared/cdk-release.ts), as
 * .github/workflows/release.yml and promote.yml run it, and the steps those workflows run through this CLI.
 *
 *   build-snaps release [run] --config cdk-release.yaml [--dry-run true] [--channel C] [--output-dir release] [--resume true]
 *       the whole pipeline locally: release.yml's jobs in its order (plan → build per arch → charm per charm →
 *       release per charm → bundle → summary) through the same dist bundles (runActionLocally), against a
 *       loopback mirror of stand-in upstream binaries (cross-compiled with go) and the charmcraft TEST DOUBLE
 *       (test/doubles/charmcraft) instead of Charmhub. The double's store state stays in <output-dir>/store,
 *       so a second run is a re-run; --resume true re-runs only the release with the artifacts already built
 *       (GitHub's "Re-run jobs" keeps the artifacts of the jobs that succeeded).
 *   build-snaps release --config F --promote 1.31/edge --channel 1.31/beta [--allow-missing-bases true]
 *       promote.yml locally: every charm, every base that 1.31/edge holds, released to 1.31/beta; then bundle.
 *   build-snaps release plan --config F [--channel C] [--dry-run B] [--promote FROM] [--base-url URL]
 *       the plan job: validates the description (one error line per bad field), writes the matrices.
 *   build-snaps release record | bundle | sboms | attested | summarize ...
 *       the other run: steps of the workflows (see each mode below).
 *   build-snaps release serve-mirror --dir D [--arches ...]
 *       only the loopback mirror (CI's self-test job runs the actions against it); writes D/url, serves until killed.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ARCHES, type Arch, parseArches } from '../shared/arch.js'
import { UserError } from '../shared/errors.js'
import { run, which } from '../shared/exec.js'
import { inspectGo } from '../shared/golang.js'
import { sourceDateEpoch } from '../shared/epoch.js'
import { parseBool } from '../shared/inputs.js'
import { describeFiles, humanSize } from '../shared/manifest.js'
import { parseChannel } from '../shared/charm/plan.js'
import { charmArches } from '../shared/charm/release.js'
import { parseKubeVersion, resolveKubeVersion } from '../shared/k8s.js'
import { writeTarGz } from '../shared/archive.js'
import {
  type CdkPlan,
  type CharmPlan,
  checkDescription,
  DescriptionError,
  type Description,
  loadDescription,
  makePlan,
  planMarkdown,
  planOutputs,
  type ReleasedCharm,
  renderBundles,
  checkRenderedBundles,
  loadBundleCharms,
} from '../shared/cdk-release.js'
import { buildFakeK8s, hexDigest, populateK8sMirror } from './fake-k8s.js'
import { parseInputArgs, repoRoot, runActionLocally, type ActionRun } from './local.js'
import { startMirror, type Mirror } from './mirror.js'

/** The workflow_dispatch defaults of release.yml (test/workflows.test.ts checks they agree). */
export const RELEASE_DEFAULTS = {
  config: 'cdk-release.yaml',
  channel: '',
  'dry-run': 'true',
} as const

// ---------------------------------------------------------------- plan (the plan job)

export interface PlanRequest {
  config: string
  channel?: string
  /** Promotion: the channel whose revisions are promoted to `channel`. */
  promote?: string
  /** dl.k8s.io or a mirror: resolves a marker in versions.kubernetes. */
  kubeBaseUrl?: string
  /** Paths of the plan relative to this directory (the workspace); absolute when undefined. */
  root?: string
  artifacts: string
  log?: (m: string) => void
}

export interface LoadedPlan {
  desc: Description
  plan: CdkPlan
  /** The channel promoted from (promotion only). */
  from?: string
}

/** Validate (schema, then every charm), resolve the Kubernetes version, make the plan: nothing is built before. */
export async function planFromConfig(r: PlanRequest): Promise<LoadedPlan> {
  const file = path.resolve(r.config)
  const desc = await loadDescription(file)
  const scratch = await mkdtemp(path.join(tmpdir(), 'build-snaps-plan-'))
  try {
    const infos = await checkDescription(desc, path.dirname(file), path.basename(file), scratch)
    if (r.promote !== undefined && !r.channel)
      throw new UserError('channel: a promotion needs the channel to promote to, e.g. --channel 1.31/beta')
    const from = r.promote !== undefined ? parseChannel(r.promote, 'from-channel').name : undefined
    const kube = await resolveKubeVersion(desc.versions.kubernetes, r.kubeBaseUrl ?? 'https://dl.k8s.io', r.log ?? (() => {}))
    const plan = makePlan(desc, infos, {
      kubeVersion: kube,
      dir: path.dirname(file),
      ...(r.root !== undefined ? { root: r.root } : {}),
      artifacts: r.artifacts,
      ...(r.channel ? { channel: r.channel } : {}),
    })
    if (from && from === plan.channel)
      throw new UserError(`channel: promoting ${from} to itself; give another channel, e.g. ${from.replace(/edge$/, 'beta')}`)
    return { desc, plan, ...(from ? { from } : {}) }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- record, bundle (the release and bundle jobs)

/**
 * charm-attach-release's outputs → what the channel holds for the charm: `revisions` is "<base-channel>/<arch>" →
 * revision; `resource-revisions` is name → revision (the same for every base) or name → {arch → revision}.
 */
export function toReleased(charm: string, channel: string, revisionsJson: string, resourceRevisionsJson: string): ReleasedCharm {
  const parse = (t: string, what: string) => {
    try {
      return JSON.parse(t || '{}') as Record<string, unknown>
    } catch {
      throw new UserError(`--${what}: not JSON: '${t.slice(0, 80)}'; pass charm-attach-release's ${what} output`)
    }
  }
  const revisions = parse(revisionsJson, 'revisions')
  const resources = parse(resourceRevisionsJson, 'resource-revisions')
  const bases: ReleasedCharm['bases'] = {}
  for (const [key, rev] of Object.entries(revisions)) {
    if (typeof rev !== 'number') throw new UserError(`--revisions: '${key}' is ${JSON.stringify(rev)}, not a revision number`)
    const arch = key.split('/').at(-1)!
    const res: Record<string, number> = {}
    for (const [name, v] of Object.entries(resources)) {
      const n = typeof v === 'number' ? v : ((v as Record<string, number>)?.[arch] ?? (v as Record<string, number>)?.[key])
      if (typeof n === 'number') res[name] = n
    }
    bases[key] = { revision: rev, resources: res }
  }
  return { charm, channel, bases }
}

/** Every record (results/<charm>.json) under dir, whatever the artifact folders around them. */
export async function readRecords(dir: string): Promise<ReleasedCharm[]> {
  if (!existsSync(dir)) return []
  const out: ReleasedCharm[] = []
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    if (!rel.endsWith('.json') || rel.endsWith('.spdx.json') || rel.endsWith('.intoto.json')) continue
    const doc = JSON.parse(await readFile(path.join(dir, rel), 'utf8').catch(() => 'null')) as ReleasedCharm | null
    if (doc && typeof doc.charm === 'string' && typeof doc.channel === 'string' && doc.bases && typeof doc.bases === 'object') out.push(doc)
  }
  return out
}

export async function writeBundles(desc: Description, configDir: string, released: ReleasedCharm[], outDir: string): Promise<string[]> {
  if (released.length === 0) throw new UserError('results: no charm records found; the release job writes one per charm (release record)')
  const template = desc.bundle?.template ? await readFile(path.resolve(configDir, desc.bundle.template), 'utf8') : undefined
  // The description's order, whatever order the records were found in.
  const order = Object.keys(desc.charms)
  const sorted = [...released].sort((a, b) => order.indexOf(a.charm) - order.indexOf(b.charm))
  const scratch = await mkdtemp(path.join(tmpdir(), 'bs-bundle-'))
  const charms = await loadBundleCharms(desc, configDir, scratch).finally(() => rm(scratch, { recursive: true, force: true }))
  const bundles = renderBundles(sorted, template, desc.bundle?.name ?? 'charmed-kubernetes', charms)
  // juju's bundle checks on every bundle before any is written (shared/bundle-check.ts).
  const problems = checkRenderedBundles(bundles, charms)
  if (problems.length)
    throw new DescriptionError(
      problems.map(
        (l) =>
          `${l}; juju refuses this bundle: fix ${desc.bundle?.template ? `bundle.template (${desc.bundle.template})` : 'the charm metadata'}`,
      ),
    )
  await mkdir(outDir, { recursive: true })
  const files: string[] = []
  for (const b of bundles) {
    const f = path.join(outDir, b.file)
    await writeFile(f, `# Pinned by build-snaps: deploy exactly what was released with  juju deploy ./${b.file}\n${b.yaml}`)
    files.push(f)
  }
  return files
}

// ---------------------------------------------------------------- SBOMs and attestations (the attesting jobs)

export interface SbomEntry {
  id: string
  /** The workflow artifact holding the SBOM (sbom-<arch>, sbom-charm-<name>). */
  artifact: string
  /** Path of the SBOM inside that artifact. */
  sbom: string
  /** The artifact file the SBOM describes. */
  subject: string
  digest: string
}

/** Every <file>.spdx.json under dir/<artifact>/, with its subject's sha256 from the SHA256SUMS beside it. */
export async function listSboms(dir: string): Promise<SbomEntry[]> {
  const out: SbomEntry[] = []
  if (!existsSync(dir)) return out
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    if (!rel.endsWith('.spdx.json')) continue
    const [artifact, ...inner] = rel.split(path.sep)
    const subject = path.basename(rel).replace(/\.spdx\.json$/, '')
    const sums = await readFile(path.join(dir, path.dirname(rel), 'SHA256SUMS'), 'utf8').catch(() => '')
    const hex = sums
      .split('\n')
      .map((l) => l.match(/^([0-9a-f]{64}) [ *](.+)$/))
      .find((m) => m?.[2] === subject)?.[1]
    if (!hex) throw new UserError(`${rel}: no sha256 for ${subject} in the SHA256SUMS beside it; the build action writes both`)
    out.push({ id: String(out.length + 1), artifact, sbom: inner.join('/'), subject, digest: `sha256:${hex}` })
  }
  return out
}

export interface AttestationRecord {
  kind: 'provenance' | 'sbom'
  url: string
  subjects: string[]
}

const ARTIFACT_RE = /\.(snap|tgz|tar\.gz|charm)$/

// ---------------------------------------------------------------- summary (the summary job)

export interface ArtifactRow {
  arch: string
  artifact: string
  file: string
  size: number
  sha256: string
  attestations: string[]
}

/**
 * The arch of a downloaded artifact: release-<arch>/...; for a .charm, every arch its manifest.yaml bases serve
 * ("amd64, arm64, s390x" for one multi-arch revision), else the _<arch>.charm / -<arch>.charm of its name.
 */
async function artifactArch(dir: string, rel: string): Promise<string> {
  const release = rel.split('/')[0].match(/^release-(.+)$/)?.[1]
  if (release) return release
  const served = rel.endsWith('.charm') ? await charmArches(path.join(dir, rel)) : []
  if (served.length)
    return ARCHES.filter((a) => served.includes(a.debian))
      .map((a) => a.debian)
      .join(', ')
  return ARCHES.find((a) => new RegExp(`[-_]${a.debian}\\.charm$`).test(rel))?.debian ?? 'all'
}

/** Every artifact (snap, tarball, .charm, placeholder) under dir, in the layout of the downloaded workflow artifacts. */
export async function collectArtifacts(dir: string, attestations: AttestationRecord[] = []): Promise<ArtifactRow[]> {
  if (!existsSync(dir)) throw new UserError(`--dir: ${dir} does not exist; download the release artifacts into it first`)
  const rels = (await readdir(dir, { recursive: true })).map(String).sort()
  const files: string[] = []
  for (const r of rels) {
    const top = r.split(path.sep)[0]
    if (!/^(release-|charm-)/.test(top) || !ARTIFACT_RE.test(r)) continue
    if ((await stat(path.join(dir, r))).isFile()) files.push(r)
  }
  const described = await describeFiles(files.map((f) => path.join(dir, f)))
  const rows: ArtifactRow[] = []
  for (const [i, d] of described.entries()) {
    const name = path.basename(files[i])
    const att = attestations.filter((a) => a.subjects.includes(name)).map((a) => `[${a.kind}](${a.url})`)
    rows.push({
      arch: await artifactArch(dir, files[i]),
      artifact: name,
      file: files[i],
      size: d.size,
      sha256: d.sha256,
      attestations: att,
    })
  }
  const order = (a: string) => (a === 'all' ? 999 : ARCHES.findIndex((x) => x.debian === a.split(', ')[0]))
  return rows.sort((a, b) => order(a.arch) - order(b.arch) || a.artifact.localeCompare(b.artifact))
}

async function readAttestations(dir: string): Promise<AttestationRecord[]> {
  const out: AttestationRecord[] = []
  if (!existsSync(dir)) return out
  for (const rel of (await readdir(dir, { recursive: true })).map(String)) {
    if (!rel.startsWith('attestations-') || !rel.endsWith('.json')) continue
    const doc = JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as AttestationRecord
    if (doc?.url && Array.isArray(doc.subjects)) out.push(doc)
  }
  return out
}

/** The file a charm's resource is attached from, for one arch (from the plan's resource lines). */
export function resourceFile(c: CharmPlan, resource: string, arch: string): string | undefined {
  for (const line of c.resources.split('\n').filter(Boolean)) {
    const i = line.indexOf('=')
    const [name, file] = [line.slice(0, i), line.slice(i + 1)]
    if (name.replace('{arch}', arch) === resource) return file.replaceAll('{arch}', arch)
    // cni-s390x is attached to the amd64 revision too (every declared resource is): its file is s390x's.
    const other = name.includes('{arch}') ? ARCHES.find((a) => name.replace('{arch}', a.debian) === resource) : undefined
    if (other) return file.replaceAll('{arch}', other.debian)
  }
  return undefined
}

export async function releaseTable(released: ReleasedCharm[], plan: CdkPlan | undefined, base: string): Promise<string[]> {
  const rows: string[] = []
  for (const r of released) {
    const c = plan?.charms.find((x) => x.charm === r.charm)
    for (const [key, b] of Object.entries(r.bases)) {
      const arch = key.split('/').at(-1)!
      const names = Object.keys(b.resources).sort()
      if (names.length === 0) rows.push(`| ${r.charm} | ${key} | ${b.revision} | - | - | - | - |`)
      for (const n of names) {
        const f = c && resourceFile(c, n, arch)
        const abs = f && path.resolve(base, f)
        const facts = abs && existsSync(abs) ? (await describeFiles([abs]))[0] : undefined
        const kept = c?.keep.split(' ').includes(n)
        rows.push(
          `| ${r.charm} | ${key} | ${b.revision} | ${n} | ${b.resources[n]} | ${facts ? humanSize(facts.size) : kept ? 'kept' : '-'} | ${facts ? `\`${facts.sha256}\`` : '-'} |`,
        )
      }
    }
  }
  return rows
}

export function summaryMarkdown(title: string, notes: string[], releaseRows: string[], rows: ArtifactRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.arch} | ${r.artifact} | ${humanSize(r.size)}${r.size === 0 ? ' (placeholder)' : ''} | \`${r.sha256}\` | ${r.attestations.join(', ') || '-'} |`,
  )
  const arches = [...new Set(rows.flatMap((r) => r.arch.split(', ')).filter((a) => a !== 'all'))]
  return [
    `### ${title}`,
    '',
    ...notes.map((n) => `${n}  `),
    ...(releaseRows.length
      ? [
          '',
          '| charm | base/arch | revision | resource | resource revision | size | sha256 |',
          '|---|---|---|---|---|---|---|',
          ...releaseRows,
        ]
      : []),
    ...(rows.length
      ? [
          '',
          `${rows.length} artifacts for ${arches.length} architectures (${arches.join(', ')}).`,
          '',
          '| arch | artifact | size | sha256 | attestations |',
          '|---|---|---|---|---|',
          ...lines,
        ]
      : []),
  ].join('\n')
}

// ---------------------------------------------------------------- the loopback mirror of upstream stand-ins

export interface UpstreamVersions {
  kube: string
  cni: string
  flannel: string
  etcd: string
}

export const CNI_PLUGINS = [
  'bandwidth',
  'bridge',
  'dhcp',
  'firewall',
  'host-device',
  'host-local',
  'ipvlan',
  'loopback',
  'macvlan',
  'portmap',
  'ptp',
  'sbr',
  'static',
  'tuning',
  'vlan',
  'vrf',
]

/** The one stand-in (cli/fake-k8s.ts) answers as a CNI plugin, flanneld, etcd and etcdctl too. */
async function buildStandIn(buildDir: string, arch: Arch, version: string): Promise<string> {
  if (!(await inspectGo('go')))
    throw new UserError(
      'go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  return buildFakeK8s(buildDir, arch, version)
}

async function tarballWithSha256(dest: string, entries: { name: string; file?: string; data?: string }[]): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true })
  await writeTarGz(dest, entries, { mtime: 1_700_000_000 })
  await writeFile(`${dest}.sha256`, `${hexDigest(await readFile(dest), 'sha256')}  ${path.basename(dest)}\n`)
}

/**
 * Lay out, under root, what the release downloads, in the upstream layouts and names:
 *   k8s/release/<v>/bin/linux/<k8s-arch>/<binary>{,.sha256}            (dl.k8s.io)
 *   cni/<v>/cni-plugins-linux-<go-arch>-<v>.tgz{,.sha256}               (containernetworking/plugins releases)
 *   flannel/<v>/flannel-<v>-linux-<go-arch>.tar.gz{,.sha256}            (flannel-io/flannel releases)
 *   etcd/<v>/etcd-<v>-linux-<go-arch>.tar.gz{,.sha256}, SHA256SUMS      (etcd-io/etcd releases)
 */
export async function populateUpstreamMirror(root: string, v: UpstreamVersions, arches: Arch[], buildDir: string): Promise<void> {
  await populateK8sMirror(path.join(root, 'k8s'), v.kube, arches, buildDir)
  for (const arch of arches) {
    const cni = await buildStandIn(buildDir, arch, v.cni)
    await tarballWithSha256(path.join(root, 'cni', v.cni, `cni-plugins-linux-${arch.go}-${v.cni}.tgz`), [
      ...CNI_PLUGINS.map((p) => ({ name: `./${p}`, file: cni })),
      { name: './LICENSE', data: 'Apache-2.0 (stand-in)\n' },
    ])
    const flannel = await buildStandIn(buildDir, arch, v.flannel)
    await tarballWithSha256(path.join(root, 'flannel', v.flannel, `flannel-${v.flannel}-linux-${arch.go}.tar.gz`), [
      { name: 'flanneld', file: flannel },
      { name: 'mk-docker-opts.sh', data: '#!/bin/sh\n# stand-in\n' },
      { name: 'README.md', data: 'flannel (stand-in)\n' },
    ])
    const etcd = await buildStandIn(buildDir, arch, v.etcd)
    const top = `etcd-${v.etcd}-linux-${arch.go}`
    await tarballWithSha256(path.join(root, 'etcd', v.etcd, `${top}.tar.gz`), [
      { name: `${top}/etcd`, file: etcd },
      { name: `${top}/etcdctl`, file: etcd },
      { name: `${top}/README.md`, data: 'etcd (stand-in)\n' },
    ])
  }
  // etcd-io/etcd publishes one SHA256SUMS per release (build-etcd-snap checks the tarball against it).
  const etcdDir = path.join(root, 'etcd', v.etcd)
  const tarballs = (await readdir(etcdDir)).filter((f) => f.endsWith('.tar.gz')).sort()
  await writeFile(
    path.join(etcdDir, 'SHA256SUMS'),
    (await Promise.all(tarballs.map(async (f) => `${hexDigest(await readFile(path.join(etcdDir, f)), 'sha256')}  ${f}\n`))).join(''),
  )
}

/** Lay out the mirror for a description's versions and arches, and serve it on 127.0.0.1. */
export async function openMirror(root: string, v: UpstreamVersions, arches: Arch[]): Promise<Mirror> {
  await populateUpstreamMirror(root, v, arches, path.join(tmpdir(), 'build-snaps-fake-upstream'))
  return startMirror(root)
}

// ---------------------------------------------------------------- the pipeline, locally

export interface LocalReleaseOptions {
  config: string
  outDir: string
  dryRun: string
  /** Overrides the description's channel; with promote, the channel promoted to. */
  channel?: string
  /** Promotion: the channel whose revisions go to `channel`. */
  promote?: string
  allowMissingBases?: string
  /**
   * Re-run the release of a finished (or failed) run with its artifacts, as GitHub's "Re-run jobs" keeps the
   * artifacts of the jobs that succeeded: the build and charm jobs are not run again.
   */
  resume?: boolean
  quiet?: boolean
  /** A mirror opened by the caller (a re-run then downloads from the same URLs, so its tarballs are identical). */
  mirror?: Mirror
  /** Extra environment for the actions (e.g. CHARMCRAFT_DOUBLE_FAIL). */
  env?: Record<string, string>
}

export interface StepRecord {
  job: 'plan' | 'build' | 'charm' | 'release' | 'promote' | 'bundle' | 'summary'
  /** The matrix value: the arch of a build job, the charm of a charm/release/promote job. */
  arch?: string
  charm?: string
  /** The action run (as in the workflow's uses:), or the CLI step. */
  step: string
  exitCode: number
  ms?: number
}

export interface LocalReleaseResult {
  exitCode: number
  steps: StepRecord[]
  plan?: CdkPlan
  released: ReleasedCharm[]
  /** charm-attach-release's outputs per charm, as the release (or promote) job's record step reads them. */
  outputs: Record<string, Record<string, string>>
  bundles: string[]
  summary: string
  artifacts: ArtifactRow[]
  /** The charmcraft double's store state directory. */
  storeDir: string
  /** The error lines of a refused description or plan. */
  errors: string[]
}

/** test/doubles (a function: cli/main.ts and this module import each other, so repoRoot is read late). */
const doubles = () => path.join(repoRoot, 'test', 'doubles')

/**
 * Run release.yml (or promote.yml) locally, job by job in its order. As on GitHub: a failed step ends its job,
 * the other matrix jobs still run, a job needs every job before it, and the summary always runs after the plan.
 */
export async function runLocalRelease(o: LocalReleaseOptions): Promise<LocalReleaseResult> {
  const out = path.resolve(o.outDir)
  const artifacts = path.join(out, 'artifacts')
  const storeDir = path.join(out, 'store')
  const steps: StepRecord[] = []
  const say = (m: string) => o.quiet || console.log(m)
  const dryRun = parseBool(o.dryRun, 'dry-run', true)
  const result: LocalReleaseResult = {
    exitCode: 1,
    steps,
    released: [],
    outputs: {},
    bundles: [],
    summary: '',
    artifacts: [],
    storeDir,
    errors: [],
  }
  const act = async (
    job: StepRecord['job'],
    action: string,
    inputs: Record<string, string>,
    at: { arch?: string; charm?: string } = {},
  ): Promise<ActionRun> => {
    say(`\n▶▶ [${job}${at.arch ? ` ${at.arch}` : ''}${at.charm ? ` ${at.charm}` : ''}] ${action}`)
    const t0 = performance.now()
    const r = await runActionLocally(action, inputs, { quiet: o.quiet })
    steps.push({ job, ...at, step: action, exitCode: r.exitCode, ms: Math.round(performance.now() - t0) })
    return r
  }

  // plan, part 1: the description and every charm, before anything is built or a store is touched.
  let desc: Description
  try {
    desc = await loadDescription(path.resolve(o.config))
    const scratch = await mkdtemp(path.join(tmpdir(), 'build-snaps-plan-'))
    await checkDescription(desc, path.dirname(path.resolve(o.config)), path.basename(o.config), scratch).finally(() =>
      rm(scratch, { recursive: true, force: true }),
    )
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
    result.errors = e instanceof DescriptionError ? e.lines : [e.message]
    return result
  }
  const resume = !!o.resume && existsSync(artifacts)
  if (!o.promote && !resume) await rm(artifacts, { recursive: true, force: true })
  await mkdir(artifacts, { recursive: true })
  const kube = parseKubeVersion(desc.versions.kubernetes)
  const arches = desc.arches.map((a) => parseArches(a)[0])
  const saved = Object.fromEntries(
    ['SOURCE_DATE_EPOCH', 'PATH', 'CHARMCRAFT_DOUBLE_STATE', 'CHARMCRAFT_DOUBLE_TOKEN', ...Object.keys(o.env ?? {})].map((k) => [
      k,
      process.env[k],
    ]),
  )
  let mirror = o.mirror
  const ownMirror = !mirror && !o.promote
  if (ownMirror) {
    if (kube.kind !== 'exact')
      throw new UserError(`versions.kubernetes: the local mirror needs an exact version (v1.31.2), not '${desc.versions.kubernetes}'`)
    say(`▶ Loopback mirror: stand-in upstream binaries for ${arches.map((a) => a.debian).join(', ')}, cross-compiled with go`)
    const v = desc.versions
    mirror = await openMirror(
      path.join(out, 'mirror'),
      { kube: kube.version, cni: v.cni ?? 'v1.5.1', flannel: v.flannel ?? 'v0.25.6', etcd: v.etcd ?? 'v3.5.16' },
      arches,
    )
  }
  const token = randomBytes(12).toString('hex')
  // The store is the charmcraft TEST DOUBLE, never Charmhub: it goes first on PATH for the actions run here.
  Object.assign(process.env, {
    PATH: `${doubles()}${path.delimiter}${process.env.PATH}`,
    CHARMCRAFT_DOUBLE_STATE: storeDir,
    CHARMCRAFT_DOUBLE_TOKEN: token,
    ...(o.env ?? {}),
  })
  process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch())
  say(`▶ Store: the charmcraft TEST DOUBLE (test/doubles/charmcraft), state in ${storeDir}`)
  try {
    // plan, part 2: the Kubernetes version and the matrices.
    let loaded: LoadedPlan
    try {
      loaded = await planFromConfig({
        config: o.config,
        channel: o.channel,
        promote: o.promote,
        kubeBaseUrl: mirror ? `${mirror.url}/k8s` : undefined,
        artifacts,
        log: say,
      })
      steps.push({ job: 'plan', step: 'plan', exitCode: 0 })
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
      result.errors = e instanceof DescriptionError ? e.lines : [e.message]
      return result
    }
    const { plan, from } = loaded
    result.plan = plan
    say(planMarkdown(plan, dryRun, from ? `Promotion plan: ${from} → ${plan.channel}` : 'Release plan'))
    const arch = plan.arches.map((a) => a.debian).join(' ')
    /** charm-attach-release's inputs for one charm, the same in the charm job's dry run and in its release job. */
    const releaseInputs = (c: CharmPlan) => ({
      charm: c['charm-files'],
      channel: plan.channel,
      arches: arch,
      resources: c.resources,
      'keep-resources': c.keep,
    })
    const record = (c: string, r: ActionRun) => {
      result.outputs[c] = r.outputs
      if (r.exitCode === 0 && !dryRun)
        result.released.push(
          toReleased(c, r.outputs.channel ?? plan.channel, r.outputs.revisions ?? '{}', r.outputs['resource-revisions'] ?? '{}'),
        )
    }
    let ok = true
    if (from) {
      // promote.yml: one job per charm, nothing built or uploaded.
      for (const c of plan.charms) {
        const r = await act(
          'promote',
          'charm-attach-release',
          {
            charm: c.charm,
            'from-channel': from,
            channel: plan.channel,
            'allow-missing-bases': o.allowMissingBases ?? 'false',
            verify: 'true',
            credentials: token,
            'dry-run': String(dryRun),
          },
          { charm: c.charm },
        )
        ok &&= r.exitCode === 0
        record(c.charm, r)
      }
    } else {
      // build: one job per arch, each artifact once.
      const b = plan.build
      for (const a of resume ? [] : plan.arches) {
        const dir = path.join(artifacts, `release-${a.debian}`)
        const jobSteps: Array<[boolean, string, Record<string, string>]> = [
          [
            b.components !== '',
            'build-k8s-snaps',
            {
              'kube-version': plan.kubeVersion,
              components: b.components,
              arch: a.debian,
              'base-url': `${mirror!.url}/k8s`,
              'output-dir': dir,
            },
          ],
          [
            b.etcd,
            'build-etcd-snap',
            {
              ...(b['etcd-source'] ? { 'source-dir': b['etcd-source'] } : { 'etcd-version': b['etcd-version'] }),
              arch: a.debian,
              'base-url': `${mirror!.url}/etcd`,
              'output-dir': dir,
            },
          ],
          [
            b['cdk-addons'],
            'build-cdk-addons-snap',
            {
              'kube-version': plan.kubeVersion,
              'source-dir': b['cdk-addons-source'],
              arch: a.debian,
              'base-url': `${mirror!.url}/k8s`,
              'output-dir': dir,
            },
          ],
          [
            b.cni,
            'build-cnitgz',
            {
              version: b['cni-version'],
              ...(b['cni-source'] ? { source: b['cni-source'] } : { from: 'release' }),
              arch: a.debian,
              'base-url': `${mirror!.url}/cni/{version}`,
              'output-dir': dir,
            },
          ],
          [
            b.flannel,
            'build-flannel',
            {
              'flannel-version': b['flannel-version'],
              'etcd-version': b['etcd-version'],
              ...(b['flannel-source'] ? { 'flannel-source': b['flannel-source'] } : {}),
              ...(b['etcd-source'] ? { 'etcd-source': b['etcd-source'] } : {}),
              arch: a.debian,
              'flannel-base-url': `${mirror!.url}/flannel/{version}`,
              'etcd-base-url': `${mirror!.url}/etcd/{version}`,
              'output-dir': dir,
            },
          ],
        ]
        for (const [wanted, action, inputs] of jobSteps) {
          if (!wanted) continue
          if ((await act('build', action, inputs, { arch: a.debian })).exitCode !== 0) {
            ok = false
            break
          }
        }
      }
      // charm: one job per charm (needs every build).
      const charmOk = new Map<string, boolean>()
      if (ok && !resume) {
        for (const c of plan.charms) {
          let good = true
          if (c.path)
            good =
              (
                await act(
                  'charm',
                  'charm-build',
                  { 'charm-path': c.path, builder: c.builder, 'output-dir': c['charm-dir'] },
                  { charm: c.charm },
                )
              ).exitCode === 0
          else await takePrebuilt(c)
          if (good && c.placeholders)
            good =
              (
                await act(
                  'charm',
                  'zero-byte-snaps',
                  { charm: c.meta, resources: c.placeholders, 'output-dir': c['placeholder-dir'] },
                  { charm: c.charm },
                )
              ).exitCode === 0
          if (good)
            good =
              (await act('charm', 'charm-attach-release', { ...releaseInputs(c), 'dry-run': 'true' }, { charm: c.charm })).exitCode === 0
          charmOk.set(c.charm, good)
          ok &&= good
        }
      }
      // release: one job per charm, behind the release environment on GitHub (needs every charm job).
      if (ok && !dryRun) {
        for (const c of plan.charms) {
          // The double's store, like Charmhub, knows a charm once its name is registered (a one-time step there).
          await run(path.join(doubles(), 'charmcraft'), ['register', c.charm], { env: { CHARMCRAFT_AUTH: token }, allowFailure: true })
          const r = await act(
            'release',
            'charm-attach-release',
            { ...releaseInputs(c), verify: 'true', credentials: token },
            { charm: c.charm },
          )
          ok &&= r.exitCode === 0
          record(c.charm, r)
        }
      }
    }
    // bundle: after a release or promotion that went through.
    if (ok && !dryRun) {
      try {
        result.bundles = await writeBundles(desc, path.dirname(path.resolve(o.config)), result.released, path.join(out, 'bundle'))
        steps.push({ job: 'bundle', step: 'bundle', exitCode: 0 })
      } catch (e) {
        if (!(e instanceof UserError)) throw e
        say(`Error: ${e.message}`)
        steps.push({ job: 'bundle', step: 'bundle', exitCode: 1 })
        ok = false
      }
    }
    // summary: always, after the plan.
    result.artifacts = from ? [] : await collectArtifacts(artifacts)
    const failed = steps.filter((s) => s.exitCode !== 0)
    const notes = [
      from
        ? `Promotion ${from} → \`${plan.channel}\`.`
        : `Kubernetes ${plan.kubeVersion}, CNI ${plan.versions.cni || '-'}, flannel ${plan.versions.flannel || '-'}, etcd ${plan.versions.etcd || '-'} → channel \`${plan.channel}\`; snap resources: ${plan.snaps}.`,
      dryRun
        ? 'Dry run: each charm job showed its plan; nothing was uploaded or released.'
        : ok
          ? `${from ? 'Promoted' : 'Released'} and verified (store: the charmcraft test double). Bundles: ${result.bundles.map((b) => path.basename(b)).join(', ')}.`
          : 'Not released.',
      'Attestations: signed on GitHub only (actions/attest-build-provenance, actions/attest-sbom); none locally.',
      ...(failed.length
        ? [`Failed: ${failed.map((s) => `${s.job}${s.arch ? ` ${s.arch}` : ''}${s.charm ? ` ${s.charm}` : ''} / ${s.step}`).join(', ')}.`]
        : []),
    ]
    result.summary = summaryMarkdown(
      from ? 'Promotion summary' : 'Release summary',
      notes,
      await releaseTable(result.released, plan, out),
      result.artifacts,
    )
    steps.push({ job: 'summary', step: 'summarize', exitCode: 0 })
    await writeFile(path.join(out, 'summary.md'), `${result.summary}\n`)
    result.exitCode = ok ? 0 : 1
    return result
  } finally {
    if (ownMirror) await mirror?.close()
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

/** The charm job's "Take the prebuilt .charm files" step: copy them, unpack the metadata for zero-byte-snaps. */
async function takePrebuilt(c: CharmPlan): Promise<void> {
  await mkdir(c['charm-dir'], { recursive: true })
  await mkdir(c.meta, { recursive: true })
  const files = c.files.split('\n').filter(Boolean)
  for (const f of files) await copyFile(f, path.join(c['charm-dir'], path.basename(f)))
  for (const member of ['metadata.yaml', 'charmcraft.yaml']) {
    try {
      execFileSync('unzip', ['-o', '-q', files[0], member, '-d', c.meta], { stdio: 'ignore' })
      return
    } catch {
      /* try the other */
    }
  }
}

// ---------------------------------------------------------------- the CLI subcommand

const RUN_OPTIONS = ['config', 'channel', 'dry-run', 'output-dir', 'promote', 'allow-missing-bases', 'resume']

async function writeGithubFile(variable: string, text: string): Promise<boolean> {
  const file = process.env[variable]
  if (!file) return false
  await appendFile(file, text)
  return true
}

/** One line per error: `Error: ...` here, `::error::...` on a runner (each becomes an annotation). */
function printErrors(lines: string[]): void {
  for (const l of lines) console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${l}` : `Error: ${l}`)
}

/** `build-snaps release <run|plan|record|bundle|sboms|attested|summarize|serve-mirror> ...` */
export async function releaseCli(args: string[]): Promise<number> {
  try {
    return await releaseMode(args)
  } catch (e) {
    if (!(e instanceof DescriptionError)) throw e
    printErrors(e.lines)
    return 1
  }
}

async function releaseMode(args: string[]): Promise<number> {
  const mode = args[0] && !args[0].startsWith('--') ? args[0] : 'run'
  const rest = args[0] === mode ? args.slice(1) : args
  if (mode === 'plan') {
    const o: Record<string, string> = {
      ...RELEASE_DEFAULTS,
      ...parseInputArgs('release plan', rest, ['config', 'channel', 'dry-run', 'promote', 'base-url']),
    }
    const dryRun = parseBool(o['dry-run'], 'dry-run', true)
    const { plan, from } = await planFromConfig({
      config: o.config,
      channel: o.channel,
      ...('promote' in o ? { promote: o.promote } : {}),
      kubeBaseUrl: o['base-url'] || undefined,
      root: process.cwd(),
      artifacts: 'artifacts',
      log: (m) => console.log(m),
    })
    const outputs = { ...planOutputs(plan, dryRun), ...(from ? { 'from-channel': from } : {}) }
    for (const [k, v] of Object.entries(outputs)) console.log(`${k}=${v}`)
    await writeGithubFile(
      'GITHUB_OUTPUT',
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    )
    await writeGithubFile(
      'GITHUB_STEP_SUMMARY',
      `${planMarkdown(plan, dryRun, from ? `Promotion plan: ${from} → ${plan.channel}` : 'Release plan')}\n`,
    )
    return 0
  }
  if (mode === 'record') {
    const o = parseInputArgs('release record', rest, ['charm', 'channel', 'revisions', 'resource-revisions', 'output'])
    for (const k of ['charm', 'channel', 'output']) if (!o[k]) throw new UserError(`--${k} is required`)
    const rec = toReleased(o.charm, o.channel, o.revisions ?? '', o['resource-revisions'] ?? '')
    if (Object.keys(rec.bases).length === 0)
      throw new UserError(`--revisions: empty for ${o.charm}; pass charm-attach-release's revisions output`)
    await mkdir(path.dirname(path.resolve(o.output)), { recursive: true })
    await writeFile(o.output, `${JSON.stringify(rec, null, 2)}\n`)
    console.log(
      `${o.charm} in ${o.channel}: ${Object.entries(rec.bases)
        .map(([k, b]) => `${k} r${b.revision}`)
        .join(', ')}`,
    )
    return 0
  }
  if (mode === 'bundle') {
    const o: Record<string, string> = {
      ...RELEASE_DEFAULTS,
      ...parseInputArgs('release bundle', rest, ['config', 'results', 'output-dir']),
    }
    const desc = await loadDescription(path.resolve(o.config))
    const files = await writeBundles(
      desc,
      path.dirname(path.resolve(o.config)),
      await readRecords(o.results ?? 'results'),
      o['output-dir'] ?? 'bundle',
    )
    for (const f of files) console.log(`wrote ${f}`)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `### Pinned bundles\n\n${files.map((f) => `- \`${path.basename(f)}\``).join('\n')}\n`)
    return 0
  }
  if (mode === 'sboms') {
    const o = parseInputArgs('release sboms', rest, ['dir'])
    const list = await listSboms(o.dir ?? 'sboms')
    const outputs = { matrix: JSON.stringify({ include: list }), count: String(list.length) }
    for (const [k, v] of Object.entries(outputs)) console.log(`${k}=${v}`)
    await writeGithubFile(
      'GITHUB_OUTPUT',
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    )
    return 0
  }
  if (mode === 'attested') {
    const o = parseInputArgs('release attested', rest, ['kind', 'url', 'dir', 'subject', 'output'])
    if (o.kind !== 'provenance' && o.kind !== 'sbom') throw new UserError(`--kind: '${o.kind ?? ''}' is not provenance or sbom`)
    if (!o.url || !o.output) throw new UserError('--url and --output are required')
    const subjects = o.dir ? (await readdir(o.dir)).filter((f) => ARTIFACT_RE.test(f)).sort() : o.subject ? [o.subject] : []
    if (subjects.length === 0) throw new UserError('--dir or --subject: no artifact named; give the directory attested or the subject name')
    await mkdir(path.dirname(path.resolve(o.output)), { recursive: true })
    await writeFile(o.output, `${JSON.stringify({ kind: o.kind, url: o.url, subjects } satisfies AttestationRecord, null, 2)}\n`)
    return 0
  }
  if (mode === 'summarize') {
    const o = parseInputArgs('release summarize', rest, ['config', 'dir', 'kube-version', 'channel', 'dry-run', 'results', 'promote'])
    if (!o.dir) throw new UserError('--dir is required: the directory the release artifacts were downloaded into')
    let plan: CdkPlan | undefined
    if (o.config && !o.promote)
      plan = (
        await planFromConfig({
          config: o.config,
          ...(o.channel ? { channel: o.channel } : {}),
          root: process.cwd(),
          artifacts: o.dir,
        }).catch(() => undefined)
      )?.plan
    const order = plan?.charms.map((c) => c.charm) ?? []
    const released = (await readRecords(o.dir)).sort((a, b) => order.indexOf(a.charm) - order.indexOf(b.charm))
    const rows = o.promote ? [] : await collectArtifacts(o.dir, await readAttestations(o.dir))
    const notes = [
      ...(o.promote
        ? [`Promotion ${o.promote} → \`${o.channel ?? ''}\`.`]
        : o['kube-version']
          ? [`Kubernetes ${o['kube-version']} → channel \`${o.channel ?? ''}\`.`]
          : []),
      ...(o['dry-run'] === 'true' ? ['Dry run: each charm job showed its plan; nothing was uploaded or released.'] : []),
      ...(o.results ? [`Job results: ${o.results}.`] : []),
    ]
    const md = summaryMarkdown(
      o.promote ? 'Promotion summary' : 'Release summary',
      notes,
      await releaseTable(released, plan, process.cwd()),
      rows,
    )
    console.log(md)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
    return /failure|cancelled/.test(o.results ?? '') ? 1 : 0
  }
  if (mode === 'serve-mirror') {
    const o: Record<string, string> = {
      arches: 'amd64,arm64,ppc64el,s390x',
      'kube-version': 'v1.31.2',
      'cni-version': 'v1.5.1',
      'flannel-version': 'v0.25.6',
      'etcd-version': 'v3.5.16',
      ...parseInputArgs('release serve-mirror', rest, ['dir', 'arches', 'kube-version', 'cni-version', 'flannel-version', 'etcd-version']),
    }
    if (!o.dir) throw new UserError('--dir is required: where the mirror tree and its url file go')
    const kube = parseKubeVersion(o['kube-version'])
    if (kube.kind !== 'exact')
      throw new UserError(`--kube-version: the mirror needs an exact version (v1.31.2), not '${o['kube-version']}'`)
    const dir = path.resolve(o.dir)
    const mirror = await openMirror(
      dir,
      { kube: kube.version, cni: o['cni-version'], flannel: o['flannel-version'], etcd: o['etcd-version'] },
      parseArches(o.arches, 'arches'),
    )
    await writeFile(path.join(dir, 'url'), `${mirror.url}\n`)
    console.log(`mirror at ${mirror.url} (k8s/, cni/, flannel/, etcd/); serving until killed`)
    await new Promise(() => {})
    return 0
  }
  if (mode !== 'run')
    throw new UserError(`release: unknown mode '${mode}'; use run, plan, record, bundle, sboms, attested, summarize or serve-mirror`)
  const o: Record<string, string> = { ...RELEASE_DEFAULTS, 'output-dir': 'release', ...parseInputArgs('release', rest, RUN_OPTIONS) }
  if (!existsSync(o.config))
    throw new UserError(
      `--config: ${path.resolve(o.config)} does not exist; write a cdk-release.yaml (start from ${path.join(repoRoot, 'examples', 'cdk-release.yaml')}) or pass --config PATH`,
    )
  if (!o.promote && !which('go'))
    throw new UserError(
      'go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  const r = await runLocalRelease({
    config: o.config,
    outDir: o['output-dir'],
    dryRun: o['dry-run'],
    ...(o.channel ? { channel: o.channel } : {}),
    ...(o.promote ? { promote: o.promote } : {}),
    ...(o['allow-missing-bases'] ? { allowMissingBases: o['allow-missing-bases'] } : {}),
    resume: parseBool(o.resume ?? '', 'resume', false),
  })
  if (r.errors.length) {
    printErrors(r.errors)
    return 1
  }
  console.log(`\n${'='.repeat(72)}\n${r.summary}\n`)
  console.log(
    r.exitCode === 0
      ? `Artifacts in ${path.resolve(o['output-dir'], 'artifacts')}; summary in ${path.resolve(o['output-dir'], 'summary.md')}.`
      : 'The release failed; see the steps above.',
  )
  return r.exitCode
}

/**
 * The release pipeline of .github/workflows/release.yml, and the two steps that workflow runs through this CLI.
 *
 *   build-snaps release plan --kube-version v1.31.2 --arches amd64,s390x [--channel C] [--dry-run true]
 *       the plan job: validates the inputs, resolves the Kubernetes version, picks the channel
 *       (<major.minor>/edge by default) and writes the per-arch matrix to GITHUB_OUTPUT.
 *   build-snaps release summarize --dir artifacts
 *       the summary job: one table of everything the release built, arch x artifact, size, sha256.
 *   build-snaps release [run] [--arches ...] [--output-dir release] [--dry-run true]
 *       the whole pipeline locally: the same jobs and steps in the same order as release.yml, through the same
 *       dist bundles (runActionLocally), against a loopback mirror of stand-in upstream binaries (cross-compiled
 *       with go) and the charmcraft TEST DOUBLE (test/doubles/charmcraft) instead of Charmhub.
 *   build-snaps release serve-mirror --dir D [--arches ...]
 *       only the loopback mirror (CI's self-test job runs the actions against it); writes D/url, serves until killed.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
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
import { parseKubeVersion, resolveKubeVersion } from '../shared/k8s.js'
import { writeTarGz } from '../shared/archive.js'
import { buildFakeK8s, hexDigest, populateK8sMirror } from './fake-k8s.js'
import { parseInputArgs, repoRoot, runActionLocally, type ActionRun } from './main.js'
import { startMirror, type Mirror } from './mirror.js'


/** The workflow_dispatch defaults of release.yml (test/workflows.test.ts checks they agree). */
export const RELEASE_DEFAULTS = {
  'kube-version': 'stable-1.31',
  'cni-version': 'v1.5.1',
  'flannel-version': 'v0.25.6',
  'etcd-version': 'v3.5.16',
  arches: 'amd64,arm64,ppc64el,s390x',
  channel: '',
  resources: 'cni-{arch}=artifacts/release-{arch}/cni-{arch}.tgz',
  'dry-run': 'true',
} as const

// ---------------------------------------------------------------- plan (the plan job)

export interface PlanInputs {
  kubeVersion: string
  arches: string
  channel?: string
  dryRun?: string
}

export interface MatrixEntry {
  /** Debian name: the matrix value every build step gets. */
  arch: string
  /** Docker platform, for docker/setup-qemu-action. */
  platform: string
}

export interface ReleasePlan {
  /** Resolved, with the leading v. */
  kubeVersion: string
  arches: Arch[]
  channel: string
  dryRun: boolean
  matrix: { include: MatrixEntry[] }
}

/** `v1.31.2` → `1.31/edge`. */
export function defaultChannel(version: string): string {
  const m = version.match(/^v?(\d+)\.(\d+)\./)
  if (!m) throw new UserError(`kube-version: cannot take a channel from '${version}'; set the channel input`)
  return `${m[1]}.${m[2]}/edge`
}

export async function planRelease(inputs: PlanInputs, kubeBaseUrl = 'https://dl.k8s.io', log: (m: string) => void = () => {}): Promise<ReleasePlan> {
  const arches = parseArches(inputs.arches, 'arches')
  if (arches.length === 0) throw new UserError(`arches: no architecture given; use e.g. ${RELEASE_DEFAULTS.arches}`)
  const dryRun = parseBool(inputs.dryRun ?? '', 'dry-run', true)
  const kubeVersion = await resolveKubeVersion(inputs.kubeVersion, kubeBaseUrl, log)
  const channel = parseChannel(inputs.channel?.trim() || defaultChannel(kubeVersion), 'channel').name
  return { kubeVersion, arches, channel, dryRun, matrix: { include: arches.map((a) => ({ arch: a.debian, platform: a.platform })) } }
}

/** The plan job's outputs, as release.yml reads them (needs.plan.outputs.*). */
export function planOutputs(plan: ReleasePlan): Record<string, string> {
  return {
    matrix: JSON.stringify(plan.matrix),
    arches: plan.arches.map((a) => a.debian).join(' '),
    'kube-version': plan.kubeVersion,
    channel: plan.channel,
    'dry-run': String(plan.dryRun),
  }
}

export function planMarkdown(plan: ReleasePlan, versions: Record<string, string> = {}): string {
  const rows = Object.entries({ kubernetes: plan.kubeVersion, ...versions }).map(([k, v]) => `| ${k} | ${v} |`)
  return [
    `### Release plan${plan.dryRun ? ' (dry run: nothing is uploaded or released)' : ''}`,
    '',
    `Channel \`${plan.channel}\`; architectures ${plan.arches.map((a) => `\`${a.debian}\``).join(', ')}.`,
    '',
    '| component | version |',
    '|---|---|',
    ...rows,
  ].join('\n')
}

// ---------------------------------------------------------------- summary (the summary job)

export interface ArtifactRow {
  arch: string
  artifact: string
  file: string
  size: number
  sha256: string
}

const BOOKKEEPING = new Set(['SHA256SUMS', 'manifest.json'])

/** The arch an artifact is for: its release-<arch>/ directory; anything else (charm, placeholders) is 'all'. */
function artifactArch(rel: string): string {
  return rel.split('/')[0].match(/^release-(.+)$/)?.[1] ?? 'all'
}

/** Every artifact under dir (the layout of the downloaded workflow artifacts), sorted by arch then name. */
export async function collectArtifacts(dir: string): Promise<ArtifactRow[]> {
  if (!existsSync(dir)) throw new UserError(`--dir: ${dir} does not exist; download the release artifacts into it first`)
  const rels = (await readdir(dir, { recursive: true })).map(String).sort()
  const files: string[] = []
  for (const r of rels) if (!BOOKKEEPING.has(path.basename(r)) && (await stat(path.join(dir, r))).isFile()) files.push(r)
  const described = await describeFiles(files.map((f) => path.join(dir, f)))
  const rows = described.map((d, i) => ({ arch: artifactArch(files[i]), artifact: path.basename(files[i]), file: files[i], size: d.size, sha256: d.sha256 }))
  const order = (a: string) => (a === 'all' ? 999 : ARCHES.findIndex((x) => x.debian === a))
  return rows.sort((a, b) => order(a.arch) - order(b.arch) || a.artifact.localeCompare(b.artifact))
}

export function summaryMarkdown(rows: ArtifactRow[], title: string, notes: string[] = []): string {
  const lines = rows.map((r) => `| ${r.arch} | ${r.artifact} | ${humanSize(r.size)}${r.size === 0 ? ' (placeholder)' : ''} | \`${r.sha256}\` |`)
  const arches = [...new Set(rows.map((r) => r.arch).filter((a) => a !== 'all'))]
  return [
    `### ${title}`,
    '',
    ...notes.map((n) => `${n}  `),
    `${rows.length} artifacts for ${arches.length} architectures (${arches.join(', ')}).`,
    '',
    '| arch | artifact | size | sha256 |',
    '|---|---|---|---|',
    ...lines,
  ].join('\n')
}

// ---------------------------------------------------------------- the loopback mirror of upstream stand-ins

export interface UpstreamVersions {
  kube: string
  cni: string
  flannel: string
  etcd: string
}

export const CNI_PLUGINS = ['bandwidth', 'bridge', 'dhcp', 'firewall', 'host-device', 'host-local', 'ipvlan', 'loopback', 'macvlan', 'portmap', 'ptp', 'sbr', 'static', 'tuning', 'vlan', 'vrf']

/** The one stand-in (cli/fake-k8s.ts) answers as a CNI plugin, flanneld, etcd and etcdctl too. */
async function buildStandIn(buildDir: string, arch: Arch, version: string): Promise<string> {
  if (!(await inspectGo('go'))) throw new UserError('go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)')
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
 *   etcd/<v>/etcd-<v>-linux-<go-arch>.tar.gz{,.sha256}, etcd/<v>/SHA256SUMS (etcd-io/etcd releases)
 */
export async function populateUpstreamMirror(root: string, v: UpstreamVersions, arches: Arch[], buildDir: string): Promise<void> {
  await populateK8sMirror(path.join(root, 'k8s'), v.kube, arches, buildDir)
  const etcdSums: string[] = []
  for (const arch of arches) {
    const cni = await buildStandIn(buildDir, arch, v.cni)
    await tarballWithSha256(
      path.join(root, 'cni', v.cni, `cni-plugins-linux-${arch.go}-${v.cni}.tgz`),
      [...CNI_PLUGINS.map((p) => ({ name: `./${p}`, file: cni })), { name: './LICENSE', data: 'Apache-2.0 (stand-in)\n' }],
    )
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
    etcdSums.push(await readFile(path.join(root, 'etcd', v.etcd, `${top}.tar.gz.sha256`), 'utf8'))
  }
  // etcd publishes one SHA256SUMS per release (docs/upstream.md#cdk-addons-and-etcd-snaps), which build-flannel checks.
  await writeFile(path.join(root, 'etcd', v.etcd, 'SHA256SUMS'), etcdSums.join(''))
}

// ---------------------------------------------------------------- the pipeline, locally

export interface LocalReleaseOptions {
  versions: UpstreamVersions
  arches: string
  channel: string
  /** The charm directory (default: test/fixtures/release-charm). */
  charm: string
  /** Resource lines; relative paths are relative to outDir, as release.yml's are to the workspace. */
  resources: string
  dryRun: string
  outDir: string
  quiet?: boolean
}

export interface StepRecord {
  job: 'plan' | 'build' | 'charm' | 'release' | 'summary'
  arch?: string
  /** The action run (as in release.yml's uses:), or the CLI step (plan, summarize). */
  step: string
  exitCode: number
  /** Wall time of the step. */
  ms?: number
}

export interface LocalReleaseResult {
  exitCode: number
  steps: StepRecord[]
  plan?: ReleasePlan
  summary: string
  artifacts: ArtifactRow[]
  /** The charmcraft double's store state directory. */
  storeDir: string
}

/** Relative paths in name=path lines, resolved against base (lines without a path are left alone). */
export function resolveResourceLines(text: string, base: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf('=')
      return i > 0 ? `${l.slice(0, i)}=${path.resolve(base, l.slice(i + 1).trim())}` : l
    })
    .join('\n')
}

/**
 * Run release.yml's jobs locally, in its order: plan → build (per arch: snaps, CNI, flannel) → charm
 * (charm-build, zero-byte-snaps, dry-run plan) → release (unless dry run) → summary. As on GitHub, a failed
 * step ends its job, the other arches still build, the charm and release jobs need every build, and the
 * summary always runs.
 */
export async function runLocalRelease(o: LocalReleaseOptions): Promise<LocalReleaseResult> {
  const out = path.resolve(o.outDir)
  const artifacts = path.join(out, 'artifacts')
  const storeDir = path.join(out, 'store')
  await rm(artifacts, { recursive: true, force: true })
  await mkdir(artifacts, { recursive: true })
  const steps: StepRecord[] = []
  const say = (m: string) => o.quiet || console.log(m)
  const act = async (job: StepRecord['job'], action: string, inputs: Record<string, string>, arch?: string): Promise<ActionRun> => {
    say(`\n▶▶ [${job}${arch ? ` ${arch}` : ''}] ${action}`)
    const t0 = performance.now()
    const r = await runActionLocally(action, inputs, { quiet: o.quiet })
    steps.push({ job, ...(arch ? { arch } : {}), step: action, exitCode: r.exitCode, ms: Math.round(performance.now() - t0) })
    return r
  }

  const arches = parseArches(o.arches, 'arches')
  const mirrorRoot = path.join(out, 'mirror')
  say(`▶ Loopback mirror: stand-in upstream binaries for ${arches.map((a) => a.debian).join(', ')}, cross-compiled with go`)
  await populateUpstreamMirror(mirrorRoot, o.versions, arches, path.join(tmpdir(), 'build-snaps-fake-upstream'))
  const mirror: Mirror = await startMirror(mirrorRoot)
  const token = randomBytes(12).toString('hex')
  const saved = { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH, PATH: process.env.PATH, CHARMCRAFT_DOUBLE_STATE: process.env.CHARMCRAFT_DOUBLE_STATE, CHARMCRAFT_DOUBLE_TOKEN: process.env.CHARMCRAFT_DOUBLE_TOKEN }
  // The store is the charmcraft TEST DOUBLE, never Charmhub: it goes first on PATH for the actions run here.
  Object.assign(process.env, { PATH: `${path.join(repoRoot, 'test', 'doubles')}${path.delimiter}${process.env.PATH}`, CHARMCRAFT_DOUBLE_STATE: storeDir, CHARMCRAFT_DOUBLE_TOKEN: token })
  // One timestamp for every artifact of the run (the env's, else the commit time), as one workflow run has.
  process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch())
  say(`▶ Store: the charmcraft TEST DOUBLE (test/doubles/charmcraft), state in ${storeDir}`)
  let summary = ''
  let rows: ArtifactRow[] = []
  let plan: ReleasePlan | undefined
  try {
    // plan
    try {
      plan = await planRelease({ kubeVersion: o.versions.kube, arches: o.arches, channel: o.channel, dryRun: o.dryRun }, `${mirror.url}/k8s`, say)
      steps.push({ job: 'plan', step: 'plan', exitCode: 0 })
      say(planMarkdown(plan, { cni: o.versions.cni, flannel: o.versions.flannel, etcd: o.versions.etcd }))
    } catch (e) {
      steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
      throw e
    }
    const p = plan
    const po = planOutputs(p)
    // build: one job per matrix entry
    let buildsOk = true
    for (const { arch } of p.matrix.include) {
      const dir = path.join(artifacts, `release-${arch}`)
      const buildSteps: Array<[string, Record<string, string>]> = [
        ['build-k8s-snaps', { 'kube-version': p.kubeVersion, arch, 'base-url': `${mirror.url}/k8s`, 'output-dir': dir }],
        ['build-cnitgz', { version: o.versions.cni, from: 'release', arch, 'base-url': `${mirror.url}/cni/{version}`, 'output-dir': dir }],
        ['build-flannel', { 'flannel-version': o.versions.flannel, 'etcd-version': o.versions.etcd, arch, 'flannel-base-url': `${mirror.url}/flannel/{version}`, 'etcd-base-url': `${mirror.url}/etcd/{version}`, 'output-dir': dir }],
      ]
      for (const [action, inputs] of buildSteps) {
        if ((await act('build', action, inputs, arch)).exitCode !== 0) {
          buildsOk = false
          break
        }
      }
    }
    // charm
    let charmOk = false
    let charmFile = ''
    let charmName = ''
    let zeroByte = ''
    if (buildsOk) {
      const b = await act('charm', 'charm-build', { 'charm-path': o.charm, 'output-dir': path.join(artifacts, 'charm', 'charms') })
      if (b.exitCode === 0) {
        charmFile = (JSON.parse(b.outputs.charms ?? '[]') as string[])[0] ?? ''
        charmName = b.outputs.name ?? ''
        const z = await act('charm', 'zero-byte-snaps', { charm: o.charm, 'output-dir': path.join(artifacts, 'charm', 'zero-byte-snaps') })
        if (z.exitCode === 0) {
          zeroByte = z.outputs.resources ?? ''
          const resources = `${zeroByte}\n${resolveResourceLines(o.resources, out)}`
          const d = await act('charm', 'charm-attach-release', { charm: charmFile, channel: po.channel, arches: po.arches, resources, 'dry-run': 'true' })
          charmOk = d.exitCode === 0
        }
      }
    }
    // release (skipped on a dry run), behind the release environment on GitHub
    let releaseOk = true
    if (charmOk && !p.dryRun) {
      // The double's store, like Charmhub, knows the charm once its name is registered (a one-time step there).
      if (charmName) await run(path.join(repoRoot, 'test', 'doubles', 'charmcraft'), ['register', charmName], { env: { CHARMCRAFT_AUTH: token }, allowFailure: true })
      const resources = `${zeroByte}\n${resolveResourceLines(o.resources, out)}`
      const r = await act('release', 'charm-attach-release', { charm: charmFile, channel: po.channel, arches: po.arches, resources, credentials: token })
      releaseOk = r.exitCode === 0
    }
    // summary
    rows = await collectArtifacts(artifacts)
    const failed = steps.filter((s) => s.exitCode !== 0)
    const notes = [
      `Kubernetes ${p.kubeVersion}, CNI ${o.versions.cni}, flannel ${o.versions.flannel}, etcd ${o.versions.etcd} → channel \`${p.channel}\`.`,
      p.dryRun ? 'Dry run: the charm job showed the release plan; nothing was uploaded or released.' : releaseOk && charmOk ? 'Released (store: the charmcraft test double).' : 'Not released.',
      ...(failed.length ? [`Failed: ${failed.map((s) => `${s.job}${s.arch ? ` ${s.arch}` : ''} / ${s.step}`).join(', ')}.`] : []),
    ]
    summary = summaryMarkdown(rows, 'Release summary', notes)
    steps.push({ job: 'summary', step: 'summarize', exitCode: 0 })
    await writeFile(path.join(out, 'summary.md'), `${summary}\n`)
    return { exitCode: buildsOk && charmOk && releaseOk ? 0 : 1, steps, plan, summary, artifacts: rows, storeDir }
  } finally {
    await mirror.close()
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

// ---------------------------------------------------------------- the CLI subcommand

const RUN_OPTIONS = ['kube-version', 'cni-version', 'flannel-version', 'etcd-version', 'arches', 'channel', 'charm', 'resources', 'dry-run', 'output-dir']

async function writeGithubFile(variable: string, text: string): Promise<boolean> {
  const file = process.env[variable]
  if (!file) return false
  await appendFile(file, text)
  return true
}

/** `build-snaps release <plan|summarize|serve-mirror|run> ...` */
export async function releaseCli(args: string[]): Promise<number> {
  const mode = args[0] && !args[0].startsWith('--') ? args[0] : 'run'
  const rest = args[0] === mode ? args.slice(1) : args
  const defaults: Record<string, string> = { ...RELEASE_DEFAULTS }
  if (mode === 'plan') {
    const o = { ...defaults, ...parseInputArgs('release plan', rest, ['kube-version', 'arches', 'channel', 'dry-run', 'base-url']) }
    const plan = await planRelease({ kubeVersion: o['kube-version'], arches: o.arches, channel: o.channel, dryRun: o['dry-run'] }, o['base-url'] || undefined, (m) => console.log(m))
    const outputs = planOutputs(plan)
    for (const [k, v] of Object.entries(outputs)) console.log(`${k}=${v}`)
    await writeGithubFile('GITHUB_OUTPUT', Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''))
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${planMarkdown(plan)}\n`)
    return 0
  }
  if (mode === 'summarize') {
    const o = parseInputArgs('release summarize', rest, ['dir', 'kube-version', 'channel', 'dry-run', 'results'])
    if (!o.dir) throw new UserError('--dir is required: the directory the release artifacts were downloaded into')
    const rows = await collectArtifacts(o.dir)
    const notes = [
      ...(o['kube-version'] ? [`Kubernetes ${o['kube-version']} → channel \`${o.channel ?? ''}\`.`] : []),
      ...(o['dry-run'] === 'true' ? ['Dry run: the charm job showed the release plan; nothing was uploaded or released.'] : []),
      ...(o.results ? [`Job results (build, charm, release): ${o.results}.`] : []),
    ]
    const md = summaryMarkdown(rows, 'Release summary', notes)
    console.log(md)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
    return /failure|cancelled/.test(o.results ?? '') ? 1 : 0
  }
  if (mode === 'serve-mirror') {
    const o = { ...defaults, ...parseInputArgs('release serve-mirror', rest, ['dir', 'arches', 'kube-version', 'cni-version', 'flannel-version', 'etcd-version']) }
    if (!o.dir) throw new UserError('--dir is required: where the mirror tree and its url file go')
    const kube = parseKubeVersion(o['kube-version'])
    if (kube.kind !== 'exact') throw new UserError(`--kube-version: the mirror needs an exact version (v1.31.2), not '${o['kube-version']}'`)
    const dir = path.resolve(o.dir)
    await populateUpstreamMirror(dir, { kube: kube.version, cni: o['cni-version'], flannel: o['flannel-version'], etcd: o['etcd-version'] }, parseArches(o.arches, 'arches'), path.join(tmpdir(), 'build-snaps-fake-upstream'))
    const mirror = await startMirror(dir)
    await writeFile(path.join(dir, 'url'), `${mirror.url}\n`)
    console.log(`mirror at ${mirror.url} (k8s/, cni/, flannel/, etcd/); serving until killed`)
    await new Promise(() => {})
    return 0
  }
  if (mode !== 'run') throw new UserError(`release: unknown mode '${mode}'; use plan, summarize, serve-mirror or run`)
  const o: Record<string, string> = { ...defaults, 'kube-version': 'v1.31.2', charm: path.join(repoRoot, 'test', 'fixtures', 'release-charm'), 'output-dir': 'release', ...parseInputArgs('release', rest, RUN_OPTIONS) }
  if (!which('go')) throw new UserError('go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)')
  const kube = parseKubeVersion(o['kube-version'])
  if (kube.kind !== 'exact') throw new UserError(`--kube-version: the local mirror needs an exact version (v1.31.2), not '${o['kube-version']}'`)
  const r = await runLocalRelease({
    versions: { kube: kube.version, cni: o['cni-version'], flannel: o['flannel-version'], etcd: o['etcd-version'] },
    arches: o.arches,
    channel: o.channel,
    charm: o.charm,
    resources: o.resources,
    dryRun: o['dry-run'],
    outDir: o['output-dir'],
  })
  console.log(`\n${'='.repeat(72)}\n${r.summary}\n`)
  console.log(r.exitCode === 0 ? `Artifacts in ${path.resolve(o['output-dir'], 'artifacts')}; summary in ${path.resolve(o['output-dir'], 'summary.md')}.` : 'The release failed; see the steps above.')
  return r.exitCode
}

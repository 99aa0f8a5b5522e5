/**
 * The whole pipeline, locally: release.yml's (promote.yml's) jobs in the workflow's order, one function each:
 *
 *   release   plan → build → pack → charm → snaps → release → bundle → summary
 *   promote   plan → snaps → promote → bundle → summary
 *
 * As on GitHub: a failed step ends its job, the other matrix jobs still run, a job needs every job before it
 * (pack needs the plan only, as in release.yml), and the summary always runs after the plan. The description is
 * loaded and checked once, in the plan job, and every job after it is given it with the plan (cli/release/context.ts).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArches } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { run } from '../../shared/exec.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { parseBool } from '../../shared/inputs.js'
import { parseKubeVersion } from '../../shared/k8s.js'
import { checkContainerRoute, parseContainerPlatform } from '../../shared/charm/container.js'
import { routeConfigFromEnv } from '../../shared/charm/routes.js'
import { bundleCharms } from '../../shared/release/bundles.js'
import { type CheckedDescription, loadCheckedDescription } from '../../shared/release/check.js'
import { DescriptionError } from '../../shared/release/description.js'
import { planMarkdown } from '../../shared/release/markdown.js'
import { type BuildRow, type CdkPlan, type CharmPlan, makePlan } from '../../shared/release/plan.js'
import { type ActionRun } from '../local.js'
import { type Mirror } from '../mirror.js'
import {
  act,
  doubles,
  type JobContext,
  localRoute,
  type LocalReleaseOptions,
  type LocalReleaseResult,
  type LocalRun,
  type RunSetUp,
} from './context.js'
import { planRelease } from './plan.js'
import { toReleased, writeBundles } from './records.js'
import { collectArtifacts, packTable, releaseTable, summaryMarkdown } from './summary.js'
import { openMirror } from './upstream.js'
import { collectedChecksums } from './attest.js'
import { collectPacks, packInputs, snapStoreSetup, storeSetup } from './jobs.js'
import { buildRunsOn, HOSTED_JOB } from './runner.js'
import { snapsJob, snapsReport } from './snaps.js'

// ---------------------------------------------------------------- the pipeline, locally

/**
 * Run release.yml (or promote.yml) locally, job by job in its order. As on GitHub: a failed step ends its job,
 * the other matrix jobs still run, a job needs every job before it, and the summary always runs after the plan.
 */
export async function runLocalRelease(o: LocalReleaseOptions): Promise<LocalReleaseResult> {
  const local = startRun(o)
  const checked = await checkJob(local)
  if (!checked) return local.result
  const setUp = await setUpRun(local, checked)
  try {
    enterJobEnvironment(local, setUp)
    const ctx = await planJob(local, checked, setUp)
    if (!ctx) return local.result
    const ok = ctx.from ? await promoteJobs(ctx) : await releaseJobs(ctx)
    await summaryJob(ctx, ok)
    return local.result
  } finally {
    await tearDown(setUp)
  }
}

/** release.yml after the plan: build and pack (each needs the plan only), charm (needs both), snaps, release, bundle. */
async function releaseJobs(ctx: JobContext): Promise<boolean> {
  const built = await buildJob(ctx)
  const packed = await packJob(ctx)
  return built && packed && (await charmJob(ctx)) && (await snapsStep(ctx)) && (await releaseJob(ctx)) && (await bundleJob(ctx))
}

/** promote.yml after the plan: the snaps job first (the snaps move with the charms; the gate), then one job per charm, bundle. */
async function promoteJobs(ctx: JobContext): Promise<boolean> {
  return (await snapsStep(ctx)) && (await promoteJob(ctx)) && (await bundleJob(ctx))
}

// ---------------------------------------------------------------- the run: where it writes, its set-up

function startRun(o: LocalReleaseOptions): LocalRun {
  const out = path.resolve(o.outDir)
  const storeDir = path.join(out, 'store')
  return {
    o,
    out,
    artifacts: path.join(out, 'artifacts'),
    storeDir,
    dryRun: parseBool(o.dryRun, 'dry-run', true),
    routes: routeConfigFromEnv(process.env, o.runners ?? []),
    result: { exitCode: 1, steps: [], released: [], outputs: {}, bundles: [], summary: '', artifacts: [], storeDir, errors: [] },
    say: (m: string) => o.quiet || console.log(m),
  }
}

/**
 * Between the plan's two halves, as the runners and stores are there on GitHub: the artifacts of a run before
 * kept (a re-run) or cleared, the charm store, the loopback mirror of every arch a build job builds for. The
 * store first: a refused set-up (no such charmcraft, no credential) stops before the mirror is built, and the
 * process, holding no server, exits at once.
 */
async function setUpRun(local: LocalRun, checked: CheckedDescription): Promise<RunSetUp> {
  const { o, artifacts } = local
  const resume = !!o.resume && existsSync(artifacts)
  if (!o.promote && !resume) await rm(artifacts, { recursive: true, force: true })
  await mkdir(artifacts, { recursive: true })
  const saved = Object.fromEntries(
    [
      'SOURCE_DATE_EPOCH',
      'PATH',
      'CHARMCRAFT_DOUBLE_STATE',
      'CHARMCRAFT_DOUBLE_TOKEN',
      'BUILD_SNAPS_CACHE_DIR',
      ...Object.keys(o.env ?? {}),
    ].map((k) => [k, process.env[k]]),
  )
  const store = await storeSetup(o, local.storeDir, local.out)
  const ownMirror = !o.mirror && !o.promote
  const mirror = ownMirror ? await openOwnMirror(local, checked) : o.mirror
  return { resume, store, ...(mirror ? { mirror } : {}), ownMirror, saved }
}

/** The loopback mirror: stand-in upstream binaries for the release's arches and the Snap Store's. */
async function openOwnMirror(local: LocalRun, { desc }: CheckedDescription): Promise<Mirror> {
  const kube = parseKubeVersion(desc.versions.kubernetes)
  const arches = parseArches([...new Set([...desc.arches, ...(desc['snap-store']?.arches ?? [])])].join(' '))
  if (kube.kind !== 'exact')
    throw new UserError(`versions.kubernetes: the local mirror needs an exact version (v1.31.2), not '${desc.versions.kubernetes}'`)
  local.say(`▶ Loopback mirror: stand-in upstream binaries for ${arches.map((a) => a.debian).join(', ')}, cross-compiled with go`)
  const v = desc.versions
  return openMirror(
    path.join(local.out, 'mirror'),
    { kube: kube.version, cni: v.cni ?? 'v1.5.1', flannel: v.flannel ?? 'v0.25.6', etcd: v.etcd ?? 'v3.5.16' },
    arches,
  )
}

/** The jobs' environment: the store tools first on PATH (and their state), --env, SOURCE_DATE_EPOCH. */
function enterJobEnvironment(local: LocalRun, setUp: RunSetUp): void {
  Object.assign(process.env, setUp.store.env, local.o.env ?? {})
  process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch())
  local.say(setUp.store.banner)
}

/** The mirror closed (when it is this run's), the environment as it was. */
async function tearDown(setUp: RunSetUp): Promise<void> {
  if (setUp.ownMirror) await setUp.mirror?.close()
  for (const [k, v] of Object.entries(setUp.saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
}

// ---------------------------------------------------------------- plan

/**
 * plan, part 1: the description and every charm, before anything is built or a store is touched; every entry
 * the release needs has a route, before the mirror is laid out (the version does not matter here).
 */
async function checkJob(local: LocalRun): Promise<CheckedDescription | undefined> {
  try {
    const checked = await loadCheckedDescription(local.o.config)
    if (!local.o.promote)
      makePlan(checked.desc, checked.infos, { kubeVersion: 'v0.0.0', dir: checked.dir, artifacts: local.artifacts, routes: local.routes })
    return checked
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    local.result.steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
    local.result.errors = (e instanceof DescriptionError ? e.lines : [e.message]).map(localRoute)
    return undefined
  }
}

/** plan, part 2: the Kubernetes version (from the mirror), the matrices, the gate's input; then the snaps job's store. */
async function planJob(local: LocalRun, checked: CheckedDescription, setUp: RunSetUp): Promise<JobContext | undefined> {
  const { o, result, say } = local
  let planned: { plan: CdkPlan; from?: string }
  try {
    planned = await planRelease(checked, {
      channel: o.channel,
      promote: o.promote,
      kubeBaseUrl: setUp.mirror ? `${setUp.mirror.url}/k8s` : undefined,
      artifacts: local.artifacts,
      routes: local.routes,
      log: say,
    })
    result.steps.push({ job: 'plan', step: 'plan', exitCode: 0 })
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    result.steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
    result.errors = e instanceof DescriptionError ? e.lines : [e.message]
    return undefined
  }
  const { plan, from } = planned
  result.plan = plan
  // The emulated route needs docker and an emulator here: refused now, before any build job runs.
  const unfit = setUp.resume ? undefined : await emulationUnfit(plan)
  if (unfit) {
    result.steps.push({ job: 'plan', step: 'emulation', exitCode: 1 })
    result.errors = [unfit]
    return undefined
  }
  say(planMarkdown(plan, local.dryRun, from ? `Promotion plan: ${from} → ${plan.channel}` : 'Release plan'))
  const needs = plan.snapNeeds ?? []
  const snapStore =
    plan.snapStore || needs.length
      ? await snapStoreSetup(
          o,
          local.out,
          [...new Set([...(plan.snapStore?.snaps ?? []), ...needs.map((n) => n.snap)])],
          [...(plan.snapStore?.channels ?? []), ...needs.map((n) => n.channel), ...(from ? [plan.channel] : [])],
        )
      : undefined
  if (snapStore) say(snapStore.banner)
  return { ...local, ...setUp, checked, plan, ...(from ? { from } : {}), ...(snapStore ? { snapStore } : {}) }
}

/**
 * The local pipeline plays each emulated pack job with this machine's docker: the first platform it cannot run
 * (no docker, no engine, no binfmt_misc emulator) as one line with the fix, or undefined.
 */
async function emulationUnfit(plan: CdkPlan): Promise<string | undefined> {
  const platforms = [...new Set(plan.packs.filter((p) => p.route === 'emulated').map((p) => p['container-platform']))]
  for (const platform of platforms) {
    const entries = plan.packs.filter((p) => p['container-platform'] === platform).map((p) => `${p.charm} ${p.entry}`)
    const arch = parseContainerPlatform(platform)
    try {
      await checkContainerRoute(arch)
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      const why = e.message
        .replace(/^container-platform \S+: /, '')
        .replace(/ or leave container-platform empty to pack on this machine$/, '')
      return `${entries.join(', ')} (emulated, ${platform}): ${why}; or pack on a runner of that arch (--runners ${arch.debian})`
    }
  }
  return undefined
}

// ---------------------------------------------------------------- build

/** build: one job per arch (the release's and the Snap Store's), each artifact once; not again on a re-run. */
async function buildJob(ctx: JobContext): Promise<boolean> {
  let ok = true
  for (const row of ctx.resume ? [] : ctx.plan.matrix) ok = (await buildArch(ctx, row)) && ok
  return ok
}

/** One build job: its steps in order, the first failure ends it. */
async function buildArch(ctx: JobContext, row: BuildRow): Promise<boolean> {
  const arch = parseArches(row.arch)[0].debian
  for (const [action, inputs] of buildSteps(ctx, row)) {
    if ((await act(ctx, 'build', action, inputs, { arch }, buildRunsOn(arch, !!ctx.routes.selfHosted.s390x))).exitCode !== 0) return false
  }
  return true
}

/** The steps a build job runs (release.yml's build job, each `if:` its row's), with their inputs: the mirror for upstream. */
function buildSteps(ctx: JobContext, row: BuildRow): Array<[string, Record<string, string>]> {
  const a = parseArches(row.arch)[0]
  const b = ctx.plan.build
  const url = ctx.mirror!.url
  const dir = path.join(ctx.artifacts, `release-${a.debian}`)
  const steps: Array<[boolean, string, Record<string, string>]> = [
    [
      row.components !== '',
      'build-k8s-snaps',
      { 'kube-version': ctx.plan.kubeVersion, components: row.components, arch: a.debian, 'base-url': `${url}/k8s`, 'output-dir': dir },
    ],
    [
      row.etcd,
      'build-etcd-snap',
      {
        ...(b['etcd-source'] ? { 'source-dir': b['etcd-source'] } : { 'etcd-version': b['etcd-version'] }),
        arch: a.debian,
        'base-url': `${url}/etcd`,
        'output-dir': dir,
      },
    ],
    [
      row['cdk-addons'],
      'build-cdk-addons-snap',
      {
        'kube-version': ctx.plan.kubeVersion,
        'source-dir': b['cdk-addons-source'],
        arch: a.debian,
        'base-url': `${url}/k8s`,
        'output-dir': dir,
      },
    ],
    [
      row.cni,
      'build-cnitgz',
      {
        version: b['cni-version'],
        ...(b['cni-source'] ? { source: b['cni-source'] } : { from: 'release' }),
        arch: a.debian,
        'base-url': `${url}/cni/{version}`,
        'output-dir': dir,
      },
    ],
    [
      row.flannel,
      'build-flannel',
      {
        'flannel-version': b['flannel-version'],
        'etcd-version': b['etcd-version'],
        ...(b['flannel-source'] ? { 'flannel-source': b['flannel-source'] } : {}),
        ...(b['etcd-source'] ? { 'etcd-source': b['etcd-source'] } : {}),
        arch: a.debian,
        'flannel-base-url': `${url}/flannel/{version}`,
        'etcd-base-url': `${url}/etcd/{version}`,
        'output-dir': dir,
      },
    ],
  ]
  return steps.filter(([wanted]) => wanted).map(([, action, inputs]) => [action, inputs])
}

// ---------------------------------------------------------------- pack

/**
 * pack: one job per needed bases/platforms entry, on its route's runner (needs the plan only); not again on a
 * re-run. An emulated entry runs on the hosted ubuntu-24.04 (X64) and packs in a docker container on this machine:
 * with the python pack double (test/doubles/charmcraft2), or the file --charmcraft names.
 */
async function packJob(ctx: JobContext): Promise<boolean> {
  let ok = true
  const charmcraft = ctx.o.charmcraft ? path.resolve(ctx.o.charmcraft) : path.join(doubles(), 'charmcraft2')
  for (const p of ctx.resume ? [] : ctx.plan.packs) {
    const lxd: Record<string, string> = p.lxd ? { CHARMCRAFT_DOUBLE_LXD: '1' } : {}
    const r = await act(ctx, 'pack', 'charm-build', packInputs(p, charmcraft), { charm: p.charm, entry: p.entry }, p['runs-on'], lxd)
    ok &&= r.exitCode === 0
  }
  return ok
}

// ---------------------------------------------------------------- charm

/** charm: one job per charm (needs every build and every pack job); not again on a re-run. */
async function charmJob(ctx: JobContext): Promise<boolean> {
  let ok = true
  for (const c of ctx.resume ? [] : ctx.plan.charms) ok = (await charmOne(ctx, c)) && ok
  return ok
}

/** One charm job: its .charm files (collected from its pack jobs, or prebuilt), the placeholders, the release's dry run. */
async function charmOne(ctx: JobContext, c: CharmPlan): Promise<boolean> {
  if (c.path) {
    // "Collect the .charm files of its pack jobs" (download-artifact: pattern, merge-multiple), then one SHA256SUMS.
    await collectPacks(
      ctx.plan.packs.filter((p) => p.charm === c.charm),
      c['charm-dir'],
    )
    ctx.result.steps.push({ job: 'charm', charm: c.charm, step: 'checksums', exitCode: 0 })
    await collectedChecksums(c['charm-dir'])
  } else await takePrebuilt(c)
  const at = { charm: c.charm }
  if (c.placeholders) {
    const inputs = { charm: c.meta, resources: c.placeholders, 'output-dir': c['placeholder-dir'] }
    if ((await act(ctx, 'charm', 'zero-byte-snaps', inputs, at)).exitCode !== 0) return false
  }
  return (await act(ctx, 'charm', 'charm-attach-release', { ...releaseInputs(ctx.plan, c), 'dry-run': 'true' }, at)).exitCode === 0
}

/** The charm job's "Take the prebuilt .charm files" step: copy them, unpack the metadata for zero-byte-snaps. */
export async function takePrebuilt(c: CharmPlan): Promise<void> {
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

/** charm-attach-release's inputs for one charm, the same in the charm job's dry run and in its release job. */
function releaseInputs(plan: CdkPlan, c: CharmPlan): Record<string, string> {
  return {
    charm: c['charm-files'],
    channel: plan.channel,
    arches: plan.arches.map((a) => a.debian).join(' '),
    resources: c.resources,
    'keep-resources': c.keep,
  }
}

// ---------------------------------------------------------------- snaps

/**
 * snaps: names, tracks, publish, verify, the gate; before any charm is uploaded or released (behind the release
 * environment on GitHub; needs every build and charm job). Nothing to do when the plan has no snaps job.
 */
async function snapsStep(ctx: JobContext): Promise<boolean> {
  const { snapStore, result, say } = ctx
  if (!snapStore) return true
  say(`\n▶▶ [snaps on ${HOSTED_JOB}] release snaps`)
  const t0 = performance.now()
  try {
    result.snaps = await snapsJob({
      plan: ctx.plan,
      ...(ctx.from ? { from: ctx.from } : {}),
      dir: ctx.artifacts,
      dryRun: ctx.dryRun,
      snapcraft: snapStore.snapcraft,
      credentials: snapStore.credentials,
      env: snapStore.env,
      log: say,
    })
    say(snapsReport(result.snaps))
    result.steps.push({ job: 'snaps', step: 'release snaps', exitCode: 0, ms: Math.round(performance.now() - t0) })
    return true
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    result.errors = e instanceof DescriptionError ? e.lines : [e.message]
    result.steps.push({ job: 'snaps', step: 'release snaps', exitCode: 1, ms: Math.round(performance.now() - t0) })
    return false
  }
}

// ---------------------------------------------------------------- release, promote

/** release: one job per charm, behind the release environment on GitHub (needs the snaps job); none in a dry run. */
async function releaseJob(ctx: JobContext): Promise<boolean> {
  if (ctx.dryRun) return true
  let ok = true
  for (const c of ctx.plan.charms) {
    // The double's store, like Charmhub, knows a charm once its name is registered (a one-time step there).
    if (!ctx.o.charmcraft)
      await run(path.join(doubles(), 'charmcraft'), ['register', c.charm], {
        env: { CHARMCRAFT_AUTH: ctx.store.token },
        allowFailure: true,
      })
    const inputs = { ...releaseInputs(ctx.plan, c), verify: 'true', credentials: ctx.store.token }
    const r = await act(ctx, 'release', 'charm-attach-release', inputs, { charm: c.charm })
    ok &&= r.exitCode === 0
    recordRelease(ctx, c.charm, r)
  }
  return ok
}

/** promote (promote.yml): one job per charm, every base the from-channel holds released to the plan's channel. */
async function promoteJob(ctx: JobContext): Promise<boolean> {
  let ok = true
  for (const c of ctx.plan.charms) {
    const inputs = {
      charm: c.charm,
      'from-channel': ctx.from!,
      channel: ctx.plan.channel,
      'allow-missing-bases': ctx.o.allowMissingBases ?? 'false',
      verify: 'true',
      credentials: ctx.store.token,
      'dry-run': String(ctx.dryRun),
    }
    const r = await act(ctx, 'promote', 'charm-attach-release', inputs, { charm: c.charm })
    ok &&= r.exitCode === 0
    recordRelease(ctx, c.charm, r)
  }
  return ok
}

/** The release (or promote) job's record step: charm-attach-release's outputs, and what the channel holds now. */
function recordRelease(ctx: JobContext, charm: string, r: ActionRun): void {
  ctx.result.outputs[charm] = r.outputs
  if (r.exitCode === 0 && !ctx.dryRun)
    ctx.result.released.push(
      toReleased(charm, r.outputs.channel ?? ctx.plan.channel, r.outputs.revisions ?? '{}', r.outputs['resource-revisions'] ?? '{}'),
    )
}

// ---------------------------------------------------------------- bundle

/** bundle: after a release or promotion that went through (none in a dry run), from the charms the plan job read. */
async function bundleJob(ctx: JobContext): Promise<boolean> {
  if (ctx.dryRun) return true
  const { desc, dir, template, infos } = ctx.checked
  try {
    ctx.result.bundles = await writeBundles(desc, dir, ctx.result.released, path.join(ctx.out, 'bundle'), {
      template,
      charms: bundleCharms(infos),
    })
    ctx.result.steps.push({ job: 'bundle', step: 'bundle', exitCode: 0 })
    return true
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    console.error(`Error: ${e.message}`)
    ctx.result.steps.push({ job: 'bundle', step: 'bundle', exitCode: 1 })
    return false
  }
}

// ---------------------------------------------------------------- summary

/** summary: always, after the plan: what was released, every artifact, the Snap Store, the failed steps. */
async function summaryJob(ctx: JobContext, ok: boolean): Promise<void> {
  const { result, plan, from } = ctx
  result.artifacts = from ? [] : await collectArtifacts(ctx.artifacts)
  result.summary = summaryMarkdown(
    from ? 'Promotion summary' : 'Release summary',
    summaryNotes(ctx, ok),
    await releaseTable(result.released, plan, ctx.out),
    result.artifacts,
    result.snaps ? snapsReport(result.snaps) : '',
    packTable(plan.packs),
  )
  result.steps.push({ job: 'summary', step: 'summarize', exitCode: 0 })
  await writeFile(path.join(ctx.out, 'summary.md'), `${result.summary}\n`)
  result.exitCode = ok ? 0 : 1
}

/** The summary's lines above its tables: the release (or promotion), its outcome, attestations, the failed steps. */
function summaryNotes(ctx: JobContext, ok: boolean): string[] {
  const { result, plan, from } = ctx
  const failed = result.steps.filter((s) => s.exitCode !== 0)
  return [
    from
      ? `Promotion ${from} → \`${plan.channel}\`.`
      : `Kubernetes ${plan.kubeVersion}, CNI ${plan.versions.cni || '-'}, flannel ${plan.versions.flannel || '-'}, etcd ${plan.versions.etcd || '-'} → channel \`${plan.channel}\`; snap resources: ${plan.snaps}.`,
    ctx.dryRun
      ? 'Dry run: each charm job showed its plan; nothing was uploaded or released.'
      : ok
        ? `${from ? 'Promoted' : 'Released'} and verified (store: the charmcraft test double${ctx.snapStore && !ctx.o.snapcraft ? ', the snapcraft test double' : ''}). Bundles: ${result.bundles.map((b) => path.basename(b)).join(', ')}.${result.snaps ? ` Snap Store: ${result.snaps.records.length} (snap, arch) in their channels; the gate checked ${result.snaps.gateChecked} (charm, arch, snap).` : ''}`
        : 'Not released.',
    'Attestations: signed on GitHub only (actions/attest-build-provenance, actions/attest-sbom); none locally.',
    ...(failed.length
      ? [`Failed: ${failed.map((s) => `${s.job}${s.arch ? ` ${s.arch}` : ''}${s.charm ? ` ${s.charm}` : ''} / ${s.step}`).join(', ')}.`]
      : []),
  ]
}

/** The whole pipeline, locally: release.yml's (promote.yml's) jobs in the workflow's order. */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArches } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { run } from '../../shared/exec.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { parseBool } from '../../shared/inputs.js'
import { parseKubeVersion } from '../../shared/k8s.js'
import { type CdkPlan, type CharmPlan, makePlan } from '../../shared/release/plan.js'
import { checkDescription } from '../../shared/release/check.js'
import { type Description, DescriptionError, loadDescription } from '../../shared/release/description.js'
import { planMarkdown } from '../../shared/release/markdown.js'
import type { ReleasedCharm } from '../../shared/release/bundles.js'
import { repoRoot, runActionLocally, type ActionRun } from '../local.js'
import { type Mirror } from '../mirror.js'
import { type LoadedPlan, planFromConfig } from './plan.js'
import { toReleased, writeBundles } from './records.js'
import { type ArtifactRow, collectArtifacts, releaseTable, summaryMarkdown } from './summary.js'
import { openMirror } from './upstream.js'
import { collectedChecksums } from './attest.js'
import { collectPacks, packInputs, snapStoreSetup, storeSetup } from './jobs.js'
import { buildRunsOn, HOSTED_JOB, runnerEnv } from './runner.js'
import { snapsJob, type SnapsJobResult, snapTable } from './snaps.js'
import { routeConfigFromEnv } from '../../shared/charm/routes.js'

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
  /**
   * The arches with a self-hosted runner (s390x, ppc64el), as the repository variables S390X_RUNNER and
   * PPC64EL_RUNNER say on GitHub (those variables in the environment count too).
   */
  runners?: string[]
  /**
   * Another charmcraft in place of the double (the real one): the store is then the one it talks to, with the
   * credentials in CHARMCRAFT_AUTH; nothing is registered for you.
   */
  charmcraft?: string
  /** Another snapcraft in place of the double (the real one), with the credential in SNAPCRAFT_STORE_CREDENTIALS. */
  snapcraft?: string
  /** false: the double's store is left as it is (no names registered, no tracks made), for tests of refusals. */
  snapSetup?: boolean
}

export interface StepRecord {
  job: 'plan' | 'build' | 'pack' | 'charm' | 'snaps' | 'release' | 'promote' | 'bundle' | 'summary'
  /** The matrix value: the arch of a build job, the charm of a charm/release/promote job, charm and entry of a pack job. */
  arch?: string
  charm?: string
  entry?: string
  /** What the job's charmcraft saw of its machine (RUNNER_ARCH, ImageOS; LXD when its route sets it up). */
  runner?: Record<string, string>
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
  /** The snaps job: what it published (records), the commands it ran or would run. */
  snaps?: SnapsJobResult
}

/** A route refusal, as the local run says it: the repository variable is played by --runners here. */
export function localRoute(line: string): string {
  const m = /set the repository variable (S390X|PPC64EL)_RUNNER \(/.exec(line)
  return m
    ? line.replace(/, or drop its arch from arches$/, `; locally: --runners ${m[1].toLowerCase()}; or drop its arch from arches`)
    : line
}

/** test/doubles (a function: cli/main.ts and this module import each other, so repoRoot is read late). */
export const doubles = () => path.join(repoRoot, 'test', 'doubles')

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
    at: { arch?: string; charm?: string; entry?: string } = {},
    runsOn: string | string[] = HOSTED_JOB,
    extraEnv: Record<string, string> = {},
  ): Promise<ActionRun> => {
    // Each job on its runner: what GitHub sets for its runs-on, seen by the actions and the charmcraft they call.
    const runner = { ...runnerEnv(runsOn), ...extraEnv }
    const where = [at.arch, at.charm, at.entry].filter(Boolean).join(' ')
    say(`\n▶▶ [${job}${where ? ` ${where}` : ''} on ${Array.isArray(runsOn) ? runsOn.join(',') : runsOn}] ${action}`)
    const t0 = performance.now()
    const r = await runActionLocally(action, inputs, { quiet: o.quiet, env: runner })
    steps.push({ job, ...at, step: action, exitCode: r.exitCode, ms: Math.round(performance.now() - t0), runner })
    return r
  }
  const routes = routeConfigFromEnv(process.env, o.runners ?? [])

  // plan, part 1: the description and every charm, before anything is built or a store is touched.
  let desc: Description
  try {
    desc = await loadDescription(path.resolve(o.config))
    const scratch = await mkdtemp(path.join(tmpdir(), 'build-snaps-plan-'))
    const infos = await checkDescription(desc, path.dirname(path.resolve(o.config)), path.basename(o.config), scratch).finally(() =>
      rm(scratch, { recursive: true, force: true }),
    )
    // Every entry the release needs has a route, before the mirror is laid out (the version does not matter here).
    if (!o.promote) makePlan(desc, infos, { kubeVersion: 'v0.0.0', dir: path.dirname(path.resolve(o.config)), artifacts, routes })
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    steps.push({ job: 'plan', step: 'plan', exitCode: 1 })
    result.errors = (e instanceof DescriptionError ? e.lines : [e.message]).map(localRoute)
    return result
  }
  const resume = !!o.resume && existsSync(artifacts)
  if (!o.promote && !resume) await rm(artifacts, { recursive: true, force: true })
  await mkdir(artifacts, { recursive: true })
  const kube = parseKubeVersion(desc.versions.kubernetes)
  // The mirror serves every arch a build job builds for: the release's and the Snap Store's.
  const arches = parseArches([...new Set([...desc.arches, ...(desc['snap-store']?.arches ?? [])])].join(' '))
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
  // The store first: a refused set-up (no such charmcraft, no credential) stops before the mirror is built, and
  // the process, holding no server, exits at once.
  const store = await storeSetup(o, storeDir, out)
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
  try {
    const token = store.token
    Object.assign(process.env, store.env, o.env ?? {})
    process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch())
    say(store.banner)
    // plan, part 2: the Kubernetes version and the matrices.
    let loaded: LoadedPlan
    try {
      loaded = await planFromConfig({
        config: o.config,
        channel: o.channel,
        promote: o.promote,
        kubeBaseUrl: mirror ? `${mirror.url}/k8s` : undefined,
        artifacts,
        routes,
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
    const needs = plan.snapNeeds ?? []
    const snapStore =
      plan.snapStore || needs.length
        ? await snapStoreSetup(
            o,
            out,
            [...new Set([...(plan.snapStore?.snaps ?? []), ...needs.map((n) => n.snap)])],
            [...(plan.snapStore?.channels ?? []), ...needs.map((n) => n.channel), ...(from ? [plan.channel] : [])],
          )
        : undefined
    if (snapStore) say(snapStore.banner)
    /** The snaps job: names, tracks, publish, verify, the gate; before any charm is uploaded or released. */
    const snapsStep = async (): Promise<boolean> => {
      if (!snapStore) return true
      say(`\n▶▶ [snaps on ${HOSTED_JOB}] release snaps`)
      const t0 = performance.now()
      try {
        result.snaps = await snapsJob({
          plan,
          ...(from ? { from } : {}),
          dir: artifacts,
          dryRun,
          snapcraft: snapStore.snapcraft,
          credentials: snapStore.credentials,
          env: snapStore.env,
          log: say,
        })
        say(result.snaps.records.length ? snapTable(result.snaps.records) : result.snaps.commands.map((c) => `  ${c.join(' ')}`).join('\n'))
        steps.push({ job: 'snaps', step: 'release snaps', exitCode: 0, ms: Math.round(performance.now() - t0) })
        return true
      } catch (e) {
        if (!(e instanceof UserError)) throw e
        result.errors = e instanceof DescriptionError ? e.lines : [e.message]
        steps.push({ job: 'snaps', step: 'release snaps', exitCode: 1, ms: Math.round(performance.now() - t0) })
        return false
      }
    }
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
      // promote.yml: the snaps job first (the snaps move with the charms; the gate), then one job per charm.
      ok = await snapsStep()
      for (const c of ok ? plan.charms : []) {
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
      // build: one job per arch (the release's and the Snap Store's), each artifact once.
      const b = plan.build
      for (const row of resume ? [] : plan.matrix) {
        const a = parseArches(row.arch)[0]
        const dir = path.join(artifacts, `release-${a.debian}`)
        const jobSteps: Array<[boolean, string, Record<string, string>]> = [
          [
            row.components !== '',
            'build-k8s-snaps',
            {
              'kube-version': plan.kubeVersion,
              components: row.components,
              arch: a.debian,
              'base-url': `${mirror!.url}/k8s`,
              'output-dir': dir,
            },
          ],
          [
            row.etcd,
            'build-etcd-snap',
            {
              ...(b['etcd-source'] ? { 'source-dir': b['etcd-source'] } : { 'etcd-version': b['etcd-version'] }),
              arch: a.debian,
              'base-url': `${mirror!.url}/etcd`,
              'output-dir': dir,
            },
          ],
          [
            row['cdk-addons'],
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
            row.cni,
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
            row.flannel,
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
          if ((await act('build', action, inputs, { arch: a.debian }, buildRunsOn(a.debian, !!routes.selfHosted.s390x))).exitCode !== 0) {
            ok = false
            break
          }
        }
      }
      // pack: one job per needed bases/platforms entry, on its route's runner (needs the plan only).
      const packOk = new Map<string, boolean>()
      for (const p of resume ? [] : plan.packs) {
        const r = await act(
          'pack',
          'charm-build',
          packInputs(p),
          { charm: p.charm, entry: p.entry },
          p['runs-on'],
          p.lxd ? { CHARMCRAFT_DOUBLE_LXD: '1' } : {},
        )
        packOk.set(p.charm, (packOk.get(p.charm) ?? true) && r.exitCode === 0)
        ok &&= r.exitCode === 0
      }
      // charm: one job per charm (needs every build and every pack job).
      const charmOk = new Map<string, boolean>()
      if (ok && !resume) {
        for (const c of plan.charms) {
          let good = true
          if (c.path) {
            // "Collect the .charm files of its pack jobs" (download-artifact: pattern, merge-multiple), then one SHA256SUMS.
            await collectPacks(
              plan.packs.filter((p) => p.charm === c.charm),
              c['charm-dir'],
            )
            steps.push({ job: 'charm', charm: c.charm, step: 'checksums', exitCode: 0 })
            await collectedChecksums(c['charm-dir'])
          } else await takePrebuilt(c)
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
      // snaps: behind the release environment on GitHub (needs every build and charm job).
      if (ok) ok = await snapsStep()
      // release: one job per charm, behind the release environment on GitHub (needs the snaps job).
      if (ok && !dryRun) {
        for (const c of plan.charms) {
          // The double's store, like Charmhub, knows a charm once its name is registered (a one-time step there).
          if (!o.charmcraft)
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
        console.error(`Error: ${e.message}`)
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
          ? `${from ? 'Promoted' : 'Released'} and verified (store: the charmcraft test double${snapStore && !o.snapcraft ? ', the snapcraft test double' : ''}). Bundles: ${result.bundles.map((b) => path.basename(b)).join(', ')}.${result.snaps ? ` Snap Store: ${result.snaps.records.length} (snap, arch) in their channels; the gate checked ${result.snaps.gateChecked} (charm, arch, snap).` : ''}`
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
      snapTable(result.snaps?.records ?? []),
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

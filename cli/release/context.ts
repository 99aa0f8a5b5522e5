/**
 * What the local pipeline's jobs share (cli/release/pipeline.ts): the options, where everything goes, the step
 * recorder and, once the plan job has run, the description it checked, the plan and the stores' set-ups.
 */
import path from 'node:path'
import type { RouteConfig } from '../../shared/charm/routes.js'
import type { CheckedDescription } from '../../shared/release/check.js'
import type { CdkPlan } from '../../shared/release/plan.js'
import type { ReleasedCharm } from '../../shared/release/bundles.js'
import { repoRoot, runActionLocally, type ActionRun } from '../local.js'
import { type Mirror } from '../mirror.js'
import type { SnapStoreSetup, StoreSetup } from './jobs.js'
import { HOSTED_JOB, runnerEnv } from './runner.js'
import type { SnapsJobResult } from './snaps.js'
import type { ArtifactRow } from './summary.js'

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

/** One local run, before the plan: the options, where everything goes, and what it returns (its steps: the step recorder). */
export interface LocalRun {
  o: LocalReleaseOptions
  /** <output-dir>, its artifacts/ (the workflow artifacts the jobs hand on) and store/ (the charmcraft double's state). */
  out: string
  artifacts: string
  storeDir: string
  dryRun: boolean
  /** The runner routes (--runners plays the repository variables S390X_RUNNER and PPC64EL_RUNNER). */
  routes: RouteConfig
  result: LocalReleaseResult
  say: (m: string) => void
}

/** What is set up between the two halves of the plan job: the artifacts kept or not, the charm store, the mirror. */
export interface RunSetUp {
  /** A re-run with the artifacts of a run before: the build, pack and charm jobs are not run again. */
  resume: boolean
  store: StoreSetup
  mirror?: Mirror
  /** The mirror is this run's (closed at its end), not the caller's. */
  ownMirror: boolean
  /** The environment the jobs change, as it was (restored at the end). */
  saved: Record<string, string | undefined>
}

/** Every job after the plan is given this: the run, the description checked once, the plan, the stores' set-ups. */
export interface JobContext extends LocalRun, RunSetUp {
  checked: CheckedDescription
  plan: CdkPlan
  /** Promotion: the channel promoted from. */
  from?: string
  /** The snaps job's store; undefined when the release publishes no snap and no charm installs one. */
  snapStore?: SnapStoreSetup
}

/** test/doubles (a function: cli/main.ts and this module import each other, so repoRoot is read late). */
export const doubles = () => path.join(repoRoot, 'test', 'doubles')

/** A route refusal, as the local run says it: the repository variable is played by --runners here. */
export function localRoute(line: string): string {
  return line.replace(
    /(set the repository variable (S390X|PPC64EL)_RUNNER \([^)]*)\)/,
    (_all, head: string, arch: string) => `${head}; locally: --runners ${arch.toLowerCase()})`,
  )
}

/**
 * One step of a job: the action run through its dist bundle on the job's runner (what GitHub sets for its
 * runs-on, seen by the action and the charmcraft it calls), recorded with its exit code and time.
 */
export async function act(
  run: LocalRun,
  job: StepRecord['job'],
  action: string,
  inputs: Record<string, string>,
  at: { arch?: string; charm?: string; entry?: string } = {},
  runsOn: string | string[] = HOSTED_JOB,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const runner = { ...runnerEnv(runsOn), ...extraEnv }
  const where = [at.arch, at.charm, at.entry].filter(Boolean).join(' ')
  run.say(`\n▶▶ [${job}${where ? ` ${where}` : ''} on ${Array.isArray(runsOn) ? runsOn.join(',') : runsOn}] ${action}`)
  const t0 = performance.now()
  const r = await runActionLocally(action, inputs, { quiet: run.o.quiet, env: runner })
  run.result.steps.push({ job, ...at, step: action, exitCode: r.exitCode, ms: Math.round(performance.now() - t0), runner })
  return r
}

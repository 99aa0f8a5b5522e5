/** The plan job: validate the description and every charm, resolve the Kubernetes version, make the plan. */
import { tmpdir } from 'node:os'
import { UserError } from '../../shared/errors.js'
import { withScratchDir } from '../../shared/files.js'
import { parseChannel } from '../../shared/charm/plan.js'
import { entryNeeded, type RouteConfig } from '../../shared/charm/routes.js'
import { readCharmFile } from '../../shared/charm/release.js'
import { resolveKubeVersion } from '../../shared/k8s.js'
import { charmInstalls } from '../../shared/release/snaps.js'
import { snapNeeds } from '../../shared/snap-store/plan.js'
import { type BaseKey, checkBundlesBeforeUpload } from '../../shared/release/bundles.js'
import { type CdkPlan, makePlan } from '../../shared/release/plan.js'
import { type CharmInfo, type CheckedDescription, loadCheckedDescription } from '../../shared/release/check.js'
import { type Description, DescriptionError } from '../../shared/release/description.js'

/** The workflow_dispatch defaults of release.yml (test/workflows.test.ts checks they agree). */
export const RELEASE_DEFAULTS = {
  config: 'cdk-release.yaml',
  channel: '',
  'dry-run': 'true',
  /** The snapcraft the snaps job installs on a runner (the local run takes --snapcraft PATH, else the double). */
  'snapcraft-channel': '8.x/stable',
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
  /** The runner routes configured (repository variables S390X_RUNNER, PPC64EL_RUNNER; the caller's owner). */
  routes?: RouteConfig
  /** false: plan no pack jobs (the summary job reads the plan for its tables). */
  packs?: boolean
  log?: (m: string) => void
}

export interface LoadedPlan {
  desc: Description
  plan: CdkPlan
  /** The channel promoted from (promotion only). */
  from?: string
}

/**
 * The `<ubuntu release>/<arch>` keys each charm's revisions will serve in this release: the run-on bases of its
 * pack jobs' entries (built here), or the manifest bases of its prebuilt files; only the release's arches.
 */
export async function servedBases(infos: CharmInfo[], plan: CdkPlan, scratch: string): Promise<Record<string, BaseKey[]>> {
  const arches = new Set(plan.arches.map((a) => a.debian))
  const out: Record<string, BaseKey[]> = {}
  for (const i of infos) {
    const keys = new Set<BaseKey>()
    if (i.entries)
      for (const e of i.entries)
        for (const b of e.runOn) if (arches.has(b.arch) && entryNeeded(e, [...arches])) keys.add(`${b.channel}/${b.arch}`)
    for (const f of i.files)
      for (const b of (await readCharmFile(f, scratch, `charms.${i.name}.files`)).bases)
        if (arches.has(b.architecture)) keys.add(`${b.channel}/${b.architecture}`)
    out[i.name] = [...keys]
  }
  return out
}

/** Validate (schema, then every charm), resolve the Kubernetes version, make the plan: nothing is built before. */
export async function planFromConfig(r: PlanRequest): Promise<LoadedPlan> {
  return planRelease(await loadCheckedDescription(r.config), r)
}

/**
 * The plan of a description already loaded and checked (the local pipeline checks it before it sets up the stores
 * and the mirror, then plans against the mirror): the Kubernetes version resolved, the plan, the gate's input, and
 * juju's checks on the bundles the release will write, with provisional revisions, before any upload.
 */
export async function planRelease(checked: CheckedDescription, r: Omit<PlanRequest, 'config'>): Promise<LoadedPlan> {
  const { desc, infos, dir, label, template } = checked
  if (r.promote !== undefined && !r.channel)
    throw new UserError('channel: a promotion needs the channel to promote to, e.g. --channel 1.31/beta')
  const from = r.promote !== undefined ? parseChannel(r.promote, 'from-channel').name : undefined
  const kube = await resolveKubeVersion(desc.versions.kubernetes, r.kubeBaseUrl ?? 'https://dl.k8s.io', r.log ?? (() => {}))
  const plan = makePlan(desc, infos, {
    kubeVersion: kube,
    dir,
    ...(r.root !== undefined ? { root: r.root } : {}),
    artifacts: r.artifacts,
    ...(r.channel ? { channel: r.channel } : {}),
    ...(r.routes ? { routes: r.routes } : {}),
    // A promotion packs nothing; the summary reads the plan for its tables only.
    packs: r.promote === undefined && r.packs !== false,
  })
  const serves = await withScratchDir(tmpdir(), 'build-snaps-plan-', (scratch) => servedBases(infos, plan, scratch))
  // The gate's input: every snap each charm installs, on each arch its revisions serve, at its channel.
  const installs = charmInstalls(desc, infos, template)
  if (installs.problems.length) throw new DescriptionError(installs.problems.map((l) => `${label}: ${l}`))
  plan.snapNeeds = snapNeeds(
    installs.charms.map((c) => ({ ...c, arches: [...new Set((serves[c.charm] ?? []).map((k) => k.split('/')[1]))] })),
  )
  // juju's bundle checks on the bundles this release will write, with provisional revisions: before any upload.
  if (!from && r.packs !== false) {
    const problems = checkBundlesBeforeUpload(desc, infos, template, serves, plan.channel)
    if (problems.length)
      throw new DescriptionError(
        problems.map(
          (l) =>
            `${l}; juju would refuse this bundle: fix ${desc.bundle?.template ? `bundle.template (${desc.bundle.template})` : 'the charms'}`,
        ),
      )
  }
  if (from && from === plan.channel)
    throw new UserError(`channel: promoting ${from} to itself; give another channel, e.g. ${from.replace(/edge$/, 'beta')}`)
  return { desc, plan, ...(from ? { from } : {}) }
}

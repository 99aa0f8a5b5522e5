/**
 * `build-snaps follow [run|plan|publish|summary]`: follow upstream Kubernetes (docs/follow.md). `run` (the default)
 * plays follow.yml locally: the plan, one build per (version, arch) behind through the build-k8s-snaps and
 * build-cdk-addons-snap bundles, the publish; by default against a loopback mirror of stand-in binaries and the
 * snapcraft TEST DOUBLE (state in <output-dir>/snap-store). `plan`, `publish` and `summary` are follow.yml's jobs:
 * the CLI and the workflow run the same code.
 */
import { existsSync } from 'node:fs'
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir } from '../../shared/files.js'
import { run, which } from '../../shared/exec.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { allSnaps, type FollowConfig, loadFollow } from '../../shared/follow/config.js'
import { parseBool, parseHttpUrl } from '../../shared/inputs.js'
import { DescriptionError } from '../../shared/release/description.js'
import { SnapStore } from '../../shared/snap-store/snapcraft.js'
import { runActionLocally } from '../local.js'
import { defaultUpstream, layOutUpstream, serveUpstream } from '../fake-k8s.js'
import type { Mirror } from '../mirror.js'
import { command, helpText, parseOptions, splitMode, wantsHelp, wrap } from '../options.js'
import { snapStoreSetup, storeTool } from '../release/jobs.js'
import { exportLoginLine } from '../release/snaps.js'
import { artifactName, type FollowPlan, followOutputs, latestSteps, makeFollowPlan, readPlan, writePlan } from './plan.js'
import { type FollowResult, followPublish } from './publish.js'
import { followFailed, followSummary } from './summary.js'

const CONFIG = {
  name: 'config',
  value: 'PATH',
  help: 'what follows upstream (schema/follow.schema.json; start from examples/follow.yaml)',
  default: 'follow.yaml',
} as const
const DRY_RUN = {
  name: 'dry-run',
  value: 'true|false',
  help: 'true: read upstream and the store, show what would be done; build, upload and release nothing',
  default: 'false',
} as const
const SNAPCRAFT_HELP = 'this snapcraft (credential in SNAPCRAFT_STORE_CREDENTIALS)'

export const FOLLOW_COMMANDS = {
  run: command({
    name: 'follow',
    operands: '[run]',
    summary:
      'follow upstream Kubernetes: every track of follow.yaml, every arch, only what changed (follow.yml locally: plan, one build per (version, arch) behind, publish)',
    details: [
      'By default against a loopback mirror of stand-in binaries (one release per track, its markers) and the snapcraft TEST',
      'DOUBLE, its store in <output-dir>/snap-store: a second run is a re-run. --base-url and --snapcraft name the real ones.',
    ],
    options: [
      CONFIG,
      {
        name: 'base-url',
        value: 'URL',
        help: 'upstream in the dl.k8s.io layout (markers under release/); default: a loopback mirror of stand-in binaries',
      },
      { name: 'snapcraft', value: 'PATH', help: `${SNAPCRAFT_HELP} instead of the test double (the real one publishes to the Snap Store)` },
      DRY_RUN,
      {
        name: 'output-dir',
        value: 'DIR',
        help: "everything the run keeps: plan.json, artifacts/, the double's snap-store/, mirror/, summary.md",
        default: 'follow',
      },
    ],
  }),
  plan: command({
    name: 'follow plan',
    summary:
      "follow.yml's plan job: markers, one snapcraft status per snap, the decision; the build matrix to GITHUB_OUTPUT and a plan file",
    options: [
      CONFIG,
      { name: 'base-url', value: 'URL', help: 'upstream in the dl.k8s.io layout (markers under release/)', default: 'https://dl.k8s.io' },
      { name: 'snapcraft', value: 'PATH', help: SNAPCRAFT_HELP, default: 'snapcraft' },
      DRY_RUN,
      { name: 'output', value: 'FILE', help: 'the plan file the build and publish jobs read', default: 'follow-plan/plan.json' },
    ],
  }),
  publish: command({
    name: 'follow publish',
    summary: "follow.yml's publish job: upload --release what the build jobs built, release what the store has, latest/*, verify",
    options: [
      { name: 'plan', value: 'FILE', help: "the plan job's plan file", default: 'follow-plan/plan.json' },
      {
        name: 'dir',
        value: 'DIR',
        help: "where the build jobs' artifacts were downloaded (follow-<version>-<arch>/)",
        default: 'artifacts',
      },
      { name: 'snapcraft', value: 'PATH', help: SNAPCRAFT_HELP, default: 'snapcraft' },
      { name: 'output', value: 'FILE', help: 'the record of what was done, for the summary job', default: 'results/follow.json' },
    ],
  }),
  summary: command({
    name: 'follow summary',
    summary:
      "follow.yml's summary job: the table track × snap × arch → upstream, the store per risk, the action; exit 1 when something tried failed",
    options: [
      { name: 'plan', value: 'FILE', help: "the plan job's plan file", default: 'follow-plan/plan.json' },
      { name: 'results', value: 'FILE', help: "the publish job's record (absent: the plan alone)", default: 'results/follow.json' },
      {
        name: 'builds',
        value: 'RESULT',
        help: "the build jobs' result (needs.build.result): failure or cancelled fails the summary",
        default: '',
      },
    ],
  }),
} as const

type Mode = keyof typeof FOLLOW_COMMANDS

export function followHelp(mode: Mode): string {
  const modes = Object.entries(FOLLOW_COMMANDS).flatMap(([m, c]) => wrap(`  ${m.padEnd(10)}`, c.summary.split(' '), 13))
  return helpText(FOLLOW_COMMANDS[mode], mode === 'run' ? ['modes (build-snaps follow <mode> --help):', ...modes] : [])
}

const log = (m: string) => console.log(m)

async function githubFile(variable: string, text: string): Promise<void> {
  if (process.env[variable]) await appendFile(process.env[variable]!, text)
}

/** The credential every store step needs; refused in one line when missing (a dry run reads no store then). */
function credentialOrRefuse(c: FollowConfig, dryRun: boolean): string {
  const credentials = process.env.SNAPCRAFT_STORE_CREDENTIALS ?? ''
  if (!credentials && !dryRun) {
    const channels = c.tracks.flatMap((t) => t.risks.map((r) => `${t.track}/${r}`))
    const latest = c.tracks.find((t) => t.track === c.latest)?.risks.map((r) => `latest/${r}`) ?? []
    throw new UserError(
      `SNAPCRAFT_STORE_CREDENTIALS is not set; follow reads the Snap Store and publishes to it: make it with \`${exportLoginLine(allSnaps(c), [...channels, ...latest])}\` and keep the file's content as the secret SNAPCRAFT_STORE_CREDENTIALS of the release environment, or run with --dry-run true`,
    )
  }
  return credentials
}

/** The store of a step: snapcraft with the credential; undefined for a dry run without one. */
function storeFor(snapcraft: string, credentials: string, env: Record<string, string> = {}): SnapStore | undefined {
  return credentials ? new SnapStore(snapcraft, credentials, log, undefined, env) : undefined
}

async function planMode(rest: string[]): Promise<number> {
  const o = parseOptions(FOLLOW_COMMANDS.plan, rest)
  const config = await loadFollow(o.config)
  const dryRun = parseBool(o['dry-run'], 'dry-run', false)
  const store = storeFor(o.snapcraft, credentialOrRefuse(config, dryRun))
  const baseUrl = parseHttpUrl(o['base-url'], '--base-url', 'https://dl.k8s.io')
  await ensureWritableDir(path.dirname(path.resolve(o.output)), '--output') // up front: a path on /proc is refused, not looped on
  const plan = await makeFollowPlan({ config, baseUrl, dryRun, store, log })
  await writePlan(o.output, plan)
  const lines = Object.entries(followOutputs(plan)).map(([k, v]) => `${k}=${v}\n`)
  process.stdout.write(lines.join(''))
  await githubFile('GITHUB_OUTPUT', lines.join(''))
  const md = followSummary(plan, plan.cells, latestSteps(plan), [])
  console.log(md)
  await githubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
  // A track that failed here fails the summary job, not this one: the other tracks still build and publish.
  return 0
}

async function publishMode(rest: string[]): Promise<number> {
  const o = parseOptions(FOLLOW_COMMANDS.publish, rest)
  const plan = await readPlan(o.plan)
  const credentials = process.env.SNAPCRAFT_STORE_CREDENTIALS ?? ''
  if (!credentials)
    throw new UserError(
      'SNAPCRAFT_STORE_CREDENTIALS is not set; the publish job uploads to the Snap Store: give it the secret of the release environment',
    )
  await ensureWritableDir(path.dirname(path.resolve(o.output)), '--output')
  const r = await followPublish({ plan, dir: o.dir, store: storeFor(o.snapcraft, credentials)!, log })
  await writeFile(o.output, `${JSON.stringify(r, null, 2)}\n`)
  for (const p of r.problems) console.error(`Error: ${p}`)
  return followFailed(r.cells, r.problems) ? 1 : 0
}

/** The publish job's record (follow publish --output), refused in one line when it is not one. */
async function readResults(file: string): Promise<FollowResult> {
  const fix = 'give the file the publish job wrote (follow publish --output), or none'
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UserError(`--results: ${path.resolve(file)} cannot be read (${e.code ?? e.message}); ${fix}`)
  })
  try {
    const r = JSON.parse(text) as FollowResult
    if (!Array.isArray(r?.cells) || !Array.isArray(r.latest) || !Array.isArray(r.problems)) throw new Error('no cells')
    return r
  } catch {
    throw new UserError(`--results: ${path.resolve(file)} is not a follow publish record; ${fix}`)
  }
}

async function summaryMode(rest: string[]): Promise<number> {
  const o = parseOptions(FOLLOW_COMMANDS.summary, rest)
  const plan = await readPlan(o.plan)
  const r = existsSync(o.results)
    ? await readResults(o.results)
    : { cells: plan.cells, latest: plan.dryRun ? latestSteps(plan) : [], problems: [] }
  const buildFailed = /failure|cancelled/.test(o.builds)
  // The plan had work, and the publish job left no record: it failed or was cancelled before its end.
  const unpublished = !existsSync(o.results) && !plan.dryRun && plan.cells.some((c) => c.action === 'build' || c.action === 'release')
  const problems = [
    ...r.problems,
    ...(buildFailed ? [`a build job ended ${o.builds}; see its log`] : []),
    ...(unpublished ? [`the publish job left no record (${o.results}): nothing planned was published; see its log`] : []),
  ]
  const md = followSummary(plan, r.cells, r.latest, problems)
  console.log(md)
  await githubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
  return followFailed(r.cells, problems) ? 1 : 0
}

// ---------------------------------------------------------------- the local run

/** The store of the local run: --snapcraft with SNAPCRAFT_STORE_CREDENTIALS, else the double under <out>/snap-store. */
async function localStore(o: { snapcraft?: string }, c: FollowConfig, out: string, dryRun: boolean) {
  if (o.snapcraft) {
    const tool = await storeTool('snapcraft', o.snapcraft)
    const credentials = credentialOrRefuse(c, dryRun)
    return {
      store: storeFor(tool, credentials),
      banner: `▶ Snap Store: whatever ${tool} talks to (SNAPCRAFT_STORE_CREDENTIALS); the double is not used`,
    }
  }
  // The double's credential, exported once and kept in its store; then the one-time steps a publisher takes on
  // the real store, for what this store does not have yet (read from the double's state, no store call): each
  // name registered, each track made.
  const s = await snapStoreSetup({ snapSetup: false, dryRun: String(dryRun) }, out, [], [])
  const state = JSON.parse((await run(s.snapcraft, ['x-double', 'state'], { env: s.env })).stdout) as {
    snaps?: Record<string, { tracks: Array<{ name: string }> }>
  }
  for (const snap of allSnaps(c)) {
    const have = state.snaps?.[snap]
    if (!have) await run(s.snapcraft, ['register', '--yes', snap], { env: { ...s.env, SNAPCRAFT_STORE_CREDENTIALS: s.credentials } })
    const missing = c.tracks.map((t) => t.track).filter((t) => !have?.tracks.some((x) => x.name === t))
    if (missing.length) await run(s.snapcraft, ['x-double', 'add-track', snap, ...missing], { env: s.env })
  }
  return { store: storeFor(s.snapcraft, s.credentials, s.env), banner: s.banner }
}

/** One build job: build-k8s-snaps for the pair's Kubernetes snaps, build-cdk-addons-snap for cdk-addons. */
async function buildLocally(plan: FollowPlan, c: FollowConfig, artifacts: string): Promise<void> {
  for (const b of plan.builds) {
    const dir = path.join(artifacts, artifactName(b))
    console.log(`\n▶▶ build (${b.version} ${b.arch}): ${[...b.components, ...(b.cdkAddons ? ['cdk-addons'] : [])].join(', ')}`)
    const common = { 'kube-version': b.version, arch: b.arch, 'base-url': plan.baseUrl, 'output-dir': dir }
    if (b.components.length) {
      const r = await runActionLocally('build-k8s-snaps', { ...common, components: b.components.join(' ') })
      if (r.exitCode !== 0) console.error(`build-k8s-snaps ${b.version} ${b.arch} failed (exit ${r.exitCode})`)
    }
    if (b.cdkAddons) {
      const r = await runActionLocally('build-cdk-addons-snap', { ...common, 'source-dir': c.cdkAddons })
      if (r.exitCode !== 0) console.error(`build-cdk-addons-snap ${b.version} ${b.arch} failed (exit ${r.exitCode})`)
    }
  }
}

async function runMode(rest: string[]): Promise<number> {
  const o = parseOptions(FOLLOW_COMMANDS.run, rest)
  const config = await loadFollow(o.config)
  const dryRun = parseBool(o['dry-run'], 'dry-run', false)
  const givenUrl = o['base-url'] ? parseHttpUrl(o['base-url'], '--base-url', 'https://dl.k8s.io') : ''
  const epoch = String(sourceDateEpoch()) // a bad SOURCE_DATE_EPOCH is refused before any server starts
  if (o.snapcraft) credentialOrRefuse(config, dryRun) // before the output directory is made: nothing left behind
  // Made (and proved writable) before anything is written there; a path on /proc or /sys is refused at once.
  const out = await ensureWritableDir(o['output-dir'], '--output-dir')
  const { store, banner } = await localStore(o, config, out, dryRun)
  const saved = process.env.SOURCE_DATE_EPOCH
  let mirror: Mirror | undefined
  if (!givenUrl) {
    if (!which('go'))
      throw new UserError(
        'go is not installed; the local mirror cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go), or give --base-url',
      )
    const upstream = defaultUpstream(config)
    console.log(
      `▶ Loopback mirror of upstream: stand-in Kubernetes ${upstream.releases.map((r) => r.version).join(', ')} for ${config.arches.join(', ')}, cross-compiled with go`,
    )
    await layOutUpstream(path.join(out, 'mirror'), upstream, undefined, [...new Set([...config.snaps, 'kubectl'])])
    mirror = await serveUpstream(path.join(out, 'mirror'))
  }
  process.env.SOURCE_DATE_EPOCH = epoch
  try {
    console.log(banner)
    const baseUrl = givenUrl || mirror!.url
    const plan = await makeFollowPlan({ config, baseUrl, dryRun, store, log })
    await writePlan(path.join(out, 'plan.json'), plan)
    const artifacts = path.join(out, 'artifacts')
    await rm(artifacts, { recursive: true, force: true })
    let r: FollowResult = { cells: plan.cells, latest: latestSteps(plan), problems: [] }
    if (!dryRun && followOutputs(plan).publish === 'true') {
      await buildLocally(plan, config, artifacts)
      r = await followPublish({ plan, dir: artifacts, store: store!, log })
    }
    const md = followSummary(plan, r.cells, r.latest, r.problems)
    await writeFile(path.join(out, 'summary.md'), md)
    console.log(`\n${'='.repeat(72)}\n${md}`)
    return followFailed(r.cells, r.problems) ? 1 : 0
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH
    else process.env.SOURCE_DATE_EPOCH = saved
    await mirror?.close()
  }
}

const MODES: Record<Mode, (rest: string[]) => Promise<number>> = {
  run: runMode,
  plan: planMode,
  publish: publishMode,
  summary: summaryMode,
}

/** `build-snaps follow [mode] ...` */
export async function followCli(args: string[]): Promise<number> {
  const [mode, rest] = splitMode(args)
  if (!Object.hasOwn(FOLLOW_COMMANDS, mode))
    throw new UserError(`follow: unknown mode '${mode}'; use ${Object.keys(FOLLOW_COMMANDS).join(', ')} (build-snaps follow --help)`)
  if (wantsHelp(rest)) {
    process.stdout.write(followHelp(mode as Mode))
    return 0
  }
  try {
    return await MODES[mode as Mode](rest)
  } catch (e) {
    if (!(e instanceof DescriptionError)) throw e
    for (const l of e.lines) console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${l}` : `Error: ${l}`)
    return 1
  }
}

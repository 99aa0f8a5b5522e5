/** `build-snaps release <mode>`: the CLI subcommand, the workflows' run: steps. */
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArch, parseArches } from '../../shared/arch.js'
import { UserError, errorMessage } from '../../shared/errors.js'
import { which } from '../../shared/exec.js'
import { parseBool, splitList } from '../../shared/inputs.js'
import { routeConfigFromEnv, SELF_HOSTED_ARCHES } from '../../shared/charm/routes.js'
import { parseKubeVersion } from '../../shared/k8s.js'
import { type CdkPlan, planOutputs } from '../../shared/release/plan.js'
import { DescriptionError, loadDescription } from '../../shared/release/description.js'
import { planMarkdown } from '../../shared/release/markdown.js'
import { repoRoot } from '../local.js'
import { command, helpText, parseOptions, splitMode, wantsHelp, wrap } from '../options.js'
import { RELEASE_DEFAULTS, planFromConfig } from './plan.js'
import { readRecords, toReleased, writeBundles } from './records.js'
import { ARTIFACT_RE, type AttestationRecord, collectedChecksums, listSboms } from './attest.js'
import { collectArtifacts, packTable, readAttestations, readPacks, releaseTable, summaryMarkdown } from './summary.js'
import { openMirror } from './upstream.js'
import { runLocalRelease } from './pipeline.js'
import { readSnapRecords, snapsJob, snapsReport, snapTable, writeSnapRecord } from './snaps.js'
import { storeTool } from './jobs.js'

// ---------------------------------------------------------------- the CLI subcommand: one option table per mode

const CONFIG = {
  name: 'config',
  value: 'PATH',
  help: 'the release description (schema/cdk-release.schema.json; start from examples/cdk-release.yaml)',
  default: RELEASE_DEFAULTS.config,
} as const
const DRY_RUN = {
  name: 'dry-run',
  value: 'true|false',
  help: 'true: every job checks and shows its plan; nothing is uploaded or released',
  default: RELEASE_DEFAULTS['dry-run'],
} as const
const BASE_URL = {
  name: 'base-url',
  value: 'URL',
  help: 'where a marker in versions.kubernetes (stable-1.31) is resolved: dl.k8s.io or a mirror in its layout',
  default: 'https://dl.k8s.io',
} as const

/**
 * `build-snaps release [mode]`: each mode's options, read by its parser (parseOptions) and its help (helpText);
 * the run mode first. Keys are the mode words.
 */
export const RELEASE_COMMANDS = {
  run: command({
    name: 'release',
    operands: '[run]',
    summary:
      'release.yml locally (promote.yml with --promote): its jobs in its order, through the dist bundles, against a loopback mirror of stand-in upstream binaries and the charmcraft/snapcraft test doubles',
    details: [
      'plan → build per arch → pack per entry → charm per charm → snaps → release per charm → bundle → summary; each job',
      "sees RUNNER_ARCH and ImageOS as GitHub sets them for its runs-on. The doubles' stores stay in <output-dir>, so a",
      'second run is a re-run. Nothing reaches Charmhub or the Snap Store unless --charmcraft/--snapcraft name the real tools.',
    ],
    options: [
      CONFIG,
      {
        name: 'channel',
        value: 'CHANNEL',
        help: "the channel every charm is released to, instead of the description's; with --promote, the channel promoted to",
      },
      DRY_RUN,
      {
        name: 'output-dir',
        value: 'DIR',
        help: "everything the run keeps: artifacts/, the doubles' store/ and snap-store/, mirror/, bundle/, summary.md",
        default: 'release',
      },
      {
        name: 'promote',
        value: 'CHANNEL',
        help: 'promote.yml instead: release what CHANNEL holds, every charm and base, to --channel; nothing is built',
      },
      {
        name: 'allow-missing-bases',
        value: 'true|false',
        help: 'with --promote: skip, with a warning, a base CHANNEL holds nothing for instead of refusing the promotion',
        default: 'false',
      },
      {
        name: 'resume',
        value: 'true|false',
        help: 'true: build and pack nothing; run the snaps, release and bundle jobs again on the artifacts <output-dir> holds (as a GitHub re-run keeps the artifacts of the jobs that succeeded)',
        default: 'false',
      },
      {
        name: 'runners',
        value: 'ARCHES',
        help: 'the self-hosted runners to play (s390x, ppc64el), as the repository variables S390X_RUNNER, PPC64EL_RUNNER turn them on',
      },
      {
        name: 'charmcraft',
        value: 'PATH',
        help: 'this charmcraft instead of the test double (the real one releases to Charmhub, with CHARMCRAFT_AUTH)',
      },
      {
        name: 'snapcraft',
        value: 'PATH',
        help: 'this snapcraft instead of the test double (the real one publishes to the Snap Store, with SNAPCRAFT_STORE_CREDENTIALS)',
      },
    ],
  }),
  plan: command({
    name: 'release plan',
    summary:
      'the plan job: validate the description (one error line per bad field), print the matrices as key=value outputs (and to GITHUB_OUTPUT)',
    options: [
      CONFIG,
      {
        name: 'channel',
        value: 'CHANNEL',
        help: "the channel to release to, instead of the description's; with --promote, the channel promoted to",
      },
      DRY_RUN,
      { name: 'promote', value: 'CHANNEL', help: 'plan a promotion of what CHANNEL holds to --channel' },
      BASE_URL,
    ],
  }),
  snaps: command({
    name: 'release snaps',
    summary:
      'the snaps job: publish the built snaps to the Snap Store channels (or promote them), then the gate: every snap each charm installs is there',
    options: [
      CONFIG,
      {
        name: 'channel',
        value: 'CHANNEL',
        help: "the charms' channel, instead of the description's; with --promote, the channel promoted to",
      },
      { name: 'promote', value: 'CHANNEL', help: 'promote the snaps CHANNEL holds, instead of publishing built ones' },
      { name: 'dir', value: 'DIR', help: "where the build jobs' artifacts were downloaded (release-<arch>/)", default: 'artifacts' },
      DRY_RUN,
      { name: 'output', value: 'FILE', help: 'write the record of what was published here (results/snaps.json)' },
      { name: 'snapcraft', value: 'PATH', help: 'the snapcraft to run (credential in SNAPCRAFT_STORE_CREDENTIALS)', default: 'snapcraft' },
      BASE_URL,
    ],
  }),
  record: command({
    name: 'release record',
    summary: "a release or promote job's record: charm-attach-release's outputs as results/<charm>.json, which the bundle job reads",
    options: [
      { name: 'charm', value: 'NAME', help: 'the charm released', required: true },
      { name: 'channel', value: 'CHANNEL', help: 'the channel it was released to', required: true },
      { name: 'revisions', value: 'JSON', help: "charm-attach-release's revisions output", default: '' },
      { name: 'resource-revisions', value: 'JSON', help: "charm-attach-release's resource-revisions output", default: '' },
      { name: 'output', value: 'FILE', help: 'the record to write', required: true },
    ],
  }),
  bundle: command({
    name: 'release bundle',
    summary: 'the bundle job: pin every charm and resource revision the release jobs recorded into the bundles',
    options: [
      CONFIG,
      { name: 'results', value: 'DIR', help: "the release jobs' records (<charm>.json)", default: 'results' },
      { name: 'output-dir', value: 'DIR', help: 'where the bundles are written', default: 'bundle' },
    ],
  }),
  checksums: command({
    name: 'release checksums',
    summary:
      'a charm job\'s "One SHA256SUMS for the collected files": SHA256SUMS and manifest.json over the .charm files its pack jobs made',
    options: [{ name: 'dir', value: 'DIR', help: "the directory the pack jobs' .charm files were collected into", required: true }],
  }),
  sboms: command({
    name: 'release sboms',
    summary: 'the sboms job: every <artifact>.spdx.json under DIR/<artifact>/ as the attest-sbom matrix (outputs matrix and count)',
    options: [{ name: 'dir', value: 'DIR', help: 'the downloaded artifacts', default: 'sboms' }],
  }),
  attested: command({
    name: 'release attested',
    summary: 'record an attestation (its URL and the artifacts it covers) for the summary job',
    options: [
      { name: 'kind', value: '', choices: ['provenance', 'sbom'], help: 'what was attested', required: true },
      { name: 'url', value: 'URL', help: "the attestation's URL (actions/attest-*'s attestation-url output)", required: true },
      { name: 'dir', value: 'DIR', help: 'the directory attested: every artifact in it is a subject' },
      { name: 'subject', value: 'NAME', help: 'the one artifact attested (when not --dir)' },
      { name: 'output', value: 'FILE', help: 'the record to write', required: true },
    ],
  }),
  summarize: command({
    name: 'release summarize',
    summary:
      "the summary job: the release (or promotion) summary from the downloaded artifacts and records; exit 1 when a job's result was failure or cancelled",
    options: [
      { name: 'config', value: 'PATH', help: 'the release description: orders the charms (not read for a promotion)' },
      { name: 'dir', value: 'DIR', help: 'the directory the release artifacts were downloaded into', required: true },
      { name: 'kube-version', value: 'VERSION', help: 'the Kubernetes version released, for the summary' },
      { name: 'channel', value: 'CHANNEL', help: 'the channel released (promoted) to' },
      { name: 'dry-run', value: 'true|false', help: 'true: say that nothing was uploaded or released' },
      { name: 'results', value: 'RESULTS', help: "the jobs' results (needs.*.result), e.g. 'build: success, release: failure'" },
      { name: 'promote', value: 'CHANNEL', help: 'a promotion from CHANNEL: the promotion summary' },
      { name: 'packs', value: 'JSON', help: "the plan job's packs output: each pack job's route in the summary" },
    ],
  }),
  'serve-mirror': command({
    name: 'release serve-mirror',
    summary: 'only the loopback mirror of stand-in upstream binaries (CI runs the actions against it); writes DIR/url, serves until killed',
    options: [
      { name: 'dir', value: 'DIR', help: 'where the mirror tree and its url file go', required: true },
      { name: 'arches', value: 'ARCHES', help: 'the architectures to serve', default: 'amd64,arm64,ppc64el,s390x' },
      { name: 'kube-version', value: 'VERSION', help: 'the Kubernetes version served (exact)', default: 'v1.31.2' },
      { name: 'cni-version', value: 'TAG', help: 'the CNI plugins release served', default: 'v1.5.1' },
      { name: 'flannel-version', value: 'TAG', help: 'the flannel release served', default: 'v0.25.6' },
      { name: 'etcd-version', value: 'TAG', help: 'the etcd release served', default: 'v3.5.16' },
    ],
  }),
} as const

export type ReleaseMode = keyof typeof RELEASE_COMMANDS

/** `build-snaps release [mode] --help`: the mode's table; the run mode's lists the modes too. */
export function releaseHelp(mode: ReleaseMode): string {
  const modes = Object.entries(RELEASE_COMMANDS).flatMap(([m, c]) => wrap(`  ${m.padEnd(12)}`, c.summary.split(' '), 15))
  return helpText(RELEASE_COMMANDS[mode], mode === 'run' ? ['modes (build-snaps release <mode> --help):', ...modes] : [])
}

/** `--runners s390x,ppc64el`: the arches with a self-hosted runner (the local S390X_RUNNER, PPC64EL_RUNNER). */
export function parseRunners(value: string): string[] {
  const out = splitList(value).map((w) => parseArch(w, 'runners').debian)
  const bad = out.filter((a) => !(SELF_HOSTED_ARCHES as readonly string[]).includes(a))
  if (bad.length)
    throw new UserError(
      `--runners: ${bad.join(', ')} has no self-hosted route; name ${SELF_HOSTED_ARCHES.join(' or ')} (amd64 and arm64 run on GitHub-hosted runners)`,
    )
  return out
}

async function writeGithubFile(variable: string, text: string): Promise<boolean> {
  const file = process.env[variable]
  if (!file) return false
  await appendFile(file, text)
  return true
}

/** Print each output as key=value and append them to GITHUB_OUTPUT (on a runner), as a step's outputs. */
async function setOutputs(outputs: Record<string, string>): Promise<void> {
  const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`)
  process.stdout.write(lines.join(''))
  await writeGithubFile('GITHUB_OUTPUT', lines.join(''))
}

/** One line per error: `Error: ...` here, `::error::...` on a runner (each becomes an annotation). */
function printErrors(lines: string[]): void {
  for (const l of lines) console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${l}` : `Error: ${l}`)
}

/** `build-snaps release <run|plan|snaps|record|bundle|sboms|attested|summarize|serve-mirror> ...` */
export async function releaseCli(args: string[]): Promise<number> {
  try {
    return await releaseMode(args)
  } catch (e) {
    if (!(e instanceof DescriptionError)) throw e
    printErrors(e.lines)
    return 1
  }
}

/** The mode word (run when the first argument is an option, or there is none) and the arguments after it. */
/** Every mode but run (the workflows' run: steps): its arguments after the mode word → the exit code. */
const MODES: Record<Exclude<ReleaseMode, 'run'>, (rest: string[]) => Promise<number>> = {
  async plan(rest) {
    const o = parseOptions(RELEASE_COMMANDS.plan, rest)
    const dryRun = parseBool(o['dry-run'], 'dry-run', true)
    const { plan, from } = await planFromConfig({
      config: o.config,
      channel: o.channel,
      ...(o.promote !== undefined ? { promote: o.promote } : {}),
      kubeBaseUrl: o['base-url'] || undefined,
      root: process.cwd(),
      artifacts: 'artifacts',
      routes: routeConfigFromEnv(process.env),
      log: (m) => console.log(m),
    })
    const outputs = { ...planOutputs(plan, dryRun), ...(from ? { 'from-channel': from } : {}) }
    await setOutputs(outputs)
    await writeGithubFile(
      'GITHUB_STEP_SUMMARY',
      `${planMarkdown(plan, dryRun, from ? `Promotion plan: ${from} → ${plan.channel}` : 'Release plan')}\n`,
    )
    return 0
  },
  async record(rest) {
    const o = parseOptions(RELEASE_COMMANDS.record, rest)
    const rec = toReleased(o.charm, o.channel, o.revisions, o['resource-revisions'])
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
  },
  async bundle(rest) {
    const o = parseOptions(RELEASE_COMMANDS.bundle, rest)
    const desc = await loadDescription(path.resolve(o.config))
    const files = await writeBundles(desc, path.dirname(path.resolve(o.config)), await readRecords(o.results), o['output-dir'])
    for (const f of files) console.log(`wrote ${f}`)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `### Pinned bundles\n\n${files.map((f) => `- \`${path.basename(f)}\``).join('\n')}\n`)
    return 0
  },
  async snaps(rest) {
    const o = parseOptions(RELEASE_COMMANDS.snaps, rest)
    const { plan, from } = await planFromConfig({
      config: o.config,
      channel: o.channel,
      ...(o.promote ? { promote: o.promote } : {}),
      kubeBaseUrl: o['base-url'] || undefined,
      root: process.cwd(),
      artifacts: o.dir,
      packs: false,
    })
    const r = await snapsJob({
      plan,
      ...(from ? { from } : {}),
      dir: o.dir,
      dryRun: parseBool(o['dry-run'], 'dry-run', true),
      snapcraft: o.snapcraft || 'snapcraft',
      credentials: process.env.SNAPCRAFT_STORE_CREDENTIALS ?? '',
      log: (m) => console.log(m),
    })
    if (o.output) await writeSnapRecord(o.output, r)
    const md = [
      '### Snap Store',
      '',
      snapsReport(r),
      '',
      `Gate: ${r.gateChecked} (charm, arch, snap) checked in the channels the charms install from; none missing.`,
    ].join('\n')
    console.log(md)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
    return 0
  },
  async checksums(rest) {
    const o = parseOptions(RELEASE_COMMANDS.checksums, rest)
    console.log(`wrote ${await collectedChecksums(o.dir)}`)
    return 0
  },
  async sboms(rest) {
    const o = parseOptions(RELEASE_COMMANDS.sboms, rest)
    const list = await listSboms(o.dir)
    const outputs = { matrix: JSON.stringify({ include: list }), count: String(list.length) }
    await setOutputs(outputs)
    return 0
  },
  async attested(rest) {
    const o = parseOptions(RELEASE_COMMANDS.attested, rest)
    const subjects = o.dir ? (await readdir(o.dir)).filter((f) => ARTIFACT_RE.test(f)).sort() : o.subject ? [o.subject] : []
    if (subjects.length === 0) throw new UserError('--dir or --subject: no artifact named; give the directory attested or the subject name')
    await mkdir(path.dirname(path.resolve(o.output)), { recursive: true })
    await writeFile(
      o.output,
      `${JSON.stringify({ kind: o.kind as AttestationRecord['kind'], url: o.url, subjects } satisfies AttestationRecord, null, 2)}\n`,
    )
    return 0
  },
  async summarize(rest) {
    const o = parseOptions(RELEASE_COMMANDS.summarize, rest)
    let plan: CdkPlan | undefined
    if (o.config && !o.promote)
      plan = (
        await planFromConfig({
          config: o.config,
          ...(o.channel ? { channel: o.channel } : {}),
          root: process.cwd(),
          artifacts: o.dir,
          packs: false,
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
      snapTable(await readSnapRecords(o.dir)),
      packTable(readPacks(o.packs ?? '')),
    )
    console.log(md)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
    return /failure|cancelled/.test(o.results ?? '') ? 1 : 0
  },
  async 'serve-mirror'(rest) {
    const o = parseOptions(RELEASE_COMMANDS['serve-mirror'], rest)
    const kube = parseKubeVersion(o['kube-version'])
    if (kube.kind !== 'exact')
      throw new UserError(`--kube-version: the mirror needs an exact version (v1.31.2), not '${o['kube-version']}'`)
    const dir = path.resolve(o.dir)
    const arches = parseArches(o.arches, 'arches')
    const mirror = await openMirror(
      dir,
      { kube: kube.version, cni: o['cni-version'], flannel: o['flannel-version'], etcd: o['etcd-version'] },
      arches,
    )
    const urlFile = path.join(dir, 'url')
    try {
      await writeFile(urlFile, `${mirror.url}\n`)
    } catch (e) {
      // The server is listening: a refusal from here on closes it first, or the CLI would go on serving.
      await mirror.close()
      throw new UserError(`--dir: cannot write ${urlFile} (${errorMessage(e)}); give a directory you can write to`)
    }
    console.log(`mirror at ${mirror.url} (k8s/, cni/, flannel/, etcd/); serving until killed`)
    await new Promise(() => {})
    return 0
  },
}

async function releaseMode(args: string[]): Promise<number> {
  const [mode, rest] = splitMode(args)
  if (!Object.hasOwn(RELEASE_COMMANDS, mode))
    throw new UserError(`release: unknown mode '${mode}'; use ${Object.keys(RELEASE_COMMANDS).join(', ')} (build-snaps release --help)`)
  if (wantsHelp(rest)) {
    process.stdout.write(releaseHelp(mode as ReleaseMode))
    return 0
  }
  if (mode !== 'run') return MODES[mode as Exclude<ReleaseMode, 'run'>](rest)
  const o = parseOptions(RELEASE_COMMANDS.run, rest)
  if (!existsSync(o.config))
    throw new UserError(
      `--config: ${path.resolve(o.config)} does not exist; write a cdk-release.yaml (start from ${path.join(repoRoot, 'examples', 'cdk-release.yaml')}) or pass --config PATH`,
    )
  if (!o.promote && !which('go'))
    throw new UserError(
      'go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  // The snaps job's tool is first called after the mirror is built: a wrong path is refused before that.
  if (o.snapcraft) await storeTool('snapcraft', o.snapcraft)
  const r = await runLocalRelease({
    config: o.config,
    outDir: o['output-dir'],
    dryRun: o['dry-run'],
    ...(o.channel ? { channel: o.channel } : {}),
    ...(o.promote ? { promote: o.promote } : {}),
    allowMissingBases: o['allow-missing-bases'],
    resume: parseBool(o.resume, 'resume', false),
    ...(o.runners ? { runners: parseRunners(o.runners) } : {}),
    ...(o.charmcraft ? { charmcraft: o.charmcraft } : {}),
    ...(o.snapcraft ? { snapcraft: o.snapcraft } : {}),
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

/** `build-snaps release <mode>`: the CLI subcommand, the workflows' run: steps. */
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArch, parseArches } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { which } from '../../shared/exec.js'
import { parseBool, splitList } from '../../shared/inputs.js'
import { routeConfigFromEnv, SELF_HOSTED_ARCHES } from '../../shared/charm/routes.js'
import { parseKubeVersion } from '../../shared/k8s.js'
import { type CdkPlan, planOutputs } from '../../shared/release/plan.js'
import { DescriptionError, loadDescription } from '../../shared/release/description.js'
import { planMarkdown } from '../../shared/release/markdown.js'
import { parseInputArgs, repoRoot } from '../local.js'
import { RELEASE_DEFAULTS, planFromConfig } from './plan.js'
import { readRecords, toReleased, writeBundles } from './records.js'
import { ARTIFACT_RE, type AttestationRecord, collectedChecksums, listSboms } from './attest.js'
import { collectArtifacts, readAttestations, releaseTable, summaryMarkdown } from './summary.js'
import { openMirror } from './upstream.js'
import { runLocalRelease } from './pipeline.js'
import { readSnapRecords, snapsJob, snapsReport, snapTable, writeSnapRecord } from './snaps.js'

// ---------------------------------------------------------------- the CLI subcommand

const RUN_OPTIONS = [
  'config',
  'channel',
  'dry-run',
  'output-dir',
  'promote',
  'allow-missing-bases',
  'resume',
  'runners',
  'charmcraft',
  'snapcraft',
]

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

/** Every mode but run, the workflows' run: steps: its arguments (after the mode word) → the exit code. */
const MODES: Record<string, (rest: string[]) => Promise<number>> = {
  async plan(rest) {
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
  },
  async bundle(rest) {
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
  },
  async snaps(rest) {
    const o: Record<string, string> = {
      ...RELEASE_DEFAULTS,
      ...parseInputArgs('release snaps', rest, ['config', 'channel', 'promote', 'dir', 'dry-run', 'output', 'snapcraft', 'base-url']),
    }
    const { plan, from } = await planFromConfig({
      config: o.config,
      channel: o.channel,
      ...(o.promote ? { promote: o.promote } : {}),
      kubeBaseUrl: o['base-url'] || undefined,
      root: process.cwd(),
      artifacts: o.dir ?? 'artifacts',
      packs: false,
    })
    const r = await snapsJob({
      plan,
      ...(from ? { from } : {}),
      dir: o.dir ?? 'artifacts',
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
    const o = parseInputArgs('release checksums', rest, ['dir'])
    if (!o.dir) throw new UserError("--dir is required: the directory the pack jobs' .charm files were collected into")
    console.log(`wrote ${await collectedChecksums(o.dir)}`)
    return 0
  },
  async sboms(rest) {
    const o = parseInputArgs('release sboms', rest, ['dir'])
    const list = await listSboms(o.dir ?? 'sboms')
    const outputs = { matrix: JSON.stringify({ include: list }), count: String(list.length) }
    await setOutputs(outputs)
    return 0
  },
  async attested(rest) {
    const o = parseInputArgs('release attested', rest, ['kind', 'url', 'dir', 'subject', 'output'])
    if (o.kind !== 'provenance' && o.kind !== 'sbom') throw new UserError(`--kind: '${o.kind ?? ''}' is not provenance or sbom`)
    if (!o.url || !o.output) throw new UserError('--url and --output are required')
    const subjects = o.dir ? (await readdir(o.dir)).filter((f) => ARTIFACT_RE.test(f)).sort() : o.subject ? [o.subject] : []
    if (subjects.length === 0) throw new UserError('--dir or --subject: no artifact named; give the directory attested or the subject name')
    await mkdir(path.dirname(path.resolve(o.output)), { recursive: true })
    await writeFile(o.output, `${JSON.stringify({ kind: o.kind, url: o.url, subjects } satisfies AttestationRecord, null, 2)}\n`)
    return 0
  },
  async summarize(rest) {
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
    )
    console.log(md)
    await writeGithubFile('GITHUB_STEP_SUMMARY', `${md}\n`)
    return /failure|cancelled/.test(o.results ?? '') ? 1 : 0
  },
  async 'serve-mirror'(rest) {
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
  },
}

async function releaseMode(args: string[]): Promise<number> {
  const mode = args[0] && !args[0].startsWith('--') ? args[0] : 'run'
  const rest = args[0] === mode ? args.slice(1) : args
  if (Object.hasOwn(MODES, mode)) return MODES[mode](rest)
  if (mode !== 'run')
    throw new UserError(`release: unknown mode '${mode}'; use run, plan, snaps, record, bundle, sboms, attested, summarize or serve-mirror`)
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

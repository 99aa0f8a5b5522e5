/**
 * Where each `bases` entry (or `platforms` entry) of a charm is packed: pure, unit-tested (test/charm-routes.test.ts).
 *
 * charmcraft packs an entry only on a host of the entry's build-on arch, and with --destructive-mode only on the
 * entry's Ubuntu release; without it, in an LXD instance of the build-on release (docs/upstream.md#where-charmcraft-packs).
 * So the plan makes ONE PACK JOB PER ENTRY the release needs (an entry is needed when one of its run-on arches is
 * released) and gives it a runner that fits:
 *
 *   hosted       amd64/arm64 on 22.04/24.04: GitHub-hosted ubuntu-<rel> / ubuntu-<rel>-arm, --destructive-mode;
 *   lxd          amd64/arm64 on any other release: ubuntu-24.04(-arm) with LXD set up by a step, managed mode;
 *   self-hosted  s390x/ppc64el: [self-hosted, linux, <arch>] when the repository variable S390X_RUNNER /
 *                PPC64EL_RUNNER is set; destructive when the runner's release is the entry's, else LXD;
 *   emulated     every arch no hosted runner has (s390x, ppc64el, armhf, riscv64), unless a self-hosted runner is
 *                configured for it or the description says `emulate: false`: the hosted amd64 ubuntu-24.04, in a
 *                docker `linux/<arch>` container of the build-on release (`ubuntu:22.04`) run under QEMU user
 *                emulation (binfmt_misc), charmcraft in destructive mode there (docs/upstream.md: under qemu-user
 *                charmcraft sees the guest's machine and the container's os-release, so it packs exactly that
 *                entry). Slow: EMULATED_SLOWDOWN says how slow, and the summaries say it.
 *
 * armhf and riscv64 are emulated too: the arch table has their docker platforms (linux/arm/v7, linux/riscv64),
 * the ubuntu images are published for both, and charmcraft 2.7.6 names their machines armhf and riscv64
 * (`charmcraft/utils/platform.py`: ARCH_TRANSLATIONS maps armv7l to armhf, riscv64 is its own name; its snap is
 * built for both). No hosted runner runs them.
 * An entry no configured route serves (a base other than Ubuntu, an arch outside the table, or `emulate: false`
 * with no runner) stops the plan in one line, before anything is built or uploaded.
 */
import { ARCHES, parseArch } from '../arch.js'
import { UserError } from '../errors.js'
import { CHARMCRAFT_FOR_TRACK } from './charmcraft-pins.js'

export interface Base {
  /** ubuntu */
  name: string
  /** 22.04 */
  channel: string
  /** Debian spelling (amd64, arm64, s390x, ppc64el, ...). */
  arch: string
}

export interface BuildEntry {
  /** The pack selector: `--bases-index N` (bases) or `--platform NAME` (platforms). */
  select: { kind: 'bases-index'; index: number } | { kind: 'platform'; name: string } | { kind: 'charm-tools' }
  /** Where the entry may be built (any of them). */
  buildOn: Base[]
  /** What the .charm serves. */
  runOn: Base[]
}

export const SELF_HOSTED_ARCHES = ['s390x', 'ppc64el'] as const
export type SelfHostedArch = (typeof SELF_HOSTED_ARCHES)[number]

/** The repository variable that turns on a self-hosted route. */
export const runnerVariable = (arch: SelfHostedArch) => `${arch.toUpperCase()}_RUNNER`

export interface RouteConfig {
  /** Self-hosted runners configured (the repository variables S390X_RUNNER, PPC64EL_RUNNER). */
  selfHosted: Partial<Record<SelfHostedArch, boolean>>
  /** The owner of the repository that runs the workflow (github.repository_owner). */
  callerOwner?: string
  /** The owner of the build-snaps repository whose workflow is called (cdk). */
  suiteOwner?: string
  /** The description's `emulate` (default true); false: no emulated route, an entry only it serves is refused. */
  emulate?: boolean
}

export type RouteKind = 'hosted' | 'lxd' | 'self-hosted' | 'emulated'

export interface Route {
  kind: RouteKind
  /** The job's runs-on. */
  runsOn: string | string[]
  /** What GitHub sets in the job: RUNNER_ARCH (X64, ARM64, S390X, PPC64LE) and, on hosted images, ImageOS. */
  runnerArch: string
  imageOs: string
  /** The build-on base the route serves. */
  base: Base
  /** charm-build's destructive-mode: true (same release), false (LXD), auto (decided on the runner). */
  destructive: 'true' | 'false' | 'auto'
  /** Set LXD up before packing. */
  lxd: boolean
  /** The emulated route's container: the build-on arch's docker platform (linux/s390x) and release (ubuntu:22.04); '' otherwise. */
  containerPlatform: string
  containerImage: string
}

/**
 * How many times slower an emulated pack is than a native one: ONE figure, shown in both summaries and the docs.
 * Measured by bench/charm-emulated.ts: the whole pack of the test charm 4.4× (its compile step 7.6×), in a
 * linux/s390x container under Debian's qemu 7.2; 4–10× is reported for whole builds (docs/emulated-pack.md).
 */
export const EMULATED_SLOWDOWN = 4.4
/** The emulated route's runner: the hosted amd64 image (docker and binfmt_misc are there). */
export const EMULATED_RUNNER = 'ubuntu-24.04'
/** The summaries' mark of a slow route ('' for the native ones). */
export const slowMark = (kind: RouteKind): string => (kind === 'emulated' ? `emulated, ~${EMULATED_SLOWDOWN}× slower` : '')

const HOSTED_RELEASES = ['22.04', '24.04']
/** The hosted images' label suffix per arch (ubuntu-24.04, ubuntu-24.04-arm); RUNNER_ARCH comes from shared/arch.ts. */
const HOSTED_SUFFIX: Record<string, string> = { amd64: '', arm64: '-arm' }
const runnerArch = (debian: string) => parseArch(debian).runner!
/** The release a self-hosted runner is assumed to run in the local simulation (and documented for the real one). */
export const SELF_HOSTED_RELEASE = '22.04'
const imageOs = (release: string) => `ubuntu${release.split('.')[0]}`
const isUbuntu = (b: Base) => b.name === 'ubuntu'

type Candidate = Route & { configured: boolean; fix: string }

/** The Ubuntu releases whose python3 charmcraft 2.x runs on (2.7.6 imports distutils: Python <= 3.11; 24.04 has 3.12). */
const EMULATED_RELEASES = ['20.04', '22.04']

/**
 * Why the emulated route cannot pack this entry of this base ('' when it can): it installs charmcraft 2.x (the
 * track of .charmcraft-channel) in the container and packs one `bases` entry with --bases-index.
 */
function emulationGap(e: BuildEntry, b: Base, charmcraftChannel: string | undefined): string {
  if (e.select.kind !== 'bases-index')
    return 'a bases entry for the emulated route (it packs charmcraft 2.x bases entries; platforms need charmcraft 3, not installed in the container)'
  if (!EMULATED_RELEASES.includes(b.channel))
    return `a build-on release the emulated route serves (${EMULATED_RELEASES.join(', ')}: charmcraft 2.x needs Python <= 3.11, Ubuntu ${b.channel} has a newer one)`
  const track = (charmcraftChannel || 'latest/stable').split('/')[0]
  if (!CHARMCRAFT_FOR_TRACK[track])
    return `a charmcraft the emulated route installs: pin ${Object.keys(CHARMCRAFT_FOR_TRACK)
      .map((t) => `${t}/stable`)
      .join(' or ')} in .charmcraft-channel (it says ${charmcraftChannel || 'nothing: latest/stable'})`
  return ''
}

/** The routes of one build-on base, best first, whether configured or not (pure). `gap`: why emulation cannot serve it. */
function candidates(b: Base, cfg: RouteConfig, gap = ''): Candidate[] {
  if (!isUbuntu(b)) return []
  const out: Candidate[] = []
  const none = { containerPlatform: '', containerImage: '' }
  const suffix = HOSTED_SUFFIX[b.arch]
  if (suffix !== undefined) {
    const hosted = HOSTED_RELEASES.includes(b.channel)
    const runsOn = hosted ? `ubuntu-${b.channel}${suffix}` : `ubuntu-24.04${suffix}`
    out.push({
      kind: hosted ? 'hosted' : 'lxd',
      runsOn,
      runnerArch: runnerArch(b.arch),
      imageOs: hosted ? imageOs(b.channel) : 'ubuntu24',
      base: b,
      destructive: hosted ? 'true' : 'false',
      lxd: !hosted,
      ...none,
      configured: true,
      fix: '',
    })
    return out
  }
  const sh = SELF_HOSTED_ARCHES.find((a) => a === b.arch)
  if (sh)
    out.push({
      kind: 'self-hosted',
      runsOn: ['self-hosted', 'linux', sh],
      runnerArch: runnerArch(sh),
      imageOs: '',
      base: b,
      destructive: 'auto',
      lxd: false,
      ...none,
      configured: !!cfg.selfHosted[sh],
      fix: `set the repository variable ${runnerVariable(sh)} (a self-hosted runner labelled self-hosted, linux, ${sh})`,
    })
  const arch = ARCHES.find((a) => a.debian === b.arch)
  if (arch)
    out.push({
      kind: 'emulated',
      runsOn: EMULATED_RUNNER,
      runnerArch: runnerArch('amd64'),
      imageOs: imageOs('24.04'),
      base: b,
      destructive: 'true',
      lxd: false,
      containerPlatform: arch.platform,
      containerImage: `ubuntu:${b.channel}`,
      configured: cfg.emulate !== false && !gap,
      fix: cfg.emulate === false ? 'remove emulate: false' : gap,
    })
  return out
}

const showBase = (b: Base) => `${b.name} ${b.channel} ${b.arch}`
const showBuildOn = (e: BuildEntry) => e.buildOn.map(showBase).join(' or ')
export const showSelect = (e: BuildEntry) =>
  e.select.kind === 'bases-index' ? `bases[${e.select.index}]` : e.select.kind === 'platform' ? `platforms.${e.select.name}` : 'charm build'

/** Is the entry needed by a release of these arches (one of its run-on arches is released)? */
export function entryNeeded(e: BuildEntry, arches: string[]): boolean {
  return e.runOn.some((b) => b.arch === 'all' || arches.includes(b.arch))
}

/**
 * The route that packs an entry, or a UserError naming the charm, the entry's build-on and what would serve it:
 * the first configured native route of its build-on bases, else the first emulated one.
 * A self-hosted route is refused when the caller's owner is not the suite's (GitHub lets a called workflow use
 * the caller's self-hosted runners only when both repositories have the same owner).
 */
export function routeEntry(charm: string, e: BuildEntry, cfg: RouteConfig, charmcraftChannel?: string): Route {
  const all = e.buildOn.flatMap((b) => candidates(b, cfg, emulationGap(e, b, charmcraftChannel)))
  // A native route of any build-on base before an emulated one.
  const usable = all.find((r) => r.configured && r.kind !== 'emulated') ?? all.find((r) => r.configured)
  const where = `${charm}: ${showSelect(e)} builds on ${showBuildOn(e)}`
  if (!usable) {
    if (all.length === 0)
      throw new UserError(
        `${where}, and no route packs it (GitHub hosts amd64 and arm64 on Ubuntu; the other arches of Ubuntu are packed on a self-hosted runner or emulated); pack it elsewhere and give the .charm files (files:), or drop its arch from arches`,
      )
    throw new UserError(
      `${where}, and no configured route packs it; ${[...new Set(all.map((r) => r.fix))].join(', or ')}, or drop its arch from arches`,
    )
  }
  if (usable.kind === 'self-hosted' && cfg.callerOwner && cfg.suiteOwner && cfg.callerOwner.toLowerCase() !== cfg.suiteOwner.toLowerCase())
    throw new UserError(
      `${where}: the self-hosted route (${runnerVariable(usable.base.arch as SelfHostedArch)}) cannot serve a call from ${cfg.callerOwner}: GitHub gives a called workflow the caller's self-hosted runners only when both are owned by the same account (${cfg.suiteOwner}); copy release.yml into a repository of ${cfg.callerOwner} (see the README) or drop ${usable.base.arch} from arches`,
    )
  const { configured: _c, fix: _f, ...route } = usable
  return route
}

/**
 * The build job of an arch runs on the self-hosted runner when its variable is set (release.yml: S390X_RUNNER);
 * from a caller of another owner GitHub would queue that job forever, so the plan refuses it up front.
 */
export function checkBuildRoutes(arches: string[], cfg: RouteConfig): string[] {
  const foreign = cfg.callerOwner && cfg.suiteOwner && cfg.callerOwner.toLowerCase() !== cfg.suiteOwner.toLowerCase()
  if (!foreign) return []
  return SELF_HOSTED_ARCHES.filter((a) => a === 's390x' && arches.includes(a) && cfg.selfHosted[a]).map(
    (a) =>
      `build (${a}): ${runnerVariable(a)} sends the ${a} build job to a self-hosted runner, which cannot serve a call from ${cfg.callerOwner}: GitHub gives a called workflow the caller's self-hosted runners only when both are owned by the same account (${cfg.suiteOwner}); unset ${runnerVariable(a)} (the ${a} build then runs on a hosted amd64 runner, QEMU only for the smoke runs) or copy release.yml into a repository of ${cfg.callerOwner}`,
  )
}

// ---------------------------------------------------------------- reading the entries

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/** `ubuntu@22.04` → {name, channel}. */
function parseBaseString(s: string, where: string): { name: string; channel: string } {
  const m = /^([a-z]+)@([0-9.]+|devel)$/.exec(s)
  if (!m) throw new UserError(`${where}: base '${s}' is not <name>@<channel> (e.g. ubuntu@22.04)`)
  return { name: m[1], channel: m[2] }
}

/** A `bases` item's build-on/run-on list item: {name, channel, architectures}. */
function basesOf(v: unknown, where: string, defaultArch: string): Base[] {
  const d = obj(v)
  if (!d || typeof d.name !== 'string' || (typeof d.channel !== 'string' && typeof d.channel !== 'number'))
    throw new UserError(`${where}: each base needs name and channel (e.g. name: ubuntu, channel: "22.04")`)
  const archs = Array.isArray(d.architectures) && d.architectures.length ? d.architectures.map(String) : [defaultArch]
  return archs.map((arch) => ({ name: d.name as string, channel: String(d.channel), arch }))
}

/**
 * The entries of a charm: from charmcraft.yaml `bases` (short and long forms; an entry without architectures
 * builds on the host's, amd64 on the hosted runner) or `platforms` (charmcraft 3: `ubuntu@22.04:amd64`, or an
 * arch under the top-level `base`, or build-on/build-for lists); for a charm-tools build, one entry from the
 * metadata's `series` (jammy -> 22.04, noble -> 24.04) for every released arch, built anywhere (amd64 hosted).
 */
export function charmEntries(
  charm: string,
  charmcraft: Record<string, unknown> | undefined,
  metadata: Record<string, unknown> | undefined,
  builder: 'charmcraft' | 'charm',
  arches: string[],
): BuildEntry[] {
  const file = `${charm}/charmcraft.yaml`
  if (builder === 'charm') {
    const series = Array.isArray(metadata?.series) && metadata.series.length ? metadata.series.map(String) : ['jammy']
    const runOn = series.flatMap((s) =>
      arches.map((arch) => ({ name: 'ubuntu', channel: seriesRelease(s, `${charm}/metadata.yaml`), arch })),
    )
    return [{ select: { kind: 'charm-tools' }, buildOn: [{ name: 'ubuntu', channel: '24.04', arch: 'amd64' }], runOn }]
  }
  if (Array.isArray(charmcraft?.bases)) {
    return charmcraft.bases.map((item, index) => {
      const where = `${file}: bases[${index}]`
      const d = obj(item)
      if (d && ('build-on' in d || 'run-on' in d)) {
        if (!Array.isArray(d['build-on']) || !Array.isArray(d['run-on']))
          throw new UserError(`${where}: give both build-on and run-on lists`)
        return {
          select: { kind: 'bases-index' as const, index },
          buildOn: d['build-on'].flatMap((b, i) => basesOf(b, `${where}.build-on[${i}]`, 'amd64')),
          runOn: d['run-on'].flatMap((b, i) => basesOf(b, `${where}.run-on[${i}]`, 'amd64')),
        }
      }
      const bs = basesOf(item, where, 'amd64')
      return { select: { kind: 'bases-index' as const, index }, buildOn: bs, runOn: bs }
    })
  }
  const platforms = obj(charmcraft?.platforms)
  if (platforms) {
    const top = typeof charmcraft?.base === 'string' ? parseBaseString(charmcraft.base, `${file}: base`) : undefined
    const buildBase =
      typeof charmcraft?.['build-base'] === 'string' ? parseBaseString(charmcraft['build-base'], `${file}: build-base`) : top
    const one = (s: string, where: string, dflt: { name: string; channel: string } | undefined): Base[] => {
      const m = /^(?:([a-z]+@[0-9.]+|[a-z]+@devel):)?([a-z0-9]+)$/.exec(s)
      if (!m) throw new UserError(`${where}: '${s}' is not <arch> or <base>:<arch> (e.g. ubuntu@22.04:amd64)`)
      const b = m[1] ? parseBaseString(m[1], where) : dflt
      if (!b) throw new UserError(`${where}: '${s}' names no base and charmcraft.yaml has no top-level base; write ubuntu@22.04:${s}`)
      return m[2] === 'all' ? arches.map((arch) => ({ ...b, arch })) : [{ ...b, arch: m[2] }]
    }
    return Object.entries(platforms).map(([name, v]) => {
      const where = `${file}: platforms.${name}`
      const d = obj(v)
      if (!d) return { select: { kind: 'platform' as const, name }, buildOn: one(name, where, buildBase), runOn: one(name, where, top) }
      const list = (k: string) => {
        if (!Array.isArray(d[k])) throw new UserError(`${where}: ${k} must be a list`)
        return (d[k] as unknown[]).map(String)
      }
      return {
        select: { kind: 'platform' as const, name },
        buildOn: list('build-on').flatMap((s) => one(s, `${where}.build-on`, buildBase)),
        runOn: list('build-for').flatMap((s) => one(s, `${where}.build-for`, top)),
      }
    })
  }
  throw new UserError(`${file}: no bases or platforms; declare where the charm builds and runs (see charmcraft's docs)`)
}

const SERIES: Record<string, string> = { focal: '20.04', jammy: '22.04', noble: '24.04' }

/** A metadata `series` name → its Ubuntu release. */
export function seriesRelease(series: string, where: string): string {
  const r = SERIES[series]
  if (!r) throw new UserError(`${where}: series '${series}' is not one of ${Object.keys(SERIES).join(', ')}`)
  return r
}

// ---------------------------------------------------------------- the pack jobs

export interface PackJob {
  charm: string
  /** `0`, `1`, ... in the charm's entry order: the artifact is pack-<charm>_<id>. */
  id: string
  /** The entry, as people read it: bases[1], platforms.jammy-arm64. */
  entry: string
  /** charmcraft pack's selector: --bases-index N or --platform NAME ('' when not that form, or charm-tools). */
  'bases-index': string
  platform: string
  'build-on': string
  'run-on': string
  /** The arches the entry's .charm serves, space separated (charm-build's arches: a charm-tools manifest). */
  arches: string
  route: RouteKind
  'runs-on': string | string[]
  'runner-arch': string
  'image-os': string
  destructive: Route['destructive']
  lxd: boolean
  /** The emulated route's docker platform (linux/s390x) and image (ubuntu:22.04); '' on the other routes. */
  'container-platform': string
  'container-image': string
  /** The summaries' mark of a slow route: `emulated, ~4.4× slower` ('' on the native routes). */
  slow: string
}

/**
 * A pack job's route as the summaries name it (markdown): `hosted \`ubuntu-22.04\`, destructive mode`,
 * `lxd \`ubuntu-24.04\`, LXD`, `self-hosted \`self-hosted, linux, s390x\``, and an emulated one with its slow mark:
 * `emulated \`linux/s390x\` in \`ubuntu:22.04\` on \`ubuntu-24.04\`, destructive mode (emulated, ~4.4× slower)`.
 */
export function showRoute(
  p: Pick<PackJob, 'route' | 'runs-on' | 'destructive' | 'container-platform' | 'container-image' | 'slow'>,
): string {
  const runsOn = `\`${Array.isArray(p['runs-on']) ? p['runs-on'].join(', ') : p['runs-on']}\``
  const where = p.route === 'emulated' ? `\`${p['container-platform']}\` in \`${p['container-image']}\` on ${runsOn}` : runsOn
  const mode = p.destructive === 'true' ? ', destructive mode' : p.destructive === 'false' ? ', LXD' : ''
  return `${p.route} ${where}${mode}${p.slow ? ` (${p.slow})` : ''}`
}

/**
 * One pack job per needed entry of one charm, each on its route; refuses (one line) what no route serves.
 * charmcraftChannel: the charm's .charmcraft-channel (which charmcraft the emulated route installs).
 */
export function packJobs(charm: string, entries: BuildEntry[], arches: string[], cfg: RouteConfig, charmcraftChannel?: string): PackJob[] {
  const jobs: PackJob[] = []
  for (const e of entries) {
    if (!entryNeeded(e, arches)) continue
    const r = routeEntry(charm, e, cfg, charmcraftChannel)
    jobs.push({
      charm,
      id: String(jobs.length),
      entry: showSelect(e),
      'bases-index': e.select.kind === 'bases-index' ? String(e.select.index) : '',
      platform: e.select.kind === 'platform' ? e.select.name : '',
      'build-on': showBase(r.base),
      'run-on': e.runOn.map(showBase).join(', '),
      arches: [...new Set(e.runOn.map((b) => b.arch))].filter((a) => arches.includes(a)).join(' '),
      route: r.kind,
      'runs-on': r.runsOn,
      'runner-arch': r.runnerArch,
      'image-os': r.imageOs,
      destructive: r.destructive,
      lxd: r.lxd,
      'container-platform': r.containerPlatform,
      'container-image': r.containerImage,
      slow: slowMark(r.kind),
    })
  }
  if (jobs.length === 0)
    throw new UserError(`${charm}: none of its entries runs on ${arches.join(', ')}; add a bases entry for them or drop the charm`)
  return jobs
}

/** The route configuration the plan job reads from its environment (release.yml passes the repository variables). */
export function routeConfigFromEnv(env: Record<string, string | undefined>, extra: string[] = []): RouteConfig {
  const selfHosted: RouteConfig['selfHosted'] = {}
  for (const a of SELF_HOSTED_ARCHES) if ((env[runnerVariable(a)] ?? '') !== '' || extra.includes(a)) selfHosted[a] = true
  const suiteOwner = env.SUITE_REPOSITORY?.split('/')[0]
  return {
    selfHosted,
    ...(env.CALLER_OWNER ? { callerOwner: env.CALLER_OWNER } : {}),
    ...(suiteOwner ? { suiteOwner } : {}),
  }
}

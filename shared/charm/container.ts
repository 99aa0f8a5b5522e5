/**
 * The emulated pack route (docs/emulated-pack.md): pack one `bases` entry of a charm inside a `linux/<arch>`
 * docker container of the entry's build-on release, on a machine of another arch, through QEMU user emulation
 * registered with binfmt_misc (flag F). charmcraft asks only os-release and `uname -m` in destructive mode, and
 * under qemu-user those are the container's: it packs exactly that entry, named as a native build names it.
 *
 *   1. checks, each one line with its fix, before anything runs: docker, its engine, the emulator, the image;
 *   2. `docker run --platform P ... IMAGE sh -c SCRIPT`: a copy of the charm at /build/project, the .charm files
 *      written to /build/out, pip's cache and charmcraft's logs mounted from this machine; SCRIPT installs
 *      charmcraft by pip (the version the charm pins, with its tag's requirements.txt as constraints) or runs the
 *      one mounted from charmcraft-path, prints `charmcraft version`, then `charmcraft pack --destructive-mode`;
 *   3. pip's wheel cache restored and saved through the runtime's cache, so a re-run compiles nothing;
 *   4. a failed pack is one line with the tail of charmcraft's log; a pack killed by a signal (emulated gcc
 *      segfaults) is tried once more; a cancelled step kills the container by its name.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, renameSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { chmod, cp, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { ARCHES, type Arch } from '../arch.js'
import { binfmtMatches, elfHeaderFor, readBinfmt } from '../binfmt.js'
import { nativeFor } from '../emulate.js'
import { UserError, errorMessage } from '../errors.js'
import { run, which } from '../exec.js'
import { copyAtomic, sha256File } from '../files.js'
import { RetryFailure, withRetry } from '../retry.js'
import type { ProvenanceRecorder, ResourceDescriptor } from '../provenance.js'
import type { Runtime } from '../runtime.js'
import type { BuildTool } from '../sbom.js'
import {
  CHARMCRAFT_2_7_6_REQUIREMENTS,
  CHARMCRAFT_CONSTRAINTS_SOURCE,
  CHARMCRAFT_FOR_TRACK,
  CONSTRAINTS_LEFT_TO_APT,
} from './charmcraft-pins.js'
import { readYaml } from './metadata.js'
import { charmEntries } from './routes.js'

/** Inside the container. */
export const PROJECT_MOUNT = '/build/project'
export const OUT_MOUNT = '/build/out'
export const PIP_CACHE_MOUNT = '/root/.cache/pip'
/** craft-cli 2.4.0 (charmcraft 2.7.6) logs to platformdirs.user_log_dir('charmcraft'): ~/.local/state/charmcraft/log. */
export const LOG_MOUNT = '/root/.local/state/charmcraft/log'
export const CHARMCRAFT_MOUNT = '/usr/local/bin/charmcraft'
const VENV = '/opt/charmcraft'
/** The line the script prints before packing: which charmcraft runs, and its `charmcraft version`. */
const VERSION_MARK = 'build-snaps: charmcraft version:'
/** The line the script prints once charmcraft is installed (pip route): a failure before it is the install's. */
const INSTALLED_MARK = 'build-snaps: charmcraft installed'

// ---------------------------------------------------------------- inputs and checks

/** container-platform: linux/<arch> as docker spells it (shared/arch.ts). */
export function parseContainerPlatform(value: string): Arch {
  const arch = ARCHES.find((a) => a.platform === value.trim())
  if (!arch)
    throw new UserError(
      `container-platform: '${value}' is not a docker platform of the arch table; use one of ${ARCHES.map((a) => a.platform).join(', ')}, or leave it empty to pack on this machine`,
    )
  return arch
}

/**
 * Before anything runs: docker on PATH, its engine answering, and (for a foreign arch) a binfmt_misc handler
 * with flag F for the arch, so the kernel opens QEMU from this machine's filesystem inside the container.
 */
export async function checkContainerRoute(arch: Arch, pathEnv = process.env.PATH ?? ''): Promise<string> {
  const where = `container-platform ${arch.platform}`
  const docker = which('docker', pathEnv)
  if (!docker)
    throw new UserError(
      `${where}: docker is not on PATH; install it (sudo apt-get install docker.io; GitHub's ubuntu runners have it) or leave container-platform empty to pack on this machine`,
    )
  const engine = await run(docker, ['version', '--format', '{{.Server.Version}}'], { allowFailure: true })
  if (engine.exitCode !== 0)
    throw new UserError(
      `${where}: the docker engine does not answer (${squeeze(engine.stderr || engine.stdout, 160)}); start it (sudo systemctl start docker) and let this user reach its socket (the docker group)`,
    )
  if (!nativeFor(arch)) {
    const matching = readBinfmt().filter((e) => e.enabled && binfmtMatches(e, elfHeaderFor(arch)))
    if (!matching.some((e) => e.flags.includes('F'))) {
      const found = matching.length ? ` (${matching[0].name} is registered without it)` : ''
      throw new UserError(
        `${where}: no binfmt_misc emulator for ${arch.debian} with flag F is registered${found}; register one with docker/setup-qemu-action (platforms: ${arch.debian}) or sudo apt-get install qemu-user-static`,
      )
    }
  }
  return docker
}

/** The image for the platform, here or pulled: docker run never pulls (--pull never), so it never waits on a registry silently. */
export async function ensureImage(rt: Runtime, docker: string, image: string, arch: Arch): Promise<void> {
  const have = await run(docker, ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', image], { allowFailure: true })
  if (have.exitCode === 0 && have.stdout.trim() === `linux/${arch.platform.split('/')[1]}`) return
  rt.info(`pulling ${image} for ${arch.platform}`)
  const pull = await run(docker, ['pull', '--platform', arch.platform, image], { allowFailure: true })
  if (pull.exitCode !== 0)
    throw new UserError(
      `container-image: cannot pull ${image} for ${arch.platform} (${squeeze(pull.stderr || pull.stdout, 200)}); check the name, or docker load the image for that platform first`,
    )
}

// ---------------------------------------------------------------- which charmcraft

export type CharmcraftSource =
  { kind: 'mounted'; path: string; sha256: string } | { kind: 'pip'; version: string; constraints: string; constraintsSource: string }

/** charmcraft by pip for the pinned snap channel: its track's last release, with its tag's requirements.txt as constraints. */
export function pipCharmcraft(channel: string): CharmcraftSource {
  const track = channel.split('/')[0]
  const version = CHARMCRAFT_FOR_TRACK[track]
  if (!version)
    throw new UserError(
      `charmcraft-path: empty, and charmcraft ${channel} has no pip install the container route knows (it installs ${Object.entries(
        CHARMCRAFT_FOR_TRACK,
      )
        .map(([t, v]) => `${t}: ${v}`)
        .join(', ')}); set charmcraft-path to a charmcraft to mount, or pin 2.x/stable in .charmcraft-channel`,
    )
  const left = new Set(CONSTRAINTS_LEFT_TO_APT)
  const constraints = CHARMCRAFT_2_7_6_REQUIREMENTS.split('\n')
    .filter((l) => l.trim() && !left.has(l.split('==')[0].trim().toLowerCase()))
    .join('\n')
  return { kind: 'pip', version, constraints: `${constraints}\n`, constraintsSource: CHARMCRAFT_CONSTRAINTS_SOURCE }
}

/** A charmcraft program of one's own (or a test double), mounted read-only at /usr/local/bin/charmcraft. */
export async function mountedCharmcraft(file: string): Promise<CharmcraftSource> {
  const abs = path.resolve(file)
  const st = await stat(abs).catch(() => undefined)
  if (!st?.isFile() || !(st.mode & 0o111))
    throw new UserError(
      `charmcraft-path: '${file}' is not an executable file; point it at a charmcraft program (chmod +x), or leave it empty to install charmcraft by pip`,
    )
  return { kind: 'mounted', path: abs, sha256: await sha256File(abs) }
}

/** How the charmcraft was had, in one phrase (log, summary, SBOM, provenance). */
export function describeSource(src: CharmcraftSource): string {
  return src.kind === 'pip'
    ? `installed by pip (charmcraft==${src.version}, constraints ${src.constraintsSource} less ${CONSTRAINTS_LEFT_TO_APT.join(', ')} from apt)`
    : `mounted from charmcraft-path (${path.basename(src.path)}, sha256 ${src.sha256.slice(0, 16)})`
}

// ---------------------------------------------------------------- the container's script (pure)

/**
 * The shell script pip-installs charmcraft with (pure; unit-tested, as no PyPI is reachable here): jammy's apt
 * python3-apt (craft-parts' apt backend, required but not declared), python3-nacl and python3-cryptography, a
 * venv that sees them (--system-site-packages), then charmcraft==VERSION under the tag's constraints.
 */
export function pipInstallScript(src: Extract<CharmcraftSource, { kind: 'pip' }>): string {
  return [
    'export DEBIAN_FRONTEND=noninteractive',
    'apt-get update -q',
    'apt-get install -y -q --no-install-recommends python3-venv python3-pip python3-dev python3-apt python3-nacl python3-cryptography gcc git',
    `python3 -m venv --system-site-packages ${VENV}`,
    `cat > ${VENV}/constraints.txt <<'BUILD_SNAPS_EOF'`,
    `# ${src.constraintsSource} (less ${CONSTRAINTS_LEFT_TO_APT.join(', ')}: from apt)`,
    src.constraints.trimEnd(),
    'BUILD_SNAPS_EOF',
    `${VENV}/bin/pip install --constraint ${VENV}/constraints.txt charmcraft==${src.version}`,
    `ln -sf ${VENV}/bin/charmcraft ${CHARMCRAFT_MOUNT}`,
    `echo '${INSTALLED_MARK}'`,
  ].join('\n')
}

/**
 * The whole script: install (pip route), print `charmcraft version`, pack, give the files written to the mounts
 * back to this machine's user (the container runs as root), exit with the pack's status (128+N: killed by signal N).
 */
export function containerScript(opts: { source: CharmcraftSource; basesIndex?: string; uid: number; gid: number }): string {
  const pack = ['charmcraft', 'pack', '--destructive-mode', '--project-dir', PROJECT_MOUNT]
  if (opts.basesIndex) pack.push('--bases-index', opts.basesIndex)
  pack.push('--verbose')
  return [
    'set -eu',
    ...(opts.source.kind === 'pip' ? [pipInstallScript(opts.source)] : []),
    `v=$(charmcraft version 2>&1 | head -n 1) || v='(charmcraft version failed)'`,
    `echo "${VERSION_MARK} $v"`,
    'rc=0',
    `${pack.join(' ')} || rc=$?`,
    `chown -R ${opts.uid}:${opts.gid} ${OUT_MOUNT} ${LOG_MOUNT} ${PIP_CACHE_MOUNT} ${PROJECT_MOUNT} 2>/dev/null || true`,
    'exit $rc',
  ].join('\n')
}

export interface RunSpec {
  name: string
  platform: string
  network: string
  image: string
  project: string
  out: string
  pipCache: string
  logs: string
  charmcraft?: string
  script: string
}

/** `docker run` for one pack (pure). */
export function dockerRunArgs(s: RunSpec): string[] {
  return [
    'run',
    '--rm',
    '--name',
    s.name,
    '--platform',
    s.platform,
    ...(s.network ? ['--network', s.network] : []),
    '--pull',
    'never',
    '-v',
    `${s.project}:${PROJECT_MOUNT}`,
    '-v',
    `${s.out}:${OUT_MOUNT}`,
    '-w',
    OUT_MOUNT,
    '-v',
    `${s.pipCache}:${PIP_CACHE_MOUNT}`,
    '-v',
    `${s.logs}:${LOG_MOUNT}`,
    ...(s.charmcraft ? ['-v', `${s.charmcraft}:${CHARMCRAFT_MOUNT}:ro`] : []),
    s.image,
    'sh',
    '-c',
    s.script,
  ]
}

// ---------------------------------------------------------------- the wheel cache

/** The files that decide which wheels the charm plugin builds: charmcraft.yaml and every requirements*.txt at the top. */
export async function requirementsHash(charmDir: string): Promise<string> {
  const names = (await readdir(charmDir)).filter((f) => f === 'charmcraft.yaml' || /^requirements.*\.txt$/.test(f)).sort()
  const h = createHash('sha256')
  for (const n of names)
    h.update(`${n}\0`)
      .update(await readFile(path.join(charmDir, n)))
      .update('\0')
  return h.digest('hex').slice(0, 16)
}

/** The cache key's prefix (a restore key: wheels of an older requirements set still save most compiling) and the key. */
export function pipCacheKey(p: { charm: string; arch: string; release: string; charmcraft: string; requirements: string }): {
  prefix: string
  key: string
} {
  const prefix = `build-snaps-charm-pip-${p.charm}-${p.arch}-ubuntu${p.release}-charmcraft-${p.charmcraft}-`
  return { prefix, key: prefix + p.requirements }
}

/** The charmcraft part of the key: the version pip installs, or the mounted program's digest (known without running it). */
export function charmcraftKey(src: CharmcraftSource): string {
  return src.kind === 'pip' ? src.version : `mounted-${src.sha256.slice(0, 12)}`
}

// ---------------------------------------------------------------- failures and logs

/** Killed by a signal: a shell reports 128+N (SIGSEGV 139, SIGBUS 135, SIGILL 132, SIGABRT 134). */
export function killedBySignal(exitCode: number): boolean {
  return exitCode > 128 && exitCode < 128 + 65
}

/** Collapse whitespace into single spaces and cut to max characters. */
export function squeeze(text: string, max = 400): string {
  const s = text.replace(/\s+/g, ' ').trim()
  return s.length > max ? `…${s.slice(s.length - max + 1)}` : s
}

const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+/
/** Lines that say nothing about why: blank, traceback frames, pointers to the log itself. */
const NOISE = [/^$/, /^Traceback \(most recent call last\)/, /^File ".*", line \d+/, /^Full execution log/, /^\^+$/, /^During handling of/]

/** A compiler's error line (`file.c:22:27: error: ...`): the cause a failed dependency build names first. */
const COMPILER_ERROR = /:\d+(?::\d+)?: (?:fatal )?error: /

/**
 * The tail of a charmcraft log in one line: timestamps, `::` nesting and traceback frames dropped; the last
 * compiler error (the usual cause under emulation) when there is one, then the last meaningful lines.
 */
export function logTail(text: string, lines = 2): string {
  const kept = text
    .split('\n')
    .map((l) => l.replace(TIMESTAMP, '').replace(/^(?:\s*::)+/, ''))
    .filter((l) => !/^\s{3,}/.test(l) || COMPILER_ERROR.test(l))
    .map((l) => l.trim())
    .filter((l) => !NOISE.some((re) => re.test(l)))
  const tail = kept.slice(-lines)
  const cause = kept.filter((l) => COMPILER_ERROR.test(l)).at(-1)
  const cut = (l: string) => (l.length > 160 ? `${l.slice(0, 159)}…` : l)
  return squeeze([...(cause && !tail.includes(cause) ? [cause] : []), ...tail].map(cut).join(' | '))
}

/** actions/upload-artifact rejects ':' in file names: rename every ':' to '-'; returns the log files' new paths. */
export async function renameColons(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const f of (await readdir(dir).catch(() => [] as string[])).sort()) {
    const to = f.replaceAll(':', '-')
    if (to !== f) await rename(path.join(dir, f), path.join(dir, to))
    out.push(path.join(dir, to))
  }
  return out
}

async function newestLogText(dir: string): Promise<string> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.log'))
  if (!files.length) return ''
  const withTime = await Promise.all(files.map(async (f) => ({ f, t: (await stat(path.join(dir, f))).mtimeMs })))
  withTime.sort((a, b) => b.t - a.t || b.f.localeCompare(a.f))
  return readFile(path.join(dir, withTime[0].f), 'utf8')
}

/** docker kill <name> when the step is cancelled (the runner sends SIGINT, then SIGTERM): nothing runs on after the step. */
export function killOnCancel(docker: string, name: string, log: (m: string) => void, logsDir?: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    log(`${signal}: killing the pack container ${name}`)
    try {
      execFileSync(docker, ['kill', name], { stdio: 'ignore', timeout: 30_000 })
    } catch {
      // gone already
    }
    try {
      execFileSync(docker, ['rm', '-f', name], { stdio: 'ignore', timeout: 30_000 }) // --rm may still be on its way
    } catch {
      // removed by --rm already
    }
    // the logs are still uploaded after a cancel (if: always()): their names must not hold ':'
    try {
      for (const f of logsDir ? readdirSync(logsDir) : [])
        if (f.includes(':')) renameSync(path.join(logsDir!, f), path.join(logsDir!, f.replaceAll(':', '-')))
    } catch {
      // nothing to rename
    }
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', handler)
  process.once('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}

// ---------------------------------------------------------------- the pack

export interface ContainerPackSpec {
  charm: { name: string; dir: string }
  arch: Arch
  /** The entry's build-on release (the cache key; the image is this release). */
  release: string
  image: string
  network: string
  source: CharmcraftSource
  basesIndex?: string
  outDir: string
  /** Where charmcraft's log files are kept (the `logs` output). */
  logsDir: string
}

export interface ContainerPackResult {
  charms: string[]
  /** `charmcraft version` in the container, e.g. "2.7.6". */
  version: string
  cacheHit: boolean
}

class PackFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
  }
}

/** Pack one entry in the container; .charm files reach outDir only when the pack succeeded. */
export async function packInContainer(rt: Runtime, docker: string, spec: ContainerPackSpec): Promise<ContainerPackResult> {
  const entry = spec.basesIndex ? `bases[${spec.basesIndex}]` : 'the entry that builds on it'
  const where = `${spec.charm.name}: ${entry} for ${spec.arch.debian} (${spec.arch.platform} container, ${spec.image})`
  const scratch = path.join(rt.tempRoot(), `build-snaps-pack-${spec.charm.name}-${spec.arch.debian}-${process.pid}`)
  const pipCache = path.join(rt.tempRoot(), 'build-snaps-charm-pip', `${spec.charm.name}-${spec.arch.debian}`)
  await mkdir(pipCache, { recursive: true })
  await mkdir(spec.logsDir, { recursive: true })
  const { prefix, key } = pipCacheKey({
    charm: spec.charm.name,
    arch: spec.arch.debian,
    release: spec.release,
    charmcraft: charmcraftKey(spec.source),
    requirements: await requirementsHash(spec.charm.dir),
  })
  const hit = await rt.restoreCache([pipCache], key, [prefix])
  rt.info(hit ? `pip wheel cache restored from ${hit}` : `no pip wheel cache for ${key} yet: every dependency compiles`)
  const name = `build-snaps-pack-${spec.charm.name}-${spec.arch.debian}-${process.pid}`
  const script = containerScript({
    source: spec.source,
    basesIndex: spec.basesIndex,
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
  })
  const stopKilling = killOnCancel(docker, name, (m) => rt.warning(m), spec.logsDir)
  try {
    const { charms, version } = await withRetry(
      {
        policy: { attempts: 2, backoffMs: 1000 },
        label: where,
        log: (m) => rt.warning(m),
        judge: (e) => ({
          retry: e instanceof PackFailed && killedBySignal(e.exitCode),
          message:
            e instanceof PackFailed && killedBySignal(e.exitCode) ? `charmcraft was killed by signal ${e.exitCode - 128}` : errorMessage(e),
        }),
      },
      async () => {
        await rm(scratch, { recursive: true, force: true })
        const project = path.join(scratch, 'project')
        const out = path.join(scratch, 'out')
        // Not charmcraft 2.x's work tree of an earlier pack (<project>/build): its builder would reuse the
        // dependencies installed there, compiled for another arch, when the requirements' hash matches.
        const stale = path.join(spec.charm.dir, 'build')
        await cp(spec.charm.dir, project, { recursive: true, filter: (src) => src !== stale })
        await mkdir(out, { recursive: true })
        await chmod(out, 0o777)
        const args = dockerRunArgs({
          name,
          platform: spec.arch.platform,
          network: spec.network,
          image: spec.image,
          project,
          out,
          pipCache,
          logs: spec.logsDir,
          charmcraft: spec.source.kind === 'mounted' ? spec.source.path : undefined,
          script,
        })
        rt.info(`docker ${args.slice(0, -1).join(' ')} <script>`)
        const res = await run(docker, args, { allowFailure: true, onLine: (l) => rt.info(l) })
        const version = /build-snaps: charmcraft version: (?:charmcraft )?(\S+)/.exec(res.stdout)?.[1] ?? 'unknown'
        if (res.exitCode !== 0 && spec.source.kind === 'pip' && !res.stdout.includes(INSTALLED_MARK))
          throw new PackFailed(
            `${where}: installing charmcraft ${spec.source.version} by pip failed (exit ${res.exitCode}): ${logTail(`${res.stdout}\n${res.stderr}`)}`,
            res.exitCode,
          )
        if (res.exitCode !== 0) {
          const tail = logTail(await newestLogText(spec.logsDir)) || logTail(res.stderr || res.stdout)
          throw new PackFailed(`${where}: charmcraft pack failed (exit ${res.exitCode}): ${tail}`, res.exitCode)
        }
        const made = (await readdir(out)).filter((f) => f.endsWith('.charm')).sort()
        if (!made.length) throw new PackFailed(`${where}: charmcraft pack exited 0 but wrote no .charm file`, 0)
        const charms: string[] = []
        for (const f of made) {
          await copyAtomic(path.join(out, f), path.join(spec.outDir, f))
          charms.push(path.join(spec.outDir, f))
        }
        return { charms, version }
      },
    ).catch((e: unknown) => {
      if (e instanceof RetryFailure) throw new UserError(errorMessage(e.last) + (e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''))
      throw e
    })
    if (hit !== key) await rt.saveCache([pipCache], key)
    return { charms, version, cacheHit: hit === key }
  } finally {
    stopKilling()
    await renameColons(spec.logsDir)
    await rm(scratch, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- the action's side

export interface ContainerInputs {
  containerPlatform: string
  containerImage: string
  charmcraftPath: string
  containerNetwork: string
}

export interface ContainerRoute extends Omit<ContainerPackSpec, 'outDir' | 'charm'> {
  docker: string
}

/**
 * Everything the container route needs, checked up front in the order a user fixes it: the inputs, the entry
 * (it must build on the platform's arch), docker, its engine, the emulator, the image.
 */
export async function planContainerPack(
  rt: Runtime,
  inputs: ContainerInputs & { basesIndex?: string; channel: string },
  charm: { name: string },
  entries: Array<{ select: { kind: string; index?: number }; buildOn: Array<{ channel: string; arch: string }> }>,
): Promise<ContainerRoute> {
  const arch = parseContainerPlatform(inputs.containerPlatform)
  if (inputs.containerNetwork && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(inputs.containerNetwork))
    throw new UserError(
      `container-network: '${inputs.containerNetwork}' is not a docker network name; use none, host, bridge or leave it empty for docker's default`,
    )
  const picked = entries.filter(
    (e) => e.select.kind === 'bases-index' && (!inputs.basesIndex || e.select.index === Number(inputs.basesIndex)),
  )
  const buildOn = picked.flatMap((e) => e.buildOn).find((b) => b.arch === arch.debian)
  if (!buildOn) {
    const what = inputs.basesIndex
      ? `${charm.name}'s bases[${inputs.basesIndex}] does not build on`
      : `no bases entry of ${charm.name} builds on`
    throw new UserError(
      `container-platform ${arch.platform}: ${what} ${arch.debian}; set bases-index to an entry whose build-on has ${arch.debian}, or container-platform to the entry's build-on arch`,
    )
  }
  const source = inputs.charmcraftPath ? await mountedCharmcraft(inputs.charmcraftPath) : pipCharmcraft(inputs.channel)
  const docker = await checkContainerRoute(arch)
  const image = inputs.containerImage || `ubuntu:${buildOn.channel}`
  await ensureImage(rt, docker, image, arch)
  const logsDir = path.join(
    rt.tempRoot(),
    'charmcraft-logs',
    `${charm.name}-${arch.debian}${inputs.basesIndex ? `-${inputs.basesIndex}` : ''}`,
  )
  rt.info(`packing in a ${arch.platform} ${image} container (build-on ubuntu ${buildOn.channel}); charmcraft ${describeSource(source)}`)
  return { docker, arch, release: buildOn.channel, image, network: inputs.containerNetwork, source, basesIndex: inputs.basesIndex, logsDir }
}

/** The charmcraft that packed, as the SBOM lists it (BUILD_TOOL_OF the .charm) and the provenance resolves it. */
export function charmcraftRecord(
  route: ContainerRoute,
  version: string,
): { tool: BuildTool; dependency: ResourceDescriptor & { name: string }; line: string } {
  const src = route.source
  const ranIn = `${route.arch.platform} ${route.image} container${nativeFor(route.arch) ? '' : ' under QEMU user emulation'}`
  const how = describeSource(src)
  const line = `charmcraft ${version} (${how}), in a ${ranIn}`
  const purl = src.kind === 'pip' ? `pkg:pypi/charmcraft@${src.version}` : undefined
  const sha256 = src.kind === 'mounted' ? src.sha256 : undefined
  return {
    line,
    tool: { name: 'charmcraft', version, purl, sha256, comment: line },
    dependency: {
      name: 'charmcraft',
      uri: purl ?? `file://${(src as { path: string }).path}`,
      ...(sha256 ? { digest: { sha256 } } : {}),
      annotations: {
        version,
        installed: how,
        ...(src.kind === 'pip' ? { constraints: src.constraintsSource } : {}),
        container: `${route.arch.platform} ${route.image}`,
      },
    },
  }
}

/**
 * charm-build's container route in one call: plan and check (the `logs` output is set before the pack, so a
 * failed one still hands its logs over), pack, and record the charmcraft that packed in the provenance; returns
 * the .charm files, the SBOM's build tool and the summary's note.
 */
export async function packCharmInContainer(
  rt: Runtime,
  inputs: ContainerInputs & { basesIndex: string; channel?: string; builder: string; arches: string[]; metadata?: Record<string, unknown> },
  charm: { name: string; dir: string },
  outDir: string,
  prov: ProvenanceRecorder,
): Promise<{ charms: string[]; buildTools: BuildTool[]; notes: string }> {
  if (inputs.builder !== 'charmcraft' || !inputs.channel)
    throw new UserError(
      `container-platform: packs with charmcraft only; ${charm.name} builds with charm-tools (layer.yaml), leave container-platform empty`,
    )
  const charmcraftYaml = await readYaml(path.join(charm.dir, 'charmcraft.yaml'))
  const entries = charmEntries(charm.name, charmcraftYaml ?? {}, inputs.metadata, 'charmcraft', inputs.arches)
  const route = await planContainerPack(rt, { ...inputs, channel: inputs.channel }, charm, entries)
  rt.output('logs', route.logsDir)
  const res = await rt.group(`Pack ${charm.name} in a ${route.arch.platform} container`, () =>
    packInContainer(rt, route.docker, { ...route, charm, outDir }),
  )
  const rec = charmcraftRecord(route, res.version)
  prov.buildTool(rec.dependency)
  rt.info(`packed with ${rec.line}`)
  rt.output('charmcraft', rec.line)
  return { charms: res.charms, buildTools: [rec.tool], notes: `Packed with ${rec.line}.` }
}

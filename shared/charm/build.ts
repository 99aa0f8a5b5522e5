/**
 * Build a charm: check the source (metadata, resources, layer.yaml includes), then run the builder with an
 * argument array: `charmcraft pack` (one .charm per base/arch) or charm-tools' `charm build` (a directory,
 * zipped here into a .charm). Results land in the output directory only when the build succeeded.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { ARCHES } from '../arch.js'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { exists, produceAtomic } from '../files.js'
import type { CharmMeta } from './metadata.js'
import { seriesRelease } from './routes.js'
import { ensureTool } from './store.js'

export type Builder = 'charmcraft' | 'charm'

/** auto: charmcraft when charmcraft.yaml exists, else charm-tools for a layer.yaml. */
export async function chooseBuilder(dir: string, requested: string): Promise<Builder> {
  if (requested !== 'auto' && requested !== 'charmcraft' && requested !== 'charm')
    throw new UserError(`builder: '${requested}' is not a builder; use auto, charmcraft or charm`)
  const hasCc = await exists(path.join(dir, 'charmcraft.yaml'))
  const hasLayer = await exists(path.join(dir, 'layer.yaml'))
  if (requested === 'charmcraft' && !hasCc)
    throw new UserError(`builder: charmcraft needs ${path.join(dir, 'charmcraft.yaml')}; add it or use builder: charm for a layered charm`)
  if (requested === 'charm' && !hasLayer)
    throw new UserError(`builder: charm (charm-tools) needs ${path.join(dir, 'layer.yaml')}; add it or use builder: charmcraft`)
  if (requested !== 'auto') return requested
  if (hasCc) return 'charmcraft'
  if (hasLayer) return 'charm'
  throw new UserError(`charm-path: ${dir} has neither charmcraft.yaml nor layer.yaml; point charm-path at a charm or a top-level layer`)
}

export interface IncludeSource {
  include: string
  /** A local directory, or undefined when the builder fetches it (layer index or URL). */
  local?: string
  /** The layer.yaml that names it. */
  from: string
}

const PART_RE = /^[a-z0-9][a-z0-9._-]*$/

async function readIncludes(layerDir: string): Promise<{ file: string; includes: string[] }> {
  const file = path.join(layerDir, 'layer.yaml')
  let doc: unknown
  try {
    doc = parse(await readFile(file, 'utf8')) ?? {}
  } catch (e) {
    throw new UserError(`${file}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); fix the file`)
  }
  const includes = (doc as { includes?: unknown }).includes ?? []
  if (!Array.isArray(includes) || includes.some((i) => typeof i !== 'string'))
    throw new UserError(`${file}: includes must be a list of strings (layer:<name>, interface:<name>)`)
  return { file, includes: includes as string[] }
}

/**
 * Check every include of layer.yaml, recursively through local layers: `layer:<name>` / `interface:<name>`
 * is local when layers-dir/<name> (interfaces-dir/<name>) exists, else fetched by name; a path must exist;
 * a URL is fetched. Anything else is an error naming the file.
 */
export async function checkLayerIncludes(topDir: string, layersDir?: string, interfacesDir?: string): Promise<IncludeSource[]> {
  const out: IncludeSource[] = []
  const seen = new Set<string>()
  const visit = async (layerDir: string): Promise<void> => {
    const { file, includes } = await readIncludes(layerDir)
    for (const inc of includes) {
      if (seen.has(inc)) continue
      seen.add(inc)
      const m = /^(layer|interface):(.*)$/.exec(inc)
      if (m) {
        if (!PART_RE.test(m[2])) throw new UserError(`${file}: include '${inc}' has an invalid name; use ${m[1]}:<lower-case name>`)
        const base = m[1] === 'layer' ? layersDir : interfacesDir
        const local = base ? path.resolve(base, m[2]) : undefined
        if (local && (await stat(local).catch(() => undefined))?.isDirectory()) {
          out.push({ include: inc, local, from: file })
          if (m[1] === 'layer' && (await exists(path.join(local, 'layer.yaml')))) await visit(local)
        } else out.push({ include: inc, from: file })
      } else if (/^[a-z+]+:\/\//.test(inc)) {
        out.push({ include: inc, from: file })
      } else if (inc.startsWith('.') || inc.startsWith('/')) {
        const local = path.resolve(layerDir, inc)
        if (!(await exists(local)))
          throw new UserError(`${file}: include '${inc}' is a path that does not exist (${local}); fix the path or use layer:<name>`)
        out.push({ include: inc, local, from: file })
        if (await exists(path.join(local, 'layer.yaml'))) await visit(local)
      } else {
        throw new UserError(`${file}: include '${inc}' is neither layer:<name>, interface:<name>, a path (./dir) nor a URL; fix it`)
      }
    }
  }
  await visit(topDir)
  return out
}

export interface BuildOptions {
  destructiveMode: boolean
  layersDir?: string
  interfacesDir?: string
  /** charmcraft: pack only this `bases` entry (--bases-index) or this platform (--platform). */
  basesIndex?: string
  platform?: string
}

/** The builder's command line and environment (pure; the tests check it). */
export function builderInvocation(
  builder: Builder,
  charmDir: string,
  outDir: string,
  opts: BuildOptions,
): { args: string[]; cwd: string; env: Record<string, string> } {
  if (builder === 'charmcraft') {
    return {
      args: [
        'pack',
        '--project-dir',
        charmDir,
        ...(opts.destructiveMode ? ['--destructive-mode'] : []),
        ...(opts.basesIndex ? ['--bases-index', opts.basesIndex] : []),
        ...(opts.platform ? ['--platform', opts.platform] : []),
        '--verbose',
      ],
      cwd: outDir,
      env: {},
    }
  }
  // charm-tools reads local layer overrides from these (docs/upstream.md#charms-and-the-store); the newer names first, the old ones too.
  const env: Record<string, string> = {}
  if (opts.layersDir) Object.assign(env, { CHARM_LAYERS_DIR: opts.layersDir, LAYER_PATH: opts.layersDir })
  if (opts.interfacesDir) Object.assign(env, { CHARM_INTERFACES_DIR: opts.interfacesDir, INTERFACE_PATH: opts.interfacesDir })
  return { args: ['build', '--output-dir', outDir, charmDir], cwd: charmDir, env }
}

/** Zip a built charm directory into a .charm (a zip, as charmcraft makes), atomically. */
export async function zipCharmDir(dir: string, dest: string): Promise<void> {
  const zip = which('zip')
  if (!zip) throw new UserError('zip is not installed; install it (apt-get install zip) to pack a charm-tools build into a .charm')
  const entries = (await readdir(dir)).sort()
  if (!entries.includes('metadata.yaml'))
    throw new UserError(`${dir}: the built charm has no metadata.yaml; the build did not produce a charm`)
  await produceAtomic(dest, async (tmp) => {
    await run(zip, ['-q', '-r', '-X', tmp, ...entries], { cwd: dir })
  })
}

/**
 * Run the builder into a scratch directory inside outDir and move the .charm files into outDir only when it
 * succeeded; returns their paths.
 */
export async function buildCharm(
  tool: string,
  builder: Builder,
  meta: CharmMeta,
  outDir: string,
  opts: BuildOptions & { manifest?: (builtDir: string) => Promise<void> },
): Promise<string[]> {
  const scratch = path.join(outDir, `.charm-build-${process.pid}`)
  await rm(scratch, { recursive: true, force: true })
  await mkdir(scratch, { recursive: true })
  try {
    const inv = builderInvocation(builder, meta.dir, scratch, opts)
    const res = await run(tool, inv.args, { cwd: inv.cwd, env: inv.env, allowFailure: true })
    if (res.exitCode !== 0) {
      const tail = (res.stderr.trim() || res.stdout.trim()).split('\n').slice(-3).join(' | ')
      throw new UserError(`${path.basename(tool)} ${inv.args[0]} failed (exit ${res.exitCode}): ${tail}`)
    }
    const charms: string[] = []
    if (builder === 'charmcraft') {
      const made = (await readdir(scratch)).filter((f) => f.endsWith('.charm')).sort()
      if (made.length === 0) throw new UserError(`charmcraft pack produced no .charm file in ${scratch}`)
      for (const f of made) {
        await rename(path.join(scratch, f), path.join(outDir, f))
        charms.push(path.join(outDir, f))
      }
    } else {
      const built = path.join(scratch, meta.name)
      if (!(await exists(built))) throw new UserError(`charm build produced no ${meta.name}/ in ${scratch}`)
      await opts.manifest?.(built)
      const dest = path.join(outDir, `${meta.name}.charm`)
      await zipCharmDir(built, dest)
      charms.push(dest)
    }
    return charms
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- which charmcraft, where, how

/**
 * The charmcraft channel to pack with: the input when given, else the charm's own `.charmcraft-channel` (every
 * CK charm pins one; CK's release tooling installs it), else latest/stable.
 */
export async function charmcraftChannel(dir: string, input: string): Promise<{ channel: string; from: string }> {
  if (input) return { channel: input, from: 'the charmcraft-channel input' }
  const pinned = (await readFile(path.join(dir, '.charmcraft-channel'), 'utf8').catch(() => '')).trim()
  if (pinned) {
    if (!/^[a-z0-9.]+(\/[a-z]+)?(\/[a-z0-9-]+)?$/.test(pinned))
      throw new UserError(`${path.join(dir, '.charmcraft-channel')}: '${pinned}' is not a snap channel (e.g. 2.x/stable); fix the file`)
    return { channel: pinned, from: '.charmcraft-channel' }
  }
  return { channel: 'latest/stable', from: 'the default' }
}

/**
 * The builder to pack with. A charm that pins a charmcraft track (.charmcraft-channel) is packed with that track,
 * as CK's tooling does: on a GitHub runner a charmcraft of another track is refreshed to the pinned channel;
 * elsewhere it is used as found, with a note. The store commands (charm-attach-release) keep their own one.
 */
export async function ensurePackTool(builder: Builder, channel: string, pinned: boolean, log: (m: string) => void): Promise<string> {
  const found = which(builder)
  const onRunner = process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL && !!which('sudo') && !!which('snap')
  if (found && pinned && builder === 'charmcraft') {
    const line = (await run(found, ['version'], { allowFailure: true })).stdout.trim().split('\n')[0] ?? ''
    const fits = versionFitsChannel(line, channel)
    if (fits === false && onRunner) {
      log(`${line} does not fit ${channel}: switching the charmcraft snap to ${channel}`)
      const r = await run('sudo', ['snap', 'refresh', 'charmcraft', `--channel=${channel}`], { allowFailure: true })
      if (r.exitCode !== 0) await run('sudo', ['snap', 'install', 'charmcraft', '--classic', `--channel=${channel}`])
      return which('charmcraft', `/snap/bin${path.delimiter}${process.env.PATH}`) ?? found
    }
    if (fits === false) log(`${line} does not fit ${channel}; packing with it (install charmcraft from ${channel} to match)`)
  }
  return ensureTool(builder, channel, log)
}

/** Does `charmcraft version` output ("charmcraft 2.7.0") fit the channel's track (2.x, 3.x; latest fits all)? */
export function versionFitsChannel(versionLine: string, channel: string): boolean | undefined {
  const track = channel.split('/')[0]
  const major = /^(\d+)\.x$/.exec(track)?.[1]
  if (!major) return true
  const v = /(\d+)\.\d+/.exec(versionLine)?.[1]
  return v === undefined ? undefined : v === major
}

/** The job's machine as GitHub describes it: RUNNER_ARCH, and the Ubuntu release from ImageOS (hosted) or os-release. */
export async function runnerHost(env: NodeJS.ProcessEnv, hostDebian: string): Promise<{ arch: string; release: string }> {
  const arch = ARCHES.find((a) => a.runner !== undefined && a.runner === env.RUNNER_ARCH)?.debian ?? hostDebian
  const image = /^ubuntu(\d\d)$/.exec(env.ImageOS ?? '')?.[1]
  if (image) return { arch, release: `${image}.04` }
  const osr = await readFile('/etc/os-release', 'utf8').catch(() => '')
  return { arch, release: /^VERSION_ID="?([^"\n]+)"?$/m.exec(osr)?.[1] ?? '' }
}

/**
 * destructive-mode auto (a self-hosted runner of unknown release): destructive when the host's release is the
 * build-on release of the entry packed here for the host's arch, else LXD managed mode (pure).
 */
export function destructiveFor(
  entries: { select: { kind: string; index?: number; name?: string }; buildOn: { channel: string; arch: string }[] }[],
  opts: { basesIndex?: string; platform?: string },
  host: { arch: string; release: string },
): boolean {
  const picked = entries.filter((e) =>
    opts.basesIndex ? e.select.index === Number(opts.basesIndex) : opts.platform ? e.select.name === opts.platform : true,
  )
  const mine = picked.flatMap((e) => e.buildOn).filter((b) => b.arch === host.arch)
  return mine.length > 0 && mine.every((b) => b.channel === host.release)
}

/**
 * The manifest.yaml a charm-tools build lacks, as CK's release tooling writes one (charmed-kubernetes/jenkins
 * jobs/build-charms/builder_local.py `generate_manifest`): Charmhub reads the bases from it to tell jammy and
 * later apart. bases: one per metadata series with the arches served; the analysis attributes; the charm-tools
 * version and when the build started (SOURCE_DATE_EPOCH here, so the .charm is reproducible).
 */
export function charmToolsManifest(series: string[], arches: string[], toolVersion: string, epoch: number): Record<string, unknown> {
  return {
    analysis: {
      attributes: [
        { name: 'language', result: 'python' },
        { name: 'framework', result: 'reactive' },
      ],
    },
    bases: series.map((s) => ({ architectures: arches, channel: seriesRelease(s, 'metadata.yaml'), name: 'ubuntu' })),
    'charmtool-version': toolVersion,
    'charmtool-started-at': new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}

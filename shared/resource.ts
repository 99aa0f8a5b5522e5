/**
 * Charm resource tarballs built from Go sources or upstream releases (CNI plugins, flannel): the per-arch
 * build loop, upstream build scripts run in a per-arch copy of the checkout, release tarballs fetched and
 * unpacked safely, binaries verified (ELF arch of each, one smoke run), BUILD_INFO, the deterministic
 * tarball with the charm's size floor, and the outputs every such action reports.
 */
import { availableParallelism } from 'node:os'
import { cp, lstat, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from './arch.js'
import { type TarInput, extractTarGz, writeTarGz } from './archive.js'
import { downloadWithSha256File } from './download.js'
import { assertElfArch, readElfHeader } from './elf.js'
import { type Runner, ensureRunner } from './emulate.js'
import { UserError, errorMessage } from './errors.js'
import { run } from './exec.js'
import { exists } from './files.js'
import { type GoCache, type GoToolchain, goBuildEnv } from './golang.js'
import { expandTemplate } from './inputs.js'
import { type ManifestEntry, describeFiles, summaryTable, writeManifest } from './manifest.js'
import type { Runtime } from './runtime.js'
import { type SmokeSpec, verifyBinary } from './verify.js'

/** The charms refuse a CNI or flannel resource smaller than this (FACTS.md §4–5). */
export const CHARM_SIZE_FLOOR = 1_000_000

// ---------------------------------------------------------------- per-arch loop

export interface ArchResult<T> {
  arch: Arch
  value?: T
  error?: unknown
  seconds: number
}

/** How many arches to build at once: one per core, at most the number of arches. */
export function archParallelism(count: number): number {
  return Math.max(1, Math.min(count, availableParallelism()))
}

/** Run fn for every arch, `limit` at a time; every arch runs to its end even when another fails. */
export async function forEachArch<T>(arches: Arch[], limit: number, fn: (arch: Arch) => Promise<T>): Promise<ArchResult<T>[]> {
  const results: ArchResult<T>[] = []
  let next = 0
  const worker = async () => {
    while (next < arches.length) {
      const arch = arches[next++]
      const t0 = performance.now()
      try {
        const value = await fn(arch)
        results.push({ arch, value, seconds: (performance.now() - t0) / 1000 })
      } catch (error) {
        results.push({ arch, error, seconds: (performance.now() - t0) / 1000 })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, arches.length)) }, worker))
  return arches.map((a) => results.find((r) => r.arch === a)!)
}

/** A lock for work that must not overlap (a build script writing into a shared tree): calls run one at a time. */
export function serialLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn, fn)
    tail = next.catch(() => undefined)
    return next
  }
}

// ---------------------------------------------------------------- sources and build scripts

/**
 * The tree to build arch in: a copy of srcDir per arch (without .git and build outputs) when builds run in
 * parallel, so scripts that write into the tree (bin/, gopath/) do not collide; srcDir itself otherwise.
 */
export async function archTree(srcDir: string, workDir: string, arch: Arch, copy: boolean, outputs: string[] = ['bin']): Promise<string> {
  if (!copy) {
    for (const o of outputs) await rm(path.join(srcDir, o), { recursive: true, force: true })
    return srcDir
  }
  const dest = path.join(workDir, `src-${arch.debian}`)
  await rm(dest, { recursive: true, force: true })
  const skip = new Set(['.git', ...outputs].map((o) => path.join(srcDir, o)))
  await cp(srcDir, dest, { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(src) })
  return dest
}

/**
 * Whether a checkout can be copied per arch: module mode (go.mod, and build-env does not set GO111MODULE=off).
 * A GOPATH layout resolves imports by where it sits, so it builds in place, one arch at a time.
 */
export async function copyableTree(srcDir: string, buildEnv: Record<string, string>): Promise<boolean> {
  return (await exists(path.join(srcDir, 'go.mod'))) && buildEnv.GO111MODULE !== 'off'
}

/** A checkout given as an input: must be a directory. */
export async function checkoutDir(dir: string, inputName: string): Promise<string> {
  const abs = path.resolve(dir)
  const st = await stat(abs).catch(() => undefined)
  if (!st?.isDirectory()) throw new UserError(`${inputName}: '${dir}' is not a directory; give the path of a checkout`)
  return abs
}

export interface ScriptSpec {
  /** argv of the build, run in tree (e.g. ['bash', './build_linux.sh'] or ['bash', '-e', '-c', cmd]). */
  argv: string[]
  tree: string
  arch: Arch
  go: GoToolchain
  cache?: GoCache
  env?: Record<string, string>
  label: string
}

/** Run an upstream build script with the cross-compile environment; a failure names the label and the last lines. */
export async function runBuildScript(spec: ScriptSpec): Promise<void> {
  const [program, ...args] = spec.argv
  const res = await run(program, args, { cwd: spec.tree, env: goBuildEnv(spec.go, spec.arch, spec.cache, spec.env), allowFailure: true })
  if (res.exitCode !== 0) {
    const tail = (res.stderr || res.stdout).trim().split('\n').slice(-4).join(' | ')
    throw new UserError(`${spec.label}: \`${spec.argv.join(' ')}\` failed (exit ${res.exitCode})${tail ? `: ${tail}` : ''}`)
  }
}

/** A CNI plugins checkout's own build: build-command, else build_linux.sh (v0.8.0+), else build.sh (older tags). */
export async function cniBuildArgv(srcDir: string, buildCommand: string, inputName: string): Promise<string[]> {
  if (buildCommand) return ['bash', '-e', '-c', buildCommand]
  for (const script of ['build_linux.sh', 'build.sh']) if (await exists(path.join(srcDir, script))) return ['bash', `./${script}`]
  throw new UserError(`${inputName}: no build_linux.sh or build.sh in ${srcDir}; is it a containernetworking/plugins checkout? Or set build-command`)
}

/** The smoke run every CNI plugin answers. */
export const CNI_VERSION_SMOKE: SmokeSpec = { args: [], env: { CNI_COMMAND: 'VERSION' }, expect: 'supportedVersions' }

/** The plugin to smoke-run: `bridge`, else the first binary. */
export function smokePlugin(names: string[]): string {
  return names.includes('bridge') ? 'bridge' : names[0]
}

/** Regular files directly in dir, sorted. */
export async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return names.filter((d) => d.isFile()).map((d) => d.name).sort()
}

/** Git HEAD of dir when dir is the top of a git checkout, else undefined. */
export async function gitCommit(dir: string): Promise<string | undefined> {
  if (!(await exists(path.join(dir, '.git')))) return undefined
  const res = await run('git', ['-C', dir, 'rev-parse', 'HEAD'], { allowFailure: true })
  return res.exitCode === 0 ? res.stdout.trim() : undefined
}

// ---------------------------------------------------------------- releases

export interface ReleaseSpec {
  url: string
  /** What the file is, for messages: e.g. 'CNI plugins v1.1.1 for s390x (cni-plugins-linux-s390x-v1.1.1.tgz)'. */
  what: string
  inputName: string
  dest: string
}

/** Download a release tarball verified against its .sha256 and unpack it (safely) into dir; returns its files. */
export async function fetchReleaseTarball(rt: Runtime, spec: ReleaseSpec, dir: string): Promise<{ files: string[]; sha256: string }> {
  try {
    const res = await downloadWithSha256File(spec.url, spec.dest, { cacheDir: rt.cacheRoot(), log: (m) => rt.warning(m) })
    const names = await extractTarGz(res.path, dir, path.basename(spec.url))
    const files: string[] = []
    for (const n of names) if ((await lstat(path.join(dir, n))).isFile()) files.push(n)
    return { files, sha256: res.sha256 }
  } catch (e) {
    const msg = errorMessage(e)
    if (/HTTP 404/.test(msg)) throw new UserError(`${spec.inputName}: ${spec.what} not found: ${msg.replace(/^download failed: /, '')}; check the tag and that it was released for this architecture`)
    throw e instanceof UserError ? new UserError(`${spec.what}: ${msg}`) : e
  }
}

/** Release base URL: expand {version} (and {go-arch}, {arch}) in a base-url input. */
export function releaseBase(template: string, values: Record<string, string>, inputName: string): string {
  if (!/^https?:\/\/[^/]+/.test(template)) throw new UserError(`${inputName}: '${template}' is not an http(s) URL`)
  return expandTemplate(template, values, inputName).replace(/\/+$/, '')
}

// ---------------------------------------------------------------- verification and packing

/** Check the ELF arch of every ELF file and smoke-run the chosen ones; returns what was checked. */
export async function verifyBinaries(
  files: Array<{ name: string; path: string }>,
  arch: Arch,
  runner: Runner,
  smoke: Record<string, SmokeSpec>,
  label: string,
): Promise<string[]> {
  const lines: string[] = []
  let binaries = 0
  for (const f of files) {
    const elf = await readElfHeader(f.path)
    if (!elf) continue
    binaries++
    const spec = smoke[f.name]
    if (spec) lines.push(`${f.name}: ${(await verifyBinary(f.path, `${label}: ${f.name}`, arch, runner, spec)).join('; ')}`)
    else await assertElfArch(f.path, arch, `${label}: ${f.name}`)
  }
  if (binaries === 0) throw new UserError(`${label}: no binaries found (${files.map((f) => f.name).join(', ') || 'nothing'}); the build produced nothing to pack`)
  lines.unshift(`${binaries} binaries, each ELF ${arch.debian}`)
  return lines
}

/** How to run a target's binaries, warning once when it cannot be run at all. */
export async function smokeRunner(rt: Runtime, arch: Arch): Promise<Runner> {
  const runner = await ensureRunner(arch, (m) => rt.info(m))
  if (runner.kind === 'none') rt.warning(`smoke runs skipped for ${arch.debian}: ${runner.reason}; ELF checks still apply`)
  return runner
}

export interface BuildInfo {
  /** First line, e.g. 'cni-s390x v1.1.1'. */
  title: string
  epoch: number
  /** Further 'key: value' lines. */
  lines: Array<[string, string]>
}

/** BUILD_INFO in the charm build script's shape (FACTS.md §4), deterministic: the date is SOURCE_DATE_EPOCH. */
export function renderBuildInfo(info: BuildInfo): string {
  const built = new Date(info.epoch * 1000).toISOString().replace('.000Z', 'Z')
  return [info.title, `Built ${built}`, ...info.lines.map(([k, v]) => `${k}: ${v}`)].join('\n') + '\n'
}

/** The build-snaps commit that produced a resource: GITHUB_SHA on a runner, else unknown. */
export function buildScriptCommit(action: string): string {
  return `${process.env.GITHUB_SHA || 'unknown'} (build-snaps ${action})`
}

/** Write the resource tarball; warn when it is under the charm's floor. Returns its path. */
export async function packResource(rt: Runtime, dest: string, entries: TarInput[], epoch: number, resource: string): Promise<string> {
  await writeTarGz(dest, entries, { mtime: epoch, label: path.basename(dest) })
  const size = (await stat(dest)).size
  if (size < CHARM_SIZE_FLOOR) {
    rt.warning(`${path.basename(dest)} is ${size} bytes, under the ${CHARM_SIZE_FLOOR}-byte floor below which the charm refuses the ${resource} resource ("Incomplete ${resource} resource")`)
  }
  return dest
}

/** Output filename from a template; must stay a plain file name. */
export function outputName(template: string, arch: Arch, version: string, inputName = 'filename'): string {
  const name = expandTemplate(template, { arch: arch.debian, 'go-arch': arch.go, version }, inputName)
  if (!name || name.includes('/') || name === '.' || name === '..') throw new UserError(`${inputName}: '${name}' is not a plain file name; use e.g. cni-{arch}.tgz`)
  return name
}

/** One output name per arch; a template giving two arches the same name is refused. */
export function outputNames(template: string, arches: Arch[], version: string, inputName = 'filename'): Map<Arch, string> {
  const names = new Map(arches.map((a) => [a, outputName(template, a, version, inputName)]))
  if (new Set(names.values()).size < names.size) throw new UserError(`${inputName}: '${template}' gives the same name for several arches; put {arch} in it`)
  return names
}

/**
 * Report what was built: outputs `tarballs` and `sha256` (arch → path / digest) for the arches that
 * succeeded, SHA256SUMS + manifest.json, a summary table; then fail naming every arch that did not build.
 */
export async function reportResults(rt: Runtime, title: string, outDir: string, results: ArchResult<string>[]): Promise<ManifestEntry[]> {
  const ok = results.filter((r) => r.value)
  const entries = await describeFiles(ok.map((r) => r.value!), (f) => ok.find((r) => r.value === f)?.arch.debian)
  if (entries.length) await writeManifest(outDir, entries)
  rt.output('tarballs', Object.fromEntries(ok.map((r) => [r.arch.debian, r.value])))
  rt.output('sha256', Object.fromEntries(entries.map((e) => [e.arch, e.sha256])))
  for (const e of entries) rt.info(`${e.sha256}  ${e.name}`)
  const times = results.map((r) => `${r.arch.debian} ${r.seconds.toFixed(1)} s`).join(', ')
  rt.summary(`### ${title}\n\n${entries.length ? summaryTable(entries) : 'Nothing was built.'}\n\nPer-arch time: ${times}.`)
  const failed = results.filter((r) => !r.value)
  if (failed.length) {
    for (const f of failed) rt.info(`${f.arch.debian}: ${errorMessage(f.error)}`)
    const built = ok.length ? `; built: ${ok.map((r) => r.arch.debian).join(', ')}` : ''
    const first = failed[0]
    if (failed.length === 1 && !(first.error instanceof UserError)) throw first.error
    throw new UserError(`failed for ${failed.map((f) => f.arch.debian).join(', ')}: ${errorMessage(first.error)}${built}`)
  }
  return entries
}

/** Make the work directory for one run (removed by the caller). */
export async function workDir(rt: Runtime, prefix: string): Promise<string> {
  await mkdir(rt.tempRoot(), { recursive: true })
  return mkdtemp(path.join(rt.tempRoot(), prefix))
}

/**
 * build-flannel: the flannel charm resource (flannel-<arch>.tar.gz: flanneld, etcdctl, optional CNI plugins,
 * BUILD_INFO) for one or several architectures. flanneld is built with `go build` directly (upstream's
 * Makefile needs docker) or taken from the release; etcdctl from an etcd checkout (v2 `build` script or v3
 * go.mod) or the etcd release. Every binary's arch is checked and smoke-run; the tarball is reproducible.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { type Arch, hostArch, parseArches } from '../../shared/arch.js'
import { extractTarGz } from '../../shared/archive.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir, exists, sha256File } from '../../shared/files.js'
import { type GoCache, type GoToolchain, goBuild, goModModule, restoreGoCache, saveGoCache, setupGo } from '../../shared/golang.js'
import { expandTemplate, parseKeyValueLines } from '../../shared/inputs.js'
import {
  CNI_VERSION_SMOKE,
  archParallelism,
  archTree,
  buildScriptCommit,
  checkoutDir,
  cniBuildArgv,
  copyableTree,
  fetchReleaseTarball,
  filesIn,
  forEachArch,
  gitCommit,
  outputNames,
  packResource,
  releaseBase,
  renderBuildInfo,
  reportResults,
  runBuildScript,
  serialLock,
  smokeRunner,
  verifyBinaries,
  workDir,
} from '../../shared/resource.js'
import type { Runtime } from '../../shared/runtime.js'
import type { SmokeSpec } from '../../shared/verify.js'
import { parseTag, stripV } from '../../shared/version.js'

export const FLANNEL_BASE_URL = 'https://github.com/flannel-io/flannel/releases/download/{version}'
export const ETCD_BASE_URL = 'https://github.com/etcd-io/etcd/releases/download/{version}'
/** The CNI plugins the flannel resource carries (FACTS.md §5): `flannel` only when the CNI build has it. */
export const CNI_PLUGINS = ['bridge', 'host-local', 'flannel']

export interface Inputs {
  flannelVersion: string
  flannelSource: string
  flannelBaseUrl: string
  etcdVersion: string
  etcdSource: string
  etcdBaseUrl: string
  cniTarball: string
  cniSource: string
  arches: Arch[]
  goVersion: string
  buildEnv: Record<string, string>
  filename: string
  outputDir: string
}

function tag(value: string, inputName: string, example: string): string {
  return parseTag(value, inputName, example).tag
}

export function getInputs(rt: Runtime): Inputs {
  const archInput = rt.input('arch')
  const inputs: Inputs = {
    flannelVersion: tag(rt.input('flannel-version', { required: true }), 'flannel-version', 'v0.22.3'),
    flannelSource: rt.input('flannel-source'),
    flannelBaseUrl: rt.input('flannel-base-url', { default: FLANNEL_BASE_URL }),
    etcdVersion: tag(rt.input('etcd-version', { required: true }), 'etcd-version', 'v3.4.22'),
    etcdSource: rt.input('etcd-source'),
    etcdBaseUrl: rt.input('etcd-base-url', { default: ETCD_BASE_URL }),
    cniTarball: rt.input('cni-tarball'),
    cniSource: rt.input('cni-source'),
    arches: archInput ? parseArches(archInput) : [hostArch()],
    goVersion: rt.input('go-version'),
    buildEnv: Object.fromEntries(parseKeyValueLines(rt.input('build-env'), 'build-env')),
    filename: rt.input('filename', { default: 'flannel-{arch}.tar.gz' }),
    outputDir: rt.input('output-dir', { default: '.' }),
  }
  if (inputs.cniTarball && inputs.cniSource) throw new UserError('cni-tarball and cni-source: give one of them, not both')
  return inputs
}

/** Where flannel keeps its version variable (FACTS.md §5): `<module>/pkg/version` from v0.22, `<module>/version` before. */
export async function flannelVersionPackage(srcDir: string): Promise<string> {
  const gomod = await readFile(path.join(srcDir, 'go.mod'), 'utf8').catch(() => undefined)
  if (gomod === undefined) throw new UserError(`flannel-source: no go.mod in ${srcDir}; flannel before v0.12 builds only in GOPATH mode: use the release (leave flannel-source empty)`)
  const module = goModModule(gomod)
  if (!module) throw new UserError(`flannel-source: ${srcDir}/go.mod has no module line`)
  for (const pkg of ['pkg/version', 'version']) if (await exists(path.join(srcDir, pkg, 'version.go'))) return `${module}/${pkg}`
  throw new UserError(`flannel-source: neither pkg/version/version.go nor version/version.go in ${srcDir}; is it a flannel checkout?`)
}

export function flanneldLdflags(versionPackage: string, version: string): string {
  return `-s -w -X ${versionPackage}.Version=${version}`
}

interface Part {
  /** name in the tarball → file */
  files: Array<{ name: string; path: string }>
  info: Array<[string, string]>
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const names = outputNames(inputs.filename, inputs.arches, inputs.flannelVersion)
  const epoch = sourceDateEpoch()
  const work = await workDir(rt, 'build-flannel-')
  const inPlace = serialLock()
  try {
    // Sources and their Go, checked once before any arch is built.
    const flannelSrc = inputs.flannelSource ? await checkoutDir(inputs.flannelSource, 'flannel-source') : undefined
    const etcdSrc = inputs.etcdSource ? await checkoutDir(inputs.etcdSource, 'etcd-source') : undefined
    const cniSrc = inputs.cniSource ? await checkoutDir(inputs.cniSource, 'cni-source') : undefined
    const versionPkg = flannelSrc ? await flannelVersionPackage(flannelSrc) : undefined
    const etcdLayout = etcdSrc ? await etcdctlLayout(etcdSrc) : undefined
    const cniArgv = cniSrc ? await cniBuildArgv(cniSrc, '', 'cni-source') : undefined
    const cniCopy = cniSrc ? await copyableTree(cniSrc, inputs.buildEnv) : false
    const gos = new Map<string, GoToolchain>()
    for (const [src, name] of [[flannelSrc, 'flannel-source'], [etcdSrc, 'etcd-source'], [cniSrc, 'cni-source']] as const) {
      if (src) gos.set(src, await setupGo(rt, { srcDir: etcdLayout?.kind === 'v3' && src === etcdSrc ? etcdLayout.moduleDir : src, requested: inputs.goVersion, inputName: `go-version (for ${name})` }))
    }
    for (const [src, go] of gos) rt.info(`${path.basename(src)}: Go ${go.version} from ${go.origin}`)
    const cacheSrc = flannelSrc ?? etcdSrc ?? cniSrc
    const commits = new Map<string, string>()
    for (const src of gos.keys()) commits.set(src, (await gitCommit(src)) ?? 'unknown (not a git checkout)')

    /** <binary> out of the verified release <project>-<tag>-linux-<go-arch>.tar.gz (inputs <project>-version, <project>-base-url). */
    const releaseBinary = async (arch: Arch, dir: string, project: string, binary: string, version: string, baseUrl: string): Promise<Part> => {
      const file = `${project}-${version}-linux-${arch.go}.tar.gz`
      const url = `${releaseBase(baseUrl, { version }, `${project}-base-url`)}/${file}`
      const x = path.join(dir, `${project}-release`)
      const got = await fetchReleaseTarball(rt, { url, what: `${project} ${version} for ${arch.debian} (${file})`, inputName: `${project}-version`, dest: path.join(dir, file) }, x)
      return { files: [{ name: binary, path: path.join(x, pick(got.files, binary, file)) }], info: [[`${project} release`, `${url} sha256 ${got.sha256}`]] }
    }

    const flanneld = async (arch: Arch, dir: string, cache?: GoCache): Promise<Part> => {
      if (flannelSrc) {
        const go = gos.get(flannelSrc)!
        const out = await goBuild({
          go, arch, cwd: flannelSrc, packages: ['.'], output: path.join(dir, 'flanneld'), cache, env: inputs.buildEnv,
          ldflags: flanneldLdflags(versionPkg!, inputs.flannelVersion),
          vendor: await exists(path.join(flannelSrc, 'vendor')),
          label: `flanneld for ${arch.debian}`,
        })
        return { files: [{ name: 'flanneld', path: out }], info: [['flannel commit', `${commits.get(flannelSrc)} (go build, Go ${go.version}, -X ${versionPkg}.Version)`]] }
      }
      return releaseBinary(arch, dir, 'flannel', 'flanneld', inputs.flannelVersion, inputs.flannelBaseUrl)
    }

    const etcdctl = async (arch: Arch, dir: string, cache?: GoCache): Promise<Part> => {
      if (etcdSrc && etcdLayout) {
        const go = gos.get(etcdSrc)!
        const out = path.join(dir, 'etcd-bin', 'etcdctl')
        if (etcdLayout.kind === 'v3') {
          await goBuild({ go, arch, cwd: etcdLayout.moduleDir, packages: [etcdLayout.pkg], output: out, cache, env: inputs.buildEnv, label: `etcdctl for ${arch.debian}` })
        } else {
          // The v2 build script symlinks the checkout into gopath/: one arch at a time, binaries into BINDIR.
          await inPlace(() => runBuildScript({ argv: ['sh', '-e', './build'], tree: etcdSrc, arch, go, cache, env: { ...inputs.buildEnv, BINDIR: path.dirname(out) }, label: `etcdctl for ${arch.debian}` }))
          if (!(await exists(out))) throw new UserError(`etcd-source: ./build did not produce etcdctl in BINDIR for ${arch.debian}`)
        }
        return { files: [{ name: 'etcdctl', path: out }], info: [['etcd commit', `${commits.get(etcdSrc)} (${etcdLayout.kind === 'v3' ? `go build ${etcdLayout.pkg}` : './build'}, Go ${go.version})`]] }
      }
      return releaseBinary(arch, dir, 'etcd', 'etcdctl', inputs.etcdVersion, inputs.etcdBaseUrl)
    }

    const cni = async (arch: Arch, dir: string, cache?: GoCache): Promise<Part> => {
      let binDir: string
      let info: [string, string]
      if (cniSrc) {
        const go = gos.get(cniSrc)!
        const build = async () => {
          const tree = await archTree(cniSrc, dir, arch, cniCopy)
          await runBuildScript({ argv: cniArgv!, tree, arch, go, cache, env: inputs.buildEnv, label: `CNI plugins for ${arch.debian}` })
          if (cniCopy) return path.join(tree, 'bin')
          // In place: take the plugins out before the next arch's build replaces bin/.
          await cp(path.join(tree, 'bin'), path.join(dir, 'cni-bin'), { recursive: true })
          return path.join(dir, 'cni-bin')
        }
        binDir = cniCopy ? await build() : await inPlace(build)
        info = ['cni-plugins commit', `${commits.get(cniSrc)} (${cniArgv!.slice(1).join(' ')}, Go ${go.version})`]
      } else if (inputs.cniTarball) {
        const tgz = path.resolve(expandTemplate(inputs.cniTarball, { arch: arch.debian, 'go-arch': arch.go }, 'cni-tarball'))
        if (!(await exists(tgz))) throw new UserError(`cni-tarball: ${tgz} does not exist; give the path of a build-cnitgz tarball ({arch} expands)`)
        binDir = path.join(dir, 'cni')
        await extractTarGz(tgz, binDir)
        info = ['cni-plugins tarball', `${path.basename(tgz)} sha256 ${await sha256File(tgz)}`]
      } else {
        return { files: [], info: [] }
      }
      const have = await filesIn(binDir)
      for (const need of ['bridge', 'host-local']) if (!have.includes(need)) throw new UserError(`${cniSrc ? 'cni-source' : 'cni-tarball'}: no ${need} plugin for ${arch.debian} (found: ${have.join(', ') || 'nothing'})`)
      return { files: CNI_PLUGINS.filter((p) => have.includes(p)).map((p) => ({ name: p, path: path.join(binDir, p) })), info: [info] }
    }

    const results = await rt.group(`Build, verify and pack ${inputs.arches.length} tarballs`, () =>
      forEachArch(inputs.arches, archParallelism(inputs.arches.length), async (arch) => {
        const dir = path.join(work, arch.debian)
        await mkdir(dir, { recursive: true })
        const cache = cacheSrc ? await restoreGoCache(rt, gos.get(cacheSrc)!, arch, cacheSrc) : undefined
        const parts = [await flanneld(arch, dir, cache), await etcdctl(arch, dir, cache), await cni(arch, dir, cache)]
        if (cache) await saveGoCache(rt, cache)
        const files = parts.flatMap((p) => p.files)
        const smoke: Record<string, SmokeSpec> = {
          flanneld: { args: ['--version'], expect: inputs.flannelVersion },
          etcdctl: { args: ['--version'], expect: `version: ${stripV(inputs.etcdVersion)}` },
          bridge: CNI_VERSION_SMOKE,
        }
        const checks = await verifyBinaries(files, arch, await smokeRunner(rt, arch), smoke, `flannel-${arch.debian}`)
        rt.info(`${arch.debian}: ${checks.join('; ')}`)
        const info = renderBuildInfo({
          title: `flannel-${arch.debian} ${inputs.flannelVersion}`,
          epoch,
          lines: [['build script commit', buildScriptCommit('build-flannel')], ['etcd', inputs.etcdVersion], ...parts.flatMap((p) => p.info)],
        })
        const entries = [...files.map((f) => ({ name: f.name, file: f.path, mode: 0o755 })), { name: 'BUILD_INFO', data: info }]
        return packResource(rt, path.join(outDir, names.get(arch)!), entries, epoch, 'flannel')
      }),
    )
    await reportResults(rt, `flannel ${inputs.flannelVersion} (etcdctl ${inputs.etcdVersion})`, outDir, results)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** The one file called name in an unpacked release (at any depth: etcd nests it in etcd-<tag>-linux-<arch>/). */
function pick(files: string[], name: string, tarball: string): string {
  const found = files.filter((f) => path.posix.basename(f) === name)
  if (found.length !== 1) throw new UserError(`${tarball}: expected one ${name} inside, found ${found.length}`)
  return found[0]
}

/** How an etcd checkout builds etcdctl: v3 go.mod (etcdctl/ its own module from v3.5), or the v2 `build` script. */
export async function etcdctlLayout(srcDir: string): Promise<{ kind: 'v3'; moduleDir: string; pkg: string } | { kind: 'v2' }> {
  if (await exists(path.join(srcDir, 'etcdctl', 'go.mod'))) return { kind: 'v3', moduleDir: path.join(srcDir, 'etcdctl'), pkg: '.' }
  if (await exists(path.join(srcDir, 'go.mod'))) return { kind: 'v3', moduleDir: srcDir, pkg: './etcdctl' }
  if (await exists(path.join(srcDir, 'build'))) return { kind: 'v2' }
  throw new UserError(`etcd-source: ${srcDir} has neither go.mod (etcd v3) nor a build script (etcd v2); is it an etcd checkout?`)
}

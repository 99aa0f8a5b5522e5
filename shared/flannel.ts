/**
 * The flannel charm resource (flannel-<arch>.tar.gz: flanneld, etcdctl, optional CNI plugins, BUILD_INFO;
 * docs/upstream.md#flannel-resource). flanneld is built with `go build` directly (upstream's Makefile needs
 * docker) or taken from flannel's release tarball; etcdctl comes through shared/etcd.ts (the same checkout
 * detection, tag check and release fetch, SHA256SUMS-verified, as the etcd snap); the CNI plugins from a
 * checkout's own build script or a build-cnitgz tarball.
 */
import { cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from './arch.js'
import { extractTarGz } from './archive.js'
import { cniBuildArgv } from './cni.js'
import { UserError } from './errors.js'
import { type EtcdSource, buildEtcd, etcdBuildCommand, fetchEtcdRelease, readEtcdSource } from './etcd.js'
import { exists, sha256File } from './files.js'
import { type GoCache, type GoToolchain, goBuild, goModModule, setupGo } from './golang.js'
import { expandTemplate } from './inputs.js'
import { runBuildScript } from './resource/build-script.js'
import { archTree, checkoutDir, copyableTree, filesIn, gitCommit } from './resource/checkout.js'
import { serialLock } from './resource/per-arch.js'
import { fetchReleaseTarball, recordedUrl, releaseBase } from './resource/release.js'
import type { Runtime } from './runtime.js'
import type { ProvenanceRecorder } from './provenance.js'

export const FLANNEL_BASE_URL = 'https://github.com/flannel-io/flannel/releases/download/{version}'
export const ETCD_BASE_URL = 'https://github.com/etcd-io/etcd/releases/download/{version}'
/** The CNI plugins the flannel resource carries (docs/upstream.md#flannel-resource): `flannel` only when the CNI build has it. */
export const CNI_PLUGINS = ['bridge', 'host-local', 'flannel']

export interface FlannelInputs {
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

/** What one part of the tarball contributes: files (name in the tarball → path) and BUILD_INFO lines. */
export interface Part {
  files: Array<{ name: string; path: string }>
  info: Array<[string, string]>
}

/** Where flannel keeps its version variable (docs/upstream.md#flannel-resource): `<module>/pkg/version` from v0.22, `<module>/version` before. */
export async function flannelVersionPackage(srcDir: string): Promise<string> {
  const gomod = await readFile(path.join(srcDir, 'go.mod'), 'utf8').catch(() => undefined)
  if (gomod === undefined)
    throw new UserError(
      `flannel-source: no go.mod in ${srcDir}; flannel before v0.12 builds only in GOPATH mode: use the release (leave flannel-source empty)`,
    )
  const module = goModModule(gomod)
  if (!module) throw new UserError(`flannel-source: ${srcDir}/go.mod has no module line`)
  for (const pkg of ['pkg/version', 'version']) if (await exists(path.join(srcDir, pkg, 'version.go'))) return `${module}/${pkg}`
  throw new UserError(`flannel-source: neither pkg/version/version.go nor version/version.go in ${srcDir}; is it a flannel checkout?`)
}

export function flanneldLdflags(versionPackage: string, version: string): string {
  return `-s -w -X ${versionPackage}.Version=${version}`
}

interface Checkout {
  dir: string
  go: GoToolchain
  commit: string
}

/**
 * The checkouts of one run, checked once before any arch is built, and a builder per part of the tarball.
 * Work that writes into a shared tree (etcd v2's build script, an in-place CNI build) runs one arch at a time.
 */
export class FlannelParts {
  private readonly inPlace = serialLock()

  private constructor(
    private readonly rt: Runtime,
    private readonly inputs: FlannelInputs,
    private readonly prov: ProvenanceRecorder,
    private readonly flannel?: Checkout & { versionPkg: string; vendor: boolean },
    private readonly etcd?: Checkout & { src: EtcdSource },
    private readonly cniSrc?: Checkout & { argv: string[]; copy: boolean },
  ) {}

  static async prepare(rt: Runtime, inputs: FlannelInputs, prov: ProvenanceRecorder): Promise<FlannelParts> {
    const checkout = async (dir: string, srcDir: string, name: string): Promise<Checkout> => {
      const go = await setupGo(rt, { srcDir, requested: inputs.goVersion, inputName: `go-version (for ${name})` })
      rt.info(`${path.basename(dir)}: Go ${go.version} from ${go.origin}`)
      await prov.checkout(dir)
      prov.tool('go', go.version, go.origin)
      return { dir, go, commit: (await gitCommit(dir)) ?? 'unknown (not a git checkout)' }
    }
    let flannel, etcd, cni
    if (inputs.flannelSource) {
      const dir = await checkoutDir(inputs.flannelSource, 'flannel-source')
      const versionPkg = await flannelVersionPackage(dir)
      flannel = { ...(await checkout(dir, dir, 'flannel-source')), versionPkg, vendor: await exists(path.join(dir, 'vendor')) }
    }
    if (inputs.etcdSource) {
      const src = await readEtcdSource(inputs.etcdSource, 'etcd-source')
      etcd = { ...(await checkout(src.dir, src.layout.kind === 'go-mod' ? src.layout.etcdctl.cwd : src.dir, 'etcd-source')), src }
    }
    if (inputs.cniSource) {
      const dir = await checkoutDir(inputs.cniSource, 'cni-source')
      const argv = await cniBuildArgv(dir, '', 'cni-source')
      cni = { ...(await checkout(dir, dir, 'cni-source')), argv, copy: await copyableTree(dir, inputs.buildEnv) }
    }
    return new FlannelParts(rt, inputs, prov, flannel, etcd, cni)
  }

  /** The Go and checkout whose caches the builds of one arch share (the first checkout given). */
  cacheSource(): { go: GoToolchain; dir: string } | undefined {
    return this.flannel ?? this.etcd ?? this.cniSrc
  }

  async flanneld(arch: Arch, dir: string, cache?: GoCache): Promise<Part> {
    const { inputs, flannel } = this
    if (!flannel) {
      const file = `flannel-${inputs.flannelVersion}-linux-${arch.go}.tar.gz`
      const url = `${releaseBase(inputs.flannelBaseUrl, { version: inputs.flannelVersion }, 'flannel-base-url')}/${file}`
      const x = path.join(dir, 'flannel-release')
      const what = `flannel ${inputs.flannelVersion} for ${arch.debian} (${file})`
      const got = await fetchReleaseTarball(this.rt, { url, what, inputName: 'flannel-version', dest: path.join(dir, file) }, x)
      this.prov.download(url, got.sha256)
      const found = got.files.filter((f) => path.posix.basename(f) === 'flanneld')
      if (found.length !== 1) throw new UserError(`${file}: expected one flanneld inside, found ${found.length}`)
      return {
        files: [{ name: 'flanneld', path: path.join(x, found[0]) }],
        info: [['flannel release', `${recordedUrl(url)} sha256 ${got.sha256}`]],
      }
    }
    const { go, versionPkg } = flannel
    const ldflags = flanneldLdflags(versionPkg, inputs.flannelVersion)
    const out = await goBuild({
      go,
      arch,
      cwd: flannel.dir,
      packages: ['.'],
      output: path.join(dir, 'flanneld'),
      cache,
      env: inputs.buildEnv,
      ldflags,
      vendor: flannel.vendor,
      label: `flanneld for ${arch.debian}`,
    })
    return {
      files: [{ name: 'flanneld', path: out }],
      info: [['flannel commit', `${flannel.commit} (go build, Go ${go.version}, -X ${versionPkg}.Version)`]],
    }
  }

  async etcdctl(arch: Arch, dir: string, cache?: GoCache): Promise<Part> {
    const { inputs, etcd } = this
    if (!etcd) {
      const dirUrl = releaseBase(inputs.etcdBaseUrl, { version: inputs.etcdVersion }, 'etcd-base-url')
      const got = await fetchEtcdRelease({
        tag: inputs.etcdVersion,
        arch,
        baseUrl: dirUrl,
        dirUrl,
        workDir: path.join(dir, 'etcd-release'),
        cacheDir: this.rt.cacheRoot(),
        log: (m) => this.rt.warning(m),
      })
      this.prov.download(got.url, got.sha256)
      return { files: [{ name: 'etcdctl', path: got.etcdctl }], info: [['etcd release', `${recordedUrl(got.url)} sha256 ${got.sha256}`]] }
    }
    const build = () => buildEtcd(etcd.src, arch, etcd.go, path.join(dir, 'etcd-bin'), cache, { env: inputs.buildEnv, only: ['etcdctl'] })
    // The v2 build script symlinks the checkout into gopath/: one arch at a time.
    const bins = etcd.src.layout.kind === 'build-script' ? await this.inPlace(build) : await build()
    return {
      files: [{ name: 'etcdctl', path: bins.etcdctl }],
      info: [['etcd commit', `${etcd.commit} (${etcdBuildCommand(etcd.src)}, Go ${etcd.go.version})`]],
    }
  }

  async cni(arch: Arch, dir: string, cache?: GoCache): Promise<Part> {
    const { inputs, cniSrc } = this
    let binDir: string
    let info: [string, string]
    if (cniSrc) {
      const build = async () => {
        const tree = await archTree(cniSrc.dir, dir, arch, cniSrc.copy)
        await runBuildScript({
          argv: cniSrc.argv,
          tree,
          arch,
          go: cniSrc.go,
          cache,
          env: inputs.buildEnv,
          label: `CNI plugins for ${arch.debian}`,
        })
        if (cniSrc.copy) return path.join(tree, 'bin')
        // In place: take the plugins out before the next arch's build replaces bin/.
        await cp(path.join(tree, 'bin'), path.join(dir, 'cni-bin'), { recursive: true })
        return path.join(dir, 'cni-bin')
      }
      binDir = cniSrc.copy ? await build() : await this.inPlace(build)
      info = ['cni-plugins commit', `${cniSrc.commit} (${cniSrc.argv.slice(1).join(' ')}, Go ${cniSrc.go.version})`]
    } else if (inputs.cniTarball) {
      const tgz = path.resolve(expandTemplate(inputs.cniTarball, { arch: arch.debian, 'go-arch': arch.go }, 'cni-tarball'))
      if (!(await exists(tgz)))
        throw new UserError(`cni-tarball: ${tgz} does not exist; give the path of a build-cnitgz tarball ({arch} expands)`)
      binDir = path.join(dir, 'cni')
      await extractTarGz(tgz, binDir)
      const digest = await sha256File(tgz)
      this.prov.localFile(tgz, digest)
      info = ['cni-plugins tarball', `${path.basename(tgz)} sha256 ${digest}`]
    } else {
      return { files: [], info: [] }
    }
    const have = await filesIn(binDir)
    for (const need of ['bridge', 'host-local']) {
      if (!have.includes(need))
        throw new UserError(
          `${cniSrc ? 'cni-source' : 'cni-tarball'}: no ${need} plugin for ${arch.debian} (found: ${have.join(', ') || 'nothing'})`,
        )
    }
    return { files: CNI_PLUGINS.filter((p) => have.includes(p)).map((p) => ({ name: p, path: path.join(binDir, p) })), info: [info] }
  }
}

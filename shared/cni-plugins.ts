/**
 * Where build-cnitgz's plugins come from, per arch: a containernetworking/plugins checkout built with its own
 * script (one copy of the tree per arch for parallel builds; GOPATH trees in place, one at a time; the Go cache
 * saved while the plugins are verified and packed), or the upstream release tarball, verified. Each records
 * what it used in the run's provenance.
 */
import path from 'node:path'
import type { Arch } from './arch.js'
import { cniBuildArgv } from './cni.js'
import { type GoToolchain, restoreGoCache, saveGoCache, setupGo } from './golang.js'
import type { ProvenanceRecorder } from './provenance.js'
import { runBuildScript } from './resource/build-script.js'
import { archTree, checkoutDir, copyableTree, filesIn, gitCommit } from './resource/checkout.js'
import { archParallelism } from './resource/per-arch.js'
import { fetchReleaseTarball, recordedUrl, releaseBase } from './resource/release.js'
import type { Runtime } from './runtime.js'

export interface CniInputs {
  version: string
  from: 'source' | 'release'
  source: string
  buildCommand: string
  buildEnv: Record<string, string>
  arches: Arch[]
  goVersion: string
  baseUrl: string
  filename: string
  outputDir: string
}

export interface Built {
  dir: string
  files: string[]
  origin: Array<[string, string]>
  /** Work that runs on while the plugins are verified and packed (the Go cache save). */
  background?: Promise<{ seconds: number }>
}

/** fn's value and how long it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await fn()
  return { value, seconds: (performance.now() - t0) / 1000 }
}

/** The per-arch build (or fetch) for the inputs, and how many arches may run at once. */
export async function cniBuilder(
  rt: Runtime,
  inputs: CniInputs,
  work: string,
  prov: ProvenanceRecorder,
): Promise<{ build: (arch: Arch) => Promise<Built>; limit: number }> {
  let build: (arch: Arch) => Promise<Built>
  let limit = archParallelism(inputs.arches.length)
  if (inputs.from === 'source') {
    const src = await checkoutDir(inputs.source, 'source')
    const argv = await cniBuildArgv(src, inputs.buildCommand, 'source')
    const go: GoToolchain = await setupGo(rt, { srcDir: src, requested: inputs.goVersion })
    const commit = (await gitCommit(src)) ?? 'unknown (not a git checkout)'
    await prov.checkout(src, 'cni-plugins')
    prov.tool('go', go.version, go.origin)
    // Scripts write bin/ into the tree: parallel builds each get a copy; GOPATH builds stay in place, one at a time.
    const copy = inputs.arches.length > 1 && (await copyableTree(src, inputs.buildEnv))
    if (!copy) limit = 1
    rt.info(
      `Go ${go.version} from ${go.origin}; build: ${argv.slice(1).join(' ')}; ${limit} at a time${copy ? ' (one copy of the checkout per arch)' : ''}`,
    )
    build = async (arch) => {
      const tree = await archTree(src, work, arch, copy)
      const cache = await restoreGoCache(rt, go, arch, src)
      await runBuildScript({ argv, tree, arch, go, cache, env: inputs.buildEnv, label: `build for ${arch.debian}` })
      const dir = path.join(tree, 'bin')
      // The Go cache is saved while the plugins are verified and packed: nothing after the build needs it.
      const background = timed(() => saveGoCache(rt, cache))
      return {
        dir,
        files: await filesIn(dir),
        origin: [
          ['cni-plugins commit', commit],
          ['go', `${go.version} (${argv.slice(1).join(' ')})`],
        ],
        background,
      }
    }
  } else {
    build = async (arch) => {
      const file = `cni-plugins-linux-${arch.go}-${inputs.version}.tgz`
      const url = `${releaseBase(inputs.baseUrl, { version: inputs.version }, 'base-url')}/${file}`
      const dir = path.join(work, `release-${arch.debian}`)
      const got = await fetchReleaseTarball(
        rt,
        { url, what: `CNI plugins ${inputs.version} for ${arch.debian} (${file})`, inputName: 'version', dest: path.join(work, file) },
        dir,
      )
      prov.download(url, got.sha256)
      return { dir, files: got.files, origin: [['cni-plugins release', `${recordedUrl(url)} sha256 ${got.sha256}`]] }
    }
  }
  return { build, limit }
}

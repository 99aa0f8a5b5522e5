/**
 * build-cnitgz: the CNI plugins resource (cni-<arch>.tgz) for one or several architectures, from a
 * containernetworking/plugins checkout (its own build script, cross-compiled natively) or from the upstream
 * release tarballs (verified, repacked). Every binary's ELF arch is checked, one plugin answers
 * CNI_COMMAND=VERSION natively or under qemu, and the tarball is byte-identical across runs.
 */
import path from 'node:path'
import { type Arch, archesOrHost } from '../../shared/arch.js'
import { CNI_VERSION_SMOKE, cniBuildArgv, smokePlugin } from '../../shared/cni.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { type GoToolchain, restoreGoCache, saveGoCache, setupGo } from '../../shared/golang.js'
import { parseKeyValueLines } from '../../shared/inputs.js'
import { runBuildScript } from '../../shared/resource/build-script.js'
import { archTree, checkoutDir, copyableTree, filesIn, gitCommit } from '../../shared/resource/checkout.js'
import { buildScriptCommit, outputNames, packResource, renderBuildInfo } from '../../shared/resource/pack.js'
import { archParallelism, forEachArch } from '../../shared/resource/per-arch.js'
import { fetchReleaseTarball, releaseBase } from '../../shared/resource/release.js'
import { reportResults } from '../../shared/resource/report.js'
import { smokeRunner, verifyBinaries } from '../../shared/resource/verify.js'
import type { Runtime } from '../../shared/runtime.js'
import { checkInputPaths } from '../../shared/paths.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { attestBuilt } from '../../shared/publish.js'
import { parseTag } from '../../shared/version.js'

export const DEFAULT_BASE_URL = 'https://github.com/containernetworking/plugins/releases/download/{version}'

export interface Inputs {
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

export function getInputs(rt: Runtime): Inputs {
  const { tag: version } = parseTag(rt.input('version', { required: true }), 'version', 'v1.1.1', 'a containernetworking/plugins tag')
  const source = rt.input('source')
  const from = rt.input('from', { default: source ? 'source' : 'release' })
  if (from !== 'source' && from !== 'release') throw new UserError(`from: '${from}' is neither source nor release`)
  if (from === 'source' && !source)
    throw new UserError('source: required when from is source; give the path of a containernetworking/plugins checkout')
  return {
    version,
    from,
    source,
    buildCommand: rt.input('build-command'),
    buildEnv: Object.fromEntries(parseKeyValueLines(rt.input('build-env'), 'build-env')),
    arches: archesOrHost(rt.input('arch')),
    goVersion: rt.input('go-version'),
    baseUrl: rt.input('base-url', { default: DEFAULT_BASE_URL }),
    filename: rt.input('filename', { default: 'cni-{arch}.tgz' }),
    outputDir: rt.input('output-dir', { default: '.' }),
  }
}

interface Built {
  dir: string
  files: string[]
  origin: Array<[string, string]>
  /** Work that runs on while the plugins are verified and packed (the Go cache save). */
  background?: Promise<{ seconds: number }>
}

/** fn's value and how long it took. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await fn()
  return { value, seconds: (performance.now() - t0) / 1000 }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ source: inputs.source })
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const names = outputNames(inputs.filename, inputs.arches, inputs.version)
  const epoch = sourceDateEpoch()
  const prov = new ProvenanceRecorder('build-cnitgz')
  rt.info(`CNI plugins ${inputs.version} from ${inputs.from} for ${inputs.arches.map((a) => a.debian).join(', ')}`)
  await withScratchDir(rt.tempRoot(), 'build-cnitgz-', async (work) => {
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
        return { dir, files: got.files, origin: [['cni-plugins release', `${url} sha256 ${got.sha256}`]] }
      }
    }
    const results = await rt.group(`Build, verify and pack ${inputs.arches.length} tarballs`, () =>
      forEachArch(inputs.arches, limit, async (arch) => {
        const built = await timed(() => build(arch))
        const { value } = built
        try {
          const files = value.files.map((name) => ({ name, path: path.join(value.dir, name) }))
          const checked = await timed(async () =>
            verifyBinaries(
              files,
              arch,
              await smokeRunner(rt, arch),
              { [smokePlugin(value.files)]: CNI_VERSION_SMOKE },
              `cni-${arch.debian}`,
            ),
          )
          rt.info(`${arch.debian}: ${checked.value.join('; ')}`)
          const info = renderBuildInfo({
            title: `cni-${arch.debian} ${inputs.version}`,
            epoch,
            lines: [['build script commit', buildScriptCommit('build-cnitgz')], ...value.origin],
          })
          const dest = path.join(outDir, names.get(arch)!)
          const packed = await timed(() =>
            packResource(
              rt,
              dest,
              [...files.map((f) => ({ name: f.name, file: f.path })), { name: 'BUILD_INFO', data: info }],
              epoch,
              'cni',
            ),
          )
          const cacheSave = value.background ? ` (Go cache saved alongside in ${(await value.background).seconds.toFixed(1)} s)` : ''
          rt.info(
            `${arch.debian}: ${inputs.from === 'source' ? 'build' : 'fetch'} ${built.seconds.toFixed(1)} s, verify ${checked.seconds.toFixed(1)} s, pack ${packed.seconds.toFixed(1)} s${cacheSave}`,
          )
          return packed.value
        } finally {
          // A failed check must not leave the cache save half done when the step ends.
          await value.background
        }
      }),
    )
    await attestBuilt(rt, { action: 'build-cnitgz', outDir, epoch, provenance: prov, version: inputs.version, results })
    await reportResults(rt, `CNI plugins ${inputs.version}`, outDir, results)
  })
}

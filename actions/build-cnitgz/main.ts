/**
 * build-cnitgz: the CNI plugins resource (cni-<arch>.tgz) for one or several architectures, from a
 * containernetworking/plugins checkout (its own build script, cross-compiled natively) or from the upstream
 * release tarballs (verified, repacked). Every binary's ELF arch is checked, one plugin answers
 * CNI_COMMAND=VERSION natively or under qemu, and the tarball is byte-identical across runs.
 */
import path from 'node:path'
import { archesOrHost } from '../../shared/arch.js'
import { CNI_VERSION_SMOKE, smokePlugin } from '../../shared/cni.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { parseKeyValueLines } from '../../shared/inputs.js'
import { buildScriptCommit, outputNames, packResource, renderBuildInfo } from '../../shared/resource/pack.js'
import { forEachArch } from '../../shared/resource/per-arch.js'
import { reportResults } from '../../shared/resource/report.js'
import { smokeRunner, verifyBinaries } from '../../shared/resource/verify.js'
import type { Runtime } from '../../shared/runtime.js'
import { checkInputPaths } from '../../shared/paths.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { attestBuilt } from '../../shared/publish.js'
import { parseTag } from '../../shared/version.js'
import { type CniInputs, cniBuilder, timed } from '../../shared/cni-plugins.js'

export type Inputs = CniInputs

export const DEFAULT_BASE_URL = 'https://github.com/containernetworking/plugins/releases/download/{version}'

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

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ source: inputs.source })
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const names = outputNames(inputs.filename, inputs.arches, inputs.version)
  const epoch = sourceDateEpoch()
  const prov = new ProvenanceRecorder('build-cnitgz')
  rt.info(`CNI plugins ${inputs.version} from ${inputs.from} for ${inputs.arches.map((a) => a.debian).join(', ')}`)
  await withScratchDir(rt.tempRoot(), 'build-cnitgz-', async (work) => {
    const { build, limit } = await cniBuilder(rt, inputs, work, prov)
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

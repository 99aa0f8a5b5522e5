/**
 * build-flannel: the flannel charm resource (flannel-<arch>.tar.gz: flanneld, etcdctl, optional CNI plugins,
 * BUILD_INFO) for one or several architectures; the parts come from shared/flannel.ts. Every binary's arch is
 * checked and smoke-run; the tarball is reproducible.
 */
import path from 'node:path'
import { mkdir } from 'node:fs/promises'
import { archesOrHost } from '../../shared/arch.js'
import { CNI_VERSION_SMOKE } from '../../shared/cni.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import { parseEtcdTag } from '../../shared/etcd.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { ETCD_BASE_URL, FLANNEL_BASE_URL, FlannelParts, type FlannelInputs } from '../../shared/flannel.js'
import { restoreGoCache, saveGoCache } from '../../shared/golang.js'
import { parseKeyValueLines } from '../../shared/inputs.js'
import { buildScriptCommit, outputNames, packResource, renderBuildInfo } from '../../shared/resource/pack.js'
import { archParallelism, forEachArch } from '../../shared/resource/per-arch.js'
import { reportResults } from '../../shared/resource/report.js'
import { smokeRunner, verifyBinaries } from '../../shared/resource/verify.js'
import type { Runtime } from '../../shared/runtime.js'
import { checkInputPaths } from '../../shared/paths.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { attestBuilt } from '../../shared/publish.js'
import type { SmokeSpec } from '../../shared/verify.js'
import { parseTag, stripV } from '../../shared/version.js'

export function getInputs(rt: Runtime): FlannelInputs {
  const inputs: FlannelInputs = {
    flannelVersion: parseTag(rt.input('flannel-version', { required: true }), 'flannel-version', 'v0.22.3').tag,
    flannelSource: rt.input('flannel-source'),
    flannelBaseUrl: rt.input('flannel-base-url', { default: FLANNEL_BASE_URL }),
    etcdVersion: parseEtcdTag(rt.input('etcd-version', { required: true }), 'etcd-version'),
    etcdSource: rt.input('etcd-source'),
    etcdBaseUrl: rt.input('etcd-base-url', { default: ETCD_BASE_URL }),
    cniTarball: rt.input('cni-tarball'),
    cniSource: rt.input('cni-source'),
    arches: archesOrHost(rt.input('arch')),
    goVersion: rt.input('go-version'),
    buildEnv: Object.fromEntries(parseKeyValueLines(rt.input('build-env'), 'build-env')),
    filename: rt.input('filename', { default: 'flannel-{arch}.tar.gz' }),
    outputDir: rt.input('output-dir', { default: '.' }),
  }
  if (inputs.cniTarball && inputs.cniSource) throw new UserError('cni-tarball and cni-source: give one of them, not both')
  return inputs
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'flannel-source': inputs.flannelSource, 'etcd-source': inputs.etcdSource, 'cni-source': inputs.cniSource })
  await checkInputPaths({ 'cni-tarball': inputs.cniTarball }, 'file')
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const names = outputNames(inputs.filename, inputs.arches, inputs.flannelVersion)
  const epoch = sourceDateEpoch()
  const smoke: Record<string, SmokeSpec> = {
    flanneld: { args: ['--version'], expect: inputs.flannelVersion },
    etcdctl: { args: ['--version'], expect: `version: ${stripV(inputs.etcdVersion)}` },
    bridge: CNI_VERSION_SMOKE,
  }
  await withScratchDir(rt.tempRoot(), 'build-flannel-', async (work) => {
    const prov = new ProvenanceRecorder('build-flannel')
    const parts = await FlannelParts.prepare(rt, inputs, prov)
    const cacheSrc = parts.cacheSource()
    const results = await rt.group(`Build, verify and pack ${inputs.arches.length} tarballs`, () =>
      forEachArch(inputs.arches, archParallelism(inputs.arches.length), async (arch) => {
        const dir = path.join(work, arch.debian)
        await mkdir(dir, { recursive: true })
        const cache = cacheSrc ? await restoreGoCache(rt, cacheSrc.go, arch, cacheSrc.dir) : undefined
        const built = [await parts.flanneld(arch, dir, cache), await parts.etcdctl(arch, dir, cache), await parts.cni(arch, dir, cache)]
        if (cache) await saveGoCache(rt, cache)
        const files = built.flatMap((p) => p.files)
        const checks = await verifyBinaries(files, arch, await smokeRunner(rt, arch), smoke, `flannel-${arch.debian}`)
        rt.info(`${arch.debian}: ${checks.join('; ')}`)
        const info = renderBuildInfo({
          title: `flannel-${arch.debian} ${inputs.flannelVersion}`,
          epoch,
          lines: [
            ['build script commit', buildScriptCommit('build-flannel')],
            ['etcd', inputs.etcdVersion],
            ...built.flatMap((p) => p.info),
          ],
        })
        const entries = [...files.map((f) => ({ name: f.name, file: f.path, mode: 0o755 })), { name: 'BUILD_INFO', data: info }]
        return packResource(rt, path.join(outDir, names.get(arch)!), entries, epoch, 'flannel')
      }),
    )
    await attestBuilt(rt, { action: 'build-flannel', outDir, epoch, provenance: prov, version: inputs.flannelVersion, results })
    await reportResults(rt, `flannel ${inputs.flannelVersion} (etcdctl ${inputs.etcdVersion})`, outDir, results)
  })
}

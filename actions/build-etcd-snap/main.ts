/**
 * build-etcd-snap: the etcd snap (etcd + etcdctl) for one architecture, from an etcd checkout cross-compiled
 * with Go (v2 through its build script, v3 with go build) or from the upstream release tarball (checked
 * against the release's SHA256SUMS). Each binary is verified (ELF architecture, one smoke run natively or
 * under qemu-user), then packed reproducibly with the daemon wrapper.
 */
import path from 'node:path'
import { archOrHost } from '../../shared/arch.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import { ETCD_RELEASES, etcdSmokes, etcdUnsupportedArch, packEtcdSnap, parseEtcdTag } from '../../shared/etcd.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { parseBool, parseHttpUrl } from '../../shared/inputs.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import type { Runtime } from '../../shared/runtime.js'
import { smokeRunner } from '../../shared/resource/verify.js'
import { verifyBinary } from '../../shared/verify.js'
import { checkInputPaths } from '../../shared/paths.js'
import { type EtcdSnapInputs, etcdFromRelease, etcdFromSource } from '../../shared/etcd-snap-sources.js'

export type Inputs = EtcdSnapInputs

export function getInputs(rt: Runtime): Inputs {
  const sourceDir = rt.input('source-dir')
  const etcdVersion = rt.input('etcd-version')
  if (sourceDir && etcdVersion)
    throw new UserError(
      'source-dir and etcd-version are both set; set source-dir to build an etcd checkout, or etcd-version to take the upstream release, not both',
    )
  if (!sourceDir && !etcdVersion)
    throw new UserError(
      'neither source-dir nor etcd-version is set; set source-dir (an etcd checkout) or etcd-version (a release tag such as v3.4.22)',
    )
  const sha256 = rt.input('sha256').toLowerCase()
  if (sha256 && !/^[0-9a-f]{64}$/.test(sha256)) throw new UserError(`sha256: '${sha256}' is not a sha256 digest (64 hex digits)`)
  if (sha256 && !etcdVersion)
    throw new UserError("sha256: only used with etcd-version (the release tarball's digest); drop it when building from source-dir")
  return {
    arch: archOrHost(rt.input('arch')),
    sourceDir,
    etcdTag: etcdVersion ? parseEtcdTag(etcdVersion, 'etcd-version') : '',
    baseUrl: parseHttpUrl(rt.input('base-url', { default: ETCD_RELEASES }), 'base-url', ETCD_RELEASES),
    sha256,
    goVersion: rt.input('go-version'),
    outputDir: rt.input('output-dir', { default: 'snaps' }),
    artifactName: rt.input('artifact-name'),
    verify: parseBool(rt.input('verify'), 'verify', true),
  }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'source-dir': inputs.sourceDir })
  const { arch } = inputs
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const epoch = sourceDateEpoch()
  const prov = new ProvenanceRecorder('build-etcd-snap')
  await withScratchDir(rt.tempRoot(), 'build-snaps-', async (work) => {
    const { bins, version, origin } = inputs.sourceDir
      ? await etcdFromSource(rt, inputs, work, prov)
      : await etcdFromRelease(rt, inputs, work, prov)
    rt.info(`etcd ${version}: ${origin}`)
    if (inputs.verify) {
      await rt.group('Verify etcd and etcdctl', async () => {
        const runner = await smokeRunner(rt, arch)
        const smokes = etcdSmokes(version, arch)
        for (const name of ['etcd', 'etcdctl'] as const)
          rt.info(`${name}: ${(await verifyBinary(bins[name], name, arch, runner, smokes[name])).join('; ')}`)
      })
    }
    const unsupported = etcdUnsupportedArch(arch)
    rt.info(
      `daemon wrapper: ${unsupported ? `sets ETCD_UNSUPPORTED_ARCH=${unsupported}` : `no ETCD_UNSUPPORTED_ARCH (etcd supports ${arch.debian})`}`,
    )
    const snap = await rt.group('Pack the etcd snap', () => packEtcdSnap(bins, version, arch, outDir, path.join(work, 'stage'), epoch))
    await publish(rt, {
      action: 'build-etcd-snap',
      outDir,
      epoch,
      provenance: prov,
      parts: [arch.debian],
      artifactName: inputs.artifactName,
      artifacts: [{ file: snap, version, arch: arch.debian }],
      title: `etcd ${version} for ${arch.debian}`,
      notes: `Binaries ${origin}. Reproducible: SOURCE_DATE_EPOCH=${epoch}.`,
    })
    rt.output('snap', snap)
    rt.output('version', version)
    rt.output('arch', arch.debian)
  })
}

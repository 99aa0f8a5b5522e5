/**
 * build-etcd-snap: the etcd snap (etcd + etcdctl) for one architecture, from an etcd checkout cross-compiled
 * with Go (v2 through its build script, v3 with go build) or from the upstream release tarball (checked
 * against the release's SHA256SUMS). Each binary is verified (ELF architecture, one smoke run natively or
 * under qemu-user), then packed reproducibly with the daemon wrapper.
 */
import path from 'node:path'
import { type Arch, archOrHost } from '../../shared/arch.js'
import { ensureRunner } from '../../shared/emulate.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { UserError } from '../../shared/errors.js'
import {
  type EtcdBinaries,
  ETCD_RELEASES,
  buildEtcd,
  etcdSmokes,
  etcdUnsupportedArch,
  fetchEtcdRelease,
  packEtcdSnap,
  parseEtcdTag,
  readEtcdSource,
} from '../../shared/etcd.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { restoreGoCache, saveGoCache, setupGo } from '../../shared/golang.js'
import { parseBool, parseHttpUrl } from '../../shared/inputs.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import type { Runtime } from '../../shared/runtime.js'
import { verifyBinary } from '../../shared/verify.js'
import { checkInputPaths } from '../../shared/paths.js'
import { stripV } from '../../shared/version.js'

export interface Inputs {
  arch: Arch
  /** An etcd checkout… */
  sourceDir: string
  /** …or a release tag (v3.4.22). */
  etcdTag: string
  baseUrl: string
  sha256: string
  goVersion: string
  outputDir: string
  artifactName: string
  verify: boolean
}

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

/** Cross-compile the checkout for the target, with the Go caches restored and saved. */
async function fromSource(
  rt: Runtime,
  inputs: Inputs,
  work: string,
  prov: ProvenanceRecorder,
): Promise<{ bins: EtcdBinaries; version: string; origin: string }> {
  const src = await readEtcdSource(inputs.sourceDir, 'source-dir')
  const { arch } = inputs
  const go = await setupGo(rt, { srcDir: src.layout.kind === 'go-mod' ? src.layout.etcd.cwd : src.dir, requested: inputs.goVersion })
  await prov.checkout(src.dir, 'etcd')
  prov.tool('go', go.version, go.origin)
  const how = src.layout.kind === 'build-script' ? 'its build script (GOPATH)' : 'go build'
  rt.info(
    `etcd ${src.version} from ${inputs.sourceDir} with ${how}, Go ${go.version} (${go.origin}), for ${arch.debian} (GOARCH=${arch.go})`,
  )
  const cache = await restoreGoCache(rt, go, arch, src.dir)
  const bins = await rt.group(`Cross-compile etcd and etcdctl for ${arch.debian}`, () =>
    buildEtcd(src, arch, go, path.join(work, 'bin'), cache),
  )
  await saveGoCache(rt, cache)
  return { bins, version: src.version, origin: `built from ${inputs.sourceDir} with ${how}, Go ${go.version}` }
}

async function fromRelease(
  rt: Runtime,
  inputs: Inputs,
  work: string,
  prov: ProvenanceRecorder,
): Promise<{ bins: EtcdBinaries; version: string; origin: string }> {
  const got = await rt.group(`Fetch etcd ${inputs.etcdTag} for ${inputs.arch.debian}`, () =>
    fetchEtcdRelease({
      tag: inputs.etcdTag,
      arch: inputs.arch,
      baseUrl: inputs.baseUrl,
      sha256: inputs.sha256 || undefined,
      workDir: work,
      cacheDir: rt.cacheRoot(),
      log: (m) => rt.warning(m),
    }),
  )
  prov.download(got.url, got.sha256)
  const origin = `${got.cached ? 'cache hit for' : 'downloaded'} ${got.url}, sha256 verified${inputs.sha256 ? '' : ' (SHA256SUMS)'}`
  return { bins: got, version: stripV(inputs.etcdTag), origin }
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
      ? await fromSource(rt, inputs, work, prov)
      : await fromRelease(rt, inputs, work, prov)
    rt.info(`etcd ${version}: ${origin}`)
    if (inputs.verify) {
      await rt.group('Verify etcd and etcdctl', async () => {
        const runner = await ensureRunner(arch, (m) => rt.info(m))
        if (runner.kind === 'none') rt.warning(`smoke runs skipped for ${arch.debian}: ${runner.reason}; ELF checks still apply`)
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

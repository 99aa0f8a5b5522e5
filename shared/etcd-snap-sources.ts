/**
 * The binaries of the etcd snap (build-etcd-snap), acquired one of two ways: cross-compiled from an etcd checkout
 * with the Go caches restored and saved, or taken from the upstream release tarball checked against its
 * SHA256SUMS (or a given sha256). Each way records what it used in the run's provenance.
 */
import path from 'node:path'
import type { Arch } from './arch.js'
import { type EtcdBinaries, buildEtcd, fetchEtcdRelease, readEtcdSource } from './etcd.js'
import { restoreGoCache, saveGoCache, setupGo } from './golang.js'
import type { ProvenanceRecorder } from './provenance.js'
import type { Runtime } from './runtime.js'
import { stripV } from './version.js'

export interface EtcdSnapInputs {
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

/** Cross-compile the checkout for the target, with the Go caches restored and saved. */
export async function etcdFromSource(
  rt: Runtime,
  inputs: EtcdSnapInputs,
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

export async function etcdFromRelease(
  rt: Runtime,
  inputs: EtcdSnapInputs,
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

/**
 * build-k8s-snaps: download (or take) the Kubernetes binaries for one architecture, verify each
 * (sha256, ELF architecture, one smoke run), and pack one reproducible snap per binary.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { type Arch, archOrHost } from '../../shared/arch.js'
import { mapLimit } from '../../shared/concurrency.js'
import { acquireBinary } from '../../shared/binaries.js'
import { downloadPolicy } from '../../shared/download.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { parseBool, parseHttpUrl } from '../../shared/inputs.js'
import {
  type Component,
  DEFAULT_COMPONENTS,
  binaryUrl,
  componentSmoke,
  packComponentSnap,
  parseComponents,
  parseKubeVersion,
  resolveKubeVersion,
  snapVersion,
} from '../../shared/k8s.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import type { Runtime } from '../../shared/runtime.js'
import { smokeRunner } from '../../shared/resource/verify.js'
import { verifyBinary } from '../../shared/verify.js'
import { checkInputPaths } from '../../shared/paths.js'

export interface Inputs {
  kubeVersion: string
  arch: Arch
  components: Component[]
  baseUrl: string
  binariesDir: string
  outputDir: string
  artifactName: string
  verify: boolean
}

export function getInputs(rt: Runtime): Inputs {
  const kubeVersion = rt.input('kube-version', { required: true })
  parseKubeVersion(kubeVersion)
  const baseUrl = parseHttpUrl(rt.input('base-url', { default: 'https://dl.k8s.io' }), 'base-url', 'https://dl.k8s.io')
  return {
    kubeVersion,
    arch: archOrHost(rt.input('arch')),
    components: parseComponents(rt.input('components', { default: DEFAULT_COMPONENTS })),
    baseUrl,
    binariesDir: rt.input('binaries-dir'),
    outputDir: rt.input('output-dir', { default: 'snaps' }),
    artifactName: rt.input('artifact-name'),
    verify: parseBool(rt.input('verify'), 'verify', true),
  }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'binaries-dir': inputs.binariesDir })
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const version = await resolveKubeVersion(inputs.kubeVersion, inputs.baseUrl, (m) => rt.warning(m))
  const { arch } = inputs
  rt.info(`Kubernetes ${version} for ${arch.debian} (Go/Kubernetes ${arch.go}): ${inputs.components.map((c) => c.name).join(', ')}`)
  const epoch = sourceDateEpoch()
  const prov = new ProvenanceRecorder('build-k8s-snaps')
  await withScratchDir(rt.tempRoot(), 'build-snaps-', async (work) => {
    const runner = inputs.verify ? await smokeRunner(rt, arch) : undefined
    const policy = downloadPolicy()
    const binaries = await rt.group(`Fetch and verify ${inputs.components.length} binaries`, () =>
      mapLimit(inputs.components, 4, async (c) => {
        const url = inputs.binariesDir ? undefined : binaryUrl(inputs.baseUrl, version, arch, c.name)
        const bin = await acquireBinary(c.name, path.join(work, 'bin', c.name), {
          url,
          localDir: inputs.binariesDir || undefined,
          cacheDir: rt.cacheRoot(),
          policy,
          log: (m) => rt.warning(m),
        })
        if (url) prov.download(url, bin.sha256)
        else prov.localFile(path.join(inputs.binariesDir, c.name), bin.sha256)
        if (!bin.sha256Verified) rt.warning(`${c.name}: no ${c.name}.sha256 beside it in binaries-dir; not checksum-verified`)
        const checks = inputs.verify
          ? await verifyBinary(bin.path, c.name, arch, runner!, componentSmoke(c, version))
          : ['verification off']
        rt.info(`${c.name}: ${bin.origin}; ${checks.join('; ')}`)
        return { component: c, ...bin, checks: [bin.sha256Verified ? 'sha256' : 'no sha256', ...checks] }
      }),
    )
    const snaps = await rt.group(`Pack ${binaries.length} snaps`, async () => {
      const made: string[] = []
      try {
        for (const b of binaries) {
          const { file, cached } = await packComponentSnap(
            b.component,
            b.path,
            version,
            arch,
            outDir,
            path.join(work, 'stage'),
            epoch,
            rt.cacheRoot(),
            b.sha256,
          )
          made.push(file)
          if (cached) rt.info(`${path.basename(file)}: identical inputs packed before; reused from the snap cache`)
        }
      } catch (e) {
        await Promise.all(made.map((f) => rm(f, { force: true })))
        throw e
      }
      return made
    })
    const checked = binaries.map((b) => `- ${b.component.name}: ${b.checks.join(', ')}`).join('\n')
    const { manifest } = await publish(rt, {
      action: 'build-k8s-snaps',
      outDir,
      epoch,
      provenance: prov,
      parts: [arch.debian],
      artifactName: inputs.artifactName,
      artifacts: snaps.map((file) => ({ file, version: snapVersion(version), arch: arch.debian })),
      title: `Kubernetes ${snapVersion(version)} snaps for ${arch.debian}`,
      notes: `Verified:\n${checked}\n\nReproducible: SOURCE_DATE_EPOCH=${epoch}.`,
    })
    rt.output('snaps', snaps)
    rt.output('version', snapVersion(version))
    rt.output('arch', arch.debian)
    rt.info(`checksums: ${manifest}`)
  })
}

/**
 * build-cdk-addons-snap: the cdk-addons snap for one architecture: the target's kubectl (downloaded and
 * verified like the Kubernetes snaps: sha256, ELF architecture, one smoke run), a cdk-addons build directory
 * with `{{ arch }}` rendered in its templates, packed reproducibly. No emulation, no snapcraft.
 */
import path from 'node:path'
import { type Arch, archOrHost } from '../../shared/arch.js'
import { acquireBinary } from '../../shared/binaries.js'
import { CDK_ADDONS, cdkAddonsSnapYaml, imageArch, packCdkAddonsSnap, readCdkAddonsSource } from '../../shared/cdk-addons.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import { ensureWritableDir, withScratchDir } from '../../shared/files.js'
import { parseBool, parseHttpUrl } from '../../shared/inputs.js'
import { COMPONENTS, SNAP_BASE, binaryUrl, componentSmoke, parseKubeVersion, resolveKubeVersion, snapVersion } from '../../shared/k8s.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import type { Runtime } from '../../shared/runtime.js'
import { validateSnapYaml } from '../../shared/snap/snapyaml.js'
import { smokeRunner } from '../../shared/resource/verify.js'
import { verifyBinary } from '../../shared/verify.js'
import { checkInputPaths } from '../../shared/paths.js'

const KUBECTL = COMPONENTS.find((c) => c.name === 'kubectl')!

export interface Inputs {
  kubeVersion: string
  arch: Arch
  sourceDir: string
  baseUrl: string
  kubectlDir: string
  base: string
  outputDir: string
  artifactName: string
  verify: boolean
}

export function getInputs(rt: Runtime): Inputs {
  const kubeVersion = rt.input('kube-version', { required: true })
  parseKubeVersion(kubeVersion)
  return {
    kubeVersion,
    arch: archOrHost(rt.input('arch')),
    sourceDir: rt.input('source-dir', { required: true }),
    baseUrl: parseHttpUrl(rt.input('base-url', { default: 'https://dl.k8s.io' }), 'base-url', 'https://dl.k8s.io'),
    kubectlDir: rt.input('kubectl-dir'),
    base: rt.input('base', { default: SNAP_BASE }),
    outputDir: rt.input('output-dir', { default: 'snaps' }),
    artifactName: rt.input('artifact-name'),
    verify: parseBool(rt.input('verify'), 'verify', true),
  }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'source-dir': inputs.sourceDir, 'kubectl-dir': inputs.kubectlDir })
  const { arch } = inputs
  const source = await readCdkAddonsSource(inputs.sourceDir, 'source-dir')
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const version = await resolveKubeVersion(inputs.kubeVersion, inputs.baseUrl, (m) => rt.warning(m))
  validateSnapYaml(cdkAddonsSnapYaml(version, arch, inputs.base))
  rt.info(
    `cdk-addons ${snapVersion(version)} for ${arch.debian} (images: ${imageArch(arch)}) from ${inputs.sourceDir}: ${source.length} files`,
  )
  const epoch = sourceDateEpoch()
  const prov = new ProvenanceRecorder('build-cdk-addons-snap')
  await prov.checkout(inputs.sourceDir, 'cdk-addons')
  await withScratchDir(rt.tempRoot(), 'build-snaps-', async (work) => {
    const kubectl = await rt.group('Fetch and verify kubectl', async () => {
      const url = inputs.kubectlDir ? undefined : binaryUrl(inputs.baseUrl, version, arch, 'kubectl')
      const bin = await acquireBinary('kubectl', path.join(work, 'bin', 'kubectl'), {
        url,
        localDir: inputs.kubectlDir || undefined,
        localInput: 'kubectl-dir',
        cacheDir: rt.cacheRoot(),
        log: (m) => rt.warning(m),
      })
      if (url) prov.download(url, bin.sha256)
      else prov.localFile(path.join(inputs.kubectlDir, 'kubectl'), bin.sha256)
      if (!bin.sha256Verified) rt.warning(`kubectl: no kubectl.sha256 beside it in kubectl-dir; not checksum-verified`)
      let checks = ['verification off']
      if (inputs.verify) {
        const runner = await smokeRunner(rt, arch)
        checks = await verifyBinary(bin.path, 'kubectl', arch, runner, componentSmoke(KUBECTL, version))
      }
      rt.info(`kubectl: ${bin.origin}; ${checks.join('; ')}`)
      return bin.path
    })
    const built = await rt.group(`Render templates for ${arch.debian} and pack`, () =>
      packCdkAddonsSnap({ source, kubectl, version, arch, base: inputs.base, outDir, stageRoot: path.join(work, 'stage'), epoch }),
    )
    const templates = Object.entries(built.rendered)
    const withArch = templates.filter(([, n]) => n > 0)
    rt.info(
      `rendered {{ arch }} -> ${imageArch(arch)} in ${withArch.length} of ${templates.length} templates (${withArch.reduce((s, [, n]) => s + n, 0)} placeholders)`,
    )
    await publish(rt, {
      action: 'build-cdk-addons-snap',
      outDir,
      epoch,
      provenance: prov,
      parts: [arch.debian],
      artifactName: inputs.artifactName,
      artifacts: [{ file: built.snap, version: snapVersion(version), arch: arch.debian }],
      title: `${CDK_ADDONS} ${snapVersion(version)} for ${arch.debian}`,
      notes: `Templates: ${templates.length}, \`{{ arch }}\` rendered as \`${imageArch(arch)}\` in ${withArch.length}. Reproducible: SOURCE_DATE_EPOCH=${epoch}.`,
    })
    rt.output('snap', built.snap)
    rt.output('version', snapVersion(version))
    rt.output('arch', arch.debian)
  })
}

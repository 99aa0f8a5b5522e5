/**
 * How a build action hands over what it built, in one place: describe the artifacts → an SBOM beside each
 * (shared/sbom.ts) → the run's provenance statement (shared/provenance.ts) → SHA256SUMS + manifest.json
 * covering all of them → the workflow artifact → the outputs `manifest`, `sboms`, `provenance` → the summary.
 * `attest` is the first half alone, for actions that report their results themselves (the resource tarballs).
 */
import path from 'node:path'
import { type ManifestEntry, describeFiles, summaryTable, writeManifest } from './manifest.js'
import { type ProvenanceRecorder, builderVersion, writeProvenance } from './provenance.js'
import type { Runtime } from './runtime.js'
import { type BuildTool, writeSbom } from './sbom.js'

export interface PublishArtifact {
  file: string
  version: string
  arch?: string
  /** Package name in the SBOM; default: the file name without its extension. */
  packageName?: string
  /** The tools that made it (the SBOM lists each as BUILD_TOOL_OF it). */
  buildTools?: BuildTool[]
}

export interface AttestSpec {
  action: string
  outDir: string
  artifacts: PublishArtifact[]
  provenance: ProvenanceRecorder
  epoch: number
  /** Parts of the provenance file name after the action (the arches; a charm's name). */
  parts: string[]
}

export interface Attested {
  entries: ManifestEntry[]
  sboms: string[]
  provenance: string
}

export function sbomNamespaceBase(env = process.env): string {
  return env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
    : 'https://spdx.org/spdxdocs/build-snaps'
}

/** SBOMs and the provenance statement for the artifacts; sets the outputs `sboms` and `provenance`. */
export async function attest(rt: Runtime, spec: AttestSpec): Promise<Attested> {
  const t0 = performance.now()
  const entries = await describeFiles(
    spec.artifacts.map((a) => a.file),
    (f) => spec.artifacts.find((a) => a.file === f)?.arch,
  )
  const opts = {
    epoch: spec.epoch,
    tool: `build-snaps-${spec.action}-${builderVersion()}`,
    namespaceBase: sbomNamespaceBase(),
    tmpRoot: rt.tempRoot(),
    cacheDir: rt.cacheRoot(),
  }
  const sboms: string[] = []
  for (const [i, a] of spec.artifacts.entries()) {
    const subject = { version: a.version, arch: a.arch, packageName: a.packageName, sha256: entries[i].sha256 }
    sboms.push(await writeSbom(a.file, subject, { ...opts, buildTools: a.buildTools }))
  }
  const provenance = await writeProvenance(
    spec.outDir,
    spec.parts,
    entries.map((e) => ({ name: e.name, sha256: e.sha256 })),
    spec.provenance,
    { epoch: spec.epoch },
  )
  rt.info(
    `SBOMs (SPDX 2.3) and provenance (in-toto v1, SLSA v1, unsigned) for ${entries.length} artifacts in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${path.basename(provenance)}`,
  )
  rt.output('sboms', sboms)
  rt.output('provenance', provenance)
  return { entries, sboms, provenance }
}

export interface PublishSpec extends AttestSpec {
  /** Upload the artifacts, their SBOMs, the provenance and SHA256SUMS as one workflow artifact of this name. */
  artifactName?: string
  /** Summary heading, e.g. 'etcd 3.4.22 for s390x'. */
  title: string
  /** Summary text after the table. */
  notes?: string
}

export interface Published extends Attested {
  manifest: string
}

/** The whole hand-over of a snap action: attest → manifest → artifact → outputs → summary. */
export async function publish(rt: Runtime, spec: PublishSpec): Promise<Published> {
  const attested = await attest(rt, spec)
  const manifest = await writeManifest(spec.outDir, attested.entries)
  if (spec.artifactName) {
    const files = [...attested.entries.map((e) => e.file), ...attested.sboms, attested.provenance, manifest]
    rt.info(
      `uploaded ${attested.entries.length} artifacts with their SBOMs, provenance and SHA256SUMS to ${await rt.uploadArtifact(spec.artifactName, files, spec.outDir)}`,
    )
  }
  rt.output('manifest', manifest)
  for (const e of attested.entries) rt.info(`${e.sha256}  ${e.name}`)
  rt.summary(
    [`### ${spec.title}`, summaryTable(attested.entries), spec.notes ?? '', attestationNote(attested)].filter(Boolean).join('\n\n'),
  )
  return { ...attested, manifest }
}

/** The summary line naming the SBOMs and the provenance statement. */
export function attestationNote(a: Attested): string {
  return `SBOMs: ${a.sboms.map((s) => `\`${path.basename(s)}\``).join(', ')}. Provenance: \`${path.basename(a.provenance)}\` (unsigned; release.yml signs it on GitHub). Checksums: SHA256SUMS.`
}

/** attest for the arches of a per-arch build that succeeded (the resource tarballs); nothing when none did. */
export async function attestBuilt(
  rt: Runtime,
  spec: Omit<AttestSpec, 'artifacts' | 'parts'> & { version: string; results: Array<{ arch: { debian: string }; value?: string }> },
): Promise<Attested | undefined> {
  const ok = spec.results.filter((r) => r.value)
  if (!ok.length) return undefined
  const artifacts = ok.map((r) => ({ file: r.value!, version: spec.version, arch: r.arch.debian }))
  return attest(rt, { ...spec, artifacts, parts: spec.results.map((r) => r.arch.debian) })
}

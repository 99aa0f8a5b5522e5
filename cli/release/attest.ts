/** SBOMs, attestation records and checksums of what the jobs produced. */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../shared/errors.js'
import { describeFiles, writeManifest } from '../../shared/manifest.js'

// ---------------------------------------------------------------- SBOMs and attestations (the attesting jobs)

export interface SbomEntry {
  id: string
  /** The workflow artifact holding the SBOM (sbom-<arch>, sbom-charm-<name>). */
  artifact: string
  /** Path of the SBOM inside that artifact. */
  sbom: string
  /** The artifact file the SBOM describes. */
  subject: string
  digest: string
}

/** Every <file>.spdx.json under dir/<artifact>/, with its subject's sha256 from the SHA256SUMS beside it. */
export async function listSboms(dir: string): Promise<SbomEntry[]> {
  const out: SbomEntry[] = []
  if (!existsSync(dir)) return out
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    if (!rel.endsWith('.spdx.json')) continue
    const [artifact, ...inner] = rel.split(path.sep)
    const subject = path.basename(rel).replace(/\.spdx\.json$/, '')
    const sums = await readFile(path.join(dir, path.dirname(rel), 'SHA256SUMS'), 'utf8').catch(() => '')
    const hex = sums
      .split('\n')
      .map((l) => l.match(/^([0-9a-f]{64}) [ *](.+)$/))
      .find((m) => m?.[2] === subject)?.[1]
    if (!hex) throw new UserError(`${rel}: no sha256 for ${subject} in the SHA256SUMS beside it; the build action writes both`)
    out.push({ id: String(out.length + 1), artifact, sbom: inner.join('/'), subject, digest: `sha256:${hex}` })
  }
  return out
}

export interface AttestationRecord {
  kind: 'provenance' | 'sbom'
  url: string
  subjects: string[]
}

export const ARTIFACT_RE = /\.(snap|tgz|tar\.gz|charm)$/

/**
 * The charm job's "One SHA256SUMS for the collected files": each pack job wrote SHA256SUMS and manifest.json for
 * its own .charm (not uploaded); one pair covering every .charm collected, with their SBOMs and provenance.
 */
export async function collectedChecksums(dir: string): Promise<string> {
  if (!existsSync(dir)) throw new UserError(`--dir: ${dir} does not exist; download the pack jobs' artifacts into it first`)
  const charms = (await readdir(dir)).filter((f) => f.endsWith('.charm')).sort()
  if (charms.length === 0) throw new UserError(`--dir: no .charm file in ${dir}; its pack jobs uploaded none`)
  return writeManifest(dir, await describeFiles(charms.map((f) => path.join(dir, f))))
}

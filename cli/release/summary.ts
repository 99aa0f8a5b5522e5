/** The summary job: charm x base/arch -> revision, resource -> revision, and every artifact with size and sha256. */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { ARCHES } from '../../shared/arch.js'
import { charmArches } from '../../shared/charm/release.js'
import { type PackJob, showRoute } from '../../shared/charm/routes.js'
import { UserError } from '../../shared/errors.js'
import { describeFiles, humanSize } from '../../shared/manifest.js'
import type { CdkPlan, CharmPlan } from '../../shared/release/plan.js'
import type { ReleasedCharm } from '../../shared/release/bundles.js'
import { ARTIFACT_RE, type AttestationRecord } from './attest.js'

// ---------------------------------------------------------------- summary (the summary job)

export interface ArtifactRow {
  arch: string
  artifact: string
  file: string
  size: number
  sha256: string
  attestations: string[]
}

/**
 * The arch of a downloaded artifact: release-<arch>/...; for a .charm, every arch its manifest.yaml bases serve
 * ("amd64, arm64, s390x" for one multi-arch revision), else the _<arch>.charm / -<arch>.charm of its name.
 */
export async function artifactArch(dir: string, rel: string): Promise<string> {
  const release = rel.split('/')[0].match(/^release-(.+)$/)?.[1]
  if (release) return release
  const served = rel.endsWith('.charm') ? await charmArches(path.join(dir, rel)) : []
  if (served.length)
    return ARCHES.filter((a) => served.includes(a.debian))
      .map((a) => a.debian)
      .join(', ')
  return ARCHES.find((a) => new RegExp(`[-_]${a.debian}\\.charm$`).test(rel))?.debian ?? 'all'
}

/** Every artifact (snap, tarball, .charm, placeholder) under dir, in the layout of the downloaded workflow artifacts. */
export async function collectArtifacts(dir: string, attestations: AttestationRecord[] = []): Promise<ArtifactRow[]> {
  if (!existsSync(dir)) throw new UserError(`--dir: ${dir} does not exist; download the release artifacts into it first`)
  const rels = (await readdir(dir, { recursive: true })).map(String).sort()
  const files: string[] = []
  for (const r of rels) {
    const top = r.split(path.sep)[0]
    if (!/^(release-|charm-)/.test(top) || !ARTIFACT_RE.test(r)) continue
    if ((await stat(path.join(dir, r))).isFile()) files.push(r)
  }
  const described = await describeFiles(files.map((f) => path.join(dir, f)))
  const rows: ArtifactRow[] = []
  for (const [i, d] of described.entries()) {
    const name = path.basename(files[i])
    const att = attestations.filter((a) => a.subjects.includes(name)).map((a) => `[${a.kind}](${a.url})`)
    rows.push({
      arch: await artifactArch(dir, files[i]),
      artifact: name,
      file: files[i],
      size: d.size,
      sha256: d.sha256,
      attestations: att,
    })
  }
  const order = (a: string) => (a === 'all' ? 999 : ARCHES.findIndex((x) => x.debian === a.split(', ')[0]))
  return rows.sort((a, b) => order(a.arch) - order(b.arch) || a.artifact.localeCompare(b.artifact))
}

export async function readAttestations(dir: string): Promise<AttestationRecord[]> {
  const out: AttestationRecord[] = []
  if (!existsSync(dir)) return out
  for (const rel of (await readdir(dir, { recursive: true })).map(String)) {
    if (!rel.startsWith('attestations-') || !rel.endsWith('.json')) continue
    const doc = JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as AttestationRecord
    if (doc?.url && Array.isArray(doc.subjects)) out.push(doc)
  }
  return out
}

/** The file a charm's resource is attached from, for one arch (from the plan's resource lines). */
export function resourceFile(c: CharmPlan, resource: string, arch: string): string | undefined {
  for (const line of c.resources.split('\n').filter(Boolean)) {
    const i = line.indexOf('=')
    const [name, file] = [line.slice(0, i), line.slice(i + 1)]
    if (name.replace('{arch}', arch) === resource) return file.replaceAll('{arch}', arch)
    // cni-s390x is attached to the amd64 revision too (every declared resource is): its file is s390x's.
    const other = name.includes('{arch}') ? ARCHES.find((a) => name.replace('{arch}', a.debian) === resource) : undefined
    if (other) return file.replaceAll('{arch}', other.debian)
  }
  return undefined
}

export async function releaseTable(released: ReleasedCharm[], plan: CdkPlan | undefined, base: string): Promise<string[]> {
  const rows: string[] = []
  for (const r of released) {
    const c = plan?.charms.find((x) => x.charm === r.charm)
    for (const [key, b] of Object.entries(r.bases)) {
      const arch = key.split('/').at(-1)!
      const names = Object.keys(b.resources).sort()
      if (names.length === 0) rows.push(`| ${r.charm} | ${key} | ${b.revision} | - | - | - | - |`)
      for (const n of names) {
        const f = c && resourceFile(c, n, arch)
        const abs = f && path.resolve(base, f)
        const facts = abs && existsSync(abs) ? (await describeFiles([abs]))[0] : undefined
        const kept = c?.keep.split(' ').includes(n)
        rows.push(
          `| ${r.charm} | ${key} | ${b.revision} | ${n} | ${b.resources[n]} | ${facts ? humanSize(facts.size) : kept ? 'kept' : '-'} | ${facts ? `\`${facts.sha256}\`` : '-'} |`,
        )
      }
    }
  }
  return rows
}

/** The pack jobs' rows: each entry's route (hosted, lxd, self-hosted, emulated), an emulated one marked slow with the factor. */
export function packTable(packs: PackJob[]): string[] {
  return packs.map((p) => `| ${p.charm} | ${p.entry} | ${p['build-on']} | ${showRoute(p)} |`)
}

/** `--packs`: the plan job's packs output (`{"include": [...]}`), as the summary job is given it; '' is none. */
export function readPacks(json: string): PackJob[] {
  if (!json.trim()) return []
  try {
    const doc = JSON.parse(json) as { include?: unknown }
    if (Array.isArray(doc.include)) return doc.include as PackJob[]
  } catch {
    /* refused below */
  }
  throw new UserError(`--packs: not the plan job's packs output ({"include": [...]}); pass needs.plan.outputs.packs, or nothing`)
}

export function summaryMarkdown(
  title: string,
  notes: string[],
  releaseRows: string[],
  rows: ArtifactRow[],
  snapRows = '',
  packRows: string[] = [],
): string {
  const lines = rows.map(
    (r) =>
      `| ${r.arch} | ${r.artifact} | ${humanSize(r.size)}${r.size === 0 ? ' (placeholder)' : ''} | \`${r.sha256}\` | ${r.attestations.join(', ') || '-'} |`,
  )
  const arches = [...new Set(rows.flatMap((r) => r.arch.split(', ')).filter((a) => a !== 'all'))]
  return [
    `### ${title}`,
    '',
    ...notes.map((n) => `${n}  `),
    ...(snapRows ? ['', snapRows] : []),
    ...(packRows.length ? ['', '| charm | entry | build-on | route |', '|---|---|---|---|', ...packRows] : []),
    ...(releaseRows.length
      ? [
          '',
          '| charm | base/arch | revision | resource | resource revision | size | sha256 |',
          '|---|---|---|---|---|---|---|',
          ...releaseRows,
        ]
      : []),
    ...(rows.length
      ? [
          '',
          `${rows.length} artifacts for ${arches.length} architectures (${arches.join(', ')}).`,
          '',
          '| arch | artifact | size | sha256 | attestations |',
          '|---|---|---|---|---|',
          ...lines,
        ]
      : []),
  ].join('\n')
}

/** SHA256SUMS + manifest.json of everything a run produced. */
import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { sha256File, writeFileAtomic } from './files.js'

export interface ManifestEntry {
  file: string
  name: string
  size: number
  sha256: string
  arch?: string
}

export async function describeFiles(files: string[], archOf?: (f: string) => string | undefined): Promise<ManifestEntry[]> {
  return Promise.all(
    files.map(async (file) => ({
      file,
      name: path.basename(file),
      size: (await stat(file)).size,
      sha256: await sha256File(file),
      ...(archOf?.(file) ? { arch: archOf(file) } : {}),
    })),
  )
}

/** `sha256sum -c`-compatible lines, sorted by name. */
export function sha256sums(entries: ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => `${e.sha256}  ${e.name}\n`)
    .join('')
}

/**
 * Write SHA256SUMS and manifest.json into dir; returns the SHA256SUMS path. Entries of earlier runs into the
 * same directory (another arch, say) are kept while their files still exist, so the file covers the directory.
 */
export async function writeManifest(dir: string, given: ManifestEntry[]): Promise<string> {
  const sums = path.join(dir, 'SHA256SUMS')
  const entries = [...given, ...(await sidecars(dir, given))]
  const mine = new Set(entries.map((e) => e.name))
  const earlier = await readManifestJson(dir)
  const kept: ManifestEntry[] = []
  for (const e of earlier) {
    if (!mine.has(e.name) && (await stat(path.join(dir, e.name)).catch(() => undefined))?.size === e.size)
      kept.push({ ...e, file: path.join(dir, e.name) })
  }
  const all = [...kept, ...entries]
  await writeFileAtomic(sums, sha256sums(all))
  const json = [...all]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, size, sha256, arch }) => ({ name, size, sha256, ...(arch ? { arch } : {}) }))
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(json, null, 2) + '\n')
  return sums
}

/**
 * The attestation files beside the entries (shared/sbom.ts, shared/provenance.ts), so SHA256SUMS covers them:
 * each entry's `<name>.spdx.json` and every `provenance.*.intoto.json` in dir.
 */
async function sidecars(dir: string, entries: ManifestEntry[]): Promise<ManifestEntry[]> {
  const have = new Set(entries.map((e) => e.name))
  const names = await readdir(dir).catch(() => [] as string[])
  const arch = new Map(entries.map((e) => [`${e.name}.spdx.json`, e.arch]))
  const extra = names.filter((n) => !have.has(n) && (arch.has(n) || /^provenance\..+\.intoto\.json$/.test(n))).sort()
  return describeFiles(
    extra.map((n) => path.join(dir, n)),
    (f) => arch.get(path.basename(f)),
  )
}

async function readManifestJson(dir: string): Promise<ManifestEntry[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))
    return Array.isArray(parsed)
      ? (parsed as ManifestEntry[]).filter((e) => typeof e?.name === 'string' && typeof e?.sha256 === 'string')
      : []
  } catch {
    return []
  }
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(1)} ${units[i]}`
}

/** A markdown table of artifacts. */
export function summaryTable(entries: ManifestEntry[]): string {
  const rows = entries.map((e) => `| ${e.name} | ${e.arch ?? ''} | ${humanSize(e.size)} | \`${e.sha256.slice(0, 16)}…\` |`)
  return ['| file | arch | size | sha256 |', '|---|---|---|---|', ...rows].join('\n')
}

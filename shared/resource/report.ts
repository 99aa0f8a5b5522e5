/** What a resource action reports: outputs, SHA256SUMS and manifest.json, the summary, the per-arch failures. */
import { UserError, errorMessage } from '../errors.js'
import { type ManifestEntry, describeFiles, summaryTable, writeManifest } from '../manifest.js'
import type { Runtime } from '../runtime.js'
import type { ArchResult } from './per-arch.js'

/**
 * Report what was built: outputs `tarballs` and `sha256` (arch → path / digest) for the arches that
 * succeeded, SHA256SUMS + manifest.json, a summary table; then fail naming every arch that did not build.
 */
export async function reportResults(rt: Runtime, title: string, outDir: string, results: ArchResult<string>[]): Promise<ManifestEntry[]> {
  const ok = results.filter((r) => r.value)
  const entries = await describeFiles(
    ok.map((r) => r.value!),
    (f) => ok.find((r) => r.value === f)?.arch.debian,
  )
  if (entries.length) await writeManifest(outDir, entries)
  rt.output('tarballs', Object.fromEntries(ok.map((r) => [r.arch.debian, r.value])))
  rt.output('sha256', Object.fromEntries(entries.map((e) => [e.arch, e.sha256])))
  for (const e of entries) rt.info(`${e.sha256}  ${e.name}`)
  const times = results.map((r) => `${r.arch.debian} ${r.seconds.toFixed(1)} s`).join(', ')
  rt.summary(`### ${title}\n\n${entries.length ? summaryTable(entries) : 'Nothing was built.'}\n\nPer-arch time: ${times}.`)
  const failed = results.filter((r) => !r.value)
  if (failed.length) {
    for (const f of failed) rt.info(`${f.arch.debian}: ${errorMessage(f.error)}`)
    const built = ok.length ? `; built: ${ok.map((r) => r.arch.debian).join(', ')}` : ''
    const first = failed[0]
    if (failed.length === 1 && !(first.error instanceof UserError)) throw first.error
    throw new UserError(`failed for ${failed.map((f) => f.arch.debian).join(', ')}: ${errorMessage(first.error)}${built}`)
  }
  return entries
}

/**
 * `build-snaps verify-artifacts DIR`: the offline check of a directory of build outputs. Every artifact
 * (.snap, .tgz/.tar.gz, .charm) must have its SBOM (`<artifact>.spdx.json`) whose sha256 is the file's,
 * whose file list equals what is inside the artifact now (each file's sha256: catches content changed after
 * the build even when the outer digests were rewritten), and be a subject of a provenance statement
 * (`*.intoto.json`, in-toto Statement v1) with the same sha256; SHA256SUMS, when present, must agree.
 * Prints a table; exit code 1 on any difference.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { UserError, errorMessage } from '../shared/errors.js'
import { sha256File } from '../shared/files.js'
import { checkStatement } from '../shared/provenance.js'
import { artifactContents, artifactKind, readSbom, sbomPath } from '../shared/sbom.js'

export interface VerifyRow {
  artifact: string
  sha256: string
  sbom: string
  contents: string
  provenance: string
  sums: string
  ok: boolean
}

export interface VerifyReport {
  rows: VerifyRow[]
  /** Problems not tied to one artifact (an unreadable provenance statement). */
  problems: string[]
  ok: boolean
}

function bad(text: string): string {
  return `✗ ${text}`
}

export async function verifyArtifacts(dir: string, tmpRoot = tmpdir()): Promise<VerifyReport> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new UserError(`verify-artifacts: '${dir}' is not a directory; give the folder holding the artifacts and their .spdx.json files`)
  const names = (await readdir(dir)).sort()
  const problems: string[] = []
  const subjects = new Map<string, Map<string, string>>() // name → sha256 → statement file
  for (const n of names.filter((n) => /\.intoto\.jsonl?$/.test(n))) {
    try {
      const text = await readFile(path.join(dir, n), 'utf8')
      for (const line of n.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text]) {
        let doc = JSON.parse(line) as Record<string, unknown>
        // A DSSE envelope or a Sigstore bundle (signed on GitHub) carries the statement base64-encoded.
        const env = (doc.dsseEnvelope ?? doc) as Record<string, unknown>
        if (typeof env.payload === 'string') doc = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'))
        const p = checkStatement(doc)
        if (p.length) {
          problems.push(`${n}: not an in-toto Statement v1: ${p.join('; ')}`)
          continue
        }
        for (const s of doc.subject as Array<{ name: string; digest: { sha256?: string } }>) {
          if (!s.digest.sha256) continue
          const m = subjects.get(s.name) ?? new Map<string, string>()
          m.set(s.digest.sha256, n)
          subjects.set(s.name, m)
        }
      }
    } catch (e) {
      problems.push(`${n}: cannot read it (${errorMessage(e)})`)
    }
  }
  const sums = new Map<string, string>()
  const sumsText = await readFile(path.join(dir, 'SHA256SUMS'), 'utf8').catch(() => undefined)
  for (const line of sumsText?.split('\n') ?? []) {
    const m = line.match(/^([0-9a-f]{64})\s+\*?(.+)$/)
    if (m) sums.set(m[2], m[1])
  }

  const artifacts = names.filter((n) => artifactKind(n) && !n.endsWith('.spdx.json'))
  const rows: VerifyRow[] = []
  for (const name of artifacts) {
    const file = path.join(dir, name)
    const actual = await sha256File(file)
    const row: VerifyRow = { artifact: name, sha256: actual.slice(0, 16), sbom: '', contents: '', provenance: '', sums: '', ok: true }
    const fail = (k: 'sbom' | 'contents' | 'provenance' | 'sums', text: string) => {
      row[k] = bad(text)
      row.ok = false
    }
    const sbom = await readSbom(sbomPath(file)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : e))
    if (sbom === undefined) {
      fail('sbom', `missing ${name}.spdx.json`)
      row.contents = '-'
    } else if (sbom instanceof Error) {
      fail('sbom', `unreadable (${errorMessage(sbom)})`)
      row.contents = '-'
    } else {
      if (sbom.sha256 === actual) row.sbom = 'ok'
      else fail('sbom', `sha256 ${sbom.sha256?.slice(0, 16) ?? 'none'}… is not the file's`)
      try {
        const inside = await artifactContents(file, tmpRoot)
        const changed = inside.filter((f) => sbom.files.has(f.path) && sbom.files.get(f.path) !== f.sha256).map((f) => f.path)
        const extra = inside.filter((f) => !sbom.files.has(f.path)).map((f) => f.path)
        const have = new Set(inside.map((f) => f.path))
        const missing = [...sbom.files.keys()].filter((p) => !have.has(p))
        if (changed.length + extra.length + missing.length === 0) row.contents = `ok (${inside.length} files)`
        else {
          const parts = [
            changed.length ? `changed: ${changed.join(', ')}` : '',
            extra.length ? `not in SBOM: ${extra.join(', ')}` : '',
            missing.length ? `missing: ${missing.join(', ')}` : '',
          ].filter(Boolean)
          fail('contents', parts.join('; '))
        }
      } catch (e) {
        fail('contents', `cannot read it (${errorMessage(e)})`)
      }
    }
    const subj = subjects.get(name)
    if (!subj) fail('provenance', 'not a subject of any provenance statement')
    else if (subj.has(actual)) row.provenance = `ok (${subj.get(actual)})`
    else fail('provenance', `subject sha256 ${[...subj.keys()][0].slice(0, 16)}… is not the file's`)
    if (!sumsText) row.sums = '-'
    else if (!sums.has(name)) row.sums = 'not listed'
    else if (sums.get(name) === actual) row.sums = 'ok'
    else fail('sums', 'differs')
    rows.push(row)
  }
  for (const n of names.filter((n) => n.endsWith('.spdx.json'))) {
    const artifact = n.slice(0, -'.spdx.json'.length)
    if (!artifacts.includes(artifact))
      rows.push({ artifact, sha256: '-', sbom: 'present', contents: bad('the artifact is missing'), provenance: '-', sums: '-', ok: false })
  }
  if (rows.length === 0) throw new UserError(`verify-artifacts: no snaps, tarballs or charms in ${dir}`)
  return { rows, problems, ok: problems.length === 0 && rows.every((r) => r.ok) }
}

export function formatReport(r: VerifyReport): string {
  const head = ['artifact', 'sha256', 'SBOM', 'contents', 'provenance', 'SHA256SUMS']
  const body = r.rows.map((x) => [x.artifact, x.sha256, x.sbom, x.contents, x.provenance, x.sums])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...r.problems.map((p) => bad(p))]
  const failed = r.rows.filter((x) => !x.ok).length
  out.push(
    r.ok
      ? `\nAll ${r.rows.length} artifacts match their SBOMs and provenance.`
      : `\n${failed} of ${r.rows.length} artifacts differ${r.problems.length ? `, ${r.problems.length} statement problems` : ''}.`,
  )
  return out.join('\n')
}

export async function verifyArtifactsCli(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) throw new UserError('usage: build-snaps verify-artifacts DIR')
  const report = await verifyArtifacts(args[0])
  console.log(formatReport(report))
  return report.ok ? 0 : 1
}

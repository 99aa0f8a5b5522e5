/**
 * The SBOM beside every artifact: `<artifact>.spdx.json`, an SPDX 2.3 JSON document (spdx/spdx-spec
 * schemas/spdx-schema.json at tag v2.3) describing the artifact (name, version, sha256, purl
 * pkg:generic/<name>@<version>?arch=<arch>), every file in it (read back out of the finished snap, tarball
 * or charm, so what is listed is what ships), and for every Go binary its build info read from the binary
 * (shared/gobuildinfo.ts): a package for the main module (purl pkg:golang/...), the Go standard library
 * (pkg:golang/stdlib@<go version>) and each dependency with version and h1: sum, the build settings, and
 * the file's `go version -m` text as its comment. Deterministic: `created` is SOURCE_DATE_EPOCH, entries
 * sorted, so two builds of the same artifact give byte-identical SBOMs.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm } from 'node:fs/promises'
import path from 'node:path'
import { extractTarGz } from './archive.js'
import { UserError } from './errors.js'
import { run, which } from './exec.js'
import { type GoBuildInfo, formatGoVersionM, goPurl, readGoBuildInfo } from './gobuildinfo.js'
import { writeFileAtomic } from './files.js'

export type ArtifactKind = 'snap' | 'tarball' | 'charm'

export function artifactKind(file: string): ArtifactKind | undefined {
  if (file.endsWith('.snap')) return 'snap'
  if (/\.(tgz|tar\.gz)$/.test(file)) return 'tarball'
  if (file.endsWith('.charm')) return 'charm'
  return undefined
}

/** One file inside an artifact. */
export interface ContentFile {
  /** '/'-separated, relative to the artifact's root. */
  path: string
  size: number
  sha256: string
  sha1: string
  /** A symlink's target (its checksums are over the target text). */
  linkname?: string
  go?: GoBuildInfo
}

/** Unpack the artifact into a scratch directory under tmpRoot and list (and hash) every file in it, sorted. */
export async function artifactContents(file: string, tmpRoot: string): Promise<ContentFile[]> {
  const kind = artifactKind(file)
  if (!kind) throw new UserError(`${path.basename(file)}: not a snap, tarball or charm; cannot list its contents`)
  if (kind === 'snap' && (await lstat(file)).size === 0) return [] // the zero-byte placeholder snap
  return withUnpackedArtifact(file, tmpRoot, listTree)
}

/**
 * Unpack a snap (unsquashfs), tarball or charm (unzip) into a scratch directory under tmpRoot, run fn on the
 * unpacked root, and remove the scratch directory on every path. The one way the suite looks inside an
 * artifact (the SBOM's file list, the charm arch check of shared/charm/charm-arch.ts).
 */
export async function withUnpackedArtifact<T>(file: string, tmpRoot: string, fn: (root: string) => Promise<T>): Promise<T> {
  const kind = artifactKind(file)
  if (!kind) throw new UserError(`${path.basename(file)}: not a snap, tarball or charm; cannot unpack it`)
  const dir = await mkdtemp(path.join(tmpRoot, 'unpack-'))
  try {
    const x = path.join(dir, 'x')
    if (kind === 'tarball') {
      await extractTarGz(file, x)
    } else {
      const [tool, args] =
        kind === 'snap' ? ['unsquashfs', ['-q', '-n', '-no-xattrs', '-d', x, file]] : ['unzip', ['-q', '-o', file, '-d', x]]
      const bin = which(tool)
      if (!bin)
        throw new UserError(
          `${tool} is not installed; install ${tool === 'unsquashfs' ? 'squashfs-tools' : 'unzip'} (it unpacks the ${kind} to list and check its files)`,
        )
      const res = await run(bin, args as string[], { allowFailure: true })
      if (res.exitCode !== 0)
        throw new UserError(
          `${path.basename(file)}: cannot unpack it with ${tool} (exit ${res.exitCode}): ${(res.stderr || res.stdout).trim().split('\n').slice(-1)[0] ?? ''}`,
        )
    }
    return await fn(x)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Every file and symlink under root (directories are implied), hashed, Go build info read, sorted by path. */
export async function listTree(root: string): Promise<ContentFile[]> {
  const out: ContentFile[] = []
  const names = ((await readdir(root, { recursive: true })) as string[]).sort()
  for (const rel of names) {
    const abs = path.join(root, rel)
    const st = await lstat(abs)
    const p = rel.split(path.sep).join('/')
    if (st.isSymbolicLink()) {
      const target = await readlink(abs)
      out.push({ path: p, size: Buffer.byteLength(target), ...digests(Buffer.from(target)), linkname: target })
    } else if (st.isFile()) {
      const d = await fileDigests(abs)
      const go = await readGoBuildInfo(abs)
      out.push({ path: p, size: st.size, ...d, ...(go ? { go } : {}) })
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function digests(data: Buffer): { sha256: string; sha1: string } {
  return { sha256: createHash('sha256').update(data).digest('hex'), sha1: createHash('sha1').update(data).digest('hex') }
}

/** sha256 and sha1 of a file in one read. */
export async function fileDigests(file: string): Promise<{ sha256: string; sha1: string }> {
  const a = createHash('sha256')
  const b = createHash('sha1')
  for await (const chunk of createReadStream(file)) {
    a.update(chunk as Buffer)
    b.update(chunk as Buffer)
  }
  return { sha256: a.digest('hex'), sha1: b.digest('hex') }
}

// ---------------------------------------------------------------- the SPDX document

export interface SbomSubject {
  /** The artifact's file name. */
  name: string
  /** Package name; defaults to a snap's name (before the first _), else the file name without extension. */
  packageName?: string
  version: string
  sha256: string
  arch?: string
  kind: ArtifactKind
}

export interface SbomOptions {
  /** SOURCE_DATE_EPOCH. */
  epoch: number
  /** `Tool: <creator>`, e.g. build-snaps-build-k8s-snaps-1.0.0. */
  tool: string
  /** Base of documentNamespace, e.g. https://github.com/OWNER/REPO. */
  namespaceBase: string
  /** Tools that made the artifact (charmcraft in the emulated pack): a package each, BUILD_TOOL_OF the artifact. */
  buildTools?: BuildTool[]
}

/** A tool that made an artifact: its name and the version that ran, a package URL, how it was had. */
export interface BuildTool {
  name: string
  version: string
  purl?: string
  /** The program's sha256, when it was a file given to the build (a mounted charmcraft). */
  sha256?: string
  /** How it was installed and where it ran, one line. */
  comment: string
}

type Json = Record<string, unknown>

const PURPOSE: Record<ArtifactKind, string> = { snap: 'APPLICATION', tarball: 'ARCHIVE', charm: 'APPLICATION' }

export function purlGeneric(name: string, version: string, arch?: string): string {
  return `pkg:generic/${encodeURIComponent(name)}${version ? `@${encodeURIComponent(version)}` : ''}${arch ? `?arch=${encodeURIComponent(arch)}` : ''}`
}

function purlRef(locator: string): Json {
  return { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator }
}

/** SPDX 2.3 package verification code: sha1 over the sorted sha1s of the package's files (spec clause 7.9). */
function verificationCode(files: ContentFile[]): string {
  return createHash('sha1')
    .update(
      files
        .map((f) => f.sha1)
        .sort()
        .join(''),
    )
    .digest('hex')
}

function idPart(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]+/g, '-')
}

/** The SPDX 2.3 JSON document for one artifact and its files. */
export function spdxDocument(subject: SbomSubject, files: ContentFile[], opts: SbomOptions): Json {
  const created = new Date(opts.epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  // A snap file is <name>_<version>_<arch>.snap (snapcraft's and snap pack's naming).
  const pkgName =
    subject.packageName ??
    (subject.kind === 'snap' ? subject.name.split('_')[0].replace(/\.snap$/, '') : subject.name.replace(/\.(charm|tgz|tar\.gz)$/, ''))
  const artifactId = 'SPDXRef-Package-artifact'
  const packages: Json[] = [
    {
      SPDXID: artifactId,
      name: pkgName,
      ...(subject.version ? { versionInfo: subject.version } : {}),
      packageFileName: subject.name,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: files.length > 0,
      ...(files.length ? { packageVerificationCode: { packageVerificationCodeValue: verificationCode(files) } } : {}),
      checksums: [{ algorithm: 'SHA256', checksumValue: subject.sha256 }],
      primaryPackagePurpose: PURPOSE[subject.kind],
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      externalRefs: [purlRef(purlGeneric(pkgName, subject.version, subject.arch))],
      ...(subject.arch ? { comment: `architecture: ${subject.arch}` } : {}),
    },
  ]
  const relationships: Json[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId }]
  for (const [i, t] of (opts.buildTools ?? []).entries()) {
    const id = `SPDXRef-Package-build-tool-${i}-${idPart(t.name)}`
    packages.push({
      SPDXID: id,
      name: t.name,
      versionInfo: t.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      ...(t.sha256 ? { checksums: [{ algorithm: 'SHA256', checksumValue: t.sha256 }] } : {}),
      primaryPackagePurpose: 'APPLICATION',
      ...(t.purl ? { externalRefs: [purlRef(t.purl)] } : {}),
      comment: t.comment,
    })
    relationships.push({ spdxElementId: id, relationshipType: 'BUILD_TOOL_OF', relatedSpdxElement: artifactId })
  }
  const spdxFiles: Json[] = []
  files.forEach((f, i) => {
    const fileId = `SPDXRef-File-${i}-${idPart(f.path)}`.slice(0, 200)
    const entry: Json = {
      SPDXID: fileId,
      fileName: `./${f.path}`,
      checksums: [
        { algorithm: 'SHA1', checksumValue: f.sha1 },
        { algorithm: 'SHA256', checksumValue: f.sha256 },
      ],
      fileTypes: [f.go ? 'BINARY' : 'OTHER'],
      licenseConcluded: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
    }
    if (f.linkname !== undefined) entry.comment = `symlink to ${f.linkname}`
    relationships.push({ spdxElementId: artifactId, relationshipType: 'CONTAINS', relatedSpdxElement: fileId })
    if (f.go) {
      entry.comment = formatGoVersionM(`./${f.path}`, f.go)
      packages.push(...goPackages(f.go, i, fileId, relationships))
    }
    spdxFiles.push(entry)
  })
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: subject.name,
    documentNamespace: `${opts.namespaceBase.replace(/\/+$/, '')}/spdx/${encodeURIComponent(subject.name)}-${subject.sha256}`,
    creationInfo: { created, creators: [`Tool: ${opts.tool}`] },
    documentDescribes: [artifactId],
    packages,
    files: spdxFiles,
    relationships,
  }
}

/** The Go packages of one binary: main module, stdlib, dependencies; the file GENERATED_FROM main, main DEPENDS_ON the rest. */
function goPackages(go: GoBuildInfo, i: number, fileId: string, relationships: Json[]): Json[] {
  const mainId = `SPDXRef-Package-go-${i}-main`
  const main = go.main ?? { path: go.path, version: '', sum: '' }
  const settings = go.settings.map((s) => `build\t${s.key}=${s.value}`).join('\n')
  const out: Json[] = [
    {
      SPDXID: mainId,
      name: main.path || go.path,
      versionInfo: main.version || 'NOASSERTION',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'APPLICATION',
      externalRefs: [purlRef(goPurl(main.path || go.path, main.version))],
      summary: `main package ${go.path || '(unknown)'}, built with ${go.goVersion}`,
      comment: [`path\t${go.path}`, ...(main.sum ? [`sum\t${main.sum}`] : []), settings].filter(Boolean).join('\n'),
    },
    {
      SPDXID: `SPDXRef-Package-go-${i}-stdlib`,
      name: 'stdlib',
      versionInfo: go.goVersion,
      downloadLocation: 'https://go.dev/dl/',
      filesAnalyzed: false,
      primaryPackagePurpose: 'LIBRARY',
      externalRefs: [purlRef(`pkg:golang/stdlib@${go.goVersion.replace(/^go/, '')}`)],
    },
  ]
  relationships.push({ spdxElementId: fileId, relationshipType: 'GENERATED_FROM', relatedSpdxElement: mainId })
  relationships.push({ spdxElementId: mainId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: `SPDXRef-Package-go-${i}-stdlib` })
  go.deps.forEach((d, j) => {
    const id = `SPDXRef-Package-go-${i}-dep-${j}`
    const notes = [
      d.sum ? `sum\t${d.sum}` : '',
      d.replace ? `replaced by\t${d.replace.path}\t${d.replace.version}\t${d.replace.sum}`.trimEnd() : '',
    ].filter(Boolean)
    out.push({
      SPDXID: id,
      name: d.path,
      versionInfo: d.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'LIBRARY',
      externalRefs: [purlRef(goPurl(d.path, d.version))],
      ...(notes.length ? { comment: notes.join('\n') } : {}),
    })
    relationships.push({ spdxElementId: mainId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: id })
  })
  return out
}

/**
 * artifactContents, kept under cacheDir by the artifact's sha256 (content-addressed, so exact): a warm build
 * that reuses a cached snap does not unpack and hash it again. verify-artifacts never uses it.
 */
async function cachedContents(file: string, sha256: string, tmpRoot: string, cacheDir?: string): Promise<ContentFile[]> {
  const cached = cacheDir && /^[0-9a-f]{64}$/.test(sha256) ? path.join(cacheDir, 'sbom-contents', `${sha256}.json`) : undefined
  if (cached) {
    const hit = await readFile(cached, 'utf8').then(
      (t) => JSON.parse(t) as ContentFile[],
      () => undefined,
    )
    if (hit) return hit
  }
  const files = await artifactContents(file, tmpRoot)
  if (cached) {
    await mkdir(path.dirname(cached), { recursive: true })
    await writeFileAtomic(cached, JSON.stringify(files))
  }
  return files
}

/** `<artifact>.spdx.json` beside the artifact. */
export function sbomPath(artifact: string): string {
  return `${artifact}.spdx.json`
}

/** Write the SBOM of file (whose sha256 is known) beside it; returns its path. */
export async function writeSbom(
  file: string,
  subject: Omit<SbomSubject, 'name' | 'kind'> & { kind?: ArtifactKind },
  opts: SbomOptions & { tmpRoot: string; cacheDir?: string },
): Promise<string> {
  const kind = subject.kind ?? artifactKind(file)
  if (!kind) throw new Error(`writeSbom: ${file} is not a snap, tarball or charm`)
  const files = await cachedContents(file, subject.sha256, opts.tmpRoot, opts.cacheDir)
  const doc = spdxDocument({ ...subject, kind, name: path.basename(file) }, files, opts)
  const dest = sbomPath(file)
  await writeFileAtomic(dest, JSON.stringify(doc, null, 2) + '\n')
  return dest
}

/** Read an SBOM back: the artifact package's sha256 and the files' sha256 by path. */
export async function readSbom(file: string): Promise<{ name: string; sha256?: string; files: Map<string, string> }> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as Json
  const describes = (doc.documentDescribes as string[] | undefined)?.[0]
  const pkg = (doc.packages as Json[] | undefined)?.find((p) => p.SPDXID === describes)
  const sha = (pkg?.checksums as Json[] | undefined)?.find((c) => c.algorithm === 'SHA256')?.checksumValue as string | undefined
  const files = new Map<string, string>()
  for (const f of (doc.files as Json[] | undefined) ?? []) {
    const s = (f.checksums as Json[]).find((c) => c.algorithm === 'SHA256')?.checksumValue as string | undefined
    files.set(String(f.fileName).replace(/^\.\//, ''), s ?? '')
  }
  return { name: String(doc.name), sha256: sha, files }
}

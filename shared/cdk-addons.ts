/**
 * The cdk-addons snap (docs/upstream.md#cdk-addons-and-etcd-snaps): a cdk-addons build directory (the `apply` script, `templates/`,
 * `meta/hooks/`, packed like snapcraft's dump plugin does) plus the target's kubectl, with `{{ arch }}` in the
 * templates rendered for the target at build time. Image names use Go spellings (armhf → arm, ppc64el →
 * ppc64le), so the arch table's Go column is what goes in. Every other Jinja placeholder is left for `apply`
 * to render at run time.
 */
import { lstat, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from './arch.js'
import { UserError } from './errors.js'
import { SNAP_BASE, snapFileName, snapVersion } from './k8s.js'
import { type StagedFile, checkSkeleton, packSnap, stageSnap } from './snap/pack.js'
import type { SnapYaml } from './snap/snapyaml.js'

export const CDK_ADDONS = 'cdk-addons'

/** `{{ arch }}`, `{{arch}}`, `{{- arch -}}`: the one placeholder rendered at build time. */
const ARCH_PLACEHOLDER = /\{\{-?\s*arch\s*-?\}\}/g

/** The image architecture of a target: upstream images use Go names. */
export function imageArch(arch: Arch): string {
  return arch.go
}

/** Render `{{ arch }}` in one template; returns the text and how many placeholders were replaced. */
export function renderArchTemplate(text: string, arch: Arch): { text: string; replaced: number } {
  let replaced = 0
  const out = text.replace(ARCH_PLACEHOLDER, () => {
    replaced++
    return imageArch(arch)
  })
  return { text: out, replaced }
}

export interface SourceFile {
  /** Path inside the build directory (and the snap), with forward slashes. */
  rel: string
  full: string
  executable: boolean
}

/** Not packed from a build directory: VCS data, a snap.yaml (we write our own), and the kubectl we replace. */
function excluded(rel: string): boolean {
  return (
    rel === '.git' ||
    rel.startsWith('.git/') ||
    rel === 'meta/snap.yaml' ||
    rel === 'snap' ||
    rel.startsWith('snap/') ||
    rel === 'kubectl' ||
    /\.snap$/.test(rel)
  )
}

async function walk(root: string, rel: string, inputName: string, out: SourceFile[]): Promise<void> {
  const here = path.join(root, rel)
  for (const name of (await readdir(here)).sort()) {
    const r = rel ? `${rel}/${name}` : name
    if (excluded(r)) continue
    const full = path.join(root, r)
    const st = await lstat(full)
    if (st.isDirectory()) await walk(root, r, inputName, out)
    else if (st.isFile()) out.push({ rel: r, full, executable: (st.mode & 0o111) !== 0 })
    else
      throw new UserError(
        `${inputName}: '${r}' in ${root} is not a regular file or directory (a symlink?); replace it with the file itself`,
      )
  }
}

/**
 * Read a cdk-addons build directory: `apply` (executable), `templates/` (at least one file), optional
 * `meta/hooks/*`, and anything else beside them, as the dump plugin would pack it.
 */
export async function readCdkAddonsSource(dir: string, inputName = 'source-dir'): Promise<SourceFile[]> {
  const root = path.resolve(dir)
  const st = await lstat(root).catch(() => undefined)
  if (!st?.isDirectory())
    throw new UserError(
      `${inputName}: '${dir}' is not a directory; point it at a cdk-addons build directory (apply, templates/, meta/hooks/)`,
    )
  const files: SourceFile[] = []
  await walk(root, '', inputName, files)
  const apply = files.find((f) => f.rel === 'apply')
  if (!apply) {
    const nested = (await lstat(path.join(root, 'cdk-addons', 'apply')).catch(() => undefined))?.isFile()
    const hint = nested
      ? `; it has cdk-addons/apply: run 'make prep' and use build/, or point ${inputName} at ${path.join(dir, 'cdk-addons')} with templates/ beside apply`
      : ''
    throw new UserError(
      `${inputName}: '${dir}' has no apply script; point it at a cdk-addons build directory (apply, templates/, meta/hooks/)${hint}`,
    )
  }
  if (!apply.executable) throw new UserError(`${inputName}: '${apply.full}' is not executable; chmod +x it (the snap's apply app runs it)`)
  if (!files.some((f) => f.rel.startsWith('templates/'))) {
    throw new UserError(
      `${inputName}: '${dir}' has no templates/ with addon manifests; run cdk-addons' get-addon-templates (make prep) first`,
    )
  }
  for (const h of files.filter((f) => f.rel.startsWith('meta/hooks/'))) {
    if (!h.executable) throw new UserError(`${inputName}: hook '${h.full}' is not executable; chmod +x it (snapd runs hooks directly)`)
  }
  return files
}

export function cdkAddonsSnapYaml(version: string, arch: Arch, base = SNAP_BASE): SnapYaml {
  return {
    name: CDK_ADDONS,
    version: snapVersion(version),
    summary: 'Addons for Charmed Kubernetes',
    description: `Addons for Charmed Kubernetes ${version} on ${arch.debian}: addon manifests (images for ${imageArch(arch)}), the apply script and kubectl, packed by build-snaps.`,
    architectures: [arch.debian],
    base,
    confinement: 'strict',
    grade: 'stable',
    apps: { apply: { command: 'apply', plugs: ['home', 'network'] } },
  }
}

export interface CdkAddonsBuild {
  /** The snap's path in outDir. */
  snap: string
  /** Template path → placeholders rendered in it. */
  rendered: Record<string, number>
  files: number
}

export interface CdkAddonsParams {
  source: SourceFile[]
  kubectl: string
  version: string
  arch: Arch
  base?: string
  outDir: string
  stageRoot: string
  epoch: number
}

/** Stage the build directory with rendered templates and the target's kubectl, check and pack it. */
export async function packCdkAddonsSnap(p: CdkAddonsParams): Promise<CdkAddonsBuild> {
  const rendered: Record<string, number> = {}
  const files: StagedFile[] = [{ path: 'kubectl', source: p.kubectl, executable: true }]
  for (const f of p.source) {
    if (f.rel.startsWith('templates/')) {
      const r = renderArchTemplate(await readFile(f.full, 'utf8'), p.arch)
      rendered[f.rel] = r.replaced
      files.push({ path: f.rel, content: r.text, executable: f.executable })
    } else {
      files.push({ path: f.rel, source: f.full, executable: f.executable })
    }
  }
  const dir = path.join(p.stageRoot, `${CDK_ADDONS}-${p.arch.debian}`)
  await stageSnap(dir, cdkAddonsSnapYaml(p.version, p.arch, p.base), files, p.epoch)
  await checkSkeleton(dir, CDK_ADDONS)
  const snap = path.join(p.outDir, snapFileName(CDK_ADDONS, p.version, p.arch))
  await packSnap(dir, snap, p.epoch)
  return { snap, rendered, files: files.length }
}

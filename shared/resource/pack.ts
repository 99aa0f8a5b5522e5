/** The resource tarball: its file name, BUILD_INFO, the deterministic tar.gz and the charm's size floor. */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from '../arch.js'
import { type TarInput, writeTarGz } from '../archive.js'
import { UserError } from '../errors.js'
import { expandTemplate } from '../inputs.js'
import type { Runtime } from '../runtime.js'

/** The charms refuse a CNI or flannel resource smaller than this (docs/upstream.md#cni-resource, #flannel-resource). */
export const CHARM_SIZE_FLOOR = 1_000_000

export interface BuildInfo {
  /** First line, e.g. 'cni-s390x v1.1.1'. */
  title: string
  epoch: number
  /** Further 'key: value' lines. */
  lines: Array<[string, string]>
}

/** BUILD_INFO in the charm build script's shape (docs/upstream.md#cni-resource), deterministic: the date is SOURCE_DATE_EPOCH. */
export function renderBuildInfo(info: BuildInfo): string {
  const built = new Date(info.epoch * 1000).toISOString().replace('.000Z', 'Z')
  return [info.title, `Built ${built}`, ...info.lines.map(([k, v]) => `${k}: ${v}`)].join('\n') + '\n'
}

/** The build-snaps commit that produced a resource: GITHUB_SHA on a runner, else unknown. */
export function buildScriptCommit(action: string): string {
  return `${process.env.GITHUB_SHA || 'unknown'} (build-snaps ${action})`
}

/** Write the resource tarball; warn when it is under the charm's floor. Returns its path. */
export async function packResource(rt: Runtime, dest: string, entries: TarInput[], epoch: number, resource: string): Promise<string> {
  await writeTarGz(dest, entries, { mtime: epoch, label: path.basename(dest) })
  const size = (await stat(dest)).size
  if (size < CHARM_SIZE_FLOOR) {
    rt.warning(
      `${path.basename(dest)} is ${size} bytes, under the ${CHARM_SIZE_FLOOR}-byte floor below which the charm refuses the ${resource} resource ("Incomplete ${resource} resource")`,
    )
  }
  return dest
}

/** Output filename from a template; must stay a plain file name. */
export function outputName(template: string, arch: Arch, version: string, inputName = 'filename'): string {
  const name = expandTemplate(template, { arch: arch.debian, 'go-arch': arch.go, version }, inputName)
  if (!name || name.includes('/') || name === '.' || name === '..')
    throw new UserError(`${inputName}: '${name}' is not a plain file name; use e.g. cni-{arch}.tgz`)
  return name
}

/** One output name per arch; a template giving two arches the same name is refused. */
export function outputNames(template: string, arches: Arch[], version: string, inputName = 'filename'): Map<Arch, string> {
  const names = new Map(arches.map((a) => [a, outputName(template, a, version, inputName)]))
  if (new Set(names.values()).size < names.size)
    throw new UserError(`${inputName}: '${template}' gives the same name for several arches; put {arch} in it`)
  return names
}

/**
 * The snapcraft mode, for projects that really need snapcraft (stage-packages and the like): run the user's
 * snapcraft project for each target with `snapcraft pack --build-for=<arch>`, or all targets at once with
 * `snapcraft remote-build --build-for=<a>,<b>` on Launchpad, then collect the .snap files it wrote and check
 * each one's meta/snap.yaml names the architecture asked for.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from './arch.js'
import { UserError } from './errors.js'
import { copyAtomic, exists } from './files.js'
import { inspectSnap } from './snap/inspect.js'

export type SnapcraftMode = 'pack' | 'remote-build'

export function parseMode(value: string, inputName = 'mode'): SnapcraftMode {
  const v = value.trim() || 'pack'
  if (v !== 'pack' && v !== 'remote-build')
    throw new UserError(`${inputName}: '${value}' is not a snapcraft mode; use pack or remote-build`)
  return v
}

/** Where snapcraft looks for the project file, in its order. */
export const PROJECT_FILES = ['snap/snapcraft.yaml', 'snapcraft.yaml', '.snapcraft.yaml', 'build-aux/snap/snapcraft.yaml']

export async function findProjectFile(dir: string, inputName = 'project-dir'): Promise<string> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new UserError(`${inputName}: '${dir}' is not a directory; point it at your snapcraft project`)
  for (const f of PROJECT_FILES) if (await exists(path.join(dir, f))) return path.join(dir, f)
  throw new UserError(
    `${inputName}: '${dir}' has no snapcraft project (${PROJECT_FILES.join(', ')}); point it at the directory that holds snap/snapcraft.yaml`,
  )
}

/** remote-build pushes the project with git: it must be the top of a full (not shallow) clone. */
export async function checkRemoteBuildRepo(dir: string, inputName = 'project-dir'): Promise<void> {
  if (!(await exists(path.join(dir, '.git')))) {
    throw new UserError(
      `${inputName}: '${dir}' is not the top of a git repository; snapcraft remote-build uploads the project with git (use actions/checkout, and point ${inputName} at the repository root)`,
    )
  }
  if (await exists(path.join(dir, '.git', 'shallow'))) {
    throw new UserError(
      `${inputName}: '${dir}' is a shallow clone, which snapcraft remote-build cannot push; check out with fetch-depth: 0`,
    )
  }
}

export interface Invocation {
  args: string[]
  /** The architectures this invocation builds. */
  arches: Arch[]
}

/** The snapcraft calls for a mode: one pack per target, or one remote-build for all of them. */
export function snapcraftInvocations(mode: SnapcraftMode, arches: Arch[], extra: string[], acceptPublicUpload: boolean): Invocation[] {
  if (mode === 'pack') return arches.map((a) => ({ args: ['pack', `--build-for=${a.debian}`, ...extra], arches: [a] }))
  const accept = acceptPublicUpload ? ['--launchpad-accept-public-upload'] : []
  return [{ args: ['remote-build', `--build-for=${arches.map((a) => a.debian).join(',')}`, ...accept, ...extra], arches }]
}

/** Name → "size:mtime" of the .snap files in dir, to tell what a snapcraft run wrote. */
export async function snapFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.snap')) continue
    const st = await stat(path.join(dir, name))
    if (st.isFile()) out.set(name, `${st.size}:${st.mtimeMs}`)
  }
  return out
}

/** The .snap files that are new or rewritten since `before`. */
export function writtenSince(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([name, sig]) => before.get(name) !== sig)
    .map(([name]) => name)
    .sort()
}

export interface CollectedSnap {
  file: string
  name: string
  version: string
  /** The snap's architectures (a Debian name, or `all`). */
  arch: string
}

/** Check the snaps one invocation wrote: each for an architecture it was asked to build, every target covered. */
export async function checkSnaps(projectDir: string, names: string[], inv: Invocation, command: string): Promise<CollectedSnap[]> {
  const asked = inv.arches.map((a) => a.debian)
  if (names.length === 0) throw new UserError(`${command} wrote no .snap into ${projectDir}; see its output above`)
  const found: CollectedSnap[] = []
  for (const name of names) {
    const file = path.join(projectDir, name)
    const info = await inspectSnap(file, name)
    if (info.size === 0) throw new UserError(`${command} wrote an empty ${name}; see its output above`)
    const wrong = info.architectures.filter((a) => a !== 'all' && !asked.includes(a))
    if (wrong.length > 0 || info.architectures.length === 0) {
      throw new UserError(
        `${command} wrote ${name} for ${info.architectures.join(', ') || 'no architecture'}, not for ${asked.join(', ')}; check platforms/architectures in snapcraft.yaml`,
      )
    }
    found.push({ file, name: String(info.yaml?.name ?? ''), version: String(info.yaml?.version ?? ''), arch: info.architectures.join(',') })
  }
  const covered = new Set(found.flatMap((f) => f.arch.split(',')))
  const missing = asked.filter((a) => !covered.has(a) && !covered.has('all'))
  if (missing.length > 0)
    throw new UserError(
      `${command} wrote no snap for ${missing.join(', ')} (it wrote ${names.join(', ')}); check platforms/architectures in snapcraft.yaml`,
    )
  return found
}

/** Move checked snaps from the project into outDir (once every invocation succeeded). */
export async function moveSnaps(snaps: CollectedSnap[], outDir: string): Promise<CollectedSnap[]> {
  const moved: CollectedSnap[] = []
  for (const f of snaps) {
    const dest = path.join(outDir, path.basename(f.file))
    if (path.resolve(f.file) !== dest) {
      await rename(f.file, dest).catch(async () => {
        await copyAtomic(f.file, dest)
        await rm(f.file, { force: true })
      })
    }
    moved.push({ ...f, file: dest })
  }
  return moved
}

/** Go checkouts given as inputs: the directory check, a per-arch copy for parallel builds, the git commit, the files a build wrote. */
import { cp, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { run } from '../exec.js'
import { exists } from '../files.js'

/** A checkout given as an input: must be a directory. */
export async function checkoutDir(dir: string, inputName: string): Promise<string> {
  const abs = path.resolve(dir)
  const st = await stat(abs).catch(() => undefined)
  if (!st?.isDirectory()) throw new UserError(`${inputName}: '${dir}' is not a directory; give the path of a checkout`)
  return abs
}

/**
 * The tree to build arch in: a copy of srcDir per arch (without .git and build outputs) when builds run in
 * parallel, so scripts that write into the tree (bin/, gopath/) do not collide; srcDir itself otherwise.
 */
export async function archTree(srcDir: string, workDir: string, arch: Arch, copy: boolean, outputs: string[] = ['bin']): Promise<string> {
  if (!copy) {
    for (const o of outputs) await rm(path.join(srcDir, o), { recursive: true, force: true })
    return srcDir
  }
  const dest = path.join(workDir, `src-${arch.debian}`)
  await rm(dest, { recursive: true, force: true })
  const skip = new Set(['.git', ...outputs].map((o) => path.join(srcDir, o)))
  await cp(srcDir, dest, { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(src) })
  return dest
}

/**
 * Whether a checkout can be copied per arch: module mode (go.mod, and build-env does not set GO111MODULE=off).
 * A GOPATH layout resolves imports by where it sits, so it builds in place, one arch at a time.
 */
export async function copyableTree(srcDir: string, buildEnv: Record<string, string>): Promise<boolean> {
  return (await exists(path.join(srcDir, 'go.mod'))) && buildEnv.GO111MODULE !== 'off'
}

/** Regular files directly in dir, sorted. */
export async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return names
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort()
}

/** Git HEAD of dir when dir is the top of a git checkout, else undefined. */
export async function gitCommit(dir: string): Promise<string | undefined> {
  if (!(await exists(path.join(dir, '.git')))) return undefined
  const res = await run('git', ['-C', dir, 'rev-parse', 'HEAD'], { allowFailure: true })
  return res.exitCode === 0 ? res.stdout.trim() : undefined
}

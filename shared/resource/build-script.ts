/** An upstream build script run with the cross-compile environment. */
import type { Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { run } from '../exec.js'
import { type GoCache, type GoToolchain, goBuildEnv } from '../golang.js'

export interface ScriptSpec {
  /** argv of the build, run in tree (e.g. ['bash', './build_linux.sh'] or ['bash', '-e', '-c', cmd]). */
  argv: string[]
  tree: string
  arch: Arch
  go: GoToolchain
  cache?: GoCache
  env?: Record<string, string>
  label: string
}

/** Run an upstream build script with the cross-compile environment; a failure names the label and the last lines. */
export async function runBuildScript(spec: ScriptSpec): Promise<void> {
  const [program, ...args] = spec.argv
  const res = await run(program, args, { cwd: spec.tree, env: goBuildEnv(spec.go, spec.arch, spec.cache, spec.env), allowFailure: true })
  if (res.exitCode !== 0) {
    const tail = (res.stderr || res.stdout).trim().split('\n').slice(-4).join(' | ')
    throw new UserError(`${spec.label}: \`${spec.argv.join(' ')}\` failed (exit ${res.exitCode})${tail ? `: ${tail}` : ''}`)
  }
}

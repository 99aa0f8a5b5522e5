/**
 * Run a target binary once, as a smoke test: natively when the host can, else through a registered binfmt_misc
 * handler (docker/setup-qemu-action's), else under qemu-<arch>-static (or qemu-<arch>) on PATH, else, on a
 * runner, after installing qemu-user-static. Builds never run here: only the finished binary does.
 *
 * The input smoke-run (every action that smoke-runs has it) says what happens when none of these works:
 * required (the default on a runner) fails the step with one line; auto (the default elsewhere) builds on
 * with a warning; skip runs nothing. Every binary that was not run is listed in the job summary.
 */
import { type Arch, hostArch } from './arch.js'
import { type BinfmtEntry, binfmtHandler, elfHeaderFor, readBinfmt } from './binfmt.js'
import { UserError } from './errors.js'
import { run, which } from './exec.js'
import { recordNotRun } from './not-run.js'

export type Runner =
  | { kind: 'native' }
  | { kind: 'binfmt'; handler: string; interpreter: string }
  | { kind: 'qemu'; emulator: string }
  | { kind: 'none'; reason: string }

export type SmokePolicy = 'auto' | 'required' | 'skip'
export const SMOKE_POLICIES: readonly SmokePolicy[] = ['auto', 'required', 'skip']

/** The smoke-run input: empty means required on a runner (GITHUB_ACTIONS=true), auto elsewhere. */
export function parseSmokePolicy(value: string, onRunner = process.env.GITHUB_ACTIONS === 'true'): SmokePolicy {
  const v = value.trim().toLowerCase()
  if (v === '') return onRunner ? 'required' : 'auto'
  if ((SMOKE_POLICIES as readonly string[]).includes(v)) return v as SmokePolicy
  throw new UserError(
    `smoke-run: '${value}' is not one of ${SMOKE_POLICIES.join(', ')}; use required (fail when a binary cannot be run), auto (build on with a warning) or skip`,
  )
}

/** Native only on a host of the same architecture (an arm64 host may run armhf, but that is not assumed). */
export function nativeFor(arch: Arch): boolean {
  try {
    return hostArch() === arch
  } catch {
    return false
  }
}

/** Decide how to run a binary of arch on this host: native, a binfmt_misc handler, or qemu on PATH. Installs nothing. */
export function findRunner(arch: Arch, pathEnv = process.env.PATH ?? '', binfmt: BinfmtEntry[] = readBinfmt()): Runner {
  if (nativeFor(arch)) return { kind: 'native' }
  const handler = binfmtHandler(elfHeaderFor(arch), binfmt)
  if (handler) return { kind: 'binfmt', handler: handler.name, interpreter: handler.interpreter }
  for (const name of [`${arch.qemu}-static`, arch.qemu]) {
    const found = which(name, pathEnv)
    if (found) return { kind: 'qemu', emulator: found }
  }
  return {
    kind: 'none',
    reason: `no enabled binfmt_misc handler matches ${arch.debian} ELF files and neither ${arch.qemu}-static nor ${arch.qemu} is on PATH`,
  }
}

let installed: Promise<boolean> | undefined

/** apt-get update, then apt-get install qemu-user-static; once per process. */
function installQemu(log: (m: string) => void): Promise<boolean> {
  installed ??= (async () => {
    const apt = which('apt-get')
    if (!apt) return false
    const [cmd, ...pre] = [...(process.getuid?.() === 0 ? [] : ['sudo', '-n']), apt]
    const env = { DEBIAN_FRONTEND: 'noninteractive' }
    log('installing qemu-user-static (apt-get update, apt-get install) to smoke-run foreign binaries')
    const update = await run(cmd, [...pre, 'update', '-qq'], { allowFailure: true, env })
    if (update.exitCode !== 0) return false
    const inst = await run(cmd, [...pre, 'install', '-y', '-qq', 'qemu-user-static'], { allowFailure: true, env })
    return inst.exitCode === 0
  })()
  return installed
}

/**
 * How to run arch's binaries under the policy. On a runner (GITHUB_ACTIONS=true, BUILD_SNAPS_NO_INSTALL unset)
 * a missing emulator is installed first. When nothing works: required throws one line naming the input and
 * the fix; auto and skip return kind 'none' with the reason.
 */
export async function ensureRunner(arch: Arch, policy: SmokePolicy, log: (m: string) => void): Promise<Runner> {
  if (policy === 'skip') return { kind: 'none', reason: 'smoke-run is skip' }
  let r = findRunner(arch)
  if (r.kind === 'none' && process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL) {
    const ok = await installQemu(log)
    r = findRunner(arch)
    if (r.kind === 'none') r = { kind: 'none', reason: `${r.reason}${ok ? '' : '; installing qemu-user-static failed'}` }
  }
  if (r.kind === 'none' && policy === 'required') {
    throw new UserError(
      `smoke-run: cannot run ${arch.debian} binaries here (${r.reason}); set up QEMU before this step (docker/setup-qemu-action, or install qemu-user-static), or set smoke-run: auto to build without running them`,
    )
  }
  return r
}

export interface SmokeResult {
  ran: boolean
  /** 'natively', 'through binfmt_misc qemu-s390x', 'under qemu-s390x-static', or 'skipped: <reason>'. */
  how: string
  exitCode: number
  output: string
}

/** Run binary with args under the given runner and capture what it printed; never throws on a non-zero exit. */
export async function smokeRun(
  binary: string,
  args: string[],
  runner: Runner,
  env: Record<string, string> = {},
  arch = '',
): Promise<SmokeResult> {
  if (runner.kind === 'none') {
    recordNotRun(binary, arch, runner.reason)
    return { ran: false, how: `skipped: ${runner.reason}`, exitCode: 0, output: '' }
  }
  const [program, argv, how] =
    runner.kind === 'native'
      ? [binary, args, 'natively']
      : runner.kind === 'binfmt'
        ? [binary, args, `through binfmt_misc ${runner.handler}`]
        : [runner.emulator, [binary, ...args], `under ${runner.emulator.split('/').pop()}`]
  const res = await run(program, argv, { env, allowFailure: true })
  return { ran: true, how, exitCode: res.exitCode, output: (res.stdout + res.stderr).trim() }
}

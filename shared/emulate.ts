/**
 * Run a target binary once, as a smoke test: natively when the host can, else under
 * qemu-<arch>-static (or qemu-<arch>). Builds never run here: only the finished binary does.
 */
import { type Arch, hostArch } from './arch.js'
import { run, which } from './exec.js'

export type Runner = { kind: 'native' } | { kind: 'qemu'; emulator: string } | { kind: 'none'; reason: string }

/** Native only on a host of the same architecture (an arm64 host may run armhf, but that is not assumed). */
function nativeFor(arch: Arch): boolean {
  try {
    return hostArch() === arch
  } catch {
    return false
  }
}

/** Decide how to run a binary of arch on this host (PATH lookup only; nothing is installed here). */
export function findRunner(arch: Arch, pathEnv = process.env.PATH ?? ''): Runner {
  if (nativeFor(arch)) return { kind: 'native' }
  for (const name of [`${arch.qemu}-static`, arch.qemu]) {
    const found = which(name, pathEnv)
    if (found) return { kind: 'qemu', emulator: found }
  }
  return { kind: 'none', reason: `neither ${arch.qemu}-static nor ${arch.qemu} is on PATH (install qemu-user-static)` }
}

let installTried = false

/**
 * Find a runner, and on a GitHub runner try once to install qemu-user-static with apt when it is missing.
 * Returns kind 'none' (with the reason) when no emulator is present and none could be installed.
 */
export async function ensureRunner(arch: Arch, log: (m: string) => void): Promise<Runner> {
  const r = findRunner(arch)
  if (r.kind !== 'none' || installTried || process.env.GITHUB_ACTIONS !== 'true' || process.env.BUILD_SNAPS_NO_INSTALL) return r
  installTried = true
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n']
  const apt = which('apt-get')
  if (!apt) return r
  log(`installing qemu-user-static to smoke-run ${arch.debian} binaries`)
  const [cmd, ...pre] = [...sudo, apt]
  const ok = await run(cmd, [...pre, 'install', '-y', '-qq', 'qemu-user-static'], {
    allowFailure: true,
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (ok.exitCode !== 0) return { kind: 'none', reason: `${r.reason}; installing qemu-user-static failed` }
  return findRunner(arch)
}

export interface SmokeResult {
  ran: boolean
  /** 'native', 'under qemu-s390x-static', or 'skipped: <reason>'. */
  how: string
  exitCode: number
  output: string
}

/** Run binary with args under the given runner and capture what it printed; never throws on a non-zero exit. */
export async function smokeRun(binary: string, args: string[], runner: Runner, env: Record<string, string> = {}): Promise<SmokeResult> {
  if (runner.kind === 'none') return { ran: false, how: `skipped: ${runner.reason}`, exitCode: 0, output: '' }
  const [program, argv, how] =
    runner.kind === 'native'
      ? [binary, args, 'natively']
      : [runner.emulator, [binary, ...args], `under ${runner.emulator.split('/').pop()}`]
  const res = await run(program, argv, { env, allowFailure: true })
  return { ran: true, how, exitCode: res.exitCode, output: (res.stdout + res.stderr).trim() }
}

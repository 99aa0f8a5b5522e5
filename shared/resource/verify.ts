/** The checks every resource binary gets: ELF arch of each, smoke runs natively or under qemu. */
import type { Arch } from '../arch.js'
import { assertElfArch, readElfHeader } from '../elf.js'
import { type Runner, ensureRunner, parseSmokePolicy } from '../emulate.js'
import { UserError } from '../errors.js'
import type { Runtime } from '../runtime.js'
import { type SmokeSpec, verifyBinary } from '../verify.js'

/** Check the ELF arch of every ELF file and smoke-run the chosen ones; returns what was checked. */
export async function verifyBinaries(
  files: Array<{ name: string; path: string }>,
  arch: Arch,
  runner: Runner,
  smoke: Record<string, SmokeSpec>,
  label: string,
): Promise<string[]> {
  const lines: string[] = []
  let binaries = 0
  for (const f of files) {
    const elf = await readElfHeader(f.path)
    if (!elf) continue
    binaries++
    const spec = smoke[f.name]
    if (spec) lines.push(`${f.name}: ${(await verifyBinary(f.path, `${label}: ${f.name}`, arch, runner, spec)).join('; ')}`)
    else await assertElfArch(f.path, arch, `${label}: ${f.name}`)
  }
  if (binaries === 0)
    throw new UserError(
      `${label}: no binaries found (${files.map((f) => f.name).join(', ') || 'nothing'}); the build produced nothing to pack`,
    )
  lines.unshift(`${binaries} binaries, each ELF ${arch.debian}`)
  return lines
}

/**
 * How to run a target's binaries under the input smoke-run (shared/emulate.ts): fails the step with one line
 * when they cannot be run and smoke-run is required; warns when they will not be run.
 */
export async function smokeRunner(rt: Runtime, arch: Arch): Promise<Runner> {
  const runner = await ensureRunner(arch, parseSmokePolicy(rt.input('smoke-run')), (m) => rt.info(m))
  if (runner.kind === 'none') rt.warning(`smoke runs skipped for ${arch.debian}: ${runner.reason}; ELF checks still apply`)
  return runner
}

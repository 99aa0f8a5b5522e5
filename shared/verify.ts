/** Verification every produced binary goes through: ELF architecture, then one smoke run. */
import type { Arch } from './arch.js'
import { assertElfArch } from './elf.js'
import { type Runner, smokeRun } from './emulate.js'
import { UserError } from './errors.js'

export interface SmokeSpec {
  args: string[]
  /** Substring the output must contain (e.g. the version). */
  expect?: string
  env?: Record<string, string>
}

/** Check file's ELF arch and smoke-run it; returns short lines saying what was checked. */
export async function verifyBinary(file: string, label: string, arch: Arch, runner: Runner, smoke: SmokeSpec): Promise<string[]> {
  await assertElfArch(file, arch, label)
  const done = [`ELF ${arch.debian}`]
  const res = await smokeRun(file, smoke.args, runner, smoke.env, arch.debian)
  if (!res.ran) return [...done, `smoke run ${res.how}`]
  const said = res.output.split('\n').slice(-2).join(' | ').slice(0, 200)
  if (res.exitCode !== 0) {
    throw new UserError(
      `${label}: smoke run \`${smoke.args.join(' ')}\` ${res.how} failed for ${arch.debian} (exit ${res.exitCode})${said ? `: ${said}` : ''}`,
    )
  }
  if (smoke.expect && !res.output.includes(smoke.expect)) {
    throw new UserError(
      `${label}: smoke run \`${smoke.args.join(' ')}\` ${res.how} printed '${res.output.split('\n')[0].slice(0, 120)}', expected it to mention ${smoke.expect}`,
    )
  }
  return [...done, `ran ${res.how}: ${res.output.split('\n')[0].slice(0, 80)}`]
}

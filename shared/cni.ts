/** containernetworking/plugins: which build script a checkout has, and the smoke run every plugin answers. */
import path from 'node:path'
import { UserError } from './errors.js'
import { exists } from './files.js'
import type { SmokeSpec } from './verify.js'

/** A CNI plugins checkout's own build: build-command, else build_linux.sh (v0.8.0+), else build.sh (older tags). */
export async function cniBuildArgv(srcDir: string, buildCommand: string, inputName: string): Promise<string[]> {
  if (buildCommand) return ['bash', '-e', '-c', buildCommand]
  for (const script of ['build_linux.sh', 'build.sh']) if (await exists(path.join(srcDir, script))) return ['bash', `./${script}`]
  throw new UserError(
    `${inputName}: no build_linux.sh or build.sh in ${srcDir}; is it a containernetworking/plugins checkout? Or set build-command`,
  )
}

/** The smoke run every CNI plugin answers. */
export const CNI_VERSION_SMOKE: SmokeSpec = { args: [], env: { CNI_COMMAND: 'VERSION' }, expect: 'supportedVersions' }

/** The plugin to smoke-run: `bridge`, else the first binary. */
export function smokePlugin(names: string[]): string {
  return names.includes('bridge') ? 'bridge' : names[0]
}

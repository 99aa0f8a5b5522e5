/**
 * build-snapcraft: for projects that really need snapcraft (stage-packages and the like). Runs the user's
 * snapcraft project once per target with `snapcraft pack --build-for=<arch>`, or once for all targets with
 * `snapcraft remote-build --build-for=<a>,<b>` (Launchpad builds natively), collects the .snap files it writes,
 * checks each is for an architecture asked for, and writes SHA256SUMS.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { type Arch, archesOrHost } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { run, which } from '../../shared/exec.js'
import { ensureWritableDir, writeFileAtomic, withScratchDir } from '../../shared/files.js'
import { parseBool } from '../../shared/inputs.js'
import { ProvenanceRecorder, actionInputs } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import type { Runtime } from '../../shared/runtime.js'
import {
  type CollectedSnap,
  type SnapcraftMode,
  checkRemoteBuildRepo,
  checkSnaps,
  findProjectFile,
  moveSnaps,
  parseMode,
  snapFiles,
  snapcraftInvocations,
  writtenSince,
} from '../../shared/snapcraft.js'
import { checkInputPaths } from '../../shared/paths.js'

export interface Inputs {
  projectDir: string
  arches: Arch[]
  mode: SnapcraftMode
  extraArgs: string[]
  launchpadCredentials: string
  acceptPublicUpload: boolean
  outputDir: string
  artifactName: string
}

export function getInputs(rt: Runtime): Inputs {
  const mode = parseMode(rt.input('mode', { default: 'pack' }))
  const extraArgs = rt.input('snapcraft-args').split(/\s+/).filter(Boolean)
  if (extraArgs.some((a) => a.startsWith('--build-for'))) throw new UserError('snapcraft-args: drop --build-for; the arch input sets it')
  const acceptPublicUpload = parseBool(rt.input('accept-public-upload'), 'accept-public-upload', false)
  if (mode === 'remote-build' && !acceptPublicUpload && !extraArgs.some((a) => a.startsWith('--project'))) {
    throw new UserError(
      'accept-public-upload: remote-build uploads the project publicly to Launchpad; set accept-public-upload: true, or pass --project <private Launchpad project> in snapcraft-args',
    )
  }
  return {
    projectDir: path.resolve(rt.input('project-dir', { default: '.' })),
    arches: archesOrHost(rt.input('arch')),
    mode,
    extraArgs,
    launchpadCredentials: rt.secretInput('launchpad-credentials'),
    acceptPublicUpload,
    outputDir: rt.input('output-dir', { default: 'snaps' }),
    artifactName: rt.input('artifact-name'),
  }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'project-dir': inputs.projectDir })
  const projectFile = await findProjectFile(inputs.projectDir, 'project-dir')
  if (inputs.mode === 'remote-build') await checkRemoteBuildRepo(inputs.projectDir, 'project-dir')
  const snapcraft = which('snapcraft')
  if (!snapcraft)
    throw new UserError(
      'snapcraft is not installed; install it first (sudo snap install snapcraft --classic; pack also needs LXD, or --destructive-mode in snapcraft-args)',
    )
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  await withScratchDir(rt.tempRoot(), 'build-snaps-', async (work) => {
    const env: Record<string, string> = {}
    if (inputs.launchpadCredentials) {
      const dataHome = path.join(work, 'xdg-data')
      await mkdir(path.join(dataHome, 'snapcraft'), { recursive: true })
      await writeFileAtomic(path.join(dataHome, 'snapcraft', 'launchpad-credentials'), inputs.launchpadCredentials + '\n', 0o600)
      env.XDG_DATA_HOME = dataHome
    }
    rt.info(
      `snapcraft ${inputs.mode} of ${path.relative(inputs.projectDir, projectFile)} in ${inputs.projectDir} for ${inputs.arches.map((a) => a.debian).join(', ')}`,
    )
    const checked: CollectedSnap[] = []
    for (const inv of snapcraftInvocations(inputs.mode, inputs.arches, inputs.extraArgs, inputs.acceptPublicUpload)) {
      const command = `snapcraft ${inv.args.join(' ')}`
      await rt.group(command, async () => {
        const before = await snapFiles(inputs.projectDir)
        const res = await run(snapcraft, inv.args, { cwd: inputs.projectDir, env, allowFailure: true })
        for (const line of (res.stdout + res.stderr).trim().split('\n')) if (line) rt.info(line)
        if (res.exitCode !== 0) {
          const tail = (res.stderr || res.stdout).trim().split('\n').slice(-3).join(' | ')
          throw new UserError(`${command} failed (exit ${res.exitCode}): ${tail}`)
        }
        const found = await checkSnaps(inputs.projectDir, writtenSince(before, await snapFiles(inputs.projectDir)), inv, command)
        for (const s of found) rt.info(`${path.basename(s.file)}: ${s.name} ${s.version} for ${s.arch}`)
        checked.push(...found)
      })
    }
    const snaps = await moveSnaps(checked, outDir)
    const prov = new ProvenanceRecorder('build-snapcraft', actionInputs(process.env, ['launchpad-credentials']))
    await prov.checkout(inputs.projectDir, 'project')
    await publish(rt, {
      action: 'build-snapcraft',
      outDir,
      epoch: sourceDateEpoch(),
      provenance: prov,
      parts: inputs.arches.map((a) => a.debian),
      artifactName: inputs.artifactName,
      artifacts: snaps.map((s) => ({ file: s.file, version: s.version, arch: s.arch, packageName: s.name })),
      title: `snapcraft ${inputs.mode}: ${snaps.length} snaps`,
    })
    rt.output(
      'snaps',
      snaps.map((s) => s.file),
    )
  })
}

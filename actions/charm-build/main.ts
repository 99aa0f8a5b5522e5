/**
 * charm-build: check a charm source (metadata.yaml / charmcraft.yaml parse, names, resources, every layer.yaml
 * include present locally or named for fetching), then build it with charmcraft or charm-tools. In release.yml
 * each pack job packs one `bases`/`platforms` entry (bases-index / platform) on a runner of its build-on arch.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { hostArch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir } from '../../shared/files.js'
import { parseBool, splitList } from '../../shared/inputs.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import type { Runtime } from '../../shared/runtime.js'
import { run } from '../../shared/exec.js'
import {
  buildCharm,
  charmcraftChannel,
  charmToolsManifest,
  checkLayerIncludes,
  chooseBuilder,
  destructiveFor,
  ensurePackTool,
  runnerHost,
} from '../../shared/charm/build.js'
import { checkPackedCharms } from '../../shared/charm/charm-arch.js'
import { loadCharm, readYaml } from '../../shared/charm/metadata.js'
import { charmEntries } from '../../shared/charm/routes.js'
import { checkInputPaths } from '../../shared/paths.js'
import { type ContainerInputs, packCharmInContainer } from '../../shared/charm/container.js'

export interface Inputs {
  charmPath: string
  builder: string
  layersDir?: string
  interfacesDir?: string
  outputDir: string
  charmcraftChannel: string
  destructiveMode: string
  basesIndex: string
  platform: string
  arches: string[]
  container: ContainerInputs
}

export function getInputs(rt: Runtime): Inputs {
  const dir = (name: string) => (rt.input(name) ? path.resolve(rt.input(name)) : undefined)
  const destructiveMode = rt.input('destructive-mode', { default: 'true' })
  if (destructiveMode !== 'auto') parseBool(destructiveMode, 'destructive-mode', true)
  const basesIndex = rt.input('bases-index')
  if (basesIndex && !/^\d+$/.test(basesIndex)) throw new UserError(`bases-index: '${basesIndex}' is not an index (0, 1, ...)`)
  return {
    charmPath: rt.input('charm-path', { default: '.' }),
    builder: rt.input('builder', { default: 'auto' }),
    layersDir: dir('layers-dir'),
    interfacesDir: dir('interfaces-dir'),
    outputDir: rt.input('output-dir', { default: 'charms' }),
    charmcraftChannel: rt.input('charmcraft-channel'),
    destructiveMode,
    basesIndex,
    platform: rt.input('platform'),
    arches: splitList(rt.input('arches', { default: 'amd64' })),
    container: {
      containerPlatform: rt.input('container-platform'),
      containerImage: rt.input('container-image'),
      charmcraftPath: rt.input('charmcraft-path'),
      containerNetwork: rt.input('container-network'),
    },
  }
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  await checkInputPaths({ 'charm-path': inputs.charmPath }, 'any')
  await checkInputPaths({ 'layers-dir': inputs.layersDir, 'interfaces-dir': inputs.interfacesDir })
  const charm = await loadCharm(inputs.charmPath, 'charm-path')
  const builder = await chooseBuilder(charm.dir, inputs.builder)
  for (const [name, dir] of [
    ['layers-dir', inputs.layersDir],
    ['interfaces-dir', inputs.interfacesDir],
  ] as const) {
    if (dir && !(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UserError(`${name}: '${dir}' is not a directory`)
  }
  if (builder === 'charm') {
    const includes = await checkLayerIncludes(charm.dir, inputs.layersDir, inputs.interfacesDir)
    rt.info(`layer.yaml includes of ${charm.name}:`)
    for (const i of includes) rt.info(`  ${i.include}: ${i.local ? `local ${i.local}` : 'fetched by the builder'}`)
  }
  rt.info(`charm ${charm.name}: ${charm.resources.length} resources (${charm.resources.map((r) => r.name).join(', ') || 'none'})`)
  const metadata = await readYaml(path.join(charm.dir, 'metadata.yaml'))
  let destructive = inputs.destructiveMode !== 'false'
  if (builder === 'charmcraft' && inputs.destructiveMode === 'auto') {
    const host = await runnerHost(process.env, hostArch().debian)
    const entries = charmEntries(charm.name, await readYaml(path.join(charm.dir, 'charmcraft.yaml')), metadata, builder, inputs.arches)
    destructive = destructiveFor(entries, inputs, host)
    rt.info(`this runner: ${host.arch}, Ubuntu ${host.release || '(unknown)'}: ${destructive ? 'destructive mode' : 'LXD managed mode'}`)
  }
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const channel = builder === 'charmcraft' ? await charmcraftChannel(charm.dir, inputs.charmcraftChannel) : undefined
  if (channel) rt.info(`charmcraft channel ${channel.channel} (${channel.from})`)
  const prov = new ProvenanceRecorder('charm-build')
  // The emulated route (container-platform): a linux/<arch> container under QEMU instead of this machine's charmcraft.
  const contained = inputs.container.containerPlatform
    ? await packCharmInContainer(rt, { ...inputs.container, ...inputs, channel: channel?.channel, builder, metadata }, charm, outDir, prov)
    : undefined
  const tool = contained
    ? ''
    : await ensurePackTool(
        builder,
        channel?.channel ?? (inputs.charmcraftChannel || 'latest/stable'),
        channel?.from === '.charmcraft-channel',
        (m) => rt.info(m),
      )
  const epoch = sourceDateEpoch()
  const charms =
    contained?.charms ??
    (await rt.group(`Build ${charm.name} with ${builder}`, () =>
      buildCharm(tool, builder, charm, outDir, {
        destructiveMode: destructive,
        layersDir: inputs.layersDir,
        interfacesDir: inputs.interfacesDir,
        ...(inputs.basesIndex ? { basesIndex: inputs.basesIndex } : {}),
        ...(inputs.platform ? { platform: inputs.platform } : {}),
        // charm-tools writes no manifest.yaml: Charmhub needs one to tell jammy and later apart.
        manifest: async (built) => {
          if (await stat(path.join(built, 'manifest.yaml')).catch(() => undefined)) return
          const series = Array.isArray(metadata?.series) ? metadata.series.map(String) : ['jammy']
          const version = JSON.parse((await run(tool, ['version', '--format', 'json'])).stdout) as Record<string, { version?: string }>
          const doc = charmToolsManifest(series, inputs.arches, version['charm-tools']?.version ?? '', epoch)
          await writeFile(path.join(built, 'manifest.yaml'), stringify(doc))
          rt.info(`manifest.yaml: bases ${series.join(', ')} x ${inputs.arches.join(', ')}`)
        },
      }),
    ))
  for (const c of charms) rt.info(`built ${c}`)
  // Every charm checked for its arch before it is published, on every route; a refused pack leaves nothing in output-dir.
  await checkPackedCharms(charms, { ...inputs, name: charm.name, dir: charm.dir, builder }, rt.tempRoot(), (m) => rt.info(m))
  await prov.checkout(charm.dir, charm.name)
  const version = (await readFile(path.join(charm.dir, 'version'), 'utf8').catch(() => '')).trim()
  await publish(rt, {
    action: 'charm-build',
    outDir,
    epoch,
    provenance: prov,
    parts: [charm.name],
    artifacts: charms.map((file) => ({ file, version, packageName: charm.name, buildTools: contained?.buildTools })),
    title: `Charm ${charm.name} (${builder})`,
    notes: contained?.notes,
  })
  rt.output('charms', charms)
  rt.output('name', charm.name)
  rt.output('resources', charm.resources)
}

/**
 * charm-build: check a charm source (metadata.yaml / charmcraft.yaml parse, names, resources, every layer.yaml
 * include present locally or named for fetching), then build it with charmcraft or charm-tools.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir } from '../../shared/files.js'
import { parseBool } from '../../shared/inputs.js'
import { ProvenanceRecorder } from '../../shared/provenance.js'
import { publish } from '../../shared/publish.js'
import { sourceDateEpoch } from '../../shared/epoch.js'
import type { Runtime } from '../../shared/runtime.js'
import { buildCharm, checkLayerIncludes, chooseBuilder } from '../../shared/charm/build.js'
import { loadCharm } from '../../shared/charm/metadata.js'
import { ensureTool } from '../../shared/charm/store.js'
import { checkInputPaths } from '../../shared/paths.js'

export interface Inputs {
  charmPath: string
  builder: string
  layersDir?: string
  interfacesDir?: string
  outputDir: string
  charmcraftChannel: string
  destructiveMode: boolean
}

export function getInputs(rt: Runtime): Inputs {
  const dir = (name: string) => (rt.input(name) ? path.resolve(rt.input(name)) : undefined)
  return {
    charmPath: rt.input('charm-path', { default: '.' }),
    builder: rt.input('builder', { default: 'auto' }),
    layersDir: dir('layers-dir'),
    interfacesDir: dir('interfaces-dir'),
    outputDir: rt.input('output-dir', { default: 'charms' }),
    charmcraftChannel: rt.input('charmcraft-channel', { default: 'latest/stable' }),
    destructiveMode: parseBool(rt.input('destructive-mode'), 'destructive-mode', true),
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
  const outDir = await ensureWritableDir(inputs.outputDir, 'output-dir')
  const tool = await ensureTool(builder, inputs.charmcraftChannel, (m) => rt.info(m))
  const charms = await rt.group(`Build ${charm.name} with ${builder}`, () =>
    buildCharm(tool, builder, charm, outDir, {
      destructiveMode: inputs.destructiveMode,
      layersDir: inputs.layersDir,
      interfacesDir: inputs.interfacesDir,
    }),
  )
  for (const c of charms) rt.info(`built ${c}`)
  const prov = new ProvenanceRecorder('charm-build')
  await prov.checkout(charm.dir, charm.name)
  const version = (await readFile(path.join(charm.dir, 'version'), 'utf8').catch(() => '')).trim()
  await publish(rt, {
    action: 'charm-build',
    outDir,
    epoch: sourceDateEpoch(),
    provenance: prov,
    parts: [charm.name],
    artifacts: charms.map((file) => ({ file, version, packageName: charm.name })),
    title: `Charm ${charm.name} (${builder})`,
  })
  rt.output('charms', charms)
  rt.output('name', charm.name)
  rt.output('resources', charm.resources)
}

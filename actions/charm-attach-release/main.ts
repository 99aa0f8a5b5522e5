/**
 * charm-attach-release: upload a charm and every architecture's resources, then release them to a channel
 * with the revisions this run got back (never "the newest row"). Everything is checked before the first
 * upload; a re-run uploads nothing new and releases only when the channel differs; dry-run shows the plan.
 */
import path from 'node:path'
import { parseArches, type Arch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { parseBool, splitList } from '../../shared/inputs.js'
import { describeFiles } from '../../shared/manifest.js'
import type { Runtime } from '../../shared/runtime.js'
import { isCharmName, type CharmResource } from '../../shared/charm/metadata.js'
import { checkResourceCoverage, parseChannel, parseResourceLines, planCommands, planLegacyCommands, showCommand, type Channel, type ResourceFile } from '../../shared/charm/plan.js'
import { checkResourceFiles, executeRelease, filesTable, readCharmFile, type ReleaseRequest } from '../../shared/charm/release.js'
import { CharmhubStore, CharmstoreStore, ensureTool, legacyUrl, type Store } from '../../shared/charm/store.js'
import { checkInputPaths } from '../../shared/paths.js'

export interface Inputs {
  charm: string
  channel: Channel
  store: 'charmhub' | 'charmstore'
  namespace: string
  charmcraftChannel: string
  credentials: string
  resources: ResourceFile[]
  arches: Arch[]
  keep: string[]
  revision?: number
  dryRun: boolean
}

export function getInputs(rt: Runtime): Inputs {
  const store = rt.input('store', { default: 'charmhub' })
  if (store !== 'charmhub' && store !== 'charmstore') throw new UserError(`store: '${store}' is not a store; use charmhub (default) or charmstore`)
  const credentials = rt.secretInput('credentials')
  const archText = rt.input('arches')
  const arches = archText ? parseArches(archText, 'arches') : []
  const revText = rt.input('revision')
  if (revText && !/^[1-9][0-9]*$/.test(revText)) throw new UserError(`revision: '${revText}' is not a revision number; use a positive integer`)
  const keep = splitList(rt.input('keep-resources'))
  if (keep.length > 0 && store === 'charmstore') throw new UserError('keep-resources: only supported with store: charmhub; give a file for every resource')
  return {
    charm: rt.input('charm', { required: true }),
    channel: parseChannel(rt.input('channel', { required: true }), 'channel', store === 'charmstore'),
    store,
    namespace: rt.input('namespace'),
    charmcraftChannel: rt.input('charmcraft-channel', { default: 'latest/stable' }),
    credentials,
    resources: parseResourceLines(rt.input('resources'), arches),
    arches,
    keep,
    ...(revText ? { revision: Number(revText) } : {}),
    dryRun: parseBool(rt.input('dry-run'), 'dry-run', false),
  }
}

async function makeStore(rt: Runtime, inputs: Inputs): Promise<Store> {
  const log = (m: string) => rt.info(m)
  if (inputs.store === 'charmstore') return new CharmstoreStore(await ensureTool('charm', inputs.charmcraftChannel, log), inputs.namespace, log)
  if (!inputs.credentials) {
    throw new UserError('credentials: Charmhub credentials are required to upload; export them with `charmcraft login --export=creds.txt` and pass a secret (credentials: ${{ secrets.CHARMHUB_TOKEN }}), or set dry-run: true')
  }
  return new CharmhubStore(await ensureTool('charmcraft', inputs.charmcraftChannel, log), inputs.credentials, log)
}

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)
  const isFile = inputs.charm.endsWith('.charm') || inputs.charm.includes('/')
  if (isFile) await checkInputPaths({ charm: inputs.charm }, 'file')
  if (!isFile && !isCharmName(inputs.charm)) throw new UserError(`charm: '${inputs.charm}' is neither a .charm file nor a valid charm name`)
  if (!isFile && inputs.revision === undefined) throw new UserError('revision: required when charm is a name (which revision to release?); or give a .charm file to upload')

  // Everything is checked before a store is touched.
  const meta = isFile ? await readCharmFile(inputs.charm, rt.tempRoot()) : undefined
  const name = meta?.name ?? inputs.charm
  const charmFile = meta ? (await describeFiles([path.resolve(inputs.charm)]))[0] : undefined
  const store = inputs.dryRun ? undefined : await makeStore(rt, inputs)
  let declared: CharmResource[] | undefined = meta?.resources
  if (!declared && store) declared = await store.declaredResources(name)
  if (declared) checkResourceCoverage(name, declared, inputs.resources, inputs.keep)
  const resources = await checkResourceFiles(inputs.resources, declared ?? [], inputs.arches)
  const charmFacts = charmFile ? { path: charmFile.file, size: charmFile.size, sha256: charmFile.sha256 } : undefined
  const table = filesTable(resources, charmFacts)

  if (inputs.dryRun) {
    const plan =
      inputs.store === 'charmhub'
        ? planCommands('charmcraft', { name, file: charmFacts?.path, revision: inputs.revision }, resources, inputs.keep, inputs.channel)
        : planLegacyCommands(legacyUrl(inputs.namespace, name), charmFacts?.path, inputs.revision, resources, inputs.channel)
    const cmds = plan.map(showCommand)
    if (!declared) cmds.unshift(`(charm ${name} is a name: its declared resources are checked against the store at release time)`)
    rt.info(`DRY RUN: nothing is uploaded or released. Plan for ${name} → ${inputs.channel.name}:`)
    for (const c of cmds) rt.info(`  ${c}`)
    rt.info('Files:')
    for (const r of resources) rt.info(`  ${r.name}${r.arch ? ` [${r.arch.debian}]` : ''}: ${r.facts.path} ${r.facts.size} bytes sha256 ${r.facts.sha256}`)
    if (charmFacts) rt.info(`  (charm): ${charmFacts.path} ${charmFacts.size} bytes sha256 ${charmFacts.sha256}`)
    rt.output('channel', inputs.channel.name)
    rt.summary(`### Dry run: release plan for ${name} → \`${inputs.channel.name}\`\n\nNothing was uploaded or released.\n\n\`\`\`\n${cmds.join('\n')}\n\`\`\`\n\n${table}`)
    return
  }

  const req: ReleaseRequest = { name, ...(charmFacts ? { charmFile: charmFacts } : {}), ...(inputs.revision ? { revision: inputs.revision } : {}), resources, keep: inputs.keep, channel: inputs.channel }
  const result = await rt.group(`Release ${name} to ${inputs.channel.name}`, () => executeRelease(rt, store!, req))
  rt.output('revision', String(result.revision))
  rt.output('resource-revisions', result.resourceRevisions)
  rt.output('channel', inputs.channel.name)
  const state = result.released ? `released revision ${result.revision}` : `already released (revision ${result.revision}): nothing changed`
  const revRows = Object.entries(result.resourceRevisions).map(([n, v]) => `| ${n} | ${v} | ${result.uploaded.includes(n) ? 'uploaded' : inputs.keep.includes(n) ? 'kept' : 'reused'} |`)
  rt.summary(
    `### ${name} → \`${inputs.channel.name}\`: ${state}\n\n` +
      `Uploaded: ${result.uploaded.join(', ') || 'nothing'}; reused: ${result.reused.join(', ') || 'nothing'}.\n\n` +
      `| resource | revision | |\n|---|---|---|\n${revRows.join('\n')}\n\n${table}`,
  )
}

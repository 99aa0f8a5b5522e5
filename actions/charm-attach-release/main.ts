/**
 * charm-attach-release: release a charm to a channel, as plan → execute → verify.
 * - plan (pure, shared/charm/plan.ts): from the inputs and what the store says today, one ReleasePlan: every
 *   .charm (one revision per base/arch), every resource upload (each once for the charm; a per-arch resource
 *   once per arch), every release with its resource revisions, or, for a promotion, what from-channel holds.
 * - execute (shared/charm/release.ts): the only code that writes to the store.
 * - verify: read the channel map back and check, per base, the revision and every resource revision.
 * A dry run prints the plan and stops; a re-run uploads nothing new and releases only what differs.
 */
import { parseArches } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import type { Runtime } from '../../shared/runtime.js'
import { type CharmResource } from '../../shared/charm/metadata.js'
import {
  buildPlan,
  checkCharmFiles,
  checkResourceCoverage,
  parseResourceLines,
  planJson,
  uploadsOf,
  type CharmFile,
  type StoreView,
} from '../../shared/charm/plan.js'
import {
  Ledger,
  ledgerScope,
  checkResourceFiles,
  executePlan,
  filesTable,
  readCharmFile,
  readStoreView,
  verifyFailure,
  verifyReleases,
} from '../../shared/charm/release.js'
import { checkInputPath } from '../../shared/paths.js'
import { checkGivenCharmArch } from '../../shared/charm/charm-arch.js'
import { assertChannelUnchanged, channelHeld } from '../../shared/charm/channel-guard.js'
import {
  expandFiles,
  getInputs,
  makeStore,
  releaseTable,
  reportDryRun,
  resourceRevisionsOutput,
  revisionsOutput,
} from '../../shared/charm/action-io.js'

export { getInputs }

export async function main(rt: Runtime): Promise<void> {
  const inputs = getInputs(rt)

  // 1. Read and check everything before a store is written to.
  const files: CharmFile[] = []
  const paths = await expandFiles(inputs.files ?? [])
  for (const f of paths) await checkInputPath(f, 'charm', 'file')
  for (const f of paths) files.push(await readCharmFile(f, rt.tempRoot()))
  // Machine code for the arches manifest.yaml names, or nothing is uploaded (docs/release.md#every-charm-is-checked-for-its-arch).
  for (const f of files) await checkGivenCharmArch(f.path, rt.tempRoot())
  checkCharmFiles(files, inputs.store)
  const name = files[0]?.name ?? inputs.name!
  const fileArches = [...new Set(files.flatMap((f) => f.bases.map((b) => b.architecture)))].filter((a) => a !== 'all')
  const arches = inputs.arches.length
    ? inputs.arches
    : fileArches.length
      ? parseArches(fileArches.join(' '), 'charm (the architectures in manifest.yaml)')
      : []
  const given = parseResourceLines(inputs.resourcesText, arches)
  if (inputs.store === 'charmstore' && given.some((r) => r.perArch))
    throw new UserError(
      'resources: per-arch resources ({arch} only in the path) need Charmhub; the legacy charm store has no architectures per resource revision',
    )
  const store = await makeStore(rt, inputs)
  let declared: CharmResource[] | undefined = files[0]?.resources
  if (!declared && store && !inputs.from) declared = await store.declaredResources(name)
  if (declared) checkResourceCoverage(name, declared, given, inputs.keep)
  const resources = await checkResourceFiles(given, declared ?? [], arches)

  // 2. What the store says, then the plan (pure).
  const ledger = store ? new Ledger(rt, ledgerScope(store.kind, inputs.credentials), name) : undefined
  await ledger?.load()
  const view: StoreView = store
    ? await readStoreView(store, name, inputs.from ? [] : [...new Set([...given.map((r) => r.name), ...inputs.keep])], ledger, !inputs.from)
    : { resourceRevisions: {}, ledger: {} }
  const plan = buildPlan(
    {
      charm: name,
      channel: inputs.channel,
      store: inputs.store,
      files,
      ...(inputs.revision ? { revision: inputs.revision } : {}),
      ...(inputs.from ? { from: inputs.from } : {}),
      allowMissingBases: inputs.allowMissingBases,
      resources,
      keep: inputs.keep,
    },
    view,
  )
  const table = filesTable(resources, files)
  const held = view.channelMap && channelHeld(view.channelMap, inputs.channel)
  if (held) rt.output('channel-held', held)
  const planned = inputs.expectChannel ?? held
  rt.output('plan', planJson(plan))
  rt.output('channel', inputs.channel.name)
  for (const s of plan.skipped)
    rt.warning(`from-channel: ${plan.from!.name} holds nothing for base ${s}; not promoted (allow-missing-bases: true)`)

  if (inputs.dryRun) return reportDryRun(rt, inputs, { plan, files, resources, declared, table })

  // 3. Execute (the only writes), 4. verify (read-only).
  const result = await rt.group(`${plan.from ? `Promote ${name} ${plan.from.name} →` : `Release ${name} to`} ${inputs.channel.name}`, () =>
    executePlan(rt, store!, plan, ledger!, async (releases) => {
      const now = planned && (await store!.channelMap(name))
      if (planned && now) assertChannelUnchanged(name, inputs.channel, planned, now, releases)
    }),
  )
  let verified = 'not verified (verify: false)'
  const check = inputs.verify ? await verifyReleases(store!, plan, result.releases) : undefined
  if (inputs.verify && !check) verified = 'not verified: the legacy charm store has no channel map to read back'
  const revisions = revisionsOutput(result.releases, check?.found ?? [], inputs.channel)
  const resourceRevisions = resourceRevisionsOutput(result.releases)
  rt.output('revisions', revisions)
  rt.output('revision', String(result.releases[0]?.revision ?? ''))
  rt.output('resource-revisions', resourceRevisions)
  const revs = [...new Set(result.releases.map((r) => r.revision))]
  const state = result.released
    ? `released revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}`
    : `already released (revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}): nothing changed`
  const head = `### ${name}${plan.from ? ` ${plan.from.name}` : ''} → \`${inputs.channel.name}\`: ${state}\n\nUploaded: ${result.uploaded.join(', ') || 'nothing'}; reused: ${result.reused.join(', ') || 'nothing'}.${result.trackCreated ? ` Track \`${result.trackCreated}\` created.` : ''}`
  const body = `${releaseTable(plan, result.releases, revisions)}${plan.skipped.length ? `\n\nNot promoted (nothing in ${plan.from!.name}): ${plan.skipped.join(', ')}` : ''}${uploadsOf(plan, 'resource').length || files.length ? `\n\n${table}` : ''}`
  if (check && check.mismatches.length) {
    const { line, table: diff } = verifyFailure(plan, check.mismatches)
    rt.info(`verify: expected vs found in ${inputs.channel.name}:`)
    for (const l of diff.split('\n')) rt.info(`  ${l}`)
    rt.summary(`${head}\n\n**Verify failed**: the channel map differs from what was released.\n\n${diff}\n\n${body}`)
    throw new UserError(line)
  }
  if (check)
    verified = `verified: ${inputs.channel.name} holds every revision and resource revision released, for ${Object.keys(revisions).length} base${Object.keys(revisions).length === 1 ? '' : 's'}`
  rt.info(verified)
  rt.summary(`${head} ${verified[0].toUpperCase()}${verified.slice(1)}.\n\n${body}`)
}

/** The release and bundle jobs' records (results/<charm>.json) and the pinned bundles written from them. */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { type BundleCharm } from '../../shared/bundle-check.js'
import { checkRenderedBundles, loadBundleCharms, type ReleasedCharm, renderBundles } from '../../shared/release/bundles.js'
import { type Description, DescriptionError } from '../../shared/release/description.js'

// ---------------------------------------------------------------- record, bundle (the release and bundle jobs)

/**
 * charm-attach-release's outputs → what the channel holds for the charm: `revisions` is "<base-channel>/<arch>" →
 * revision; `resource-revisions` is name → revision (the same for every base) or name → {arch → revision}.
 */
export function toReleased(charm: string, channel: string, revisionsJson: string, resourceRevisionsJson: string): ReleasedCharm {
  const parse = (t: string, what: string) => {
    try {
      return JSON.parse(t || '{}') as Record<string, unknown>
    } catch {
      throw new UserError(`--${what}: not JSON: '${t.slice(0, 80)}'; pass charm-attach-release's ${what} output`)
    }
  }
  const revisions = parse(revisionsJson, 'revisions')
  const resources = parse(resourceRevisionsJson, 'resource-revisions')
  const bases: ReleasedCharm['bases'] = {}
  for (const [key, rev] of Object.entries(revisions)) {
    if (typeof rev !== 'number') throw new UserError(`--revisions: '${key}' is ${JSON.stringify(rev)}, not a revision number`)
    const arch = key.split('/').at(-1)!
    const res: Record<string, number> = {}
    for (const [name, v] of Object.entries(resources)) {
      const n = typeof v === 'number' ? v : ((v as Record<string, number>)?.[arch] ?? (v as Record<string, number>)?.[key])
      if (typeof n === 'number') res[name] = n
    }
    bases[key] = { revision: rev, resources: res }
  }
  return { charm, channel, bases }
}

/** Every record (results/<charm>.json) under dir, whatever the artifact folders around them. */
export async function readRecords(dir: string): Promise<ReleasedCharm[]> {
  if (!existsSync(dir)) return []
  const out: ReleasedCharm[] = []
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    if (!rel.endsWith('.json') || rel.endsWith('.spdx.json') || rel.endsWith('.intoto.json')) continue
    const doc = JSON.parse(await readFile(path.join(dir, rel), 'utf8').catch(() => 'null')) as ReleasedCharm | null
    if (doc && typeof doc.charm === 'string' && typeof doc.channel === 'string' && doc.bases && typeof doc.bases === 'object') out.push(doc)
  }
  return out
}

/** What the bundles are made from beside the records: the template's text, and what juju's checks need of each charm. */
export interface BundleInputs {
  template: string | undefined
  charms: Record<string, BundleCharm>
}

/** The bundle job's inputs from the repository (it has the description, not the plan job's reading of the charms). */
export async function readBundleInputs(desc: Description, configDir: string): Promise<BundleInputs> {
  const template = desc.bundle?.template ? await readFile(path.resolve(configDir, desc.bundle.template), 'utf8') : undefined
  const scratch = await mkdtemp(path.join(tmpdir(), 'bs-bundle-'))
  const charms = await loadBundleCharms(desc, configDir, scratch).finally(() => rm(scratch, { recursive: true, force: true }))
  return { template, charms }
}

/**
 * One pinned bundle per released base/arch, checked with juju's rules, then written. `known`: the template and
 * charms as the plan job read them (the local pipeline); read from the repository when not given (the bundle job).
 */
export async function writeBundles(
  desc: Description,
  configDir: string,
  released: ReleasedCharm[],
  outDir: string,
  known?: BundleInputs,
): Promise<string[]> {
  if (released.length === 0) throw new UserError('results: no charm records found; the release job writes one per charm (release record)')
  const { template, charms } = known ?? (await readBundleInputs(desc, configDir))
  // The description's order, whatever order the records were found in.
  const order = Object.keys(desc.charms)
  // One bundle per released base/arch: a multi-arch revision (flannel, etcd) also serves arches this release
  // does not make, and those get no bundle (the per-arch charms have no revision there).
  const arches = new Set(desc.arches.map((a) => parseArch(a).debian))
  const sorted = [...released]
    .sort((a, b) => order.indexOf(a.charm) - order.indexOf(b.charm))
    .map((r) => ({ ...r, bases: Object.fromEntries(Object.entries(r.bases).filter(([k]) => arches.has(k.split('/').at(-1)!))) }))
  const bundles = renderBundles(sorted, template, desc.bundle?.name ?? 'charmed-kubernetes', charms)
  // juju's bundle checks on every bundle before any is written (shared/bundle-check.ts).
  const problems = checkRenderedBundles(bundles, charms)
  if (problems.length)
    throw new DescriptionError(
      problems.map(
        (l) =>
          `${l}; juju refuses this bundle: fix ${desc.bundle?.template ? `bundle.template (${desc.bundle.template})` : 'the charm metadata'}`,
      ),
    )
  await mkdir(outDir, { recursive: true })
  const files: string[] = []
  for (const b of bundles) {
    const f = path.join(outDir, b.file)
    await writeFile(f, `# Pinned by build-snaps: deploy exactly what was released with  juju deploy ./${b.file}\n${b.yaml}`)
    files.push(f)
  }
  return files
}

/**
 * The pinned bundles, pure: from what the store's channel map holds after the release, one bundle per base/arch,
 * checked with juju's rules (shared/bundle-check.ts) before it is written, and before anything is uploaded
 * (with provisional revisions).
 */
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { ARCHES } from '../arch.js'
import { UserError } from '../errors.js'
import { loadCharm } from '../charm/metadata.js'
import { type BundleCharm, checkBundle } from '../bundle-check.js'
import { readPackedMeta } from '../charm/release.js'
import type { CharmInfo } from './check.js'
import { type Description, expandGlob } from './description.js'

/** What the store's channel map holds for one charm: "<base-channel>/<arch>" → revision and resource revisions. */
export interface ReleasedCharm {
  charm: string
  channel: string
  bases: Record<string, { revision: number; resources: Record<string, number> }>
}

export interface RenderedBundle {
  file: string
  arch: string
  base: string
  yaml: string
}

/** Charm name → what the bundle checks need of it, for every charm of the release. */
export function bundleCharms(infos: CharmInfo[]): Record<string, BundleCharm> {
  return Object.fromEntries(infos.map((i) => [i.name, i.bundle]))
}

/**
 * A Juju bundle pins one revision per application, but a multi-arch charm has one revision per base/arch on
 * Charmhub. So one bundle per base/arch: bundle-<arch>.yaml (bundle-<base>-<arch>.yaml when the charms span
 * several bases), each application pinned to that arch's revision and resource revisions, with
 * `default-base: ubuntu@<base>`. From the template (applications whose charm is not in the release are kept as
 * written) or generated with one unit per charm. What juju requires of it (shared/bundle-check.ts):
 * - a subordinate (`charms[name].subordinate`) has no num_units, no `to` and no constraints: it runs beside its
 *   principal, on that machine's arch; every other pinned application gets `constraints: arch=<arch>`;
 * - `series` never disagrees with `default-base`: the bundle's `series` (the CK template says `noble`) is
 *   dropped, since `default-base` says the same thing for juju 3.1+ (juju 4 ignores `series`), and so are a
 *   pinned application's own `series` and `base`: its revision is the one for this bundle's base.
 */
export function renderBundles(
  released: ReleasedCharm[],
  template: string | undefined,
  name: string,
  charms: Record<string, BundleCharm> = {},
): RenderedBundle[] {
  const keys = [...new Set(released.flatMap((r) => Object.keys(r.bases)))]
  const manyBases = new Set(keys.map((k) => k.split('/')[0])).size > 1
  const out: RenderedBundle[] = []
  const order = (k: string) => ARCHES.findIndex((a) => a.debian === k.split('/')[1])
  const subordinate = (charm: string) => charms[charm]?.subordinate === true
  for (const key of keys.sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const [base, arch] = key.split('/')
    const doc = (
      template
        ? parse(template)
        : { name, description: `Charmed Kubernetes pinned to the revisions released for ${arch}`, applications: {} }
    ) as Record<string, unknown>
    const apps = (doc.applications ?? {}) as Record<string, Record<string, unknown>>
    if (!template) for (const r of released) apps[r.charm] = subordinate(r.charm) ? { charm: r.charm } : { charm: r.charm, num_units: 1 }
    for (const [app, def] of Object.entries(apps)) {
      const r = released.find((x) => x.charm === String(def?.charm ?? '').replace(/^ch:/, ''))
      if (!r) continue
      const b = r.bases[key]
      if (!b)
        throw new UserError(`bundle: ${r.charm} has no revision for ${key} in ${r.channel}; release it for that base/arch or drop the arch`)
      const { series: _series, base: _base, num_units: units, to, constraints: cons, ...rest } = def
      const constraints = String(cons ?? '')
        .split(/\s+/)
        .filter((c) => c && !c.startsWith('arch='))
      apps[app] = {
        ...rest,
        charm: r.charm,
        channel: r.channel,
        revision: b.revision,
        resources: Object.fromEntries(Object.entries(b.resources).sort(([x], [y]) => x.localeCompare(y))),
        ...(subordinate(r.charm)
          ? {}
          : {
              ...(units !== undefined ? { num_units: units } : {}),
              ...(to !== undefined ? { to } : {}),
              constraints: [...constraints, `arch=${arch}`].join(' '),
            }),
      }
    }
    doc.applications = apps
    delete doc.series
    const ordered = { ...(doc.name ? { name: doc.name } : {}), ...doc, 'default-base': `ubuntu@${base}` }
    out.push({ file: manyBases ? `bundle-${base}-${arch}.yaml` : `bundle-${arch}.yaml`, arch, base, yaml: stringify(ordered) })
  }
  return out
}

/**
 * What the bundle checks need of each charm of a description (the bundle job has the repository, not the plan's
 * CharmInfo): read from the charm directory's metadata, or from the first prebuilt .charm (unzipped in scratch).
 */
export async function loadBundleCharms(desc: Description, dir: string, scratch: string): Promise<Record<string, BundleCharm>> {
  const out: Record<string, BundleCharm> = {}
  for (const [name, spec] of Object.entries(desc.charms)) {
    const first = spec.files?.length ? (await expandGlob(spec.files[0], dir))[0] : undefined
    const meta = spec.path
      ? await loadCharm(path.resolve(dir, spec.path), `charms.${name}.path`)
      : first
        ? (await readPackedMeta(first, scratch, `charms.${name}.files`)).meta
        : undefined
    if (meta) out[name] = { subordinate: meta.subordinate, endpoints: meta.endpoints }
  }
  return out
}

/** juju's checks on every rendered bundle: one line per problem, `bundle <file>: <juju's words>`. */
export function checkRenderedBundles(bundles: RenderedBundle[], charms: Record<string, BundleCharm>): string[] {
  return bundles.flatMap((b) => checkBundle(b.yaml, charms).map((l) => `bundle ${b.file}: ${l}`))
}

/** The bases a revision serves, as the release records them: `<ubuntu release>/<arch>` (22.04/amd64). */
export type BaseKey = `${string}/${string}`

/**
 * BEFORE anything is uploaded: render the bundles the release will write, from provisional revisions (0 for
 * every charm and resource), and run juju's checks on them. `serves`: for each charm of the release, the
 * `<ubuntu release>/<arch>` keys its packed revisions will serve (from its charmcraft.yaml bases / platforms,
 * limited to the release's arches). One line per problem, each naming the bundle file (or the charm with no
 * revision for a base/arch some other charm serves); [] when juju would accept every bundle.
 */
export function checkBundlesBeforeUpload(
  desc: Description,
  infos: CharmInfo[],
  template: string | undefined,
  serves: Record<string, BaseKey[]>,
  channel: string,
): string[] {
  const released: ReleasedCharm[] = infos.map((i) => ({
    charm: i.name,
    channel,
    bases: Object.fromEntries(
      (serves[i.name] ?? []).map((k) => [k, { revision: 0, resources: Object.fromEntries(i.declared.map((d) => [d.name, 0])) }]),
    ),
  }))
  try {
    const bundles = renderBundles(released, template, desc.bundle?.name ?? 'charmed-kubernetes', bundleCharms(infos))
    return checkRenderedBundles(bundles, bundleCharms(infos))
  } catch (e) {
    if (e instanceof UserError) return [e.message]
    throw e
  }
}

/**
 * What a release description says about the Snap Store: which snaps it publishes (the `snap-store` section), and
 * which snaps each charm installs from the store, at which channel (the gate's input).
 *
 * Today's kubernetes-control-plane and kubernetes-worker carry no snap resources: they install their snaps from
 * the store at their `channel` option (charmed-kubernetes/charm-lib-kubernetes-snaps, charms/kubernetes_snaps.py:
 * BASIC_SNAPS kubectl, kubelet, kube-proxy; CONTROL_PLANE_SNAPS kube-apiserver, kube-controller-manager,
 * kube-scheduler; the control plane also cdk-addons at `<track>/<risk>`), and block with "Not all snaps are
 * available on channel=<c>" when one has no revision there for the machine's arch.
 */
import { parse } from 'yaml'
import { parseArch } from '../arch.js'
import type { CharmInfo } from './check.js'
import type { Description } from './description.js'
import { parseChannel } from '../charm/plan.js'
import { COMPONENTS } from '../k8s.js'

/** The seven Kubernetes snaps CK publishes (shared/k8s.ts COMPONENTS). */
export const KUBE_SNAPS = COMPONENTS.map((c) => c.name)

const BASIC = ['kubectl', 'kubelet', 'kube-proxy']

/** Built in: what charm-lib-kubernetes-snaps installs for each Kubernetes charm. `addons`: cdk-addons too. */
export const CHARM_SNAPS: Record<string, { snaps: string[]; addons?: boolean }> = {
  'kubernetes-control-plane': { snaps: [...BASIC, 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'], addons: true },
  'kubernetes-worker': { snaps: BASIC },
}

/** The snap-store section, with its defaults filled in. */
export interface SnapPublish {
  channels: string[]
  snaps: string[]
  arches: string[]
  /** The cdk-addons build directory, as written (relative to the description); '' when none. */
  cdkAddons: string
}

export function snapPublish(desc: Description): SnapPublish | undefined {
  const s = desc['snap-store']
  if (!s) return undefined
  const cdkAddons = s['cdk-addons'] ?? ''
  return {
    channels: s.channels.map((c) => parseChannel(c, 'snap-store.channels').name),
    snaps: s.snaps ?? [...KUBE_SNAPS, ...(cdkAddons ? ['cdk-addons'] : [])],
    arches: (s.arches ?? desc.arches).map((a) => parseArch(a).debian),
    cdkAddons,
  }
}

/** What one charm installs from the store: each snap and the channel its unit installs it from. */
export interface CharmInstalls {
  charm: string
  installs: Array<{ snap: string; channel: string }>
}

/** The `channel` option of every application of the template whose charm is `charm`. */
function templateChannels(template: string | undefined, charm: string): string[] {
  if (!template) return []
  const doc = parse(template) as { applications?: Record<string, { charm?: unknown; options?: { channel?: unknown } }> } | null
  return Object.values(doc?.applications ?? {})
    .filter((a) => String(a?.charm ?? '').replace(/^ch:/, '') === charm && typeof a?.options?.channel === 'string')
    .map((a) => String(a.options!.channel))
}

/**
 * Every charm's snaps and channels: the bundle template's `channel` option for its application(s), else the
 * charm's config default; built in for today's Kubernetes charms (no snap resources), `installs-snaps` for any
 * charm (it replaces the built-in list). cdk-addons goes with `<track>/<risk>` of the channel. `problems`: one line per charm that
 * installs snaps but says no channel.
 */
export function charmInstalls(
  desc: Description,
  infos: CharmInfo[],
  template: string | undefined,
): { charms: CharmInstalls[]; problems: string[] } {
  const charms: CharmInstalls[] = []
  const problems: string[] = []
  for (const info of infos) {
    const given = desc.charms[info.name]?.['installs-snaps']
    // Built in for today's charms, which carry no snap resources; an older charm with snap resources (layer-snap)
    // installs its snaps from them, and says installs-snaps for any it takes from the store.
    const layerSnap = info.declared.some((d) => d.type === 'file' && d.filename?.endsWith('.snap'))
    const builtIn = layerSnap ? undefined : CHARM_SNAPS[info.name]
    const items = given ?? [...(builtIn?.snaps ?? []), ...(builtIn?.addons ? ['cdk-addons'] : [])]
    if (!items.length) continue
    const fromTemplate = templateChannels(template, info.name)
    const channels = fromTemplate.length ? [...new Set(fromTemplate)] : info.channelDefault ? [info.channelDefault] : []
    const installs: CharmInstalls['installs'] = []
    for (const item of items) {
      const [snap, pinned] = item.split('@')
      if (pinned) {
        installs.push({ snap, channel: parseChannel(pinned, 'installs-snaps').name })
        continue
      }
      if (!channels.length) {
        problems.push(
          `charms.${info.name}: installs ${snap} from the Snap Store, but its channel is unknown (no channel option in the charm, none in bundle.template); set options.channel for it in bundle.template or write ${snap}@<track>/<risk> in installs-snaps`,
        )
        continue
      }
      for (const c of channels) {
        let ch
        try {
          ch = parseChannel(c, 'channel')
        } catch {
          problems.push(
            `charms.${info.name}: its channel option '${c}' is not a snap channel; set options.channel to track/risk in bundle.template`,
          )
          continue
        }
        installs.push({ snap, channel: snap === 'cdk-addons' && !given ? `${ch.track}/${ch.risk}` : ch.name })
      }
    }
    charms.push({ charm: info.name, installs })
  }
  return { charms, problems: [...new Set(problems)] }
}

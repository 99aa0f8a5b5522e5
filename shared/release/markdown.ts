/** The plan as the plan job's summary shows it (and the local pipeline prints it): versions, artifacts, charms, pack jobs, the Snap Store. */
import { showRoute } from '../charm/routes.js'
import type { CdkPlan } from './plan.js'

export function planMarkdown(plan: CdkPlan, dryRun: boolean, title = 'Release plan'): string {
  const rows = Object.entries(plan.versions)
    .filter(([, v]) => v)
    .map(([k, v]) => `| ${k} | ${v} |`)
  const shared = Object.entries(plan.shared).map(([k, cs]) => `| \`${k}\` | ${plan.arches.length} (once per arch) | ${cs.join(', ')} |`)
  const packs = plan.packs.map((p) => `| ${p.charm} | ${p.entry} | ${p['build-on']} | ${p['run-on']} | ${showRoute(p)} |`)
  const charms = plan.charms.map(
    (c) =>
      `| ${c.charm} | ${c.path || c.files.split('\n').join(', ')} | ${c.resources.split('\n').filter(Boolean).length} | ${c.placeholders.split(' ').filter(Boolean).length} | ${c.keep || '-'} |`,
  )
  return [
    `### ${title}${dryRun ? ' (dry run: nothing is uploaded or released)' : ''}`,
    '',
    `Channel \`${plan.channel}\`; architectures ${plan.arches.map((a) => `\`${a.debian}\``).join(', ')}; snap resources: ${plan.snaps === 'real' ? 'the snaps this release builds' : 'zero-byte placeholders (installed from the store)'}.`,
    '',
    '| component | version |',
    '|---|---|',
    ...rows,
    '',
    '| artifact | builds | attached to |',
    '|---|---|---|',
    ...shared,
    '',
    '| charm | source | resource lines | placeholders | kept |',
    '|---|---|---|---|---|',
    ...charms,
    ...(packs.length ? ['', '| charm | entry | build-on | run-on | route |', '|---|---|---|---|---|', ...packs] : []),
    ...snapStoreMarkdown(plan),
  ].join('\n')
}

/**
 * The Snap Store part of the plan: what is published where, the snapcraft commands the snaps job runs (an upload
 * is skipped for a (snap, arch) whose channels already hold its version), and the gate's checks.
 */
export function snapStoreMarkdown(plan: CdkPlan): string[] {
  const pub = plan.snapStore
  const needs = plan.snapNeeds ?? []
  if (!pub && !needs.length) return []
  const out = ['', '#### Snap Store (the snaps job, before any charm is released)']
  if (pub) {
    out.push(
      '',
      `Publishes ${pub.snaps.map((x) => `\`${x}\``).join(', ')} for ${pub.arches.map((a) => `\`${a}\``).join(', ')} to ${pub.channels.map((c) => `\`${c}\``).join(', ')}. snapcraft commands:`,
      '',
      '```',
      ...pub.snaps.map((x) => `snapcraft tracks ${x}`),
      ...pub.snaps.map((x) => `snapcraft status ${x}`),
      ...pub.arches.flatMap((a) =>
        pub.snaps.map((x) => `snapcraft upload release-${a}/${x}_*_${a}.snap --release ${pub.channels.join(',')}`),
      ),
      ...pub.snaps.map((x) => `snapcraft status ${x}   # verify`),
      '```',
    )
  } else out.push('', 'Publishes nothing (no snap-store section); the gate still reads the store.')
  if (needs.length) {
    const rows = new Map<string, Set<string>>()
    for (const n of needs) {
      const k = `| ${n.charm} | ${n.snap} | ${n.channel} |`
      if (!rows.has(k)) rows.set(k, new Set())
      rows.get(k)!.add(n.arch)
    }
    out.push(
      '',
      'The gate: each charm is released only when every snap it installs has a revision in its channel for every arch it serves (`snapcraft status`).',
      '',
      '| charm | snap | channel | arches |',
      '|---|---|---|---|',
      ...[...rows].map(([k, a]) => `${k} ${[...a].join(', ')} |`),
    )
  }
  return out
}

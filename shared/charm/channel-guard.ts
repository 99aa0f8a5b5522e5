/**
 * Release only onto the channel the plan saw (issue 17, item 5). What the channel held when the release was
 * planned is a snapshot, base -> revision and resource revisions; right before the first release command the
 * channel map is read again and compared. When another run (or a person) released to the channel since, the
 * step stops with one line instead of overwriting it. A difference that is this plan's own release (a re-run
 * after a partial release) is not a change.
 *
 * The snapshot is the action's output `channel-held` and its input `expect-channel`, so a workflow that read the
 * store earlier (a dry run with credentials) can pin what the release job must still find.
 */
import { UserError } from '../errors.js'
import { type Channel, type ChannelRelease, type ResolvedRelease, baseKey, sameRelease } from './plan.js'

/** `<base-channel>/<arch>` (or `all`) -> what the channel holds for it. */
export type ChannelHeld = Record<string, { revision: number; resources: Record<string, number> }>

/** What channel holds in a channel map (sorted by base, so two snapshots compare as JSON). */
export function channelHeld(map: ChannelRelease[], channel: Channel): ChannelHeld {
  const held: ChannelHeld = {}
  for (const r of map.filter((r) => r.channel === channel.name).sort((a, b) => baseKey(a.base).localeCompare(baseKey(b.base))))
    held[baseKey(r.base)] = { revision: r.revision, resources: Object.fromEntries(Object.entries(r.resources).sort()) }
  return held
}

/** The input expect-channel: empty, or the JSON object a `channel-held` output gave. */
export function parseExpectChannel(value: string, inputName = 'expect-channel'): ChannelHeld | undefined {
  if (value.trim() === '') return undefined
  const fix = `give the \`channel-held\` output of an earlier step (a JSON object such as {"22.04/amd64": {"revision": 12, "resources": {"cni": 3}}}), or leave it empty`
  let doc: unknown
  try {
    doc = JSON.parse(value)
  } catch {
    throw new UserError(`${inputName}: not JSON; ${fix}`)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new UserError(`${inputName}: not a JSON object; ${fix}`)
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    const e = v as { revision?: unknown; resources?: unknown }
    const resourcesOk =
      typeof e?.resources === 'object' && e.resources !== null && Object.values(e.resources).every((n) => Number.isInteger(n))
    if (!Number.isInteger(e?.revision) || !resourcesOk)
      throw new UserError(`${inputName}: entry '${k}' has no integer revision and resources; ${fix}`)
  }
  return doc as ChannelHeld
}

const show = (e: ChannelHeld[string] | undefined) =>
  e
    ? `revision ${e.revision}${
        Object.keys(e.resources).length
          ? ` (${Object.entries(e.resources)
              .map(([n, r]) => `${n}:${r}`)
              .join(' ')})`
          : ''
      }`
    : 'nothing'

/**
 * The bases whose entry differs between planned and now, other than by this plan's own releases;
 * each as `<base>: planned <what>, now <what>`.
 */
export function channelChanges(planned: ChannelHeld, now: ChannelHeld, ours: ResolvedRelease[]): string[] {
  const mine = (key: string, e: ChannelHeld[string] | undefined) =>
    e !== undefined && ours.some((r) => r.bases.some((b) => baseKey(b) === key) && sameRelease(e, r.revision, r.resources))
  const changes: string[] = []
  for (const key of [...new Set([...Object.keys(planned), ...Object.keys(now)])].sort()) {
    const [p, n] = [planned[key], now[key]]
    const same = p === undefined ? n === undefined : n !== undefined && sameRelease(n, p.revision, p.resources)
    if (!same && !mine(key, n)) changes.push(`${key}: planned ${show(p)}, now ${show(n)}`)
  }
  return changes
}

/** Stop with one line when the channel changed since the plan; `now` is the channel map read just now. */
export function assertChannelUnchanged(
  charm: string,
  channel: Channel,
  planned: ChannelHeld,
  now: ChannelRelease[],
  ours: ResolvedRelease[],
): void {
  const changes = channelChanges(planned, channelHeld(now, channel), ours)
  if (changes.length === 0) return
  throw new UserError(
    `${channel.name} changed since this release was planned (${charm}: ${changes.join('; ')}): another release wrote to it; nothing was released. Check who released, then run the release again to plan against what the channel holds now`,
  )
}

/**
 * The follow run's summary: one table, track × snap × arch → the upstream version, what the store holds per risk
 * (as the plan read it), and the action: built+released, released, up to date, waits: why, refused: why. Then
 * latest/* (what it was made to hold) and the problems of the publish job.
 */
import { urlForLog } from '../../shared/download.js'
import { RISKS } from '../../shared/follow/config.js'
import type { Cell, LatestStep } from '../../shared/follow/decide.js'
import type { FollowPlan } from './plan.js'

/** The action column of one cell. */
export function actionText(c: Cell, dryRun: boolean): string {
  const to = c.channels.join(', ')
  const plus = c.why.length ? ` (${c.why.join('; ')})` : ''
  switch (c.action) {
    case 'build':
      return `${dryRun ? 'would build+release' : 'build+release (not done)'} to ${to}${plus}`
    case 'release':
      return `${dryRun ? 'would release' : 'release (not done)'} r${c.revision} to ${to}${plus}`
    case 'built+released':
      return `built+released r${c.revision} to ${to}${plus}`
    case 'released':
      return `released r${c.revision} to ${to}${plus}`
    case 'up-to-date':
      return `up to date${plus}`
    default:
      return `${c.action === 'skipped' ? 'skipped' : c.action}: ${c.why.join('; ')}`
  }
}

const esc = (s: string) => s.replace(/\|/g, '\\|')

/** The failures shared by more than one cell (a marker of a track, a snap's status): said once, under the table. */
function sharedFailures(cells: Cell[]): string[] {
  const seen = new Map<string, number>()
  for (const c of cells) if (c.action === 'failed') seen.set(c.why.join('; '), (seen.get(c.why.join('; ')) ?? 0) + 1)
  return [...seen].filter(([, n]) => n > 1).map(([why]) => why)
}

/** The latest/* line: the steps, or why there are none yet. */
function latestLine(plan: FollowPlan, cells: Cell[], latest: LatestStep[]): string {
  if (latest.length)
    return `latest/* follows ${plan.latest}: ${latest.map((s) => `${s.snap} ${s.arch} r${s.revision} → ${s.channels.join(', ')}`).join('; ')}.`
  const pending = cells.some((c) => c.track === plan.latest && (c.action === 'build' || c.action === 'release'))
  const unread = !plan.storeRead || plan.snaps.some((s) => !plan.status[s])
  return pending || unread
    ? `latest/* will be set from ${plan.latest} after publishing.`
    : `latest/* follows ${plan.latest}: it already holds the same revisions.`
}

/** The table, and the lines under it. */
export function followSummary(plan: FollowPlan, cells: Cell[], latest: LatestStep[], problems: string[]): string {
  const heldRisks = RISKS.filter((r) => cells.some((c) => r in c.held))
  const risks = heldRisks.length ? heldRisks : [...RISKS]
  const shared = sharedFailures(cells)
  const action = (c: Cell) =>
    c.action === 'failed' && shared.includes(c.why.join('; ')) ? 'failed (see below)' : actionText(c, plan.dryRun)
  const rows = cells.map(
    (c) =>
      `| ${c.track} | ${c.snap} | ${c.arch} | ${c.version || '-'} | ${risks.map((r) => c.held[r] ?? '').join(' | ')} | ${esc(action(c))} |`,
  )
  const tracksOf = (why: string) => [...new Set(cells.filter((c) => c.why.join('; ') === why).map((c) => c.track))].join(', ')
  const count = (a: string) => cells.filter((c) => c.action === a).length
  const totals = [
    ['built+released', count('built+released')],
    ['released', count('released')],
    ['up to date', count('up-to-date')],
    ['waiting', count('waits')],
    ['refused', count('refused')],
    ['skipped', count('skipped')],
    ['failed', count('failed')],
    ...(plan.dryRun
      ? [
          ['to build', count('build')],
          ['to release', count('release')],
        ]
      : []),
  ].filter(([, n]) => n)
  return [
    `### Follow upstream${plan.dryRun ? ' (dry run: nothing built, uploaded or released)' : ''}`,
    '',
    `${urlForLog(plan.baseUrl)}; ${totals.map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing to follow'}.${plan.storeRead ? '' : ' The store was not read (no credential): planned as if it held nothing.'}`,
    '',
    `| track | snap | arch | upstream | ${risks.join(' | ')} | action |`,
    `|---|---|---|---|${risks.map(() => '---|').join('')}---|`,
    ...rows,
    ...(shared.length ? ['', ...shared.map((why) => `- failed (${tracksOf(why)}): ${why}`)] : []),
    ...(plan.notes?.length ? ['', ...plan.notes.map((n) => `- ${n}`)] : []),
    ...(plan.latest ? ['', latestLine(plan, cells, latest)] : []),
    ...(problems.length ? ['', ...problems.map((p) => `- ${p}`)] : []),
    '',
  ].join('\n')
}

/** Whether the run failed: something tried failed (a wait is not a failure). */
export const followFailed = (cells: Cell[], problems: string[]) => problems.length > 0 || cells.some((c) => c.action === 'failed')

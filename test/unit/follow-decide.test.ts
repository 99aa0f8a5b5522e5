/**
 * The follow decision, pure (shared/follow/decide.ts): markers → what each risk follows; status → the action per
 * (track, snap, arch); every guard of issue 25 as one line, none stopping the others.
 */
import { describe, expect, test } from 'vitest'
import { followSummary } from '../../cli/follow/summary.js'
import type { FollowPlan } from '../../cli/follow/plan.js'
import { type FollowTrack, RISKS } from '../../shared/follow/config.js'
import {
  buildPairs,
  type Cell,
  decideCells,
  markerVersion,
  planLatest,
  trackUpstream,
  type TrackUpstream,
} from '../../shared/follow/decide.js'
import type { StatusRow } from '../../shared/snap-store/snapcraft.js'

const ALL: FollowTrack['risks'] = ['stable', 'candidate', 'beta', 'edge']
const t35: FollowTrack = { track: '1.35', risks: ALL, preReleases: true }
const t34: FollowTrack = { track: '1.34', risks: ALL, preReleases: false }
const ok = (name: string, body: string) => ({ name, body })
const XML =
  "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"

/** Status rows: channel → [version, revision] for one arch. */
function rows(arch: string, held: Record<string, [string, number] | '↑' | '-'>): StatusRow[] {
  return Object.entries(held).map(([channel, h]) => ({
    track: channel.split('/')[0],
    arch,
    channel,
    following: h === '↑',
    ...(Array.isArray(h) ? { version: h[0], revision: h[1] } : {}),
  }))
}

describe('markers', () => {
  test('a version, with or without v; anything else is not one, quoted', () => {
    expect(markerVersion(ok('stable-1.35.txt', 'v1.35.2\n'))).toEqual({ version: 'v1.35.2' })
    expect(markerVersion(ok('stable-1.35.txt', '1.35.2'))).toEqual({ version: 'v1.35.2' })
    expect(markerVersion(ok('stable-1.35.txt', XML))).toMatchObject({
      problem: expect.stringMatching(/^stable-1.35.txt is not a version \('<\?xml/),
    })
    expect(markerVersion(ok('stable-1.35.txt', '<html><body>Moved</body></html>'))).toHaveProperty('problem')
    expect(markerVersion(ok('stable-1.35.txt', ''))).toHaveProperty('problem')
    expect(markerVersion({ name: 'stable-1.35.txt', failed: 'connection reset' })).toEqual({
      problem: 'stable-1.35.txt: connection reset',
      failed: true,
    })
  })

  test('the newer marker wins for edge and beta; candidate and stable follow the newest release', () => {
    expect(trackUpstream(t35, ok('s', 'v1.35.2'), ok('l', 'v1.35.3-rc.0'))).toEqual({
      track: '1.35',
      targets: [
        { version: 'v1.35.3-rc.0', risks: ['beta', 'edge'] },
        { version: 'v1.35.2', risks: ['stable', 'candidate'] },
      ],
      notes: [],
    })
    expect(trackUpstream(t35, ok('s', 'v1.35.2'), ok('l', 'v1.35.2'))).toMatchObject({ targets: [{ version: 'v1.35.2', risks: ALL }] })
  })

  test('an rc of the next minor, before its release: edge and beta only, the guard says why', () => {
    const u = trackUpstream(
      { track: '1.36', risks: ALL, preReleases: true },
      { name: 'stable-1.36.txt', body: XML },
      ok('latest-1.36.txt', 'v1.36.0-rc.1'),
    )
    expect(u).toMatchObject({ targets: [{ version: 'v1.36.0-rc.1', risks: ['beta', 'edge'] }] })
    expect((u as { notes: string[] }).notes.join('\n')).toMatch(/stable, candidate: v1.36.0-rc.1 is a pre-release, which never goes there/)
  })

  test('refused: another minor, a pre-release on a track without pre-releases; skipped: no version; failed: the read', () => {
    expect(trackUpstream(t34, ok('stable-1.34.txt', 'v1.35.0'))).toEqual({
      track: '1.34',
      refused: 'stable-1.34.txt names v1.35.0, not a 1.34 release',
    })
    expect(trackUpstream(t34, ok('stable-1.34.txt', 'v1.34.0-rc.0'))).toMatchObject({
      refused: expect.stringContaining('does not take pre-releases'),
    })
    expect(trackUpstream(t34, ok('stable-1.34.txt', XML))).toMatchObject({ skip: expect.stringContaining('is not a version') })
    expect(trackUpstream(t34, { name: 'stable-1.34.txt', missing: 'HTTP 404' })).toEqual({
      track: '1.34',
      skip: 'stable-1.34.txt: HTTP 404',
    })
    expect(trackUpstream(t34, { name: 'stable-1.34.txt', failed: 'HTTP 503 after 4 attempts' })).toMatchObject({
      failed: expect.any(String),
    })
    // a pre-release track's latest marker from another minor is refused, its stable marker still followed
    expect(trackUpstream(t35, ok('stable-1.35.txt', 'v1.35.1'), ok('latest-1.35.txt', 'v1.36.0-alpha.1'))).toMatchObject({
      targets: [{ version: 'v1.35.1', risks: ALL }],
      notes: ['latest-1.35.txt names v1.36.0-alpha.1, not a 1.35 release'],
    })
  })
})

describe('cells', () => {
  const up = (v: string): TrackUpstream => ({ track: '1.35', targets: [{ version: v, risks: ALL }], notes: [] })
  const one = (u: TrackUpstream, r: StatusRow[], missing?: Record<string, string>) =>
    decideCells({ track: t35, snap: 'kubectl', arch: 'amd64', upstream: u, rows: r, ...(missing ? { missing } : {}) })

  test('only the risks that lack the version; released from the revision the store has, else built', () => {
    const r = rows('amd64', {
      '1.35/stable': ['1.35.1', 3],
      '1.35/candidate': ['1.35.1', 3],
      '1.35/beta': ['1.35.2', 7],
      '1.35/edge': ['1.35.2', 7],
    })
    expect(one(up('v1.35.2'), r)).toMatchObject([{ action: 'release', revision: 7, channels: ['1.35/stable', '1.35/candidate'] }])
    expect(one(up('v1.35.3'), r)).toMatchObject([
      { action: 'build', channels: ['1.35/stable', '1.35/candidate', '1.35/beta', '1.35/edge'] },
    ])
    expect(
      one(
        up('v1.35.1'),
        rows('amd64', {
          '1.35/stable': ['1.35.1', 3],
          '1.35/candidate': ['1.35.1', 3],
          '1.35/beta': ['1.35.1', 3],
          '1.35/edge': ['1.35.1', 3],
        }),
      ),
    ).toMatchObject([{ action: 'up-to-date', channels: [], held: { edge: '1.35.1 (r3)' } }])
    // another arch's revision of the version is not this arch's
    expect(one(up('v1.35.2'), rows('s390x', { '1.35/edge': ['1.35.2', 9] }))).toMatchObject([{ action: 'build' }])
  })

  test('a risk that follows a safer one (↑) holds nothing of its own: it is released to, explicitly', () => {
    const r = rows('amd64', { '1.35/stable': ['1.35.2', 5], '1.35/candidate': '↑', '1.35/beta': '↑', '1.35/edge': ['1.35.2', 5] })
    expect(one(up('v1.35.2'), r)).toMatchObject([
      { action: 'release', revision: 5, channels: ['1.35/candidate', '1.35/beta'], held: { candidate: '↑', stable: '1.35.2 (r5)' } },
    ])
  })

  test('nothing goes backwards: a risk holding a newer version is left alone, one line', () => {
    const r = rows('amd64', {
      '1.35/stable': ['1.35.1', 3],
      '1.35/candidate': ['1.35.1', 3],
      '1.35/beta': ['1.35.3', 9],
      '1.35/edge': ['1.35.3', 9],
    })
    const [c] = one(up('v1.35.2'), r)
    expect(c).toMatchObject({ action: 'build', channels: ['1.35/stable', '1.35/candidate'] })
    expect(c.why).toEqual(['beta holds 1.35.3, newer than 1.35.2: left alone', 'edge holds 1.35.3, newer than 1.35.2: left alone'])
  })

  test('an arch whose binaries are missing waits; a skipped track is skipped', () => {
    expect(one(up('v1.35.2'), [], { 'v1.35.2|amd64': 'upstream has no amd64 kubectl of v1.35.2 yet' })).toMatchObject([
      { action: 'waits', why: ['upstream has no amd64 kubectl of v1.35.2 yet'] },
    ])
    // a version the store has for the arch needs no binaries: released, not waiting
    expect(one(up('v1.35.2'), rows('amd64', { '1.35/edge': ['1.35.2', 4], '1.35/stable': '-' }), { 'v1.35.2|amd64': 'no' })).toMatchObject([
      { action: 'release' },
    ])
    expect(one({ track: '1.35', skip: 'stable-1.35.txt is not a version' }, [])).toMatchObject([{ action: 'skipped', version: '' }])
  })

  test('build pairs: one per (version, arch), its Kubernetes snaps and cdk-addons', () => {
    const cells = ['kubectl', 'kubelet', 'cdk-addons'].flatMap((snap) =>
      ['amd64', 's390x'].flatMap((arch) => decideCells({ track: t35, snap, arch, upstream: up('v1.35.2'), rows: [] })),
    )
    expect(buildPairs(cells)).toEqual([
      { version: 'v1.35.2', arch: 'amd64', components: ['kubectl', 'kubelet'], cdkAddons: true },
      { version: 'v1.35.2', arch: 's390x', components: ['kubectl', 'kubelet'], cdkAddons: true },
    ])
  })
})

test('latest/* follows the named track revision for revision; what already matches is left', () => {
  const status = {
    kubectl: rows('amd64', {
      '1.34/stable': ['1.34.1', 4],
      '1.34/edge': ['1.34.2', 6],
      'latest/stable': ['1.34.1', 4],
      'latest/edge': ['1.34.1', 4],
    }),
  }
  const holds = (snap: string, arch: string, channel: string) => {
    const r = status.kubectl.find((x) => x.arch === arch && x.channel === channel)
    return r?.revision ? { revision: r.revision, version: r.version! } : undefined
  }
  expect(planLatest(t34, ['kubectl'], ['amd64'], holds, status)).toEqual([
    { snap: 'kubectl', arch: 'amd64', revision: 6, version: '1.34.2', channels: ['latest/edge'] },
  ])
})

test('examples/follow.yaml is valid: the default snaps, arches as Debian names, tracks newest first, cdk-addons beside it', async () => {
  const { loadFollow } = await import('../../shared/follow/config.js')
  const { repoRoot } = await import('../helpers/runner.js')
  const path = await import('node:path')
  const c = await loadFollow(path.join(repoRoot, 'examples', 'follow.yaml'))
  expect(c.arches).toEqual(['amd64', 'arm64', 's390x', 'ppc64el'])
  expect(c.snaps).toHaveLength(7)
  expect(c.cdkAddons).toBe(path.join(repoRoot, 'examples', 'cdk-addons'))
  expect(c.tracks.map((t) => [t.track, t.preReleases, t.risks.join(',')])).toEqual([
    ['1.35', true, 'stable,candidate,beta,edge'],
    ['1.34', false, 'stable,candidate,beta,edge'],
    ['1.33', false, 'stable,candidate,beta,edge'],
  ])
  expect(c.latest).toBe('1.34')
})

describe('the summary', () => {
  const plan = (o: Partial<FollowPlan> = {}): FollowPlan => ({
    config: '/x/follow.yaml',
    baseUrl: 'https://dl.k8s.io',
    dryRun: true,
    cells: [],
    builds: [],
    status: { kubectl: [] },
    storeRead: true,
    latest: '1.35',
    snaps: ['kubectl'],
    arches: ['amd64', 's390x'],
    cdkAddons: '',
    ...o,
  })
  const cell = (o: Partial<Cell>): Cell => ({
    track: '1.35',
    snap: 'kubectl',
    arch: 'amd64',
    version: 'v1.35.2',
    held: {},
    action: 'up-to-date',
    channels: [],
    why: [],
    ...o,
  })

  test('latest/*: set after publishing while its track has builds or releases pending, or a status was not read', () => {
    const pending = [cell({ action: 'build', channels: ['1.35/edge'] })]
    expect(followSummary(plan(), pending, [], [])).toContain('latest/* will be set from 1.35 after publishing.')
    expect(followSummary(plan({ status: {} }), [cell({})], [], [])).toContain('latest/* will be set from 1.35 after publishing.')
    expect(followSummary(plan({ storeRead: false }), [cell({})], [], [])).toContain('will be set from 1.35 after publishing')
    expect(followSummary(plan(), [cell({})], [], [])).toContain('latest/* follows 1.35: it already holds the same revisions.')
  })

  test('a pre-release track shows what the store holds in every risk, candidate and stable too', () => {
    const r = rows('amd64', { '1.35/stable': ['1.35.1', 3], '1.35/candidate': ['1.35.1', 3], '1.35/beta': '-', '1.35/edge': '-' })
    const up: TrackUpstream = {
      track: '1.35',
      targets: [
        { version: 'v1.36.0-rc.0', risks: ['beta', 'edge'] },
        { version: 'v1.35.1', risks: ['stable', 'candidate'] },
      ],
      notes: [],
    }
    const cells = decideCells({ track: t35, snap: 'kubectl', arch: 'amd64', upstream: up, rows: r })
    expect(cells[0].held).toEqual({ stable: '1.35.1 (r3)', candidate: '1.35.1 (r3)', beta: '-', edge: '-' })
    const md = followSummary(plan(), cells, [], [])
    expect(md).toMatch(/\| 1\.35 \| kubectl \| amd64 \| v1\.36\.0-rc\.0 \| 1\.35\.1 \(r3\) \| 1\.35\.1 \(r3\) \| - \| - \| would build/)
  })

  test('every status failed: the risk columns are still there, the separator as long as the header', () => {
    const failed = cell({ version: '', action: 'failed', why: ['snapcraft status kubectl: exit code 2, nothing printed'] })
    const md = followSummary(plan({ status: {} }), [failed, { ...failed, arch: 's390x' }], [], [])
    const lines = md.split('\n')
    const header = lines.find((l) => l.startsWith('| track'))!
    const sep = lines[lines.indexOf(header) + 1]
    expect(header).toBe(`| track | snap | arch | upstream | ${RISKS.join(' | ')} | action |`)
    expect(sep.split('|').length).toBe(header.split('|').length)
    expect(header).not.toContain('|  |')
  })

  test('a failure shared by many cells is said once under the table; ignored markers are noted', () => {
    const why = ['https://dl.k8s.io/release/stable-1.35.txt: download failed: connection error (ECONNRESET) after 3 attempts']
    const cells = ['amd64', 's390x'].map((arch) => cell({ arch, version: '', action: 'failed', why }))
    const md = followSummary(plan({ notes: ['1.35: ignored latest-1.35.txt is empty'] }), cells, [], [])
    expect(md.split(why[0]).length - 1).toBe(1)
    expect(md.match(/\| failed \(see below\) \|/g)).toHaveLength(2)
    expect(md).toContain(`- failed (1.35): ${why[0]}`)
    expect(md).toContain('- 1.35: ignored latest-1.35.txt is empty')
  })
})

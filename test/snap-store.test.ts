/**
 * The Snap Store half of a release, pure parts: snapcraft 8's text tables read back, the publish plan, the
 * preflight, the gate, promotion, and which snaps each charm installs at which channel.
 *
 * The tables are made by the real `tabulate` (Debian's python3-tabulate) called exactly as snapcraft 8.14.5's
 * snapcraft/commands/status.py calls it (tablefmt "plain", numalign "left", disable_numparse; rows as
 * get_tabulated_channel_map builds them with repeat=True, i.e. stdout not a TTY), not written by hand.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { charmInstalls } from '../shared/release/snaps.js'
import type { CharmInfo } from '../shared/release/check.js'
import type { Description } from '../shared/release/description.js'
import { parseChannel } from '../shared/charm/plan.js'
import { gateGaps, planPromotion, planPublish, preflight, snapNeeds, type SnapArtifact } from '../shared/snap-store/plan.js'
import { parseRevisions, parseStatus, parseTracks, snapcraftErrors } from '../shared/snap-store/snapcraft.js'

/** tabulate(rows, headers=..., tablefmt="plain", numalign="left", disable_numparse=True), as status.py calls it. */
function tabulate(rows: string[][], headers: string[]): string {
  const py =
    'import json,sys\nfrom tabulate import tabulate\nd=json.load(sys.stdin)\nprint(tabulate(d["rows"], headers=d["headers"], tablefmt="plain", numalign="left", disable_numparse=True))'
  return execFileSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify({ rows, headers }), encoding: 'utf8' })
}

const STATUS_HEADERS = ['Track', 'Arch', 'Channel', 'Version', 'Revision', 'Progress', '']

describe('snapcraft 8 tables', () => {
  test('status: every row of every track and arch (repeated, stdout not a TTY); ↑ follows, - closed; branches; progressive', () => {
    const text = tabulate(
      [
        ['1.33', 'amd64', 'stable', '1.33.2', '12', '-', ''],
        ['1.33', 'amd64', 'candidate', '↑', '↑', '-', ''],
        ['1.33', 'amd64', 'beta', '↑', '↑', '-', ''],
        ['1.33', 'amd64', 'edge', '1.33.3', '15', '-', ''],
        ['1.33', 'amd64', 'edge/hotfix', '1.33.3-1', '16', '-', ''],
        ['1.33', 's390x', 'stable', '-', '-', '-', ''],
        ['1.33', 's390x', 'candidate', '-', '-', '-', ''],
        ['1.33', 's390x', 'beta', '-', '-', '-', ''],
        ['1.33', 's390x', 'edge', '1.33.3', '14', '20→80%', ''],
        ['', '', '', '1.33.2', '13', '80→20%', ''],
        ['latest', 'arm64', 'stable', '1.34.0', '20', '-', ''],
      ],
      STATUS_HEADERS,
    )
    const rows = parseStatus(text)
    expect(rows.find((r) => r.arch === 'amd64' && r.channel === '1.33/stable')).toMatchObject({
      revision: 12,
      version: '1.33.2',
      following: false,
    })
    expect(rows.find((r) => r.arch === 'amd64' && r.channel === '1.33/beta')).toEqual({
      track: '1.33',
      arch: 'amd64',
      channel: '1.33/beta',
      following: true,
    })
    expect(rows.find((r) => r.arch === 'amd64' && r.channel === '1.33/edge/hotfix')).toMatchObject({ revision: 16, version: '1.33.3-1' })
    expect(rows.find((r) => r.arch === 's390x' && r.channel === '1.33/stable')).toEqual({
      track: '1.33',
      arch: 's390x',
      channel: '1.33/stable',
      following: false,
    })
    // The progressive row's channel is on the row before it; the channel's own row is what counts.
    expect(rows.filter((r) => r.arch === 's390x' && r.channel === '1.33/edge')).toEqual([
      { track: '1.33', arch: 's390x', channel: '1.33/edge', following: false, revision: 14, version: '1.33.3' },
    ])
    expect(rows.find((r) => r.channel === 'latest/stable')).toMatchObject({ arch: 'arm64', revision: 20 })
    expect(rows).toHaveLength(10)
    expect(parseStatus('This snap has no released revisions\n')).toEqual([])
    expect(() => parseStatus('something else')).toThrow(/not the table snapcraft 8 prints/)
  })

  test('status with an "Expires at" column (a branch with an expiry) still reads every column', () => {
    const text = tabulate(
      [
        ['1.33', 'amd64', 'edge', '1.33.3', '15', '-', '-'],
        ['1.33', 'amd64', 'edge/fix', '1.33.3', '16', '-', '2027-01-01T00:00:00Z'],
      ],
      ['Track', 'Arch', 'Channel', 'Version', 'Revision', 'Progress', 'Expires at'],
    )
    expect(parseStatus(text).map((r) => [r.channel, r.revision])).toEqual([
      ['1.33/edge', 15],
      ['1.33/edge/fix', 16],
    ])
  })

  test('revisions: arches comma-joined, * (current) stripped, - none', () => {
    const text = tabulate(
      [
        ['16', '2026-12-01T10:00:00Z', 'amd64', '1.33.3', '1.33/edge*,1.33/stable*'],
        ['15', '2026-11-30T10:00:00Z', 'amd64,arm64', '1.33.2', '1.33/edge'],
        ['14', '2026-11-29T10:00:00Z', 's390x', '1.33.2', '-'],
      ],
      ['Rev.', 'Uploaded', 'Arches', 'Version', 'Channels'],
    )
    expect(parseRevisions(text)).toEqual([
      { revision: 16, uploaded: '2026-12-01T10:00:00Z', arches: ['amd64'], version: '1.33.3', channels: ['1.33/edge', '1.33/stable'] },
      { revision: 15, uploaded: '2026-11-30T10:00:00Z', arches: ['amd64', 'arm64'], version: '1.33.2', channels: ['1.33/edge'] },
      { revision: 14, uploaded: '2026-11-29T10:00:00Z', arches: ['s390x'], version: '1.33.2', channels: [] },
    ])
  })

  test('tracks; store errors (craft-store) and review issues (verify_upload) as code/message', () => {
    const text = tabulate(
      [
        ['latest', 'active', '-', '-'],
        ['1.33', 'default', '2025-04-01T00:00:00Z', '1\\.33\\..*'],
      ],
      ['Name', 'Status', 'Creation-Date', 'Version-Pattern'],
    )
    expect(parseTracks(text).map((t) => [t.name, t.status])).toEqual([
      ['latest', 'active'],
      ['1.33', 'default'],
    ])
    expect(
      snapcraftErrors('', 'Store operation failed:\n- resource-not-found: Snap not found for name=kubectl\nFull execution log: /x.log'),
    ).toEqual([{ code: 'resource-not-found', message: 'Snap not found for name=kubectl' }])
    expect(snapcraftErrors('', 'Issues while processing snap:\n- A file with this exact same content has already been uploaded')).toEqual([
      { code: 'review', message: 'A file with this exact same content has already been uploaded' },
    ])
    expect(snapcraftErrors('', 'Exported credentials are no longer valid for the Snap Store.')).toBeUndefined()
  })
})

const art = (snap: string, arch: string, version = '1.33.2'): SnapArtifact => ({
  snap,
  arch,
  version,
  file: `release-${arch}/${snap}_${version}_${arch}.snap`,
  size: 10,
  sha256: 'ab'.repeat(32),
})
const row = (arch: string, channel: string, revision?: number, version?: string, following = false) => ({
  track: channel.split('/')[0],
  arch,
  channel,
  following,
  ...(revision !== undefined ? { revision, version } : {}),
})

describe('publish plan', () => {
  const channels = ['1.33/edge', '1.33/stable']
  test('keep what every channel holds at this version; release a revision of this version to the rest; upload the others', () => {
    const status = {
      kubectl: [
        row('amd64', '1.33/edge', 7, '1.33.2'),
        row('amd64', '1.33/stable', 7, '1.33.2'),
        row('arm64', '1.33/edge', 8, '1.33.2'),
        row('s390x', '1.33/edge', 3, '1.33.1'),
      ],
    }
    const steps = planPublish(
      [art('kubectl', 'amd64'), art('kubectl', 'arm64'), art('kubectl', 's390x'), art('kubelet', 'amd64')],
      channels,
      status,
    )
    expect(steps.map((s) => [s.snap, s.arch, s.action, s.revision, s.releaseTo])).toEqual([
      ['kubectl', 'amd64', 'keep', 7, []],
      ['kubectl', 'arm64', 'release', 8, ['1.33/stable']],
      ['kubectl', 's390x', 'upload', undefined, channels],
      ['kubelet', 'amd64', 'upload', undefined, channels],
    ])
  })

  test('preflight: a missing track and an unknown name are one line each, naming the snap and the way out', () => {
    const lines = preflight(['kubectl', 'kubelet', 'kube-proxy'], ['1.34/edge', 'latest/stable'], {
      kubectl: [
        { name: 'latest', status: 'default', created: '-', pattern: '-' },
        { name: '1.33', status: 'active', created: '-', pattern: '-' },
      ],
      kubelet: { refused: 'resource-not-found: Snap not found for name=kubelet' },
      'kube-proxy': [
        { name: 'latest', status: 'default', created: '-', pattern: '-' },
        { name: '1.34', status: 'active', created: '-', pattern: '-' },
      ],
    })
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^snap-store: kubectl has no track '1\.34' \(channel 1\.34\/edge\); .*POST \/v1\/snap\/kubectl\/tracks.*store-requests/,
    )
    expect(lines[1]).toMatch(
      /^snap-store: kubelet: the Snap Store does not know this snap .*Snap not found for name=kubelet.*snapcraft register kubelet/,
    )
  })

  test('promotion: each arch revision of from is released to the channel; what it already holds is kept; a gap is a problem', () => {
    const status = {
      kubectl: [
        row('amd64', '1.33/edge', 7, '1.33.2'),
        row('amd64', '1.33/beta', 7, '1.33.2'),
        row('arm64', '1.33/edge', 8, '1.33.2'),
        row('s390x', '1.33/edge', undefined, undefined, true),
      ],
    }
    const { steps, problems } = planPromotion(
      ['kubectl'],
      ['amd64', 'arm64', 's390x'],
      parseChannel('1.33/edge'),
      parseChannel('1.33/beta'),
      status,
    )
    expect(steps.map((s) => [s.arch, s.action, s.revision, s.releaseTo])).toEqual([
      ['amd64', 'keep', 7, []],
      ['arm64', 'release', 8, ['1.33/beta']],
    ])
    expect(problems).toEqual(['snap-store: kubectl has no s390x revision of its own in 1.33/edge; nothing to promote to 1.33/beta'])
  })
})

describe('the gate', () => {
  const needs = snapNeeds([
    {
      charm: 'kubernetes-worker',
      arches: ['amd64', 's390x'],
      installs: [
        { snap: 'kubelet', channel: '1.33/stable' },
        { snap: 'kubectl', channel: '1.33/stable' },
      ],
    },
  ])
  test('every (charm, arch, snap) is checked; a revision or a following risk passes; each gap is one line', () => {
    expect(needs).toHaveLength(4)
    const status = {
      kubelet: [row('amd64', '1.33/stable', 4, '1.33.2'), row('s390x', '1.33/stable')],
      kubectl: [row('amd64', '1.33/stable', 5, '1.33.2'), row('s390x', '1.33/stable', undefined, undefined, true)],
    }
    expect(gateGaps(needs, status)).toEqual([
      'gate: kubernetes-worker on s390x installs kubelet from 1.33/stable, which has no s390x revision there; publish it (snap-store in the description) or release it to 1.33/stable',
    ])
    expect(
      gateGaps(needs, { kubelet: { refused: 'resource-not-found: Snap not found for name=kubelet' }, kubectl: status.kubectl }),
    ).toEqual([
      'gate: kubernetes-worker on amd64 installs kubelet from 1.33/stable, and the Snap Store would not say what it holds (resource-not-found: Snap not found for name=kubelet)',
      'gate: kubernetes-worker on s390x installs kubelet from 1.33/stable, and the Snap Store would not say what it holds (resource-not-found: Snap not found for name=kubelet)',
    ])
  })
})

describe('which snaps a charm installs, from which channel', () => {
  const info = (name: string, channelDefault?: string, declared: CharmInfo['declared'] = []): CharmInfo => ({
    name,
    files: [],
    declared,
    bundle: { subordinate: false, endpoints: {} },
    ...(channelDefault ? { channelDefault } : {}),
  })
  const desc = (charms: Description['charms']): Description => ({
    arches: ['amd64'],
    snaps: 'placeholder',
    versions: { kubernetes: 'v1.33.2' },
    charms,
  })
  const spec = (extra: object = {}) => ({ resources: {}, ...extra })

  test("built in for today's Kubernetes charms: the config default, cdk-addons at track/risk; the template wins", () => {
    const d = desc({ 'kubernetes-control-plane': spec(), 'kubernetes-worker': spec() })
    const infos = [info('kubernetes-control-plane', '1.33/stable/hotfix'), info('kubernetes-worker', '1.33/stable')]
    const { charms, problems } = charmInstalls(d, infos, undefined)
    expect(problems).toEqual([])
    expect(charms[0].installs).toEqual([
      ...['kubectl', 'kubelet', 'kube-proxy', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((snap) => ({
        snap,
        channel: '1.33/stable/hotfix',
      })),
      { snap: 'cdk-addons', channel: '1.33/stable' },
    ])
    const template = 'applications:\n  kubernetes-worker:\n    charm: kubernetes-worker\n    options:\n      channel: 1.33/beta\n'
    expect(charmInstalls(d, infos, template).charms[1].installs.map((i) => i.channel)).toEqual(['1.33/beta', '1.33/beta', '1.33/beta'])
  })

  test('installs-snaps for any charm (snap@channel pins one); a charm with snap resources has no built-in list; no channel is one line', () => {
    const d = desc({
      etcd: spec({ 'installs-snaps': ['etcd@3.4/stable'] }),
      'kubernetes-worker': spec(),
      other: spec({ 'installs-snaps': ['kubectl'] }),
    })
    const layerSnap = info('kubernetes-worker', 'latest/edge', [{ name: 'kubelet', type: 'file', filename: 'kubelet.snap' }])
    const { charms, problems } = charmInstalls(d, [info('etcd', 'auto'), layerSnap, info('other')], undefined)
    expect(charms).toEqual([
      { charm: 'etcd', installs: [{ snap: 'etcd', channel: '3.4/stable' }] },
      { charm: 'other', installs: [] },
    ])
    expect(problems).toEqual([
      'charms.other: installs kubectl from the Snap Store, but its channel is unknown (no channel option in the charm, none in bundle.template); set options.channel for it in bundle.template or write kubectl@<track>/<risk> in installs-snaps',
    ])
  })
})

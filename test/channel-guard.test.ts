/**
 * Release only onto the channel the plan saw (shared/charm/channel-guard.ts): the comparison itself, and
 * charm-attach-release through its dist bundle against the charmcraft TEST DOUBLE, where another party releases
 * to the channel (a) between an earlier store read and this step (expect-channel) and (b) inside this step,
 * between its plan and its first release (a charmcraft wrapper that releases when the first resource is
 * uploaded). Either way: exit 1 with one line, and no release command after the change.
 */
import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../shared/errors.js'
import { type ChannelHeld, channelChanges, channelHeld, parseExpectChannel } from '../shared/charm/channel-guard.js'
import { parseChannel, type ChannelRelease } from '../shared/charm/plan.js'
import { clearFailure, runDist, tempDir, type DistRun } from './helpers/runner.js'
import { FIXTURES, TOKEN, calls, charmFile, charmcraft, cniTarball, storeDouble, writes, type StoreDouble } from './charm-fixtures.js'

const base = (architecture: string) => ({ name: 'ubuntu', channel: '22.04', architecture })
const edge = parseChannel('1.31/edge', 'channel')

describe('channelHeld / channelChanges', () => {
  const map: ChannelRelease[] = [
    { channel: '1.31/edge', base: base('s390x'), revision: 4, resources: { cni: 2 } },
    { channel: '1.31/edge', base: base('amd64'), revision: 3, resources: { cni: 1 } },
    { channel: '1.31/beta', base: base('amd64'), revision: 1, resources: {} },
  ]
  it('keeps only the channel, keyed and sorted by base', () => {
    expect(JSON.stringify(channelHeld(map, edge))).toBe(
      '{"22.04/amd64":{"revision":3,"resources":{"cni":1}},"22.04/s390x":{"revision":4,"resources":{"cni":2}}}',
    )
  })
  it('no change, a foreign change, a closed base, and our own earlier release (a re-run) told apart', () => {
    const planned = channelHeld(map, edge)
    expect(channelChanges(planned, planned, [])).toEqual([])
    const foreign = { ...planned, '22.04/amd64': { revision: 9, resources: { cni: 1 } } }
    expect(channelChanges(planned, foreign, [])).toEqual(['22.04/amd64: planned revision 3 (cni:1), now revision 9 (cni:1)'])
    const closed = { '22.04/amd64': planned['22.04/amd64'] }
    expect(channelChanges(planned, closed, [])).toEqual(['22.04/s390x: planned revision 4 (cni:2), now nothing'])
    // the channel now holds what this plan releases for amd64: ours, not a change
    expect(channelChanges(planned, foreign, [{ bases: [base('amd64')], revision: 9, resources: { cni: 1 } }])).toEqual([])
    // same revision, other resources: a change
    expect(channelChanges(planned, foreign, [{ bases: [base('amd64')], revision: 9, resources: { cni: 2 } }])).toHaveLength(1)
  })
  it('expect-channel: empty is none; bad JSON or entries name the input and the fix', () => {
    expect(parseExpectChannel('')).toBeUndefined()
    expect(parseExpectChannel('{"all":{"revision":2,"resources":{}}}')).toEqual({ all: { revision: 2, resources: {} } })
    for (const bad of ['nope', '[]', '{"all":{"revision":"2","resources":{}}}', '{"all":{"revision":2}}']) {
      expect(() => parseExpectChannel(bad)).toThrow(UserError)
      expect(() => parseExpectChannel(bad)).toThrow(/^expect-channel: .*channel-held/)
    }
  })
})

describe('charm-attach-release stops when the channel changed since the plan (dist bundle, charmcraft double)', () => {
  const ARCHES = ['amd64', 'arm64', 's390x']
  let work: string
  let charm: string
  let resources: string
  beforeAll(async () => {
    work = tempDir('bs-guard-')
    charm = await charmFile('kubernetes-worker', path.join(work, 'kubernetes-worker.charm'))
    for (const a of ARCHES) cniTarball(work, a)
    const zb = await runDist('zero-byte-snaps', { charm: path.join(FIXTURES, 'kubernetes-worker'), 'output-dir': path.join(work, 'zero') })
    expect(zb.exitCode, zb.log).toBe(0)
    resources = `cni-{arch}=${work}/cni-{arch}.tgz\n${zb.outputs.resources}`
  })
  const release = (store: StoreDouble, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<DistRun> =>
    runDist(
      'charm-attach-release',
      { charm, channel: '1.31/edge', arches: ARCHES.join(' '), resources, credentials: TOKEN, ...inputs },
      { env: { ...store.env, ...env } },
    )
  const registered = () => {
    const store = storeDouble()
    charmcraft(store, 'register', 'kubernetes-worker')
    return store
  }

  /** What another run releases: revision 1 with the resources held, except cni-arm64 at a revision uploaded just for it. */
  function foreignRelease(store: StoreDouble, held: ChannelHeld): string[] {
    const spare = JSON.parse(
      charmcraft(
        store,
        'upload-resource',
        '--format',
        'json',
        'kubernetes-worker',
        'cni-arm64',
        '--filepath',
        cniTarball(tempDir(), 'arm64'),
      ),
    ) as { revision: number }
    const res = { ...held.all.resources, 'cni-arm64': spare.revision }
    return [
      'release',
      'kubernetes-worker',
      '--revision',
      '1',
      '--channel',
      '1.31/edge',
      ...Object.entries(res).flatMap(([n, r]) => ['--resource', `${n}:${r}`]),
    ]
  }
  async function releasedOnce(store: StoreDouble): Promise<ChannelHeld> {
    expect((await release(store)).exitCode).toBe(0)
    const dry = await release(store, { 'dry-run': 'true' })
    expect(dry.exitCode, dry.log).toBe(0)
    return parseExpectChannel(dry.outputs['channel-held'])!
  }

  it('(a) a dry run with credentials records channel-held; after a foreign release, expect-channel stops the release', async () => {
    const store = registered()
    const held = await releasedOnce(store)
    expect(Object.keys(held)).toEqual(['all'])
    expect(held.all.revision).toBe(1)
    charmcraft(store, ...foreignRelease(store, held))
    const before = calls(store).length
    const r = await release(store, { 'expect-channel': JSON.stringify(held) })
    expect(clearFailure(r)).toMatch(
      /^1\.31\/edge changed since this release was planned \(kubernetes-worker: all: planned revision 1 \(.*cni-arm64:1 .*\), now revision 1 \(.*cni-arm64:2 .*\)\): another release wrote to it; nothing was released/,
    )
    expect(writes(calls(store).slice(before)).filter((w) => w.startsWith('release'))).toEqual([])
    // without the pin, the same step releases (it plans against what the channel holds now)
    expect((await release(store)).exitCode).toBe(0)
  })

  it('(b) a release by someone else while this step uploads stops it before its first release', async () => {
    const store = registered()
    const held = await releasedOnce(store)
    const racer = foreignRelease(store, held)
    const fresh = tempDir('bs-guard-cni-')
    for (const a of ARCHES) cniTarball(fresh, a)
    const bin = tempDir('bs-racer-')
    const double = path.resolve('test/doubles/charmcraft')
    const marker = path.join(bin, 'raced')
    // charmcraft as the step sees it: the double, except that the step's first upload-resource first lets
    // "another run" release to the channel.
    writeFileSync(
      path.join(bin, 'charmcraft'),
      `#!/bin/sh\nif [ "$1" = upload-resource ] && [ ! -e '${marker}' ]; then : > '${marker}'; '${double}' ${racer.join(' ')} >/dev/null || exit 99; fi\nexec '${double}' "$@"\n`,
    )
    chmodSync(path.join(bin, 'charmcraft'), 0o755)
    const before = calls(store).length
    const r = await release(
      store,
      { resources: resources.replace(`${work}/cni-{arch}.tgz`, `${fresh}/cni-{arch}.tgz`) },
      { PATH: `${bin}${path.delimiter}${store.env.PATH}` },
    )
    expect(clearFailure(r)).toMatch(
      /^1\.31\/edge changed since this release was planned \(kubernetes-worker: all: planned revision 1 \(.*\), now revision 1 \(.*cni-arm64:2 .*\)\)/,
    )
    const after = calls(store).slice(before)
    expect(after.filter((c) => c.argv[0] === 'upload-resource').length).toBeGreaterThanOrEqual(3) // the step's new cni uploads
    expect(after.filter((c) => c.argv[0] === 'release').map((c) => c.argv.join(' '))).toEqual([racer.join(' ')]) // the racer's only
  })
})

/** The pure parts of the charm actions: channels, the resources input, arch inference, coverage, plans, retries. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArches } from '../shared/arch.js'
import { builderInvocation, checkLayerIncludes, chooseBuilder } from '../shared/charm/build.js'
import { loadCharm } from '../shared/charm/metadata.js'
import {
  alreadyReleased,
  baseKey,
  buildPlan,
  checkResourceCoverage,
  compareChannelMap,
  mismatchTable,
  parseChannel,
  parseResourceLines,
  planCommands,
  planJson,
  resourceArch,
  sameRelease,
  showCommand,
  type Base,
  type ChannelRelease,
  type CharmFile,
  type PlannedResource,
  type StoreView,
} from '../shared/charm/plan.js'
import { duplicateRevision, manifestBases } from '../shared/charm/release.js'
import { isTransient, jsonErrors, parseDuplicate, parseResourceRevisions, parseStatus, parseStatusTracks } from '../shared/charm/store.js'
import { parseCharmInput, resourceRevisionsOutput } from '../shared/charm/action-io.js'
import { FIXTURES } from './charm-fixtures.js'

describe('parseChannel', () => {
  it('accepts track/risk[/branch] and a bare risk', () => {
    expect(parseChannel('1.31/edge')).toEqual({ track: '1.31', risk: 'edge', name: '1.31/edge' })
    expect(parseChannel('latest/stable/hotfix-1')).toEqual({
      track: 'latest',
      risk: 'stable',
      branch: 'hotfix-1',
      name: 'latest/stable/hotfix-1',
    })
    expect(parseChannel('candidate').name).toBe('latest/candidate')
    expect(parseChannel('edge', 'channel', true).name).toBe('edge')
  })
  it('rejects a bad risk, too many parts, empty parts, tracks on the legacy store', () => {
    expect(() => parseChannel('1.31/nightly')).toThrow(/channel: '1.31\/nightly' has risk 'nightly'; use track\/risk/)
    expect(() => parseChannel('a/edge/b/c')).toThrow(/not a valid channel/)
    expect(() => parseChannel('1.31//edge')).toThrow(/not a valid channel/)
    expect(() => parseChannel('')).toThrow(/not a valid channel/)
    expect(() => parseChannel('1.31/edge', 'channel', true)).toThrow(/the charm store has no tracks/)
  })
})

describe('resources input', () => {
  const three = parseArches('amd64 arm64 s390x')
  it('expands {arch} over arches with Debian names, keeps plain lines, refuses duplicates', () => {
    const r = parseResourceLines('cni-{arch}=out/cni-{arch}.tgz\n# comment\nkubectl=zero/kubectl.snap', three)
    expect(r.map((x) => `${x.name}=${x.path}`)).toEqual([
      'cni-amd64=out/cni-amd64.tgz',
      'cni-arm64=out/cni-arm64.tgz',
      'cni-s390x=out/cni-s390x.tgz',
      'kubectl=zero/kubectl.snap',
    ])
    expect(r[2].arch?.debian).toBe('s390x')
    expect(parseResourceLines('flannel-{arch}=f-{arch}.tgz', parseArches('ppc64le armhf')).map((x) => x.name)).toEqual([
      'flannel-ppc64el',
      'flannel-armhf',
    ])
    expect(() => parseResourceLines('a=x\na=y', three)).toThrow(/resource 'a' is given twice/)
    const pa = parseResourceLines('kubectl=snaps/{arch}/kubectl.snap', three)
    expect(pa.map((x) => [x.name, x.path, x.arch?.debian, x.perArch])).toEqual(
      three.map((a) => ['kubectl', `snaps/${a.debian}/kubectl.snap`, a.debian, true]),
    )
    expect(() => parseResourceLines('kubectl=snaps/{arch}/kubectl.snap\nkubectl=k.snap', three)).toThrow(
      /resource 'kubectl' is given twice/,
    )
    expect(() => parseResourceLines('cni-{arch}=x', [])).toThrow(/uses \{arch\}; set the arches input/)
    expect(() => parseResourceLines('kubectl', three)).toThrow(/'kubectl' is not a name=path line/)
    expect(() => parseResourceLines('k={version}', three)).toThrow(/unknown placeholder \{version\}/)
  })
  it('infers the arch from {arch}, the name suffix, or a single arches hint', () => {
    expect(resourceArch({ name: 'cni-s390x', path: 'x' }, three)?.debian).toBe('s390x')
    expect(resourceArch({ name: 'flannel-ppc64el', path: 'x' }, [])?.debian).toBe('ppc64el')
    expect(resourceArch({ name: 'kubectl', path: 'x' }, parseArches('arm64'))?.debian).toBe('arm64')
    expect(resourceArch({ name: 'kubectl', path: 'x' }, three)).toBeUndefined()
  })
  it('checks coverage against the declared resources', async () => {
    const meta = await loadCharm(path.join(FIXTURES, 'kubernetes-worker'))
    const all = parseResourceLines('cni-{arch}=c\nkubectl=k\nkubelet=k\nkube-proxy=k\ncore=c', three)
    expect(() => checkResourceCoverage(meta.name, meta.resources, all, [])).not.toThrow()
    expect(() => checkResourceCoverage(meta.name, meta.resources, all.slice(1), [])).toThrow(
      /declares cni-amd64 but no file is given for it; .*keep-resources/,
    )
    expect(() => checkResourceCoverage(meta.name, meta.resources, all.slice(1), ['cni-amd64'])).not.toThrow()
    expect(() => checkResourceCoverage(meta.name, meta.resources, [...all, { name: 'etcd', path: 'e' }], [])).toThrow(
      /declares no resource 'etcd'; its resources are cni-amd64/,
    )
    expect(() => checkResourceCoverage(meta.name, meta.resources, all, ['core'])).toThrow(
      /keep-resources: 'core' is also given in resources/,
    )
    expect(() => checkResourceCoverage(meta.name, [{ name: 'img', type: 'oci-image' }], [{ name: 'img', path: 'x' }], [])).toThrow(
      /oci-image resource/,
    )
  })
})

const CH = parseChannel('1.31/edge')
const base = (architecture: string): Base => ({ name: 'ubuntu', channel: '22.04', architecture })
const charmFile = (arch: string, over: Partial<CharmFile> = {}): CharmFile => ({
  path: `/w/kw_ubuntu-22.04-${arch}.charm`,
  size: 10,
  sha256: `sha256-${arch}`,
  sha3_384: `sha3-${arch}`,
  name: 'kw',
  bases: [base(arch)],
  resources: [],
  ...over,
})
const res = (name: string, file: string, size = 5, extra: Partial<PlannedResource> = {}): PlannedResource => ({
  name,
  path: file,
  snap: false,
  facts: { path: file, size, sha256: `sha-${file}` },
  ...extra,
})
const perArch = (name: string, arch: string, size = 5) =>
  res(name, `/w/${arch}/${name}`, size, { perArch: true, arch: parseArches(arch)[0] })
const emptyView = (over: Partial<StoreView> = {}): StoreView => ({ resourceRevisions: {}, ledger: {}, ...over })

describe('the store client reads charmcraft answers', () => {
  it('status: {} before the first release; open rows only; per-base mappings; base null', () => {
    expect(parseStatus({})).toEqual([])
    const doc = [
      {
        track: 'latest',
        mappings: [
          {
            base: null,
            releases: [{ status: 'closed', channel: 'latest/stable', version: null, revision: null, resources: null, expires_at: null }],
          },
        ],
      },
      {
        track: '1.31',
        mappings: [
          {
            base: base('amd64'),
            releases: [
              {
                status: 'open',
                channel: '1.31/stable',
                version: '3',
                revision: 3,
                resources: [{ name: 'core', revision: 1 }],
                expires_at: null,
              },
              { status: 'tracking', channel: '1.31/candidate', version: null, revision: null, resources: null, expires_at: null },
              { status: 'open', channel: '1.31/edge', version: '7', revision: 7, resources: [], expires_at: null },
            ],
          },
          {
            base: base('s390x'),
            releases: [
              {
                status: 'open',
                channel: '1.31/edge',
                version: '8',
                revision: 8,
                resources: [{ name: 'core', revision: 2 }],
                expires_at: null,
              },
            ],
          },
        ],
      },
    ]
    expect(parseStatus(doc)).toEqual([
      { channel: '1.31/stable', base: base('amd64'), revision: 3, resources: { core: 1 } },
      { channel: '1.31/edge', base: base('amd64'), revision: 7, resources: {} },
      { channel: '1.31/edge', base: base('s390x'), revision: 8, resources: { core: 2 } },
    ])
    expect(() => parseStatus([{ track: 'x' }])).toThrow(/track "x" has no mappings list/)
    expect(() => parseStatus('nothing')).toThrow(/expected a JSON list from the store, got "nothing"/)
  })
  it('resource-revisions: unsorted rows with "created at" and bases, no digest', () => {
    const rows = [
      { revision: 2, 'created at': '2026-01-02T00:00:00+00:00', size: 0, bases: [{ name: 'all', channel: 'all', architectures: ['all'] }] },
      {
        revision: 5,
        'created at': '2026-01-01T00:00:00+00:00',
        size: 9,
        bases: [{ name: 'all', channel: 'all', architectures: ['s390x'] }],
      },
      { revision: 3, 'created at': '2026-01-09T00:00:00+00:00', size: 0, bases: [] },
    ]
    expect(parseResourceRevisions(rows)).toEqual([
      { revision: 2, size: 0, arches: ['all'] },
      { revision: 5, size: 9, arches: ['s390x'] },
      { revision: 3, size: 0 },
    ])
  })
  it('errors: {"errors": [...]} on stdout; duplicates by revision or by digest only', () => {
    expect(jsonErrors('{\n    "errors": [{"code": "review-error", "message": "Revision of the existing package is: 4"}]\n}')).toEqual([
      { code: 'review-error', message: 'Revision of the existing package is: 4' },
    ])
    expect(jsonErrors('{"revision": 3}')).toBeUndefined()
    expect(jsonErrors('not json')).toBeUndefined()
    const d = 'a'.repeat(96)
    expect(
      parseDuplicate(
        `review-error: Cannot insert package. An upload with that digest (SHA3-384: '${d}') already exists in the database. Revision of the existing package is: 12`,
      ),
    ).toEqual({ revision: 12, digest: d })
    expect(
      parseDuplicate(`review-error: Cannot insert package. An upload with that digest (SHA3-384: '${d}') already exists in the database.`),
    ).toEqual({ digest: d })
    expect(parseDuplicate('review-error: metadata.yaml is missing')).toBeUndefined()
  })
  it('a duplicate without a revision is matched by SHA3-384 against the ledger, never guessed', () => {
    const f = charmFile('amd64', { sha3_384: 'b'.repeat(96) })
    expect(duplicateRevision({ revision: 4 }, f, undefined, 'kw')).toBe(4)
    expect(duplicateRevision({ digest: 'b'.repeat(96) }, f, 9, 'kw')).toBe(9)
    expect(() => duplicateRevision({ digest: 'b'.repeat(96) }, f, undefined, 'kw')).toThrow(
      /did not say which revision, and no earlier run recorded it; .*charmcraft revisions kw/,
    )
    expect(() => duplicateRevision({ digest: 'c'.repeat(96) }, f, 9, 'kw')).toThrow(
      /duplicate of SHA3-384 c+, but this file's SHA3-384 is b+/,
    )
  })
  it('retries timeouts, resets and 502/503/504, not a 500, bad credentials or a rejection', () => {
    expect(isTransient('ReadTimeout: The read operation timed out')).toBe(true)
    expect(isTransient("ConnectionResetError(104, 'Connection reset by peer')")).toBe(true)
    expect(isTransient('[503] Service Unavailable')).toBe(true)
    expect(isTransient('[500] Internal Server Error.')).toBe(false)
    expect(isTransient('Provided credentials are no longer valid for Charmhub.')).toBe(false)
    expect(isTransient('Revision of the existing package is: 3')).toBe(false)
  })
})

describe('ReleasePlan', () => {
  const three = ['amd64', 'arm64', 's390x']
  it('one release per .charm (base/arch); each resource uploaded once; a per-arch resource once per arch', () => {
    const resources = [res('core', '/w/core.snap', 0), ...three.map((a) => perArch('kubectl', a))]
    const plan = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files: three.map((a) => charmFile(a)), resources, keep: [] },
      emptyView(),
    )
    expect(plan.releases.map((r) => [r.bases.map(baseKey), r.charm, r.resources])).toEqual([
      [['22.04/amd64'], { upload: 0 }, { core: { upload: 0 }, kubectl: { upload: 1 } }],
      [['22.04/arm64'], { upload: 1 }, { core: { upload: 0 }, kubectl: { upload: 2 } }],
      [['22.04/s390x'], { upload: 2 }, { core: { upload: 0 }, kubectl: { upload: 3 } }],
    ])
    const cmds = planCommands('charmcraft', plan).map(showCommand)
    expect(cmds.filter((c) => c.startsWith('charmcraft upload-resource '))).toEqual([
      'charmcraft upload-resource --format json kw core --filepath /w/core.snap',
      ...three.map((a) => `charmcraft upload-resource --format json kw kubectl --filepath /w/${a}/kubectl --arch ${a}`),
    ])
    expect(cmds.filter((c) => c.startsWith('charmcraft upload ')).length).toBe(3)
    expect(cmds.at(-1)).toBe(
      "charmcraft release kw --revision '<revision from upload kw_ubuntu-22.04-s390x.charm>' --channel 1.31/edge --resource 'core:<revision from upload-resource core>' --resource 'kubectl:<revision from upload-resource kubectl --arch s390x>'",
    )
    expect(planJson(plan)).toMatchObject({
      mode: 'upload',
      channel: '1.31/edge',
      uploads: { charms: three.map((a) => `/w/kw_ubuntu-22.04-${a}.charm`) },
    })
  })
  it('reuses what the ledger and the store confirm; the largest zero-byte revision, never the first row', () => {
    const files = [charmFile('amd64'), charmFile('s390x')]
    const cni = res('cni-amd64', '/w/cni-amd64.tgz', 5)
    const view = emptyView({
      charmRevisions: [1, 2],
      ledger: { 'charm/sha3-amd64': 2, [`cni-amd64/${cni.facts.sha256}`]: 4 },
      resourceRevisions: {
        core: [
          { revision: 2, size: 0 },
          { revision: 6, size: 0, arches: ['all'] },
          { revision: 3, size: 0 },
          { revision: 7, size: 0, arches: ['amd64'] },
        ],
        'cni-amd64': [{ revision: 4, size: 5 }],
      },
    })
    const plan = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files, resources: [res('core', '/w/core.snap', 0), cni], keep: [] },
      view,
    )
    expect(plan.releases[0].charm).toEqual({ revision: 2, why: expect.stringMatching(/ledger/) })
    expect(plan.releases[1].charm).toEqual({ upload: 1 })
    expect(plan.releases[0].resources).toEqual({
      core: { revision: 6, why: expect.stringMatching(/zero-byte/) },
      'cni-amd64': { revision: 4, why: expect.stringMatching(/ledger/) },
    })
    // A ledger revision the store does not hold is not trusted.
    const gone = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files, resources: [cni], keep: [] },
      { ...view, charmRevisions: [1], resourceRevisions: { 'cni-amd64': [{ revision: 4, size: 6 }] } },
    )
    expect(gone.releases[0].charm).toEqual({ upload: 0 })
    expect(gone.releases[0].resources['cni-amd64']).toEqual({ upload: 0 })
  })
  it('keep-resources keeps the channel revision per base, else the largest fitting one', () => {
    const view = emptyView({
      channelMap: [{ channel: '1.31/edge', base: base('s390x'), revision: 3, resources: { core: 9 } }],
      resourceRevisions: {
        core: [
          { revision: 11, size: 0, arches: ['s390x'] },
          { revision: 10, size: 0, arches: ['all'] },
          { revision: 4, size: 0 },
        ],
      },
    })
    const plan = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files: [charmFile('amd64'), charmFile('s390x')], resources: [], keep: ['core'] },
      view,
    )
    expect(plan.releases.map((r) => r.resources.core)).toEqual([
      { revision: 10, why: 'kept: the largest revision in the store' },
      { revision: 9, why: 'kept from 1.31/edge' },
    ])
    const dry = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files: [charmFile('amd64')], resources: [], keep: ['core'] },
      emptyView(),
    )
    expect(dry.releases[0].resources.core).toEqual({ pending: 'revision released in 1.31/edge' })
    expect(() =>
      buildPlan(
        { charm: 'kw', channel: CH, store: 'charmhub', files: [charmFile('amd64')], resources: [], keep: ['core'] },
        emptyView({ channelMap: [], resourceRevisions: { core: [] } }),
      ),
    ).toThrow(/keep-resources: core has no revision in 1.31\/edge or in the store for amd64/)
  })
  it('refuses mixed charms, two files for one base, a base-less file among several, per-arch gaps, the legacy store with several files', () => {
    const plan =
      (files: CharmFile[], resources: PlannedResource[] = [], store: 'charmhub' | 'charmstore' = 'charmhub') =>
      () =>
        buildPlan({ charm: 'kw', channel: CH, store, files, resources, keep: [] }, emptyView())
    expect(plan([charmFile('amd64'), charmFile('s390x', { name: 'etcd' })])).toThrow(
      /charm: .*s390x.charm is charm 'etcd' but .*amd64.charm is 'kw'/,
    )
    expect(plan([charmFile('amd64'), charmFile('amd64', { path: '/w/other.charm' })])).toThrow(/are both for base 22.04\/amd64/)
    expect(plan([charmFile('amd64'), charmFile('x', { bases: [] })])).toThrow(/names no base in manifest.yaml/)
    expect(plan([charmFile('amd64'), charmFile('s390x')], [perArch('kubectl', 'amd64')])).toThrow(
      /resources: kubectl has no file for s390x/,
    )
    expect(plan([charmFile('amd64', { bases: [] })], [perArch('kubectl', 'amd64')])).toThrow(
      /^resources: kubectl of charm kw is per-arch \(\{arch\} only in its path\), but .* names no base/,
    )
    expect(plan([charmFile('amd64'), charmFile('s390x')], [], 'charmstore')).toThrow(/legacy charm store takes one charm per release/)
  })
  it('tracks: create-track planned for a track the store does not list, first among the commands; none for latest or a listed one', () => {
    const input = (channel: string, store: 'charmhub' | 'charmstore' = 'charmhub') => ({
      charm: 'kw',
      channel: parseChannel(channel, 'channel', store === 'charmstore'),
      store,
      files: [charmFile('amd64')],
      resources: [],
      keep: [],
    })
    expect(buildPlan(input('1.34/edge'), emptyView()).createTrack).toEqual({ track: '1.34', known: false })
    expect(buildPlan(input('1.34/edge'), emptyView({ tracks: ['latest', '1.33'] })).createTrack).toEqual({ track: '1.34', known: true })
    expect(buildPlan(input('1.34/edge'), emptyView({ tracks: ['latest', '1.34'] })).createTrack).toBeUndefined()
    expect(buildPlan(input('latest/edge'), emptyView()).createTrack).toBeUndefined()
    // Whether the track exists is the store's word, never a ledger's (which may describe another store): nothing
    // released yet (no track list) means create-track is asked, and "already exists" counts as yes.
    expect(buildPlan(input('1.34/edge'), emptyView({ ledger: { 'track/1.34': 1 } })).createTrack).toEqual({ track: '1.34', known: false })
    expect(buildPlan(input('1.34/edge'), emptyView({ ledger: { 'track/1.34': 1 }, tracks: ['latest'] })).createTrack).toEqual({
      track: '1.34',
      known: true,
    })
    expect(buildPlan(input('edge', 'charmstore'), emptyView()).createTrack).toBeUndefined()
    const plan = buildPlan(input('1.34/edge'), emptyView())
    expect(showCommand(planCommands('charmcraft', plan)[0])).toBe('charmcraft create-track --format json --name kw --track 1.34')
    expect(planJson(plan)['create-track']).toBe('1.34')
    // Promotion to a new track plans it too.
    const map: ChannelRelease[] = [{ channel: '1.34/edge', base: base('amd64'), revision: 3, resources: {} }]
    const promo = buildPlan(
      { charm: 'kw', channel: parseChannel('1.35/beta'), from: parseChannel('1.34/edge'), store: 'charmhub', resources: [], keep: [] },
      emptyView({ channelMap: map, tracks: ['latest', '1.34'] }),
    )
    expect(promo.createTrack).toEqual({ track: '1.35', known: true })
  })
  it('status tracks: none listed for {} (nothing released), every track otherwise', () => {
    expect(parseStatusTracks({})).toBeUndefined()
    expect(
      parseStatusTracks([
        { track: 'latest', mappings: [] },
        { track: '1.34', mappings: [] },
      ]),
    ).toEqual(['latest', '1.34'])
    expect(() => parseStatusTracks([{ mappings: [] }])).toThrow(/charmcraft status: a track without a name/)
  })
  it('a per-arch resource counts architectures, not bases: one arch on 22.04 and 24.04 takes that arch file, with --arch', () => {
    const both = (a: string) =>
      charmFile(a, {
        path: `/w/kcp_ubuntu-22.04-${a}_ubuntu-24.04-${a}.charm`,
        bases: [base(a), { name: 'ubuntu', channel: '24.04', architecture: a }],
      })
    const cni = ['amd64', 'arm64'].map((a) => perArch('cni-plugins', a))
    const plan = buildPlan(
      { charm: 'kw', channel: CH, store: 'charmhub', files: [both('amd64'), both('arm64')], resources: cni, keep: [] },
      emptyView(),
    )
    expect(plan.releases.map((r) => [r.bases.map(baseKey), r.resources['cni-plugins']])).toEqual([
      [['22.04/amd64', '24.04/amd64'], { upload: 0 }],
      [['22.04/arm64', '24.04/arm64'], { upload: 1 }],
    ])
    expect(
      planCommands('charmcraft', plan)
        .map(showCommand)
        .filter((c) => c.startsWith('charmcraft upload-resource')),
    ).toEqual([
      'charmcraft upload-resource --format json kw cni-plugins --filepath /w/amd64/cni-plugins --arch amd64',
      'charmcraft upload-resource --format json kw cni-plugins --filepath /w/arm64/cni-plugins --arch arm64',
    ])
  })
  it('a multi-arch revision (flannel) takes per-name resources for all arches, and refuses a per-arch file in one line', () => {
    const arches = ['amd64', 'arm64', 's390x']
    const flannel = charmFile('multi', {
      name: 'flannel',
      path: '/w/flannel_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm',
      bases: ['22.04', '24.04'].flatMap((channel) => arches.map((architecture) => ({ name: 'ubuntu', channel, architecture }))),
    })
    const byName = parseResourceLines('flannel-{arch}=out/flannel-{arch}.tar.gz', parseArches(arches.join(' '))).map((r) =>
      res(r.name, r.path, 5, { ...(r.arch ? { arch: r.arch } : {}) }),
    )
    const plan = buildPlan({ charm: 'flannel', channel: CH, store: 'charmhub', files: [flannel], resources: byName, keep: [] }, emptyView())
    expect(plan.releases).toHaveLength(1)
    expect(plan.releases[0].bases).toHaveLength(6)
    expect(plan.releases[0].resources).toEqual({
      'flannel-amd64': { upload: 0 },
      'flannel-arm64': { upload: 1 },
      'flannel-s390x': { upload: 2 },
    })
    expect(
      planCommands('charmcraft', plan)
        .map(showCommand)
        .filter((c) => c.startsWith('charmcraft upload-resource')),
    ).toEqual(arches.map((a) => `charmcraft upload-resource --format json flannel flannel-${a} --filepath out/flannel-${a}.tar.gz`))
    const perArchFile = arches.map((a) => perArch('flannel', a))
    let message = ''
    try {
      buildPlan({ charm: 'flannel', channel: CH, store: 'charmhub', files: [flannel], resources: perArchFile, keep: [] }, emptyView())
    } catch (e) {
      message = (e as Error).message
    }
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toMatch(
      /^resources: flannel of charm flannel is per-arch \(\{arch\} only in its path\), but \/w\/flannel_.*\.charm serves amd64, arm64, s390x in one revision; a multi-arch charm takes one resource per arch by name \(flannel-\{arch\}=\/w\/\{arch\}\/flannel, declared so in its metadata, as flannel does\), or pack one \.charm per arch$/,
    )
  })
  it('promotion: every base from-channel holds, exact revisions and resources; a missing base refused or skipped', () => {
    const map: ChannelRelease[] = [
      { channel: '1.31/edge', base: base('amd64'), revision: 7, resources: { core: 1, kubectl: 3 } },
      { channel: '1.31/edge', base: base('s390x'), revision: 8, resources: { core: 1, kubectl: 4 } },
      { channel: '1.31/beta', base: base('arm64'), revision: 5, resources: { core: 1, kubectl: 2 } },
      { channel: 'latest/stable', base: base('ppc64el'), revision: 2, resources: {} },
    ]
    const input = { charm: 'kw', channel: parseChannel('1.31/beta'), from: CH, store: 'charmhub' as const, resources: [], keep: [] }
    expect(() => buildPlan(input, emptyView({ channelMap: map }))).toThrow(
      /^from-channel: 1.31\/edge holds nothing for base 22.04\/arm64 \(released in 1.31\/beta\); release it to 1.31\/edge first, or set allow-missing-bases: true/,
    )
    const plan = buildPlan({ ...input, allowMissingBases: true }, emptyView({ channelMap: map }))
    expect(plan.skipped).toEqual(['22.04/arm64'])
    expect(plan.releases.map((r) => [r.bases.map(baseKey), r.charm, r.resources])).toEqual([
      [
        ['22.04/amd64'],
        { revision: 7, why: 'in 1.31/edge' },
        { core: { revision: 1, why: 'as in 1.31/edge' }, kubectl: { revision: 3, why: 'as in 1.31/edge' } },
      ],
      [
        ['22.04/s390x'],
        { revision: 8, why: 'in 1.31/edge' },
        { core: { revision: 1, why: 'as in 1.31/edge' }, kubectl: { revision: 4, why: 'as in 1.31/edge' } },
      ],
    ])
    expect(planCommands('charmcraft', plan).map(showCommand)).toEqual([
      'charmcraft release kw --revision 7 --channel 1.31/beta --resource core:1 --resource kubectl:3',
      'charmcraft release kw --revision 8 --channel 1.31/beta --resource core:1 --resource kubectl:4',
    ])
    expect(() => buildPlan({ ...input, channel: CH }, emptyView({ channelMap: map }))).toThrow(/is the channel itself/)
    expect(() => buildPlan({ ...input, from: parseChannel('1.31/candidate') }, emptyView({ channelMap: map }))).toThrow(
      /1.31\/candidate holds no release of kw/,
    )
    expect(() => buildPlan({ ...input, resources: [res('core', '/c')] }, emptyView({ channelMap: map }))).toThrow(
      /leave resources and keep-resources empty/,
    )
    expect(() => buildPlan({ ...input, store: 'charmstore' }, emptyView({ channelMap: map }))).toThrow(/legacy charm store does not offer/)
  })
  it('a revision by number takes its bases from the channel map, and is refused when the store has no such revision', () => {
    const view = emptyView({
      charmRevisions: [3, 4],
      channelMap: [{ channel: 'latest/edge', base: base('amd64'), revision: 4, resources: {} }],
    })
    const plan = buildPlan({ charm: 'kw', channel: CH, store: 'charmhub', revision: 4, resources: [], keep: [] }, view)
    expect(plan.releases[0].bases).toEqual([base('amd64')])
    expect(() => buildPlan({ charm: 'kw', channel: CH, store: 'charmhub', revision: 9, resources: [], keep: [] }, view)).toThrow(
      /has no revision 9 in the store/,
    )
  })
  it('tells a finished release from one that differs', () => {
    expect(sameRelease({ revision: 3, resources: { a: 1, b: 2 } }, 3, { b: 2, a: 1 })).toBe(true)
    expect(sameRelease({ revision: 3, resources: { a: 1, b: 2 } }, 3, { a: 1, b: 3 })).toBe(false)
    expect(sameRelease({ revision: 3, resources: { a: 1 } }, 4, { a: 1 })).toBe(false)
    const map: ChannelRelease[] = [{ channel: '1.31/edge', base: base('amd64'), revision: 3, resources: { a: 1 } }]
    expect(alreadyReleased(map, CH, { bases: [base('amd64')], revision: 3, resources: { a: 1 } })).toBe(true)
    expect(alreadyReleased(map, CH, { bases: [base('amd64'), base('s390x')], revision: 3, resources: { a: 1 } })).toBe(false)
    expect(alreadyReleased(undefined, CH, { bases: [base('amd64')], revision: 3, resources: { a: 1 } })).toBe(false)
  })
  it('verify compares per base the revision and every resource revision', () => {
    const found: ChannelRelease[] = [
      { channel: '1.31/edge', base: base('amd64'), revision: 8, resources: { core: 1, kubectl: 4 } },
      { channel: '1.31/beta', base: base('s390x'), revision: 8, resources: { core: 1, kubectl: 4 } },
    ]
    const expected = [
      { bases: [base('amd64')], revision: 7, resources: { core: 1, kubectl: 3 } },
      { bases: [base('s390x')], revision: 8, resources: { core: 1, kubectl: 4 } },
    ]
    const ms = compareChannelMap(expected, found, CH)
    expect(ms).toEqual([
      { base: '22.04/amd64', what: 'charm revision', expected: '7', found: '8' },
      { base: '22.04/amd64', what: 'resource kubectl', expected: '3', found: '4' },
      { base: '22.04/s390x', what: 'charm revision', expected: '8', found: 'nothing released' },
    ])
    expect(mismatchTable(ms)).toContain('| 22.04/amd64 | resource kubectl | 3 | 4 |')
    expect(compareChannelMap([{ bases: [], revision: 8, resources: { core: 1 } }], found, CH)).toEqual([])
    expect(compareChannelMap([{ bases: [], revision: 9, resources: {} }], found, CH)).toEqual([
      { base: '(any)', what: 'charm revision', expected: '9', found: 'not in the channel' },
    ])
    expect(compareChannelMap(expected.slice(1), [{ ...found[1], channel: '1.31/edge' }], CH)).toEqual([])
  })
})

describe('the charm input and manifest.yaml', () => {
  it('takes lines, globs, a JSON array, or one charm name', () => {
    expect(parseCharmInput('kubernetes-worker')).toEqual({ name: 'kubernetes-worker' })
    expect(parseCharmInput('out/a.charm\nout/b.charm')).toEqual({ files: ['out/a.charm', 'out/b.charm'] })
    expect(parseCharmInput('out/*.charm')).toEqual({ files: ['out/*.charm'] })
    expect(parseCharmInput('["/o/a.charm", "/o/b.charm"]')).toEqual({ files: ['/o/a.charm', '/o/b.charm'] })
    expect(() => parseCharmInput('[nope')).toThrow(/looks like a JSON array but is not valid JSON/)
    expect(() => parseCharmInput('[]')).toThrow(/must list one or more .charm paths/)
    expect(() => parseCharmInput('Bad_Name')).toThrow(/neither a .charm file nor a valid charm name/)
  })
  it('reads one base per architecture from manifest.yaml', () => {
    expect(manifestBases('bases:\n- name: ubuntu\n  channel: "22.04"\n  architectures: [amd64, s390x]\n', 'f')).toEqual([
      base('amd64'),
      base('s390x'),
    ])
    expect(manifestBases('charmcraft-version: 3\n', 'f')).toEqual([])
    expect(() => manifestBases('bases: [{name: ubuntu}]', 'f.charm')).toThrow(
      /f.charm: manifest.yaml has a base without name, channel and architectures/,
    )
  })
  it('resource-revisions output: one number, or {arch: revision} where it differs per arch', () => {
    expect(
      resourceRevisionsOutput([
        { bases: [base('amd64')], revision: 1, resources: { core: 2, kubectl: 5 } },
        { bases: [base('s390x')], revision: 2, resources: { core: 2, kubectl: 6 } },
      ]),
    ).toEqual({ core: 2, kubectl: { amd64: 5, s390x: 6 } })
  })
})

describe('charm-build helpers', () => {
  it('chooses the builder and builds its argument array', async () => {
    expect(await chooseBuilder(path.join(FIXTURES, 'kubernetes-worker'), 'auto')).toBe('charm')
    expect(await chooseBuilder(path.join(FIXTURES, 'kubernetes-worker-charmcraft'), 'auto')).toBe('charmcraft')
    await expect(chooseBuilder(FIXTURES, 'auto')).rejects.toThrow(/neither charmcraft.yaml nor layer.yaml/)
    await expect(chooseBuilder(FIXTURES, 'make')).rejects.toThrow(/builder: 'make' is not a builder/)
    expect(builderInvocation('charmcraft', '/c', '/o', { destructiveMode: true })).toEqual({
      args: ['pack', '--project-dir', '/c', '--destructive-mode', '--verbose'],
      cwd: '/o',
      env: {},
    })
    expect(builderInvocation('charmcraft', '/c', '/o', { destructiveMode: false }).args).not.toContain('--destructive-mode')
    expect(builderInvocation('charm', '/c', '/o', { destructiveMode: true, layersDir: '/l', interfacesDir: '/i' })).toEqual({
      args: ['build', '--output-dir', '/o', '/c'],
      cwd: '/c',
      env: { CHARM_LAYERS_DIR: '/l', LAYER_PATH: '/l', CHARM_INTERFACES_DIR: '/i', INTERFACE_PATH: '/i' },
    })
  })
  it('resolves layer includes: local ones (recursively), the rest named for fetching', async () => {
    const inc = await checkLayerIncludes(
      path.join(FIXTURES, 'kubernetes-worker'),
      path.join(FIXTURES, 'layers'),
      path.join(FIXTURES, 'interfaces'),
    )
    expect(inc.map((i) => [i.include, i.local ? 'local' : 'fetch'])).toEqual([
      ['layer:basic', 'local'],
      ['layer:snap', 'local'],
      ['layer:status', 'fetch'],
      ['interface:kube-control', 'local'],
    ])
    const none = await checkLayerIncludes(path.join(FIXTURES, 'kubernetes-worker'))
    expect(none.every((i) => !i.local)).toBe(true)
  })
})

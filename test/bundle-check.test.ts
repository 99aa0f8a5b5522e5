/**
 * juju's bundle checks (shared/bundle-check.ts) and the bundles build-snaps writes: the released CK bundle's shape
 * as template (test/fixtures/bundles/ck-1.33.yaml) with the example charms in today's shapes, bundles juju
 * refuses (each with juju's line), and the check before anything is uploaded. Pure; real files, no build.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { type BundleCharm, checkBundle, parseBase } from '../shared/bundle-check.js'
import {
  bundleCharms,
  checkBundlesBeforeUpload,
  checkRenderedBundles,
  loadBundleCharms,
  type ReleasedCharm,
  renderBundles,
} from '../shared/release/bundles.js'
import { checkDescription } from '../shared/release/check.js'
import { type Description, loadDescription } from '../shared/release/description.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const CK = readFileSync(path.join(repoRoot, 'test/fixtures/bundles/ck-1.33.yaml'), 'utf8')
const EXAMPLE = path.join(repoRoot, 'examples/cdk-release.yaml')

async function exampleCharms() {
  const desc = await loadDescription(EXAMPLE)
  const infos = await checkDescription(desc, path.dirname(EXAMPLE), 'cdk-release.yaml', tempDir('bs-scratch-'))
  return { desc, infos, charms: bundleCharms(infos) }
}

/** What the store holds after releasing today's four charms for amd64 and arm64: every base each revision serves. */
function released(arches = ['amd64', 'arm64']): ReleasedCharm[] {
  const perArch = (charm: string, first: number) => ({
    charm,
    channel: '1.33/edge',
    bases: Object.fromEntries(
      arches.flatMap((a, i) => ['22.04', '24.04'].map((b) => [`${b}/${a}`, { revision: first + i, resources: { 'cni-plugins': 10 + i } }])),
    ),
  })
  const multi = (charm: string, revision: number, resources: (a: string) => Record<string, number>) => ({
    charm,
    channel: '1.33/edge',
    bases: Object.fromEntries(arches.flatMap((a) => ['22.04', '24.04'].map((b) => [`${b}/${a}`, { revision, resources: resources(a) }]))),
  })
  return [
    perArch('kubernetes-control-plane', 1),
    perArch('kubernetes-worker', 5),
    multi('etcd', 9, () => ({ etcd: 1, core: 1, snapshot: 1 })),
    multi('flannel', 12, () => ({ 'flannel-amd64': 2, 'flannel-arm64': 3, 'flannel-s390x': 4 })),
  ]
}

describe('the example charms give juju what it checks', () => {
  test('subordinate and endpoints come from metadata.yaml (flannel) or charmcraft.yaml (the control plane)', async () => {
    const { charms } = await exampleCharms()
    expect(charms.flannel.subordinate).toBe(true)
    expect(charms.etcd.subordinate).toBe(false)
    expect(charms['kubernetes-control-plane'].endpoints['kube-control']).toEqual({ role: 'provides', interface: 'kube-control' })
    expect(charms['kubernetes-worker'].endpoints['kube-control']).toEqual({ role: 'requires', interface: 'kube-control' })
  })
})

describe('the charms the bundle job reads', () => {
  test('loadBundleCharms: from a charm directory, and from inside a prebuilt .charm (files:)', async () => {
    const dir = tempDir('bs-bundle-charms-')
    const { execFileSync } = await import('node:child_process')
    const charm = path.join(dir, 'flannel_ubuntu-22.04-amd64-arm64-s390x.charm')
    execFileSync('zip', ['-q', '-j', charm, path.join(repoRoot, 'examples/charms/flannel/src/metadata.yaml')])
    const desc = {
      charms: {
        flannel: { files: ['flannel_*.charm'], resources: {} },
        etcd: { path: path.join(repoRoot, 'examples/charms/etcd'), resources: {} },
      },
    } as unknown as Description
    const charms = await loadBundleCharms(desc, dir, tempDir('bs-scratch-'))
    expect(charms.flannel.subordinate).toBe(true)
    expect(charms.flannel.endpoints.cni).toEqual({ role: 'requires', interface: 'kubernetes-cni' })
    expect(charms.etcd).toMatchObject({ subordinate: false, endpoints: { db: { role: 'provides', interface: 'etcd' } } })
  })
})

describe('the bundles build-snaps writes', () => {
  test('the released CK bundle as template: one bundle per base/arch, series dropped, every one accepted', async () => {
    const { charms } = await exampleCharms()
    const bundles = renderBundles(released(), CK, 'charmed-kubernetes', charms)
    expect(bundles.map((b) => b.file)).toEqual([
      'bundle-22.04-amd64.yaml',
      'bundle-24.04-amd64.yaml',
      'bundle-22.04-arm64.yaml',
      'bundle-24.04-arm64.yaml',
    ])
    expect(checkRenderedBundles(bundles, charms)).toEqual([])
    const doc = parse(bundles[0].yaml)
    expect(doc['default-base']).toBe('ubuntu@22.04')
    expect(doc.series).toBeUndefined()
    // Applications of the template that are not in the release are kept as written.
    expect(doc.applications.calico).toEqual({ charm: 'calico', channel: '1.33/stable', options: { vxlan: 'Always' } })
    expect(doc.applications['kubeapi-load-balancer'].num_units).toBe(1)
    expect(doc.relations).toHaveLength(13)
    expect(doc.applications['kubernetes-worker']).toMatchObject({
      channel: '1.33/edge',
      revision: 5,
      num_units: 3,
      constraints: 'cores=2 mem=8G root-disk=16G arch=amd64',
      resources: { 'cni-plugins': 10 },
    })
    expect(parse(bundles[3].yaml).applications['kubernetes-worker']).toMatchObject({ revision: 6, resources: { 'cni-plugins': 11 } })
  })

  test('without a template: the subordinate flannel gets no units and no constraints; the bundle is accepted', async () => {
    const { charms } = await exampleCharms()
    const bundles = renderBundles(released(['amd64']), undefined, 'charmed-kubernetes', charms)
    const doc = parse(bundles[0].yaml)
    expect(doc.applications.flannel).toEqual({
      charm: 'flannel',
      channel: '1.33/edge',
      revision: 12,
      resources: { 'flannel-amd64': 2, 'flannel-arm64': 3, 'flannel-s390x': 4 },
    })
    expect(doc.applications.etcd).toMatchObject({ num_units: 1, constraints: 'arch=amd64' })
    expect(checkRenderedBundles(bundles, charms)).toEqual([])
  })

  test("a template giving the subordinate units, placement and constraints, and an application's own series: all dropped", async () => {
    const { charms } = await exampleCharms()
    const template = stringify({
      series: 'noble',
      applications: {
        flannel: { charm: 'flannel', num_units: 2, to: ['0'], constraints: 'mem=1G' },
        etcd: { charm: 'ch:etcd', num_units: 1, series: 'noble', to: ['0'] },
      },
      machines: { '0': {} },
      relations: [['flannel:etcd', 'etcd:db']],
    })
    const bundles = renderBundles(released(['amd64']), template, 'x', charms)
    const doc = parse(bundles[0].yaml)
    expect(doc.applications.flannel).toEqual({ charm: 'flannel', channel: '1.33/edge', revision: 12, resources: expect.any(Object) })
    expect(doc.applications.etcd).toMatchObject({ num_units: 1, to: ['0'], constraints: 'arch=amd64' })
    expect(doc.applications.etcd.series).toBeUndefined()
    expect(checkRenderedBundles(bundles, charms)).toEqual([])
  })
})

describe('bundles juju refuses, each with its line', () => {
  const charms: Record<string, BundleCharm> = {
    flannel: {
      subordinate: true,
      endpoints: { etcd: { role: 'requires', interface: 'etcd' }, cni: { role: 'requires', interface: 'kubernetes-cni' } },
    },
    etcd: { subordinate: false, endpoints: { db: { role: 'provides', interface: 'etcd' }, cluster: { role: 'peers', interface: 'etcd' } } },
    'kubernetes-worker': {
      subordinate: false,
      endpoints: {
        cni: { role: 'provides', interface: 'kubernetes-cni' },
        'kube-control': { role: 'requires', interface: 'kube-control' },
      },
    },
  }
  interface Doc {
    'default-base'?: string
    series?: string
    applications: Record<string, Record<string, unknown>>
    relations: string[][]
    machines?: Record<string, unknown>
  }
  const bundle = (edit: (b: Doc) => void) => {
    const b: Doc = {
      'default-base': 'ubuntu@22.04',
      applications: {
        flannel: { charm: 'flannel', channel: '1.33/edge', revision: 3 },
        etcd: { charm: 'etcd', num_units: 3 },
        'kubernetes-worker': { charm: 'kubernetes-worker', num_units: 3 },
      },
      relations: [
        ['flannel:etcd', 'etcd:db'],
        ['flannel:cni', 'kubernetes-worker:cni'],
      ],
    }
    edit(b)
    return checkBundle(stringify(b), charms)
  }

  test('the base bundle is accepted', () => {
    expect(bundle(() => {})).toEqual([])
  })
  test.each<[string, (b: Doc) => void, string[]]>([
    [
      'a subordinate with units (issue 16: flannel got num_units: 1)',
      (b) => (b.applications.flannel.num_units = 1),
      ['application "flannel" is subordinate but has non-zero num_units'],
    ],
    [
      'a subordinate with placement and constraints',
      (b) => Object.assign(b.applications.flannel, { to: ['kubernetes-worker/0'], constraints: 'arch=amd64' }),
      [
        'application "flannel" is subordinate but specifies unit placement',
        'application "flannel" is subordinate: subordinate application must be deployed without constraints',
        'too many units specified in unit placement for application "flannel"',
      ],
    ],
    [
      'series and default-base disagreeing (issue 16: the CK template on a 22.04 bundle)',
      (b) => (b.series = 'noble'),
      ['bundle series "noble" and base "ubuntu@22.04" must match if both supplied'],
    ],
    [
      "an application's series and base disagreeing",
      (b) => Object.assign(b.applications.etcd, { series: 'jammy', base: 'ubuntu@24.04' }),
      ['application "etcd" series "jammy" and base "ubuntu@24.04" must match if both supplied'],
    ],
    ['an invalid default-base', (b) => (b['default-base'] = 'ubuntu22.04'), ['bundle declares an invalid base "ubuntu22.04"']],
    [
      'a relation to a missing application',
      (b) => b.relations.push(['calico:cni', 'kubernetes-worker:cni']),
      ['relation ["calico:cni" "kubernetes-worker:cni"] refers to application "calico" not defined in this bundle'],
    ],
    [
      'a relation given twice, one of three endpoints, one to itself',
      (b) => b.relations.push(['etcd:db', 'flannel:etcd'], ['etcd', 'flannel', 'kubernetes-worker'], ['etcd:db', 'etcd:cluster']),
      [
        'relation ["etcd:db" "flannel:etcd"] is defined more than once',
        'relation ["etcd" "flannel" "kubernetes-worker"] has 3 endpoint(s), not 2',
        'relation ["etcd:db" "etcd:cluster"] relates an application to itself',
      ],
    ],
    [
      'endpoints the charms do not define, or that do not fit',
      (b) =>
        b.relations.push(
          ['flannel:cni', 'etcd:db'],
          ['kubernetes-worker:cni', 'etcd:db'],
          ['etcd:cluster', 'kubernetes-worker:kube-control'],
        ),
      [
        'mismatched interface between "etcd:db" and "flannel:cni" ("etcd" vs "kubernetes-cni")',
        'relation "kubernetes-worker:cni" to "etcd:db" relates provider to provider',
        'charm "etcd" used by application "etcd" does not define relation "cluster"',
      ],
    ],
    [
      'bad placement: syntax, a unit the target does not start, a machine not defined, a machine not used',
      (b) => {
        b.applications.etcd.to = ['lxd:kubernetes-worker/5', '7', 'not valid!']
        b.machines = { '1': {} }
      },
      [
        'placement "lxd:kubernetes-worker/5" specifies a unit greater than the 3 unit(s) started by the target application',
        'placement "7" refers to a machine not defined in this bundle',
        'invalid placement syntax "not valid!"',
        'machine "1" is not referred to by a placement directive',
      ],
    ],
    [
      'a revision without a channel, a revision in the URL, negative units',
      (b) => {
        delete b.applications.flannel.channel
        b.applications.etcd.charm = 'ch:etcd-12'
        b.applications['kubernetes-worker'].num_units = -1
      },
      [
        'application "flannel" with a revision requires a channel for future upgrades, please use channel',
        'cannot specify revision in "ch:etcd-12", please use revision',
        'negative number of units specified on application "kubernetes-worker"',
      ],
    ],
    ['no applications', (b) => ((b.applications = {}), (b.relations = [])), ['at least one application must be specified']],
  ])('%s', (_name, edit, lines) => {
    expect(bundle(edit)).toEqual(lines)
  })

  test('the base syntax juju parses', () => {
    expect(parseBase('ubuntu@22.04')).toEqual({ os: 'ubuntu', track: '22.04' })
    expect(parseBase('ubuntu@24.04/stable')).toEqual({ os: 'ubuntu', track: '24.04' })
    expect(parseBase('ubuntu@24.04/sometimes')).toBeUndefined()
    expect(parseBase('plan9@4')).toBeUndefined()
  })
})

describe('the check before anything is uploaded', () => {
  const keysFor = (arches: string[]) => arches.flatMap((a) => ['22.04', '24.04'].map((b) => `${b}/${a}` as const))
  test("today's four charms with the CK template: every bundle accepted from provisional revisions", async () => {
    const { desc, infos } = await exampleCharms()
    const keys = keysFor(['amd64', 'arm64', 's390x'])
    const all = Object.fromEntries(infos.map((i) => [i.name, keys]))
    expect(checkBundlesBeforeUpload(desc, infos, CK, all, '1.33/edge')).toEqual([])
  })
  test('a charm with no revision for a base/arch another charm serves: one line naming it', async () => {
    const { desc, infos } = await exampleCharms()
    const keys = keysFor(['amd64', 's390x'])
    const all = Object.fromEntries(infos.map((i) => [i.name, i.name === 'flannel' ? keys.filter((k) => !k.endsWith('s390x')) : keys]))
    expect(checkBundlesBeforeUpload(desc, infos, undefined, all, '1.33/edge')).toEqual([
      'bundle: flannel has no revision for 22.04/s390x in 1.33/edge; release it for that base/arch or drop the arch',
    ])
  })
  test('a template juju refuses is reported before upload, naming each bundle', async () => {
    const { desc, infos } = await exampleCharms()
    const template = CK + '  - [flannel:cni, kubernetes-worker:cni]\n'
    const keys = ['22.04/amd64', '24.04/amd64'] as const
    const lines = checkBundlesBeforeUpload(desc, infos, template, Object.fromEntries(infos.map((i) => [i.name, [...keys]])), '1.33/edge')
    expect(lines).toEqual([
      'bundle bundle-22.04-amd64.yaml: relation ["flannel:cni" "kubernetes-worker:cni"] refers to application "flannel" not defined in this bundle',
      'bundle bundle-24.04-amd64.yaml: relation ["flannel:cni" "kubernetes-worker:cni"] refers to application "flannel" not defined in this bundle',
    ])
  })
  test('writeBundles refuses a bundle juju would refuse and writes none of them', async () => {
    const { writeBundles } = await import('../cli/release.js')
    const dir = tempDir('bs-bundle-desc-')
    const { writeFileSync, cpSync } = await import('node:fs')
    cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true })
    writeFileSync(path.join(dir, 'ck.yaml'), CK.replace('calico:\n', 'calico:\n    num_units: 1\n    to: [etcd/9]\n'))
    const desc: Description = { ...(await loadDescription(path.join(dir, 'cdk-release.yaml'))), bundle: { template: 'ck.yaml' } }
    const out = path.join(dir, 'bundle')
    await expect(writeBundles(desc, dir, released(['amd64']), out)).rejects.toThrow(
      'bundle bundle-22.04-amd64.yaml: placement "etcd/9" specifies a unit greater than the 3 unit(s) started by the target application; juju refuses this bundle: fix bundle.template (ck.yaml)',
    )
    expect(existsSync(out)).toBe(false)
  })
})

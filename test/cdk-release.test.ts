/**
 * cdk-release.yaml: schema validation (one exact line per bad field), the checks against the charms, the plan
 * (each artifact built once per arch and shared; the resource lines charm-attach-release is given) and the
 * pinned bundles. Pure logic and real files in a temp dir; no build, no store.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { buildCounts, makePlan, planOutputs } from '../shared/release/plan.js'
import { checkDescription } from '../shared/release/check.js'
import { type Description, DescriptionError, loadDescription, validateSchema } from '../shared/release/description.js'
import { planMarkdown } from '../shared/release/markdown.js'
import { type ReleasedCharm, renderBundles } from '../shared/release/bundles.js'
import { packTable, readPacks, summaryMarkdown } from '../cli/release/summary.js'
import { EMULATED_SLOWDOWN, type RouteConfig } from '../shared/charm/routes.js'
import { type RawDescription, writeCdkFixture } from './cdk-release.fixtures.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const ARCHES = ['amd64', 's390x']

/** The fixture's charms pack their s390x entries on a self-hosted runner (S390X_RUNNER set) unless told otherwise. */
async function planFor(root: string, config: string, routes: RouteConfig = { selfHosted: { s390x: true } }) {
  const desc = await loadDescription(config)
  const infos = await checkDescription(desc, root, 'cdk-release.yaml', tempDir('bs-scratch-'))
  return makePlan(desc, infos, { kubeVersion: 'v1.31.2', dir: root, root, artifacts: path.join(root, 'artifacts'), routes })
}

async function errorsOf(edit: (d: RawDescription) => void): Promise<string[]> {
  const root = tempDir('bs-cdk-')
  const { config } = writeCdkFixture(root, ARCHES, edit)
  try {
    await planFor(root, config)
  } catch (e) {
    if (e instanceof DescriptionError) return e.lines
    if (e instanceof Error) return [e.message]
  }
  return []
}

describe('the schema', () => {
  test.each([
    ['examples/cdk-release.yaml', ['etcd', 'flannel', 'kubernetes-control-plane', 'kubernetes-worker']],
    ['examples/cdk-release-legacy.yaml', ['easyrsa', 'etcd', 'flannel', 'kubernetes-master', 'kubernetes-worker']],
  ])('%s is valid and matches the example charms it names (every path exists)', async (file, charms) => {
    const config = path.join(repoRoot, file)
    const doc = parse(readFileSync(config, 'utf8')) as Description
    expect(await validateSchema(doc, path.basename(file))).toEqual([])
    expect(Object.keys(doc.charms).sort()).toEqual(charms)
    const infos = await checkDescription(doc, path.dirname(config), path.basename(file), tempDir('bs-scratch-'))
    expect(infos.map((i) => i.name).sort()).toEqual(charms)
    expect(infos.every((i) => i.dir?.startsWith(path.join(repoRoot, 'examples/charms/')))).toBe(true)
  })

  test("examples/cdk-release.yaml: today's shapes (cni-plugins one per-arch resource, flannel-{arch} one per arch)", async () => {
    const dir = path.join(repoRoot, 'examples')
    const plan = await planFor(dir, path.join(dir, 'cdk-release.yaml'))
    const lines = (c: string) => plan.charms.find((x) => x.charm === c)!.resources.split('\n')
    expect(lines('kubernetes-control-plane')).toEqual(['cni-plugins=artifacts/release-{arch}/cni-{arch}.tgz'])
    expect(lines('flannel')).toEqual(['flannel-{arch}=artifacts/release-{arch}/flannel-{arch}.tar.gz'])
    expect(lines('etcd')).toEqual([
      'etcd=artifacts/charm-etcd/placeholders/etcd.snap',
      'core=artifacts/charm-etcd/placeholders/core.snap',
      'snapshot=resources/snapshot.tar.gz',
    ])
  })

  test('every bad field is one line naming its path and the fix, all at once', async () => {
    const lines = await validateSchema(
      {
        arches: ['amd64', 'mips'],
        snaps: 'maybe',
        versions: { cni: '1.5' },
        charms: {
          'kubernetes-worker': { path: 'charms/w', resources: { 'cni-{arch}': 'cnii', kubelet: 'snap:kubelett' }, colour: 'blue' },
          Bad_Name: { resources: {} },
        },
        extra: 1,
      },
      'cdk-release.yaml',
    )
    expect(lines.sort()).toEqual(
      [
        'cdk-release.yaml: extra: unknown field; the fields here are arches, channel, snaps, emulate, versions, sources, charms, snap-store, bundle',
        "cdk-release.yaml: arches.1: 'mips' is not one of amd64, arm64, armhf, ppc64el, s390x, riscv64; use a Debian architecture name: amd64, arm64, armhf, ppc64el, s390x or riscv64",
        "cdk-release.yaml: snaps: 'maybe' is not one of real, placeholder; use real (attach the built snaps, for network-restricted sites) or placeholder (zero-byte files: the charm installs from the store)",
        'cdk-release.yaml: versions.kubernetes: missing; use a Kubernetes version (v1.31.2) or a marker (stable, stable-1.31)',
        "cdk-release.yaml: versions.cni: '1.5' is not valid; use a containernetworking/plugins tag, e.g. v1.5.1",
        "cdk-release.yaml: charms.kubernetes-worker.resources.cni-{arch}: 'cnii' is not valid; map it to snap:<kubectl|kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|kube-proxy|kubeadm|etcd|cdk-addons>, cni, flannel, file:<path in the repository>, placeholder or keep",
        "cdk-release.yaml: charms.kubernetes-worker.resources.kubelet: 'snap:kubelett' is not valid; map it to snap:<kubectl|kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|kube-proxy|kubeadm|etcd|cdk-addons>, cni, flannel, file:<path in the repository>, placeholder or keep",
        'cdk-release.yaml: charms.kubernetes-worker.colour: unknown field; the fields here are path, files, builder, resources, installs-snaps',
        "cdk-release.yaml: charms.Bad_Name: 'Bad_Name' is not a valid name; a charm name is lower-case letters, digits and hyphens, starting with a letter",
      ].sort(),
    )
  })

  test('a missing top-level field names it', async () => {
    expect(await validateSchema({ arches: ['amd64'], snaps: 'real', versions: { kubernetes: 'v1.31.2' } }, 'x.yaml')).toEqual([
      'x.yaml: charms: missing; name at least one charm, e.g. charms: {kubernetes-worker: {path: charms/kubernetes-worker, resources: {...}}}',
    ])
  })
})

describe('the checks against the charms (one line each, nothing built)', () => {
  test.each<[string, (d: RawDescription) => void, string[]]>([
    [
      'an unknown artifact',
      (d) => (d.charms.flannel.resources['flannel-{arch}'] = 'tarball'),
      [
        "cdk-release.yaml: charms.flannel.resources.flannel-{arch}: 'tarball' is not valid; map it to snap:<kubectl|kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|kube-proxy|kubeadm|etcd|cdk-addons>, cni, flannel, file:<path in the repository>, placeholder or keep",
      ],
    ],
    [
      'a resource the charm does not declare',
      (d) => (d.charms['kubernetes-worker'].resources['kube-proxy'] = 'snap:kube-proxy'),
      [
        "cdk-release.yaml: charms.kubernetes-worker.resources.kube-proxy: charm kubernetes-worker declares no resource 'kube-proxy'; its resources are kubectl, kubelet, core, cni-amd64, cni-s390x",
      ],
    ],
    [
      'a declared resource left unmapped',
      (d) => delete d.charms['kubernetes-worker'].resources.core,
      [
        'cdk-release.yaml: charms.kubernetes-worker.resources: charm kubernetes-worker declares core but the description maps no artifact to it; map each to an artifact, placeholder or keep',
      ],
    ],
    [
      'a bad channel',
      (d) => (d.channel = '1.31/bogus'),
      [
        "cdk-release.yaml: channel: '1.31/bogus' has risk 'bogus'; use track/risk[/branch], e.g. 1.31/edge or latest/stable, with risk one of edge, beta, candidate, stable",
      ],
    ],
    [
      'a snap mapped to a tarball resource, cni without a version',
      (d) => {
        d.charms.flannel.resources['flannel-{arch}'] = 'snap:kubelet'
        delete d.versions.cni
      },
      [
        "cdk-release.yaml: charms.flannel.resources.flannel-{arch}: 'flannel-amd64' is the file flannel.tar.gz, not a snap; map it to cni, flannel or file:<path>",
        'cdk-release.yaml: versions.cni: missing, and charms.kubernetes-worker.resources.cni-{arch} maps cni; give a containernetworking/plugins tag, e.g. v1.5.1',
      ],
    ],
    [
      'an entry named after another charm, and a missing repository file',
      (d) => {
        d.charms.flannel.path = 'charms/kubernetes-worker'
        d.charms.flannel.resources = {
          kubectl: 'snap:kubectl',
          kubelet: 'snap:kubelet',
          core: 'file:nowhere/core.snap',
          'cni-{arch}': 'cni',
        }
      },
      [
        "cdk-release.yaml: charms.flannel.path: charms/kubernetes-worker is charm 'kubernetes-worker', not 'flannel'; name the entry kubernetes-worker or fix the path",
        "cdk-release.yaml: charms.flannel.resources.core: file 'nowhere/core.snap' does not exist; give a path relative to cdk-release.yaml",
      ],
    ],
  ])('%s', async (_, edit, expected) => {
    expect(await errorsOf(edit)).toEqual(expected)
  })
})

describe('the plan', () => {
  test('each artifact is built once per arch and shared: kubectl feeds both kubernetes charms', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES)
    const plan = await planFor(root, config)
    expect(plan.build).toEqual({
      components: 'kubectl kube-apiserver kubelet',
      etcd: false,
      'cdk-addons': true,
      cni: true,
      flannel: true,
      'cni-version': 'v1.5.1',
      'cni-source': '',
      'flannel-version': 'v0.25.6',
      'flannel-source': '',
      'etcd-version': 'v3.5.16',
      'etcd-source': '',
      'cdk-addons-source': path.join(repoRoot, 'test/fixtures/cdk-addons'),
    })
    expect(plan.shared['snap:kubectl']).toEqual(['kubernetes-master', 'kubernetes-worker'])
    expect(Object.values(buildCounts(plan))).toEqual([1, 1, 1, 1, 1, 1])
    expect(plan.channel).toBe('1.31/edge')
    const worker = plan.charms.find((c) => c.charm === 'kubernetes-worker')!
    expect(worker).toEqual({
      charm: 'kubernetes-worker',
      path: 'charms/kubernetes-worker',
      files: '',
      builder: 'charmcraft',
      'charm-dir': 'artifacts/charm-kubernetes-worker/charms',
      'charm-files': 'artifacts/charm-kubernetes-worker/charms/*.charm',
      // {arch} only in the path: one per-arch resource (uploaded with --arch); in the name: one resource per arch.
      resources: [
        'kubectl=artifacts/release-{arch}/kubectl_1.31.2_{arch}.snap',
        'kubelet=artifacts/release-{arch}/kubelet_1.31.2_{arch}.snap',
        'core=artifacts/charm-kubernetes-worker/placeholders/core.snap',
        'cni-{arch}=artifacts/release-{arch}/cni-{arch}.tgz',
      ].join('\n'),
      keep: '',
      placeholders: 'core',
      'placeholder-dir': 'artifacts/charm-kubernetes-worker/placeholders',
      meta: 'charms/kubernetes-worker',
      'pack-pattern': 'pack-kubernetes-worker_*',
    })
  })

  test('one pack job per needed bases entry, on its route; the charm job collects them by pattern', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES)
    const plan = await planFor(root, config)
    expect(plan.packs.map((p) => [p.artifact, p.entry, p['runs-on'], p['runner-arch'], p.destructive])).toEqual(
      ['kubernetes-master', 'kubernetes-worker', 'flannel'].flatMap((c) => [
        [`pack-${c}_0`, 'bases[0]', 'ubuntu-22.04', 'X64', 'true'],
        [`pack-${c}_1`, 'bases[1]', ['self-hosted', 'linux', 's390x'], 'S390X', 'auto'],
      ]),
    )
    const worker = plan.packs.find((p) => p.artifact === 'pack-kubernetes-worker_1')!
    expect([worker.path, worker.builder, worker['pack-dir'], worker['bases-index']]).toEqual([
      'charms/kubernetes-worker',
      'charmcraft',
      'artifacts/pack-kubernetes-worker_1',
      '1',
    ])
    const out = planOutputs(plan, false)
    expect(JSON.parse(out.packs).include).toHaveLength(6)
    expect(out['pack-count']).toBe('6')
  })

  test('s390x and no runner: emulated on ubuntu-24.04 in a linux/s390x ubuntu:22.04 container; the plan summary names each route, the emulated one slow', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES)
    const plan = await planFor(root, config, { selfHosted: {} })
    expect(plan.packs.map((p) => [p.artifact, p.route, p['runs-on'], p['container-platform'], p['container-image'], p.slow])).toEqual(
      ['kubernetes-master', 'kubernetes-worker', 'flannel'].flatMap((c) => [
        [`pack-${c}_0`, 'hosted', 'ubuntu-22.04', '', '', ''],
        [`pack-${c}_1`, 'emulated', 'ubuntu-24.04', 'linux/s390x', 'ubuntu:22.04', `emulated, ~${EMULATED_SLOWDOWN}× slower`],
      ]),
    )
    const md = planMarkdown(plan, true).split('\n')
    expect(md).toContain('| charm | entry | build-on | run-on | route |')
    expect(md).toContain('| flannel | bases[0] | ubuntu 22.04 amd64 | ubuntu 22.04 amd64 | hosted `ubuntu-22.04`, destructive mode |')
    expect(md).toContain(
      `| flannel | bases[1] | ubuntu 22.04 s390x | ubuntu 22.04 s390x | emulated \`linux/s390x\` in \`ubuntu:22.04\` on \`ubuntu-24.04\`, destructive mode (emulated, ~${EMULATED_SLOWDOWN}× slower) |`,
    )
    // With the runner, its route is named instead.
    expect(planMarkdown(await planFor(root, config), true)).toContain(
      '| flannel | bases[1] | ubuntu 22.04 s390x | ubuntu 22.04 s390x | self-hosted `self-hosted, linux, s390x` |',
    )
  })

  test("the release summary names each pack entry's route from the plan job's packs output; a bad --packs is one line", async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => (d.charms = { flannel: d.charms.flannel }))
    const plan = await planFor(root, config, { selfHosted: {} })
    const rows = packTable(readPacks(planOutputs(plan, true).packs))
    expect(rows).toEqual([
      '| flannel | bases[0] | ubuntu 22.04 amd64 | hosted `ubuntu-22.04`, destructive mode |',
      `| flannel | bases[1] | ubuntu 22.04 s390x | emulated \`linux/s390x\` in \`ubuntu:22.04\` on \`ubuntu-24.04\`, destructive mode (emulated, ~${EMULATED_SLOWDOWN}× slower) |`,
    ])
    const md = summaryMarkdown('Release summary', [], [], [], '', rows).split('\n')
    expect(md.slice(md.indexOf('| charm | entry | build-on | route |'))).toEqual([
      '| charm | entry | build-on | route |',
      '|---|---|---|---|',
      ...rows,
    ])
    expect(summaryMarkdown('Release summary', [], [], [])).not.toContain('| route |')
    expect(readPacks('')).toEqual([])
    expect(() => readPacks('{"matrix": 1}')).toThrow(
      `--packs: not the plan job's packs output ({"include": [...]}); pass needs.plan.outputs.packs, or nothing`,
    )
  })

  test('emulate: false and no runner: the plan stops with one line per charm, before anything is built', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => (d.emulate = false))
    const err = await planFor(root, config, { selfHosted: {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DescriptionError)
    expect((err as DescriptionError).lines).toEqual(
      ['kubernetes-master', 'kubernetes-worker', 'flannel'].map(
        (c) =>
          `${c}: bases[1] builds on ubuntu 22.04 s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x), or remove emulate: false, or drop its arch from arches`,
      ),
    )
    // The runner still serves it; emulate: true is the default written out.
    expect((await planFor(root, config)).packs.map((p) => p.route)).toEqual([
      'hosted',
      'self-hosted',
      'hosted',
      'self-hosted',
      'hosted',
      'self-hosted',
    ])
    writeCdkFixture(root, ARCHES, (d) => (d.emulate = true))
    expect((await planFor(root, config, { selfHosted: {} })).packs.filter((p) => p.route === 'emulated')).toHaveLength(3)
  })

  test('emulate is true or false, nothing else: one line naming the field and the fix', async () => {
    expect(await errorsOf((d) => (d.emulate = 'no'))).toEqual([
      "cdk-release.yaml: emulate: must be a boolean, not 'no'; use true (emulate the entries no runner of their arch packs; the default) or false (refuse them)",
    ])
  })

  test('snaps: placeholder switches every snap resource of every charm to a zero-byte file; keep goes to keep-resources', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => {
      d.snaps = 'placeholder'
      d.charms['kubernetes-master'].resources['cdk-addons'] = 'keep'
    })
    const plan = await planFor(root, config)
    const master = plan.charms.find((c) => c.charm === 'kubernetes-master')!
    expect(master.placeholders).toBe('kubectl kube-apiserver')
    expect(master.keep).toBe('cdk-addons')
    expect(master.resources).not.toContain('release-{arch}')
    const out = planOutputs(plan, true)
    expect(JSON.parse(out.matrix)).toEqual({
      include: ['amd64', 's390x'].map((arch) => ({
        arch,
        platform: `linux/${arch}`,
        // What each build job builds: every mapped artifact, once per arch (cdk-addons is kept: not built).
        components: 'kubectl kube-apiserver kubelet',
        etcd: false,
        'cdk-addons': false,
        cni: true,
        flannel: true,
      })),
    })
    expect(JSON.parse(out.charms).include.map((c: { charm: string }) => c.charm)).toEqual([
      'kubernetes-master',
      'kubernetes-worker',
      'flannel',
    ])
    expect(out['dry-run']).toBe('true')
  })

  test('prebuilt files: two .charm files of different charms are refused, naming the file', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES)
    // Real zips with the real zip tool: a flannel and a kubernetes-worker "charm".
    const { execFileSync } = await import('node:child_process')
    execFileSync('zip', ['-q', '-j', path.join(root, 'flannel_amd64.charm'), path.join(root, 'charms/flannel/metadata.yaml')])
    execFileSync('zip', ['-q', '-j', path.join(root, 'flannel_s390x.charm'), path.join(root, 'charms/kubernetes-worker/metadata.yaml')])
    const d = parse(readFileSync(config, 'utf8'))
    d.charms.flannel = { files: ['flannel_*.charm'], resources: { 'flannel-{arch}': 'flannel' } }
    writeFileSync(config, stringify(d))
    await expect(planFor(root, config)).rejects.toThrow(
      "cdk-release.yaml: charms.flannel.files: flannel_s390x.charm is charm 'kubernetes-worker', not 'flannel'; every file of an entry must be the same charm",
    )
  })
  test('prebuilt files: an s390x .charm carrying x86-64 machine code is refused before anything is built', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES)
    const { execFileSync } = await import('node:child_process')
    // A real x86-64 shared object (gcc) inside real zips (zip), each with the manifest.yaml charmcraft writes.
    writeFileSync(path.join(root, 'ext.c'), 'int ext(void) { return 1; }\n')
    execFileSync('gcc', ['-shared', '-fPIC', '-o', path.join(root, 'ext.so'), path.join(root, 'ext.c')])
    for (const arch of ['amd64', 's390x']) {
      const src = path.join(root, `flannel-${arch}`)
      execFileSync('mkdir', ['-p', path.join(src, 'venv')])
      execFileSync('cp', [path.join(root, 'charms/flannel/metadata.yaml'), path.join(root, 'ext.so'), src])
      execFileSync('mv', [path.join(src, 'ext.so'), path.join(src, 'venv', 'ext.cpython-310-x86_64-linux-gnu.so')])
      writeFileSync(path.join(src, 'manifest.yaml'), stringify({ bases: [{ name: 'ubuntu', channel: '22.04', architectures: [arch] }] }))
      execFileSync('zip', ['-q', '-r', path.join(root, `flannel_ubuntu-22.04-${arch}.charm`), '.'], { cwd: src })
    }
    const d = parse(readFileSync(config, 'utf8'))
    d.charms.flannel = { files: ['flannel_*.charm'], resources: { 'flannel-{arch}': 'flannel' } }
    writeFileSync(config, stringify(d))
    // One line: the amd64 file, with the same .so, is right.
    await expect(planFor(root, config)).rejects.toMatchObject({
      lines: [
        'cdk-release.yaml: charms.flannel.files: flannel_ubuntu-22.04-s390x.charm: venv/ext.cpython-310-x86_64-linux-gnu.so is built for amd64 (ELF machine 62, 64-bit LSB), not s390x; pack it on an s390x host or under emulation (it carries machine code), never on amd64',
      ],
    })
  })
})

describe('the pinned bundles', () => {
  const released: ReleasedCharm[] = [
    {
      charm: 'kubernetes-worker',
      channel: '1.31/edge',
      bases: {
        '22.04/amd64': { revision: 3, resources: { kubectl: 5, 'cni-amd64': 1 } },
        '22.04/s390x': { revision: 4, resources: { kubectl: 6, 'cni-amd64': 1 } },
      },
    },
    {
      charm: 'flannel',
      channel: '1.31/edge',
      bases: {
        '22.04/s390x': { revision: 8, resources: { 'flannel-s390x': 2 } },
        '22.04/amd64': { revision: 7, resources: { 'flannel-amd64': 1 } },
      },
    },
  ]
  test("one bundle per arch, each application pinned to that arch's revision and resource revisions", () => {
    const b = renderBundles(released, undefined, 'charmed-kubernetes', { flannel: { subordinate: true, endpoints: {} } })
    expect(b.map((x) => x.file)).toEqual(['bundle-amd64.yaml', 'bundle-s390x.yaml'])
    const s390x = parse(b[1].yaml)
    expect(s390x['default-base']).toBe('ubuntu@22.04')
    // flannel is a subordinate: no units, no constraints (juju refuses either).
    expect(s390x.applications.flannel).toEqual({ charm: 'flannel', channel: '1.31/edge', revision: 8, resources: { 'flannel-s390x': 2 } })
    expect(s390x.applications['kubernetes-worker']).toMatchObject({ revision: 4, num_units: 1, constraints: 'arch=s390x' })
  })
  test('a template keeps its relations and other applications, and its constraints besides arch', () => {
    const template = stringify({
      name: 'cdk',
      applications: {
        worker: { charm: 'kubernetes-worker', num_units: 3, constraints: 'cores=4 arch=amd64' },
        flannel: { charm: 'flannel' },
        easyrsa: { charm: 'easyrsa', channel: 'latest/stable' },
      },
      relations: [['flannel:cni', 'worker:cni']],
    })
    const [amd64] = renderBundles(released, template, 'x')
    const doc = parse(amd64.yaml)
    expect(doc.relations).toEqual([['flannel:cni', 'worker:cni']])
    expect(doc.applications.worker).toMatchObject({ num_units: 3, revision: 3, constraints: 'cores=4 arch=amd64', channel: '1.31/edge' })
    expect(doc.applications.easyrsa).toEqual({ charm: 'easyrsa', channel: 'latest/stable' })
  })
})

describe('attestations: the SBOM matrix and the summary column', () => {
  test('every <artifact>.spdx.json is listed with its artifact, subject and the sha256 from the SHA256SUMS beside it', async () => {
    const { listSboms, collectArtifacts } = await import('../cli/release.js')
    const { mkdirSync } = await import('node:fs')
    const dir = tempDir('bs-sboms-')
    mkdirSync(path.join(dir, 'sbom-s390x'))
    const hex = 'ab'.repeat(32)
    writeFileSync(path.join(dir, 'sbom-s390x', 'kubectl_1.31.2_s390x.snap.spdx.json'), '{"spdxVersion": "SPDX-2.3"}\n')
    writeFileSync(
      path.join(dir, 'sbom-s390x', 'SHA256SUMS'),
      `${hex}  kubectl_1.31.2_s390x.snap\n${'cd'.repeat(32)}  kubectl_1.31.2_s390x.snap.spdx.json\n`,
    )
    expect(await listSboms(dir)).toEqual([
      {
        id: '1',
        artifact: 'sbom-s390x',
        sbom: 'kubectl_1.31.2_s390x.snap.spdx.json',
        subject: 'kubectl_1.31.2_s390x.snap',
        digest: `sha256:${hex}`,
      },
    ])
    writeFileSync(path.join(dir, 'sbom-s390x', 'SHA256SUMS'), '')
    await expect(listSboms(dir)).rejects.toThrow('no sha256 for kubectl_1.31.2_s390x.snap in the SHA256SUMS beside it')
    // The summary: each artifact with the attestations recorded for it.
    const art = tempDir('bs-art-')
    mkdirSync(path.join(art, 'release-s390x'))
    writeFileSync(path.join(art, 'release-s390x', 'kubectl_1.31.2_s390x.snap'), 'snap')
    writeFileSync(path.join(art, 'release-s390x', 'kubectl_1.31.2_s390x.snap.spdx.json'), '{}')
    const rows = await collectArtifacts(art, [
      { kind: 'provenance', url: 'https://github.com/o/r/attestations/1', subjects: ['kubectl_1.31.2_s390x.snap'] },
      { kind: 'sbom', url: 'https://github.com/o/r/attestations/2', subjects: ['kubectl_1.31.2_s390x.snap'] },
    ])
    expect(rows.map((r) => [r.arch, r.artifact, r.attestations])).toEqual([
      [
        's390x',
        'kubectl_1.31.2_s390x.snap',
        ['[provenance](https://github.com/o/r/attestations/1)', '[sbom](https://github.com/o/r/attestations/2)'],
      ],
    ])
  })
})

describe('snap-store: what the release publishes, built on every arch it names', () => {
  test('an arch only the Snap Store needs (ppc64el) gets a build job of the published snaps only; cdk-addons from its directory', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => {
      delete d.sources
      d.charms['kubernetes-master'].resources['cdk-addons'] = 'keep'
      d['snap-store'] = {
        channels: ['1.31/edge', '1.31/stable'],
        'cdk-addons': path.join(repoRoot, 'test/fixtures/cdk-addons'),
        arches: ['amd64', 'ppc64el', 's390x'],
      }
    })
    const plan = await planFor(root, config)
    expect(plan.snapStore).toMatchObject({
      channels: ['1.31/edge', '1.31/stable'],
      snaps: ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm', 'cdk-addons'],
      arches: ['amd64', 'ppc64el', 's390x'],
    })
    const all = 'kubectl kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubeadm'
    expect(plan.matrix.map((r) => [r.arch, r.components, r['cdk-addons'], r.cni, r.flannel])).toEqual([
      ['amd64', all, true, true, true],
      ['ppc64el', all, true, false, false],
      ['s390x', all, true, true, true],
    ])
    expect(plan.build['cdk-addons-source']).toBe(path.join(repoRoot, 'test/fixtures/cdk-addons'))
    expect(planMarkdown(plan, true)).toContain('snapcraft upload release-ppc64el/kubeadm_*_ppc64el.snap --release 1.31/edge,1.31/stable')
    expect(planOutputs(plan, true)['snap-job']).toBe('true')
  })

  test('its mistakes are lines of the description, all at once', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => {
      d['snap-store'] = { channels: ['1.31/edge', 'bogus/risk'], snaps: ['kubectl', 'cdk-addons'] }
      d.charms.flannel['installs-snaps'] = ['etcd@3.4/sometimes']
    })
    await expect(planFor(root, config)).rejects.toThrow(
      [
        "cdk-release.yaml: charms.flannel.installs-snaps.0: 'etcd@3.4/sometimes' is not valid; a snap name (lower-case letters, digits, hyphens), optionally @track/risk, e.g. etcd@3.4/stable",
      ].join('\n'),
    )
    const { config: c2 } = writeCdkFixture(tempDir('bs-cdk-'), ARCHES, (d) => {
      d['snap-store'] = { channels: ['1.31/edge', 'bogus/risk'], snaps: ['kubectl', 'cdk-addons'] }
    })
    await expect(planFor(path.dirname(c2), c2)).rejects.toThrow(
      [
        "cdk-release.yaml: snap-store.channels[1]: 'bogus/risk' has risk 'risk'; use track/risk[/branch], e.g. 1.31/edge or latest/stable, with risk one of edge, beta, candidate, stable",
        'cdk-release.yaml: snap-store.snaps: lists cdk-addons but snap-store.cdk-addons names no build directory; give it (e.g. cdk-addons: cdk-addons)',
      ].join('\n'),
    )
  })
})

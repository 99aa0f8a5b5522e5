/**
 * cdk-addons snaps: {{ arch }} rendering per architecture (unit), the build-directory checks (unit, real files),
 * and the committed dist bundle end to end against a loopback dl.k8s.io mirror of really cross-compiled
 * stand-in kubectl binaries: real packing, unsquashfs, snap.yaml, ELF arch, smoke runs under qemu,
 * byte-identical rebuilds, and bad inputs each ending in one clear error with nothing written.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ARCHES, parseArch } from '../shared/arch.js'
import { readCdkAddonsSource, renderArchTemplate } from '../shared/cdk-addons.js'
import { readElfHeader } from '../shared/elf.js'
import { sha256File } from '../shared/files.js'
import { populateK8sMirror } from '../cli/fake-k8s.js'
import { type Mirror, startMirror } from '../cli/mirror.js'
import { errorLines, repoRoot, runDist, tempDir } from './helpers/runner.js'

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'cdk-addons')
const VERSION = 'v1.31.2'
const TARGETS = ['amd64', 'arm64', 'armhf', 'ppc64el', 's390x'].map((a) => parseArch(a))

function unsquash(snap: string): string {
  const dir = path.join(tempDir('bs-unsquash-'), 'root')
  execFileSync('unsquashfs', ['-q', '-n', '-d', dir, snap])
  return dir
}

describe('renderArchTemplate', () => {
  const template = "image: {{ registry|default('registry.k8s.io') }}/pause-{{ arch }}:3.9 # {{arch}} {{- arch -}} {{ pillar['arch'] }}"
  it.each([
    ['amd64', 'amd64'],
    ['arm64', 'arm64'],
    ['armhf', 'arm'],
    ['ppc64el', 'ppc64le'],
    ['s390x', 's390x'],
    ['riscv64', 'riscv64'],
  ])('%s images are %s, other placeholders are left for apply', (debian, image) => {
    const r = renderArchTemplate(template, parseArch(debian))
    expect(r.replaced).toBe(3)
    expect(r.text).toBe(`image: {{ registry|default('registry.k8s.io') }}/pause-${image}:3.9 # ${image} ${image} {{ pillar['arch'] }}`)
  })
  it('every arch of the table renders to its Go name', () => {
    for (const a of ARCHES) expect(renderArchTemplate('{{ arch }}', a).text).toBe(a.go)
  })
})

describe('readCdkAddonsSource', () => {
  function copyFixture(): string {
    const dir = path.join(tempDir('bs-cdkaddons-src-'), 'build')
    cpSync(FIXTURE, dir, { recursive: true })
    return dir
  }

  it('reads the fixture: apply, templates, hooks, with their exec bits', async () => {
    const files = await readCdkAddonsSource(FIXTURE)
    expect(files.map((f) => `${f.rel}${f.executable ? '*' : ''}`)).toEqual([
      'apply*',
      'meta/hooks/configure*',
      'templates/coredns.yaml',
      'templates/kubernetes-dashboard.yaml',
      'templates/metrics-server.yaml',
      'templates/storage/ceph-storageclass.yaml',
    ])
  })

  it('leaves out .git, a stale meta/snap.yaml, built snaps and a kubectl it will replace', async () => {
    const dir = copyFixture()
    mkdirSync(path.join(dir, '.git'))
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(path.join(dir, 'meta', 'snap.yaml'), 'name: old\n')
    writeFileSync(path.join(dir, 'kubectl'), 'old')
    writeFileSync(path.join(dir, 'cdk-addons_1.0_amd64.snap'), '')
    writeFileSync(path.join(dir, 'README'), 'packed too\n')
    const rels = (await readCdkAddonsSource(dir)).map((f) => f.rel)
    expect(rels).toContain('README')
    for (const gone of ['.git/HEAD', 'meta/snap.yaml', 'kubectl', 'cdk-addons_1.0_amd64.snap']) expect(rels).not.toContain(gone)
  })

  it.each([
    [
      'a missing directory',
      (d: string) => rmSync(d, { recursive: true }),
      /source-dir: '.*' is not a directory; point it at a cdk-addons build directory/,
    ],
    ['no apply script', (d: string) => rmSync(path.join(d, 'apply')), /source-dir: '.*' has no apply script/],
    ['an apply that is not executable', (d: string) => chmodSync(path.join(d, 'apply'), 0o644), /apply' is not executable; chmod \+x it/],
    [
      'no templates',
      (d: string) => rmSync(path.join(d, 'templates'), { recursive: true }),
      /has no templates\/ with addon manifests; run cdk-addons' get-addon-templates/,
    ],
    [
      'a hook that is not executable',
      (d: string) => chmodSync(path.join(d, 'meta', 'hooks', 'configure'), 0o644),
      /hook '.*configure' is not executable/,
    ],
    [
      'a symlink',
      (d: string) => symlinkSync('/etc/passwd', path.join(d, 'templates', 'x.yaml')),
      /'templates\/x.yaml' in .* is not a regular file or directory/,
    ],
  ])('rejects %s with a clear error', async (_what, spoil, message) => {
    const dir = copyFixture()
    spoil(dir)
    await expect(readCdkAddonsSource(dir)).rejects.toThrow(message)
    await expect(readCdkAddonsSource(dir)).rejects.toHaveProperty('name', 'UserError')
  })

  it('points at cdk-addons/ when given the repository root', async () => {
    const root = tempDir('bs-cdkaddons-repo-')
    cpSync(FIXTURE, path.join(root, 'cdk-addons'), { recursive: true })
    await expect(readCdkAddonsSource(root)).rejects.toThrow(/it has cdk-addons\/apply: run 'make prep' and use build\//)
  })
})

describe('build-cdk-addons-snap (dist bundle, end to end)', () => {
  let mirror: Mirror
  let mirrorRoot: string
  const built = new Map<string, { out: string; snap: string; log: string }>()

  beforeAll(async () => {
    mirrorRoot = tempDir('bs-cdkaddons-mirror-')
    await populateK8sMirror(mirrorRoot, VERSION, TARGETS, path.join(tempDir('bs-fake-k8s-'), 'build'), ['kubectl'])
    mirror = await startMirror(mirrorRoot)
  })
  afterAll(async () => mirror?.close())

  async function build(arch: string, extra: Record<string, string> = {}) {
    const out = tempDir('bs-cdkaddons-out-')
    const res = await runDist('build-cdk-addons-snap', {
      'kube-version': VERSION,
      arch,
      'source-dir': FIXTURE,
      'base-url': mirror.url,
      'output-dir': out,
      ...extra,
    })
    return { res, out }
  }

  it.each(TARGETS.map((a) => a.debian))('builds, verifies and packs the %s snap', async (debian) => {
    const arch = parseArch(debian)
    const { res, out } = await build(debian)
    expect(errorLines(res), res.log).toEqual([])
    expect(res.exitCode).toBe(0)
    const snap = path.join(out, `cdk-addons_1.31.2_${debian}.snap`)
    expect(res.outputs.snap).toBe(snap)
    expect(res.outputs.version).toBe('1.31.2')
    expect(res.outputs.arch).toBe(debian)
    expect(readFileSync(res.outputs.manifest, 'utf8')).toContain(`${await sha256File(snap)}  cdk-addons_1.31.2_${debian}.snap\n`) // with its SBOM and provenance (test/sbom.test.ts)
    // kubectl was checked and smoke-run for the target (natively on amd64, under qemu otherwise)
    expect(res.log).toMatch(
      new RegExp(
        `kubectl: downloaded .*sha256 verified; ELF ${debian}; ran (natively|under qemu-[a-z0-9_]+(-static)?|through binfmt_misc qemu-[a-z0-9_]+): Client Version: ${VERSION}`,
      ),
    )
    expect(res.log).toContain(`rendered {{ arch }} -> ${arch.go} in 3 of 4 templates (5 placeholders)`)

    const root = unsquash(snap)
    const yaml = parse(readFileSync(path.join(root, 'meta', 'snap.yaml'), 'utf8'))
    expect(yaml).toMatchObject({
      name: 'cdk-addons',
      version: '1.31.2',
      architectures: [debian],
      confinement: 'strict',
      base: 'core22',
      grade: 'stable',
    })
    expect(yaml.apps).toEqual({ apply: { command: 'apply', plugs: ['home', 'network'] } })
    const elf = await readElfHeader(path.join(root, 'kubectl'))
    expect(elf).toMatchObject({ machine: arch.elf.machine, bits: arch.elf.bits, endian: arch.elf.endian })
    for (const exe of ['kubectl', 'apply', 'meta/hooks/configure']) expect(statSync(path.join(root, exe)).mode & 0o777).toBe(0o755)
    expect(statSync(path.join(root, 'templates', 'coredns.yaml')).mode & 0o777).toBe(0o644)

    const metrics = readFileSync(path.join(root, 'templates', 'metrics-server.yaml'), 'utf8')
    expect(metrics).toContain(`image: {{ registry|default('registry.k8s.io') }}/metrics-server/metrics-server-${arch.go}:v0.6.4`)
    const dashboard = readFileSync(path.join(root, 'templates', 'kubernetes-dashboard.yaml'), 'utf8')
    expect(dashboard).toContain(`arch: "${arch.go}"`)
    expect(dashboard).toContain(`kubernetesui/dashboard-${arch.go}:v2.7.0`)
    expect(dashboard).toContain(`kubernetesui/metrics-scraper-${arch.go}:v1.0.8`)
    expect(readFileSync(path.join(root, 'templates', 'storage', 'ceph-storageclass.yaml'), 'utf8')).toContain(`cephcsi:v3.3.1-${arch.go}`)
    expect(readFileSync(path.join(root, 'templates', 'coredns.yaml'), 'utf8')).toBe(
      readFileSync(path.join(FIXTURE, 'templates', 'coredns.yaml'), 'utf8'),
    )
    for (const t of readdirSync(path.join(root, 'templates'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))) {
      expect(readFileSync(path.join(root, 'templates', t), 'utf8')).not.toMatch(/\{\{-?\s*arch\s*-?\}\}/)
    }
    if (debian === 'armhf') expect(metrics).toContain('metrics-server-arm:')
    if (debian === 'ppc64el') expect(metrics).toContain('metrics-server-ppc64le:')
    expect(readFileSync(path.join(root, 'apply'))).toEqual(readFileSync(path.join(FIXTURE, 'apply')))
    built.set(debian, { out, snap, log: res.log })
  })

  it('rebuilds byte-identically (and from the download cache)', async () => {
    const first = await build('arm64')
    const second = await build('arm64')
    expect(first.res.exitCode, first.res.log).toBe(0)
    expect(second.res.exitCode, second.res.log).toBe(0)
    const a = path.join(first.out, 'cdk-addons_1.31.2_arm64.snap')
    const b = path.join(second.out, 'cdk-addons_1.31.2_arm64.snap')
    expect(a).not.toBe(b)
    expect(await sha256File(b)).toBe(await sha256File(a))
  })

  it('resolves a stable-1.31 marker through the mirror to the snap version', async () => {
    const { res, out } = await build('riscv64', { 'kube-version': 'stable-1.31', verify: 'false' })
    // riscv64 is not in the mirror: the marker resolves, then kubectl is a 404 naming the resolved version
    expect(res.exitCode).toBe(1)
    expect(errorLines(res)[0]).toMatch(/release\/v1.31.2\/bin\/linux\/riscv64\/kubectl.sha256: HTTP 404/)
    expect(readdirSync(out)).toEqual([])
    const ok = await build('arm64', { 'kube-version': 'stable-1.31' })
    expect(ok.res.exitCode, ok.res.log).toBe(0)
    expect(ok.res.outputs.version).toBe('1.31.2')
    expect(ok.res.outputs.snap).toBe(path.join(ok.out, 'cdk-addons_1.31.2_arm64.snap'))
  })

  it('takes kubectl from kubectl-dir (air-gapped) and gives the same snap', async () => {
    const dir = path.join(mirrorRoot, 'release', VERSION, 'bin', 'linux', 's390x')
    const { res, out } = await build('s390x', { 'kubectl-dir': dir, 'base-url': 'http://127.0.0.1:9' })
    expect(res.exitCode, res.log).toBe(0)
    expect(res.log).toContain(`kubectl: from ${dir}/kubectl, sha256 verified`)
    const previous = built.get('s390x')
    if (previous) expect(await sha256File(path.join(out, 'cdk-addons_1.31.2_s390x.snap'))).toBe(await sha256File(previous.snap))
  })

  describe('bad inputs: one clear error, exit 1, no stack, no snap written', () => {
    const cases: Array<[string, Record<string, string>, RegExp, ((root: string) => void)?]> = [
      ['no source-dir', { 'source-dir': '' }, /^input 'source-dir' is required; set it in the step's with: block/],
      ['an unknown arch', { arch: 'mips' }, /^arch: unknown architecture 'mips'; use one of amd64, arm64, armhf, ppc64el, s390x, riscv64/],
      ['a bad kube-version', { 'kube-version': '1.31' }, /^kube-version: '1.31' is not a Kubernetes version; use v1.31.2/],
      ['a bad base-url', { 'base-url': 'dl.k8s.io' }, /^base-url: 'dl.k8s.io' is not an http\(s\) URL; use e.g. https:\/\/dl.k8s.io/],
      [
        'a source-dir that is no build directory',
        { 'source-dir': path.join(repoRoot, 'test', 'fixtures') },
        /^source-dir: '.*fixtures' has no apply script/,
      ],
      ['a bad verify', { verify: 'maybe' }, /^verify: 'maybe' is not a boolean; use true or false/],
      ['a bad base', { base: 'ubuntu' }, /^snap cdk-addons: invalid snap.yaml: base 'ubuntu' is not a base snap name/],
      [
        'a kube-version the mirror lacks',
        { 'kube-version': 'v1.30.0' },
        /^download failed: http:\/\/127.0.0.1:\d+\/release\/v1.30.0\/bin\/linux\/amd64\/kubectl.sha256: HTTP 404 Not Found \(not retried\)/,
      ],
      [
        'a kubectl-dir without kubectl',
        { 'kubectl-dir': repoRoot },
        /^kubectl-dir: '.*\/kubectl' does not exist; put the kubectl binary there/,
      ],
    ]
    it.each(cases)('%s', async (_what, inputs, message) => {
      const { res, out } = await build('amd64', inputs)
      expect(res.exitCode).toBe(1)
      const errors = errorLines(res)
      expect(errors, res.log).toHaveLength(1)
      expect(errors[0].replace(/^::error::/, '')).toMatch(message)
      expect(res.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
      expect(readdirSync(out)).toEqual([])
    })

    it('a kubectl whose checksum does not match', async () => {
      const corrupt = await startMirror(mirrorRoot, [{ match: /\/kubectl$/, fault: { kind: 'corrupt' } }])
      try {
        const out = tempDir('bs-cdkaddons-out-')
        const res = await runDist('build-cdk-addons-snap', {
          'kube-version': VERSION,
          arch: 'arm64',
          'source-dir': FIXTURE,
          'base-url': corrupt.url,
          'output-dir': out,
        })
        expect(res.exitCode).toBe(1)
        expect(errorLines(res)).toHaveLength(1)
        expect(errorLines(res)[0]).toMatch(
          /checksum mismatch: http:\/\/127.0.0.1:\d+\/release\/v1.31.2\/bin\/linux\/arm64\/kubectl: sha256 is [0-9a-f]{64}, expected [0-9a-f]{64}/,
        )
        expect(readdirSync(out)).toEqual([])
      } finally {
        await corrupt.close()
      }
    })

    it('a kubectl of the wrong architecture', async () => {
      const dir = tempDir('bs-cdkaddons-wrong-')
      cpSync(path.join(mirrorRoot, 'release', VERSION, 'bin', 'linux', 'amd64', 'kubectl'), path.join(dir, 'kubectl'))
      const { res, out } = await build('ppc64el', { 'kubectl-dir': dir })
      expect(res.exitCode).toBe(1)
      expect(errorLines(res)).toHaveLength(1)
      expect(errorLines(res)[0]).toMatch(/kubectl.*amd64.*ppc64el|kubectl.*ppc64el.*amd64/)
      expect(existsSync(path.join(out, 'cdk-addons_1.31.2_ppc64el.snap'))).toBe(false)
    })
  })
})

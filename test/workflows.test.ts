/**
 * The workflows as GitHub reads them: parsed with @actions/workflow-parser (GitHub's own schema and expression
 * model) and the yaml package, then checked for the security rules and the release wiring. Expressions that
 * decide where jobs run are evaluated with @actions/expressions (GitHub's evaluator), with and without the
 * S390X_RUNNER variable. Each rule is also run on a bad example, so it can fail.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { planFromConfig, RELEASE_DEFAULTS } from '../cli/release.js'
import { planOutputs } from '../shared/release/plan.js'
import { type FollowPlan, followOutputs } from '../cli/follow/plan.js'
import { buildPairs, decideCells } from '../shared/follow/decide.js'
import { writeCdkFixture } from './cdk-release.fixtures.js'
import { type Job as GhJob } from './helpers/gh-workflow.js' // also registers the JSON import hook the parser needs
import './helpers/gh-workflow.js'
import { repoRoot, tempDir } from './helpers/runner.js'

type Job = GhJob & { if?: string; strategy?: { matrix?: unknown }; 'timeout-minutes'?: number | string }
type Workflow = {
  on: Record<string, { inputs?: Record<string, { default?: unknown; type?: string }> } | null>
  permissions?: unknown
  jobs: Record<string, Job>
}

const WORKFLOWS = ['ci.yml', 'release.yml', 'promote.yml', 'follow.yml']
/** The jobs that attest (actions/attest-*): the only ones with id-token and attestations write. */
const ATTESTING: Record<string, string[]> = { 'release.yml': ['build', 'charm', 'attest-sbom'] }
const text = (f: string) => readFileSync(path.join(repoRoot, '.github', 'workflows', f), 'utf8')
const load = (f: string) => parse(text(f)) as Workflow

// ---------------------------------------------------------------- the rules, as functions of a workflow

/** `${{ }}` in a run: script that expands inputs or event data (script injection). */
export function runInterpolations(wf: Workflow): string[] {
  const bad: string[] = []
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const s of job.steps ?? []) {
      for (const m of (s.run ?? '').matchAll(/\$\{\{([^}]*)\}\}/g)) {
        if (/\b(inputs|github\.event|github\.head_ref)\b/.test(m[1])) bad.push(`${id}/${s.name ?? s.id ?? s.run}: ${m[0]}`)
      }
    }
  }
  return bad
}

/** Every uses: of another repository pinned by a 40-hex commit SHA with the tag in a comment. */
export function unpinned(raw: string): string[] {
  const bad: string[] = []
  for (const line of raw.split('\n')) {
    const m = line.match(/^\s*(?:-\s*)?uses:\s*([^\s#]+)\s*(#.*)?$/)
    if (!m || m[1].startsWith('./') || m[1].startsWith('docker://')) continue
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]) || !/^#\s*v\d+(\.\d+)*/.test(m[2] ?? '')) bad.push(line.trim())
  }
  return bad
}

/** Scopes granted write, per job (top level included as '(workflow)'). */
export function writeScopes(wf: Workflow): Record<string, string[]> {
  const scopes = (p: unknown) =>
    typeof p === 'string'
      ? /write/.test(p)
        ? [p]
        : []
      : Object.entries((p ?? {}) as Record<string, string>)
          .filter(([, v]) => v === 'write')
          .map(([k]) => k)
  const out: Record<string, string[]> = {}
  const top = scopes(wf.permissions)
  if (top.length) out['(workflow)'] = top
  for (const [id, job] of Object.entries(wf.jobs)) {
    const s = scopes(job.permissions)
    if (s.length) out[id] = s
  }
  return out
}

/** Jobs that read a secret but are not behind the release environment. */
export function secretsOutsideRelease(wf: Workflow): string[] {
  return Object.entries(wf.jobs)
    .filter(([, job]) => /\bsecrets\./.test(JSON.stringify(job)))
    .filter(([, job]) => (typeof job.environment === 'string' ? job.environment : job.environment?.name) !== 'release')
    .map(([id]) => id)
}

// ---------------------------------------------------------------- expressions, evaluated by GitHub's evaluator

function evaluate(expr: string, ctx: Record<string, unknown>): unknown {
  const inner = expr.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
  const lexed = new Lexer(inner).lex()
  const ast = new Parser(lexed.tokens, Object.keys(ctx), []).parse()
  const context = JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary
  return JSON.parse(JSON.stringify(new Evaluator(ast, context).evaluate(), data.replacer))
}

// ---------------------------------------------------------------- tests

describe.each(WORKFLOWS)('%s', (file) => {
  const wf = load(file)

  test("parses with GitHub's workflow parser without errors", async () => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser')
    const res = parseWorkflow({ name: file, content: text(file) }, new NoOperationTraceWriter())
    expect(res.context.errors.getErrors().map((e) => e.message)).toEqual([])
    const template = await convertWorkflowTemplate(res.context, res.value!)
    expect(template.errors ?? []).toEqual([])
    expect(template.jobs.map((j) => j.id.value)).toEqual(Object.keys(wf.jobs))
  })

  test('top-level permissions are contents: read; id-token and attestations write only on the jobs that attest', () => {
    expect(wf.permissions).toEqual({ contents: 'read' })
    const attesting = ATTESTING[file] ?? []
    expect(writeScopes(wf)).toEqual(Object.fromEntries(attesting.map((j) => [j, ['id-token', 'attestations']])))
    for (const [id, job] of Object.entries(wf.jobs)) {
      const attests = (job.steps ?? []).some((s) => /^actions\/attest-(build-provenance|sbom)@/.test(s.uses ?? ''))
      expect(attests, `${file} ${id} attests`).toBe(attesting.includes(id))
      if (attesting.includes(id)) expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' })
      else expect(job.permissions, `${file} ${id}`).toBeUndefined()
    }
  })

  test('no ${{ inputs.* }} or ${{ github.event.* }} inside a run: script', () => {
    expect(runInterpolations(wf)).toEqual([])
  })

  test('every third-party action is pinned by a full commit SHA, with its tag in a comment', () => {
    expect(unpinned(text(file))).toEqual([])
    const uses = text(file).match(/uses:\s*\S+/g) ?? []
    expect(uses.length).toBeGreaterThan(0)
  })

  test('secrets are read only behind the release environment', () => {
    expect(secretsOutsideRelease(wf)).toEqual([])
  })

  test('every with: of a local action names one of its inputs, and every required input is given', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const s of job.steps ?? []) {
        if (!s.uses?.startsWith('./')) continue
        const dir = s.uses.replace(/^\.\/(\.build-snaps\/?)?/, '')
        const yml = parse(readFileSync(path.join(repoRoot, dir, 'action.yml'), 'utf8')) as {
          inputs: Record<string, { required?: boolean; default?: string }>
        }
        const given = Object.keys(s.with ?? {})
        for (const k of given) expect(Object.keys(yml.inputs), `${file} ${id}: ${s.uses} has no input ${k}`).toContain(k)
        for (const [k, v] of Object.entries(yml.inputs))
          if (v.required && v.default === undefined) expect(given, `${file} ${id}: ${s.uses} needs ${k}`).toContain(k)
      }
    }
  })
})

describe('the rules catch what they are for', () => {
  const bad = parse(`
on: push
permissions: write-all
jobs:
  a:
    permissions: { contents: write, id-token: write }
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      - run: echo "\${{ inputs.name }}" && echo "\${{ github.event.pull_request.title }}"
      - run: echo "\${{ secrets.TOKEN }}"
`) as Workflow
  test('interpolation in run:', () => expect(runInterpolations(bad)).toHaveLength(2))
  test('write scopes', () => expect(writeScopes(bad)).toEqual({ '(workflow)': ['write-all'], a: ['contents', 'id-token'] }))
  test('a tag, and a SHA without the tag comment', () =>
    expect(
      unpinned('      - uses: actions/checkout@v4\n      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020\n'),
    ).toHaveLength(2))
  test('a secret outside the release environment', () => expect(secretsOutsideRelease(bad)).toEqual(['a']))
})

describe('release.yml', () => {
  const wf = load('release.yml')
  const dispatch = wf.on.workflow_dispatch!.inputs!
  const call = wf.on.workflow_call!.inputs!
  let outputs: Record<string, string>
  let build: Record<string, unknown>

  beforeAll(async () => {
    // The plan job's own code, on a description of three charms (exact version: no network here).
    const root = tempDir('bs-wf-')
    const { config } = writeCdkFixture(root, ['amd64', 'arm64', 'ppc64el', 's390x'])
    const { plan } = await planFromConfig({
      config,
      root,
      artifacts: path.join(root, 'artifacts'),
      routes: { selfHosted: { s390x: true, ppc64el: true } },
    })
    outputs = planOutputs(plan, true)
    build = JSON.parse(outputs.build)
  })

  test('is run by hand (workflow_dispatch) and callable (workflow_call) with the same inputs and defaults', () => {
    expect(
      Object.keys(call)
        .filter((k) => k !== 'suite-ref')
        .sort(),
    ).toEqual(Object.keys(dispatch).sort())
    for (const [k, v] of Object.entries(dispatch)) expect(call[k].default, k).toEqual(v.default)
    expect(dispatch['dry-run'].type).toBe('boolean')
    expect(Object.keys(dispatch).sort()).toEqual(Object.keys(RELEASE_DEFAULTS).sort())
    for (const [k, v] of Object.entries(RELEASE_DEFAULTS))
      expect(String(dispatch[k].default), `cli/release.ts RELEASE_DEFAULTS.${k}`).toBe(v)
  })

  test('jobs: plan → build per arch, pack per entry → charm per charm → SBOM attestations → release per charm (environment: release) → bundle → summary', () => {
    expect(Object.keys(wf.jobs)).toEqual([
      'plan',
      'build',
      'pack',
      'charm',
      'sboms',
      'attest-sbom',
      'snaps',
      'release',
      'bundle',
      'summary',
    ])
    expect(wf.jobs.build.needs).toEqual('plan')
    expect(wf.jobs.pack.needs).toEqual('plan')
    expect(wf.jobs.charm.needs).toEqual(['plan', 'build', 'pack'])
    // The snaps job (publish, verify, the gate) runs after every build and charm job and before any charm release.
    expect(wf.jobs.snaps.needs).toEqual(['plan', 'build', 'charm'])
    expect(wf.jobs.snaps.environment).toBe('release')
    expect(wf.jobs.release.needs).toEqual(['plan', 'charm', 'snaps'])
    expect(wf.jobs.bundle.needs).toEqual(['plan', 'release'])
    expect(wf.jobs.release.environment).toBe('release')
    expect(wf.jobs.release.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.charms) }}')
    expect(wf.jobs.charm.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.charms) }}')
    const needs = (dry: string, result = 'success', snaps = 'success') => ({
      needs: { plan: { outputs: { 'dry-run': dry, 'snap-job': 'true' }, result }, charm: { result: 'success' }, snaps: { result: snaps } },
    })
    const releaseIf = wf.jobs.release.if!.replace(/^\$\{\{\s*|\s*\}\}$/g, '').replace(/^!cancelled\(\) && /, '')
    expect(evaluate(releaseIf, needs('true'))).toBe(false)
    expect(evaluate(releaseIf, needs('false'))).toBe(true)
    // No snaps job (nothing published, no charm installs snaps): the release goes on; a failed one stops it.
    expect(evaluate(releaseIf, needs('false', 'success', 'skipped'))).toBe(true)
    expect(evaluate(releaseIf, needs('false', 'success', 'failure'))).toBe(false)
    expect(evaluate(wf.jobs.snaps.if!, needs('true'))).toBe(false)
    expect(evaluate(wf.jobs.snaps.if!, needs('false'))).toBe(true)
    expect(evaluate(wf.jobs.snaps.if!, { needs: { plan: { outputs: { 'dry-run': 'false', 'snap-job': 'false' } } } })).toBe(false)
    expect(wf.jobs.summary.if).toMatch(/^always\(\) && /)
    expect(evaluate(wf.jobs.summary.if!.replace(/^always\(\) && /, ''), needs('true'))).toBe(true)
    expect(wf.jobs.summary.needs).toEqual(['plan', 'build', 'pack', 'charm', 'sboms', 'attest-sbom', 'snaps', 'release', 'bundle'])
    // The charm jobs run after packing, or when nothing is packed (every charm prebuilt: no pack job at all).
    const charmIf = wf.jobs.charm.if!.replace(/^\$\{\{\s*|\s*\}\}$/g, '').replace(/^!cancelled\(\) && /, '')
    const results = (build: string, pack: string) => ({ needs: { build: { result: build }, pack: { result: pack } } })
    expect(evaluate(charmIf, results('success', 'success'))).toBe(true)
    expect(evaluate(charmIf, results('success', 'skipped'))).toBe(true)
    expect(evaluate(charmIf, results('success', 'failure'))).toBe(false)
    expect(evaluate(charmIf, results('failure', 'success'))).toBe(false)
    expect(evaluate(wf.jobs.pack.if!, { needs: { plan: { outputs: { 'pack-count': '0' } } } })).toBe(false)
    expect(evaluate(wf.jobs.pack.if!, { needs: { plan: { outputs } } })).toBe(true)
  })

  test('one pack job per needed entry, on the runner its route names, packing exactly that entry', () => {
    expect(wf.jobs.plan.outputs?.packs).toBe('${{ steps.plan.outputs.packs }}')
    const packs = evaluate(wf.jobs.pack.strategy!.matrix as string, { needs: { plan: { outputs } } }) as {
      include: Record<string, unknown>[]
    }
    // Three per-arch fixture charms on amd64, arm64, ppc64el, s390x: four entries each.
    expect(packs.include).toHaveLength(12)
    const worker = packs.include.filter((p) => p.charm === 'kubernetes-worker')
    expect(worker.map((p) => evaluate(String(wf.jobs.pack['runs-on']).replace(/^\$\{\{\s*|\s*\}\}$/g, ''), { matrix: p }))).toEqual([
      'ubuntu-22.04',
      'ubuntu-22.04-arm',
      ['self-hosted', 'linux', 'ppc64el'],
      ['self-hosted', 'linux', 's390x'],
    ])
    const step = wf.jobs.pack.steps!.find((s) => s.uses === './.build-snaps/actions/charm-build')!
    expect(step.with).toEqual({
      'charm-path': '${{ matrix.path }}',
      builder: '${{ matrix.builder }}',
      'bases-index': '${{ matrix.bases-index }}',
      platform: '${{ matrix.platform }}',
      'destructive-mode': '${{ matrix.destructive }}',
      arches: '${{ matrix.arches }}',
      'output-dir': '${{ matrix.pack-dir }}',
      'container-platform': '${{ matrix.container-platform }}',
      'container-image': '${{ matrix.container-image }}',
    })
    expect(step.id).toBe('pack')
    const lxd = wf.jobs.pack.steps!.find((s) => /LXD/.test(s.name ?? ''))!
    expect(evaluate(lxd.if!, { matrix: worker[0] })).toBe(false)
    expect(evaluate(lxd.if!, { matrix: { ...worker[0], lxd: true } })).toBe(true)
    const upload = wf.jobs.pack.steps!.find((s) => s.name === 'Upload the .charm')!
    expect(upload.with!.name).toBe('${{ matrix.artifact }}')
    // The charm job collects every pack job's .charm of its charm: a pattern and merge-multiple.
    const collect = wf.jobs.charm.steps!.find(
      (s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.pattern === '${{ matrix.pack-pattern }}',
    )!
    expect(collect.with).toMatchObject({ path: '${{ matrix.charm-dir }}', 'merge-multiple': true })
    // pack-<charm>_* never matches another charm's artifacts (charm names hold no underscore).
    const names = packs.include.map((p) => String(p.artifact))
    const glob = (pat: string) => new RegExp(`^${pat.replace('*', '.*')}$`)
    const charms = evaluate(wf.jobs.charm.strategy!.matrix as string, { needs: { plan: { outputs } } }) as {
      include: { charm: string; 'pack-pattern': string }[]
    }
    for (const c of charms.include)
      expect(names.filter((n) => glob(c['pack-pattern']).test(n))).toEqual(names.filter((n) => n.startsWith(`pack-${c.charm}_`)))
  })

  test("an emulated entry: QEMU pinned by digest, the container passed on, a longer timeout, charmcraft's logs kept", async () => {
    // The same fixture with no self-hosted runner: its ppc64el and s390x entries are emulated.
    const root = tempDir('bs-wf-')
    const { config } = writeCdkFixture(root, ['amd64', 'ppc64el', 's390x'])
    const { plan } = await planFromConfig({ config, root, artifacts: path.join(root, 'artifacts'), routes: { selfHosted: {} } })
    const packs = evaluate(wf.jobs.pack.strategy!.matrix as string, { needs: { plan: { outputs: planOutputs(plan, true) } } }) as {
      include: Record<string, unknown>[]
    }
    const worker = packs.include.filter((p) => p.charm === 'kubernetes-worker')
    const s390x = worker.find((p) => p.entry === 'bases[2]')!
    expect([s390x.route, s390x['runs-on'], s390x['container-platform'], s390x['container-image'], s390x.slow]).toEqual([
      'emulated',
      'ubuntu-24.04',
      'linux/s390x',
      'ubuntu:22.04',
      expect.stringMatching(/^emulated, ~\d+(?:\.\d+)?× slower$/),
    ])
    const hosted = worker.find((p) => p.entry === 'bases[0]')!
    const timeout = String(wf.jobs.pack['timeout-minutes']).replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    expect(evaluate(timeout, { matrix: s390x })).toBe(240)
    expect(evaluate(timeout, { matrix: hosted })).toBe(30)
    const qemu = wf.jobs.pack.steps!.find((s) => s.name === 'Set up QEMU (emulated pack)')!
    expect(evaluate(qemu.if!, { matrix: s390x })).toBe(true)
    expect(evaluate(qemu.if!, { matrix: hosted })).toBe(false)
    expect(qemu.uses).toBe(wf.jobs.build.steps!.find((s) => s.uses?.startsWith('docker/setup-qemu-action@'))!.uses)
    expect(qemu.with).toEqual({
      image: expect.stringMatching(/^tonistiigi\/binfmt:qemu-v10\.2\.3@sha256:[0-9a-f]{64}$/),
      platforms: '${{ matrix.container-platform }}',
    })
    const steps = wf.jobs.pack.steps!
    const logs = steps.find((s) => s.name === "Upload charmcraft's logs")!
    expect(steps.indexOf(logs)).toBe(steps.findIndex((s) => s.id === 'pack') + 1)
    expect(logs.if).toBe("always() && steps.pack.outputs.logs != ''")
    expect(evaluate(logs.if!.replace(/^always\(\) && /, ''), { steps: { pack: { outputs: { logs: '' } } } })).toBe(false)
    expect(evaluate(logs.if!.replace(/^always\(\) && /, ''), { steps: { pack: { outputs: { logs: 'logs' } } } })).toBe(true)
    expect(logs.with).toMatchObject({ name: 'logs-${{ matrix.artifact }}', path: '${{ steps.pack.outputs.logs }}' })
    // The summary job names each entry's route: it is given the plan's pack jobs.
    const summary = wf.jobs.summary.steps!.find((s) => /release summarize/.test(s.run ?? ''))!
    expect(summary.env).toMatchObject({ PACKS: '${{ needs.plan.outputs.packs }}' })
    expect(summary.run).toContain('--packs "$PACKS"')
  })

  test("the plan job reads the route variables and the caller's owner", () => {
    const step = wf.jobs.plan.steps!.find((s) => s.id === 'plan')!
    expect(step.env).toMatchObject({
      S390X_RUNNER: '${{ vars.S390X_RUNNER }}',
      PPC64EL_RUNNER: '${{ vars.PPC64EL_RUNNER }}',
      CALLER_OWNER: '${{ github.repository_owner }}',
    })
  })

  test("the matrices are the plan job's outputs: one build per arch, one charm and one release job per charm", () => {
    expect(wf.jobs.plan.outputs?.matrix).toBe('${{ steps.plan.outputs.matrix }}')
    const ctx = { needs: { plan: { outputs } } }
    const row = { components: 'kubectl kube-apiserver kubelet', etcd: false, 'cdk-addons': true, cni: true, flannel: true }
    expect(evaluate(wf.jobs.build.strategy!.matrix as string, ctx)).toEqual({
      include: [
        { arch: 'amd64', platform: 'linux/amd64', ...row },
        { arch: 'arm64', platform: 'linux/arm64', ...row },
        { arch: 'ppc64el', platform: 'linux/ppc64le', ...row },
        { arch: 's390x', platform: 'linux/s390x', ...row },
      ],
    })
    const charms = evaluate(wf.jobs.charm.strategy!.matrix as string, ctx) as { include: { charm: string; resources: string }[] }
    expect(charms.include.map((c) => c.charm)).toEqual(['kubernetes-master', 'kubernetes-worker', 'flannel'])
    expect(charms.include[1].resources).toContain('cni-{arch}=artifacts/release-{arch}/cni-{arch}.tgz')
    expect(outputs.channel).toBe('1.31/edge')
  })

  test("each build step runs only when a charm maps its artifact, with the plan's versions and sources", () => {
    // Each build job's row says what it builds (an arch only the Snap Store needs builds snaps only).
    const ctx = (b: Record<string, unknown>) => ({
      needs: { plan: { outputs: { ...outputs, build: JSON.stringify(b) } } },
      matrix: { arch: 's390x', components: b.components, etcd: b.etcd, 'cdk-addons': b['cdk-addons'], cni: b.cni, flannel: b.flannel },
      env: { OUT: 'out/release-s390x' },
    })
    const step = (uses: string) => wf.jobs.build.steps!.find((s) => s.uses === uses)!
    const ran = (b: Record<string, unknown>) =>
      [
        './.build-snaps',
        './.build-snaps/actions/build-etcd-snap',
        './.build-snaps/actions/build-cdk-addons-snap',
        './.build-snaps/actions/build-cnitgz',
        './.build-snaps/actions/build-flannel',
      ].filter((u) => evaluate(step(u).if!, ctx(b)))
    expect(ran(build)).toEqual([
      './.build-snaps',
      './.build-snaps/actions/build-cdk-addons-snap',
      './.build-snaps/actions/build-cnitgz',
      './.build-snaps/actions/build-flannel',
    ])
    expect(ran({ ...build, components: '', 'cdk-addons': false, etcd: true })).toEqual([
      './.build-snaps/actions/build-etcd-snap',
      './.build-snaps/actions/build-cnitgz',
      './.build-snaps/actions/build-flannel',
    ])
    const inputs = (uses: string, b: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(step(uses).with!).map(([k, v]) => [k, evaluate(String(v), ctx(b))]))
    expect(inputs('./.build-snaps', build)).toEqual({
      'kube-version': 'v1.31.2',
      components: 'kubectl kube-apiserver kubelet',
      arch: 's390x',
      'output-dir': 'out/release-s390x',
    })
    // The etcd snap from the release tag, or from the checkout (never both: build-etcd-snap refuses that).
    expect(inputs('./.build-snaps/actions/build-etcd-snap', { ...build, etcd: true })).toMatchObject({
      'etcd-version': 'v3.5.16',
      'source-dir': '',
    })
    expect(inputs('./.build-snaps/actions/build-etcd-snap', { ...build, etcd: true, 'etcd-source': 'src/etcd' })).toMatchObject({
      'etcd-version': '',
      'source-dir': 'src/etcd',
    })
  })

  test.each([
    ['amd64', '', 'ubuntu-24.04', false],
    ['arm64', '', 'ubuntu-24.04', true],
    ['ppc64el', 'yes', 'ubuntu-24.04', true],
    ['s390x', '', 'ubuntu-24.04', true],
    ['s390x', 'yes', ['self-hosted', 'linux', 's390x'], false],
  ])('%s with S390X_RUNNER=%j runs on %j, QEMU set up: %s', (arch, variable, runner, qemu) => {
    const ctx = { matrix: { arch, platform: `linux/${arch}` }, vars: variable ? { S390X_RUNNER: variable } : {} }
    expect(evaluate(String(wf.jobs.build['runs-on']), ctx)).toEqual(runner)
    const qemuStep = wf.jobs.build.steps!.find((s) => s.uses?.startsWith('docker/setup-qemu-action@'))!
    expect(evaluate(qemuStep.if!, ctx)).toBe(qemu)
  })

  test('the actions come from this repository at this commit when dispatched, from cdk/build-snaps@suite-ref when called', () => {
    const env = (wf as unknown as { env: Record<string, string> }).env
    const github = { repository: 'me/build-snaps', sha: 'abc123' }
    expect(evaluate(env.SUITE_REPOSITORY, { inputs: {}, github })).toBe('me/build-snaps')
    expect(evaluate(env.SUITE_REF, { inputs: {}, github })).toBe('abc123')
    expect(evaluate(env.SUITE_REPOSITORY, { inputs: { 'suite-ref': 'v1' }, github })).toBe('cdk/build-snaps')
    expect(evaluate(env.SUITE_REF, { inputs: { 'suite-ref': 'v1.2.0' }, github })).toBe('v1.2.0')
    for (const [id, job] of Object.entries(wf.jobs)) {
      const suite = (job.steps ?? []).find((s) => s.with?.path === '.build-snaps')
      expect(suite?.with).toMatchObject({
        repository: '${{ env.SUITE_REPOSITORY }}',
        // the plan job resolves the ref to one commit; the others check out that commit (test/workflows-github.test.ts)
        ref: id === 'plan' ? '${{ env.SUITE_REF }}' : '${{ needs.plan.outputs.suite-commit }}',
        'persist-credentials': false,
      })
    }
  })

  test('provenance over every snap, tarball and .charm; one SBOM attestation per SBOM; each recorded for the summary', () => {
    const provenance = (job: string) => wf.jobs[job].steps!.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'))!
    expect(String(provenance('build').with!['subject-path']).trim().split('\n')).toEqual([
      '${{ env.OUT }}/*.snap',
      '${{ env.OUT }}/*.tgz',
      '${{ env.OUT }}/*.tar.gz',
    ])
    const out = String((wf.jobs.build as unknown as { env: Record<string, string> }).env.OUT)
    expect(out.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => String(evaluate(e, { matrix: { arch: 's390x' } })))).toBe(
      'out/release-s390x',
    )
    expect(provenance('charm').with!['subject-path']).toBe('${{ matrix.charm-files }}')
    const sbom = wf.jobs['attest-sbom'].steps!.find((s) => s.uses?.startsWith('actions/attest-sbom@'))!
    expect(sbom.with).toEqual({
      'subject-name': '${{ matrix.subject }}',
      'subject-digest': '${{ matrix.digest }}',
      'sbom-path': 'sbom/${{ matrix.sbom }}',
    })
    expect(wf.jobs['attest-sbom'].strategy?.matrix).toBe('${{ fromJSON(needs.sboms.outputs.matrix) }}')
    for (const job of ['build', 'charm', 'attest-sbom'])
      expect(wf.jobs[job].steps!.some((s) => s.run?.includes('release attested'))).toBe(true)
    // Attestations can be switched off for a private repository without Enterprise.
    expect(evaluate(provenance('build').if!, { vars: { BUILD_SNAPS_ATTEST: 'false' } })).toBe(false)
    expect(evaluate(provenance('build').if!, { vars: {} })).toBe(true)
  })

  test('the store credential reaches only the release job, as the credentials input; release verifies, the charm job only plans', () => {
    const step = wf.jobs.release.steps!.find((s) => s.with?.credentials)!
    expect(step.uses).toBe('./.build-snaps/actions/charm-attach-release')
    expect(step.with!.credentials).toBe('${{ secrets.CHARMCRAFT_AUTH }}')
    expect(step.with!['dry-run']).toBeUndefined()
    expect(step.with!.verify).toBe(true)
    expect(step.with!.charm).toBe('${{ matrix.charm-files }}')
    const charmPlan = wf.jobs.charm.steps!.find((s) => s.uses?.endsWith('charm-attach-release'))!
    expect(charmPlan.with!['dry-run']).toBe(true)
    expect(charmPlan.with!.credentials).toBeUndefined()
    expect(charmPlan.with!.resources).toBe(step.with!.resources)
  })
})

describe('follow.yml', () => {
  const wf = load('follow.yml')
  const call = wf.on.workflow_call!.inputs!
  /** A plan of two tracks: 1.35 behind on both arches with cdk-addons, 1.34 up to date. */
  function plan(behind: boolean): FollowPlan {
    const ALL = ['stable', 'candidate', 'beta', 'edge'] as const
    const held = (track: string, v?: string) =>
      ['amd64', 's390x'].flatMap((arch) =>
        ALL.map((r) => ({ track, arch, channel: `${track}/${r}`, following: false, ...(v ? { revision: 1, version: v } : {}) })),
      )
    const cells = (['kubectl', 'cdk-addons'] as const).flatMap((snap) =>
      (['1.35', '1.34'] as const).flatMap((track) =>
        ['amd64', 's390x'].flatMap((arch) =>
          decideCells({
            track: { track, risks: [...ALL], preReleases: false },
            snap,
            arch,
            upstream: { track, targets: [{ version: `v${track}.2`, risks: [...ALL] }], notes: [] },
            rows: [...held('1.34', '1.34.2'), ...held('1.35', behind ? undefined : '1.35.2')],
          }),
        ),
      ),
    )
    return {
      config: '/x/follow.yaml',
      baseUrl: 'https://dl.k8s.io',
      dryRun: false,
      cells,
      builds: buildPairs(cells),
      status: {},
      storeRead: true,
      latest: '',
      snaps: ['kubectl', 'cdk-addons'],
      arches: ['amd64', 's390x'],
      cdkAddons: path.join(process.cwd(), 'cdk-addons'),
    }
  }

  test('reusable (workflow_call): config (follow.yaml), dry-run, the store credential as a secret; one run at a time', () => {
    expect(wf.on.workflow_dispatch).toBeUndefined()
    expect(call.config.default).toBe('follow.yaml')
    expect(call['dry-run']).toMatchObject({ type: 'boolean', default: false })
    expect(Object.keys((wf.on.workflow_call as { secrets: object }).secrets)).toEqual(['SNAPCRAFT_STORE_CREDENTIALS'])
    const c = (wf as unknown as { concurrency: { group: string; 'cancel-in-progress': boolean } }).concurrency
    expect(c['cancel-in-progress']).toBe(false)
    const group = (config: string) => evaluate(c.group, { github: { repository: 'me/snaps', run_id: 1 }, inputs: { config } })
    expect(group('follow.yaml')).toBe(group('follow.yaml')) // two scheduled runs share the group
    expect(group('follow.yaml')).not.toBe(group('other.yaml'))
  })

  test('plan → build per (version, arch) → publish → summary; the credential only in the jobs behind the release environment', () => {
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'build', 'publish', 'summary'])
    expect(wf.jobs.build.needs).toBe('plan')
    expect(wf.jobs.publish.needs).toEqual(['plan', 'build'])
    expect(wf.jobs.summary.needs).toEqual(['plan', 'build', 'publish'])
    const withSecret = Object.entries(wf.jobs).filter(([, j]) => JSON.stringify(j).includes('secrets.SNAPCRAFT_STORE_CREDENTIALS'))
    expect(withSecret.map(([id]) => id)).toEqual(['plan', 'publish'])
    for (const [, j] of withSecret) expect(j.environment).toBe('release')
  })

  test("one build job per (version, arch) behind, from the plan's own outputs; none when nothing is", () => {
    const behind = followOutputs(plan(true))
    expect(JSON.parse(behind.matrix).include).toEqual([
      {
        version: 'v1.35.2',
        arch: 'amd64',
        components: 'kubectl',
        'cdk-addons': true,
        artifact: 'follow-v1.35.2-amd64',
        platform: 'linux/amd64',
      },
      {
        version: 'v1.35.2',
        arch: 's390x',
        components: 'kubectl',
        'cdk-addons': true,
        artifact: 'follow-v1.35.2-s390x',
        platform: 'linux/s390x',
      },
    ])
    expect(behind).toMatchObject({ count: '2', publish: 'true', 'cdk-addons': 'cdk-addons' })
    const none = followOutputs(plan(false))
    expect(none).toMatchObject({ count: '0', publish: 'false', matrix: '{"include":[]}' })
    const run = (o: Record<string, string>, dry = 'false') =>
      evaluate(wf.jobs.build.if!, { needs: { plan: { outputs: { ...o, 'dry-run': dry } } } })
    expect(run(behind)).toBe(true)
    expect(run(none)).toBe(false)
    expect(run(behind, 'true')).toBe(false)
    expect(wf.jobs.build.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
    // Each row's artifact is what the publish job downloads (follow-v*), never the plan's (follow-plan).
    const pattern = wf.jobs.publish.steps!.find((s) => s.with?.path === 'artifacts')!.with!.pattern as string
    expect(pattern).toBe('follow-v*')
    for (const r of JSON.parse(behind.matrix).include as Array<{ artifact: string }>) expect(r.artifact.startsWith('follow-v')).toBe(true)
    const step = (name: RegExp) => wf.jobs.build.steps!.find((s) => name.test(s.name ?? ''))!
    const row = JSON.parse(behind.matrix).include[1]
    const ctx = {
      matrix: row,
      needs: { plan: { outputs: behind } },
      inputs: { 'base-url': 'https://dl.k8s.io' },
      env: { OUT: `out/${row.artifact}` },
    }
    expect(evaluate(step(/^Kubernetes snaps/).if!, ctx)).toBe(true)
    expect(evaluate(step(/^cdk-addons/).if!, ctx)).toBe(true)
    expect(evaluate(step(/^cdk-addons/).if!, { ...ctx, matrix: { ...row, 'cdk-addons': false } })).toBe(false)
    expect(Object.fromEntries(Object.entries(step(/^cdk-addons/).with!).map(([k, v]) => [k, evaluate(String(v), ctx)]))).toEqual({
      'kube-version': 'v1.35.2',
      'source-dir': 'cdk-addons',
      arch: 's390x',
      'base-url': 'https://dl.k8s.io',
      'output-dir': 'out/follow-v1.35.2-s390x',
    })
  })

  test('publish runs when the plan has work, even after a failed build (its cells fail); the summary always', () => {
    const ctx = (publish: string, plan = 'success') => ({ needs: { plan: { result: plan, outputs: { publish } } } })
    const cond = wf.jobs.publish.if!.replace(/^\$\{\{\s*|\s*\}\}$/g, '').replace(/^!cancelled\(\) && /, '')
    expect(evaluate(cond, ctx('true'))).toBe(true)
    expect(evaluate(cond, ctx('false'))).toBe(false)
    expect(evaluate(cond, ctx('true', 'failure'))).toBe(false)
    expect(wf.jobs.summary.if).toMatch(/^always\(\) && needs.plan.result == 'success'$/)
  })
})

describe('promote.yml', () => {
  const wf = load('promote.yml')
  test('plan → promote per charm (environment: release, from-channel, verify) → bundle → summary; nothing built', () => {
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'snaps', 'promote', 'bundle', 'summary'])
    expect(wf.jobs.promote.environment).toBe('release')
    // The snaps move first (and the gate runs) behind the same environment; the charms wait for them.
    expect(wf.jobs.snaps.environment).toBe('release')
    expect(wf.jobs.promote.needs).toEqual(['plan', 'snaps'])
    const step = wf.jobs.promote.steps!.find((s) => s.uses?.endsWith('charm-attach-release'))!
    expect(step.with).toMatchObject({
      charm: '${{ matrix.charm }}',
      'from-channel': '${{ needs.plan.outputs.from-channel }}',
      channel: '${{ needs.plan.outputs.channel }}',
      verify: true,
    })
    expect(JSON.stringify(wf.jobs)).not.toMatch(/build-k8s-snaps|charm-build|upload-resource/)
    const needs = (dry: string) => ({ needs: { plan: { outputs: { 'dry-run': dry } } } })
    expect(evaluate(wf.jobs.bundle.if!, needs('true'))).toBe(false)
    expect(evaluate(wf.jobs.bundle.if!, needs('false'))).toBe(true)
    const dispatch = wf.on.workflow_dispatch!.inputs!
    expect(Object.keys(dispatch)).toEqual(['config', 'from-channel', 'channel', 'allow-missing-bases', 'dry-run', 'snapcraft-channel'])
    expect(dispatch['dry-run'].default).toBe(true)
  })
})

describe('ci.yml', () => {
  const wf = load('ci.yml')
  test('jobs test, check-dist, actionlint and a self-test that uses the actions of this repository', () => {
    expect(Object.keys(wf.jobs)).toEqual(['test', 'check-dist', 'actionlint', 'self-test'])
    const local = wf.jobs['self-test'].steps!.map((s) => s.uses).filter((u): u is string => Boolean(u?.startsWith('./')))
    expect(local).toContain('./')
    expect(local).toEqual(
      expect.arrayContaining([
        './actions/build-cnitgz',
        './actions/charm-build',
        './actions/zero-byte-snaps',
        './actions/charm-attach-release',
      ]),
    )
    expect(JSON.stringify(wf.jobs['self-test'])).toContain('test/doubles')
  })
})

describe('dependabot', () => {
  test('updates npm and github-actions', () => {
    const d = parse(readFileSync(path.join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number
      updates: { 'package-ecosystem': string; directory: string }[]
    }
    expect(d.version).toBe(2)
    expect(d.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })
})

/**
 * The workflows as GitHub reads them: parsed with @actions/workflow-parser (GitHub's own schema and expression
 * model) and the yaml package, then checked for the security rules and the release wiring. Expressions that
 * decide where jobs run are evaluated with @actions/expressions (GitHub's evaluator), with and without the
 * S390X_RUNNER variable. Each rule is also run on a bad example, so it can fail.
 */
import { readFileSync } from 'node:fs'
import { register } from 'node:module'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { planOutputs, planRelease, RELEASE_DEFAULTS } from '../cli/release.js'
import { repoRoot } from './helpers/runner.js'

// @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20 refuses;
// this loader hook adds the attribute for that package only.
const hook = `export async function load(url, context, next) {
  if (url.endsWith('.json') && url.includes('@actions/workflow-parser')) return next(url, { ...context, importAttributes: { type: 'json' } })
  return next(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(hook)}`)

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
type Job = {
  'runs-on'?: unknown
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string> | string
  environment?: string | { name: string }
  strategy?: { matrix?: unknown }
  outputs?: Record<string, string>
  steps?: Step[]
  uses?: string
}
type Workflow = { on: Record<string, { inputs?: Record<string, { default?: unknown; type?: string }> } | null>; permissions?: unknown; jobs: Record<string, Job> }

const WORKFLOWS = ['ci.yml', 'release.yml']
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
  const scopes = (p: unknown) => (typeof p === 'string' ? (/write/.test(p) ? [p] : []) : Object.entries((p ?? {}) as Record<string, string>).filter(([, v]) => v === 'write').map(([k]) => k))
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

  test('parses with GitHub\'s workflow parser without errors', async () => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser')
    const res = parseWorkflow({ name: file, content: text(file) }, new NoOperationTraceWriter())
    expect(res.context.errors.getErrors().map((e) => e.message)).toEqual([])
    const template = await convertWorkflowTemplate(res.context, res.value!)
    expect(template.errors ?? []).toEqual([])
    expect(template.jobs.map((j) => j.id.value)).toEqual(Object.keys(wf.jobs))
  })

  test('top-level permissions are contents: read, and no job asks for a write scope', () => {
    expect(wf.permissions).toEqual({ contents: 'read' })
    expect(writeScopes(wf)).toEqual({})
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
        const yml = parse(readFileSync(path.join(repoRoot, dir, 'action.yml'), 'utf8')) as { inputs: Record<string, { required?: boolean; default?: string }> }
        const given = Object.keys(s.with ?? {})
        for (const k of given) expect(Object.keys(yml.inputs), `${file} ${id}: ${s.uses} has no input ${k}`).toContain(k)
        for (const [k, v] of Object.entries(yml.inputs)) if (v.required && v.default === undefined) expect(given, `${file} ${id}: ${s.uses} needs ${k}`).toContain(k)
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
  test('a tag, and a SHA without the tag comment', () => expect(unpinned('      - uses: actions/checkout@v4\n      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020\n')).toHaveLength(2))
  test('a secret outside the release environment', () => expect(secretsOutsideRelease(bad)).toEqual(['a']))
})

describe('release.yml', () => {
  const wf = load('release.yml')
  const dispatch = wf.on.workflow_dispatch!.inputs!
  const call = wf.on.workflow_call!.inputs!
  let outputs: Record<string, string>

  beforeAll(async () => {
    // The plan job's own code, on the workflow's default inputs (with an exact version: no network here).
    const plan = await planRelease({ kubeVersion: 'v1.31.2', arches: String(dispatch.arches.default), channel: String(dispatch.channel.default ?? ''), dryRun: String(dispatch['dry-run'].default) })
    outputs = planOutputs(plan)
  })

  test('is run by hand (workflow_dispatch) and callable (workflow_call) with the same inputs and defaults', () => {
    expect(Object.keys(call).filter((k) => k !== 'suite-ref').sort()).toEqual(Object.keys(dispatch).sort())
    // Run by hand here, the charm is the fixture; called from a charm's repository, it is that repository.
    for (const [k, v] of Object.entries(dispatch)) expect(call[k].default, k).toEqual(k === 'charm' ? '.' : v.default)
    expect(dispatch.charm.default).toBe('test/fixtures/release-charm')
    expect(dispatch['dry-run'].type).toBe('boolean')
    for (const [k, v] of Object.entries(RELEASE_DEFAULTS)) expect(String(dispatch[k].default), `cli/release.ts RELEASE_DEFAULTS.${k}`).toBe(v)
  })

  test('jobs: plan → per-arch build → charm → release (behind environment: release, skipped on a dry run) → summary', () => {
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'build', 'charm', 'release', 'summary'])
    expect(wf.jobs.build.needs).toEqual('plan')
    expect(wf.jobs.charm.needs).toEqual(['plan', 'build'])
    expect(wf.jobs.release.needs).toEqual(['plan', 'charm'])
    expect(wf.jobs.release.environment).toBe('release')
    expect(wf.jobs.summary.needs).toEqual(['plan', 'build', 'charm', 'release'])
    const needs = (dry: string, result = 'success') => ({ needs: { plan: { outputs: { 'dry-run': dry }, result } } })
    expect(evaluate(wf.jobs.release.if!, needs('true'))).toBe(false)
    expect(evaluate(wf.jobs.release.if!, needs('false'))).toBe(true)
    // The summary runs whatever happened after the plan (always() is the runner's; here it is true).
    expect(wf.jobs.summary.if).toMatch(/^always\(\) && /)
    expect(evaluate(wf.jobs.summary.if!.replace(/^always\(\) && /, ''), needs('true'))).toBe(true)
  })

  test('the build matrix is the plan job\'s output: one job per default arch, with its docker platform', () => {
    expect(wf.jobs.build.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
    expect(wf.jobs.plan.outputs?.matrix).toBe('${{ steps.plan.outputs.matrix }}')
    const matrix = evaluate(wf.jobs.build.strategy!.matrix as string, { needs: { plan: { outputs } } })
    expect(matrix).toEqual({
      include: [
        { arch: 'amd64', platform: 'linux/amd64' },
        { arch: 'arm64', platform: 'linux/arm64' },
        { arch: 'ppc64el', platform: 'linux/ppc64le' },
        { arch: 's390x', platform: 'linux/s390x' },
      ],
    })
    expect(outputs.arches).toBe('amd64 arm64 ppc64el s390x')
    expect(outputs.channel).toBe('1.31/edge')
    expect(outputs['dry-run']).toBe('true')
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
    for (const job of Object.values(wf.jobs)) {
      const suite = (job.steps ?? []).find((s) => s.with?.path === '.build-snaps')
      expect(suite?.with).toMatchObject({ repository: '${{ env.SUITE_REPOSITORY }}', ref: '${{ env.SUITE_REF }}', 'persist-credentials': false })
    }
  })

  test('build steps in order: snaps, CNI, flannel, then the upload of that arch\'s artifacts', () => {
    const uses = wf.jobs.build.steps!.map((s) => s.uses ?? 'run')
    expect(uses.filter((u) => u.startsWith('./'))).toEqual(['./.build-snaps', './.build-snaps/actions/build-cnitgz', './.build-snaps/actions/build-flannel'])
    expect(uses.at(-1)).toMatch(/^actions\/upload-artifact@/)
    expect(wf.jobs.build.steps!.at(-1)!.with?.name).toBe('release-${{ matrix.arch }}')
  })

  test('the store credential reaches only the release job, as the credentials input', () => {
    const step = wf.jobs.release.steps!.find((s) => s.with?.credentials)!
    expect(step.uses).toBe('./.build-snaps/actions/charm-attach-release')
    expect(step.with!.credentials).toBe('${{ secrets.CHARMCRAFT_AUTH }}')
    expect(step.with!['dry-run']).toBeUndefined()
    const charmPlan = wf.jobs.charm.steps!.find((s) => s.uses?.endsWith('charm-attach-release'))!
    expect(charmPlan.with!['dry-run']).toBe(true)
    expect(charmPlan.with!.credentials).toBeUndefined()
  })
})

describe('ci.yml', () => {
  const wf = load('ci.yml')
  test('jobs test, check-dist, actionlint and a self-test that uses the actions of this repository', () => {
    expect(Object.keys(wf.jobs)).toEqual(['test', 'check-dist', 'actionlint', 'self-test'])
    const local = wf.jobs['self-test'].steps!.map((s) => s.uses).filter((u): u is string => Boolean(u?.startsWith('./')))
    expect(local).toContain('./')
    expect(local).toEqual(expect.arrayContaining(['./actions/build-cnitgz', './actions/charm-build', './actions/zero-byte-snaps', './actions/charm-attach-release']))
    expect(JSON.stringify(wf.jobs['self-test'])).toContain('test/doubles')
  })
})

describe('dependabot', () => {
  test('updates npm and github-actions', () => {
    const d = parse(readFileSync(path.join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as { version: number; updates: { 'package-ecosystem': string; directory: string }[] }
    expect(d.version).toBe(2)
    expect(d.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })
})

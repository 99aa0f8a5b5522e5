/**
 * release.yml and promote.yml as github.com runs them when called from a user's repository (issue 17), with
 * GitHub's parser and expression evaluator: promote.yml is callable like release.yml and a called copy runs the
 * suite, not the caller's repository; one suite commit per run (the plan job's step, run for real with bash on a
 * git checkout; every other job checks that commit out); concurrency groups per workflow and channel; the
 * copyable self-hosted workflow; one smoke-run input on every action that smoke-runs.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { type Workflow, evaluate, expand, loadWorkflow, workflowErrors, workflowText } from './helpers/gh-workflow.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const release = loadWorkflow('.github/workflows/release.yml')
const promote = loadWorkflow('.github/workflows/promote.yml')
const SUITE = '.build-snaps'

describe('promote.yml is callable like release.yml', () => {
  test('workflow_call: the dispatch inputs (same types and defaults; required where there is no default) plus suite-ref; the secrets CHARMCRAFT_AUTH and SNAPCRAFT_STORE_CREDENTIALS by name', () => {
    const dispatch = promote.on.workflow_dispatch!.inputs!
    const call = promote.on.workflow_call!.inputs!
    expect(Object.keys(call)).toEqual([...Object.keys(dispatch), 'suite-ref'])
    for (const [k, v] of Object.entries(dispatch)) {
      expect(call[k].default, k).toEqual(v.default)
      // an input without a default must be given by a caller too (one with a default never needs to be)
      if (v.default === undefined) expect(call[k].required, k).toBe(true)
      expect(call[k].type ?? 'string', k).toBe(v.type ?? 'string')
    }
    expect(call['suite-ref']).toMatchObject({ type: 'string', default: 'v1' })
    expect(promote.on.workflow_call!.secrets).toEqual(release.on.workflow_call!.secrets)
    expect(Object.keys(promote.on.workflow_call!.secrets!)).toEqual(['CHARMCRAFT_AUTH', 'SNAPCRAFT_STORE_CREDENTIALS'])
  })

  test.each([
    ['release.yml', release],
    ['promote.yml', promote],
  ])('%s: called, the suite is cdk/build-snaps at suite-ref; dispatched, this repository at this commit', (_, wf) => {
    const env = wf.env!
    const caller = { repository: 'someone/their-cdk', sha: 'c0ffee' }
    expect(evaluate(env.SUITE_REPOSITORY, { inputs: { 'suite-ref': 'v1' }, github: caller })).toBe('cdk/build-snaps')
    expect(evaluate(env.SUITE_REF, { inputs: { 'suite-ref': 'v1' }, github: caller })).toBe('v1')
    expect(evaluate(env.SUITE_REPOSITORY, { inputs: {}, github: { repository: 'cdk/build-snaps', sha: 'abc' } })).toBe('cdk/build-snaps')
    expect(evaluate(env.SUITE_REF, { inputs: {}, github: { repository: 'cdk/build-snaps', sha: 'abc' } })).toBe('abc')
    for (const [id, job] of Object.entries(wf.jobs)) {
      const suite = (job.steps ?? []).filter((s) => s.with?.path === SUITE)
      expect(suite, id).toHaveLength(1)
      expect(suite[0].with!.repository, id).toBe('${{ env.SUITE_REPOSITORY }}')
      expect(suite[0].with!['persist-credentials'], id).toBe(false)
    }
  })
})

describe.each([
  ['release.yml', release],
  ['promote.yml', promote],
])('%s: one suite commit per run', (file, wf) => {
  const plan = wf.jobs.plan
  const step = plan.steps!.find((s) => s.id === 'suite')!

  test('the plan job checks out suite-ref and outputs the commit; every other job needs plan and checks out that commit', () => {
    expect(plan.steps!.find((s) => s.with?.path === SUITE)!.with!.ref).toBe('${{ env.SUITE_REF }}')
    expect(plan.outputs!['suite-commit']).toBe('${{ steps.suite.outputs.commit }}')
    const order = plan.steps!.map((s) => s.id ?? s.with?.path)
    expect(order.indexOf('suite')).toBe(order.indexOf(SUITE) + 1)
    for (const [id, job] of Object.entries(wf.jobs)) {
      if (id === 'plan') continue
      const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? [])
      expect(needs, `${file} job ${id} needs plan (needs.plan is visible only to direct dependents)`).toContain('plan')
      expect(job.steps!.find((s) => s.with?.path === SUITE)!.with!.ref, id).toBe('${{ needs.plan.outputs.suite-commit }}')
    }
  })

  test('the step, run with bash on a git checkout at a tag, outputs its commit and names it in the summary', () => {
    const work = tempDir('bs-suite-')
    const repo = path.join(work, SUITE)
    mkdirSync(repo)
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
    git('init', '-q')
    writeFileSync(path.join(repo, 'f'), 'x')
    git('add', 'f')
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x')
    git('tag', 'v1')
    const commit = git('rev-parse', 'HEAD')
    const [out, summary] = [path.join(work, 'out'), path.join(work, 'summary')]
    writeFileSync(out, '')
    writeFileSync(summary, '')
    execFileSync('bash', ['-e', '-c', step.run!], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        SUITE_REPOSITORY: 'cdk/build-snaps',
        SUITE_REF: 'v1',
      },
    })
    expect(readFileSync(out, 'utf8')).toBe(`commit=${commit}\n`)
    expect(readFileSync(summary, 'utf8')).toContain(`\`cdk/build-snaps@${commit}\` (ref \`v1\`)`)
    expect(step.env ?? {}).toEqual({}) // nothing from inputs reaches the script
  })
})

describe('concurrency: per workflow and channel; dry runs apart', () => {
  const group = (wf: Workflow, inputs: Record<string, unknown>, runId = '1') =>
    expand(wf.concurrency!.group, { inputs, github: { repository: 'someone/their-cdk', run_id: runId } })
  test('release and promote never share a group; the same channel queues; other channels and dry runs do not', () => {
    const rel = (channel: string, dry = false, runId = '1') =>
      group(release, { channel, 'dry-run': dry, config: 'cdk-release.yaml' }, runId)
    const pro = (channel: string, dry = false, runId = '1') =>
      group(promote, { channel, 'dry-run': dry, 'from-channel': '1.33/edge' }, runId)
    expect(rel('1.33/beta')).toBe('build-snaps-release-someone/their-cdk-1.33/beta')
    expect(pro('1.33/beta')).toBe('build-snaps-promote-someone/their-cdk-1.33/beta')
    expect(rel('1.33/beta', false, '1')).toBe(rel('1.33/beta', false, '2'))
    expect(rel('1.33/beta')).not.toBe(rel('1.33/edge'))
    expect(rel('')).toBe('build-snaps-release-someone/their-cdk-cdk-release.yaml')
    expect(rel('1.33/beta', true, '7')).toBe('build-snaps-release-someone/their-cdk-dry-run-7')
    expect(rel('1.33/beta', true, '7')).not.toBe(rel('1.33/beta', true, '8'))
    expect(pro('1.33/beta', true, '7')).not.toBe(rel('1.33/beta', true, '7'))
    for (const wf of [release, promote]) expect(wf.concurrency!['cancel-in-progress']).toBe(false)
  })
})

describe('examples/workflows/self-hosted-arch.yml', () => {
  const file = 'examples/workflows/self-hosted-arch.yml'
  const wf = loadWorkflow(file)
  const job = wf.jobs.build
  test("parses with GitHub's parser and runs on [self-hosted, linux, <arch>] for each arch offered", async () => {
    expect(await workflowErrors(file, workflowText(file))).toEqual([])
    const arches = (wf.on.workflow_dispatch!.inputs!.arch as unknown as { options: string[] }).options
    expect(arches).toEqual(expect.arrayContaining(['s390x', 'ppc64el']))
    for (const arch of arches)
      expect((job['runs-on'] as string[]).map((l) => expand(l, { inputs: { arch } }))).toEqual(['self-hosted', 'linux', arch])
  })
  test("every build action it uses exists here with the inputs it gives, each with smoke-run: required, like release.yml's build job", () => {
    const used = job.steps!.filter((s) => s.uses?.startsWith('./.build-snaps'))
    const releaseBuild = release.jobs.build.steps!.filter((s) => s.uses?.startsWith('./.build-snaps')).map((s) => s.uses)
    expect(used.map((s) => s.uses)).toEqual(releaseBuild)
    for (const s of used) {
      const dir = s.uses!.replace('./.build-snaps', '.')
      const yml = parse(readFileSync(path.join(repoRoot, dir, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
      for (const k of Object.keys(s.with ?? {})) expect(Object.keys(yml.inputs), `${s.uses} input ${k}`).toContain(k)
      expect(s.with!['smoke-run'], s.uses).toBe('required')
    }
  })
})

describe('one smoke-run input on every action that smoke-runs', () => {
  const SMOKING = ['build-k8s-snaps', 'build-etcd-snap', 'build-cdk-addons-snap', 'build-cnitgz', 'build-flannel']
  test('declared with the same text and no default (required on a runner, auto elsewhere, decided by the code)', () => {
    const decls = SMOKING.map(
      (a) =>
        (parse(readFileSync(path.join(repoRoot, 'actions', a, 'action.yml'), 'utf8')) as { inputs: Record<string, object> }).inputs[
          'smoke-run'
        ],
    )
    for (const [i, d] of decls.entries()) expect(d, SMOKING[i]).toEqual(decls[0])
    expect(decls[0]).toMatchObject({ required: false })
    expect(decls[0]).not.toHaveProperty('default')
    const root = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, object> }
    expect(root.inputs['smoke-run']).toEqual(decls[0])
  })
  test('every action whose code smoke-runs a binary declares it, and no other does', () => {
    const smokes = (a: string) => /smokeRunner\(rt, /.test(readFileSync(path.join(repoRoot, 'actions', a, 'main.ts'), 'utf8'))
    const all = [
      'build-k8s-snaps',
      'build-etcd-snap',
      'build-cdk-addons-snap',
      'build-cnitgz',
      'build-flannel',
      'build-snapcraft',
      'charm-build',
      'charm-attach-release',
      'zero-byte-snaps',
    ]
    for (const a of all) {
      const declared =
        'smoke-run' in (parse(readFileSync(path.join(repoRoot, 'actions', a, 'action.yml'), 'utf8')) as { inputs: object }).inputs
      expect(declared, a).toBe(smokes(a))
    }
  })
})

/**
 * ci.yml's self-test job, run here step by step as written: each `run:` script with bash (GITHUB_OUTPUT,
 * GITHUB_ENV and GITHUB_PATH honoured between steps), each `uses: ./...` through its dist bundle with runDist,
 * and every `${{ }}` in `with:` evaluated by @actions/expressions (GitHub's evaluator) against the step outputs
 * so far. Skipped: the checkout, setup-node and `bash .ci/setup` steps (this machine is set up already).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { afterAll, expect, test } from 'vitest'
import { parse } from 'yaml'
import { runnerEnv } from '../cli/release.js'
import { parseOutputFile } from '../cli/main.js'
import { repoRoot, runDist, tempDir } from './helpers/runner.js'

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
const job = (
  parse(readFileSync(path.join(repoRoot, '.github/workflows/ci.yml'), 'utf8')) as {
    jobs: Record<string, { env: Record<string, string>; steps: Step[]; 'runs-on': string }>
  }
).jobs['self-test']

function evaluate(expr: string, ctx: Record<string, unknown>): string {
  const ast = new Parser(new Lexer(expr).lex().tokens, Object.keys(ctx), []).parse()
  const value = new Evaluator(ast, JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary).evaluate()
  return value.coerceString()
}
const interpolate = (text: string, ctx: Record<string, unknown>) =>
  text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => evaluate(e, ctx))

const groups: number[] = []
afterAll(() => {
  for (const g of groups) {
    try {
      process.kill(-g, 'SIGTERM') // the mirror the self-test started in the background
    } catch {
      /* already gone */
    }
  }
})

test('ci.yml self-test passes step by step, as GitHub would run it', async () => {
  const ws = tempDir('bs-ci-ws-')
  for (const f of ['action.yml', 'actions', 'bin', 'dist', 'node_modules', 'package.json', 'test', 'examples', 'schema'])
    symlinkSync(path.join(repoRoot, f), path.join(ws, f))
  const runnerTemp = tempDir('bs-ci-tmp-')
  const files = Object.fromEntries(['output', 'env', 'path', 'summary'].map((k) => [k, path.join(runnerTemp, `github_${k}`)]))
  // The job's machine as GitHub presents it for its runs-on (RUNNER_ARCH, ImageOS): charmcraft packs for it.
  const env: Record<string, string> = { ...job.env, ...runnerEnv(job['runs-on']), GITHUB_WORKSPACE: ws, RUNNER_TEMP: runnerTemp }
  const paths: string[] = []
  const steps: Record<string, { outputs: Record<string, string> }> = {}
  const ran: string[] = []
  for (const step of job.steps) {
    if ((step.uses && !step.uses.startsWith('./')) || step.run?.includes('.ci/setup')) continue
    const ctx = { env, steps, github: { workspace: ws }, runner: { temp: runnerTemp } }
    for (const f of Object.values(files)) writeFileSync(f, '')
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]))
    const PATH = [...paths, process.env.PATH].join(path.delimiter)
    let outputs: Record<string, string>
    if (step.run) {
      const child = spawn('bash', ['-e', '-c', step.run], {
        cwd: ws,
        env: {
          ...process.env,
          ...env,
          ...stepEnv,
          PATH,
          GITHUB_OUTPUT: files.output,
          GITHUB_ENV: files.env,
          GITHUB_PATH: files.path,
          GITHUB_STEP_SUMMARY: files.summary,
        },
        detached: true, // its own process group, so a background process it starts can be ended afterwards
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      groups.push(child.pid!)
      let log = ''
      child.stdout.on('data', (d: Buffer) => (log += d))
      child.stderr.on('data', (d: Buffer) => (log += d))
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)))
      expect(code, `${step.name}\n${log}`).toBe(0)
      outputs = parseOutputFile(readFileSync(files.output, 'utf8'))
      Object.assign(env, parseOutputFile(readFileSync(files.env, 'utf8')))
      paths.unshift(...readFileSync(files.path, 'utf8').split('\n').filter(Boolean).reverse())
    } else {
      const action = step.uses === './' ? 'build-k8s-snaps' : path.basename(step.uses!)
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]))
      const r = await runDist(action, inputs, { cwd: ws, env: { ...env, ...stepEnv, PATH } })
      expect(r.exitCode, `${step.name}\n${r.log}`).toBe(0)
      outputs = r.outputs
    }
    if (step.id) steps[step.id] = { outputs }
    ran.push(step.uses ?? 'run')
  }
  expect(ran.filter((u) => u.startsWith('./'))).toEqual([
    './',
    './actions/build-cnitgz',
    './actions/build-flannel',
    './actions/charm-build',
    './actions/zero-byte-snaps',
    './actions/charm-attach-release',
    './actions/charm-attach-release',
  ])
  // What the steps left behind: the s390x snaps, four CNI tarballs, a flannel tarball, and a release in the double.
  expect(JSON.parse(steps.snaps.outputs.snaps)).toHaveLength(7)
  expect(Object.keys(JSON.parse(steps.cni.outputs.tarballs)).sort()).toEqual(['amd64', 'arm64', 'ppc64el', 's390x'])
  expect(existsSync(path.join(ws, 'out/flannel/flannel-s390x.tar.gz'))).toBe(true)
  const state = JSON.parse(readFileSync(path.join(runnerTemp, 'store', 'state.json'), 'utf8'))
  expect(Object.keys(state.charms['kubernetes-worker'].channels)).toEqual(['1.31/edge'])
  expect(existsSync(path.join(runnerTemp, 'release', 'summary.md'))).toBe(true)
  expect(spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: path.join(ws, 'out/cni') }).status).toBe(0)
})

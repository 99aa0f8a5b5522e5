/**
 * The local runner: `build-snaps <action> --<input> value ...` runs the same bundle the GitHub runner runs
 * (dist/<action>/index.js) under the same contract: INPUT_* variables with the defaults from action.yml,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP. Workflow commands in its output are shown as
 * plain text; outputs and the summary are printed at the end.
 *
 * `build-snaps demo` is the main job on embedded defaults: it builds stand-in Kubernetes binaries with Go,
 * serves them from a loopback mirror in the dl.k8s.io layout, and builds real snaps for amd64 and s390x.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArches } from '../shared/arch.js'
import { UserError, errorMessage } from '../shared/errors.js'
import { which } from '../shared/exec.js'
import { populateK8sMirror } from './fake-k8s.js'
import { startMirror } from './mirror.js'
import { releaseCli } from './release.js'
import { verifyArtifactsCli } from './verify-artifacts.js'
import { listActions, parseInputArgs, readActionYaml, runActionLocally, type ActionRun } from './local.js'

export { humanLine, inputEnvName, parseInputArgs, parseOutputFile, repoRoot, runActionLocally, type ActionRun } from './local.js'

function printResult(r: ActionRun): void {
  if (Object.keys(r.outputs).length) {
    console.log('\nOutputs:')
    for (const [k, v] of Object.entries(r.outputs)) console.log(`  ${k}: ${v.includes('\n') ? `\n    ${v.split('\n').join('\n    ')}` : v}`)
  }
  if (r.summary.trim()) console.log(`\nSummary:\n${r.summary.trim()}\n`)
}

const DEMO_DEFAULTS = { 'kube-version': 'stable-1.31', arch: 'amd64 s390x', 'output-dir': 'snaps', version: 'v1.31.2' }

/** The main job on embedded defaults, offline: loopback mirror of stand-in binaries → snaps for amd64 and s390x. */
async function demo(args: string[]): Promise<number> {
  const opts = parseInputArgs('demo', args, Object.keys(DEMO_DEFAULTS))
  const o = { ...DEMO_DEFAULTS, ...opts }
  const arches = parseArches(o.arch)
  if (!which('go'))
    throw new UserError(
      'go is not installed; the demo cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  const root = await mkdtemp(path.join(tmpdir(), 'build-snaps-mirror-'))
  console.log(
    `▶ Building stand-in Kubernetes ${o.version} binaries for ${arches.map((a) => a.debian).join(', ')} with go (cross-compiled, no emulation)`,
  )
  await populateK8sMirror(root, o.version, arches, path.join(tmpdir(), 'build-snaps-fake-k8s'))
  const mirror = await startMirror(root)
  console.log(`▶ Loopback mirror in the dl.k8s.io layout at ${mirror.url}`)
  let failed = 0
  const summaries: string[] = []
  try {
    for (const arch of arches) {
      console.log(
        `\n▶▶ build-k8s-snaps --kube-version ${o['kube-version']} --arch ${arch.debian} --base-url ${mirror.url} --output-dir ${o['output-dir']}`,
      )
      const r = await runActionLocally('build-k8s-snaps', {
        'kube-version': o['kube-version'],
        arch: arch.debian,
        'base-url': mirror.url,
        'output-dir': o['output-dir'],
      })
      if (r.exitCode !== 0) failed++
      summaries.push(r.summary.trim())
    }
  } finally {
    await mirror.close()
    await rm(root, { recursive: true, force: true })
  }
  console.log(`\n${'='.repeat(72)}\nSummary\n${'='.repeat(72)}\n${summaries.join('\n\n')}\n`)
  console.log(
    failed
      ? `${failed} of ${arches.length} architectures failed.`
      : `Snaps for ${arches.map((a) => a.debian).join(' and ')} are in ${path.resolve(o['output-dir'])} (SHA256SUMS beside them).`,
  )
  return failed ? 1 : 0
}

const USAGE = `usage: build-snaps <action> [--<input> value ...]   run an action locally, as the runner does
       build-snaps demo [--arch "amd64 s390x"] [--kube-version stable-1.31] [--output-dir snaps]
       build-snaps verify-artifacts DIR   check each artifact in DIR against its SBOM and the provenance statements
       build-snaps release [plan|summarize|serve-mirror] [--arches amd64,arm64,ppc64el,s390x] [--dry-run true] ...   release.yml, locally
actions: `

export async function cli(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(USAGE + listActions().join(', '))
    return cmd ? 0 : 2
  }
  if (cmd === 'demo') return demo(rest)
  if (cmd === 'release') return releaseCli(rest)
  if (cmd === 'verify-artifacts') return verifyArtifactsCli(rest)
  const yml = readActionYaml(cmd)
  const inputs = parseInputArgs(cmd, rest, Object.keys(yml.inputs ?? {}))
  const r = await runActionLocally(cmd, inputs)
  printResult(r)
  return r.exitCode
}

export async function mainCli(): Promise<void> {
  try {
    process.exitCode = await cli(process.argv.slice(2))
  } catch (e) {
    if (e instanceof UserError) {
      console.error(`Error: ${e.message}`)
      process.exitCode = 1
    } else {
      console.error(e instanceof Error ? e.stack : errorMessage(e))
      process.exitCode = 2
    }
  }
}

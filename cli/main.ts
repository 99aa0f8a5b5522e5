/**
 * The local runner: `build-snaps <action> --<input> value ...` runs the same bundle the GitHub runner runs
 * (dist/<action>/index.js) under the same contract: INPUT_* variables with the defaults from action.yml,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP. Workflow commands in its output are shown as
 * plain text; outputs and the summary are printed at the end.
 *
 * `build-snaps demo` is the main job on embedded defaults: it builds stand-in Kubernetes binaries with Go,
 * serves them from a loopback mirror in the dl.k8s.io layout, and builds real snaps for amd64 and s390x.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseArches } from '../shared/arch.js'
import { UserError, errorMessage } from '../shared/errors.js'
import { which } from '../shared/exec.js'
import { populateK8sMirror } from './fake-k8s.js'
import { startMirror } from './mirror.js'
import { releaseCli } from './release.js'
import { verifyArtifactsCli } from './verify-artifacts.js'

const here = path.dirname(fileURLToPath(import.meta.url))
/** The repository root, the folder holding package.json: one up from cli/ (source), two up from dist/cli/ (bundled). */
export const repoRoot = path.resolve(here, existsSync(path.join(here, '..', 'package.json')) ? '..' : path.join('..', '..'))

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>
}

export function listActions(): string[] {
  return readdirSync(path.join(repoRoot, 'actions')).filter((n) => existsSync(path.join(repoRoot, 'actions', n, 'action.yml'))).sort()
}

function readActionYaml(action: string): ActionYaml {
  const file = path.join(repoRoot, 'actions', action, 'action.yml')
  if (!existsSync(file)) throw new UserError(`unknown action '${action}'; use one of ${listActions().join(', ')}, or demo`)
  return parse(readFileSync(file, 'utf8')) as ActionYaml
}

/** `--name value` / `--name=value` pairs; each name must be an input of the action. */
export function parseInputArgs(action: string, args: string[], known: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!a.startsWith('--')) throw new UserError(`unexpected argument '${a}'; give inputs as --<input> value`)
    let [name, value] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (value === undefined) {
      if (i + 1 >= args.length) throw new UserError(`--${name} needs a value`)
      value = args[++i]
    }
    if (!known.includes(name)) throw new UserError(`${action} has no input '${name}'; its inputs are ${known.join(', ')}`)
    out[name] = value
  }
  return out
}

/** The runner's INPUT_ variable name: upper case, spaces to underscores, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Unescape a workflow command's data (%25 %0D %0A). */
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** Show a line of the action's stdout as a person reads it. */
export function humanLine(line: string): { stream: 'out' | 'err'; text: string } | undefined {
  const m = line.match(/^::([a-z-]+)(?: [^:]*)?::(.*)$/)
  if (!m) return { stream: 'out', text: line }
  const [, cmd, data] = m
  const text = unescapeData(data)
  switch (cmd) {
    case 'error':
      return { stream: 'err', text: `Error: ${text}` }
    case 'warning':
      return { stream: 'err', text: `Warning: ${text}` }
    case 'notice':
      return { stream: 'out', text: `Notice: ${text}` }
    case 'group':
      return { stream: 'out', text: `▶ ${text}` }
    case 'debug':
      return process.env.BUILD_SNAPS_DEBUG ? { stream: 'err', text: `debug: ${text}` } : undefined
    default:
      return undefined // endgroup, add-mask, set-output...: runner plumbing
  }
}

/** Parse a GITHUB_OUTPUT file (name<<DELIM ... DELIM blocks, or name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i].match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const j = lines[i].indexOf('=')
      out[lines[i].slice(0, j)] = lines[i].slice(j + 1)
    }
  }
  return out
}

export interface ActionRun {
  exitCode: number
  outputs: Record<string, string>
  summary: string
}

/** Run dist/<action>/index.js under the runner contract. */
export async function runActionLocally(action: string, inputs: Record<string, string>, opts: { quiet?: boolean } = {}): Promise<ActionRun> {
  const yml = readActionYaml(action)
  const bundle = path.join(repoRoot, 'dist', action, 'index.js')
  if (!existsSync(bundle)) throw new UserError(`${bundle} is missing; run npm run build`)
  const work = await mkdtemp(path.join(tmpdir(), `build-snaps-${action}-`))
  try {
    const env: NodeJS.ProcessEnv = { ...process.env }
    for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k]
    for (const [name, def] of Object.entries(yml.inputs ?? {})) if (def.default !== undefined) env[inputEnvName(name)] = String(def.default)
    for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value
    const outputFile = path.join(work, 'output')
    const summaryFile = path.join(work, 'summary.md')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: env.RUNNER_TEMP || path.join(work, 'tmp') })
    await mkdir(env.RUNNER_TEMP!, { recursive: true })
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      let pending = ''
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString()
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const l of lines) show(l)
      })
      child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
      const show = (l: string) => {
        const h = humanLine(l)
        if (!h || (opts.quiet && h.stream === 'out')) return
        ;(h.stream === 'err' ? process.stderr : process.stdout).write(`${h.text}\n`)
      }
      child.on('error', reject)
      child.on('close', (code) => {
        if (pending) show(pending)
        resolve(code ?? 1)
      })
    })
    return { exitCode, outputs: parseOutputFile(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

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
  if (!which('go')) throw new UserError('go is not installed; the demo cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)')
  const root = await mkdtemp(path.join(tmpdir(), 'build-snaps-mirror-'))
  console.log(`▶ Building stand-in Kubernetes ${o.version} binaries for ${arches.map((a) => a.debian).join(', ')} with go (cross-compiled, no emulation)`)
  await populateK8sMirror(root, o.version, arches, path.join(tmpdir(), 'build-snaps-fake-k8s'))
  const mirror = await startMirror(root)
  console.log(`▶ Loopback mirror in the dl.k8s.io layout at ${mirror.url}`)
  let failed = 0
  const summaries: string[] = []
  try {
    for (const arch of arches) {
      console.log(`\n▶▶ build-k8s-snaps --kube-version ${o['kube-version']} --arch ${arch.debian} --base-url ${mirror.url} --output-dir ${o['output-dir']}`)
      const r = await runActionLocally('build-k8s-snaps', { 'kube-version': o['kube-version'], arch: arch.debian, 'base-url': mirror.url, 'output-dir': o['output-dir'] })
      if (r.exitCode !== 0) failed++
      summaries.push(r.summary.trim())
    }
  } finally {
    await mirror.close()
    await rm(root, { recursive: true, force: true })
  }
  console.log(`\n${'='.repeat(72)}\nSummary\n${'='.repeat(72)}\n${summaries.join('\n\n')}\n`)
  console.log(failed ? `${failed} of ${arches.length} architectures failed.` : `Snaps for ${arches.map((a) => a.debian).join(' and ')} are in ${path.resolve(o['output-dir'])} (SHA256SUMS beside them).`)
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

/**
 * Running a committed action bundle locally under the runner contract (dist/<action>/index.js with INPUT_*
 * variables, action.yml's defaults, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP): shared by the
 * CLI (cli/main.ts) and the local release pipeline (cli/release.ts).
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { UserError } from '../shared/errors.js'
import { type Command, command } from './options.js'
const here = path.dirname(fileURLToPath(import.meta.url))
/** The repository root, the folder holding package.json: one up from cli/ (source), two up from dist/cli/ (bundled). */
export const repoRoot = path.resolve(here, existsSync(path.join(here, '..', 'package.json')) ? '..' : path.join('..', '..'))

interface ActionYaml {
  description?: string
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>
}

export function listActions(): string[] {
  return readdirSync(path.join(repoRoot, 'actions'))
    .filter((n) => existsSync(path.join(repoRoot, 'actions', n, 'action.yml')))
    .sort()
}

export function readActionYaml(action: string): ActionYaml {
  const file = path.join(repoRoot, 'actions', action, 'action.yml')
  if (!existsSync(file)) throw new UserError(`unknown action '${action}'; use one of ${listActions().join(', ')}, or demo`)
  return parse(readFileSync(file, 'utf8')) as ActionYaml
}

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

/**
 * `build-snaps <action>`: its option table is its action.yml's inputs (the runner's table), so the CLI takes
 * exactly the inputs the action has, and its help shows their descriptions and defaults. A required input is
 * left to the action to refuse, as on the runner.
 */
export function actionCommand(action: string): Command {
  const yml = readActionYaml(action)
  return command({
    name: action,
    summary: oneLine(yml.description),
    details: [
      `Runs dist/${action}/index.js as the runner does: action.yml's defaults, INPUT_* variables, GITHUB_OUTPUT and`,
      'GITHUB_STEP_SUMMARY files (its outputs and summary are printed at the end).',
    ],
    noun: 'input',
    options: Object.entries(yml.inputs ?? {}).map(([name, i]) => ({
      name,
      value: 'VALUE',
      help: `${oneLine(i.description)}${i.required ? ' (required)' : ''}`,
      ...(i.default !== undefined && String(i.default) !== '' ? { default: String(i.default) } : {}),
    })),
  })
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
export async function runActionLocally(
  action: string,
  inputs: Record<string, string>,
  opts: { quiet?: boolean; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const yml = readActionYaml(action)
  const bundle = path.join(repoRoot, 'dist', action, 'index.js')
  if (!existsSync(bundle)) throw new UserError(`${bundle} is missing; run npm run build`)
  const work = await mkdtemp(path.join(tmpdir(), `build-snaps-${action}-`))
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env }
    for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k]
    for (const [name, def] of Object.entries(yml.inputs ?? {})) if (def.default !== undefined) env[inputEnvName(name)] = String(def.default)
    for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value
    const outputFile = path.join(work, 'output')
    const summaryFile = path.join(work, 'summary.md')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    Object.assign(env, {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: env.RUNNER_TEMP || path.join(work, 'tmp'),
    })
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

/**
 * The runner contract an action step speaks, written exactly as @actions/core 3 writes it: inputs from INPUT_*,
 * outputs to the GITHUB_OUTPUT file, the job summary appended to GITHUB_STEP_SUMMARY, and `::command::` lines
 * on stdout (add-mask, debug, warning, error, group). Only these few calls, and nothing else: importing
 * @actions/core also loads its OIDC client (@actions/http-client and undici) and @actions/exec, about half
 * of a small step's start-up (bench/step-start.ts), for calls no action makes. test/unit/workflow-commands.test.ts
 * holds each function to @actions/core's own output for the same call.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** A value as a command carries it (@actions/core's toCommandValue). */
function commandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return String(input)
  return JSON.stringify(input)
}

function escapeData(s: unknown): string {
  return commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** `::name::message` on stdout (commands without properties: the only ones the actions issue). */
function issue(name: string, message: unknown = ''): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

/** The input's value, whitespace trimmed ('' when unset). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Set a step output: the GITHUB_OUTPUT file (a heredoc with a random delimiter), else the old ::set-output. */
export function setOutput(name: string, value: unknown): void {
  const filePath = process.env.GITHUB_OUTPUT || ''
  if (filePath) {
    const delimiter = `ghadelimiter_${randomUUID()}`
    const converted = commandValue(value)
    if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
    if (converted.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
    if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
    appendFileSync(filePath, `${name}<<${delimiter}${EOL}${converted}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
    return
  }
  process.stdout.write(EOL)
  process.stdout.write(`::set-output ${name ? `name=${escapeProperty(name)}` : ''}::${escapeData(value)}${EOL}`)
}

function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Mask a value in the runner's log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

export function error(message: string): void {
  issue('error', message)
}

/** Fail the step: exit code 1 when the process ends, and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Run fn inside a collapsible log group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await fn()
  } finally {
    issue('endgroup')
  }
}

/** Append markdown and a line end to the job summary file (GITHUB_STEP_SUMMARY), which must exist. */
export async function appendSummary(markdown: string): Promise<void> {
  const filePath = process.env.GITHUB_STEP_SUMMARY
  if (!filePath)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    )
  try {
    await access(filePath, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`)
  }
  await appendFile(filePath, markdown + EOL, { encoding: 'utf8' })
}

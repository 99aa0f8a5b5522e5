/** shared/workflow-commands.ts writes exactly what @actions/core writes for the same call. */
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import * as ours from '../../shared/workflow-commands.js'

const dir = mkdtempSync(path.join(tmpdir(), 'bs-workflow-commands-'))
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
  vi.restoreAllMocks()
})

/** What fn writes to stdout, with the random heredoc delimiters made equal. */
async function stdoutOf(fn: () => unknown): Promise<string> {
  let out = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  await fn()
  vi.restoreAllMocks()
  return out
}

const sameDelimiters = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')

const odd = 'a %25 value\r\nover: two, lines\n'

describe('workflow commands, as @actions/core writes them', () => {
  test.each([
    ['info', (m: string) => core.info(m), (m: string) => ours.info(m)],
    ['debug', (m: string) => core.debug(m), (m: string) => ours.debug(m)],
    ['warning', (m: string) => core.warning(m), (m: string) => ours.warning(m)],
    ['error', (m: string) => core.error(m), (m: string) => ours.error(m)],
    ['setSecret', (m: string) => core.setSecret(m), (m: string) => ours.setSecret(m)],
  ])('%s', async (_name, theirs, mine) => {
    for (const m of ['plain', '', odd]) expect(await stdoutOf(() => mine(m))).toBe(await stdoutOf(() => theirs(m)))
  })

  test('setFailed: the error line and exit code 1', async () => {
    const theirs = await stdoutOf(() => core.setFailed(odd))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    expect(await stdoutOf(() => ours.setFailed(odd))).toBe(theirs)
    expect(process.exitCode).toBe(1)
  })

  test('group: the group lines around fn, its result, and the endgroup line when fn throws', async () => {
    const fn = async () => {
      process.stdout.write('inside\n')
      return 7
    }
    let r1: unknown, r2: unknown
    const theirs = await stdoutOf(async () => (r1 = await core.group(odd, fn)))
    expect(await stdoutOf(async () => (r2 = await ours.group(odd, fn)))).toBe(theirs)
    expect(r2).toBe(r1)
    const boom = async () => {
      throw new Error('boom')
    }
    const theirsThrow = await stdoutOf(() => core.group('g', boom).catch((e: Error) => e.message))
    expect(await stdoutOf(() => ours.group('g', boom).catch((e: Error) => e.message))).toBe(theirsThrow)
  })

  test('getInput: the INPUT_ variable (spaces to _, upper case), trimmed', () => {
    process.env['INPUT_OUTPUT-DIR'] = '  some/dir \n'
    process.env.INPUT_TWO_WORDS = ' x '
    for (const name of ['output-dir', 'two words', 'missing']) expect(ours.getInput(name)).toBe(core.getInput(name))
  })

  test('setOutput: the same heredoc in GITHUB_OUTPUT, for strings and other values', async () => {
    const a = path.join(dir, 'out-core')
    const b = path.join(dir, 'out-ours')
    writeFileSync(a, '')
    writeFileSync(b, '')
    for (const value of ['v', '', odd, { files: { a: '/x' } }, 3]) {
      process.env.GITHUB_OUTPUT = a
      core.setOutput('files', value)
      process.env.GITHUB_OUTPUT = b
      ours.setOutput('files', value)
    }
    expect(sameDelimiters(readFileSync(b, 'utf8'))).toBe(sameDelimiters(readFileSync(a, 'utf8')))
    process.env.GITHUB_OUTPUT = path.join(dir, 'absent')
    expect(() => ours.setOutput('x', 'y')).toThrow(/^Missing file at path: /)
    expect(() => core.setOutput('x', 'y')).toThrow(/^Missing file at path: /)
  })

  test('setOutput without GITHUB_OUTPUT: the set-output command', async () => {
    delete process.env.GITHUB_OUTPUT
    for (const [name, value] of [
      ['files', odd],
      ['k:v,w', { a: 1 }],
    ] as const)
      expect(await stdoutOf(() => ours.setOutput(name, value))).toBe(await stdoutOf(() => core.setOutput(name, value)))
  })

  test('appendSummary: the same bytes as summary.addRaw(text, true).write(), and the same errors', async () => {
    const a = path.join(dir, 'summary-core')
    const b = path.join(dir, 'summary-ours')
    writeFileSync(a, 'before\n')
    writeFileSync(b, 'before\n')
    process.env.GITHUB_STEP_SUMMARY = a
    await core.summary.addRaw(`### title\n\n${odd}`, true).write()
    process.env.GITHUB_STEP_SUMMARY = b
    await ours.appendSummary(`### title\n\n${odd}`)
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'))
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(ours.appendSummary('x')).rejects.toThrow(/^Unable to find environment variable for \$GITHUB_STEP_SUMMARY/)
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'absent')
    await expect(ours.appendSummary('x')).rejects.toThrow(/^Unable to access summary file: '.*absent'/)
  })
})

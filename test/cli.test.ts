/** The local CLI: same bundles, same contract; and the README's main-job command (the demo). */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { actionCommand, humanLine, inputEnvName, parseOutputFile } from '../cli/main.js'
import { command, parseOptions } from '../cli/options.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build-snaps.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 280_000,
  })

describe('CLI plumbing', () => {
  test('input names follow the runner: upper case, spaces to _, hyphens kept', () => {
    expect(inputEnvName('kube-version')).toBe('INPUT_KUBE-VERSION')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
  })
  test('--name value and --name=value; unknown inputs are named', () => {
    const a = command({
      name: 'a',
      summary: 'a',
      options: [
        { name: 'arch', value: 'ARCH', help: 'x' },
        { name: 'kube-version', value: 'V', help: 'y' },
      ],
    })
    expect(parseOptions(a, ['--arch', 's390x', '--kube-version=v1.31.2'])).toEqual({ arch: 's390x', 'kube-version': 'v1.31.2' })
    expect(() => parseOptions(actionCommand('build-k8s-snaps'), ['--archh', 'x'])).toThrow(
      /^build-k8s-snaps has no input 'archh'; its inputs are kube-version, arch, /,
    )
    expect(() => parseOptions(a, ['--arch'])).toThrow('--arch needs a value')
  })
  test('workflow commands are shown as text; runner plumbing is hidden', () => {
    expect(humanLine('::error::boom%0Aline')).toEqual({ stream: 'err', text: 'Error: boom\nline' })
    expect(humanLine('::warning file=x::careful')).toEqual({ stream: 'err', text: 'Warning: careful' })
    expect(humanLine('::add-mask::s3cret')).toBeUndefined()
    expect(humanLine('::endgroup::')).toBeUndefined()
    expect(humanLine('plain')).toEqual({ stream: 'out', text: 'plain' })
  })
  test('GITHUB_OUTPUT files parse back', () => {
    expect(parseOutputFile('a<<ghadelimiter_1\nx\ny\nghadelimiter_1\nb=1\n')).toEqual({ a: 'x\ny', b: '1' })
  })
})

describe('CLI end to end', () => {
  test('a bad input through the CLI: one "Error:" line, exit 1', () => {
    const r = cli(['build-k8s-snaps', '--kube-version', 'v1.31.2', '--arch', 'sparc'], tempDir())
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Error: arch: unknown architecture 'sparc'; use one of amd64, arm64/),
    ])
  })
  test('an unknown action lists the actions', () => {
    const r = cli(['build-everything'], tempDir())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^Error: unknown action 'build-everything'; use one of .*build-k8s-snaps.*zero-byte-snaps/)
  })
  test("the README's main-job command (demo) makes real snaps for amd64 and s390x offline, with a readable summary", () => {
    const cwd = tempDir('bs-demo-')
    const r = cli(['demo'], cwd, { BUILD_SNAPS_CACHE_DIR: tempDir('bs-demo-cache-') })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const snaps = readdirSync(path.join(cwd, 'snaps'))
      .filter((f) => f.endsWith('.snap'))
      .sort()
    expect(snaps).toHaveLength(14)
    expect(snaps.filter((f) => f.endsWith('_1.31.2_s390x.snap'))).toHaveLength(7)
    expect(snaps.filter((f) => f.endsWith('_1.31.2_amd64.snap'))).toHaveLength(7)
    expect(
      readFileSync(path.join(cwd, 'snaps', 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(30) // 14 snaps, their SBOMs, 2 provenance statements
    expect(r.stdout).toContain('### Kubernetes 1.31.2 snaps for amd64')
    expect(r.stdout).toContain('### Kubernetes 1.31.2 snaps for s390x')
    expect(r.stdout).toMatch(/ran (under qemu-s390x-static|through binfmt_misc qemu-s390x)/)
    expect(r.stdout).not.toContain('::')
  })
})

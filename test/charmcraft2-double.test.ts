/**
 * The charmcraft 2.7.6 TEST DOUBLE (test/doubles/charmcraft2) that the emulated pack route runs inside a
 * linux/<arch> container: real python3, pip, gcc and unzip throughout.
 * - On this host (python3 here, the HOST CONTRACT overrides RUNNER_ARCH=X64 ImageOS=ubuntu22): the amd64 entry
 *   of the emu-probe charm packs with probe-ext compiled for x86-64; charmcraft 2.7.6's refusals word for word;
 *   a C source that does not compile ends the pack with one error and the compiler's output in the log.
 * - Inside the linux/s390x stand-in for ubuntu:22.04 (qemu-user through binfmt_misc) the double is not run from
 *   here: test/charm-emulated.test.ts packs its s390x entry there through dist/charm-build (cold, then warm with
 *   the pip wheel cache), and test/release-emulated.test.ts through the local pipeline. Each emulated pack costs
 *   a minute or more of CPU, so none is repeated here.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { readElfHeader } from '../shared/elf.js'
import { CHARMCRAFT2, EMU_PROBE, EMU_PROBE_DEPS, emuProbeCopy } from './charm-fixtures.js'
import { tempDir } from './helpers/runner.js'

interface Pack {
  status: number | null
  stdout: string
  stderr: string
  /** The log file charmcraft names in its output (verbose greeting or error), read back. */
  log: string
}

/** Run the double as a job on an Ubuntu 22.04 amd64 runner would (the HOST CONTRACT), logs under stateHome. */
function charmcraft2(args: string[], cwd: string, env: Record<string, string> = {}): Pack {
  const stateHome = path.join(cwd, '..', 'state')
  const res = spawnSync(CHARMCRAFT2, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, RUNNER_ARCH: 'X64', ImageOS: 'ubuntu22', XDG_STATE_HOME: stateHome, ...env },
  })
  const logPath = /(?:Logging execution to|Full execution log:) '([^']+)'/.exec(res.stderr)?.[1]
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, log: logPath ? readFileSync(logPath, 'utf8') : '' }
}

function outDir(root: string): string {
  const out = path.join(root, 'out')
  mkdirSync(out, { recursive: true })
  return out
}

const charms = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.charm'))
const zipList = (file: string) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean)

/** Extract one member of a zip into dir, returning its path. */
function unzipMember(file: string, member: string, dir: string): string {
  execFileSync('unzip', ['-o', '-q', file, member, '-d', dir])
  return path.join(dir, member)
}

describe('charmcraft2 double, native on this host', () => {
  test('version, as 2.7.6 prints it (plain and --format json)', () => {
    const root = tempDir('bs-cc2-')
    expect(charmcraft2(['version'], outDir(root)).stdout).toBe('2.7.6\n')
    expect(charmcraft2(['version', '--format', 'json'], outDir(root)).stdout).toBe('{\n    "version": "2.7.6"\n}\n')
  })

  test('packs bases[0] (ubuntu 22.04 amd64): <name>_<run-on>.charm in the cwd, manifest of the run-on base, probe-ext compiled for x86-64', async () => {
    const root = tempDir('bs-cc2-')
    const project = emuProbeCopy(root)
    const out = outDir(root)
    const res = charmcraft2(['pack', '--destructive-mode', '--project-dir', project, '--bases-index', '0', '--verbose'], out)
    expect(res.status, res.stderr).toBe(0)
    expect(res.stdout).toBe('Charms packed:\n    emu-probe_ubuntu-22.04-amd64.charm\n')
    expect(res.stderr).toContain("Created 'emu-probe_ubuntu-22.04-amd64.charm'.")
    expect(charms(out)).toEqual(['emu-probe_ubuntu-22.04-amd64.charm'])
    const charm = path.join(out, 'emu-probe_ubuntu-22.04-amd64.charm')

    const members = zipList(charm)
    for (const m of ['dispatch', 'hooks/install', 'hooks/start', 'hooks/upgrade-charm', 'metadata.yaml', 'manifest.yaml', 'src/charm.py'])
      expect(members).toContain(m)
    // the prime filter: no deps/, requirements.txt or charmcraft.yaml in the charm
    expect(members.filter((m) => /^(deps\/|requirements\.txt|charmcraft\.yaml|build\/)/.test(m))).toEqual([])
    const so = members.filter((m) => /^venv\/probe_ext\/_probe\..*\.so$/.test(m))
    expect(so).toHaveLength(1)
    expect(await readElfHeader(unzipMember(charm, so[0], path.join(root, 'x')))).toMatchObject({ machine: 62, bits: 64, endian: 'LSB' })

    const manifest = parse(execFileSync('unzip', ['-p', charm, 'manifest.yaml'], { encoding: 'utf8' })) as Record<string, unknown>
    expect(manifest['charmcraft-version']).toBe('2.7.6')
    expect(manifest['charmcraft-started-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    expect(manifest.bases).toEqual([{ name: 'ubuntu', channel: '22.04', architectures: ['amd64'] }])
    expect(manifest.analysis).toEqual({
      attributes: [
        { name: 'language', result: 'python' },
        { name: 'framework', result: 'unknown' },
      ],
    })
    expect(execFileSync('unzip', ['-p', charm, 'dispatch'], { encoding: 'utf8' })).toBe(
      '#!/bin/sh\n\nJUJU_DISPATCH_PATH="${JUJU_DISPATCH_PATH:-$0}" PYTHONPATH=lib:venv \\\n  exec ./src/charm.py\n',
    )

    // craft-cli 2.4.0's log name (no ':'), pip's build of probe-ext in it
    const logs = readdirSync(path.join(root, 'state', 'charmcraft', 'log'))
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(/^charmcraft-\d{8}-\d{6}\.\d{6}\.log$/)
    expect(res.log).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} Starting charmcraft version 2\.7\.6$/m)
    expect(res.log).toContain('--no-binary=:all:')
    expect(res.log).toContain('--no-index')
    expect(res.log).toMatch(/Successfully installed probe-ext-0\.1\.0/)
  })

  test('wrong arch: bases[1] builds on s390x, this runner is amd64: 2.7.6 skips the entry and refuses', () => {
    const root = tempDir('bs-cc2-')
    const out = outDir(root)
    const res = charmcraft2(['pack', '--destructive-mode', '--project-dir', EMU_PROBE, '--bases-index', '1'], out)
    expect(res.status).toBe(1)
    const lines = res.stderr.trim().split('\n')
    expect(lines).toContain("Skipping 'bases[1].build-on[0]': host architecture 'amd64' not in base architectures ['s390x'].")
    expect(lines).toContain("No suitable 'build-on' environment found in 'bases[1]' configuration.")
    expect(lines.slice(-2)[0]).toBe("No suitable 'build-on' environment found in any 'bases' configuration.")
    expect(lines.slice(-1)[0]).toMatch(/^Full execution log: '.*\/charmcraft\/log\/charmcraft-\d{8}-\d{6}\.\d{6}\.log'$/)
    expect(charms(out)).toEqual([])
    expect(existsSync(path.join(EMU_PROBE, 'build'))).toBe(false)
  })

  test('wrong release: an Ubuntu 24.04 runner, or this machine as it is, packs no 22.04 entry', () => {
    const root = tempDir('bs-cc2-')
    const out = outDir(root)
    const noble = charmcraft2(['pack', '--destructive-mode', '--project-dir', EMU_PROBE], out, { ImageOS: 'ubuntu24' })
    expect(noble.status).toBe(1)
    expect(noble.stderr).toContain("Skipping 'bases[0].build-on[0]': channel '22.04' does not match host '24.04'.\n")
    expect(noble.stderr).toContain("Skipping 'bases[1].build-on[0]': channel '22.04' does not match host '24.04'.\n")
    expect(noble.stderr).toContain("No suitable 'build-on' environment found in any 'bases' configuration.\n")

    // No ImageOS: /etc/os-release (ID, or ID_LIKE naming ubuntu) as distro reads it.
    const osRelease = readFileSync('/etc/os-release', 'utf8')
    const id = /^ID="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? ''
    const like = /^ID_LIKE="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? ''
    const env = { ...process.env } as Record<string, string>
    delete env.ImageOS
    const native = spawnSync(CHARMCRAFT2, ['pack', '--destructive-mode', '--project-dir', EMU_PROBE], {
      cwd: out,
      encoding: 'utf8',
      env: { ...env, RUNNER_ARCH: 'X64', XDG_STATE_HOME: path.join(root, 'state') },
    })
    if (id !== 'ubuntu' && !like.split(' ').includes('ubuntu')) {
      expect(native.status).toBe(1)
      expect(native.stderr).toContain(`Skipping 'bases[0].build-on[0]': name 'ubuntu' does not match host '${id}'.\n`)
    }
    expect(charms(out)).toEqual([])
  })

  test('other refusals: no --destructive-mode (no LXD), a bases index out of range, a command the double does not model', () => {
    const root = tempDir('bs-cc2-')
    const out = outDir(root)
    const managed = charmcraft2(['pack', '--project-dir', EMU_PROBE], out)
    expect(managed.status).toBe(1)
    expect(managed.stderr.trim().split('\n').slice(-2)[0]).toBe('Provider is required, but not installed.')
    const index = charmcraft2(['pack', '--destructive-mode', '-p', EMU_PROBE, '--bases-index', '2'], out)
    expect(index.status).toBe(1)
    expect(index.stderr.split('\n')[0]).toBe("Bases index '2' is invalid (must be >= 0 and fit in configured bases).")
    const noConfig = charmcraft2(['pack', '--destructive-mode'], out)
    expect(noConfig.status).toBe(1)
    expect(noConfig.stderr).toMatch(/^The specified command needs a valid 'charmcraft\.yaml' configuration file/)
    const upload = charmcraft2(['upload', 'x.charm'], out)
    expect(upload.status).toBe(1)
    expect(upload.stderr).toBe("charmcraft2 double: the charmcraft2 double models pack and version only, not 'upload'\n")
    expect(charms(out)).toEqual([])
  })

  test('a C source that does not compile: the pack ends with one error, exit 1, gcc in the log, no .charm', () => {
    const root = tempDir('bs-cc2-')
    const project = emuProbeCopy(root, 'broken-c')
    const out = outDir(root)
    const res = charmcraft2(['pack', '--destructive-mode', '--project-dir', project, '--bases-index', '0'], out)
    expect(res.status).toBe(1)
    const lines = res.stderr.trim().split('\n')
    expect(lines.slice(-2)[0]).toBe("Parts processing error: Failed to run the build script for part 'charm'.")
    expect(lines.slice(-1)[0]).toMatch(/^Full execution log: '/)
    // pip's build of probe-ext 0.1.1 and the compiler's complaint, then the builder's older-method retry
    expect(res.log).toMatch(/probe-build: compiling: .*gcc.* ext\/_probe\.c/)
    expect(res.log).toMatch(/_probe\.c:\d+:\d+: error:/)
    expect(res.log).toContain('WARNING: Initial package installation failed.')
    expect(charms(out)).toEqual([])
  })

  test('the x86-so variant carries a host x86-64 shared object in src/, which the charm plugin primes', async () => {
    const root = tempDir('bs-cc2-')
    const project = emuProbeCopy(root, 'x86-so')
    expect(await readElfHeader(path.join(project, 'src', 'helper.so'))).toMatchObject({ machine: 62, bits: 64, endian: 'LSB' })
  })

  test("emu-probe's committed sdists hold exactly the sources in emu-probe-deps (regenerate with sdist())", () => {
    for (const name of ['probe_build-0.1.0', 'probe_ext-0.1.0']) {
      const tgz = path.join(EMU_PROBE, 'deps', `${name}.tar.gz`)
      const listed = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
        .split('\n')
        .filter((f) => f && !f.endsWith('/'))
        .sort()
      const onDisk = (execFileSync('find', [name, '-type', 'f'], { cwd: EMU_PROBE_DEPS, encoding: 'utf8' }) as string)
        .split('\n')
        .filter(Boolean)
        .sort()
      expect(listed).toEqual(onDisk)
      for (const f of listed)
        expect(execFileSync('tar', ['-xOzf', tgz, f], { encoding: 'utf8' }), f).toBe(readFileSync(path.join(EMU_PROBE_DEPS, f), 'utf8'))
    }
  })
})

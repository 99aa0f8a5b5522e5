/**
 * The emulated pack route end to end through dist/charm-build/index.js, with real parts: the docker engine, QEMU
 * through binfmt_misc (qemu-s390x, flag F), the linux/s390x stand-in for ubuntu:22.04 (.ci/setup.d/s390x-standin.sh;
 * Debian bookworm inside, its own python3, pip and gcc), and the charmcraft 2.x TEST DOUBLE test/doubles/charmcraft2
 * mounted as charmcraft-path, whose charm plugin compiles emu-probe's C-extension dependency with the container's
 * gcc. Every emulated run costs tens of seconds or more, so there are few of them: a cold pack, the re-run
 * with the wheel cache, a charmcraft install with no network, a charmcraft killed by a signal (its logs handed
 * over, ':' in their names made '-'), a cancelled step. A dependency that does not compile in the container is
 * test/release-emulated.test.ts's broken-c case (the same one line, exit 1, nothing half-written), not packed again here.
 */
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseArch } from '../shared/arch.js'
import { binfmtMatches, elfHeaderFor, readBinfmt } from '../shared/binfmt.js'
import { which } from '../shared/exec.js'
import { readElfHeader } from '../shared/elf.js'
import { sha256File } from '../shared/files.js'
import { clearFailure, repoRoot, runDist, tempDir } from './helpers/runner.js'

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'charms', 'emu-probe')
const DOUBLE = path.join(repoRoot, 'test', 'doubles', 'charmcraft2')
const S390X = parseArch('s390x')

/** Why the real parts are missing, or '' when they are all here. */
function missing(): string {
  const docker = which('docker')
  if (!docker) return 'docker is not installed'
  if (spawnSync(docker, ['version', '--format', '{{.Server.Version}}']).status !== 0) return 'the docker engine does not answer'
  const img = spawnSync(docker, ['image', 'inspect', '--format', '{{.Architecture}}', 'ubuntu:22.04'], { encoding: 'utf8' })
  if (img.status !== 0 || img.stdout.trim() !== 's390x')
    return 'no linux/s390x ubuntu:22.04 image (the stand-in: .ci/setup.d/s390x-standin.sh, loaded by .ci/docker-up)'
  if (!readBinfmt().some((e) => e.enabled && e.flags.includes('F') && binfmtMatches(e, elfHeaderFor(S390X))))
    return 'no binfmt_misc handler for s390x with flag F (update-binfmts --enable qemu-s390x)'
  return ''
}
const why = missing()
const ready = why === ''
const title = (t: string) => (ready ? t : `${t} (skipped: ${why})`)

const inputs = (charm: string, out: string, extra: Record<string, string> = {}) => ({
  'charm-path': charm,
  'output-dir': out,
  'bases-index': '1',
  'container-platform': 'linux/s390x',
  'charmcraft-path': DOUBLE,
  'container-network': 'none',
  ...extra,
})

/** A charmcraft stand-in in sh: `version`, and a pack that runs `pack` (a shell snippet) after writing a ':'-named log. */
function shCharmcraft(pack: string): string {
  const file = path.join(tempDir('bs-sh-charmcraft-'), 'charmcraft')
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      'case "$1" in version) echo 2.7.6; exit 0;; esac',
      'd=$HOME/.local/state/charmcraft/log; mkdir -p "$d"',
      'log="$d/charmcraft-2026-12-07T10:00:00.$(date +%s%N).log"',
      'echo "2026-12-07 10:00:00.000 Starting charmcraft version 2.7.6" > "$log"',
      pack,
    ].join('\n') + '\n',
  )
  chmodSync(file, 0o755)
  return file
}

describe.skipIf(!ready)('charm-build in a linux/s390x container (dist bundle, docker, QEMU)', () => {
  const cache = tempDir('bs-emulated-cache-')
  const out = tempDir('bs-emulated-out-')

  it(
    title(
      "packs emu-probe's s390x entry with the mounted charmcraft: the .charm holds s390x code, the SBOM and provenance name the charmcraft",
    ),
    async () => {
      const run = await runDist('charm-build', inputs(FIXTURE, out), { toolCache: cache })
      expect(run.exitCode, run.log).toBe(0)
      const charm = path.join(out, 'emu-probe_ubuntu-22.04-s390x.charm')
      expect(JSON.parse(run.outputs.charms)).toEqual([charm])
      // The C extension was compiled in the container, and is s390x machine code.
      expect(run.log).toMatch(/Building wheel for probe-ext/)
      const list = execFileSync('unzip', ['-Z1', charm], { encoding: 'utf8' }).split('\n')
      const so = list.find((f) => /^venv\/.*_probe\..*\.so$/.test(f))
      expect(so, list.join('\n')).toBeDefined()
      const x = tempDir()
      execFileSync('unzip', ['-q', charm, so!, '-d', x])
      expect(await readElfHeader(path.join(x, so!))).toMatchObject({ machine: S390X.elf.machine, bits: 64, endian: 'MSB' })
      const manifest = parse(execFileSync('unzip', ['-p', charm, 'manifest.yaml'], { encoding: 'utf8' })) as { bases: unknown }
      expect(manifest.bases).toEqual([{ name: 'ubuntu', channel: '22.04', architectures: ['s390x'] }])
      // Which charmcraft packed, and its version: the summary, the SBOM (BUILD_TOOL_OF) and the provenance.
      const digest = await sha256File(DOUBLE)
      expect(run.summary).toContain('Packed with charmcraft 2.7.6 (mounted from charmcraft-path (charmcraft2, sha256')
      expect(run.outputs.charmcraft).toMatch(
        /^charmcraft 2\.7\.6 \(mounted from charmcraft-path \(charmcraft2, sha256 [0-9a-f]{16}\)\), in a linux\/s390x ubuntu:22\.04 container under QEMU user emulation$/,
      )
      const sbom = JSON.parse(readFileSync(`${charm}.spdx.json`, 'utf8')) as {
        packages: Array<{ SPDXID: string; name: string; versionInfo?: string; checksums?: Array<{ checksumValue: string }> }>
        relationships: Array<{ spdxElementId: string; relationshipType: string; relatedSpdxElement: string }>
      }
      const tool = sbom.packages.find((p) => p.name === 'charmcraft')!
      expect(tool).toMatchObject({ versionInfo: '2.7.6', checksums: [{ checksumValue: digest }] })
      expect(sbom.relationships).toContainEqual({
        spdxElementId: tool.SPDXID,
        relationshipType: 'BUILD_TOOL_OF',
        relatedSpdxElement: 'SPDXRef-Package-artifact',
      })
      const prov = JSON.parse(readFileSync(run.outputs.provenance, 'utf8')) as {
        predicate: {
          buildDefinition: {
            resolvedDependencies: Array<{ name: string; digest?: { sha256: string }; annotations?: Record<string, string> }>
          }
        }
      }
      const dep = prov.predicate.buildDefinition.resolvedDependencies.find((d) => d.name === 'charmcraft')
      expect(dep).toMatchObject({ digest: { sha256: digest }, annotations: { version: '2.7.6', container: 'linux/s390x ubuntu:22.04' } })
      // charmcraft's logs are handed over
      expect(readdirSync(run.outputs.logs).some((f) => f.endsWith('.log'))).toBe(true)
    },
    900_000,
  )

  it(
    title('the re-run restores the wheel cache and compiles nothing'),
    async () => {
      const again = tempDir('bs-emulated-out-')
      const run = await runDist('charm-build', inputs(FIXTURE, again), { toolCache: cache })
      expect(run.exitCode, run.log).toBe(0)
      expect(run.log).toMatch(/pip wheel cache restored from build-snaps-charm-pip-emu-probe-s390x-ubuntu22\.04-charmcraft-mounted-/)
      expect(run.log).toMatch(/Using cached probe_ext-0\.1\.0-.*_s390x\.whl/)
      expect(run.log).not.toMatch(/Building wheel for probe-ext/)
      expect(run.log).not.toContain('Installing build dependencies')
      expect(readdirSync(again)).toContain('emu-probe_ubuntu-22.04-s390x.charm')
    },
    900_000,
  )

  it(
    title(
      'without charmcraft-path, charmcraft is installed in the container first; with no network that fails in one line naming the install',
    ),
    async () => {
      const failed = tempDir('bs-emulated-out-')
      const run = await runDist('charm-build', inputs(FIXTURE, failed, { 'charmcraft-path': '' }))
      expect(clearFailure(run)).toMatch(
        /^emu-probe: bases\[1\] for s390x \(linux\/s390x container, ubuntu:22\.04\): installing charmcraft 2\.7\.6 by pip failed \(exit \d+\): \S/,
      )
      expect(run.log).toContain(
        'charmcraft installed by pip (charmcraft==2.7.6, constraints https://github.com/canonical/charmcraft/blob/2.7.6/requirements.txt',
      )
      expect(run.log).toMatch(/Reading package lists/) // apt-get ran in the container
      expect(readdirSync(failed)).toEqual([])
    },
    300_000,
  )

  it(
    title("a charmcraft killed by a signal is tried once more, then one line; ':' in the log names becomes '-'; a stale build/ stays out"),
    async () => {
      const failed = tempDir('bs-emulated-out-')
      // The charm has a stale build/ (charmcraft 2.x's work tree of an earlier pack): it must not reach the container.
      const charm = path.join(tempDir('bs-stale-build-'), 'emu-probe')
      cpSync(FIXTURE, charm, { recursive: true })
      mkdirSync(path.join(charm, 'build', 'parts'), { recursive: true })
      const segv = shCharmcraft(
        [
          'if [ -e /build/project/build ]; then echo "2026-12-07 10:00:01.000 stale build/ copied" >> "$log"; exit 3; fi',
          'echo "2026-12-07 10:00:01.000 cc1: internal compiler error: Segmentation fault" >> "$log"',
          'kill -SEGV $$',
        ].join('\n'),
      )
      const run = await runDist('charm-build', inputs(charm, failed, { 'charmcraft-path': segv }))
      const line = clearFailure(run)
      expect(line).toBe(
        'emu-probe: bases[1] for s390x (linux/s390x container, ubuntu:22.04): charmcraft pack failed (exit 139): Starting charmcraft version 2.7.6 | cc1: internal compiler error: Segmentation fault (after 2 attempts)',
      )
      expect(run.log).toMatch(/charmcraft was killed by signal 11; retrying .*attempt 2 of 2/)
      expect(readdirSync(failed)).toEqual([])
      const logs = readdirSync(run.outputs.logs)
      expect(logs.length).toBe(2)
      for (const f of logs) expect(f).toMatch(/^charmcraft-2026-12-07T10-00-00\.\d+\.log$/)
    },
    300_000,
  )

  it(
    title("a cancelled step kills its container (docker kill by name), its logs' names without ':'"),
    async () => {
      const sleepy = shCharmcraft('sleep 600')
      const runnerTemp = tempDir('bs-cancel-temp-')
      const logs = path.join(runnerTemp, 'charmcraft-logs', 'emu-probe-s390x-1')
      let child: ChildProcess | undefined
      const done = runDist('charm-build', inputs(FIXTURE, tempDir(), { 'charmcraft-path': sleepy }), {
        onSpawn: (c) => (child = c),
        env: { RUNNER_TEMP: runnerTemp },
      })
      const name = () => `build-snaps-pack-emu-probe-s390x-${child?.pid}`
      const running = () => execFileSync('docker', ['ps', '-q', '--filter', `name=^${name()}$`], { encoding: 'utf8' }).trim()
      const listed = () => execFileSync('docker', ['ps', '-aq', '--filter', `name=^${name()}$`], { encoding: 'utf8' }).trim()
      const logged = () => existsSync(logs) && readdirSync(logs).length > 0
      try {
        for (let i = 0; i < 600 && !(running() && logged()); i++) await new Promise((r) => setTimeout(r, 500))
        expect(running(), 'the container never started').not.toBe('')
        child!.kill('SIGTERM')
        const run = await done
        expect(run.exitCode).toBe(143)
        expect(run.log).toContain(`SIGTERM: killing the pack container ${name()}`)
        expect(running(), 'the container still runs').toBe('')
        for (let i = 0; i < 40 && listed(); i++) await new Promise((r) => setTimeout(r, 500))
        expect(listed(), 'the container was not removed').toBe('')
      } finally {
        // A failed expect above must not leave the dist process or its `sleep 600` container behind.
        if (child?.pid !== undefined) {
          child.kill('SIGKILL')
          spawnSync('docker', ['rm', '-f', name()], { stdio: 'ignore' })
        }
      }
      expect(readdirSync(logs)).toEqual([expect.stringMatching(/^charmcraft-2026-12-07T10-00-00\.\d+\.log$/)])
    },
    300_000,
  )
})

describe('charm-build container checks, before anything runs (dist bundle)', () => {
  it('no docker on PATH: one line naming the fix', async () => {
    const empty = tempDir('bs-no-docker-')
    mkdirSync(path.join(empty, 'bin'))
    const run = await runDist('charm-build', inputs(FIXTURE, tempDir()), { env: { PATH: path.join(empty, 'bin') } })
    expect(clearFailure(run)).toBe(
      "container-platform linux/s390x: docker is not on PATH; install it (sudo apt-get install docker.io; GitHub's ubuntu runners have it) or leave container-platform empty to pack on this machine",
    )
  })

  it.skipIf(!which('docker'))('no emulator registered for the arch: one line naming the fix', async () => {
    const run = await runDist('charm-build', inputs(FIXTURE, tempDir()), { env: { BUILD_SNAPS_BINFMT_DIR: tempDir('bs-no-binfmt-') } })
    expect(clearFailure(run)).toBe(
      'container-platform linux/s390x: no binfmt_misc emulator for s390x with flag F is registered; register one with docker/setup-qemu-action (platforms: s390x) or sudo apt-get install qemu-user-static',
    )
  })

  it('an entry that does not build on the platform, a platform not in the arch table, a charmcraft-path that is no program, a bad network: one line each', async () => {
    const a = await runDist('charm-build', inputs(FIXTURE, tempDir(), { 'bases-index': '0' }))
    expect(clearFailure(a)).toMatch(/^container-platform linux\/s390x: emu-probe's bases\[0\] does not build on s390x; set bases-index/)
    const b = await runDist('charm-build', inputs(FIXTURE, tempDir(), { 'container-platform': 's390x' }))
    expect(clearFailure(b)).toMatch(/^container-platform: 's390x' is not a docker platform/)
    const c = await runDist('charm-build', inputs(FIXTURE, tempDir(), { 'charmcraft-path': path.join(FIXTURE, 'metadata.yaml') }))
    expect(clearFailure(c)).toMatch(/^charmcraft-path: '.*metadata\.yaml' is not an executable file; point it at a charmcraft program/)
    const d = await runDist('charm-build', inputs(FIXTURE, tempDir(), { 'container-network': 'none;rm' }))
    expect(clearFailure(d)).toMatch(/^container-network: 'none;rm' is not a docker network name/)
  })
})

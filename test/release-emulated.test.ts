/**
 * The emulated pack route end to end: the local pipeline (release.yml's jobs through the dist bundles) releases
 * emu-probe, a charm with an amd64 and an s390x bases entry whose one dependency is a C extension, with NO s390x
 * runner. Its s390x entry is packed in a real linux/s390x container (the debootstrapped stand-in for
 * ubuntu:22.04, .ci/setup.d/s390x-standin.sh) under real QEMU (binfmt_misc), by the charmcraft 2.x pack double
 * (test/doubles/charmcraft2) with the container's python3, pip and gcc; the store is the charmcraft double.
 *   released: both revisions, the s390x one carrying s390x machine code; a re-run uploads nothing;
 *   refused: emulate: false (up front), no docker engine (up front, one line, through the dist CLI; skipped when
 *   docker is not installed at all), an s390x charm carrying an x86-64 .so, a container whose pack fails mid-way
 *   (a C source that does not compile: one line with the compiler's error and the log tail, exit 1, no .charm):
 *   nothing uploaded. (test/charm-emulated.test.ts checks the logs handed over and ':' renamed on a failing pack.)
 *   a configured runner (--runners s390x) still wins: exit 0, and no container in charm-build's provenance.
 * Each emulated pack costs a minute or two of CPU here: three in all.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { type LocalReleaseResult, runLocalRelease } from '../cli/release.js'
import { readElfHeader } from '../shared/elf.js'
import { which } from '../shared/exec.js'
import { calls, channelMap, emuProbeCopy, type StoreDouble, writes } from './charm-fixtures.js'
import { repoRoot, tempDir } from './helpers/runner.js'

/** Why no docker test can run here (no docker program at all), or ''. */
const NO_DOCKER = which('docker') ? '' : 'docker is not installed (.ci/apt-packages: docker.io)'

/** Why the container tests cannot run here, or '' when docker answers and the s390x stand-in image is loaded. */
function containerSkip(): string {
  if (NO_DOCKER) return NO_DOCKER
  const r = spawnSync('docker', ['image', 'inspect', '-f', '{{.Os}}/{{.Architecture}}', 'ubuntu:22.04'], { encoding: 'utf8' })
  if (r.error) return `docker does not run (${r.error.message})`
  if (r.status !== 0) return `no linux/s390x ubuntu:22.04 here (${(r.stderr || '').trim().split('\n')[0]}); run bash .ci/docker-up`
  return r.stdout.trim() === 'linux/s390x' ? '' : `ubuntu:22.04 is ${r.stdout.trim()}, not the linux/s390x stand-in; run bash .ci/docker-up`
}
const SKIP = containerSkip()
if (SKIP) console.warn(`test/release-emulated.test.ts skipped: ${SKIP}`)

/** A description releasing one copy of emu-probe (the variant given) for amd64 and s390x into latest/edge. */
function workspace(variant: 'good' | 'broken-c' | 'x86-so', extra: Record<string, unknown> = {}): string {
  const root = tempDir('bs-emu-')
  const charm = emuProbeCopy(root, variant)
  const config = path.join(root, 'cdk-release.yaml')
  writeFileSync(
    config,
    stringify({
      arches: ['amd64', 's390x'],
      channel: 'latest/edge',
      snaps: 'placeholder',
      versions: { kubernetes: 'v1.33.2' },
      charms: { 'emu-probe': { path: path.relative(root, charm), builder: 'charmcraft', resources: {} } },
      ...extra,
    }),
  )
  return config
}

const failed = (r: LocalReleaseResult) =>
  r.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.job} ${s.charm ?? ''} ${s.entry ?? ''}: ${s.step}`)
const store = (out: string): StoreDouble => ({ state: path.join(out, 'store') }) as StoreDouble
const packs = (r: LocalReleaseResult) => r.steps.filter((s) => s.job === 'pack').map((s) => [s.entry, s.runner?.RUNNER_ARCH, s.exitCode])

/** What charm-build's provenance (written into the pack job's artifact) records of a container: its inputs and charmcraft's annotation. */
function containerRecord(out: string, artifact: string) {
  const file = path.join(out, 'artifacts', artifact, 'provenance.charm-build.emu-probe.intoto.json')
  const def = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      predicate: {
        buildDefinition: {
          externalParameters: Record<string, string>
          resolvedDependencies: Array<{ name: string; annotations?: Record<string, string> }>
        }
      }
    }
  ).predicate.buildDefinition
  return {
    platform: def.externalParameters['container-platform'],
    image: def.externalParameters['container-image'],
    charmcraft: def.resolvedDependencies.find((d) => d.name === 'charmcraft')?.annotations?.container,
  }
}

describe.skipIf(SKIP)('emu-probe (amd64 + s390x) with no s390x runner: the s390x entry packed under emulation', () => {
  const config = workspace('good')
  const out = tempDir('bs-emu-out-')
  let first: LocalReleaseResult
  let again: LocalReleaseResult
  let before = 0
  beforeAll(async () => {
    first = await runLocalRelease({ config, outDir: out, dryRun: 'false', quiet: true })
    before = calls(store(out)).length
    again = await runLocalRelease({ config, outDir: out, dryRun: 'false', quiet: true, resume: true })
  }, 900_000)

  test('both entries packed: bases[0] on the hosted amd64 runner, bases[1] in a linux/s390x container on it; both released', () => {
    expect(first.exitCode, JSON.stringify([failed(first), first.errors])).toBe(0)
    expect(packs(first)).toEqual([
      ['bases[0]', 'X64', 0],
      ['bases[1]', 'X64', 0],
    ])
    expect(first.plan!.packs.map((p) => [p.entry, p.route, p['container-platform'], p['container-image']])).toEqual([
      ['bases[0]', 'hosted', '', ''],
      ['bases[1]', 'emulated', 'linux/s390x', 'ubuntu:22.04'],
    ])
    expect(Object.keys(channelMap(store(out), 'emu-probe', 'latest/edge')).sort()).toEqual(['22.04/amd64', '22.04/s390x'])
    // charm-build's own record of the container (the signal 'a configured runner still wins' finds absent)
    expect(containerRecord(out, 'pack-emu-probe_1')).toEqual({
      platform: 'linux/s390x',
      image: 'ubuntu:22.04',
      charmcraft: 'linux/s390x ubuntu:22.04',
    })
  })

  test('the s390x charm carries probe-ext compiled for s390x (ELF machine 22, 64-bit big-endian)', async () => {
    const dir = path.join(out, 'artifacts', 'pack-emu-probe_1')
    const charm = readdirSync(dir).find((f) => f.endsWith('.charm'))
    expect(charm).toBe('emu-probe_ubuntu-22.04-s390x.charm')
    const x = tempDir('bs-emu-x-')
    execFileSync('unzip', ['-q', path.join(dir, charm!), '-d', x])
    const so = execFileSync('find', [x, '-path', '*/probe_ext/*.so'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
    expect(so).toHaveLength(1)
    expect(await readElfHeader(so[0])).toMatchObject({ machine: 22, bits: 64, endian: 'MSB' })
  })

  test('the summary names each entry route, the emulated one marked slow', () => {
    expect(first.summary).toMatch(/bases\[1\].*emulated `linux\/s390x` in `ubuntu:22\.04`.*slower/)
    expect(first.summary).not.toMatch(/bases\[0\].*emulated/)
  })

  test('--resume packs nothing and uploads nothing', () => {
    expect(again.exitCode, JSON.stringify([failed(again), again.errors])).toBe(0)
    expect(packs(again)).toEqual([])
    expect(writes(calls(store(out)).slice(before)).filter((w) => w.startsWith('upload'))).toEqual([])
  })
})

describe('refused, and nothing uploaded', () => {
  test('emulate: false refuses the s390x entry up front, naming the runner variable and the key', async () => {
    const out = tempDir('bs-emu-off-')
    const r = await runLocalRelease({ config: workspace('good', { emulate: false }), outDir: out, dryRun: 'false', quiet: true })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(
      /^emu-probe: bases\[1\] builds on ubuntu 22\.04 s390x, and no configured route packs it; .*S390X_RUNNER.*emulate: false/,
    )
    expect(r.steps.filter((s) => s.job !== 'plan')).toEqual([])
    expect(calls(store(out))).toEqual([])
  })

  test.skipIf(Boolean(NO_DOCKER))(
    `no docker engine: one line through the dist CLI, exit 1, no stack, nothing built${NO_DOCKER ? ` (skipped: ${NO_DOCKER})` : ''}`,
    async () => {
      const out = tempDir('bs-emu-nodocker-')
      const r = await cli(['release', '--config', workspace('good'), '--output-dir', out, '--dry-run', 'false'], {
        DOCKER_HOST: `unix://${path.join(out, 'no-docker.sock')}`,
      })
      expect(r.code, r.output).toBe(1)
      expect(errorLines(r.output), r.output).toHaveLength(1)
      expect(errorLines(r.output)[0]).toMatch(
        /emu-probe bases\[1\] \(emulated, linux\/s390x\): the docker engine does not answer .*start it/,
      )
      expect(r.output).not.toMatch(/\n\s+at /)
      expect(r.output).not.toMatch(/▶▶ \[build/)
      expect(calls(store(out))).toEqual([])
    },
  )

  test.skipIf(SKIP)(
    'an s390x charm carrying an x86-64 .so, and a pack that fails mid-way in the container: one line each, nothing uploaded',
    async () => {
      for (const [variant, line] of [
        ['x86-so', /emu-probe_ubuntu-22\.04-s390x\.charm: src\/helper\.so is built for amd64 \(ELF machine 62, 64-bit LSB\), not s390x/],
        [
          'broken-c',
          /^Error: emu-probe: bases\[1\] for s390x \(linux\/s390x container, ubuntu:22\.04\): charmcraft pack failed \(exit 1\): ext\/_probe\.c:\d+:\d+: error: /,
        ],
      ] as const) {
        const out = tempDir(`bs-emu-${variant}-`)
        const r = await cli(['release', '--config', workspace(variant), '--output-dir', out, '--dry-run', 'false'])
        expect(r.code, `${variant}: ${r.output}`).toBe(1)
        const errors = errorLines(r.output)
        expect(errors, `${variant}: ${r.output}`).toHaveLength(1)
        expect(errors[0], variant).toMatch(line)
        // the failing pack's log tail follows the compiler's error on that one line
        if (variant === 'broken-c') expect(errors[0]).toContain("Failed to run the build script for part 'charm'")
        expect(r.output, variant).not.toMatch(/\n\s+at /)
        expect(r.output, variant).not.toMatch(/▶▶ \[release/)
        expect(
          writes(calls(store(out))).filter((w) => /^(upload|release)/.test(w)),
          variant,
        ).toEqual([])
        const left = readdirSync(path.join(out, 'artifacts', 'pack-emu-probe_1')).filter((f) => f.endsWith('.charm'))
        expect(left, `${variant}: nothing half-written`).toEqual([])
      }
    },
    900_000,
  )

  test('a configured runner still wins: --runners s390x packs bases[1] on the self-hosted s390x runner, no container', async () => {
    const out = tempDir('bs-emu-runner-')
    const r = await runLocalRelease({ config: workspace('good'), outDir: out, dryRun: 'true', quiet: true, runners: ['s390x'] })
    expect(r.exitCode, JSON.stringify([failed(r), r.errors])).toBe(0)
    expect(r.plan!.packs.map((p) => [p.entry, p.route, p['container-platform']])).toEqual([
      ['bases[0]', 'hosted', ''],
      ['bases[1]', 'self-hosted', ''],
    ])
    expect(packs(r).map(([entry, arch]) => [entry, arch])).toEqual([
      ['bases[0]', 'X64'],
      ['bases[1]', 'S390X'],
    ])
    expect(packs(r).map(([, , code]) => code)).toEqual([0, 0])
    // no container: charm-build recorded none in its provenance, and the summary names no emulated route
    expect(containerRecord(out, 'pack-emu-probe_1')).toEqual({ platform: '', image: '', charmcraft: undefined })
    expect(readdirSync(path.join(out, 'artifacts', 'pack-emu-probe_1'))).toContain('emu-probe_ubuntu-22.04-s390x.charm')
    expect(r.summary).toMatch(/bases\[1\].*self-hosted/)
    expect(r.summary).not.toMatch(/emulated/)
  })
})

/** The dist CLI (bin/build-snaps.js) as a user runs it; its output, stdout and stderr together. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'build-snaps.js'), ...args], { env: { ...process.env, ...env } })
    let output = ''
    child.stdout.on('data', (b: Buffer) => (output += b.toString()))
    child.stderr.on('data', (b: Buffer) => (output += b.toString()))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** The lines a step or the CLI printed as errors. */
const errorLines = (output: string) => output.split('\n').filter((l) => /^(::error|Error\b|error:)/i.test(l.trim()))

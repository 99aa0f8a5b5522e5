/**
 * The snapcraft mode (build-snapcraft), end to end through the committed dist bundle against the snapcraft
 * TEST DOUBLE in test/doubles/snapcraft (put first on PATH; it writes real squashfs snaps): pack per arch,
 * remote-build for several arches from a real git repository with Launchpad credentials kept out of the logs,
 * collection of only the snaps a run wrote, the arch check of every snap, and bad inputs each ending in one
 * clear error with nothing in the output directory. Plus the pure invocation planning.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArch, parseArches } from '../shared/arch.js'
import { sha256File } from '../shared/files.js'
import { inspectSnap } from '../shared/snap/inspect.js'
import { parseMode, snapcraftInvocations, writtenSince } from '../shared/snapcraft.js'
import { errorLines, repoRoot, runDist, tempDir } from './helpers/runner.js'

const DOUBLES = path.join(repoRoot, 'test', 'doubles')
const SECRET = 'lp-oauth-token-5f3c9a1e7b'

/** What a reader of the run sees: everything but the runner's own `::add-mask::` command (which the runner hides). */
function visible(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

function project(opts: { git?: boolean; file?: string } = {}): string {
  const dir = path.join(tempDir('bs-snapcraft-proj-'), 'hello-cdk')
  const file = path.join(dir, opts.file ?? 'snap/snapcraft.yaml')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(
    file,
    'name: hello-cdk\nversion: "1.0"\nsummary: Hello\ndescription: A project that needs stage-packages\nbase: core22\nconfinement: strict\nparts:\n  hello:\n    plugin: nil\n    stage-packages: [hello]\n',
  )
  if (opts.git) {
    execFileSync('git', ['init', '-q', dir])
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.'])
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'init'])
  }
  return dir
}

interface Call {
  cwd: string
  argv: string[]
  xdgDataHome: string | null
}

async function build(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const out = tempDir('bs-snapcraft-out-')
  const log = path.join(tempDir('bs-snapcraft-log-'), 'calls.jsonl')
  const res = await runDist(
    'build-snapcraft',
    { 'output-dir': out, ...inputs },
    { env: { PATH: `${DOUBLES}:${process.env.PATH}`, SNAPCRAFT_DOUBLE_LOG: log, ...env } },
  )
  const calls: Call[] = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : []
  return { res, out, calls }
}

describe('planning snapcraft calls', () => {
  const arches = parseArches('arm64 ppc64el')
  it('pack: one call per arch, extra args kept', () => {
    expect(snapcraftInvocations('pack', arches, ['--destructive-mode'], false).map((i) => i.args)).toEqual([
      ['pack', '--build-for=arm64', '--destructive-mode'],
      ['pack', '--build-for=ppc64el', '--destructive-mode'],
    ])
  })
  it('remote-build: one call for every arch, Debian names', () => {
    expect(snapcraftInvocations('remote-build', parseArches('ppc64le arm'), [], true).map((i) => i.args)).toEqual([
      ['remote-build', '--build-for=ppc64el,armhf', '--launchpad-accept-public-upload'],
    ])
  })
  it('modes', () => {
    expect(parseMode('')).toBe('pack')
    expect(() => parseMode('build')).toThrow("mode: 'build' is not a snapcraft mode; use pack or remote-build")
  })
  it('tells new and rewritten snaps from untouched ones', () => {
    const before = new Map([
      ['a.snap', '1:1'],
      ['b.snap', '2:2'],
    ])
    const after = new Map([
      ['a.snap', '1:1'],
      ['b.snap', '2:3'],
      ['c.snap', '5:5'],
    ])
    expect(writtenSince(before, after)).toEqual(['b.snap', 'c.snap'])
  })
})

describe('build-snapcraft (dist bundle against the snapcraft test double)', () => {
  it('packs per arch, collects only what it wrote, checks each arch', async () => {
    const dir = project()
    writeFileSync(path.join(dir, 'hello-cdk_0.9_amd64.snap'), 'an old build, left alone')
    const { res, out, calls } = await build({ 'project-dir': dir, arch: 'arm64, s390x', 'snapcraft-args': '--destructive-mode' })
    expect(errorLines(res), res.log).toEqual([])
    expect(res.exitCode).toBe(0)
    expect(calls).toEqual([
      { cwd: dir, argv: ['pack', '--build-for=arm64', '--destructive-mode'], xdgDataHome: null },
      { cwd: dir, argv: ['pack', '--build-for=s390x', '--destructive-mode'], xdgDataHome: null },
    ])
    const snaps = JSON.parse(res.outputs.snaps) as string[]
    expect(snaps).toEqual([path.join(out, 'hello-cdk_1.0_arm64.snap'), path.join(out, 'hello-cdk_1.0_s390x.snap')])
    for (const [i, a] of ['arm64', 's390x'].entries()) {
      const info = await inspectSnap(snaps[i])
      expect(info.architectures).toEqual([a])
      expect(info.yaml).toMatchObject({ name: 'hello-cdk', version: '1.0' })
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.snap'))).toEqual(['hello-cdk_0.9_amd64.snap'])
    expect(
      readFileSync(res.outputs.manifest, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('.snap'))
        .join('\n'),
    ).toBe(`${await sha256File(snaps[0])}  hello-cdk_1.0_arm64.snap\n${await sha256File(snaps[1])}  hello-cdk_1.0_s390x.snap`)
    expect(res.log).toContain('hello-cdk_1.0_s390x.snap: hello-cdk 1.0 for s390x')
    expect(res.summary).toContain('### snapcraft pack: 2 snaps')
  })

  it('remote-build: one call for all arches, credentials given through a temporary XDG_DATA_HOME and never logged', async () => {
    const dir = project({ git: true, file: 'snapcraft.yaml' })
    const { res, out, calls } = await build(
      {
        'project-dir': dir,
        arch: 'amd64 arm64 ppc64le',
        mode: 'remote-build',
        'accept-public-upload': 'true',
        'launchpad-credentials': SECRET,
      },
      { SNAPCRAFT_DOUBLE_FAULT: 'print-credentials' },
    )
    expect(errorLines(res), res.log).toEqual([])
    expect(calls).toHaveLength(1)
    expect(calls[0].argv).toEqual(['remote-build', '--build-for=amd64,arm64,ppc64el', '--launchpad-accept-public-upload'])
    expect(calls[0].xdgDataHome).toBeTruthy()
    expect(existsSync(calls[0].xdgDataHome!)).toBe(false)
    expect(res.log).toContain('using credentials: ***')
    expect(res.log).toContain(`::add-mask::${SECRET}`)
    expect(visible(res.log) + res.summary + readFileSync(res.outputs.manifest, 'utf8')).not.toContain(SECRET)
    const snaps = JSON.parse(res.outputs.snaps) as string[]
    expect(snaps.map((s) => path.basename(s))).toEqual([
      'hello-cdk_1.0_amd64.snap',
      'hello-cdk_1.0_arm64.snap',
      'hello-cdk_1.0_ppc64el.snap',
    ])
    for (const s of snaps) expect(path.dirname(s)).toBe(out)
    expect((await inspectSnap(snaps[2])).architectures).toEqual(['ppc64el'])
  })

  describe('bad inputs and failed builds: one clear error, exit 1, no stack, nothing in output-dir', () => {
    const cases: Array<[string, () => Record<string, string>, RegExp, Record<string, string>?]> = [
      ['a bad mode', () => ({ 'project-dir': project(), mode: 'snap' }), /^mode: 'snap' is not a snapcraft mode; use pack or remote-build/],
      [
        '--build-for in snapcraft-args',
        () => ({ 'project-dir': project(), 'snapcraft-args': '--build-for=s390x' }),
        /^snapcraft-args: drop --build-for; the arch input sets it/,
      ],
      ['a bad arch', () => ({ 'project-dir': project(), arch: 'arm64 vax' }), /^arch: unknown architecture 'vax'/],
      [
        'a missing project-dir',
        () => ({ 'project-dir': '/nonexistent/project' }),
        /^project-dir: '\/nonexistent\/project' is not a directory/,
      ],
      [
        'no snapcraft.yaml',
        () => ({ 'project-dir': tempDir() }),
        /^project-dir: '.*' has no snapcraft project \(snap\/snapcraft.yaml, snapcraft.yaml, .snapcraft.yaml, build-aux\/snap\/snapcraft.yaml\)/,
      ],
      [
        'remote-build without accepting the public upload',
        () => ({ 'project-dir': project({ git: true }), mode: 'remote-build' }),
        /^accept-public-upload: remote-build uploads the project publicly to Launchpad/,
      ],
      [
        'remote-build outside a git repository',
        () => ({ 'project-dir': project(), mode: 'remote-build', 'accept-public-upload': 'true' }),
        /^project-dir: '.*' is not the top of a git repository; snapcraft remote-build uploads the project with git/,
      ],
      [
        'remote-build from a shallow clone',
        () => {
          const dir = project({ git: true })
          writeFileSync(path.join(dir, '.git', 'shallow'), '0'.repeat(40) + '\n')
          return { 'project-dir': dir, mode: 'remote-build', 'accept-public-upload': 'true' }
        },
        /^project-dir: '.*' is a shallow clone, which snapcraft remote-build cannot push; check out with fetch-depth: 0/,
      ],
      [
        'remote-build without credentials',
        () => ({ 'project-dir': project({ git: true }), mode: 'remote-build', 'accept-public-upload': 'true' }),
        /^snapcraft remote-build --build-for=amd64 --launchpad-accept-public-upload failed \(exit 1\): No Launchpad credentials at /,
        { XDG_DATA_HOME: tempDir(), HOME: tempDir() },
      ],
      [
        'snapcraft not installed',
        () => ({ 'project-dir': project() }),
        /^snapcraft is not installed; install it first \(sudo snap install snapcraft --classic/,
        { PATH: path.dirname(process.execPath) },
      ],
      [
        'a build that fails on the second arch',
        () => ({ 'project-dir': project(), arch: 'arm64 s390x' }),
        /^snapcraft pack --build-for=s390x failed \(exit 2\): Failed to run the build script for part 'hello'/,
        { SNAPCRAFT_DOUBLE_FAULT: 'fail@s390x' },
      ],
      [
        'a snap for the wrong arch',
        () => ({ 'project-dir': project(), arch: 'arm64' }),
        /^snapcraft pack --build-for=arm64 wrote hello-cdk_1.0_amd64.snap for amd64, not for arm64; check platforms\/architectures in snapcraft.yaml/,
        { SNAPCRAFT_DOUBLE_FAULT: 'wrong-arch' },
      ],
      [
        'no snap written',
        () => ({ 'project-dir': project(), arch: 'riscv64' }),
        /^snapcraft pack --build-for=riscv64 wrote no .snap into .*hello-cdk; see its output above/,
        { SNAPCRAFT_DOUBLE_FAULT: 'no-output' },
      ],
      [
        'remote-build missing an arch',
        () => ({
          'project-dir': project({ git: true }),
          mode: 'remote-build',
          'accept-public-upload': 'true',
          'launchpad-credentials': SECRET,
          arch: 'arm64 s390x',
        }),
        /^snapcraft remote-build --build-for=arm64,s390x --launchpad-accept-public-upload wrote hello-cdk_1.0_amd64.snap for amd64, not for arm64, s390x/,
        { SNAPCRAFT_DOUBLE_FAULT: 'wrong-arch' },
      ],
    ]
    it.each(cases)('%s', async (_what, inputs, message, env) => {
      const { res, out } = await build(inputs(), env)
      expect(res.exitCode).toBe(1)
      const errors = errorLines(res)
      expect(errors, res.log).toHaveLength(1)
      expect(errors[0].replace(/^::error::/, '')).toMatch(message)
      expect(res.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
      expect(visible(res.log)).not.toContain(SECRET)
      expect(readdirSync(out)).toEqual([])
    })
  })

  it('accepts any spelling of the arch and asks snapcraft in Debian names', async () => {
    const { res, calls } = await build({ 'project-dir': project(), arch: 'linux/arm/v7' })
    expect(res.exitCode, res.log).toBe(0)
    expect(calls[0].argv).toEqual(['pack', '--build-for=armhf'])
    expect((await inspectSnap(JSON.parse(res.outputs.snaps)[0])).architectures).toEqual([parseArch('arm').debian])
  })
})

/**
 * Benchmarks for build-cnitgz (issue 3), measured side by side in one run:
 *   1. the same CNI source built for s390x by native cross-compilation vs by an s390x Go toolchain run under
 *      qemu-user (the "docker run golang" on an emulated runner way), both with a cold Go cache: the ratio.
 *      The emulated toolchain runs through binfmt_misc when it is registered (or can be); otherwise every
 *      Go tool process is started under qemu-s390x-static through `go build -toolexec` and the reason is said.
 *   2. build-cnitgz through its dist bundle for five arches, cold then warm Go cache: the ratio.
 *   3. wall time of that cold five-arch step vs the sum of its per-arch times (what parallel builds save).
 *   4. build-cnitgz for s390x vs a bare loop of `go build` over the same plugins (what build_linux.sh runs), both
 *      from a cold Go cache: the action's overhead (verification, packing, the Go cache save) as a ratio.
 * Source: the Debian source of containernetworking/plugins v1.1.1 (.ci/setup.d/cni-source.sh) when present,
 * else the fixture plugins tree. The emulated toolchain: an s390x Go from Debian (bench/cni-s390x-go.sh);
 * part 1 is skipped, saying why, without it.
 * Run: npx vite-node bench/cni.ts [--plugin bridge] [--skip emulated,debian,fixture,overhead]
 * (part 4 alone: --skip emulated,debian,fixture)
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { goEnv, parseArch } from '../shared/arch.js'
import { repoRoot, runDist, tempDir } from '../test/helpers/runner.js'

const DEBIAN_GOPATH = process.env.CNI_DEBSRC_ROOT
  ? path.join(process.env.CNI_DEBSRC_ROOT, 'gopath')
  : '/var/lib/build-snaps/cni-debsrc/gopath'
const S390X_GOROOT = process.env.BENCH_S390X_GOROOT || '/var/lib/build-snaps/go-s390x/usr/lib/go-1.19'
const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x', 'armhf']
const pluginArg = process.argv.indexOf('--plugin')
const plugin = pluginArg > 0 ? process.argv[pluginArg + 1] : 'bridge'
/** --skip emulated,debian,fixture: leave parts out. */
const skipArg = process.argv.indexOf('--skip')
const skip = skipArg > 0 ? process.argv[skipArg + 1].split(',') : []

interface Source {
  label: string
  /** A fresh copy to build in, and the env that makes `go build ./plugins/main/<p>` work there. */
  fresh(): { dir: string; env: Record<string, string> }
  actionInputs(): Record<string, string>
}

function debianSource(): Source | undefined {
  const src = path.join(DEBIAN_GOPATH, 'src/github.com/containernetworking/plugins')
  if (!existsSync(path.join(src, 'build_linux.sh'))) return undefined
  const fresh = () => {
    const gopath = tempDir('bench-gopath-')
    const dir = path.join(gopath, 'src/github.com/containernetworking/plugins')
    mkdirSync(path.dirname(dir), { recursive: true })
    cpSync(src, dir, { recursive: true })
    return { dir, env: { GO111MODULE: 'off', GOPATH: `${gopath}:/usr/share/gocode` } }
  }
  return {
    label: 'containernetworking/plugins v1.1.1 (Debian source, GOPATH mode)',
    fresh,
    actionInputs: () => {
      const { dir, env } = fresh()
      return {
        source: dir,
        'build-env': Object.entries(env)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
      }
    },
  }
}

function fixtureSource(): Source {
  const fresh = () => {
    const dir = path.join(tempDir('bench-cni-'), 'plugins')
    cpSync(path.join(repoRoot, 'test/fixtures/cni'), dir, { recursive: true })
    return { dir, env: { GOFLAGS: '-mod=vendor' } }
  }
  return { label: 'the fixture plugins tree (test/fixtures/cni)', fresh, actionInputs: () => ({ source: fresh().dir }) }
}

function sh(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8' })
  return { ok: r.status === 0, out: (r.stdout ?? '') + (r.stderr ?? '') + (r.error ? String(r.error) : '') }
}

function timed<T>(fn: () => T): { s: number; value: T } {
  const t0 = performance.now()
  const value = fn()
  return { s: (performance.now() - t0) / 1000, value }
}

/** Set when this run registered qemu-s390x, so it unregisters it at the end and leaves the machine as it was. */
let registeredHere = false

/** binfmt_misc with a qemu-s390x entry: already there, or registered now (needs root and a writable /proc/sys/fs/binfmt_misc). */
function binfmtS390x(): { ok: true } | { ok: false; why: string } {
  const dir = '/proc/sys/fs/binfmt_misc'
  if (!existsSync(path.join(dir, 'register'))) {
    const m = sh('mount', ['-t', 'binfmt_misc', 'binfmt_misc', dir])
    if (!m.ok) return { ok: false, why: `binfmt_misc is not mounted and cannot be (${m.out.trim().split('\n')[0]})` }
  }
  if (existsSync(path.join(dir, 'qemu-s390x'))) return { ok: true }
  const magic = '\\x7fELF\\x02\\x02\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x16'
  const mask = '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff'
  const r = sh('sh', ['-c', `printf '%s' ':qemu-s390x:M::${magic}:${mask}:/usr/bin/qemu-s390x-static:F' > ${dir}/register`])
  registeredHere = r.ok
  return r.ok ? { ok: true } : { ok: false, why: `cannot register qemu-s390x in binfmt_misc (${r.out.trim().split('\n')[0]})` }
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`)
}

const source = debianSource() ?? fixtureSource()
console.log(`# build-cnitgz benchmarks: ${source.label}, plugin '${plugin}' for part 1\n`)

// ---- 1. native cross-compile vs emulated s390x toolchain, cold caches
const s390x = parseArch('s390x')
if (!skip.includes('emulated')) {
  const native = source.fresh()
  const nativeRun = timed(() =>
    sh('go', ['build', '-o', 'bin/' + plugin, `./plugins/main/${plugin}`], {
      cwd: native.dir,
      env: { ...goEnv(s390x), ...native.env, GOCACHE: tempDir('bench-gocache-') },
    }),
  )
  if (!nativeRun.value.ok) throw new Error(`native build failed: ${nativeRun.value.out}`)
  line(`1. ${plugin} for s390x, cross-compiled on amd64 (cold cache)`, `${nativeRun.s.toFixed(1)} s`)
  const goBin = path.join(S390X_GOROOT, 'bin/go')
  if (!existsSync(goBin)) {
    line('   emulated s390x Go toolchain', `skipped: no s390x Go at ${S390X_GOROOT} (run bench/cni-s390x-go.sh as root)`)
  } else {
    const binfmt = binfmtS390x()
    const emu = source.fresh()
    // Without binfmt_misc, the s390x go command starts its s390x compile/link under qemu through -toolexec.
    const via = binfmt.ok ? 'binfmt_misc' : `-toolexec (${binfmt.why})`
    const flags = binfmt.ok ? [] : ['-toolexec', '/usr/bin/qemu-s390x-static']
    const emuRun = timed(() =>
      sh('/usr/bin/qemu-s390x-static', [goBin, 'build', ...flags, '-o', `bin/${plugin}`, `./plugins/main/${plugin}`], {
        cwd: emu.dir,
        env: {
          ...emu.env,
          GOROOT: S390X_GOROOT,
          QEMU_LD_PREFIX: path.resolve(S390X_GOROOT, '../../..'),
          CGO_ENABLED: '0',
          GOCACHE: tempDir('bench-gocache-'),
          GOTOOLCHAIN: 'local',
        },
      }),
    )
    if (!emuRun.value.ok) line('   emulated s390x Go toolchain', `failed: ${emuRun.value.out.trim().split('\n').slice(-2).join(' | ')}`)
    else {
      const same = readFileSync(path.join(emu.dir, 'bin', plugin)).equals(readFileSync(path.join(native.dir, 'bin', plugin)))
      line(`   same build by an s390x Go under qemu, via ${binfmt.ok ? via : '-toolexec'}`, `${emuRun.s.toFixed(1)} s`)
      if (!binfmt.ok) line('   (binfmt_misc unavailable)', binfmt.why)
      line('   ratio emulated / cross-compiled', `${(emuRun.s / nativeRun.s).toFixed(1)}x${same ? ' (identical binaries)' : ''}`)
    }
    if (registeredHere) sh('sh', ['-c', 'echo -1 > /proc/sys/fs/binfmt_misc/qemu-s390x'])
  }
}

// ---- 2 and 3. the action for five arches: cold vs warm cache; wall vs sum of per-arch times
async function actionBench(source: Source): Promise<void> {
  console.log(`\n## build-cnitgz for 5 arches: ${source.label}`)
  const toolCache = tempDir('bench-tc-')
  const perArch = (summary: string) =>
    [...summary.matchAll(/(\w+) ([\d.]+) s/g)].filter((m) => ARCHES.includes(m[1])).reduce((t, m) => t + Number(m[2]), 0)
  const run = async () => {
    const t0 = performance.now()
    const r = await runDist(
      'build-cnitgz',
      { version: 'v1.1.1', arch: ARCHES.join(' '), 'output-dir': tempDir('bench-out-'), ...source.actionInputs() },
      { toolCache },
    )
    if (r.exitCode !== 0)
      throw new Error(
        `build-cnitgz failed: ${r.stdout
          .split('\n')
          .filter((l) => l.startsWith('::error::'))
          .join(' ')}`,
      )
    return { s: (performance.now() - t0) / 1000, sum: perArch(r.summary), sha: r.outputs.sha256 }
  }
  const cold = await run()
  const warm = await run()
  line('2. build-cnitgz, 5 arches, cold Go cache', `${cold.s.toFixed(1)} s`)
  line('   same, warm Go cache (restored per arch)', `${warm.s.toFixed(1)} s`)
  line(
    '   ratio warm / cold',
    `${(warm.s / cold.s).toFixed(2)}${warm.sha === cold.sha ? ' (byte-identical tarballs)' : ' (TARBALLS DIFFER)'}`,
  )
  line('3. cold step: sum of per-arch times', `${cold.sum.toFixed(1)} s`)
  line('   cold step: wall time', `${cold.s.toFixed(1)} s`)
  line('   ratio wall / sum', `${(cold.s / cold.sum).toFixed(2)}`)
  rmSync(toolCache, { recursive: true, force: true })
}

// GOPATH sources build in place one arch at a time; module checkouts build in parallel (a copy per arch).
const debian = debianSource()
if (debian && !skip.includes('debian')) await actionBench(debian)
if (!skip.includes('fixture')) await actionBench(fixtureSource())

// ---- 4. build-cnitgz for s390x vs a bare `go build` loop over the same plugins, cold caches, side by side
/** The plugin directories build_linux.sh builds: plugins/{meta,main,ipam}/* except windows. */
function pluginDirs(dir: string): string[] {
  return ['meta', 'main', 'ipam'].flatMap((group) =>
    readdirSync(path.join(dir, 'plugins', group))
      .filter((p) => p !== 'windows' && statSync(path.join(dir, 'plugins', group, p)).isDirectory())
      .sort()
      .map((p) => `plugins/${group}/${p}`),
  )
}

async function overheadBench(source: Source): Promise<void> {
  console.log(`\n## build-cnitgz for s390x vs a bare go build loop: ${source.label}`)
  const bare = source.fresh()
  const plugins = pluginDirs(bare.dir)
  const gocache = tempDir('bench-gocache-')
  const loop = timed(() => {
    for (const d of plugins) {
      const r = sh('go', ['build', '-o', `bin/${path.basename(d)}`, `./${d}`], {
        cwd: bare.dir,
        env: { ...goEnv(s390x), ...bare.env, GOFLAGS: '-mod=vendor', GOCACHE: gocache },
      })
      if (!r.ok) throw new Error(`go build ./${d} failed: ${r.out}`)
    }
  })
  const toolCache = tempDir('bench-tc-')
  const t0 = performance.now()
  const r = await runDist(
    'build-cnitgz',
    { version: 'v1.1.1', arch: 's390x', 'output-dir': tempDir('bench-out-'), ...source.actionInputs() },
    { toolCache },
  )
  const action = (performance.now() - t0) / 1000
  if (r.exitCode !== 0)
    throw new Error(
      `build-cnitgz failed: ${r.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error::'))
        .join(' ')}`,
    )
  line(`4. bare loop: go build of ${plugins.length} plugins for s390x (cold cache)`, `${loop.s.toFixed(1)} s`)
  line('   build-cnitgz for s390x, same source (cold cache)', `${action.toFixed(1)} s`)
  const phases = r.log.match(/^s390x: build [^\n]*/m)?.[0]
  if (phases) line('   where the action spends it', phases.replace(/^s390x: /, ''))
  line('   ratio build-cnitgz / bare loop', `${(action / loop.s).toFixed(2)}x`)
  rmSync(toolCache, { recursive: true, force: true })
  rmSync(gocache, { recursive: true, force: true })
}

if (!skip.includes('overhead')) await overheadBench(debian ?? fixtureSource())

/**
 * Benchmark of the emulated pack route (docs/emulated-pack.md), side by side in one run, through the dist bundle
 * of charm-build with the charmcraft 2.x TEST DOUBLE (test/doubles/charmcraft2), whose charm plugin builds
 * emu-probe's C-extension dependency from source as the real 2.x plugin does:
 *   native    the double on this amd64 host (RUNNER_ARCH=X64 ImageOS=ubuntu22: a hosted ubuntu-22.04 runner),
 *             packing bases[0] (amd64) with the host's python3 and gcc;
 *   emulated  the same double in a linux/s390x ubuntu:22.04 container under QEMU (binfmt_misc), packing bases[1],
 *             cold (empty pip wheel cache) and warm (the cache the cold run saved: nothing compiles).
 * Prints the wall time of each step and the ratios emulated/native and warm/cold. Needs docker, the s390x
 * stand-in image and qemu-s390x registered with flag F (the same as test/charm-emulated.test.ts).
 * Run: npm run build && npx vite-node bench/charm-emulated.ts [--rounds 1]
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { repoRoot, runDist, tempDir } from '../test/helpers/runner.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const rounds = arg('rounds', 1)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'charms', 'emu-probe')
const DOUBLE = path.join(repoRoot, 'test', 'doubles', 'charmcraft2')

/** The double as `charmcraft` on PATH, for the native pack. */
const bin = path.join(tempDir('bench-cc-'), 'bin')
mkdirSync(bin)
symlinkSync(DOUBLE, path.join(bin, 'charmcraft'))

/** Seconds between two lines of a charmcraft log ("YYYY-MM-DD HH:MM:SS.mmm text"): the first matching from, the first matching to after it. */
function span(log: string, from: RegExp, to: RegExp): number {
  const lines = log.split('\n')
  const at = (l: string) => Date.parse(l.slice(0, 23).replace(' ', 'T') + 'Z')
  const i = lines.findIndex((l) => from.test(l))
  const j = lines.findIndex((l, k) => k > i && to.test(l))
  return i >= 0 && j > i ? (at(lines[j]) - at(lines[i])) / 1000 : NaN
}

/** The pack log of a run (the newest .log in dir): how long the builder's venv and its pip install took. */
function stages(dir: string): { venv: number; pip: number } {
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)[0]
  const log = readFileSync(path.join(dir, newest.f), 'utf8')
  return {
    venv: span(log, /Running external command \['python3', '-m', 'venv'/, /Running external command|TEST DOUBLE/),
    pip: span(log, /Running external command \[.*\/pip', 'install'/, /Successfully installed/),
  }
}

interface Row {
  ms: number
  venv: number
  pip: number
}

async function timed(inputs: Record<string, string>, env: Record<string, string>, toolCache?: string): Promise<Row> {
  // a copy: charmcraft 2.x in destructive mode writes its build/ tree into the project
  const charm = path.join(tempDir('bench-charm-'), 'emu-probe')
  cpSync(FIXTURE, charm, { recursive: true })
  const t = performance.now()
  const run = await runDist('charm-build', { 'charm-path': charm, 'output-dir': tempDir('bench-out-'), ...inputs }, { env, toolCache })
  const ms = performance.now() - t
  if (run.exitCode !== 0) throw new Error(run.log)
  return { ms, ...stages(run.outputs.logs ?? path.join(env.XDG_STATE_HOME, 'charmcraft', 'log')) }
}

const rows: Record<string, Row[]> = { native: [], 'emulated, cold cache': [], 'emulated, warm cache': [] }
for (let r = 0; r < rounds; r++) {
  const state = tempDir('bench-state-')
  rows.native.push(
    await timed(
      { 'bases-index': '0', 'destructive-mode': 'true' },
      { PATH: `${bin}${path.delimiter}${process.env.PATH}`, RUNNER_ARCH: 'X64', ImageOS: 'ubuntu22', XDG_STATE_HOME: state },
    ),
  )
  const cache = tempDir('bench-cache-')
  const emulated = { 'bases-index': '1', 'container-platform': 'linux/s390x', 'charmcraft-path': DOUBLE, 'container-network': 'none' }
  rows['emulated, cold cache'].push(await timed(emulated, {}, cache))
  rows['emulated, warm cache'].push(await timed(emulated, {}, cache))
}

const med = (label: string, k: keyof Row) => median(rows[label].map((x) => x[k]))
console.log(
  `charm-build of emu-probe (charmcraft 2.x double, C-extension dependency), median of ${rounds} round(s), load ${loadavg()[0].toFixed(1)}:`,
)
console.log("  step wall / in the pack: the builder's venv, its pip install (the C extension compiles here)")
for (const label of Object.keys(rows))
  console.log(
    `  ${label.padEnd(22)} ${(med(label, 'ms') / 1000).toFixed(1)} s  /  venv ${med(label, 'venv').toFixed(1)} s, pip install ${med(label, 'pip').toFixed(1)} s`,
  )
const ratio = (a: string, b: string, k: keyof Row) => (med(a, k) / med(b, k)).toFixed(2)
console.log(
  `  emulated (cold) / native: step ${ratio('emulated, cold cache', 'native', 'ms')}x, venv ${ratio('emulated, cold cache', 'native', 'venv')}x, pip install ${ratio('emulated, cold cache', 'native', 'pip')}x`,
)
console.log(
  `  emulated warm / cold:     step ${ratio('emulated, warm cache', 'emulated, cold cache', 'ms')}, pip install ${ratio('emulated, warm cache', 'emulated, cold cache', 'pip')}`,
)

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
import { mkdirSync, symlinkSync } from 'node:fs'
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

async function timed(inputs: Record<string, string>, env: Record<string, string>, toolCache?: string): Promise<number> {
  const t = performance.now()
  const run = await runDist('charm-build', { 'charm-path': FIXTURE, 'output-dir': tempDir('bench-out-'), ...inputs }, { env, toolCache })
  const ms = performance.now() - t
  if (run.exitCode !== 0) throw new Error(run.log)
  return ms
}

const rows: Record<string, number[]> = { native: [], 'emulated, cold cache': [], 'emulated, warm cache': [] }
for (let r = 0; r < rounds; r++) {
  rows.native.push(
    await timed(
      { 'bases-index': '0', 'destructive-mode': 'true' },
      { PATH: `${bin}${path.delimiter}${process.env.PATH}`, RUNNER_ARCH: 'X64', ImageOS: 'ubuntu22' },
    ),
  )
  const cache = tempDir('bench-cache-')
  const emulated = { 'bases-index': '1', 'container-platform': 'linux/s390x', 'charmcraft-path': DOUBLE, 'container-network': 'none' }
  rows['emulated, cold cache'].push(await timed(emulated, {}, cache))
  rows['emulated, warm cache'].push(await timed(emulated, {}, cache))
}

const native = median(rows.native)
const cold = median(rows['emulated, cold cache'])
console.log(`charm-build of emu-probe (charmcraft 2.x double, C-extension dependency), median of ${rounds} round(s):`)
for (const [label, xs] of Object.entries(rows)) console.log(`  ${label.padEnd(22)} ${(median(xs) / 1000).toFixed(1)} s`)
console.log(`  emulated (cold) / native: ${(cold / native).toFixed(1)}x`)
console.log(`  emulated warm / cold:     ${(median(rows['emulated, warm cache']) / cold).toFixed(2)}`)

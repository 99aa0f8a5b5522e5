/**
 * What .ci/setup.d/go-std.sh buys the tests (issue 15): a cross build of the Go stand-in kubectl for s390x with an
 * EMPTY GOCACHE, as every end-to-end test's first build does, side by side in one run:
 *   - with the standard library precompiled in GOROOT/pkg (what go-std.sh leaves), and
 *   - with `-a`, which makes Go 1.19 ignore GOROOT/pkg and compile the standard library again (what every empty
 *     GOCACHE cost before).
 * Same flags as the actions (CGO_ENABLED=0, -trimpath -buildvcs=false); the two binaries must be byte-identical.
 * Prints medians (wall and CPU) and the ratio.
 * Run: npx vite-node bench/go-std.ts   (needs go 1.19 and .ci/setup.d/go-std.sh run; ROUNDS=3 by default)
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { goEnv, parseArch } from '../shared/arch.js'
import { FAKE_K8S_GO } from '../cli/fake-k8s.js'
import { tempDir } from '../test/helpers/runner.js'

const rounds = Number(process.env.ROUNDS || 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const work = tempDir('bs-bench-gostd-')
const src = path.join(work, 'src')
mkdirSync(src)
writeFileSync(path.join(src, 'main.go'), FAKE_K8S_GO)
writeFileSync(path.join(src, 'go.mod'), 'module fakek8s\n\ngo 1.19\n')
const env = { ...process.env, ...goEnv(parseArch('s390x')), GOFLAGS: '-trimpath -buildvcs=false', GO111MODULE: 'on', GOTOOLCHAIN: 'local' }
const runs: Record<string, { wall: number[]; cpu: number[]; out: string }> = {}
for (let i = 0; i < rounds; i++) {
  for (const [name, extra] of [
    ['standard library from GOROOT/pkg', []],
    ['standard library compiled again (-a)', ['-a']],
  ] as const) {
    const cache = path.join(work, `cache-${i}-${extra.length}`)
    const out = path.join(work, `kubectl-${extra.length}`)
    const t = performance.now()
    const r = spawnSync('bash', ['-c', 'TIMEFORMAT=%U+%S; time go build "$@"', 'go', ...extra, '-o', out, '.'], {
      cwd: src,
      env: { ...env, GOCACHE: cache },
      encoding: 'utf8',
    })
    if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`)
    const cpu = r.stderr
      .trim()
      .split('\n')
      .pop()!
      .split('+')
      .reduce((s, x) => s + Number(x), 0)
    const entry = (runs[name] ??= { wall: [], cpu: [], out })
    entry.wall.push(performance.now() - t)
    entry.cpu.push(cpu * 1000)
    rmSync(cache, { recursive: true, force: true })
  }
}
const [a, b] = Object.values(runs)
const same = readFileSync(a.out).equals(readFileSync(b.out))
console.log(`cross build of the stand-in kubectl for s390x with an empty GOCACHE, median of ${rounds}:`)
for (const [name, r] of Object.entries(runs))
  console.log(`  ${name.padEnd(40)} wall ${median(r.wall).toFixed(0)} ms, CPU ${median(r.cpu).toFixed(0)} ms`)
console.log(`  GOROOT/pkg / -a (wall)                   ${(median(a.wall) / median(b.wall)).toFixed(3)}`)
console.log(`  GOROOT/pkg / -a (CPU)                    ${(median(a.cpu) / median(b.cpu)).toFixed(3)}`)
console.log(`  binaries byte-identical                  ${same}`)
if (!same) process.exitCode = 1

/**
 * Benchmark of charm-attach-release (issue 4), side by side in one run, through the dist bundle against the
 * charmcraft TEST DOUBLE (so store latency is not measured: what is measured is our own work and how much a
 * re-run sends): a kubernetes-worker release of 3 CNI tarballs (real tar.gz, `--mb` MB each) + 4 zero-byte
 * snaps, as dry run, first release, re-run (ledger hits), and re-run without the ledger (cache evicted).
 * Prints wall time of each, bytes handed to `upload`/`upload-resource`, and the ratios.
 * Run: npx vite-node bench/charm-release.ts [--mb 20] [--rounds 3]
 */
import { statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { FIXTURES, TOKEN, calls, charmFile, charmcraft, cniTarball, storeDouble, type StoreDouble } from '../test/charm-fixtures.js'
import { runDist, tempDir } from '../test/helpers/runner.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const mb = arg('mb', 20)
const rounds = arg('rounds', 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const work = tempDir('bench-charm-')
const charm = await charmFile('kubernetes-worker', path.join(work, 'kubernetes-worker.charm'))
for (const a of ['amd64', 'arm64', 's390x']) cniTarball(work, a, mb * 1_000_000)
const zb = await runDist('zero-byte-snaps', { charm: path.join(FIXTURES, 'kubernetes-worker'), 'output-dir': path.join(work, 'zero') })
const inputs = {
  charm,
  channel: '1.31/edge',
  arches: 'amd64 arm64 s390x',
  resources: `cni-{arch}=${work}/cni-{arch}.tgz\n${zb.outputs.resources}`,
  credentials: TOKEN,
}

function uploadedBytes(store: StoreDouble, from: number): number {
  let n = 0
  for (const c of calls(store).slice(from)) {
    if (c.argv[0] === 'upload') n += statSync(c.argv.at(-1)!).size
    if (c.argv[0] === 'upload-resource') n += statSync(c.argv[c.argv.indexOf('--filepath') + 1]).size
  }
  return n
}

async function timed(store: StoreDouble, extra: Record<string, string> = {}): Promise<{ ms: number; bytes: number }> {
  const from = calls(store).length
  const t = performance.now()
  const run = await runDist('charm-attach-release', { ...inputs, ...extra }, { env: store.env })
  const ms = performance.now() - t
  if (run.exitCode !== 0) throw new Error(run.log)
  return { ms, bytes: uploadedBytes(store, from) }
}

const rows: Record<string, Array<{ ms: number; bytes: number }>> = {
  'dry run': [],
  'first release': [],
  're-run (ledger)': [],
  're-run (no ledger)': [],
}
for (let r = 0; r < rounds; r++) {
  const store = storeDouble()
  charmcraft(store, 'register', 'kubernetes-worker')
  rows['dry run'].push(await timed(store, { 'dry-run': 'true' }))
  rows['first release'].push(await timed(store))
  rows['re-run (ledger)'].push(await timed(store))
  await rm(store.cache, { recursive: true, force: true })
  rows['re-run (no ledger)'].push(await timed(store))
}

const first = median(rows['first release'].map((x) => x.ms))
console.log(`charm-attach-release, 3 x ${mb} MB CNI tarballs + 4 zero-byte snaps, median of ${rounds} rounds (store = test double):`)
for (const [label, xs] of Object.entries(rows)) {
  const ms = median(xs.map((x) => x.ms))
  const bytes = median(xs.map((x) => x.bytes))
  console.log(
    `  ${label.padEnd(20)} ${(ms / 1000).toFixed(2)} s  (x${(ms / first).toFixed(2)} of first)  uploaded ${(bytes / 1e6).toFixed(1)} MB`,
  )
}

/**
 * Benchmark of the release pipeline (issue 6), measured side by side in one run: the local release.yml
 * pipeline (cli/release.ts) for four architectures, dry run, through the dist bundles against the loopback
 * mirror of cross-compiled stand-ins and the charmcraft test double.
 *
 *   1. the same release twice: both times, and how many artifacts came out byte-identical. The loopback mirror's
 *      port changes per run, so the CNI and flannel tarballs differ (their BUILD_INFO records the download URL),
 *      and download caches keyed by URL do not help the second run: it is a fair repeat;
 *   2. per job: the build jobs run one after another here, in parallel on GitHub (a matrix): the critical path
 *      (plan + the slowest build + charm + summary) against the sequential sum, i.e. what the matrix saves;
 *   3. where the time goes in a build job: snaps vs CNI vs flannel.
 * A first, unmeasured run cross-compiles the stand-ins; each measured run still lays out the mirror tree (tarballs
 * of the stand-ins), shown apart as "mirror + plan + summary".
 *
 * Run: npx vite-node bench/release.ts   (needs dist/ built: npm run build)
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../cli/main.js'
import { RELEASE_DEFAULTS, runLocalRelease, type LocalReleaseResult } from '../cli/release.js'

const ARCHES = 'amd64,arm64,ppc64el,s390x'
const versions = { kube: 'v1.31.2', cni: RELEASE_DEFAULTS['cni-version'], flannel: RELEASE_DEFAULTS['flannel-version'], etcd: RELEASE_DEFAULTS['etcd-version'] }
const cacheHome = mkdtempSync(path.join(tmpdir(), 'bench-release-cache-'))

async function release(label: string): Promise<{ r: LocalReleaseResult; ms: number }> {
  const t0 = performance.now()
  const r = await runLocalRelease({
    versions,
    arches: ARCHES,
    channel: '',
    charm: path.join(repoRoot, 'test/fixtures/release-charm'),
    resources: RELEASE_DEFAULTS.resources,
    dryRun: 'true',
    outDir: mkdtempSync(path.join(tmpdir(), `bench-release-${label}-`)),
    quiet: true,
  })
  const ms = performance.now() - t0
  if (r.exitCode !== 0) throw new Error(`${label} release failed: ${JSON.stringify(r.steps.filter((s) => s.exitCode))}`)
  return { r, ms }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`

process.env.BUILD_SNAPS_CACHE_DIR = cacheHome
await release('prepare') // builds the stand-ins (go build cache); not measured
const cold = await release('first')
const warm = await release('second')
const digests = new Map(warm.r.artifacts.map((a) => [a.file, a.sha256]))
const identical = cold.r.artifacts.filter((a) => digests.get(a.file) === a.sha256).length

const jobMs = (r: LocalReleaseResult, job: string, arch?: string) => sum(r.steps.filter((x) => x.job === job && (!arch || x.arch === arch)).map((x) => x.ms ?? 0))
const arches = ARCHES.split(',')
const builds = arches.map((a) => jobMs(cold.r, 'build', a))
const rest = jobMs(cold.r, 'charm')
console.log(`release pipeline, 4 arches, dry run (${cold.r.artifacts.length} artifacts)`)
console.log(`  first ${s(cold.ms)}   second ${s(warm.ms)}   second/first = ${(warm.ms / cold.ms).toFixed(2)}   byte-identical artifacts: ${identical} of ${cold.r.artifacts.length}`)
console.log(`  build jobs: ${arches.map((a, i) => `${a} ${s(builds[i])}`).join(', ')}`)
console.log(`  charm job ${s(rest)}   mirror + plan + summary ${s(cold.ms - sum(builds) - rest)}`)
const sequential = sum(builds) + rest
const critical = Math.max(...builds) + rest
console.log(`  sequential (this machine) ${s(sequential)}   critical path with the matrix ${s(critical)}   matrix/sequential = ${(critical / sequential).toFixed(2)}`)
for (const step of ['build-k8s-snaps', 'build-cnitgz', 'build-flannel']) {
  const t = sum(cold.r.steps.filter((x) => x.step === step).map((x) => x.ms ?? 0))
  console.log(`  ${step.padEnd(16)} ${s(t)} over 4 arches (${((100 * t) / sum(builds)).toFixed(0)}% of the build jobs)`)
}

/**
 * Benchmark of a whole CDK release (issue 10), measured side by side in one run: the local release.yml pipeline
 * (cli/release.ts) for a description of the seed's kind of set, three charms (kubernetes-master with cdk-addons,
 * kubernetes-worker with cni-{arch}, flannel with flannel-{arch}), four arches, real snaps, through the dist
 * bundles against the loopback mirror of cross-compiled stand-ins and the charmcraft test double. It prints:
 *   1. each artifact's build count per arch (must be 1: kubectl feeds both kubernetes charms, built once);
 *   2. the critical path (plan + slowest build job + slowest charm job + slowest release job + bundle), what the
 *      workflow's matrices give on GitHub, against the sum of all jobs, what this machine ran one after another;
 *   3. a re-run of the finished release with its artifacts (same store, as GitHub's "Re-run jobs"): its time as a
 *      fraction of the first, and how many uploads it made (must be 0).
 * The stand-ins are cross-compiled once, when the mirror is laid out (not measured).
 *
 * Run: npx vite-node bench/release.ts   (needs dist/ built: npm run build)
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type LocalReleaseResult, openMirror, runLocalRelease } from '../cli/release.js'
import { buildCounts } from '../shared/cdk-release.js'
import { parseArch } from '../shared/arch.js'
import { writeCdkFixture } from '../test/cdk-release.fixtures.js'

const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x']
const tmp = (p: string) => mkdtempSync(path.join(tmpdir(), p))
const root = tmp('bench-cdk-')
const { config } = writeCdkFixture(root, ARCHES)
process.env.BUILD_SNAPS_CACHE_DIR = tmp('bench-release-cache-')
const mirror = await openMirror(
  tmp('bench-mirror-'),
  { kube: 'v1.31.2', cni: 'v1.5.1', flannel: 'v0.25.6', etcd: 'v3.5.16' },
  ARCHES.map((a) => parseArch(a)),
)

async function timed(label: string, outDir: string, dryRun: string, resume = false): Promise<{ r: LocalReleaseResult; ms: number }> {
  const t0 = performance.now()
  const r = await runLocalRelease({ config, outDir, dryRun, mirror, quiet: true, resume })
  if (r.exitCode !== 0)
    throw new Error(`${label} failed: ${JSON.stringify(r.errors.length ? r.errors : r.steps.filter((s) => s.exitCode))}`)
  return { r, ms: performance.now() - t0 }
}
const uploads = (dir: string) =>
  readFileSync(path.join(dir, 'store', 'calls.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => /"argv":\["upload(-resource)?"/.test(l)).length

try {
  const out = tmp('bench-release-')
  const first = await timed('first release', out, 'false')
  const uploadsFirst = uploads(out)
  const again = await timed('re-run', out, 'false', true)
  const uploadsAgain = uploads(out) - uploadsFirst

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const r = first.r
  const per = (job: string, key: 'arch' | 'charm') => {
    const m = new Map<string, number>()
    for (const x of r.steps.filter((y) => y.job === job)) m.set(x[key] ?? '', (m.get(x[key] ?? '') ?? 0) + (x.ms ?? 0))
    return [...m.values()]
  }
  const builds = per('build', 'arch')
  const charms = per('charm', 'charm')
  const releases = per('release', 'charm')
  const jobsSum = sum(builds) + sum(charms) + sum(releases)
  const critical = Math.max(...builds) + Math.max(...charms) + Math.max(...releases)
  console.log(`CDK release: ${r.plan!.charms.length} charms x ${ARCHES.length} arches, real snaps (${r.artifacts.length} artifacts)`)
  const counts = buildCounts(r.plan!)
  const stepsPerArch = (action: string) => r.steps.filter((x) => x.job === 'build' && x.step === action).length / ARCHES.length
  console.log(
    `  builds per arch: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ', ',
      )} (build-k8s-snaps ${stepsPerArch('build-k8s-snaps')}x, build-cnitgz ${stepsPerArch('build-cnitgz')}x, build-flannel ${stepsPerArch('build-flannel')}x per arch)`,
  )
  console.log(
    `  shared: ${
      Object.entries(r.plan!.shared)
        .filter(([, c]) => c.length > 1)
        .map(([k, c]) => `${k} -> ${c.join(' + ')}`)
        .join('; ') || 'none'
    }`,
  )
  console.log(`  jobs: build ${builds.map(s).join(' / ')}, charm ${charms.map(s).join(' / ')}, release ${releases.map(s).join(' / ')}`)
  console.log(
    `  sum of jobs (this machine, one after another) ${s(jobsSum)}   critical path with the matrices ${s(critical)}   critical/sum = ${(critical / jobsSum).toFixed(2)}`,
  )
  console.log(
    `  first release ${s(first.ms)} (${uploadsFirst} uploads)   re-run ${s(again.ms)} (${uploadsAgain} uploads)   re-run/first = ${(again.ms / first.ms).toFixed(2)}`,
  )
} finally {
  await mirror.close()
}

/**
 * Benchmark of a whole CDK release (issues 10, 16), measured side by side in one run: the local release.yml
 * pipeline (cli/release/) for today's four charms (examples/cdk-release.yaml: per-arch kubernetes-control-plane
 * and kubernetes-worker, multi-arch etcd and flannel) on amd64, arm64 and s390x (the s390x entries on the
 * self-hosted route, --runners s390x), through the dist bundles against the loopback mirror of cross-compiled
 * stand-ins and the charmcraft test double. It prints:
 *   1. each artifact's build count per arch (must be 1) and the pack jobs per route (one per needed entry);
 *   2. the critical path with per-entry pack jobs: the pack jobs need only the plan, so they run beside the
 *      builds: max(slowest build, slowest pack) + slowest charm job + slowest release job; against the sum of
 *      all jobs (what this machine ran one after another);
 *   3. each route's cost, side by side: the same entry packed by charm-build on a hosted runner in destructive
 *      mode, on the self-hosted route (destructive-mode auto), and in LXD managed mode (what the job costs here;
 *      the double does not launch an instance, so LXD's real launch time is not in it: see docs/benchmarks.md);
 *   4. a re-run of the finished release (--resume): its time as a fraction of the first, uploads (must be 0).
 * The stand-ins are cross-compiled once, when the mirror is laid out (not measured).
 *
 * Run: npx vite-node bench/release.ts   (needs dist/ built: npm run build)
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { type LocalReleaseResult, openMirror, runLocalRelease, runnerEnv } from '../cli/release.js'
import { runActionLocally, repoRoot } from '../cli/local.js'
import { buildCounts } from '../shared/release/plan.js'
import { parseArch } from '../shared/arch.js'

const ARCHES = ['amd64', 'arm64', 's390x']
const tmp = (p: string) => mkdtempSync(path.join(tmpdir(), p))
const root = tmp('bench-cdk-')
cpSync(path.join(repoRoot, 'examples'), root, { recursive: true })
const config = path.join(root, 'cdk-release.yaml')
const v = (parse(readFileSync(config, 'utf8')) as { versions: Record<string, string> }).versions
process.env.BUILD_SNAPS_CACHE_DIR = tmp('bench-release-cache-')
const mirror = await openMirror(
  tmp('bench-mirror-'),
  { kube: v.kubernetes, cni: v.cni, flannel: v.flannel, etcd: v.etcd },
  ARCHES.map((a) => parseArch(a)),
)

async function timed(label: string, outDir: string, dryRun: string, resume = false): Promise<{ r: LocalReleaseResult; ms: number }> {
  const t0 = performance.now()
  const r = await runLocalRelease({ config, outDir, dryRun, mirror, quiet: true, resume, runners: ['s390x'] })
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
  const packs = r.steps.filter((x) => x.job === 'pack').map((x) => x.ms ?? 0)
  const charms = per('charm', 'charm')
  const releases = per('release', 'charm')
  const jobsSum = sum(builds) + sum(packs) + sum(charms) + sum(releases)
  const critical = Math.max(...builds, ...packs) + Math.max(...charms) + Math.max(...releases)
  const serial = Math.max(...builds) + sum(packs) + Math.max(...charms) + Math.max(...releases)
  console.log(
    `CDK release: ${r.plan!.charms.length} charms x ${ARCHES.length} arches, ${r.plan!.packs.length} pack jobs (${r.artifacts.length} artifacts)`,
  )
  const byRoute = new Map<string, number>()
  for (const p of r.plan!.packs)
    byRoute.set(`${p.route} ${JSON.stringify(p['runs-on'])}`, (byRoute.get(`${p.route} ${JSON.stringify(p['runs-on'])}`) ?? 0) + 1)
  console.log(`  pack jobs per route: ${[...byRoute].map(([k, n]) => `${k} x${n}`).join(', ')}`)
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
  console.log(`  pack ${packs.map(s).join(' / ')}`)
  console.log(
    `  sum of jobs (this machine, one after another) ${s(jobsSum)}   critical path with per-entry pack jobs beside the builds ${s(critical)}   critical/sum = ${(critical / jobsSum).toFixed(2)}`,
  )
  console.log(
    `  every entry packed one after another (one job, no per-entry matrix) would be ${s(serial)}: per-entry/one-job = ${(critical / serial).toFixed(2)}`,
  )
  console.log(
    `  first release ${s(first.ms)} (${uploadsFirst} uploads)   re-run ${s(again.ms)} (${uploadsAgain} uploads)   re-run/first = ${(again.ms / first.ms).toFixed(2)}`,
  )
  // 3. Each route's cost: the same entry (the control plane's amd64/s390x entry) packed three times per route.
  const cp = r.plan!.packs.find((p) => p.charm === 'kubernetes-control-plane')!
  const route = async (label: string, runsOn: string | string[], bases: string, destructive: string, lxd: boolean) => {
    const ms: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      const run = await runActionLocally(
        'charm-build',
        {
          'charm-path': cp.path,
          builder: 'charmcraft',
          'bases-index': bases,
          'destructive-mode': destructive,
          'output-dir': tmp('bench-pack-'),
        },
        {
          quiet: true,
          env: {
            PATH: `${path.join(repoRoot, 'test', 'doubles')}${path.delimiter}${process.env.PATH}`,
            CHARMCRAFT_DOUBLE_STATE: tmp('bench-store-'),
            ...runnerEnv(runsOn),
            ...(lxd ? { CHARMCRAFT_DOUBLE_LXD: '1' } : {}),
          },
        },
      )
      if (run.exitCode !== 0) throw new Error(`${label}: charm-build failed`)
      ms.push(performance.now() - t0)
    }
    return `${label} ${s(Math.min(...ms))}`
  }
  console.log(
    `  route cost (best of 3, one entry): ${[
      await route('hosted ubuntu-22.04 destructive', 'ubuntu-22.04', '0', 'true', false),
      await route('self-hosted s390x (auto)', ['self-hosted', 'linux', 's390x'], '2', 'auto', false),
      await route('LXD on ubuntu-24.04', 'ubuntu-24.04', '0', 'false', true),
    ].join('   ')}`,
  )
} finally {
  await mirror.close()
}

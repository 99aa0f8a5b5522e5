/**
 * Benchmark of following upstream (issue 25): `build-snaps follow` through the dist CLI (bin/build-snaps.js), as
 * a scheduled run would use it, for 5 tracks × 8 snaps (the 7 Kubernetes snaps and cdk-addons) × 4 arches,
 * against the loopback upstream of cross-compiled stand-ins (cli/fake-k8s.ts defaultUpstream, layOutUpstream,
 * serveUpstream: markers behind a 302) and the snapcraft TEST DOUBLE at SNAPCRAFT_DOUBLE_LATENCY_MS per store
 * call (default 300 ms). Side by side in one run, on one store:
 *   0. a full build of every track (the store empty): the baseline;
 *   1. nothing new: store calls by command (at most three per snap), uploads (must be 0), seconds;
 *   2. one new patch on one track (its four arches laid out upstream, its marker moved): only that track's
 *      (version, arch) pairs built and uploaded; seconds, and the ratio to the full build.
 * The stand-ins are cross-compiled when the upstream is laid out (not measured).
 * Run: npx vite-node bench/follow.ts [--latency 300]   (needs dist/ built: npm run build)
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { defaultUpstream, layOutUpstream, serveUpstream } from '../cli/fake-k8s.js'
import { repoRoot, tempDir } from '../test/helpers/runner.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const latency = arg('latency', 300)
const CLI = path.join(repoRoot, 'bin', 'build-snaps.js')
const SNAPCRAFT = path.join(repoRoot, 'test', 'doubles', 'snapcraft')
const ARCHES = ['amd64', 'arm64', 's390x', 'ppc64el']
const KUBE_SNAPS = ['kubectl', 'kubelet', 'kube-proxy', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubeadm']
const SNAPS = [...KUBE_SNAPS, 'cdk-addons']
const TRACKS = ['1.36', '1.35', '1.34', '1.33', '1.32']
const LATEST = '1.35'
const RISKS = '[edge, beta, candidate, stable]'

const work = tempDir('bench-follow-')
cpSync(path.join(repoRoot, 'test', 'fixtures', 'cdk-addons'), path.join(work, 'cdk-addons'), { recursive: true })
const config = path.join(work, 'follow.yaml')
writeFileSync(
  config,
  [
    `arches: [${ARCHES.join(', ')}]`,
    `snaps: [${KUBE_SNAPS.join(', ')}]`,
    'cdk-addons: cdk-addons',
    'tracks:',
    ...TRACKS.map((t, i) => `  "${t}": {risks: ${RISKS}${i === 0 ? ', pre-releases: true' : ''}}`),
    `latest: "${LATEST}"`,
    '',
  ].join('\n'),
)

// Upstream: one release per track, every arch (the newest track a release candidate of the next minor).
const upstreamRoot = path.join(work, 'upstream')
const upstream = defaultUpstream({ arches: ARCHES, tracks: TRACKS.map((track, i) => ({ track, preReleases: i === 0 })), latest: LATEST })
await layOutUpstream(upstreamRoot, upstream)
const mirror = await serveUpstream(upstreamRoot)

// The store: a fresh double, one credential, every name registered, every track made.
const state = path.join(work, 'store')
mkdirSync(state, { recursive: true })
const storeEnv = { ...process.env, SNAPCRAFT_DOUBLE_STATE: state }
spawnSync(SNAPCRAFT, ['export-login', path.join(state, 'credentials')], { env: storeEnv })
const credentials = readFileSync(path.join(state, 'credentials'), 'utf8').trim()
for (const s of SNAPS) {
  spawnSync(SNAPCRAFT, ['register', '--yes', s], { env: { ...storeEnv, SNAPCRAFT_STORE_CREDENTIALS: credentials } })
  spawnSync(SNAPCRAFT, ['x-double', 'add-track', s, ...TRACKS], { env: storeEnv })
}
const calls = () =>
  readFileSync(path.join(state, 'calls.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv)
    .filter((argv) => !['export-login', 'register', 'x-double'].includes(argv[0]))

/** The CLI, run as a user runs it; not spawnSync: the loopback upstream answers from this process's event loop. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-200_000)))
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-200_000)))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, output }))
  })
}

/** One follow run: its wall time, the store calls it made by command, and what it uploaded. */
async function follow(label: string) {
  const from = calls().length
  const out = tempDir('bench-follow-out-')
  const t0 = performance.now()
  const r = await runCli(
    ['follow', '--config', config, '--base-url', mirror.url, '--snapcraft', SNAPCRAFT, '--dry-run', 'false', '--output-dir', out],
    {
      ...storeEnv,
      SNAPCRAFT_STORE_CREDENTIALS: credentials,
      SNAPCRAFT_DOUBLE_LATENCY_MS: String(latency),
      BUILD_SNAPS_CACHE_DIR: path.join(work, 'cache'),
    },
  )
  const ms = performance.now() - t0
  writeFileSync(path.join(work, `${label.replace(/\W+/g, '-')}.log`), r.output)
  if (r.status !== 0) throw new Error(`${label}: follow exited ${r.status}\n${r.output.slice(-6000)}`)
  const made = calls().slice(from)
  const byCommand: Record<string, number> = {}
  for (const argv of made) byCommand[argv[0]] = (byCommand[argv[0]] ?? 0) + 1
  const uploads = made
    .filter((argv) => argv[0] === 'upload')
    .map((argv) => path.basename(argv.find((a) => a.endsWith('.snap')) ?? ''))
    .map((f) => f.replace(/\.snap$/, '').split('_'))
  const pairs = [...new Set(uploads.map(([, v, a]) => `${v} ${a}`))].sort()
  return { ms, byCommand, total: made.length, uploads: uploads.length, pairs }
}

try {
  const full = await follow('full build of every track')
  const quiet = await follow('nothing new')
  // One new patch on one track: upstream lays out its four arches (and only those), and its marker moves.
  const track = '1.34'
  const old = upstream.releases.find((r) => r.version.startsWith(`v${track}.`))!.version
  const patch = old.replace(/\.(\d+)$/, (_, n: string) => `.${Number(n) + 1}`)
  const built = await layOutUpstream(upstreamRoot, {
    releases: [...upstream.releases, { version: patch, arches: ARCHES }],
    markers: { ...upstream.markers, [`stable-${track}`]: patch, [`latest-${track}`]: patch },
  })
  const one = await follow(`one new patch (${patch})`)

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(
    `follow: ${TRACKS.length} tracks x ${SNAPS.length} snaps x ${ARCHES.length} arches; store latency ${latency} ms per call (the snapcraft double); upstream ${mirror.url}`,
  )
  console.log(
    `0. full build of every track : ${s(full.ms)}  ${full.pairs.length} (version, arch) pairs, ${full.uploads} uploads, store calls ${full.total} ${JSON.stringify(full.byCommand)}`,
  )
  console.log(
    `1. nothing new               : ${s(quiet.ms)}  ${quiet.uploads} uploads, store calls ${quiet.total} (${(quiet.total / SNAPS.length).toFixed(2)} per snap) ${JSON.stringify(quiet.byCommand)}`,
  )
  console.log(
    `2. one new patch, ${patch}  : ${s(one.ms)}  upstream laid out ${built.built.length} new pairs; built and uploaded ${one.pairs.join(', ')} (${one.uploads} uploads), store calls ${one.total} ${JSON.stringify(one.byCommand)}`,
  )
  console.log(
    `ratios: one new patch / full build ${(one.ms / full.ms).toFixed(2)}, nothing new / full build ${(quiet.ms / full.ms).toFixed(2)}`,
  )
  const expected = ARCHES.map((a) => `${patch.replace(/^v/, '')} ${a}`).sort()
  if (quiet.uploads !== 0) console.log(`WARNING: the run with nothing new uploaded ${quiet.uploads} snaps`)
  if (JSON.stringify(one.pairs) !== JSON.stringify(expected))
    console.log(`WARNING: one new patch built ${one.pairs.join(', ')}, not only ${expected.join(', ')}`)
} finally {
  await mirror.close()
}

/**
 * Following upstream end to end (issue 25), through the dist CLI (`node bin/build-snaps.js follow ...`) the way
 * follow.yml's jobs run the same code: real markers and real cross-compiled stand-in binaries served by a real
 * web server on loopback in the dl.k8s.io layout (cli/fake-k8s.ts layOutUpstream/serveUpstream: markers behind a
 * 302), real snaps built by the build-k8s-snaps bundle, and the snapcraft TEST DOUBLE seeded with what a store
 * held before through its own commands (export-login, register, upload --release of older versions packed with
 * `snap pack`). Every store call is read back from the double's calls log. Two snaps, two arches.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { HTML_MARKER, layOutUpstream, NO_SUCH_KEY_MARKER, serveUpstream, type Upstream } from '../cli/fake-k8s.js'
import type { Mirror } from '../cli/mirror.js'
import { parseStatus, type StatusRow } from '../shared/snap-store/snapcraft.js'
import { repoRoot, runDist, tempDir } from './helpers/runner.js'

const CLI = path.join(repoRoot, 'bin', 'build-snaps.js')
const SNAPCRAFT = path.join(repoRoot, 'test', 'doubles', 'snapcraft')
const SNAPS = ['kubectl', 'kubelet']
const ARCHES = ['amd64', 's390x']
const RISKS = ['stable', 'candidate', 'beta', 'edge']

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** The dist CLI, asynchronously (the loopback upstream is served from this process). */
function follow(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const full: Record<string, string | undefined> = {
    ...process.env,
    SOURCE_DATE_EPOCH: '1700000000',
    BUILD_SNAPS_STORE_BACKOFF_MS: '10',
    BUILD_SNAPS_HTTP_BACKOFF_MS: '10',
    ...env,
  }
  for (const [k, v] of Object.entries(full)) if (v === undefined) delete full[k]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'follow', ...args], { env: full as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 400_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}

/** A follow workspace: follow.yaml, the upstream tree and its server, the double's store under out/snap-store. */
class Workspace {
  readonly root = tempDir('bs-follow-')
  readonly up = path.join(this.root, 'upstream')
  readonly out = path.join(this.root, 'out')
  readonly config = path.join(this.root, 'follow.yaml')
  readonly state = path.join(this.out, 'snap-store')
  mirror?: Mirror
  credentials = ''

  constructor(yaml: string) {
    writeFileSync(this.config, yaml)
  }

  async upstream(u: Upstream): Promise<void> {
    await layOutUpstream(this.up, u, undefined, SNAPS)
    this.mirror ??= await serveUpstream(this.up)
  }

  /** The store before: the credential (kept where the local run looks for it), the names, the tracks. */
  store(tracks: string[]): void {
    mkdirSync(this.state, { recursive: true })
    const env: NodeJS.ProcessEnv = { ...process.env, SNAPCRAFT_DOUBLE_STATE: this.state }
    delete env.SNAPCRAFT_STORE_CREDENTIALS
    execFileSync(SNAPCRAFT, ['export-login', path.join(this.state, 'credentials')], { env, stdio: 'ignore' })
    this.credentials = readFileSync(path.join(this.state, 'credentials'), 'utf8').trim()
    for (const s of SNAPS) {
      this.snapcraft(['register', '--yes', s])
      execFileSync(SNAPCRAFT, ['x-double', 'add-track', s, ...tracks], { env, stdio: 'ignore' })
    }
  }

  snapcraft(args: string[]): string {
    return execFileSync(SNAPCRAFT, args, {
      env: { ...process.env, SNAPCRAFT_DOUBLE_STATE: this.state, SNAPCRAFT_STORE_CREDENTIALS: this.credentials },
      encoding: 'utf8',
    })
  }

  /** Upload an older (snap, arch, version) to channels, as a store that held it before. */
  seed(version: string, channels: string[], snaps = SNAPS, arches = ARCHES): void {
    for (const snap of snaps)
      for (const arch of arches) {
        const src = path.join(this.root, 'seed', `${snap}-${version}-${arch}`)
        mkdirSync(path.join(src, 'meta'), { recursive: true })
        writeFileSync(
          path.join(src, 'meta', 'snap.yaml'),
          `name: ${snap}\nversion: ${version}\nsummary: seed\ndescription: seed\narchitectures: [${arch}]\nconfinement: classic\ngrade: stable\n`,
        )
        writeFileSync(path.join(src, 'payload'), `${snap} ${version} ${arch}\n`)
        const file = path.join(this.root, 'seed', `${snap}_${version}_${arch}.snap`)
        execFileSync('snap', ['pack', src, path.dirname(file), '--filename', path.basename(file)], { stdio: 'ignore' })
        this.snapcraft(['upload', file, '--release', channels.join(',')])
      }
  }

  /** What the store holds: snap → the status rows. */
  status(): Record<string, StatusRow[]> {
    return Object.fromEntries(SNAPS.map((s) => [s, parseStatus(this.snapcraft(['status', s]))]))
  }

  /** The double's calls log, one argv per store call, from line `from` on. */
  calls(from = 0): string[][] {
    const file = path.join(this.state, 'calls.jsonl')
    if (!existsSync(file)) return []
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(from)
      .map((l) => (JSON.parse(l) as { argv: string[] }).argv)
  }

  run(env: Record<string, string | undefined> = {}): Promise<Run> {
    return follow(['--config', this.config, '--base-url', this.mirror!.url, '--output-dir', this.out], env)
  }
}

/** (snap, arch, channel) → 'version rN' or '-'. */
function held(status: Record<string, StatusRow[]>, snap: string, arch: string, channel: string): string {
  const r = status[snap].find((x) => x.arch === arch && x.channel === channel)
  return r?.revision !== undefined ? `${r.version} r${r.revision}` : '-'
}
const versionIn = (status: Record<string, StatusRow[]>, snap: string, arch: string, channel: string) =>
  held(status, snap, arch, channel).split(' ')[0]

const uploads = (calls: string[][]) => calls.filter((c) => c[0] === 'upload').map((c) => path.basename(c[1]))
const releases = (calls: string[][]) => calls.filter((c) => c[0] === 'release')
const perSnap = (calls: string[][]) =>
  Object.fromEntries(
    SNAPS.map((s) => [s, calls.filter((c) => c.includes(s) || c.some((a) => path.basename(a).startsWith(`${s}_`))).length]),
  )

const workspaces: Workspace[] = []
afterAll(async () => {
  for (const w of workspaces) await w.mirror?.close()
})

describe('three tracks, two behind', () => {
  const w = new Workspace(`arches: [amd64, s390x]
snaps: [kubectl, kubelet]
tracks:
  "1.35": {risks: [edge, beta, candidate, stable]}
  "1.34": {risks: [edge, beta, candidate, stable]}
  "1.33": {risks: [edge, beta, candidate, stable]}
latest: "1.34"
`)
  workspaces.push(w)
  let first: Run
  let before: Record<string, StatusRow[]>
  let after: Record<string, StatusRow[]>
  let callsBefore = 0

  beforeAll(async () => {
    await w.upstream({
      releases: [
        { version: 'v1.35.1', arches: ARCHES },
        { version: 'v1.34.3', arches: ARCHES },
        { version: 'v1.33.5', arches: ARCHES },
      ],
      markers: { 'stable-1.35': 'v1.35.1\n', 'stable-1.34': 'v1.34.3\n', 'stable-1.33': 'v1.33.5\n' },
    })
    w.store(['1.33', '1.34', '1.35'])
    // 1.33 is up to date, but for kubectl amd64 whose edge holds a newer build than the marker names.
    w.seed(
      '1.33.5',
      RISKS.map((r) => `1.33/${r}`),
    )
    w.seed('1.33.6', ['1.33/edge'], ['kubectl'], ['amd64'])
    // 1.34 is a patch behind everywhere; latest/* holds what 1.34 held.
    w.seed('1.34.2', [...RISKS.map((r) => `1.34/${r}`), ...RISKS.map((r) => `latest/${r}`)])
    // 1.35's edge and beta already hold 1.35.1 (a revision the store has); candidate and stable lag.
    w.seed('1.35.0', ['1.35/candidate', '1.35/stable'])
    w.seed('1.35.1', ['1.35/edge', '1.35/beta'])
    before = w.status()
    callsBefore = w.calls().length
    first = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
    after = w.status()
  }, 600_000)

  test('exactly the missing (snap, arch, risk) are filled: 1.34 built and uploaded, 1.35 released from its revision, 1.33 left', () => {
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.stdout + first.stderr).not.toContain(w.credentials)
    const run = w.calls(callsBefore)
    // Only 1.34.3 was built and uploaded, once per (snap, arch), with --release to its four risks.
    expect(uploads(run).sort()).toEqual([
      'kubectl_1.34.3_amd64.snap',
      'kubectl_1.34.3_s390x.snap',
      'kubelet_1.34.3_amd64.snap',
      'kubelet_1.34.3_s390x.snap',
    ])
    for (const c of run.filter((x) => x[0] === 'upload'))
      expect(c.slice(2)).toEqual(['--release', '1.34/stable,1.34/candidate,1.34/beta,1.34/edge'])
    for (const snap of SNAPS)
      for (const arch of ARCHES) {
        for (const r of RISKS) expect(versionIn(after, snap, arch, `1.34/${r}`), `${snap} ${arch} 1.34/${r}`).toBe('1.34.3')
        // 1.35: candidate and stable now hold the very revision edge holds; edge and beta untouched.
        for (const r of RISKS) expect(held(after, snap, arch, `1.35/${r}`)).toBe(held(before, snap, arch, '1.35/edge'))
        // 1.33 untouched, the newer edge build included (nothing goes backwards).
        for (const r of RISKS) expect(held(after, snap, arch, `1.33/${r}`)).toBe(held(before, snap, arch, `1.33/${r}`))
      }
    expect(versionIn(after, 'kubectl', 'amd64', '1.33/edge')).toBe('1.33.6')
    // 1.35's releases: one per (snap, arch), of the revision edge holds, to candidate and stable only.
    const r135 = releases(run).filter((c) => c[3].startsWith('1.35/'))
    expect(r135).toHaveLength(4)
    for (const c of r135) expect(c[3]).toBe('1.35/stable,1.35/candidate')
    expect(first.stdout).toMatch(
      /\| 1\.33 \| kubectl \| amd64 \| v1\.33\.5 \|.*up to date \(edge holds 1\.33\.6, newer than 1\.33\.5: left alone\) \|/,
    )
    expect(first.stdout).toMatch(
      /\| 1\.34 \| kubelet \| s390x \| v1\.34\.3 \| 1\.34\.2 \(r\d+\) .*\| built\+released r\d+ to 1\.34\/stable, 1\.34\/candidate, 1\.34\/beta, 1\.34\/edge \|/,
    )
    expect(first.stdout).toMatch(
      /\| 1\.35 \| kubectl \| amd64 \| v1\.35\.1 \| 1\.35\.0 \(r\d+\) .*\| released r\d+ to 1\.35\/stable, 1\.35\/candidate \|/,
    )
  })

  test('latest/* follows the named track, revision for revision', () => {
    for (const snap of SNAPS)
      for (const arch of ARCHES)
        for (const r of RISKS) {
          expect(held(after, snap, arch, `latest/${r}`)).toBe(held(after, snap, arch, `1.34/${r}`))
          expect(held(after, snap, arch, `latest/${r}`)).not.toBe(held(before, snap, arch, `latest/${r}`))
        }
    const latest = releases(w.calls(callsBefore)).filter((c) => c[3].startsWith('latest/'))
    expect(latest).toHaveLength(4) // one per (snap, arch): its revision to the four latest risks
    expect(first.stdout).toContain('latest/* follows 1.34: kubectl amd64 r')
  })

  test('a re-run does nothing: no build, no upload, no release, at most three store calls per snap', async () => {
    const from = w.calls().length
    const again = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
    expect(again.code, again.stderr).toBe(0)
    const calls = w.calls(from)
    expect(uploads(calls)).toEqual([])
    expect(releases(calls)).toEqual([])
    for (const [snap, n] of Object.entries(perSnap(calls))) {
      expect(n, snap).toBeGreaterThan(0)
      expect(n, snap).toBeLessThanOrEqual(3)
    }
    expect(again.stdout).not.toMatch(/build-k8s-snaps|▶▶ build/)
    expect(again.stdout).toContain('latest/* follows 1.34: it already holds the same revisions.')
    expect(w.status()).toEqual(after)
  }, 600_000)
})

describe('a release candidate, an arch not upstream yet, a garbage marker', () => {
  const w = new Workspace(`arches: [amd64, s390x]
snaps: [kubectl, kubelet]
tracks:
  "1.36": {risks: [edge, beta, candidate, stable], pre-releases: true}
  "1.35": {risks: [edge, beta, candidate, stable]}
  "1.32": {risks: [edge, beta, candidate, stable]}
`)
  workspaces.push(w)
  let first: Run
  let status: Record<string, StatusRow[]>

  beforeAll(async () => {
    await w.upstream({
      // v1.35.2's s390x binaries are not up yet (CDN lag).
      releases: [
        { version: 'v1.36.0-rc.1', arches: ARCHES },
        { version: 'v1.35.2', arches: ['amd64'] },
      ],
      markers: {
        'latest-1.36': 'v1.36.0-rc.1\n',
        'stable-1.36': NO_SUCH_KEY_MARKER,
        'stable-1.35': 'v1.35.2\n',
        'stable-1.32': HTML_MARKER,
      },
    })
    w.store(['1.32', '1.35', '1.36'])
    w.seed(
      '1.32.9',
      RISKS.map((r) => `1.32/${r}`),
    )
    first = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
    status = w.status()
  }, 600_000)

  test('the release candidate of the next minor lands in edge and beta only', () => {
    expect(first.code, first.stdout + first.stderr).toBe(0) // a wait is not a failure
    for (const snap of SNAPS)
      for (const arch of ARCHES) {
        expect(versionIn(status, snap, arch, '1.36/edge')).toBe('1.36.0-rc.1')
        expect(versionIn(status, snap, arch, '1.36/beta')).toBe('1.36.0-rc.1')
        expect(held(status, snap, arch, '1.36/candidate')).toBe('-')
        expect(held(status, snap, arch, '1.36/stable')).toBe('-')
      }
    expect(first.stdout).toContain('stable, candidate: v1.36.0-rc.1 is a pre-release, which never goes there')
  })

  test('the arch whose binaries are missing waits, named; the other arch goes out', () => {
    for (const snap of SNAPS) {
      for (const r of RISKS) expect(versionIn(status, snap, 'amd64', `1.35/${r}`)).toBe('1.35.2')
      for (const r of RISKS) expect(held(status, snap, 's390x', `1.35/${r}`)).toBe('-')
    }
    expect(first.stdout).toMatch(
      /\| 1\.35 \| kubectl \| s390x \| v1\.35\.2 \|.*\| waits: upstream has no s390x kubectl of v1\.35\.2 yet \(HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/release\/v1\.35\.2\/bin\/linux\/s390x\/kubectl\.sha256\); a later run takes it \|/,
    )
  })

  test('the garbage marker skips its track, one line; the others are done', () => {
    for (const snap of SNAPS)
      for (const arch of ARCHES) for (const r of RISKS) expect(versionIn(status, snap, arch, `1.32/${r}`)).toBe('1.32.9')
    expect(first.stdout).toMatch(
      /\| 1\.32 \| kubectl \| amd64 \| - \|.*\| skipped: stable-1\.32\.txt is not a version \('<!DOCTYPE html> <html><head>/,
    )
    expect(uploads(w.calls()).filter((f) => f.includes('1.32'))).toEqual(SNAPS.flatMap((s) => ARCHES.map((a) => `${s}_1.32.9_${a}.snap`)))
  })

  test('once the arch appears upstream, only that arch is uploaded', async () => {
    await w.upstream({ releases: [{ version: 'v1.35.2', arches: ARCHES }], markers: {} })
    const from = w.calls().length
    const again = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(uploads(w.calls(from)).sort()).toEqual(['kubectl_1.35.2_s390x.snap', 'kubelet_1.35.2_s390x.snap'])
    expect(releases(w.calls(from))).toEqual([])
    const now = w.status()
    for (const snap of SNAPS) for (const r of RISKS) expect(versionIn(now, snap, 's390x', `1.35/${r}`)).toBe('1.35.2')
  }, 600_000)
})

test('cdk-addons follows each track: built for its version from the cdk-addons directory, to its risks', async () => {
  const w = new Workspace('')
  workspaces.push(w)
  cpSync(path.join(repoRoot, 'examples', 'cdk-addons'), path.join(w.root, 'addons'), { recursive: true })
  writeFileSync(
    w.config,
    'arches: [amd64, s390x]\nsnaps: [kubectl]\ncdk-addons: addons\ntracks:\n  "1.35": {risks: [edge, beta, candidate]}\n',
  )
  await w.upstream({ releases: [{ version: 'v1.35.4', arches: ARCHES }], markers: { 'stable-1.35': 'v1.35.4' } })
  w.store(['1.35'])
  const r = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  expect(
    uploads(w.calls())
      .filter((f) => f.startsWith('cdk-addons'))
      .sort(),
  ).toEqual(['cdk-addons_1.35.4_amd64.snap', 'cdk-addons_1.35.4_s390x.snap'])
  const rows = parseStatus(w.snapcraft(['status', 'cdk-addons']))
  for (const arch of ARCHES)
    for (const c of ['1.35/edge', '1.35/beta', '1.35/candidate'])
      expect(rows.find((x) => x.arch === arch && x.channel === c)?.version, `${arch} ${c}`).toBe('1.35.4')
  expect(rows.find((x) => x.arch === 'amd64' && x.channel === '1.35/stable')?.revision).toBeUndefined()
}, 600_000)

test("follow.yml's jobs step by step: plan (GITHUB_OUTPUT), one build per matrix row through the bundle, publish, summary", async () => {
  const w = new Workspace('arches: [amd64, s390x]\nsnaps: [kubectl, kubelet]\ntracks:\n  "1.35": {risks: [edge, stable]}\nlatest: "1.35"\n')
  workspaces.push(w)
  await w.upstream({ releases: [{ version: 'v1.35.5', arches: ARCHES }], markers: { 'stable-1.35': 'v1.35.5' } })
  w.store(['1.35'])
  const env = { SNAPCRAFT_STORE_CREDENTIALS: w.credentials, SNAPCRAFT_DOUBLE_STATE: w.state }
  const outputFile = path.join(w.root, 'github_output')
  writeFileSync(outputFile, '')
  const planFile = path.join(w.root, 'follow-plan', 'plan.json')
  const plan = await follow(['plan', '--config', w.config, '--base-url', w.mirror!.url, '--snapcraft', SNAPCRAFT, '--output', planFile], {
    ...env,
    GITHUB_OUTPUT: outputFile,
  })
  expect(plan.code, plan.stderr).toBe(0)
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  )
  expect(outputs).toMatchObject({ count: '2', publish: 'true', 'dry-run': 'false', 'cdk-addons': '' })
  const rows = JSON.parse(outputs.matrix).include as Array<Record<string, string>>
  for (const row of rows) {
    const b = await runDist('build-k8s-snaps', {
      'kube-version': row.version,
      components: row.components,
      arch: row.arch,
      'base-url': w.mirror!.url,
      'output-dir': path.join(w.root, 'artifacts', row.artifact),
    })
    expect(b.exitCode, b.log).toBe(0)
  }
  const results = path.join(w.root, 'results', 'follow.json')
  const pub = await follow(
    ['publish', '--plan', planFile, '--dir', path.join(w.root, 'artifacts'), '--snapcraft', SNAPCRAFT, '--output', results],
    env,
  )
  expect(pub.code, pub.stdout + pub.stderr).toBe(0)
  expect(
    uploads(w.calls())
      .filter((f) => f.includes('1.35.5'))
      .sort(),
  ).toEqual(['kubectl_1.35.5_amd64.snap', 'kubectl_1.35.5_s390x.snap', 'kubelet_1.35.5_amd64.snap', 'kubelet_1.35.5_s390x.snap'])
  const summary = await follow(['summary', '--plan', planFile, '--results', results, '--builds', 'success'])
  expect(summary.code, summary.stderr).toBe(0)
  expect(summary.stdout).toMatch(
    /\| 1\.35 \| kubelet \| s390x \| v1\.35\.5 \| - \| - \| built\+released r\d+ to 1\.35\/stable, 1\.35\/edge \|/,
  )
  const now = w.status()
  for (const snap of SNAPS) for (const arch of ARCHES) expect(held(now, snap, arch, 'latest/edge')).toBe(held(now, snap, arch, '1.35/edge'))
  // The publish job never ran: the summary fails, saying so.
  const lost = await follow(['summary', '--plan', planFile, '--results', path.join(w.root, 'none.json'), '--builds', 'success'])
  expect(lost.code).toBe(1)
  expect(lost.stdout).toContain('the publish job left no record')
}, 600_000)

describe('failures', () => {
  test('no credential with --snapcraft and not a dry run: one line, exit 1, nothing built', async () => {
    const root = tempDir('bs-follow-nocred-')
    const config = path.join(root, 'follow.yaml')
    writeFileSync(config, 'arches: [amd64]\nsnaps: [kubectl]\ntracks:\n  "1.35": {risks: [edge, stable]}\nlatest: "1.35"\n')
    const r = await follow(
      ['--config', config, '--snapcraft', SNAPCRAFT, '--base-url', 'http://127.0.0.1:9', '--output-dir', path.join(root, 'out')],
      {
        SNAPCRAFT_STORE_CREDENTIALS: undefined,
      },
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Error: SNAPCRAFT_STORE_CREDENTIALS is not set; .*snapcraft export-login --snaps kubectl --channels 1\.35\/stable,1\.35\/edge,latest\/stable,latest\/edge .*or run with --dry-run true$/,
    )
    expect(existsSync(path.join(root, 'out'))).toBe(false)
  })

  test('a publish record that is not one: one line naming --results, exit 1', async () => {
    const root = tempDir('bs-follow-results-')
    const planFile = path.join(root, 'plan.json')
    writeFileSync(planFile, JSON.stringify({ cells: [], builds: [], dryRun: false, snaps: [], status: {}, latest: '' }))
    for (const [name, text] of [
      ['bad.json', '{"cells": ['],
      ['nocells.json', '{"cells": 3, "latest": [], "problems": []}'],
    ]) {
      writeFileSync(path.join(root, name), text)
      const r = await follow(['summary', '--plan', planFile, '--results', path.join(root, name), '--builds', 'success'])
      expect(r.code, r.stderr).toBe(1)
      expect(r.stderr.trim().split('\n')).toEqual([
        `Error: --results: ${path.join(root, name)} is not a follow publish record; give the file the publish job wrote (follow publish --output), or none`,
      ])
    }
  })

  test('an --output-dir that cannot be one: one line naming it, exit 1, before any store or server', async () => {
    const root = tempDir('bs-follow-outdir-')
    const config = path.join(root, 'follow.yaml')
    writeFileSync(config, 'arches: [amd64]\nsnaps: [kubectl]\ntracks:\n  "1.35": {risks: [edge]}\n')
    for (const dir of ['/etc/passwd/x', '/proc/x']) {
      const r = await follow(['--config', config, '--base-url', 'http://127.0.0.1:9', '--output-dir', dir, '--dry-run', 'true'])
      expect(r.code, r.stdout + r.stderr).toBe(1)
      const lines = r.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^Error: --output-dir: .*\/(etc\/passwd|proc)/)
    }
    // node's recursive mkdir loops for ever under /proc: the plan's --output is checked first too
    const r = await follow([
      'plan',
      '--config',
      config,
      '--base-url',
      'http://127.0.0.1:9',
      '--output',
      '/proc/x/plan.json',
      '--dry-run',
      'true',
    ])
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^Error: --output: .*\/proc/)
  })

  test('a bad follow.yaml: one line per bad field, all at once, exit 1, nothing read', async () => {
    const root = tempDir('bs-follow-bad-')
    const config = path.join(root, 'follow.yaml')
    writeFileSync(
      config,
      'arches: [amd64, sparc]\nsnaps: [kubectl, kube-dns]\ntracks:\n  "1.35": {risks: [edge, nightly]}\n  "v1.34": {risks: [edge]}\nlatest: 1.35\nchannel: 1.35/edge\n',
    )
    const r = await follow(['--config', config, '--base-url', 'http://127.0.0.1:9', '--output-dir', path.join(root, 'out')])
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines.every((l) => l.startsWith('Error: follow.yaml: '))).toBe(true)
    for (const field of ['arches.1', 'snaps.1', 'tracks.1.35.risks.1', 'tracks.v1.34', 'latest', 'channel'])
      expect(
        lines.some((l) => l.startsWith(`Error: follow.yaml: ${field}:`)),
        `${field} in\n${r.stderr}`,
      ).toBe(true)
    // Every line names its fix: none ends on an empty one.
    expect(lines.filter((l) => /;\s*$/.test(l))).toEqual([])
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(root, 'out', 'snap-store'))).toBe(false)
  })

  test('a dry run reads upstream and the store, builds, uploads and releases nothing', async () => {
    const w = new Workspace('arches: [amd64]\nsnaps: [kubectl]\ntracks:\n  "1.35": {risks: [edge, stable]}\n')
    workspaces.push(w)
    await w.upstream({ releases: [{ version: 'v1.35.7', arches: ['amd64'] }], markers: { 'stable-1.35': 'v1.35.7' } })
    w.store(['1.35'])
    const from = w.calls().length
    const r = await follow(['--config', w.config, '--base-url', w.mirror!.url, '--output-dir', w.out, '--dry-run', 'true'])
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(w.calls(from).map((c) => c[0])).toEqual(['status'])
    expect(r.stdout).toMatch(/\| 1\.35 \| kubectl \| amd64 \| v1\.35\.7 \| - \| - \| would build\+release to 1\.35\/stable, 1\.35\/edge \|/)
    expect(existsSync(path.join(w.out, 'artifacts'))).toBe(false)
  })

  test('a failed upload mid-run, then a re-run: nothing is uploaded twice', async () => {
    const w = new Workspace(`arches: [amd64, s390x]
snaps: [kubectl, kubelet]
tracks:
  "1.35": {risks: [edge, stable]}
`)
    workspaces.push(w)
    await w.upstream({ releases: [{ version: 'v1.35.3', arches: ARCHES }], markers: { 'stable-1.35': 'v1.35.3' } })
    w.store(['1.35'])
    // The second upload fails (the store keeps answering 500), once; one attempt per call.
    const failed = await w.run({
      SNAPCRAFT_STORE_CREDENTIALS: undefined,
      SNAPCRAFT_DOUBLE_FAIL: 'upload:500:1:1',
      BUILD_SNAPS_STORE_ATTEMPTS: '1',
    })
    expect(failed.code, failed.stdout + failed.stderr).toBe(1)
    expect(failed.stdout).toMatch(/\| failed: .*Maximum retries exceeded trying to reach the store/)
    const firstUploads = uploads(w.calls())
    expect(firstUploads).toHaveLength(4)
    const from = w.calls().length
    const again = await w.run({ SNAPCRAFT_STORE_CREDENTIALS: undefined })
    expect(again.code, again.stdout + again.stderr).toBe(0)
    // Only the one that failed goes up again, and each (snap, arch) has one revision of 1.35.3 in the store.
    expect(uploads(w.calls(from))).toHaveLength(1)
    const revisions = SNAPS.flatMap((s) =>
      w
        .snapcraft(['revisions', s])
        .split('\n')
        .filter((l) => /1\.35\.3/.test(l)),
    )
    expect(revisions).toHaveLength(4)
    const status = w.status()
    for (const snap of SNAPS)
      for (const arch of ARCHES) for (const c of ['1.35/edge', '1.35/stable']) expect(versionIn(status, snap, arch, c)).toBe('1.35.3')
  }, 600_000)
})

/**
 * A whole CDK release end to end, locally: cli/release.ts runs release.yml's (and promote.yml's) jobs in the
 * workflow's order, through the dist bundles, against a loopback mirror of stand-in upstream binaries
 * (cross-compiled with go for real) and the charmcraft TEST DOUBLE, for a description of three charms on two
 * arches (charmcraft charms that pack one .charm per arch). One store across the sequence: dry run → first
 * release of never-released charms → a re-run that uploads nothing → promotion edge → beta; then a store that
 * records the wrong arch (verify catches it), and five bad descriptions refused before any build or store call.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { parseOutputFile } from '../cli/main.js'
import { type LocalReleaseResult, openMirror, planFromConfig, runLocalRelease } from '../cli/release.js'
import { type CdkPlan, planOutputs } from '../shared/release/plan.js'
import { parseArch } from '../shared/arch.js'
import type { Mirror } from '../cli/mirror.js'
import { evaluateExpression, type RawDescription, writeCdkFixture } from './cdk-release.fixtures.js'
import { repoRoot, tempDir } from './helpers/runner.js'

type Step = { id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string> }
type Job = { steps: Step[]; if?: string }
const release = parse(readFileSync(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as { jobs: Record<string, Job> }
const ARCHES = ['amd64', 's390x']
const CHARMS = ['kubernetes-master', 'kubernetes-worker', 'flannel']

/** The steps release.yml runs for this plan, each `if:` evaluated by GitHub's evaluator: `job [matrix]: action`. */
function workflowSteps(plan: CdkPlan, dryRun: boolean): string[] {
  const outputs = planOutputs(plan, dryRun)
  const out: string[] = []
  const jobs: Array<[string, string[], (m: string) => Record<string, unknown>]> = [
    ['plan', [''], () => ({})],
    // Each build job's matrix row: the arch and what it builds (plan.matrix, the plan job's `matrix` output).
    ['build', plan.matrix.map((r) => r.arch), (arch) => ({ ...plan.matrix.find((r) => r.arch === arch) })],
    ['pack', plan.packs.map((p) => `${p.charm} ${p.entry}`), (v) => ({ ...plan.packs.find((p) => `${p.charm} ${p.entry}` === v) })],
    ['charm', plan.charms.map((c) => c.charm), (c) => ({ ...plan.charms.find((x) => x.charm === c) })],
    ...(dryRun
      ? []
      : ([
          ['release', plan.charms.map((c) => c.charm), (c: string) => ({ ...plan.charms.find((x) => x.charm === c) })],
          ['bundle', [''], () => ({})],
        ] as Array<[string, string[], (m: string) => Record<string, unknown>]>)),
    ['summary', [''], () => ({})],
  ]
  for (const [job, values, matrix] of jobs) {
    for (const v of values) {
      for (const s of release.jobs[job].steps) {
        const name = s.uses?.startsWith('./.build-snaps')
          ? s.uses === './.build-snaps'
            ? 'build-k8s-snaps'
            : path.basename(s.uses)
          : s.run?.match(/build-snaps\.js release (plan|checksums|bundle|summarize)/)?.[1]
        if (!name) continue
        if (s.if && !evaluateExpression(s.if, { needs: { plan: { outputs } }, matrix: matrix(v), vars: {} })) continue
        out.push(`${job}${v ? ` ${v}` : ''}: ${name === 'summarize' ? 'summarize' : name}`)
      }
    }
  }
  return out
}
const localSteps = (r: LocalReleaseResult) =>
  r.steps.map(
    (s) =>
      `${s.job}${[s.arch, s.charm, s.entry]
        .filter(Boolean)
        .map((v) => ` ${v}`)
        .join('')}: ${s.step}`,
  )

type State = {
  charms: Record<string, { revisions: { revision: number }[]; resources: Record<string, { revisions: { revision: number }[] }> }>
}
function storeState(dir: string): State {
  const f = path.join(dir, 'state.json')
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : { charms: {} }
}
/** The charmcraft double's calls so far (one JSON line each). */
function calls(dir: string): { argv: string[] }[] {
  const f = path.join(dir, 'calls.jsonl')
  return existsSync(f)
    ? readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : []
}
/** `charmcraft status CHARM --format json` from the double: "<base-channel>/<arch>" → revision and resources, per channel. */
function channelMap(
  storeDir: string,
  charm: string,
): Record<string, Record<string, { revision: number; resources: Record<string, number> }>> {
  const text = execFileSync(path.join(repoRoot, 'test/doubles/charmcraft'), ['status', charm, '--format', 'json'], {
    env: { ...process.env, CHARMCRAFT_DOUBLE_STATE: storeDir, CHARMCRAFT_DOUBLE_TOKEN: '', CHARMCRAFT_AUTH: 'test-reader' },
    encoding: 'utf8',
  })
  const doc = JSON.parse(text) as
    | {
        mappings: {
          base: { channel: string; architecture: string } | null
          releases: { status: string; channel: string; revision: number | null; resources: { name: string; revision: number }[] | null }[]
        }[]
      }[]
    | Record<string, never>
  const out: Record<string, Record<string, { revision: number; resources: Record<string, number> }>> = {}
  for (const track of Array.isArray(doc) ? doc : []) {
    for (const m of track.mappings) {
      for (const r of m.releases) {
        if (r.status !== 'open' || r.revision === null) continue
        ;(out[r.channel] ??= {})[`${m.base?.channel}/${m.base?.architecture}`] = {
          revision: r.revision,
          resources: Object.fromEntries((r.resources ?? []).map((x) => [x.name, x.revision])),
        }
      }
    }
  }
  return out
}

let mirror: Mirror
beforeAll(async () => {
  mirror = await openMirror(
    tempDir('bs-mirror-'),
    { kube: 'v1.31.2', cni: 'v1.5.1', flannel: 'v0.25.6', etcd: 'v3.5.16' },
    ARCHES.map((a) => parseArch(a)),
  )
}, 120_000)
afterAll(() => mirror?.close())

describe('one CDK release, from dry run to promotion, against one store', () => {
  const root = tempDir('bs-cdk-')
  const { config } = writeCdkFixture(root, ARCHES)
  const out = tempDir('bs-release-')
  const storeDir = path.join(out, 'store')
  let dry: LocalReleaseResult
  let first: LocalReleaseResult
  let again: LocalReleaseResult
  let promoted: LocalReleaseResult
  // What the store and the bundles held after each run (the runs share the store and the output folder).
  let afterDry: { state: State; calls: number }
  let callsOfAgain: string[] = []
  let bundlesOfFirst: Record<string, string> = {}
  let mapsOfFirst: Record<string, ReturnType<typeof channelMap>> = {}
  beforeAll(async () => {
    dry = await runLocalRelease({ config, outDir: out, dryRun: 'true', mirror, quiet: true, runners: ['s390x'] })
    afterDry = { state: storeState(storeDir), calls: calls(storeDir).length }
    first = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true, runners: ['s390x'] })
    bundlesOfFirst = Object.fromEntries(first.bundles.map((b) => [path.basename(b), readFileSync(b, 'utf8')]))
    mapsOfFirst = Object.fromEntries(CHARMS.map((c) => [c, channelMap(storeDir, c)]))
    const before = calls(storeDir).length
    again = await runLocalRelease({ config, outDir: out, dryRun: 'false', mirror, quiet: true, resume: true, runners: ['s390x'] })
    callsOfAgain = calls(storeDir)
      .slice(before)
      .map((c) => c.argv[0])
    promoted = await runLocalRelease({ config, outDir: out, dryRun: 'false', promote: '1.31/edge', channel: '1.31/beta', quiet: true })
  }, 600_000)

  test("the dry run runs release.yml's steps in its order: every artifact once per arch, every charm planned, nothing in the store", async () => {
    expect(dry.exitCode, JSON.stringify(dry.steps.filter((s) => s.exitCode))).toBe(0)
    expect(localSteps(dry)).toEqual(workflowSteps(dry.plan!, true))
    for (const a of ARCHES) {
      const built = dry.steps.filter((s) => s.job === 'build' && s.arch === a).map((s) => s.step)
      expect(built).toEqual(['build-k8s-snaps', 'build-cdk-addons-snap', 'build-cnitgz', 'build-flannel'])
      const files = readdirSync(path.join(out, 'artifacts', `release-${a}`))
        .filter((f) => /\.(snap|tgz|tar\.gz)$/.test(f))
        .sort()
      expect(files).toEqual([
        `cdk-addons_1.31.2_${a}.snap`,
        `cni-${a}.tgz`,
        `flannel-${a}.tar.gz`,
        `kube-apiserver_1.31.2_${a}.snap`,
        `kubectl_1.31.2_${a}.snap`,
        `kubelet_1.31.2_${a}.snap`,
      ])
    }
    // Each entry packed on its runner: amd64 on the hosted ubuntu-22.04 (X64), s390x on the self-hosted one (S390X).
    expect(dry.steps.filter((s) => s.job === 'pack').map((s) => [s.charm, s.entry, s.runner?.RUNNER_ARCH, s.runner?.ImageOS])).toEqual(
      CHARMS.flatMap((c) => [
        [c, 'bases[0]', 'X64', 'ubuntu22'],
        [c, 'bases[1]', 'S390X', 'ubuntu22'],
      ]),
    )
    expect(afterDry.state.charms).toEqual({})
    expect(afterDry.calls).toBe(0)
  })

  test('the first release of never-released charms: one revision per arch each, released and verified, resources uploaded once', () => {
    expect(first.exitCode, JSON.stringify(first.steps.filter((s) => s.exitCode))).toBe(0)
    expect(localSteps(first)).toEqual(workflowSteps(first.plan!, false))
    const state = storeState(storeDir)
    expect(Object.keys(state.charms).sort()).toEqual([...CHARMS].sort())
    for (const c of CHARMS) expect(state.charms[c].revisions, c).toHaveLength(2)
    // kubectl is one per-arch resource of each kubernetes charm: one upload per arch, not per charm file.
    for (const c of ['kubernetes-master', 'kubernetes-worker']) expect(state.charms[c].resources.kubectl.revisions, c).toHaveLength(2)
    expect(state.charms['kubernetes-worker'].resources.core.revisions).toHaveLength(1)
    for (const r of first.released) expect(Object.keys(r.bases).sort(), r.charm).toEqual(['22.04/amd64', '22.04/s390x'])
  })

  test('the pinned bundles, parsed back, match the channel map the store holds', () => {
    expect(first.bundles.map((b) => path.basename(b))).toEqual(['bundle-amd64.yaml', 'bundle-s390x.yaml'])
    for (const [file, text] of Object.entries(bundlesOfFirst)) {
      const arch = file.match(/bundle-(.+)\.yaml/)![1]
      const b = parse(text) as {
        'default-base': string
        applications: Record<
          string,
          { charm: string; channel: string; revision: number; resources: Record<string, number>; constraints: string }
        >
      }
      expect(b['default-base']).toBe('ubuntu@22.04')
      expect(Object.keys(b.applications).sort()).toEqual([...CHARMS].sort())
      for (const app of Object.values(b.applications)) {
        const map = mapsOfFirst[app.charm]['1.31/edge'][`22.04/${arch}`]
        expect({ revision: app.revision, resources: app.resources }).toEqual(map)
        expect(app.constraints).toBe(`arch=${arch}`)
        expect(app.channel).toBe('1.31/edge')
      }
    }
  })

  test("the summary is one table: charm x base/arch → revision, each resource → revision, size, sha256; each pack entry's route", () => {
    const charmRows = first.summary.split('\n').filter((l) => /^\| (kubernetes-master|kubernetes-worker|flannel) \|/.test(l))
    // One row per pack job (two entries of each charm), naming its route: hosted amd64, the s390x runner.
    const packs = charmRows.filter((l) => /^\| [a-z-]+ \| bases\[/.test(l))
    expect(packs).toEqual(
      CHARMS.flatMap((c) => [
        `| ${c} | bases[0] | ubuntu 22.04 amd64 | hosted \`ubuntu-22.04\`, destructive mode |`,
        `| ${c} | bases[1] | ubuntu 22.04 s390x | self-hosted \`self-hosted, linux, s390x\` |`,
      ]),
    )
    const rows = charmRows.filter((l) => !packs.includes(l))
    // master 3 resources, worker 3 + cni-amd64 + cni-s390x, flannel 2, each on 2 bases.
    expect(rows).toHaveLength(2 * (3 + 5 + 2))
    const kubectl = rows.find((l) => l.startsWith('| kubernetes-worker | 22.04/s390x |') && l.includes('| kubectl |'))!
    const sha = execFileSync('sha256sum', [path.join(out, 'artifacts/release-s390x/kubectl_1.31.2_s390x.snap')], {
      encoding: 'utf8',
    }).split(' ')[0]
    expect(kubectl).toContain(`\`${sha}\``)
    expect(rows.find((l) => l.includes('| core |'))).toContain('| 0 B |')
    // cni-s390x rides on the amd64 revision too: its row shows the s390x tarball.
    const cni = execFileSync('sha256sum', [path.join(out, 'artifacts/release-s390x/cni-s390x.tgz')], { encoding: 'utf8' }).split(' ')[0]
    expect(rows.find((l) => l.startsWith('| kubernetes-worker | 22.04/amd64 |') && l.includes('| cni-s390x |'))).toContain(`\`${cni}\``)
  })

  test('a re-run of the finished release (its artifacts kept, as GitHub\'s "Re-run jobs") uploads nothing and releases nothing', () => {
    expect(again.exitCode, JSON.stringify(again.steps.filter((s) => s.exitCode))).toBe(0)
    expect(localSteps(again)).toEqual([
      'plan: plan',
      ...CHARMS.map((c) => `release ${c}: charm-attach-release`),
      'bundle: bundle',
      'summary: summarize',
    ])
    const state = storeState(storeDir)
    for (const c of CHARMS) expect(state.charms[c].revisions, c).toHaveLength(2)
    for (const c of CHARMS)
      for (const [n, r] of Object.entries(state.charms[c].resources)) expect(r.revisions.length, `${c} ${n}`).toBeLessThanOrEqual(2)
    expect(callsOfAgain.filter((c) => c === 'upload' || c === 'upload-resource' || c === 'release')).toEqual([])
    expect(callsOfAgain).toContain('status') // it did read the store: plan and verify
    expect(again.released).toEqual(first.released)
  })

  test('promotion edge → beta: every charm, every base, the exact revisions and resource revisions; nothing built or uploaded', () => {
    expect(promoted.exitCode, JSON.stringify(promoted.steps.filter((s) => s.exitCode))).toBe(0)
    expect(localSteps(promoted)).toEqual(
      [...CHARMS.map((c) => `promote ${c}: charm-attach-release`), 'plan: plan', 'bundle: bundle', 'summary: summarize'].sort(
        (a, b) => order(a) - order(b),
      ),
    )
    for (const c of CHARMS) {
      const map = channelMapOf(c)
      expect(map['1.31/beta'], c).toEqual(map['1.31/edge'])
    }
    expect(promoted.released.map((r) => r.channel)).toEqual(['1.31/beta', '1.31/beta', '1.31/beta'])
    expect(promoted.bundles.map((b) => path.basename(b))).toEqual(['bundle-amd64.yaml', 'bundle-s390x.yaml'])
    expect(existsSync(path.join(out, 'artifacts', 'release-amd64'))).toBe(true) // left from the release: promotion builds nothing
    expect(promoted.steps.some((s) => s.job === 'build' || s.job === 'charm')).toBe(false)
  })

  test("release.yml's record, bundle and summary scripts, run as written on the downloaded-artifact layout, agree with the local run", () => {
    const ws = tempDir('bs-ws-')
    symlinkSync(repoRoot, path.join(ws, '.build-snaps'))
    symlinkSync(config, path.join(ws, 'cdk-release.yaml'))
    symlinkSync(path.join(root, 'charms'), path.join(ws, 'charms'))
    const artifacts = path.join(ws, 'artifacts')
    execFileSync('cp', ['-r', path.join(out, 'artifacts'), artifacts])
    const script = (job: string, mode: string) => release.jobs[job].steps.find((s) => s.run?.includes(`release ${mode}`))!
    const runScript = (job: string, mode: string, env: Record<string, string>, cwd = ws) => {
      const step = script(job, mode)
      const res = spawnSync('bash', ['-e', '-c', step.run!], {
        cwd,
        env: { ...process.env, GITHUB_STEP_SUMMARY: path.join(ws, `summary-${job}`), ...env },
        encoding: 'utf8',
      })
      expect(res.status, `${job}: ${res.stderr}`).toBe(0)
      return res
    }
    for (const c of CHARMS) {
      // Each release job records in its own workspace; download-artifact puts result-<charm> under artifacts/.
      const jobWs = path.join(artifacts, `result-${c}`, '..', `job-${c}`)
      execFileSync('mkdir', ['-p', jobWs])
      symlinkSync(repoRoot, path.join(jobWs, '.build-snaps'))
      const o = first.outputs[c]
      runScript(
        'release',
        'record',
        { CHARM: c, CHANNEL: o.channel, REVISIONS: o.revisions, RESOURCE_REVISIONS: o['resource-revisions'] },
        jobWs,
      )
      execFileSync('mkdir', ['-p', path.join(artifacts, `result-${c}`)])
      execFileSync('cp', [path.join(jobWs, 'results', `${c}.json`), path.join(artifacts, `result-${c}`)])
      execFileSync('rm', ['-rf', jobWs])
    }
    execFileSync('mkdir', ['-p', path.join(ws, 'results')])
    for (const c of CHARMS) execFileSync('cp', [path.join(artifacts, `result-${c}`, `${c}.json`), path.join(ws, 'results')])
    runScript('bundle', 'bundle', { CONFIG: 'cdk-release.yaml' })
    for (const [file, text] of Object.entries(bundlesOfFirst)) expect(readFileSync(path.join(ws, 'bundle', file), 'utf8'), file).toBe(text)
    const res = runScript('summary', 'summarize', {
      CONFIG: 'cdk-release.yaml',
      KUBE_VERSION: 'v1.31.2',
      CHANNEL: '1.31/edge',
      DRY_RUN: 'false',
      RESULTS: 'success success success success',
      PACKS: planOutputs(first.plan!, false).packs,
    })
    const rows = (t: string) => t.split('\n').filter((l) => /^\| (kubernetes-master|kubernetes-worker|flannel) \|/.test(l))
    expect(rows(res.stdout)).toEqual(rows(first.summary))
    // 20 release rows, and one per pack job naming its route.
    expect(rows(res.stdout)).toHaveLength(20 + first.plan!.packs.length)
    expect(rows(res.stdout)).toContain('| flannel | bases[1] | ubuntu 22.04 s390x | self-hosted `self-hosted, linux, s390x` |')
  })

  const order = (s: string) => ['plan', 'promote', 'bundle', 'summary'].indexOf(s.split(/[ :]/)[0])
  const channelMapOf = (charm: string) => channelMap(storeDir, charm)
})

describe('verify', () => {
  test('a store that records every revision as amd64 (charmcraft #1783, #1853): the release fails with expected vs found', async () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => {
      d.snaps = 'placeholder'
      d.charms = { flannel: d.charms.flannel }
    })
    const r = await runLocalRelease({
      config,
      outDir: tempDir('bs-release-'),
      dryRun: 'false',
      mirror,
      quiet: true,
      runners: ['s390x'],
      env: { CHARMCRAFT_DOUBLE_MISRECORD: 'arch' },
    })
    expect(r.exitCode).toBe(1)
    expect(r.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.job} ${s.charm}: ${s.step}`)).toEqual([
      'release flannel: charm-attach-release',
    ])
    expect(r.bundles).toEqual([])
    expect(r.summary).toContain('Not released.')
  }, 300_000)
})

describe('five bad descriptions: one clear line each, before any build or store call', () => {
  test.each<[string, (d: RawDescription) => void, string]>([
    [
      'an unknown artifact',
      (d) => (d.charms.flannel.resources['flannel-{arch}'] = 'flannel-tarball'),
      "cdk-release.yaml: charms.flannel.resources.flannel-{arch}: 'flannel-tarball' is not valid; map it to snap:<",
    ],
    [
      'a resource the charm does not declare',
      (d) => (d.charms.flannel.resources.etcdctl = 'file:cdk-release.yaml'),
      "cdk-release.yaml: charms.flannel.resources.etcdctl: charm flannel declares no resource 'etcdctl'; its resources are flannel-amd64, flannel-s390x",
    ],
    [
      'a declared resource left unmapped',
      (d) => delete d.charms['kubernetes-master'].resources['cdk-addons'],
      'cdk-release.yaml: charms.kubernetes-master.resources: charm kubernetes-master declares cdk-addons but the description maps no artifact to it; map each to an artifact, placeholder or keep',
    ],
    ['a bad channel', (d) => (d.channel = 'edge/1.31'), "cdk-release.yaml: channel: 'edge/1.31' has risk '1.31'; use track/risk[/branch]"],
    [
      'snaps neither real nor placeholder',
      (d) => (d.snaps = 'zero'),
      "cdk-release.yaml: snaps: 'zero' is not one of real, placeholder; use real",
    ],
  ])('%s', async (_, edit, line) => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, edit)
    const out = tempDir('bs-release-')
    const r = await runLocalRelease({ config, outDir: out, dryRun: 'false', quiet: true, runners: ['s390x'] })
    expect(r.exitCode).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].startsWith(line), r.errors[0]).toBe(true)
    expect(r.steps).toEqual([{ job: 'plan', step: 'plan', exitCode: 1 }])
    expect(existsSync(path.join(out, 'artifacts'))).toBe(false)
    expect(existsSync(path.join(out, 'store'))).toBe(false)
  })

  test('the CLI prints the line as an error and exits 1', () => {
    const root = tempDir('bs-cdk-')
    const { config } = writeCdkFixture(root, ARCHES, (d) => (d.arches = ['amd64', 'mips']))
    const res = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/build-snaps.js'), 'release', '--config', config, '--output-dir', tempDir('bs-release-')],
      { encoding: 'utf8' },
    )
    expect(res.status).toBe(1)
    expect(res.stderr.trim()).toBe(
      "Error: cdk-release.yaml: arches.1: 'mips' is not one of amd64, arm64, armhf, ppc64el, s390x, riscv64; use a Debian architecture name: amd64, arm64, armhf, ppc64el, s390x or riscv64",
    )
  })
})

describe('the plan job, as release.yml writes it', () => {
  /** A runner-like workspace for release.yml's plan step: the suite at .build-snaps, an empty GITHUB_OUTPUT. */
  const planWorkspace = (ws: string) => {
    symlinkSync(repoRoot, path.join(ws, '.build-snaps'))
    const outputFile = path.join(ws, 'github_output')
    writeFileSync(outputFile, '')
    const script = release.jobs.plan.steps.find((s) => s.id === 'plan')!.run!
    const base = { ...process.env, GITHUB_OUTPUT: outputFile, CONFIG: 'cdk-release.yaml', CHANNEL: '' }
    return {
      outputFile,
      run: (env: Record<string, string>) =>
        spawnSync('bash', ['-e', '-c', script], { cwd: ws, env: { ...base, ...env }, encoding: 'utf8' }),
    }
  }

  test('its run: script, run with bash in a runner-like workspace, writes the outputs the matrices read', async () => {
    const ws = tempDir('bs-ws-')
    const { config } = writeCdkFixture(ws, ARCHES)
    const { outputFile, run } = planWorkspace(ws)
    const res = run({ GITHUB_STEP_SUMMARY: path.join(ws, 'summary'), DRY_RUN: 'false', S390X_RUNNER: 'yes', PPC64EL_RUNNER: '' })
    expect(res.status, res.stderr).toBe(0)
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    const { plan } = await planFromConfig({
      config,
      root: ws,
      artifacts: path.join(ws, 'artifacts'),
      routes: { selfHosted: { s390x: true } },
    })
    expect(outputs).toEqual(planOutputs(plan, false))
    expect(JSON.parse(outputs.charms).include[0]['charm-files']).toBe('artifacts/charm-kubernetes-master/charms/*.charm')
    expect(readFileSync(path.join(ws, 'summary'), 'utf8')).toContain(
      '| `snap:kubectl` | 2 (once per arch) | kubernetes-master, kubernetes-worker |',
    )
  })

  test('s390x entries, emulate: false and no S390X_RUNNER, or a caller of another owner: the plan job fails with one ::error:: line per charm', () => {
    const ws = tempDir('bs-ws-')
    writeCdkFixture(ws, ARCHES, (d) => {
      d.charms = { flannel: d.charms.flannel }
      d.emulate = false
    })
    const { outputFile, run } = planWorkspace(ws)
    const onRunner = { GITHUB_ACTIONS: 'true', DRY_RUN: 'true' }
    const none = run({ ...onRunner, S390X_RUNNER: '' })
    expect(none.status).toBe(1)
    expect(none.stderr.trim().split('\n')).toEqual([
      '::error::flannel: bases[1] builds on ubuntu 22.04 s390x, and no configured route packs it; set the repository variable S390X_RUNNER (a self-hosted runner labelled self-hosted, linux, s390x), or remove emulate: false, or drop its arch from arches',
    ])
    const other = run({ ...onRunner, S390X_RUNNER: 'yes', CALLER_OWNER: 'acme', SUITE_REPOSITORY: 'cdk/build-snaps' })
    expect(other.status).toBe(1)
    // Two lines: the s390x build job and flannel's s390x pack job would both wait for a runner GitHub never gives.
    expect(other.stderr.trim().split('\n')).toHaveLength(2)
    expect(other.stderr).toContain(
      '::error::build (s390x): S390X_RUNNER sends the s390x build job to a self-hosted runner, which cannot serve a call from acme',
    )
    expect(other.stderr).toContain(
      '::error::flannel: bases[1] builds on ubuntu 22.04 s390x: the self-hosted route (S390X_RUNNER) cannot serve a call from acme',
    )
    expect(readFileSync(outputFile, 'utf8')).toBe('')
  })

  test('a bad description fails the plan job with one ::error:: line per field and no outputs', () => {
    const ws = tempDir('bs-ws-')
    writeCdkFixture(ws, ARCHES, (d) => {
      d.snaps = 'zero'
      d.channel = '1.31/bogus'
    })
    const { outputFile, run } = planWorkspace(ws)
    const res = run({ GITHUB_ACTIONS: 'true', DRY_RUN: 'true' })
    expect(res.status).toBe(1)
    // The schema pass stops before the charms are read: the bad switch is reported; the channel after it is fixed.
    expect(res.stderr.trim().split('\n')).toEqual([
      "::error::cdk-release.yaml: snaps: 'zero' is not one of real, placeholder; use real (attach the built snaps, for network-restricted sites) or placeholder (zero-byte files: the charm installs from the store)",
    ])
    expect(readFileSync(outputFile, 'utf8')).toBe('')
  })
})

/**
 * The release pipeline end to end, locally: cli/release.ts runs release.yml's jobs and steps, in release.yml's
 * order, through the dist bundles, against a loopback mirror of stand-in upstream binaries (cross-compiled with
 * go for real) and the charmcraft TEST DOUBLE. Then the two `run:` scripts of release.yml (plan, summary) are
 * executed as written, with bash, in a workspace laid out as on a runner.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { parseOutputFile } from '../cli/main.js'
import { type LocalReleaseResult, planOutputs, planRelease, RELEASE_DEFAULTS, runLocalRelease } from '../cli/release.js'
import { parseArch } from '../shared/arch.js'
import { readTarGz } from '../shared/archive.js'
import { parseElfHeader } from '../shared/elf.js'
import { repoRoot, tempDir } from './helpers/runner.js'

type Step = { uses?: string; run?: string; env?: Record<string, string> }
const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> }
const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x']
const VERSIONS = { kube: 'v1.31.2', cni: RELEASE_DEFAULTS['cni-version'], flannel: RELEASE_DEFAULTS['flannel-version'], etcd: RELEASE_DEFAULTS['etcd-version'] }
const charm = path.join(repoRoot, 'test/fixtures/release-charm')
const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

/** release.yml's steps that do work, per job: the action of each uses: ./.build-snaps..., and the CLI mode of each run:. */
function workflowSteps(dryRun: boolean, arches: string[]): string[] {
  const out: string[] = []
  for (const [job, def] of Object.entries(workflow.jobs)) {
    if (job === 'release' && dryRun) continue
    const names = def.steps.flatMap((s) => {
      if (s.uses?.startsWith('./.build-snaps')) return [s.uses === './.build-snaps' ? 'build-k8s-snaps' : path.basename(s.uses)]
      const mode = s.run?.match(/build-snaps\.js release (\w+)/)?.[1]
      return mode ? [mode] : []
    })
    for (const arch of job === 'build' ? arches : [undefined]) out.push(...names.map((n) => `${job}${arch ? ` ${arch}` : ''}: ${n}`))
  }
  return out
}
const localSteps = (r: LocalReleaseResult) => r.steps.map((s) => `${s.job}${s.arch ? ` ${s.arch}` : ''}: ${s.step}`)

function storeState(dir: string): { charms: Record<string, { revisions: { revision: number }[]; resources: Record<string, { revisions: { revision: number }[] }>; channels: Record<string, { revision: number; resources: Record<string, number> }> }> } {
  const f = path.join(dir, 'state.json')
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : { charms: {} }
}

describe('a dry-run release for four architectures', () => {
  let r: LocalReleaseResult
  let out: string
  beforeAll(async () => {
    out = tempDir('bs-release-')
    r = await runLocalRelease({ versions: VERSIONS, arches: ARCHES.join(','), channel: '', charm, resources: RELEASE_DEFAULTS.resources, dryRun: 'true', outDir: out, quiet: true })
  })

  test('succeeds, running release.yml\'s steps in release.yml\'s order (no release job on a dry run)', () => {
    expect(r.exitCode, JSON.stringify(r.steps)).toBe(0)
    expect(localSteps(r)).toEqual(workflowSteps(true, ARCHES))
    expect(r.steps.every((s) => s.exitCode === 0)).toBe(true)
    expect(r.plan?.channel).toBe('1.31/edge')
  })

  test.each(ARCHES)('%s: seven snaps, the CNI and flannel tarballs, and a SHA256SUMS that checks out', (archName) => {
    const dir = path.join(out, 'artifacts', `release-${archName}`)
    const files = readdirSync(dir).sort()
    const snaps = files.filter((f) => f.endsWith('.snap'))
    expect(snaps).toHaveLength(7)
    for (const s of snaps) expect(s).toMatch(new RegExp(`_1\\.31\\.2_${archName}\\.snap$`))
    expect(files).toContain(`cni-${archName}.tgz`)
    expect(files).toContain(`flannel-${archName}.tar.gz`)
    execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir })
    const sums = readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')
    for (const f of [...snaps, `cni-${archName}.tgz`, `flannel-${archName}.tar.gz`]) expect(sums).toContain(`  ${f}\n`)
  })

  test.each(ARCHES)('%s: the tarballs hold binaries of that architecture (ELF header read back)', async (archName) => {
    const arch = parseArch(archName)
    const dir = path.join(out, 'artifacts', `release-${archName}`)
    const cni = await readTarGz(path.join(dir, `cni-${archName}.tgz`))
    const flannel = await readTarGz(path.join(dir, `flannel-${archName}.tar.gz`))
    const names = (es: { name: string }[]) => es.map((e) => e.name.replace(/^\.\//, ''))
    expect(names(cni)).toEqual(expect.arrayContaining(['bridge', 'host-local', 'BUILD_INFO']))
    expect(names(flannel)).toEqual(expect.arrayContaining(['flanneld', 'etcdctl', 'BUILD_INFO']))
    for (const e of [...cni, ...flannel].filter((x) => /(^|\/)(bridge|flanneld|etcdctl)$/.test(x.name))) {
      const elf = parseElfHeader(e.data!)
      expect(elf?.machine, e.name).toBe(arch.elf.machine)
    }
  })

  test('the charm job built the charm and wrote a zero-byte placeholder per snap resource', () => {
    const charms = readdirSync(path.join(out, 'artifacts/charm/charms'))
    expect(charms).toHaveLength(1)
    expect(charms[0]).toMatch(/^kubernetes-worker_.*\.charm$/)
    const zero = readdirSync(path.join(out, 'artifacts/charm/zero-byte-snaps')).sort()
    expect(zero).toEqual(['core.snap', 'kube-proxy.snap', 'kubectl.snap', 'kubelet.snap'])
    for (const z of zero) expect(readFileSync(path.join(out, 'artifacts/charm/zero-byte-snaps', z))).toHaveLength(0)
  })

  test('nothing reached the store: a dry run uploads and releases nothing', () => {
    expect(storeState(r.storeDir).charms).toEqual({})
  })

  test('the summary is a table arch x artifact with each file\'s size and full sha256', () => {
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8')
    expect(md).toBe(`${r.summary}\n`)
    expect(md).toContain('| arch | artifact | size | sha256 |')
    expect(md).toContain('Dry run')
    const rows = md.split('\n').filter((l) => /^\| (amd64|arm64|ppc64el|s390x|all) \|/.test(l))
    expect(rows).toHaveLength(4 * 9 + 1 + 4) // per arch 7 snaps + 2 tarballs; the charm; 4 placeholders
    for (const a of r.artifacts) {
      const line = rows.find((l) => l.startsWith(`| ${a.arch} | ${a.artifact} |`))
      expect(line, a.file).toBeDefined()
      expect(line).toContain(`\`${sha256(path.join(out, 'artifacts', a.file))}\``)
    }
  })

  test('release.yml\'s summary script, run as written in a runner-like workspace, writes the same table', () => {
    const ws = tempDir('bs-ws-')
    symlinkSync(repoRoot, path.join(ws, '.build-snaps'))
    symlinkSync(path.join(out, 'artifacts'), path.join(ws, 'artifacts'))
    const step = workflow.jobs.summary.steps.find((s) => s.run)!
    const summaryFile = path.join(ws, 'step_summary')
    writeFileSync(summaryFile, '')
    const env = { ...process.env, GITHUB_STEP_SUMMARY: summaryFile, KUBE_VERSION: 'v1.31.2', CHANNEL: '1.31/edge', DRY_RUN: 'true', RESULTS: 'success success skipped' }
    const res = spawnSync('bash', ['-e', '-c', step.run!], { cwd: ws, env, encoding: 'utf8' })
    expect(res.status, res.stderr).toBe(0)
    const md = readFileSync(summaryFile, 'utf8')
    const table = (s: string) => s.split('\n').filter((l) => l.startsWith('|'))
    expect(table(md)).toEqual(table(r.summary))
  })
})

describe('the plan job', () => {
  test('release.yml\'s plan script, run as written, writes the outputs the build matrix reads', async () => {
    const ws = tempDir('bs-ws-')
    symlinkSync(repoRoot, path.join(ws, '.build-snaps'))
    const step = workflow.jobs.plan.steps.find((s) => s.run)!
    const outputFile = path.join(ws, 'github_output')
    writeFileSync(outputFile, '')
    const env = { ...process.env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: path.join(ws, 'summary'), KUBE_VERSION: 'v1.31.2', ARCHES: 'amd64 ppc64le,s390x', CHANNEL: '', DRY_RUN: 'false' }
    const res = spawnSync('bash', ['-e', '-c', step.run!], { cwd: ws, env, encoding: 'utf8' })
    expect(res.status, res.stderr).toBe(0)
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    expect(outputs).toEqual(planOutputs(await planRelease({ kubeVersion: 'v1.31.2', arches: 'amd64,ppc64el,s390x', dryRun: 'false' })))
    expect(JSON.parse(outputs.matrix).include.map((m: { arch: string }) => m.arch)).toEqual(['amd64', 'ppc64el', 's390x'])
    expect(outputs['dry-run']).toBe('false')
    expect(readFileSync(path.join(ws, 'summary'), 'utf8')).toContain('Channel `1.31/edge`')
  })

  test.each([
    ['ARCHES', 'amd64,mips', /^Error: arches: unknown architecture 'mips'/],
    ['CHANNEL', '1.31/bogus', /^Error: channel: '1\.31\/bogus' has risk 'bogus'/],
    ['KUBE_VERSION', 'one-point-three', /^Error: kube-version: 'one-point-three' is not a Kubernetes version/],
    ['DRY_RUN', 'maybe', /^Error: dry-run: 'maybe' is not a boolean/],
  ])('a bad %s (%s) fails the plan with one clear line and no outputs', (name, value, message) => {
    const ws = tempDir('bs-ws-')
    symlinkSync(repoRoot, path.join(ws, '.build-snaps'))
    const outputFile = path.join(ws, 'github_output')
    writeFileSync(outputFile, '')
    const env = { ...process.env, GITHUB_OUTPUT: outputFile, KUBE_VERSION: 'v1.31.2', ARCHES: 'amd64', CHANNEL: '', DRY_RUN: 'true', [name]: value }
    const res = spawnSync('bash', ['-e', '-c', workflow.jobs.plan.steps.find((s) => s.run)!.run!], { cwd: ws, env, encoding: 'utf8' })
    expect(res.status).toBe(1)
    expect(res.stderr.trim().split('\n')).toHaveLength(1)
    expect(res.stderr.trim()).toMatch(message)
    expect(readFileSync(outputFile, 'utf8')).toBe('')
  })
})

describe('a real release against the charmcraft double', () => {
  let r: LocalReleaseResult
  beforeAll(async () => {
    r = await runLocalRelease({ versions: VERSIONS, arches: ARCHES.join(' '), channel: '1.31/beta', charm, resources: RELEASE_DEFAULTS.resources, dryRun: 'false', outDir: tempDir('bs-release-'), quiet: true })
  })

  test('runs the release job too, and the channel map points at the revisions this run uploaded', () => {
    expect(r.exitCode, JSON.stringify(r.steps)).toBe(0)
    expect(localSteps(r)).toEqual(workflowSteps(false, ARCHES))
    const c = storeState(r.storeDir).charms['kubernetes-worker']
    expect(c.revisions).toHaveLength(1)
    const rel = c.channels['1.31/beta']
    expect(rel.revision).toBe(c.revisions[0].revision)
    const names = ['cni-amd64', 'cni-arm64', 'cni-ppc64el', 'cni-s390x', 'core', 'kube-proxy', 'kubectl', 'kubelet']
    expect(Object.keys(rel.resources).sort()).toEqual(names)
    for (const n of names) expect(rel.resources[n]).toBe(Math.max(...c.resources[n].revisions.map((x) => x.revision)))
  })
})

describe('a charm that does not declare what the release provides', () => {
  test('fails in the charm job before anything is uploaded; no release; the summary still lists what was built', async () => {
    // Two arches: the fixture declares cni-arm64 and cni-ppc64el too, and no file is given for them.
    const r = await runLocalRelease({ versions: VERSIONS, arches: 'amd64 s390x', channel: '', charm, resources: RELEASE_DEFAULTS.resources, dryRun: 'false', outDir: tempDir('bs-release-'), quiet: true })
    expect(r.exitCode).toBe(1)
    const failed = r.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.job}: ${s.step}`)
    expect(failed).toEqual(['charm: charm-attach-release'])
    expect(r.steps.some((s) => s.job === 'release')).toBe(false)
    expect(r.steps.at(-1)).toEqual({ job: 'summary', step: 'summarize', exitCode: 0 })
    expect(r.summary).toContain('Failed: charm / charm-attach-release.')
    expect(r.artifacts.filter((a) => a.arch === 's390x').map((a) => a.artifact)).toContain('cni-s390x.tgz')
    expect(storeState(r.storeDir).charms).toEqual({})
  })
})

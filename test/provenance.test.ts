/**
 * Provenance (shared/provenance.ts) and the offline check (`build-snaps verify-artifacts`), end to end:
 * build-k8s-snaps through its dist bundle against a loopback mirror, build-snapcraft against the snapcraft
 * test double with Launchpad credentials; the statement parses as an in-toto Statement v1 with an SLSA v1
 * predicate, its subjects and dependencies carry the real digests, secrets stay out; verify-artifacts (the
 * real CLI bundle) passes on the build's directory and fails on a snap whose content was changed after the
 * build even when its outer digests were rewritten, on a missing SBOM, on a replaced file.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mirror } from '../cli/mirror.js'
import { formatReport, verifyArtifacts } from '../cli/verify-artifacts.js'
import { parseArch } from '../shared/arch.js'
import { sha256File } from '../shared/files.js'
import {
  ProvenanceRecorder,
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE,
  actionInputs,
  builderId,
  checkStatement,
  provenanceFileName,
  provenanceStatement,
} from '../shared/provenance.js'
import { KUBE_VERSION, k8sMirror } from './helpers/k8s-mirror.js'
import { type DistRun, repoRoot, runDist, tempDir } from './helpers/runner.js'
import { expectValidSpdx } from './sbom-schema.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function cli(...args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build-snaps.js'), ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, out: r.stdout + r.stderr }
}

describe('the statement', () => {
  it('in-toto Statement v1, SLSA provenance v1: the fields the specs require, deterministic', () => {
    const rec = new ProvenanceRecorder('build-etcd-snap', { arch: 's390x' })
    rec.download('https://example.invalid/b/etcd-v3.4.22-linux-s390x.tar.gz', 'b'.repeat(64))
    rec.download('https://example.invalid/a/x.tgz', 'a'.repeat(64))
    rec.tool('go', 'go1.19.8', 'PATH')
    const doc = provenanceStatement(
      [
        { name: 'z.snap', sha256: 'c'.repeat(64) },
        { name: 'a.snap', sha256: 'd'.repeat(64) },
      ],
      rec,
      { epoch: 1700000000, env: {} },
    ) as Json
    expect(checkStatement(doc)).toEqual([])
    expect(doc._type).toBe(STATEMENT_TYPE)
    expect(doc.predicateType).toBe(SLSA_PROVENANCE_V1)
    expect(doc.subject.map((s: Json) => s.name)).toEqual(['a.snap', 'z.snap'])
    expect(doc.predicate.buildDefinition.resolvedDependencies.map((d: Json) => d.name)).toEqual([
      'x.tgz',
      'etcd-v3.4.22-linux-s390x.tar.gz',
      'go',
    ])
    expect(doc.predicate.buildDefinition.resolvedDependencies[2].uri).toBe('pkg:golang/stdlib@1.19.8')
    expect(doc.predicate.runDetails.builder.id).toMatch(/^urn:build-snaps:build-etcd-snap@v\d/)
    expect(doc.predicate.buildDefinition.internalParameters).toEqual({ SOURCE_DATE_EPOCH: '1700000000' })
    expect(
      JSON.stringify(
        provenanceStatement(
          [
            { name: 'a.snap', sha256: 'd'.repeat(64) },
            { name: 'z.snap', sha256: 'c'.repeat(64) },
          ],
          rec,
          { epoch: 1700000000, env: {} },
        ),
      ),
    ).toBe(JSON.stringify(doc))
  })

  it('on GitHub: builder.id names the action repository and ref, invocationId the run', () => {
    const env = {
      GITHUB_ACTION_REPOSITORY: 'cdk/build-snaps',
      GITHUB_ACTION_REF: 'v1',
      GITHUB_REPOSITORY: 'me/release',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SERVER_URL: 'https://github.com',
    }
    expect(builderId('build-cnitgz', env)).toBe('https://github.com/cdk/build-snaps/actions/build-cnitgz@v1')
    const doc = provenanceStatement([{ name: 'a', sha256: 'e'.repeat(64) }], new ProvenanceRecorder('build-cnitgz', {}), {
      epoch: 0,
      env,
    }) as Json
    expect(doc.predicate.runDetails.metadata.invocationId).toBe('https://github.com/me/release/actions/runs/42/attempts/2')
  })

  it('checkStatement names what is wrong', () => {
    expect(checkStatement({ _type: 'https://in-toto.io/Statement/v0.1', subject: [], predicateType: 'x' })).toEqual([
      '_type is "https://in-toto.io/Statement/v0.1", not https://in-toto.io/Statement/v1',
      'subject is not a non-empty array',
      'predicateType is not a URI',
    ])
    expect(
      checkStatement({
        _type: STATEMENT_TYPE,
        subject: [{ name: 'a', digest: { sha256: 'XYZ' } }],
        predicateType: SLSA_PROVENANCE_V1,
        predicate: {},
      }),
    ).toHaveLength(4)
  })

  it('external parameters: the INPUT_ variables, secret inputs and output-dir left out', () => {
    expect(
      actionInputs(
        {
          'INPUT_OUTPUT-DIR': 'snaps',
          'INPUT_LAUNCHPAD-CREDENTIALS': 'tok',
          PATH: '/bin',
          INPUT_ARCH: ' s390x ',
          'INPUT_ARTIFACT-NAME': 'a',
        },
        ['launchpad-credentials'],
      ),
    ).toEqual({ arch: 's390x', 'artifact-name': 'a' })
    expect(provenanceFileName('build-cnitgz', ['amd64', 's390x'])).toBe('provenance.build-cnitgz.amd64.s390x.intoto.json')
  })
})

describe('build-k8s-snaps: provenance and verify-artifacts', () => {
  let mirror: Mirror
  let mirrorRoot: string
  let out: string
  let run: DistRun
  let doc: Json
  beforeAll(async () => {
    ;({ mirror, root: mirrorRoot } = await k8sMirror([parseArch('s390x')]))
    out = tempDir('bs-prov-out-')
    run = await runDist('build-k8s-snaps', {
      'kube-version': KUBE_VERSION,
      arch: 's390x',
      components: 'kubectl kubelet',
      'base-url': mirror.url,
      'output-dir': out,
    })
    if (run.outputs.provenance) doc = JSON.parse(readFileSync(run.outputs.provenance, 'utf8'))
  }, 300_000)
  afterAll(() => mirror?.close())

  it('provenance output: subjects are the snaps with their sha256', async () => {
    expect(run.exitCode, run.log).toBe(0)
    expect(path.basename(run.outputs.provenance)).toBe('provenance.build-k8s-snaps.s390x.intoto.json')
    expect(checkStatement(doc)).toEqual([])
    const snaps = JSON.parse(run.outputs.snaps) as string[]
    expect(doc.subject).toEqual(
      await Promise.all(snaps.map(async (s) => ({ name: path.basename(s), digest: { sha256: await sha256File(s) } }))),
    )
  })

  it('externalParameters are the inputs; resolvedDependencies every downloaded binary with the sha256 the mirror serves', async () => {
    const p = doc.predicate.buildDefinition
    expect(p.externalParameters).toMatchObject({
      'kube-version': KUBE_VERSION,
      arch: 's390x',
      components: 'kubectl kubelet',
      'base-url': mirror.url,
      verify: 'true',
    })
    const want = await Promise.all(
      ['kubectl', 'kubelet'].map(async (c) => ({
        name: c,
        uri: `${mirror.url}/release/${KUBE_VERSION}/bin/linux/s390x/${c}`,
        digest: { sha256: await sha256File(path.join(mirrorRoot, 'release', KUBE_VERSION, 'bin', 'linux', 's390x', c)) },
      })),
    )
    expect(p.resolvedDependencies).toEqual(want)
    expect(doc.predicate.runDetails.builder.id).toMatch(/build-k8s-snaps@/)
    expect(run.summary).toContain('provenance.build-k8s-snaps.s390x.intoto.json')
  })

  it('verify-artifacts (the CLI bundle) passes on the build output and prints the table', () => {
    const r = cli('verify-artifacts', out)
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/^artifact\s+sha256\s+SBOM\s+contents\s+provenance\s+SHA256SUMS/)
    expect(r.out).toMatch(
      /kubectl_1\.31\.2_s390x\.snap\s+[0-9a-f]{16}\s+ok\s+ok \(\d+ files\)\s+ok \(provenance\.build-k8s-snaps\.s390x\.intoto\.json\)\s+ok/,
    )
    expect(r.out).toContain('All 2 artifacts match their SBOMs and provenance.')
  })

  it('catches a snap whose content changed after the build, even with SBOM, provenance and SHA256SUMS digests rewritten', async () => {
    const dir = tempDir('bs-prov-tamper-')
    cpSync(out, dir, { recursive: true })
    const snap = path.join(dir, 'kubectl_1.31.2_s390x.snap')
    const x = path.join(tempDir('bs-prov-x-'), 'x')
    execFileSync('unsquashfs', ['-q', '-n', '-d', x, snap])
    appendFileSync(path.join(x, 'kubectl'), 'backdoor')
    rmSync(snap)
    execFileSync('mksquashfs', [x, snap, '-noappend', '-comp', 'xz', '-all-root', '-no-xattrs', '-quiet'])
    const before = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').match(/^(\S+)\s+kubectl_1\.31\.2_s390x\.snap$/m)![1]
    const after = await sha256File(snap)
    for (const f of ['kubectl_1.31.2_s390x.snap.spdx.json', 'provenance.build-k8s-snaps.s390x.intoto.json', 'SHA256SUMS']) {
      const p = path.join(dir, f)
      writeFileSync(p, readFileSync(p, 'utf8').split(before).join(after))
    }
    const report = await verifyArtifacts(dir)
    expect(report.ok).toBe(false)
    const row = report.rows.find((r) => r.artifact === 'kubectl_1.31.2_s390x.snap')!
    expect(row).toMatchObject({ sbom: 'ok', sums: 'ok', contents: '✗ changed: kubectl', ok: false })
    expect(row.provenance).toMatch(/^ok/)
    expect(report.rows.find((r) => r.artifact === 'kubelet_1.31.2_s390x.snap')?.ok).toBe(true)
    const r = cli('verify-artifacts', dir)
    expect(r.code, r.out).toBe(1)
    expect(r.out).toContain('✗ changed: kubectl')
    expect(r.out).toContain('1 of 2 artifacts differ.')
  })

  it('catches a replaced snap (digests not rewritten), a missing SBOM and an SBOM without its artifact', async () => {
    const dir = tempDir('bs-prov-missing-')
    cpSync(out, dir, { recursive: true })
    rmSync(path.join(dir, 'kubelet_1.31.2_s390x.snap.spdx.json'))
    cpSync(path.join(dir, 'kubelet_1.31.2_s390x.snap'), path.join(dir, 'kubectl_1.31.2_s390x.snap'))
    writeFileSync(path.join(dir, 'gone_1.0_s390x.snap.spdx.json'), readFileSync(path.join(out, 'kubelet_1.31.2_s390x.snap.spdx.json')))
    const report = await verifyArtifacts(dir)
    const rows = Object.fromEntries(report.rows.map((r) => [r.artifact, r]))
    expect(rows['kubelet_1.31.2_s390x.snap']).toMatchObject({ sbom: '✗ missing kubelet_1.31.2_s390x.snap.spdx.json', ok: false })
    expect(rows['kubectl_1.31.2_s390x.snap'].sbom).toMatch(/^✗ sha256 [0-9a-f]{16}… is not the file's$/)
    expect(rows['kubectl_1.31.2_s390x.snap'].provenance).toMatch(/^✗ subject sha256/)
    expect(rows['kubectl_1.31.2_s390x.snap'].sums).toBe('✗ differs')
    expect(rows['gone_1.0_s390x.snap']).toMatchObject({ contents: '✗ the artifact is missing', ok: false })
    expect(formatReport(report)).toContain('3 of 3 artifacts differ.')
    expect(cli('verify-artifacts', dir).code).toBe(1)
  })

  it('bad use: one clear error', () => {
    const r = cli('verify-artifacts', '/nonexistent/dir')
    expect(r.code).toBe(1)
    expect(r.out.trim()).toBe(
      "Error: verify-artifacts: '/nonexistent/dir' is not a directory; give the folder holding the artifacts and their .spdx.json files",
    )
    expect(cli('verify-artifacts').out).toContain('usage: build-snaps verify-artifacts DIR')
  })
})

describe('build-snapcraft: SBOMs and provenance without the Launchpad credentials', () => {
  it('the credentials are in no SBOM or statement; the project checkout is a resolved dependency with its commit', async () => {
    const SECRET = 'lp-oauth-token-0d1e2f3a4b'
    const dir = path.join(tempDir('bs-prov-snapcraft-'), 'hello-cdk')
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a])
        .toString()
        .trim()
    execFileSync('mkdir', ['-p', path.join(dir, 'snap')])
    writeFileSync(
      path.join(dir, 'snap', 'snapcraft.yaml'),
      'name: hello-cdk\nversion: "1.0"\nsummary: Hello\ndescription: d\nbase: core22\nconfinement: strict\nparts:\n  hello:\n    plugin: nil\n',
    )
    execFileSync('git', ['init', '-q', dir])
    git('add', '.')
    git('commit', '-q', '-m', 'init')
    git('remote', 'add', 'origin', `https://user:${SECRET}x@example.invalid/hello.git`)
    const out = tempDir('bs-prov-snapcraft-out-')
    const res = await runDist(
      'build-snapcraft',
      {
        'project-dir': dir,
        arch: 'arm64 s390x',
        mode: 'remote-build',
        'accept-public-upload': 'true',
        'launchpad-credentials': SECRET,
        'output-dir': out,
      },
      {
        env: {
          PATH: `${path.join(repoRoot, 'test', 'doubles')}:${process.env.PATH}`,
          SNAPCRAFT_DOUBLE_LOG: path.join(out, '..', 'calls.jsonl'),
        },
      },
    )
    expect(res.exitCode, res.log).toBe(0)
    const prov = readFileSync(res.outputs.provenance, 'utf8')
    expect(path.basename(res.outputs.provenance)).toBe('provenance.build-snapcraft.arm64.s390x.intoto.json')
    const sboms = JSON.parse(res.outputs.sboms) as string[]
    expect(sboms.map((s) => path.basename(s))).toEqual(['hello-cdk_1.0_arm64.snap.spdx.json', 'hello-cdk_1.0_s390x.snap.spdx.json'])
    for (const text of [prov, ...sboms.map((s) => readFileSync(s, 'utf8'))]) expect(text).not.toContain(SECRET)
    const doc = JSON.parse(prov) as Json
    expect(doc.predicate.buildDefinition.externalParameters['launchpad-credentials']).toBeUndefined()
    expect(doc.predicate.buildDefinition.resolvedDependencies).toEqual([
      {
        name: 'project',
        uri: `git+https://example.invalid/hello.git@${git('rev-parse', 'HEAD')}`,
        digest: { gitCommit: git('rev-parse', 'HEAD') },
        annotations: { path: dir },
      },
    ])
    for (const s of sboms) expectValidSpdx(JSON.parse(readFileSync(s, 'utf8')))
    expect(readdirSync(out)).toContain('SHA256SUMS')
    expect(cli('verify-artifacts', out).code).toBe(0)
  }, 120_000)
})

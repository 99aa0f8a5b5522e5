/**
 * The snaps job as release.yml and promote.yml run it: `node bin/build-snaps.js release snaps ...` (the committed
 * dist/cli bundle) against the snapcraft TEST DOUBLE, with real snaps made by `snap pack` in the artifacts the
 * build jobs would have uploaded. The credential reaches snapcraft only in its environment and never appears in
 * anything printed; every refusal is one line, exit 1, no stack; the local pipeline refuses a bad --charmcraft
 * or --snapcraft in seconds (nothing left running).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { repoRoot, tempDir } from './helpers/runner.js'

const SNAPCRAFT = path.join(repoRoot, 'test', 'doubles', 'snapcraft')
const CLI = path.join(repoRoot, 'bin', 'build-snaps.js')
const ARCHES = ['amd64', 's390x']
const SNAPS = ['kubectl', 'kubelet']

/** examples/ with a description publishing kubectl and kubelet for amd64 and s390x; flannel the one charm. */
function workspace(): { root: string; config: string; artifacts: string } {
  const root = tempDir('bs-snapcli-')
  cpSync(path.join(repoRoot, 'examples'), root, { recursive: true })
  const d = parse(readFileSync(path.join(repoRoot, 'examples', 'cdk-release.yaml'), 'utf8')) as Record<string, unknown>
  d.arches = ARCHES
  d.charms = {
    flannel: {
      path: 'charms/flannel',
      builder: 'charmcraft',
      resources: { 'flannel-{arch}': 'file:resources/snapshot.tar.gz', 'flannel-arm64': 'keep' },
    },
  }
  d['snap-store'] = { channels: ['1.33/edge', '1.33/stable'], snaps: SNAPS, arches: ARCHES }
  const config = path.join(root, 'cdk-release.yaml')
  writeFileSync(config, stringify(d))
  const artifacts = path.join(root, 'artifacts')
  for (const arch of ARCHES)
    for (const snap of SNAPS) {
      const src = path.join(root, 'src', `${snap}-${arch}`)
      mkdirSync(path.join(src, 'meta'), { recursive: true })
      writeFileSync(
        path.join(src, 'meta', 'snap.yaml'),
        `name: ${snap}\nversion: 1.33.2\nsummary: test\ndescription: test\narchitectures: [${arch}]\nconfinement: classic\ngrade: stable\n`,
      )
      writeFileSync(path.join(src, 'payload'), `${snap} for ${arch}\n`)
      mkdirSync(path.join(artifacts, `release-${arch}`), { recursive: true })
      execFileSync('snap', ['pack', src, path.join(artifacts, `release-${arch}`), '--filename', `${snap}_1.33.2_${arch}.snap`], {
        stdio: 'ignore',
      })
    }
  return { root, config, artifacts }
}

/** A fresh double store: the credential (what export-login wrote), the names registered, track 1.33 made. */
function store(root: string, register = SNAPS): { state: string; credentials: string } {
  const state = path.join(root, `store-${Math.random().toString(36).slice(2)}`)
  const env: NodeJS.ProcessEnv = { ...process.env, SNAPCRAFT_DOUBLE_STATE: state }
  delete env.SNAPCRAFT_STORE_CREDENTIALS // snapcraft refuses export-login with it set
  mkdirSync(state, { recursive: true })
  execFileSync(SNAPCRAFT, ['export-login', path.join(state, 'credentials')], { env, stdio: 'ignore' })
  const credentials = readFileSync(path.join(state, 'credentials'), 'utf8').trim()
  for (const n of register) {
    execFileSync(SNAPCRAFT, ['register', '--yes', n], { env: { ...env, SNAPCRAFT_STORE_CREDENTIALS: credentials }, stdio: 'ignore' })
    execFileSync(SNAPCRAFT, ['x-double', 'add-track', n, '1.33'], { env, stdio: 'ignore' })
  }
  return { state, credentials }
}

function snapsJob(root: string, config: string, args: string[], env: Record<string, string | undefined>) {
  const summary = path.join(root, `summary-${Math.random().toString(36).slice(2)}.md`)
  const full: Record<string, string | undefined> = {
    ...process.env,
    GITHUB_STEP_SUMMARY: summary,
    BUILD_SNAPS_STORE_BACKOFF_MS: '10',
    ...env,
  }
  for (const [k, v] of Object.entries(full)) if (v === undefined) delete full[k]
  const r = spawnSync(
    process.execPath,
    [CLI, 'release', 'snaps', '--config', config, '--dir', path.join(root, 'artifacts'), '--snapcraft', SNAPCRAFT, ...args],
    {
      cwd: root,
      env: full as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  return {
    code: r.status,
    out: `${r.stdout}${r.stderr}`,
    stderr: r.stderr,
    summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '',
  }
}

const uploads = (state: string) =>
  readFileSync(path.join(state, 'calls.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv)
    .filter((a) => a[0] === 'upload' || a[0] === 'release')

describe('release snaps (the snaps job) through the dist CLI', () => {
  const { root, config } = workspace()

  test('publishes every (snap, arch) to both channels, records it, reads it back; a re-run uploads nothing; the credential is never printed', () => {
    const s = store(root)
    const env = { SNAPCRAFT_DOUBLE_STATE: s.state, SNAPCRAFT_STORE_CREDENTIALS: s.credentials }
    const first = snapsJob(root, config, ['--dry-run', 'false', '--output', 'results/snaps.json'], env)
    expect(first.code, first.out).toBe(0)
    const rec = JSON.parse(readFileSync(path.join(root, 'results', 'snaps.json'), 'utf8')) as { snaps: Array<Record<string, unknown>> }
    expect(rec.snaps.map((r) => [r.snap, r.arch, r.action, r.channels])).toEqual(
      ARCHES.flatMap((a) => SNAPS.map((n) => [n, a, 'uploaded', ['1.33/edge', '1.33/stable']])),
    )
    expect(uploads(s.state).map((a) => a.slice(-2))).toEqual(ARCHES.flatMap(() => SNAPS.map(() => ['--release', '1.33/edge,1.33/stable'])))
    expect(first.summary).toMatch(/\| kubelet \| s390x \| \d+ \| 1\.33\.2 \| 1\.33\/edge, 1\.33\/stable \| `[0-9a-f]{64}` \| uploaded \|/)
    const again = snapsJob(root, config, ['--dry-run', 'false'], env)
    expect(again.code, again.out).toBe(0)
    expect(uploads(s.state)).toHaveLength(ARCHES.length * SNAPS.length)
    expect(again.summary).toContain('| kept |')
    for (const r of [first, again]) {
      expect(r.out).not.toContain(s.credentials)
      expect(r.summary).not.toContain(s.credentials)
    }
    expect(readFileSync(path.join(s.state, 'calls.jsonl'), 'utf8')).not.toContain(s.credentials)
  })

  test('promotion: each arch revision of 1.33/edge released to 1.33/beta, read back', () => {
    const s = store(root)
    const env = { SNAPCRAFT_DOUBLE_STATE: s.state, SNAPCRAFT_STORE_CREDENTIALS: s.credentials }
    expect(snapsJob(root, config, ['--dry-run', 'false'], env).code).toBe(0)
    const promo = snapsJob(root, config, ['--dry-run', 'false', '--promote', '1.33/edge', '--channel', '1.33/beta'], env)
    expect(promo.code, promo.out).toBe(0)
    expect(
      uploads(s.state)
        .filter((a) => a[0] === 'release')
        .map((a) => a.slice(1).join(' ')),
    ).toEqual(expect.arrayContaining(SNAPS.map((n) => expect.stringMatching(new RegExp(`^${n} \\d+ 1\\.33/beta$`)))))
    expect(promo.summary).toContain('| promoted |')
  })

  test('a dry run without the credential lists every snapcraft command and touches nothing', () => {
    const dry = snapsJob(root, config, ['--dry-run', 'true'], {
      SNAPCRAFT_STORE_CREDENTIALS: undefined,
      SNAPCRAFT_DOUBLE_STATE: path.join(root, 'none'),
    })
    expect(dry.code, dry.out).toBe(0)
    for (const a of ARCHES)
      for (const n of SNAPS)
        expect(dry.out).toContain(
          `snapcraft upload ${path.join(root, 'artifacts', `release-${a}`, `${n}_1.33.2_${a}.snap`)} --release 1.33/edge,1.33/stable`,
        )
    expect(dry.out).toContain('snapcraft tracks kubectl')
    // The planned table: snap × arch → revision (none yet), version, channels, sha256, what it would do.
    expect(dry.summary).toMatch(/\| kubelet \| s390x \| \(new\) \| 1\.33\.2 \| 1\.33\/edge, 1\.33\/stable \| `[0-9a-f]{64}` \| upload \|/)
  })

  test.each([
    [
      'no credential on a real run',
      () => ({ SNAPCRAFT_STORE_CREDENTIALS: undefined }),
      /^Error: SNAPCRAFT_STORE_CREDENTIALS is not set; .*snapcraft export-login --snaps kubectl,kubelet --channels 1\.33\/edge,1\.33\/stable --acls package_access,package_push,package_release/,
    ],
    [
      'a credential the store no longer takes',
      (s: { credentials: string }) => ({ SNAPCRAFT_STORE_CREDENTIALS: `${s.credentials.slice(0, -8)}AAAAAAA=` }),
      /^Error: .*(no longer valid|could not be parsed)/i,
    ],
    ['a store error on upload', () => ({ SNAPCRAFT_DOUBLE_FAIL: 'upload:500' }), /^Error: snapcraft upload failed: /],
  ])('%s: one line, exit 1, no stack trace, the credential nowhere', (_, extra, line) => {
    const s = store(root)
    const r = snapsJob(root, config, ['--dry-run', 'false'], {
      SNAPCRAFT_DOUBLE_STATE: s.state,
      SNAPCRAFT_STORE_CREDENTIALS: s.credentials,
      ...extra(s),
    })
    expect(r.code, r.out).toBe(1)
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('Error:'))
    expect(errors, r.out).toHaveLength(1)
    expect(errors[0]).toMatch(line)
    expect(r.out).not.toMatch(/\n\s+at /)
    expect(r.out).not.toContain(s.credentials)
  })
})

describe('the local pipeline refuses a bad store tool in seconds, leaving nothing running', () => {
  test.each([
    ['--charmcraft', ['--charmcraft', '/nonexistent/charmcraft'], /^Error: --charmcraft: \/nonexistent\/charmcraft is not a file/],
    ['--charmcraft without CHARMCRAFT_AUTH', ['--charmcraft', SNAPCRAFT], /^Error: --charmcraft: CHARMCRAFT_AUTH is not set/],
  ])('%s', (_, args, line) => {
    const out = tempDir('bs-refuse-')
    const env = { ...process.env }
    delete env.CHARMCRAFT_AUTH
    const t0 = Date.now()
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'release',
        '--config',
        path.join(repoRoot, 'examples', 'cdk-release.yaml'),
        '--dry-run',
        'false',
        '--runners',
        's390x',
        '--output-dir',
        out,
        ...args,
      ],
      { env, encoding: 'utf8', timeout: 60_000 },
    )
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1)
    expect(Date.now() - t0).toBeLessThan(30_000) // a bound against hanging, not a speed target
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)])
  })
})

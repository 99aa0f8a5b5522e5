/**
 * The snapcraft TEST DOUBLE's Snap Store commands checked against what snapcraft 8.14.5's own source prints (the
 * files its header cites; snapcraft f725c11628cbef30cb1279a917c0c76c615c2640), not against the suite's client:
 * the tables (tabulate "plain", ported) against snapcraft's unit-test expectations, the credential rules, the
 * store's answers (duplicate upload, missing track, names not registered), parallel uploads and faults.
 *
 * Strings quoted here come from, at f725c116 unless said otherwise:
 *   snapcraft/commands/upload.py, manage.py, status.py, account.py, names.py; snapcraft/store/client.py;
 *   snapcraft/application.py (NoKeyringError); snapcraft/const.py (deprecation); craft-store 3.3.0 errors.py,
 *   auth.py, creds.py; craft-cli 3.2.0 messages.py (error lines), helptexts.py (usage); tests/unit/commands/
 *   test_status.py (the fixtures and expected tables below, verbatim).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Not from helpers/runner.js: importing it (and the CLI it loads) costs more than this whole file's tests.
const DOUBLE = path.resolve(import.meta.dirname, 'doubles', 'snapcraft')
const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix))
const LOG_LINE = /^Full execution log: '.+\/snapcraft\/log\/snapcraft-\d{8}-\d{6}\.\d{6}\.log'$/
// `snap version` asks snapd (slow or absent on runners); `snap pack` needs no daemon.
const HAS_SNAP = spawnSync('sh', ['-c', 'command -v snap'], { stdio: 'ignore' }).status === 0

interface Result {
  status: number | null
  stdout: string
  stderr: string
}

/** One store (a state directory) and the way to run the double against it. */
function store() {
  const dir = tempDir('bs-snapdouble-')
  const state = path.join(dir, 'state')
  const base = { PATH: process.env.PATH ?? '', HOME: dir, XDG_STATE_HOME: path.join(dir, 'xdg-state'), SNAPCRAFT_DOUBLE_STATE: state }
  const run = (args: string[], env: Record<string, string> = {}, input?: string): Result => {
    const r = spawnSync(DOUBLE, args, { env: { ...base, ...env }, encoding: 'utf8', input })
    return { status: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  /** export-login as `account` (SNAPCRAFT_DOUBLE_ACCOUNT); the credential text. */
  const login = (opts: string[] = [], account = 'publisher'): string => {
    const file = path.join(dir, `creds-${Math.random().toString(36).slice(2)}`)
    const r = run(['export-login', ...opts, file], { SNAPCRAFT_DOUBLE_ACCOUNT: account })
    expect(r.status, r.stderr).toBe(0)
    return readFileSync(file, 'utf8')
  }
  const as =
    (creds: string, env: Record<string, string> = {}) =>
    (args: string[], extra: Record<string, string> = {}) =>
      run(args, { SNAPCRAFT_STORE_CREDENTIALS: creds, ...env, ...extra })
  const state_ = () => JSON.parse(readFileSync(path.join(state, 'state.json'), 'utf8')) as StateShape
  const calls = () => readFileSync(path.join(state, 'calls.jsonl'), 'utf8')
  return { dir, state, env: base, run, login, as, readState: state_, calls }
}

interface StateShape {
  snaps: Record<string, { revisions: Array<{ revision: number; architectures: string[]; sha3_384: string }>; mappings: unknown[] }>
}

let snapSeq = 0
/** A real .snap: meta/snap.yaml + a tiny file, packed by `snap pack` (or mksquashfs as snap pack runs it). */
function makeSnap(name: string, version: string, architectures: string[], payload = ''): string {
  const root = tempDir('bs-snapdouble-snap-')
  const src = path.join(root, 'src')
  mkdirSync(path.join(src, 'meta'), { recursive: true })
  mkdirSync(path.join(src, 'bin'))
  writeFileSync(
    path.join(src, 'meta', 'snap.yaml'),
    `name: ${name}\nversion: '${version}'\nsummary: ${name}\ndescription: ${name} for tests\narchitectures: [${architectures.join(', ')}]\nbase: core22\nconfinement: strict\ngrade: stable\napps:\n  ${name}:\n    command: bin/hello\n`,
  )
  writeFileSync(path.join(src, 'bin', 'hello'), `#!/bin/sh\necho ${name} ${version} ${payload} ${snapSeq++}\n`, { mode: 0o755 })
  const out = path.join(root, `${name}_${version}_${architectures.join('-')}.snap`)
  if (HAS_SNAP) spawnSync('snap', ['pack', src, root, `--filename=${path.basename(out)}`], { stdio: 'ignore' })
  else spawnSync('mksquashfs', [src, out, '-noappend', '-comp', 'xz', '-all-root', '-no-xattrs', '-no-fragments', '-quiet', '-no-progress'])
  expect(existsSync(out)).toBe(true)
  return out
}

/** stderr without the log line (its timestamp varies), which is checked to be the last line. */
function errorText(r: Result): string {
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines.at(-1)).toMatch(LOG_LINE)
  return lines.slice(0, -1).join('\n')
}

// ---- snapcraft's own fixtures: tests/unit/commands/test_status.py at f725c116 ----------------------------------

const progressiveNone = { paused: null, percentage: null, 'current-percentage': null }
function channelMapResult() {
  const risks = ['stable', 'candidate', 'beta', 'edge']
  const channels = ['2.1', '2.0'].flatMap((track) =>
    risks.map((risk, i) => ({
      branch: null,
      fallback: i === 0 ? null : `${track}/${risks[i - 1]}`,
      name: `${track}/${risk}`,
      risk,
      track,
    })),
  )
  return {
    'channel-map': [
      { architecture: 'amd64', channel: '2.1/beta', 'expiration-date': null, revision: 19, progressive: { ...progressiveNone } },
      { architecture: 'amd64', channel: '2.0/beta', 'expiration-date': null, revision: 18, progressive: { ...progressiveNone } },
    ] as Array<Record<string, unknown>>,
    revisions: [
      { architectures: ['amd64'], revision: 19, version: '10' },
      { architectures: ['amd64'], revision: 18, version: '10' },
    ] as Array<Record<string, unknown>>,
    snap: {
      name: 'snap-test',
      channels: channels as Array<Record<string, unknown>>,
      'default-track': '2.1',
      tracks: [
        { name: '2.0', status: 'default', 'creation-date': '2019-10-17T14:11:59Z', 'version-pattern': '2\\.*' },
        { name: 'latest', status: 'active', 'creation-date': null, 'version-pattern': null },
      ],
    },
  }
}
const listRevisionsResult = () => ({
  revisions: [
    { architectures: ['i386'], created_at: ' 2016-09-27T19:23:40Z', revision: 2, version: '2.0.1' },
    { architectures: ['amd64'], created_at: '2016-09-27T18:38:43Z', revision: 1, version: '2.0.2' },
  ],
  releases: [
    { architecture: 'amd64', branch: null, channel: 'latest/stable', revision: 1, risk: 'stable', track: 'latest' },
    { architecture: 'i386', branch: null, channel: 'latest/stable', revision: null, risk: 'stable', track: 'latest' },
    { architecture: 'amd64', branch: null, channel: 'latest/edge', revision: 1, risk: 'stable', track: 'latest' },
  ] as unknown[],
})

describe('snapcraft double: tables as status.py prints them (tabulate "plain", test_status.py expectations)', () => {
  const s = store()
  const render = (what: string, payload: unknown, ...opts: string[]) => {
    const r = s.run(['x-double', 'render', what, ...opts], {}, JSON.stringify(payload))
    expect(r.status, r.stderr).toBe(0)
    return r
  }

  it('status: track and arch once on a terminal (test_default), on every row when stdout is not a TTY (test_stdout_not_a_tty)', () => {
    expect(render('status', channelMapResult(), '--tty').stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         19          -\n' +
        '                 edge       ↑          ↑           -\n' +
        '2.0      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         18          -\n' +
        '                 edge       ↑          ↑           -\n',
    )
    expect(render('status', channelMapResult()).stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      amd64   stable     -          -           -\n' +
        '2.1      amd64   candidate  -          -           -\n' +
        '2.1      amd64   beta       10         19          -\n' +
        '2.1      amd64   edge       ↑          ↑           -\n' +
        '2.0      amd64   stable     -          -           -\n' +
        '2.0      amd64   candidate  -          -           -\n' +
        '2.0      amd64   beta       10         18          -\n' +
        '2.0      amd64   edge       ↑          ↑           -\n',
    )
  })

  it('status: following (test_following), progressive (test_progressive, test_progressive_unknown), branch (test_branch)', () => {
    const following = channelMapResult()
    following['channel-map'] = [
      {
        channel: '2.1/stable',
        architecture: 'amd64',
        'expiration-date': '2020-02-03T20:58:37Z',
        revision: 20,
        progressive: { ...progressiveNone },
      },
    ]
    following.revisions.push({ architectures: ['amd64'], revision: 20, version: '10' })
    expect(render('status', following, '--tty').stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      amd64   stable     10         20          -\n' +
        '                 candidate  ↑          ↑           -\n' +
        '                 beta       ↑          ↑           -\n' +
        '                 edge       ↑          ↑           -\n',
    )

    const progressive = channelMapResult()
    progressive['channel-map'].push({
      channel: '2.1/beta',
      architecture: 'amd64',
      'expiration-date': '2020-02-03T20:58:37Z',
      revision: 20,
      progressive: { paused: null, percentage: 10.0, 'current-percentage': 7.2 },
    })
    progressive.revisions.push({ architectures: ['amd64'], revision: 20, version: '11' })
    expect(render('status', progressive, '--tty').stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         19          93→90%\n' +
        '                            11         20          7→10%\n' +
        '                 edge       ↑          ↑           -\n' +
        '2.0      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         18          -\n' +
        '                 edge       ↑          ↑           -\n',
    )

    const unknown = channelMapResult()
    unknown['channel-map'][0].progressive = { paused: null, percentage: 10.0, 'current-percentage': null }
    expect(render('status', unknown, '--tty').stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       -          -           -\n' +
        '                            10         19          ?→10%\n' +
        '                 edge       ↑          ↑           -\n' +
        '2.0      amd64   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         18          -\n' +
        '                 edge       ↑          ↑           -\n',
    )

    const branch = channelMapResult()
    branch['channel-map'].push({
      channel: '2.1/stable/hotfix1',
      architecture: 'amd64',
      'expiration-date': '2020-02-03T20:58:37Z',
      revision: 20,
      progressive: { ...progressiveNone },
    })
    branch.revisions.push({ architectures: ['am64'], revision: 20, version: '10hotfix' })
    branch.snap.channels.push({ name: '2.1/stable/hotfix1', track: '2.1', risk: 'stable', branch: 'hotfix1', fallback: '2.1/stable' })
    expect(render('status', branch, '--tty').stdout).toBe(
      'Track    Arch    Channel         Version    Revision    Progress    Expires at\n' +
        '2.1      amd64   stable          -          -           -           -\n' +
        '                 stable/hotfix1  10hotfix   20          -           2020-02-03T20:58:37Z\n' +
        '                 candidate       -          -           -           -\n' +
        '                 beta            10         19          -           -\n' +
        '                 edge            ↑          ↑           -           -\n' +
        '2.0      amd64   stable          -          -           -           -\n' +
        '                 candidate       -          -           -           -\n' +
        '                 beta            10         18          -           -\n' +
        '                 edge            ↑          ↑           -           -\n',
    )
  })

  it('status --arch/--track (test_arch) and the answers for nothing to show', () => {
    const arch = channelMapResult()
    arch['channel-map'].push({
      channel: '2.1/beta',
      architecture: 's390x',
      'expiration-date': null,
      revision: 99,
      progressive: { ...progressiveNone },
    })
    arch.revisions.push({ architectures: ['s390x'], revision: 99, version: '10' })
    expect(render('status', arch, '--tty', '--arch', 's390x').stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '2.1      s390x   stable     -          -           -\n' +
        '                 candidate  -          -           -\n' +
        '                 beta       10         99          -\n' +
        '                 edge       ↑          ↑           -\n',
    )
    const none = render('status', channelMapResult(), '--arch', 'riscv64')
    expect(none.stdout).toBe('')
    expect(none.stderr).toBe("No revisions for architecture 'riscv64'\n")
    expect(render('status', channelMapResult(), '--track', '3.0').stderr).toBe("No revisions for track '3.0'\n")
    const empty = channelMapResult()
    empty['channel-map'] = []
    expect(render('status', empty).stdout).toBe('This snap has no released revisions\n')
  })

  it('tracks (test_list_tracks) and revisions (test_list_revisions, _arch, _no_release_information)', () => {
    expect(render('tracks', channelMapResult()).stdout).toBe(
      'Name    Status    Creation-Date         Version-Pattern\n' +
        'latest  active    -                     -\n' +
        '2.0     default   2019-10-17T14:11:59Z  2\\.*\n',
    )
    expect(render('revisions', listRevisionsResult()).stdout).toBe(
      'Rev.    Uploaded              Arches    Version    Channels\n' +
        '2       2016-09-27T19:23:40Z  i386      2.0.1      -\n' +
        '1       2016-09-27T18:38:43Z  amd64     2.0.2      latest/edge*,latest/stable*\n',
    )
    expect(render('revisions', listRevisionsResult(), '--arch', 'amd64').stdout).toBe(
      'Rev.    Uploaded              Arches    Version    Channels\n' +
        '1       2016-09-27T18:38:43Z  amd64     2.0.2      latest/edge*,latest/stable*\n',
    )
    const noReleases = { ...listRevisionsResult(), releases: [] }
    expect(render('revisions', noReleases).stdout).toBe(
      'Rev.    Uploaded              Arches    Version\n' +
        '2       2016-09-27T19:23:40Z  i386      2.0.1\n' +
        '1       2016-09-27T18:38:43Z  amd64     2.0.2\n',
    )
    // revisions parses numbers (tabulate without disable_numparse): a Version column of numbers only is a float
    // column, formatted "g": 1.30 prints 1.3. A fact of snapcraft 8.14.5 a parser of this table must expect.
    const floats = {
      revisions: [{ architectures: ['amd64'], created_at: '2026-01-01T00:00:00Z', revision: 3, version: '1.30' }],
      releases: [],
    }
    expect(render('revisions', floats).stdout).toBe(
      'Rev.    Uploaded              Arches    Version\n3       2026-01-01T00:00:00Z  amd64     1.3\n',
    )
  })
})

describe('snapcraft double: version, usage, credentials (account.py, store/client.py, craft-store auth.py/creds.py)', () => {
  it('--version is the application name and version (craft-application application.py)', () => {
    const r = store().run(['--version'])
    expect(r).toEqual({ status: 0, stdout: 'snapcraft 8.14.5\n', stderr: '' })
  })

  it('argument errors are craft-cli usage errors, exit 64, no log line', () => {
    const s = store()
    const missing = s.run(['release', 'kubectl', '7'])
    expect(missing.status).toBe(64)
    expect(missing.stderr).toBe(
      "Usage: snapcraft [options] command [args]...\nTry 'snapcraft release -h' for help.\n\nError: the following arguments are required: channels\n\n",
    )
    expect(s.run(['release', 'kubectl', 'seven', 'edge']).stderr).toContain("Error: argument revision: invalid int value: 'seven'")
    expect(s.run(['create-track', 'kubectl']).stderr).toContain("Error: no such command 'create-track'")
  })

  it('no SNAPCRAFT_STORE_CREDENTIALS on a runner without a keyring: NoKeyringError (application.py _run_inner)', () => {
    const s = store()
    const r = s.run(['status', 'kubectl'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(errorText(r)).toBe(
      'No keyring found to store or retrieve credentials from.\n' +
        'Recommended resolution: Ensure the keyring is working or SNAPCRAFT_STORE_CREDENTIALS is correctly exported into the environment\n' +
        'For more information, check out: https://documentation.ubuntu.com/snapcraft/stable/how-to/publishing/authenticate',
    )
    expect(JSON.parse(s.calls().trim())).toEqual({ argv: ['status', 'kubectl'], credentials: false })
    // A working but empty keyring: client.py request() asks to log in, and prompting needs a TTY (utils.py prompt).
    const k = s.run(['upload', makeSnap('kubectl', '1.33.2', ['amd64'])], { SNAPCRAFT_DOUBLE_KEYRING: 'empty' })
    expect(k.status).toBe(1)
    expect(k.stdout).toBe(
      'You are required to login before continuing\nEnter your Ubuntu One e-mail address and password.\n' +
        'If you do not have an Ubuntu One account, you can create one at https://snapcraft.io/account\n',
    )
    expect(errorText(k)).toBe('prompting not possible with no tty')
  })

  it('bad, unknown and expired credentials', () => {
    const s = store()
    const notBase64 = s.run(['status', 'kubectl'], { SNAPCRAFT_STORE_CREDENTIALS: 'not*base64!' })
    expect(errorText(notBase64)).toBe('Credentials could not be parsed. Expected base64 encoded credentials.')
    const notU1 = s.run(['status', 'kubectl'], { SNAPCRAFT_STORE_CREDENTIALS: Buffer.from('hello').toString('base64') })
    expect(errorText(notU1)).toBe('Credentials could not be parsed. Expected valid Ubuntu One credentials.')
    const INVALID =
      'Exported credentials are no longer valid for the Snap Store.\nRecommended resolution: Run export-login and update SNAPCRAFT_STORE_CREDENTIALS.'
    const forged = Buffer.from(JSON.stringify({ t: 'u1-macaroon', v: { r: 'root', d: 'discharge' } })).toString('base64')
    const unknown = s.run(['status', 'kubectl'], { SNAPCRAFT_STORE_CREDENTIALS: forged })
    expect([unknown.status, errorText(unknown)]).toEqual([1, INVALID])
    const expired = s.as(s.login(['--expires', '2020-01-01']))(['status', 'kubectl'])
    expect([expired.status, errorText(expired)]).toEqual([1, INVALID])
    // A credential of another store (state directory) is unknown here.
    const other = store().login()
    expect(errorText(s.as(other)(['status', 'kubectl']))).toBe(INVALID)
  })

  it('export-login: file 0400, "-" prints, --expires formats, refused with the variable set; whoami shows the restrictions', () => {
    const s = store()
    const file = path.join(s.dir, 'exported')
    const r = s.run([
      'export-login',
      '--snaps',
      'kubectl',
      '--channels',
      '1.33/edge,1.33/stable',
      '--acls',
      'package_access,package_push,package_release',
      '--expires',
      '2030-01-01T00:00:00Z',
      file,
    ])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      'Enter your Ubuntu One e-mail address and password.\nIf you do not have an Ubuntu One account, you can create one at https://snapcraft.io/account\n' +
        `Exported login credentials to '${file}'\n\nThese credentials must be used on Snapcraft 7.2 or greater.\n`,
    )
    expect(statSync(file).mode & 0o777).toBe(0o400)
    const creds = readFileSync(file, 'utf8')
    expect(JSON.parse(Buffer.from(creds, 'base64').toString())).toMatchObject({
      t: 'u1-macaroon',
      v: { r: expect.any(String), d: expect.any(String) },
    })
    expect(s.run(['export-login', '-']).stdout).toMatch(
      /^Exported login credentials:\n[A-Za-z0-9+/=]+\n\nThese credentials must be used on Snapcraft 7\.2 or greater\.\n$/m,
    )

    const bad = s.run(['export-login', '--expires', 'tomorrow', path.join(s.dir, 'x')])
    expect([bad.status, bad.stderr]).toEqual([64, "The expiry follow an ISO 8601 format ('%Y-%m-%d' or '%Y-%m-%dT%H:%M:%SZ')\n"])
    const again = s.as(creds)(['export-login', path.join(s.dir, 'y')])
    expect(errorText(again)).toBe(
      "Cannot login with 'SNAPCRAFT_STORE_CREDENTIALS' set.\nRecommended resolution: Unset 'SNAPCRAFT_STORE_CREDENTIALS' and try again.",
    )

    const who = s.as(creds)(['whoami'])
    expect(who.stdout).toMatch(
      /^email: publisher@example\.com\nusername: publisher\nid: publisher-id\npermissions: package_access, package_push, package_release\nchannels: 1\.33\/edge, 1\.33\/stable\nexpires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n$/,
    )
  })
})

describe('snapcraft double: register, upload, release, close, status, revisions, tracks', () => {
  it('register: without --yes and no TTY the default answer is no (names.py, utils.py confirm_with_user)', () => {
    const s = store()
    const as = s.as(s.login())
    expect(as(['register', 'kubectl'])).toEqual({ status: 0, stdout: "Snap name 'kubectl' not registered\n", stderr: '' })
    expect(as(['register', 'kubectl', '--yes']).stdout).toBe("Registered 'kubectl'\n")
    // MODELLED: the store's answer for a taken name (no error list: craft-store's generic text).
    expect(errorText(as(['register', 'kubectl', '--yes']))).toBe('Issue encountered while processing your request: [409] Conflict.')
  })

  it('a name not registered, or registered by another account: resource-not-found before anything is uploaded', () => {
    const s = store()
    const mine = s.as(s.login())
    const theirs = s.as(s.login([], 'someone-else'))
    const snap = makeSnap('kubectl', '1.33.2', ['amd64'])
    const before = mine(['upload', snap])
    expect(before.status).toBe(1)
    expect(before.stderr).not.toContain('Uploading')
    expect(errorText(before)).toBe('Store operation failed:\n- resource-not-found: Snap not found for name=kubectl')
    expect(mine(['register', 'kubectl', '--yes']).status).toBe(0)
    for (const args of [
      ['upload', snap],
      ['status', 'kubectl'],
      ['revisions', 'kubectl'],
      ['tracks', 'kubectl'],
      ['release', 'kubectl', '1', 'edge'],
    ])
      expect(errorText(theirs(args))).toBe('Store operation failed:\n- resource-not-found: Snap not found for name=kubectl')
    expect(errorText(theirs(['close', 'kubectl', 'edge']))).toBe("'kubectl' not found or not owned by this account")
  })

  it('upload and release: messages, stderr progress, the duplicate answer, a missing track, status/revisions/tracks tables', () => {
    const s = store()
    const as = s.as(s.login())
    as(['register', 'kubectl', '--yes'])
    const amd64 = makeSnap('kubectl', '1.33.2', ['amd64'])
    const s390x = makeSnap('kubectl', '1.33.2', ['s390x'])

    expect(as(['status', 'kubectl']).stdout).toBe('This snap has no released revisions\n')
    // MODELLED: a channel of a track the snap does not have (tracks come from a forum request / the publisher API).
    const noTrack = as(['upload', amd64, '--release', '1.33/edge'])
    expect(errorText(noTrack)).toBe(
      'Uploading... (--->)\nUploading... (<---)\nStore operation failed:\n- invalid-field: Invalid track: 1.33',
    )
    expect(s.readState().snaps.kubectl.revisions).toEqual([])

    expect(s.run(['x-double', 'add-track', 'kubectl', '1.33']).status).toBe(0)
    const up = as(['upload', amd64, '--release', '1.33/edge,1.33/stable'])
    expect(up).toEqual({
      status: 0,
      stdout: "Revision 1 created for 'kubectl' and released to '1.33/edge' and '1.33/stable'\n",
      stderr: 'Uploading... (--->)\nUploading... (<---)\nStatus: processing\nStatus: ready to release!\n',
    })
    // Same content again: the store's processing answer, printed by client.py notify_upload; no new revision.
    const dup = as(['upload', amd64])
    expect(dup.status).toBe(1)
    expect(errorText(dup)).toMatch(/\nIssues while processing snap:\n- A file with this exact same content has already been uploaded$/)
    expect(s.readState().snaps.kubectl.revisions).toHaveLength(1)

    expect(as(['upload', s390x]).stdout).toBe("Revision 2 created for 'kubectl'\n")
    expect(as(['release', 'kubectl', '2', '1.33/beta,1.33/edge,latest/edge'])).toEqual({
      status: 0,
      stdout: "Released 'kubectl' revision 2 to channels: '1.33/beta', '1.33/edge', and 'latest/edge'\n",
      stderr: '',
    })
    expect(as(['release', 'kubectl', '1', 'edge', '--progressive', '50']).stdout).toBe(
      "Released 'kubectl' revision 1 to channels: 'edge'\n",
    )
    expect(errorText(as(['release', 'kubectl', '2', '1.34/edge']))).toBe('Store operation failed:\n- invalid-field: Invalid track: 1.34')

    expect(as(['status', 'kubectl']).stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        'latest   amd64   stable     -          -           -\n' +
        'latest   amd64   candidate  -          -           -\n' +
        'latest   amd64   beta       -          -           -\n' +
        'latest   amd64   edge       1.33.2     1           -\n' +
        'latest   s390x   stable     -          -           -\n' +
        'latest   s390x   candidate  -          -           -\n' +
        'latest   s390x   beta       -          -           -\n' +
        'latest   s390x   edge       1.33.2     2           -\n' +
        '1.33     amd64   stable     1.33.2     1           -\n' +
        '1.33     amd64   candidate  ↑          ↑           -\n' +
        '1.33     amd64   beta       ↑          ↑           -\n' +
        '1.33     amd64   edge       1.33.2     1           -\n' +
        '1.33     s390x   stable     -          -           -\n' +
        '1.33     s390x   candidate  -          -           -\n' +
        '1.33     s390x   beta       1.33.2     2           -\n' +
        '1.33     s390x   edge       1.33.2     2           -\n',
    )
    expect(as(['status', 'kubectl', '--arch', 's390x', '--track', '1.33']).stdout).toBe(
      'Track    Arch    Channel    Version    Revision    Progress\n' +
        '1.33     s390x   stable     -          -           -\n' +
        '1.33     s390x   candidate  -          -           -\n' +
        '1.33     s390x   beta       1.33.2     2           -\n' +
        '1.33     s390x   edge       1.33.2     2           -\n',
    )
    const noArch = as(['status', 'kubectl', '--arch', 'arm64'])
    expect([noArch.status, noArch.stdout, noArch.stderr]).toEqual([0, '', "No revisions for architecture 'arm64'\n"])

    expect(as(['close', 'kubectl', '1.33/edge']).stdout).toBe("Channel '1.33/edge' for 'kubectl' is now closed\n")
    const revs = as(['revisions', 'kubectl']).stdout
    expect(revs).toMatch(
      /^Rev\.    Uploaded              Arches    Version    Channels\n2       \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  s390x     1\.33\.2     1\.33\/beta\*,1\.33\/edge,latest\/edge\*\n1       \S{20}  amd64     1\.33\.2     1\.33\/edge,1\.33\/stable\*,latest\/edge\*\n$/,
    )
    expect(as(['revisions', 'kubectl', '--arch', 'amd64']).stdout.split('\n')).toHaveLength(3)
    expect(as(['tracks', 'kubectl']).stdout).toMatch(
      /^Name    Status    Creation-Date         Version-Pattern\nlatest  active    -                     -\n1\.33    active    \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  -\n$/,
    )
  })

  it('architectures [all], a file that is not there or not a snap', () => {
    const s = store()
    const as = s.as(s.login())
    as(['register', 'cdk-addons', '--yes'])
    expect(as(['upload', makeSnap('cdk-addons', '1.33.0', ['all']), '--release', 'edge']).status).toBe(0)
    expect(as(['status', 'cdk-addons']).stdout.split('\n')[1]).toBe('latest   all     stable     -          -           -')
    expect(as(['upload', path.join(s.dir, 'nope.snap')])).toEqual({
      status: 64,
      stdout: '',
      stderr: `'${path.join(s.dir, 'nope.snap')}' is not a valid file\n`,
    })
    const junk = path.join(s.dir, 'junk.snap')
    writeFileSync(junk, 'not squashfs')
    const j = as(['upload', junk])
    expect([j.status, errorText(j)]).toEqual([70, "snapcraft internal error: SnapDataExtractionError('junk.snap')"])
  })

  it('the 8.x aliases push, list-revisions, list-tracks still work with a deprecation line (the product must not use them: gone in 9)', () => {
    const s = store()
    const as = s.as(s.login())
    as(['register', 'kubectl', '--yes'])
    const push = as(['push', makeSnap('kubectl', '1.33.2', ['amd64'])])
    expect(push.stdout).toBe("Revision 1 created for 'kubectl'\n")
    expect(push.stderr.split('\n')[0]).toBe(
      "The 'push' command was renamed to 'upload'. Use 'upload' instead. The old name will be removed in a future release.",
    )
    const lr = as(['list-revisions', 'kubectl'])
    expect(lr.stderr).toBe(
      "The 'list-revisions' command was renamed to 'revisions'. Use 'revisions' instead. The old name will be removed in a future release.\n",
    )
    expect(lr.stdout).toBe(as(['revisions', 'kubectl']).stdout)
    expect(as(['list-tracks', 'kubectl']).stderr).toBe(
      "The 'list-tracks' command was renamed to 'tracks'. Use 'tracks' instead. The old name will be removed in a future release.\n",
    )
  })
})

describe('snapcraft double: restrictions of exported credentials (the store answers; some MODELLED, see the header)', () => {
  it('--snaps, --channels and --acls are enforced', () => {
    const s = store()
    const admin = s.as(s.login())
    admin(['register', 'kubectl', '--yes'])
    admin(['register', 'kube-proxy', '--yes'])
    s.run(['x-double', 'add-track', 'kubectl', '1.33'])
    const kubectl = makeSnap('kubectl', '1.33.2', ['amd64'])

    const onlyProxy = s.as(s.login(['--snaps', 'kube-proxy']))
    expect(errorText(onlyProxy(['upload', kubectl]))).toBe('Store operation failed:\n- resource-not-found: Snap not found for name=kubectl')

    // As seen in ahmetb/kubectx#491: after "Uploading...", the channel as typed.
    const edgeOnly = s.as(s.login(['--channels', '1.33/edge']))
    const refused = edgeOnly(['upload', kubectl, '--release', '1.33/stable'])
    expect(errorText(refused)).toBe(
      'Uploading... (--->)\nUploading... (<---)\nStore operation failed:\n- invalid-channel-permission: Macaroon channel restrictions (1.33/edge) do not allow release to 1.33/stable.',
    )
    expect(edgeOnly(['upload', kubectl, '--release', '1.33/edge']).status).toBe(0)
    expect(errorText(edgeOnly(['release', 'kubectl', '1', '1.33/edge,1.33/beta']))).toBe(
      'Store operation failed:\n- invalid-channel-permission: Macaroon channel restrictions (1.33/edge) do not allow release to 1.33/beta.',
    )
    // The case: restrictions "edge stable" refused a release to "stable" (the double compares latest/stable).
    const short = s.as(s.login(['--channels', 'edge,stable']))
    expect(errorText(short(['release', 'kubectl', '1', 'stable']))).toBe(
      'Store operation failed:\n- invalid-channel-permission: Macaroon channel restrictions (edge stable) do not allow release to stable.',
    )

    const readOnly = s.as(s.login(['--acls', 'package_access']))
    expect(errorText(readOnly(['upload', makeSnap('kubectl', '1.33.3', ['amd64'])]))).toBe(
      'Store operation failed:\n- macaroon-permission-required: Permission "package_push" is required as a macaroon caveat.',
    )
    expect(errorText(readOnly(['release', 'kubectl', '1', '1.33/beta']))).toBe(
      'Store operation failed:\n- macaroon-permission-required: Permission "package_release" is required as a macaroon caveat.',
    )
    expect(readOnly(['status', 'kubectl']).status).toBe(0)
  })
})

describe('snapcraft double: parallel uploads, faults, calls.jsonl', () => {
  it('8 uploads at once get 8 distinct revisions and leave a whole state', async () => {
    const s = store()
    const creds = s.login()
    s.as(creds)(['register', 'kubectl', '--yes'])
    const arches = ['amd64', 'arm64', 'armhf', 'ppc64el', 's390x', 'riscv64', 'amd64', 'arm64']
    const snaps = arches.map((a, i) => makeSnap('kubectl', `1.33.${i}`, [a], `parallel-${i}`))
    const started = Date.now()
    const results = await Promise.all(
      snaps.map(
        (file) =>
          new Promise<Result>((resolve) => {
            const child = spawn(DOUBLE, ['upload', file], {
              env: { ...s.env, SNAPCRAFT_STORE_CREDENTIALS: creds, SNAPCRAFT_DOUBLE_LATENCY_MS: '400' },
            })
            let stdout = ''
            let stderr = ''
            child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
            child.on('close', (status) => resolve({ status, stdout, stderr }))
          }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(0))
    const numbers = results.map((r) => Number(/^Revision (\d+) created for 'kubectl'\n$/.exec(r.stdout)?.[1]))
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(Date.now() - started).toBeLessThan(8 * 400)
    const revs = s.readState().snaps.kubectl.revisions
    expect(revs.map((r) => r.revision).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(new Set(revs.map((r) => r.sha3_384)).size).toBe(8)
    expect(existsSync(path.join(s.state, 'state.json.lock'))).toBe(false)
  })

  it('faults: 500 and reset exhaust the retries, timeout is an internal error, auth, lost-reply then the duplicate answer', () => {
    const s = store()
    const creds = s.login()
    const as = s.as(creds)
    as(['register', 'kubectl', '--yes'])
    const snap = makeSnap('kubectl', '1.33.2', ['amd64'])

    const once500 = { SNAPCRAFT_DOUBLE_FAIL: 'upload:500:1' }
    expect(errorText(as(['upload', snap], once500))).toBe('Maximum retries exceeded trying to reach the store.')
    expect(as(['upload', snap], once500).stdout).toBe("Revision 1 created for 'kubectl'\n")

    const reset = { SNAPCRAFT_DOUBLE_FAIL: 'release:reset,status:reset' }
    expect(errorText(as(['release', 'kubectl', '1', 'edge'], reset))).toBe(
      "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
    )
    expect(errorText(as(['status', 'kubectl'], reset))).toBe('Maximum retries exceeded trying to reach the store.')
    const timeout = as(['revisions', 'kubectl'], { SNAPCRAFT_DOUBLE_FAIL: 'revisions:timeout' })
    expect(timeout.status).toBe(70)
    expect(errorText(timeout)).toMatch(/^snapcraft internal error: ReadTimeout\(ReadTimeoutError\(/)
    expect(errorText(as(['tracks', 'kubectl'], { SNAPCRAFT_DOUBLE_FAIL: 'tracks:auth' }))).toBe(
      'Exported credentials are no longer valid for the Snap Store.\nRecommended resolution: Run export-login and update SNAPCRAFT_STORE_CREDENTIALS.',
    )
    // <skip>: the first status passes, the second fails.
    const skip = { SNAPCRAFT_DOUBLE_FAIL: 'status:500:1:1' }
    expect(as(['status', 'kubectl'], skip).status).toBe(0)
    expect(as(['status', 'kubectl'], skip).status).toBe(1)

    // The store took the upload, the reply was lost: the retry meets the duplicate answer.
    const other = makeSnap('kubectl', '1.33.3', ['amd64'])
    const lost = as(['upload', other, '--release', 'edge'], { SNAPCRAFT_DOUBLE_FAIL: 'upload:lost-reply:1' })
    expect(errorText(lost)).toMatch(/Connection reset by peer'\)\)$/)
    expect(errorText(as(['upload', other, '--release', 'edge']))).toMatch(
      /- A file with this exact same content has already been uploaded$/,
    )
    expect(as(['status', 'kubectl']).stdout).toContain('latest   amd64   edge       1.33.3     2           -')
  })

  it('calls.jsonl holds argv and whether the credentials were set, never the credential', () => {
    const s = store()
    const creds = s.login(['--snaps', 'kubectl'])
    const as = s.as(creds)
    as(['register', 'kubectl', '--yes'])
    as(['upload', makeSnap('kubectl', '1.33.2', ['amd64']), '--release', 'edge'])
    as(['whoami'])
    const calls = s.calls()
    const decoded = JSON.parse(Buffer.from(creds, 'base64').toString()) as { v: { r: string; d: string } }
    for (const secret of [creds, decoded.v.r, decoded.v.d]) expect(calls).not.toContain(secret)
    const lines = calls
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { argv: string[]; credentials: boolean })
    expect(lines.map((l) => [l.argv[0], l.credentials])).toEqual([
      ['export-login', false],
      ['register', true],
      ['upload', true],
      ['whoami', true],
    ])
  })
})

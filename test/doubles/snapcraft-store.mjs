// TEST DOUBLE of snapcraft 8's Snap Store commands (canonical/snapcraft), NOT the real tool and NOT the store.
// test/doubles/snapcraft hands every store command to this module. Written from snapcraft tag 8.14.5 (f725c11):
// - snapcraft/commands/upload.py: `Revision {revision!r} created for {name!r}` + ` and released to ` +
//   utils.humanize_list(channels, 'and') (items quoted with {!r} and sorted; "a, b, and c" from three on).
// - snapcraft/store/client.py verify_upload: a processed upload with errors raises
//   "Issues while processing snap:\n- <message>" per error; the store's duplicate answer is
//   "A file with this exact same content has already been uploaded" (snapcraft prints it the same way).
//   request(): a 401 with SNAPCRAFT_STORE_CREDENTIALS set is "Exported credentials are no longer valid for the Snap
//   Store." (resolution "Run export-login and update SNAPCRAFT_STORE_CREDENTIALS."); without credentials snapcraft
//   says "You are required to login before continuing" and starts an interactive login.
// - snapcraft/commands/manage.py StoreReleaseCommand: `Released {name!r} revision {revision!r} to channels: ` +
//   humanize_list(channels, 'and') (channels as given, quoted and sorted).
// - snapcraft/commands/status.py: status (get_tabulated_channel_map with repeat = not a TTY: Track and Arch on
//   every channel's row; risks in the track's order, `-` until a risk holds a revision, `↑` after it; an arch is
//   listed in a track only when a channel of that track holds something for it; "This snap has no released
//   revisions"), tracks (Name Status Creation-Date Version-Pattern, sorted by creation date, `-` for none) and
//   revisions (Rev. Uploaded Arches Version Channels; `*` marks a channel the revision is current in), each a
//   tabulate(tablefmt="plain") table: a column is as wide as its widest cell and its header plus 2, columns two
//   spaces apart, each line's trailing spaces stripped (as python3-tabulate prints it).
// - snapcraft/commands/names.py register: "Registered {name!r}" (--yes skips the confirmation).
// - snapcraft/commands/account.py export-login FILE [--snaps] [--channels] [--acls] [--expires]; whoami.
// - canonical/craft-store errors.py StoreServerError: "Store operation failed:\n- <code>: <message>".
// MODELLED, not read from a source: the store's answer for a release into a track that does not exist
// ("- invalid-field: Invalid track: <track>"), for a credential without package_push / package_release
// ("- macaroon-permission-required: Permission is required: <acl>"), and for a snap the credential's --snaps
// does not cover (the same "resource-not-found: Snap not found for name=<name>" as an unregistered name); the
// non-interactive failure of the login prompt ("Cannot prompt for input: stdin is not a terminal").
//
// State: $SNAPCRAFT_DOUBLE_STATE/store.json (accounts' credentials, snaps, revisions, channel map), written under a
// lock (several uploads run at once) with a temp file and a rename; calls.jsonl: one line per call, argv and
// whether SNAPCRAFT_STORE_CREDENTIALS was set, never its value.
// Double-only (NOT snapcraft): `snapcraft x-double add-track NAME TRACK...` makes tracks, standing in for the
// store's publisher API (POST /v1/snap/<name>/tracks) or a forum request.
// Modes: SNAPCRAFT_DOUBLE_LATENCY_MS (every store call waits that long: a benchmark's store round trip);
//   SNAPCRAFT_DOUBLE_ACCOUNT (export-login for another account); SNAPCRAFT_DOUBLE_FAIL="<command>:<kind>[:<times>
//   [:<skip>]],..." with kind timeout | reset | 500 | auth, counted in the state directory.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const RISKS = ['stable', 'candidate', 'beta', 'edge']

function out(text) {
  process.stdout.write(`${text}\n`)
}
function fail(message, code = 1) {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}
const storeError = (code, message) => fail(`Store operation failed:\n- ${code}: ${message}`)
const humanize = (items) => {
  const q = items.map((i) => `'${i}'`).sort()
  if (q.length <= 1) return q.join('')
  return `${q.slice(0, -1).join(', ')}${q.length > 2 ? ',' : ''} and ${q.at(-1)}`
}
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** tabulate(rows, headers, tablefmt="plain"): widths max(cell, header + 2), two spaces apart, lines rstripped. */
export function tabulate(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length + 2, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .replace(/\s+$/, '')
  return [line(headers), ...rows.map(line)].join('\n')
}

export function runStore(argv, stateDir) {
  const [command, ...args] = argv
  if (!stateDir) fail('SNAPCRAFT_DOUBLE_STATE is not set (the snapcraft test double keeps its store there)')
  mkdirSync(stateDir, { recursive: true })
  const creds = process.env.SNAPCRAFT_STORE_CREDENTIALS
  appendFileSync(path.join(stateDir, 'calls.jsonl'), `${JSON.stringify({ argv, auth: !!creds })}\n`)
  const file = path.join(stateDir, 'store.json')
  const lock = path.join(stateDir, 'store.lock')
  const load = () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { credentials: {}, snaps: {}, faults: {} })
  const save = (s) => {
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(s, null, 1))
    renameSync(tmp, file)
  }
  /** Read-modify-write under the lock (mkdir is atomic); a stale lock (> 30 s) is broken. */
  const locked = (fn) => {
    for (let i = 0; ; i++) {
      try {
        mkdirSync(lock)
        break
      } catch {
        if (i > 3000 || Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 30_000) rmSync(lock, { recursive: true, force: true })
        sleep(10)
      }
    }
    try {
      const s = load()
      const r = fn(s)
      save(s)
      return r
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
  const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--release', '--arch', '--track', '--snaps', '--channels', '--acls', '--expires', '--progressive'].includes(args[i - 1])))
  const flag = (name) => {
    const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
    if (i < 0) return undefined
    return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1]
  }

  if (command === 'x-double') {
    const [verb, name, ...tracks] = pos
    if (verb !== 'add-track' || !name || !tracks.length) fail('usage: snapcraft x-double add-track NAME TRACK... (test double only)', 2)
    locked((s) => {
      const snap = (s.snaps[name] ??= { account: null, tracks: [{ name: 'latest', created: '-' }], revisions: [], map: {} })
      for (const t of tracks) if (!snap.tracks.some((x) => x.name === t)) snap.tracks.push({ name: t, created: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })
    })
    return
  }
  if (command === 'export-login') {
    const target = pos[0]
    if (!target) fail("Usage: snapcraft export-login [options] <login-file>\nError: the following arguments are required: login-file", 64)
    const token = randomBytes(18).toString('hex')
    const account = process.env.SNAPCRAFT_DOUBLE_ACCOUNT || 'publisher'
    const list = (v) => (v ? v.split(',').filter(Boolean) : null)
    locked((s) => {
      s.credentials[token] = { account, snaps: list(flag('snaps')), channels: list(flag('channels')), acls: list(flag('acls')), expires: flag('expires') ?? null }
    })
    const text = Buffer.from(JSON.stringify({ t: 'u1-macaroon', v: { r: token } })).toString('base64')
    if (target === '-') out(text)
    else writeFileSync(target, text, { mode: 0o600 })
    if (target !== '-') out(`Exported login credentials to '${target}'\n\nThese credentials must be used on Snapcraft 7.2 or greater.`)
    return
  }

  // Every other command talks to the store: credentials first.
  if (!creds) {
    out('You are required to login before continuing')
    fail('Cannot prompt for input: stdin is not a terminal')
  }
  let token
  try {
    token = JSON.parse(Buffer.from(creds, 'base64').toString('utf8'))?.v?.r
  } catch {
    token = undefined
  }
  const s0 = load()
  const cred = token && s0.credentials[token]
  const expired = cred?.expires && Date.parse(cred.expires) < Date.now()
  const invalid = () => fail('Exported credentials are no longer valid for the Snap Store.\nRecommended resolution: Run export-login and update SNAPCRAFT_STORE_CREDENTIALS.')
  if (!cred || expired) invalid()
  // Faults and latency: the store's round trip.
  const latency = Number(process.env.SNAPCRAFT_DOUBLE_LATENCY_MS || 0)
  if (latency > 0) sleep(latency)
  for (const spec of (process.env.SNAPCRAFT_DOUBLE_FAIL || '').split(',').filter(Boolean)) {
    const [cmd, kind, times, skip] = spec.split(':')
    if (cmd !== command) continue
    const n = locked((s) => ((s.faults ??= {})[spec] = (s.faults[spec] ?? 0) + 1))
    if (n <= Number(skip || 0) || (times && n > Number(skip || 0) + Number(times))) continue
    if (kind === 'timeout') fail('Store operation failed: The read operation timed out')
    if (kind === 'reset') fail('Store operation failed: Connection reset by peer')
    if (kind === 'auth') invalid()
    storeError('server-error', 'Internal Server Error (500)')
  }
  /** The snap, if this credential's account may use it; else the store's not-found answer. */
  const mine = (s, name) => {
    const snap = s.snaps[name]
    if (!snap || snap.account !== cred.account || (cred.snaps && !cred.snaps.includes(name))) storeError('resource-not-found', `Snap not found for name=${name}`)
    return snap
  }
  const canRelease = (snap, channels, acl) => {
    if (cred.acls && !cred.acls.includes(acl)) storeError('macaroon-permission-required', `Permission is required: ${acl}`)
    for (const c of channels) {
      const [track, risk] = c.includes('/') ? c.split('/') : ['latest', c]
      if (cred.channels && !cred.channels.includes(c) && !cred.channels.includes(risk))
        storeError('invalid-channel-permission', `Macaroon channel restrictions (${cred.channels.join(' ')}) do not allow release to ${c}.`)
      if (!snap.tracks.some((t) => t.name === track)) storeError('invalid-field', `Invalid track: ${track}`)
    }
  }
  const norm = (c) => (c.includes('/') ? c : `latest/${c}`)
  const release = (snap, rev, channels) => {
    for (const c of channels.map(norm)) for (const a of rev.arches) snap.map[`${c}|${a}`] = rev.revision
  }

  if (command === 'whoami') {
    out(
      `email: ${cred.account}@example.invalid\nusername: ${cred.account}\nid: ${createHash('sha256').update(cred.account).digest('hex').slice(0, 32)}\npermissions: ${cred.acls?.join(', ') ?? 'no restrictions'}\nchannels: ${cred.channels?.join(', ') ?? 'no restrictions'}\nexpires: ${cred.expires ?? 'N/A'}`,
    )
    return
  }
  if (command === 'register') {
    const name = pos[0]
    locked((s) => {
      const snap = (s.snaps[name] ??= { account: null, tracks: [{ name: 'latest', created: '-' }], revisions: [], map: {} })
      if (snap.account && snap.account !== cred.account) storeError('already_registered', `The name '${name}' is already taken.`)
      snap.account = cred.account
    })
    out(`Registered '${name}'`)
    return
  }
  if (command === 'upload' || command === 'push') {
    const snapFile = pos[0]
    if (!snapFile || !existsSync(snapFile)) fail(`'${snapFile}' is not a valid file`, 64)
    const yaml = execFileSync('unsquashfs', ['-cat', snapFile, 'meta/snap.yaml'], { encoding: 'utf8' })
    const field = (k) => new RegExp(`^${k}:\\s*['"]?([^'"\\n]+)['"]?\\s*$`, 'm').exec(yaml)?.[1]?.trim()
    const name = field('name')
    const version = field('version')
    const archLine = /^architectures:\s*\[([^\]]*)\]/m.exec(yaml)?.[1] ?? /^architectures:\s*\n((?:\s+-\s*\S+\n?)+)/m.exec(yaml)?.[1] ?? 'all'
    const arches = archLine.split(/[\s,\-[\]]+/).filter(Boolean)
    const digest = createHash('sha3-384').update(readFileSync(snapFile)).digest('hex')
    const channels = (flag('release') ?? '').split(',').filter(Boolean)
    const revision = locked((s) => {
      const snap = mine(s, name)
      if (cred.acls && !cred.acls.includes('package_push')) storeError('macaroon-permission-required', 'Permission is required: package_push')
      if (channels.length) canRelease(snap, channels, 'package_release')
      if (snap.revisions.some((r) => r.digest === digest)) fail('Issues while processing snap:\n- A file with this exact same content has already been uploaded')
      const rev = { revision: snap.revisions.length + 1, version, arches, digest, uploaded: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }
      snap.revisions.push(rev)
      release(snap, rev, channels)
      return rev.revision
    })
    out(`Revision ${revision} created for '${name}'${channels.length ? ` and released to ${humanize(channels)}` : ''}`)
    return
  }
  if (command === 'release') {
    const [name, revText, channelText] = pos
    const channels = (channelText ?? '').split(',').filter(Boolean)
    locked((s) => {
      const snap = mine(s, name)
      const rev = snap.revisions.find((r) => r.revision === Number(revText))
      if (!rev) storeError('invalid-field', `Invalid revision: ${revText}`)
      canRelease(snap, channels, 'package_release')
      release(snap, rev, channels)
    })
    out(`Released '${name}' revision ${Number(revText)} to channels: ${humanize(channels)}`)
    return
  }
  const s = load()
  const snap = mine(s, pos[0])
  if (command === 'tracks' || command === 'list-tracks') {
    const rows = [...snap.tracks]
      .sort((a, b) => a.created.localeCompare(b.created))
      .map((t) => [t.name, t.name === 'latest' ? 'default' : 'active', t.created, '-'])
    out(tabulate(rows, ['Name', 'Status', 'Creation-Date', 'Version-Pattern']))
    return
  }
  if (command === 'revisions' || command === 'list-revisions') {
    const arch = flag('arch')
    const released = Object.keys(snap.map).length > 0
    const rows = [...snap.revisions]
      .reverse()
      .filter((r) => !arch || r.arches.includes(arch))
      .map((r) => {
        const current = [...new Set(Object.entries(snap.map).filter(([, v]) => v === r.revision).map(([k]) => `${k.split('|')[0]}*`))].sort()
        return [String(r.revision), r.uploaded, r.arches.join(','), r.version, ...(released ? [current.join(',') || '-'] : [])]
      })
    out(tabulate(rows, ['Rev.', 'Uploaded', 'Arches', 'Version', ...(released ? ['Channels'] : [])]))
    return
  }
  if (command === 'status') {
    if (!Object.keys(snap.map).length) return out('This snap has no released revisions')
    const archFilter = flag('arch')
    const trackFilter = flag('track')
    const rows = []
    for (const t of snap.tracks) {
      if (trackFilter && t.name !== trackFilter) continue
      const arches = [...new Set(Object.keys(snap.map).filter((k) => k.startsWith(`${t.name}/`)).map((k) => k.split('|')[1]))].sort()
      for (const a of arches) {
        if (archFilter && a !== archFilter) continue
        let tick = '-'
        for (const risk of RISKS) {
          const rev = snap.map[`${t.name}/${risk}|${a}`]
          const r = rev && snap.revisions.find((x) => x.revision === rev)
          rows.push([t.name, a, risk, r ? r.version : tick, r ? String(r.revision) : tick, '-', ''])
          if (r) tick = '↑'
        }
      }
    }
    out(tabulate(rows, ['Track', 'Arch', 'Channel', 'Version', 'Revision', 'Progress', '']))
    return
  }
  fail(`Error: No such command '${command}'. (test double)`, 64)
}

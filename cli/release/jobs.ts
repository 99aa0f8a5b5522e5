/** What the local pipeline's pack and charm jobs do beside their actions, as release.yml's steps do it on GitHub. */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, stat, symlink, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../../shared/errors.js'
import { run } from '../../shared/exec.js'
import type { PackPlan } from '../../shared/release/plan.js'
import { repoRoot } from '../local.js'

/**
 * charm-build's inputs in a pack job (release.yml's "Pack <entry>" step). An emulated entry is packed in a docker
 * container of its platform and release on this machine, with no network (containers here never get one), by
 * `charmcraft`: the python charmcraft the container runs (the pack double test/doubles/charmcraft2 by default,
 * or the file --charmcraft names).
 */
export function packInputs(p: PackPlan, charmcraft: string): Record<string, string> {
  return {
    'charm-path': p.path,
    builder: p.builder,
    'bases-index': p['bases-index'],
    platform: p.platform,
    'destructive-mode': p.destructive,
    arches: p.arches,
    'output-dir': p['pack-dir'],
    ...(p.route === 'emulated'
      ? {
          'container-platform': p['container-platform'],
          'container-image': p['container-image'],
          'container-network': 'none',
          'charmcraft-path': charmcraft,
        }
      : {}),
  }
}

/** What a pack job uploads (its directory but SHA256SUMS and manifest.json) — and the charm job downloads, merged. */
const NOT_UPLOADED = new Set(['SHA256SUMS', 'manifest.json'])

/** "Collect the .charm files of its pack jobs": every pack job's artifact of the charm, merged into one directory. */
export async function collectPacks(packs: PackPlan[], charmDir: string): Promise<void> {
  await mkdir(charmDir, { recursive: true })
  for (const p of packs) {
    if (!existsSync(p['pack-dir'])) throw new UserError(`${p.artifact}: no such artifact; its pack job uploaded nothing`)
    for (const f of await readdir(p['pack-dir'])) {
      if (NOT_UPLOADED.has(f) || !(await stat(path.join(p['pack-dir'], f))).isFile()) continue
      await copyFile(path.join(p['pack-dir'], f), path.join(charmDir, f))
    }
  }
}

/** The double's credential for one store directory: made once, then read back. */
export async function storeToken(file: string): Promise<string> {
  const known = await readFile(file, 'utf8').catch(() => '')
  if (known.trim()) return known.trim()
  const token = randomBytes(12).toString('hex')
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, token, { mode: 0o600 })
  return token
}

/** `--charmcraft PATH` / `--snapcraft PATH`: the program's absolute path, refused when it is not a file. */
export async function storeTool(name: 'charmcraft' | 'snapcraft', given: string): Promise<string> {
  const tool = path.resolve(given)
  if (!(await stat(tool).catch(() => undefined))?.isFile())
    throw new UserError(`--${name}: ${tool} is not a file; give the path of a ${name} program (e.g. /snap/bin/${name})`)
  return tool
}

export interface StoreSetup {
  /** The credentials the release and promote jobs pass (charm-attach-release's credentials input). */
  token: string
  env: Record<string, string>
  banner: string
}

/**
 * Which charmcraft the jobs call. By default the TEST DOUBLE (test/doubles/charmcraft), never Charmhub, first on
 * PATH, with its state under <output-dir>/store. With `--charmcraft PATH`, that program as `charmcraft` (first on
 * PATH through a symlink) and the credentials in CHARMCRAFT_AUTH: the real charmcraft releases for real.
 */
export async function storeSetup(o: { charmcraft?: string; dryRun: string }, storeDir: string, out: string): Promise<StoreSetup> {
  const doubles = path.join(repoRoot, 'test', 'doubles')
  if (!o.charmcraft) {
    // One account per double store: its credential is kept beside it, so a re-run is the same account.
    const token = await storeToken(path.join(storeDir, 'charmcraft-token'))
    return {
      token,
      // The release ledger (which resource files and tracks the store has) lives in the cache: it belongs to this
      // double's store, so it sits beside it, not in ~/.cache where another run's store would read it.
      env: {
        PATH: `${doubles}${path.delimiter}${process.env.PATH}`,
        CHARMCRAFT_DOUBLE_STATE: storeDir,
        CHARMCRAFT_DOUBLE_TOKEN: token,
        BUILD_SNAPS_CACHE_DIR: path.join(out, 'cache'),
      },
      banner: `▶ Store: the charmcraft TEST DOUBLE (test/doubles/charmcraft), state in ${storeDir}`,
    }
  }
  const tool = await storeTool('charmcraft', o.charmcraft)
  const token = process.env.CHARMCRAFT_AUTH ?? ''
  if (!token && o.dryRun !== 'true')
    throw new UserError('--charmcraft: CHARMCRAFT_AUTH is not set; export it (charmcraft login --export FILE) or run with --dry-run true')
  const bin = path.join(out, 'charmcraft-bin')
  await rm(bin, { recursive: true, force: true })
  await mkdir(bin, { recursive: true })
  await symlink(tool, path.join(bin, 'charmcraft'))
  // charm-tools (charm) still comes from the doubles when it is not installed: it never talks to a store here.
  return {
    token,
    env: {
      PATH: `${bin}${path.delimiter}${process.env.PATH}${path.delimiter}${doubles}`,
      CHARMCRAFT_DOUBLE_STATE: '',
      CHARMCRAFT_DOUBLE_TOKEN: '',
    },
    banner: `▶ Store: whatever ${tool} talks to (credentials from CHARMCRAFT_AUTH); the double is not used`,
  }
}

export interface SnapStoreSetup {
  /** The snapcraft the snaps job runs. */
  snapcraft: string
  credentials: string
  env: Record<string, string>
  banner: string
}

/**
 * Which snapcraft the snaps job calls. By default the TEST DOUBLE (test/doubles/snapcraft), never the Snap Store,
 * with its state under <output-dir>/snap-store: its credential is exported once and kept there, every snap the
 * release publishes or the gate reads is registered, and the tracks of the snap-store channels are made (the
 * one-time steps a publisher takes on the real store). With `--snapcraft PATH`, that program and the credential
 * in SNAPCRAFT_STORE_CREDENTIALS: nothing is registered or made for you.
 */
export async function snapStoreSetup(
  o: { snapcraft?: string; snapSetup?: boolean; charmcraft?: string; dryRun: string },
  out: string,
  names: string[],
  channels: string[],
): Promise<SnapStoreSetup> {
  // Charms released to a real Charmhub are gated on the real Snap Store, never on the double's.
  if (o.charmcraft && !o.snapcraft && o.dryRun !== 'true')
    throw new UserError(
      '--charmcraft releases to a real Charmhub, and the gate must read the real Snap Store: give --snapcraft PATH (e.g. /snap/bin/snapcraft) with SNAPCRAFT_STORE_CREDENTIALS, or run with --dry-run true',
    )
  if (o.snapcraft) {
    const tool = await storeTool('snapcraft', o.snapcraft)
    return {
      snapcraft: tool,
      credentials: process.env.SNAPCRAFT_STORE_CREDENTIALS ?? '',
      env: {},
      banner: `▶ Snap Store: whatever ${tool} talks to (credentials from SNAPCRAFT_STORE_CREDENTIALS); the double is not used`,
    }
  }
  const state = path.join(out, 'snap-store')
  const snapcraft = path.join(repoRoot, 'test', 'doubles', 'snapcraft')
  const env = { SNAPCRAFT_DOUBLE_STATE: state }
  await mkdir(state, { recursive: true })
  const file = path.join(state, 'credentials')
  // snapcraft refuses export-login with SNAPCRAFT_STORE_CREDENTIALS set: the double's own credential is made without it.
  if (!existsSync(file)) await run(snapcraft, ['export-login', file], { env: { ...env, SNAPCRAFT_STORE_CREDENTIALS: undefined } })
  const credentials = (await readFile(file, 'utf8')).trim()
  if (o.snapSetup !== false) {
    const tracks = [...new Set(channels.map((c) => c.split('/')[0]).filter((t) => t !== 'latest'))]
    for (const n of names) {
      await run(snapcraft, ['register', '--yes', n], { env: { ...env, SNAPCRAFT_STORE_CREDENTIALS: credentials }, allowFailure: true })
      if (tracks.length) await run(snapcraft, ['x-double', 'add-track', n, ...tracks], { env, allowFailure: true })
    }
  }
  return { snapcraft, credentials, env, banner: `▶ Snap Store: the snapcraft TEST DOUBLE (test/doubles/snapcraft), state in ${state}` }
}

/**
 * The pure half of a charm release: channel validation, the `resources` input (with `{arch}` expansion),
 * which architecture a resource file must be, completeness against what the charm declares, and the
 * release plan shown by a dry run. No I/O here; shared/charm/release.ts does the checking of files and
 * the talking to the store.
 */
import { ARCHES, type Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { expandTemplate, splitLines } from '../inputs.js'
import type { CharmResource } from './metadata.js'

export const RISKS = ['edge', 'beta', 'candidate', 'stable'] as const
export type Risk = (typeof RISKS)[number]

export interface Channel {
  track: string
  risk: Risk
  branch?: string
  /** Canonical `track/risk[/branch]`. */
  name: string
}

const CHANNEL_PART_RE = /^[a-z0-9][a-z0-9._-]*$/i

/**
 * Parse `track/risk[/branch]` (or a bare risk, meaning track `latest`, as charmcraft reads it).
 * With legacy (charm store) channels only a bare risk is valid: that store had no tracks.
 */
export function parseChannel(value: string, inputName = 'channel', legacy = false): Channel {
  const text = value.trim()
  const parts = text.split('/')
  const fix = legacy ? `use one of ${RISKS.join(', ')} (the charm store has no tracks)` : `use track/risk[/branch], e.g. 1.31/edge or latest/stable, with risk one of ${RISKS.join(', ')}`
  if (text === '' || parts.length > 3 || parts.some((p) => !CHANNEL_PART_RE.test(p))) throw new UserError(`${inputName}: '${text}' is not a valid channel; ${fix}`)
  const [track, risk, branch] = parts.length === 1 ? ['latest', parts[0], undefined] : [parts[0], parts[1], parts[2]]
  if (!(RISKS as readonly string[]).includes(risk)) throw new UserError(`${inputName}: '${text}' has risk '${risk}'; ${fix}`)
  if (legacy && parts.length > 1) throw new UserError(`${inputName}: '${text}' is not a valid charm store channel; ${fix}`)
  const name = legacy ? risk : [track, risk, branch].filter(Boolean).join('/')
  return { track, risk: risk as Risk, ...(branch ? { branch } : {}), name }
}

/** One `name=path` of the resources input, after `{arch}` expansion. */
export interface ResourceFile {
  name: string
  path: string
  /** The architecture the file must be built for, when it can be told (see resourceArch). */
  arch?: Arch
}

/**
 * Parse the resources input: `name=path` lines; a line containing `{arch}` is repeated for every arch of
 * `arches` with `{arch}` replaced by the Debian name (the spelling of charm resource names, FACTS.md §1).
 * The `resources` output of zero-byte-snaps can be pasted in as is.
 */
export function parseResourceLines(value: string, arches: Arch[], inputName = 'resources'): ResourceFile[] {
  const out: ResourceFile[] = []
  for (const line of splitLines(value)) {
    const i = line.indexOf('=')
    if (i <= 0 || i === line.length - 1) throw new UserError(`${inputName}: '${line}' is not a name=path line`)
    const [nameT, pathT] = [line.slice(0, i).trim(), line.slice(i + 1).trim()]
    if (line.includes('{arch}')) {
      if (arches.length === 0) throw new UserError(`${inputName}: '${line}' uses {arch}; set the arches input (e.g. amd64 arm64 s390x)`)
      for (const a of arches) {
        out.push({ name: expandTemplate(nameT, { arch: a.debian }, inputName), path: expandTemplate(pathT, { arch: a.debian }, inputName), arch: a })
      }
    } else {
      out.push({ name: expandTemplate(nameT, {}, inputName), path: expandTemplate(pathT, {}, inputName) })
    }
  }
  const seen = new Set<string>()
  for (const r of out) {
    if (seen.has(r.name)) throw new UserError(`${inputName}: resource '${r.name}' is given twice; keep one line for it`)
    seen.add(r.name)
  }
  return out
}

/**
 * The architecture a resource file must be: the `{arch}` it was expanded with, else the Debian name the
 * resource name ends with (`cni-s390x`, FACTS.md §4), else the single arch of `arches` (a hint for a matrix job
 * that attaches one arch's snaps), else unknown (any architecture is accepted).
 */
export function resourceArch(r: ResourceFile, arches: Arch[]): Arch | undefined {
  if (r.arch) return r.arch
  const bySuffix = ARCHES.find((a) => r.name.endsWith(`-${a.debian}`))
  if (bySuffix) return bySuffix
  return arches.length === 1 ? arches[0] : undefined
}

/**
 * Check the given resources against the charm's declared ones: each given one is declared and a file
 * resource, and each declared one is either given or kept. Returns the names kept.
 */
export function checkResourceCoverage(charm: string, declared: CharmResource[], given: ResourceFile[], keep: string[]): void {
  const names = new Set(declared.map((d) => d.name))
  const list = declared.map((d) => d.name).join(', ') || '(none)'
  for (const r of given) {
    const d = declared.find((x) => x.name === r.name)
    if (!d) throw new UserError(`resources: charm ${charm} declares no resource '${r.name}'; its resources are ${list}`)
    if (d.type !== 'file') throw new UserError(`resources: '${r.name}' is an ${d.type} resource; only file resources can be uploaded here, name it in keep-resources`)
  }
  for (const k of keep) {
    if (!names.has(k)) throw new UserError(`keep-resources: charm ${charm} declares no resource '${k}'; its resources are ${list}`)
    if (given.some((g) => g.name === k)) throw new UserError(`keep-resources: '${k}' is also given in resources; drop it from one of them`)
  }
  const missing = declared.filter((d) => !given.some((g) => g.name === d.name) && !keep.includes(d.name)).map((d) => d.name)
  if (missing.length > 0) {
    throw new UserError(`resources: charm ${charm} declares ${missing.join(', ')} but no file is given for ${missing.length === 1 ? 'it' : 'them'}; add name=path lines, or name ${missing.length === 1 ? 'it' : 'them'} in keep-resources to keep the released revision`)
  }
}

/** A file as the plan shows it. */
export interface FileFacts {
  path: string
  size: number
  sha256: string
}

export interface PlannedResource extends ResourceFile {
  facts: FileFacts
  snap: boolean
}

/** The commands a release runs, with `<...>` where a value comes back from an earlier command. */
export function planCommands(
  tool: string,
  charm: { name: string; file?: string; revision?: number },
  resources: PlannedResource[],
  keep: string[],
  channel: Channel,
): string[][] {
  const cmds: string[][] = []
  if (charm.file) cmds.push([tool, 'upload', '--format', 'json', charm.file])
  for (const r of resources) cmds.push([tool, 'upload-resource', '--format', 'json', charm.name, r.name, '--filepath', r.facts.path])
  const rev = charm.revision !== undefined ? String(charm.revision) : '<charm revision from upload>'
  const resArgs = [
    ...resources.flatMap((r) => ['--resource', `${r.name}:<revision from upload-resource ${r.name}>`]),
    ...keep.flatMap((k) => ['--resource', `${k}:<revision released in ${channel.name}>`]),
  ]
  cmds.push([tool, 'release', charm.name, '--revision', rev, '--channel', channel.name, ...resArgs])
  return cmds
}

/** The legacy charm store's commands (the seed's push / attach / release / grant), with `<...>` placeholders. */
export function planLegacyCommands(url: string, charmFile: string | undefined, revision: number | undefined, resources: PlannedResource[], channel: Channel): string[][] {
  const rev = revision !== undefined ? `${url}-${revision}` : `${url}-<revision from push>`
  const cmds: string[][] = []
  if (charmFile) cmds.push(['charm', 'push', `<${charmFile} unpacked>`, url])
  for (const r of resources) cmds.push(['charm', 'attach', rev, `${r.name}=${r.facts.path}`])
  cmds.push(['charm', 'release', rev, '--channel', channel.name, ...resources.flatMap((r) => ['-r', `${r.name}-<revision from attach ${r.name}>`])])
  cmds.push(['charm', 'grant', rev, '--channel', channel.name, '--acl', 'read', 'everyone'])
  return cmds
}

/** Quote an argument for display when it needs it (the commands are always run as argument arrays). */
export function showCommand(argv: string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_./:=<>@+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}

/**
 * Every packed charm checked for its arch (docs/release.md#every-charm-is-checked-for-its-arch). No charm tool does
 * this, and a charm can carry machine code: charmcraft 2.x's `charm` plugin builds every Python dependency from
 * source on the build machine (`pip --no-binary :all:`), so a charm packed on the wrong host, or packed on amd64
 * and renamed, ships the wrong machine code to its units. Two checks, each refused in one line naming the .charm:
 *
 * - every ELF file inside is for the arch the charm runs on (e_machine, class, byte order, compared with the arch
 *   table's `elf` field through shared/elf.ts). A charm that runs on several arches, or on `all`, can hold no
 *   machine code that is right for all of them: one that carries any is refused;
 * - (charm-build) its manifest.yaml `bases` are exactly the run-on of the entry it was packed for.
 *
 * The .charm is unpacked with the real unzip into scratch (shared/sbom.ts withUnpackedArtifact, removed on every
 * path). charm-build checks each charm it packed before it is published (and deletes them all when one is
 * refused); charm-attach-release checks every .charm against its own manifest.yaml before anything is uploaded.
 */
import { readFile, readdir, lstat, rm } from 'node:fs/promises'
import path from 'node:path'
import { ARCHES, archFromElf } from '../arch.js'
import { type ElfHeader, describeElf, readElfHeader } from '../elf.js'
import { UserError } from '../errors.js'
import { withUnpackedArtifact } from '../sbom.js'
import { readYaml } from './metadata.js'
import { manifestBases } from './release.js'
import { type Base, type BuildEntry, charmEntries, showSelect } from './routes.js'

/** An ELF file inside a charm: its '/'-separated path and its header. */
export interface CharmElf {
  path: string
  header: ElfHeader
}

/** What the arch checks read from a packed charm: manifest.yaml's bases (undefined: no manifest.yaml) and its ELF files. */
export interface PackedCharm {
  bases?: Base[]
  elf: CharmElf[]
}

/** Every regular file under root that is ELF (symlinks are not followed), sorted by path. */
async function elfFilesUnder(root: string): Promise<CharmElf[]> {
  const out: CharmElf[] = []
  for (const rel of ((await readdir(root, { recursive: true })) as string[]).sort()) {
    const abs = path.join(root, rel)
    if (!(await lstat(abs)).isFile()) continue
    const header = await readElfHeader(abs)
    if (header) out.push({ path: rel.split(path.sep).join('/'), header })
  }
  return out
}

/** Unpack a .charm (real unzip, scratch under tmpRoot, removed on every path) and read its manifest bases and ELF files. */
export async function inspectPackedCharm(file: string, tmpRoot: string, inputName = 'charm'): Promise<PackedCharm> {
  return withUnpackedArtifact(file, tmpRoot, async (root) => {
    const manifest = await readFile(path.join(root, 'manifest.yaml'), 'utf8').catch(() => undefined)
    const bases =
      manifest === undefined
        ? undefined
        : manifestBases(manifest, path.basename(file), inputName).map((b) => ({ name: b.name, channel: b.channel, arch: b.architecture }))
    return { ...(bases ? { bases } : {}), elf: await elfFilesUnder(root) }
  })
}

const showBase = (b: Base) => `${b.name} ${b.channel} ${b.arch}`
const baseKeys = (bs: Base[]) => [...new Set(bs.map(showBase))].sort()
const article = (arch: string) => (/^[aeios]/.test(arch) ? 'an' : 'a')

/**
 * The one-line refusal when the ELF files do not fit the arches of runOn, else undefined (pure). `what` is how
 * the fix names what to pack again: "this entry" (charm-build) or "it" (a charm given to charm-attach-release).
 */
export function elfProblem(charm: string, runOn: Base[], elf: CharmElf[], what = 'this entry'): string | undefined {
  if (elf.length === 0) return undefined
  const first = elf[0]
  const arches = [...new Set(runOn.map((b) => b.arch))]
  const carries = `${first.path} is machine code for ${describeElf(first.header)}${elf.length > 1 ? ` (and ${elf.length - 1} more ELF file${elf.length > 2 ? 's' : ''})` : ''}`
  if (arches.length === 0)
    return `${charm}: ${carries}, but its manifest.yaml names no bases, so nothing says which arch it is for; pack it with charmcraft, one bases entry per arch`
  if (arches.includes('all'))
    return `${charm}: runs on arch all, but ${carries}; a charm for every arch can hold no machine code: give it one bases entry per arch and pack each on its arch`
  if (arches.length > 1)
    return `${charm}: runs on ${arches.join(', ')}, but ${carries}; one .charm cannot hold the right machine code for several arches: give each arch its own bases entry and pack each on its arch`
  const want = ARCHES.find((a) => a.debian === arches[0])
  if (!want)
    return `${charm}: runs on '${arches[0]}', which is no arch of ${ARCHES.map((a) => a.debian).join(', ')}, but ${carries}; fix its bases`
  const fits = (h: ElfHeader) => h.machine === want.elf.machine && h.bits === want.elf.bits && h.endian === want.elf.endian
  const bad = elf.filter((f) => !fits(f.header))
  if (bad.length === 0) return undefined
  const found = archFromElf(bad[0].header.machine, bad[0].header.bits, bad[0].header.endian)
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more file${bad.length > 2 ? 's' : ''} not built for ${want.debian})` : ''
  return (
    `${charm}: ${bad[0].path} is built for ${describeElf(bad[0].header)}, not ${want.debian}${more}; ` +
    `pack ${what} on ${article(want.debian)} ${want.debian} host or under emulation (it carries machine code)${found ? `, never on ${found.debian}` : ''}`
  )
}

/**
 * The one-line refusal when manifest.yaml's bases are not the entry's run-on (order-insensitive), else undefined
 * (pure). The entry is a BuildEntry (named in the fix), or just its run-on bases.
 */
export function basesProblem(charm: string, bases: Base[] | undefined, entry: BuildEntry | Base[]): string | undefined {
  const runOn = Array.isArray(entry) ? entry : entry.runOn
  const want = baseKeys(runOn)
  const got = baseKeys(bases ?? [])
  if (bases !== undefined && want.length === got.length && want.every((k, i) => k === got[i])) return undefined
  const what =
    bases === undefined
      ? 'has no manifest.yaml'
      : got.length
        ? `has manifest.yaml bases ${got.join(', ')}`
        : 'has a manifest.yaml that names no bases'
  if (Array.isArray(entry))
    return `${charm}: ${what}, but the entry it was packed for runs on ${want.join(', ')}; it was not packed for that entry: pack that entry again on a host of its build-on`
  const sel = showSelect(entry)
  return `${charm}: ${what}, but it was packed for ${sel}, which runs on ${want.join(', ')}; it was not packed for that entry: pack ${sel} again on a host of its build-on (${entry.buildOn.map(showBase).join(' or ')})`
}

/**
 * Check a packed .charm against the entry it was packed for (a BuildEntry, or just its run-on bases):
 * manifest.yaml's bases are the entry's run-on, and every ELF file inside is for its arch. Throws a one-line
 * UserError naming the charm file, the file inside and its arch.
 */
export async function checkCharmArch(file: string, entry: BuildEntry | Base[], tmpRoot: string): Promise<void> {
  refuseUnfit(file, await inspectPackedCharm(file, tmpRoot), entry)
}

/** How a charm that passed reads in the log. */
function fitLine(packed: PackedCharm): string {
  const n = packed.elf.length
  return n === 0 ? 'no machine code' : `${n} ELF file${n === 1 ? '' : 's'}, all ${describeElf(packed.elf[0].header)}`
}

function refuseUnfit(file: string, packed: PackedCharm, entry: BuildEntry | Base[]): void {
  const name = path.basename(file)
  const problem = basesProblem(name, packed.bases, entry) ?? elfProblem(name, Array.isArray(entry) ? entry : entry.runOn, packed.elf)
  if (problem) throw new UserError(problem)
}

/**
 * The one-line problem of a prebuilt or given .charm, else undefined: its ELF files are for the arch its
 * manifest.yaml bases name (the only statement of what it runs on). `label` names it (default: its file name).
 */
export async function givenCharmArchProblem(file: string, tmpRoot: string, label = path.basename(file)): Promise<string | undefined> {
  const packed = await inspectPackedCharm(file, tmpRoot, label)
  return elfProblem(label, packed.bases ?? [], packed.elf, 'it')
}

/** charm-attach-release, before anything is uploaded: givenCharmArchProblem as a one-line UserError. */
export async function checkGivenCharmArch(file: string, tmpRoot: string, inputName = 'charm'): Promise<void> {
  const problem = await givenCharmArchProblem(file, tmpRoot, `${inputName}: ${path.basename(file)}`)
  if (problem) throw new UserError(problem)
}

export interface PackedSource {
  /** The charm's name and source directory (charmcraft.yaml, metadata.yaml). */
  name: string
  dir: string
  builder: 'charmcraft' | 'charm'
  /** charm-build's arches input (a charm-tools build's manifest names them). */
  arches: string[]
  /** charm-build's selector, when one entry was packed. */
  basesIndex?: string
  platform?: string
}

/** The entry a packed charm was packed for: the selected one, else the one whose run-on its manifest names. */
function entryOf(file: string, entries: BuildEntry[], src: PackedSource, bases: Base[] | undefined): BuildEntry {
  const name = path.basename(file)
  if (src.builder === 'charm') return entries[0]
  if (src.basesIndex || src.platform) {
    const e = entries.find((x) =>
      src.basesIndex
        ? x.select.kind === 'bases-index' && x.select.index === Number(src.basesIndex)
        : x.select.kind === 'platform' && x.select.name === src.platform,
    )
    if (!e)
      throw new UserError(
        `${name}: ${src.name}/charmcraft.yaml has no ${src.basesIndex ? `bases[${src.basesIndex}]` : `platforms.${src.platform}`}, so what it should run on is unknown; fix bases-index / platform`,
      )
    return e
  }
  const got = baseKeys(bases ?? []).join(', ')
  const e = entries.find((x) => baseKeys(x.runOn).join(', ') === got)
  if (!e)
    throw new UserError(
      `${name}: ${bases?.length ? `manifest.yaml bases ${got} are` : 'manifest.yaml names no bases, which is'} the run-on of no entry of ${src.name}/charmcraft.yaml (${entries.map((x) => `${showSelect(x)}: ${baseKeys(x.runOn).join(', ')}`).join('; ')}); pack one entry per job (bases-index or platform)`,
    )
  return e
}

/**
 * charm-build, after the pack and before publishing: check every .charm it packed against its entry (from the
 * source's charmcraft.yaml bases/platforms, or the charm-tools build's series and arches). When one is refused,
 * every charm of this pack is deleted (nothing half-made stays in output-dir) and the one line is thrown.
 */
export async function checkPackedCharms(
  charms: string[],
  src: PackedSource,
  tmpRoot: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  try {
    const cc = await readYaml(path.join(src.dir, 'charmcraft.yaml'))
    const md = await readYaml(path.join(src.dir, 'metadata.yaml'))
    // A platform built for `all` stays `all` here, as charmcraft writes it in manifest.yaml.
    const entries = charmEntries(src.name, cc, md, src.builder, src.builder === 'charm' ? src.arches : ['all'])
    for (const file of charms) {
      const packed = await inspectPackedCharm(file, tmpRoot)
      const entry = entryOf(file, entries, src, packed.bases)
      refuseUnfit(file, packed, entry)
      log(`arch check: ${path.basename(file)} is ${showSelect(entry)} (runs on ${baseKeys(entry.runOn).join(', ')}): ${fitLine(packed)}`)
    }
  } catch (e) {
    await Promise.all(charms.map((c) => rm(c, { force: true })))
    throw e
  }
}

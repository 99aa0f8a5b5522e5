/** Read a charm's identity and resources from metadata.yaml and/or charmcraft.yaml. */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { UserError } from '../errors.js'

export interface CharmResource {
  name: string
  type: 'file' | 'oci-image'
  filename?: string
  description?: string
}

export interface CharmMeta {
  name: string
  /** The charm's directory. */
  dir: string
  /** The files the metadata was read from. */
  sources: string[]
  resources: CharmResource[]
  /** `subordinate: true` in its metadata (juju deploys it without units, placement or constraints). */
  subordinate: boolean
  /** Its relation endpoints (provides, requires, peers): name → side and interface. */
  endpoints: Record<string, { role: 'provides' | 'requires' | 'peers'; interface: string }>
  /** The default of its `channel` config option (config.yaml, or charmcraft.yaml's config), if it has one. */
  channelDefault?: string
}

const CHARM_NAME_RE = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/
const RESOURCE_NAME_RE = /^[a-z][a-z0-9-]*$/

/** A charm directory's YAML file as a mapping: undefined when absent, {} when empty; one UserError line when it is not a YAML mapping. */
export async function readYaml(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const doc: unknown = parse(text)
    if (doc === null || doc === undefined) return {}
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a mapping')
    return doc as Record<string, unknown>
  } catch (e) {
    throw new UserError(`${file}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); fix the file`)
  }
}

/** Resolve a charm input (a directory, or the path of its metadata.yaml / charmcraft.yaml) to its directory. */
export async function charmDir(input: string, inputName = 'charm'): Promise<string> {
  const st = await stat(input).catch(() => undefined)
  if (!st) throw new UserError(`${inputName}: '${input}' does not exist; give a charm directory or its metadata.yaml / charmcraft.yaml`)
  if (st.isDirectory()) return path.resolve(input)
  const base = path.basename(input)
  if (base === 'metadata.yaml' || base === 'charmcraft.yaml') return path.resolve(path.dirname(input))
  throw new UserError(`${inputName}: '${input}' is neither a directory nor a metadata.yaml / charmcraft.yaml`)
}

export async function loadCharm(input: string, inputName = 'charm'): Promise<CharmMeta> {
  const dir = await charmDir(input, inputName)
  const metaFile = path.join(dir, 'metadata.yaml')
  const ccFile = path.join(dir, 'charmcraft.yaml')
  const meta = await readYaml(metaFile)
  const cc = await readYaml(ccFile)
  if (!meta && !cc) throw new UserError(`${inputName}: no metadata.yaml or charmcraft.yaml in ${dir}`)
  const name = (meta?.name ?? cc?.name) as unknown
  const where = meta?.name ? metaFile : ccFile
  if (typeof name !== 'string' || !CHARM_NAME_RE.test(name)) {
    throw new UserError(
      `${where}: charm name ${JSON.stringify(name)} is missing or invalid; use lower-case letters, digits and hyphens, starting with a letter`,
    )
  }
  const raw = (meta?.resources ?? cc?.resources ?? {}) as unknown
  const resFile = meta?.resources ? metaFile : ccFile
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UserError(`${resFile}: resources must be a mapping of name to definition`)
  const resources: CharmResource[] = []
  for (const [rname, def] of Object.entries(raw as Record<string, unknown>)) {
    if (!RESOURCE_NAME_RE.test(rname))
      throw new UserError(`${resFile}: resource name '${rname}' is invalid; use lower-case letters, digits and hyphens`)
    if (typeof def !== 'object' || def === null) throw new UserError(`${resFile}: resource '${rname}' must be a mapping with a type`)
    const d = def as Record<string, unknown>
    const type = d.type ?? 'file'
    if (type !== 'file' && type !== 'oci-image')
      throw new UserError(`${resFile}: resource '${rname}' has type '${String(type)}'; use file or oci-image`)
    if (type === 'file' && (typeof d.filename !== 'string' || d.filename === '' || d.filename.includes('/'))) {
      throw new UserError(`${resFile}: file resource '${rname}' needs a filename without '/'`)
    }
    resources.push({
      name: rname,
      type,
      ...(typeof d.filename === 'string' ? { filename: d.filename } : {}),
      ...(typeof d.description === 'string' ? { description: d.description.trim() } : {}),
    })
  }
  const endpoints: CharmMeta['endpoints'] = {}
  for (const role of ['provides', 'requires', 'peers'] as const) {
    const defs = meta?.[role] ?? cc?.[role]
    for (const [ep, def] of Object.entries(typeof defs === 'object' && defs !== null ? defs : {}))
      endpoints[ep] = {
        role,
        interface: String((typeof def === 'object' && def !== null ? (def as Record<string, unknown>).interface : def) ?? ''),
      }
  }
  const config = ((await readYaml(path.join(dir, 'config.yaml'))) ?? cc?.config) as
    { options?: Record<string, { default?: unknown }> } | undefined
  const channelDefault = config?.options?.channel?.default
  return {
    name,
    dir,
    ...(typeof channelDefault === 'string' ? { channelDefault } : {}),
    sources: [meta ? metaFile : undefined, cc ? ccFile : undefined].filter((x): x is string => !!x),
    resources,
    subordinate: (meta?.subordinate ?? cc?.subordinate) === true,
    endpoints,
  }
}

/** File resources whose filename ends in .snap. */
export function snapResources(meta: CharmMeta): CharmResource[] {
  return meta.resources.filter((r) => r.type === 'file' && r.filename?.endsWith('.snap'))
}

/** A valid charm name: lower-case letters, digits and hyphens, starting with a letter. */
export function isCharmName(name: string): boolean {
  return CHARM_NAME_RE.test(name)
}

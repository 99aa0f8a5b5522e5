/**
 * The release description, `cdk-release.yaml`, as written: its fields, the schema it is validated against
 * (schema/cdk-release.schema.json, ajv; every bad field is one line naming its path and the fix, all of them at
 * once, before anything is built), loading it, and the words of its mappings (artifacts, `{arch}` resource
 * names, prebuilt file globs).
 *
 * The rest of the release lives beside it: check.ts (the description against its charms, as named rules),
 * snaps.ts (what it says about the Snap Store), plan.ts (the plan the workflows run), bundles.ts (the pinned
 * bundles), markdown.ts (the plan as the job summary shows it).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject } from 'ajv'
import { parse } from 'yaml'
import { type Arch } from '../arch.js'
import { UserError } from '../errors.js'
import { ARCH_KEYWORD, normaliseArches } from '../description-arches.js'
import { COMPONENTS } from '../k8s.js'

// ---------------------------------------------------------------- the description, as written

export interface CharmSpec {
  path?: string
  files?: string[]
  builder?: 'auto' | 'charmcraft' | 'charm'
  resources: Record<string, string>
  /** The snaps the charm installs from the Snap Store (built in for the Kubernetes charms; shared/release/snaps.ts). */
  'installs-snaps'?: string[]
}

/** The `snap-store` section: publish the snaps the charms install (shared/release/snaps.ts). */
export interface SnapStoreSpec {
  channels: string[]
  'cdk-addons'?: string
  snaps?: string[]
  arches?: string[]
}

export interface Description {
  arches: string[]
  channel?: string
  snaps: 'real' | 'placeholder'
  /** Pack the entries no hosted or configured self-hosted runner packs under QEMU (default true; shared/charm/routes.ts). */
  emulate?: boolean
  versions: { kubernetes: string; cni?: string; flannel?: string; etcd?: string }
  sources?: { cni?: string; flannel?: string; etcd?: string; 'cdk-addons'?: string }
  charms: Record<string, CharmSpec>
  bundle?: { template?: string; name?: string }
  'snap-store'?: SnapStoreSpec
}

/** Every error of a description, one line each; the message is the lines joined. */
export class DescriptionError extends UserError {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
  }
}

/** A schema shipped in the repository (schema/<name>, cdk-release.schema.json by default), found from source or from a bundle. */
export async function readSchema(name = 'cdk-release.schema.json'): Promise<Record<string, unknown>> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const up of ['..', '../..', '../../..']) {
    const f = path.join(here, up, 'schema', name)
    const text = await readFile(f, 'utf8').catch(() => undefined)
    if (text) return JSON.parse(text) as Record<string, unknown>
  }
  throw new Error(`schema/${name} not found beside the code`)
}

/** `/charms/kubernetes-worker/resources/cni-{arch}` → `charms.kubernetes-worker.resources.cni-{arch}`. */
function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (extra !== undefined) parts.push(extra)
  return parts.join('.') || '(top level)'
}

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))

/** The schema node at a JSON pointer of the schema (for its x-fix). */
function schemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = schema as Record<string, unknown> | undefined
  for (const p of pointer.split('/').slice(1))
    node = node?.[p.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown> | undefined
  return node
}

function schemaLine(schema: Record<string, unknown>, e: ErrorObject): string {
  const parentPointer = e.schemaPath.replace(/^#/, '').split('/').slice(0, -1).join('/')
  const node = schemaAt(schema, parentPointer)
  const fix = (node?.['x-fix'] as string | undefined) ?? ''
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty)
      const propFix =
        ((node?.properties as Record<string, Record<string, unknown>> | undefined)?.[prop]?.['x-fix'] as string | undefined) ?? fix
      return `${fieldPath(e.instancePath, prop)}: missing; ${propFix}`
    }
    case 'additionalProperties': {
      const known = Object.keys((node?.properties as Record<string, unknown>) ?? {})
      return `${fieldPath(e.instancePath, String(p.additionalProperty))}: unknown field; ${known.length ? `the fields here are ${known.join(', ')}` : fix}`
    }
    case 'propertyNames':
      return '' // reported by the pattern error on the name itself
    case 'pattern':
      if (e.propertyName !== undefined)
        return `${fieldPath(e.instancePath, e.propertyName)}: ${show(e.propertyName)} is not a valid name; ${fix}`
      return `${fieldPath(e.instancePath)}: ${show(e.data)} is not valid; ${fix}`
    case 'enum':
      return `${fieldPath(e.instancePath)}: ${show(e.data)} is not one of ${(p.allowedValues as unknown[]).join(', ')}; ${fix}`
    case 'type':
      return `${fieldPath(e.instancePath)}: must be ${p.type === 'object' ? 'a mapping' : p.type === 'array' ? 'a list' : `a ${String(p.type)}`}, not ${show(e.data)}; ${fix}`
    case 'minItems':
    case 'minProperties':
    case 'minLength':
      return `${fieldPath(e.instancePath)}: is empty; ${fix}`
    case 'uniqueItems':
      return `${fieldPath(e.instancePath)}: lists an entry twice; keep one of each`
    default:
      return `${fieldPath(e.instancePath)}: ${e.message ?? 'is not valid'}${fix ? `; ${fix}` : ''}`
  }
}

/** Validate a parsed document against the schema: one line per bad field (`<label>: <field>: <problem>; <fix>`). */
export async function validateSchema(doc: unknown, label: string, schemaName?: string): Promise<string[]> {
  const schema = await readSchema(schemaName)
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true })
  ajv.addKeyword('x-fix')
  ajv.addKeyword(ARCH_KEYWORD)
  const validate = ajv.compile(schema)
  if (validate(doc)) return []
  const lines = (validate.errors ?? []).map((e) => schemaLine(schema, e)).filter(Boolean)
  return [...new Set(lines)].map((l) => `${label}: ${l}`)
}

/**
 * Read a YAML document and check it against a schema (schema/<schemaName>): its content, or a UserError when the
 * file is missing (the `missing` line) or not YAML, or a DescriptionError with one line per bad field.
 */
export async function loadSchemaDocument(file: string, missing: string, schemaName?: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  const label = path.basename(file)
  if (text === undefined) throw new UserError(missing)
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    throw new UserError(`${label}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); fix the file`)
  }
  const lines = await validateSchema(doc ?? {}, label, schemaName)
  if (lines.length) throw new DescriptionError(lines)
  return doc
}

export async function loadDescription(file: string): Promise<Description> {
  const label = path.basename(file)
  const doc = await loadSchemaDocument(
    file,
    `config: ${file} does not exist; write a cdk-release.yaml (start from examples/cdk-release.yaml) or pass --config PATH`,
  )
  // Any spelling of an architecture (x86_64, aarch64...) is read as its Debian name from here on.
  const twice = normaliseArches(doc as Description)
  if (twice.length) throw new DescriptionError(twice.map((l) => `${label}: ${l}`))
  return doc as Description
}

// ---------------------------------------------------------------- artifacts

export const SNAP_ARTIFACTS = [...COMPONENTS.map((c) => c.name), 'etcd', 'cdk-addons'] as const

export type Artifact =
  | { kind: 'snap'; snap: string }
  | { kind: 'cni' }
  | { kind: 'flannel' }
  | { kind: 'file'; path: string }
  | { kind: 'placeholder' }
  | { kind: 'keep' }

/** A mapping value (already checked by the schema's pattern). */
export function parseArtifact(value: string): Artifact {
  if (value.startsWith('snap:')) return { kind: 'snap', snap: value.slice(5) }
  if (value.startsWith('file:')) return { kind: 'file', path: value.slice(5) }
  if (value === 'cni' || value === 'flannel' || value === 'placeholder' || value === 'keep') return { kind: value }
  throw new UserError(`'${value}' is not an artifact`)
}

/** What one artifact key of the build is called (the build counts of the plan and the benchmark). */
export function artifactKey(a: Artifact): string | undefined {
  return a.kind === 'snap' ? `snap:${a.snap}` : a.kind === 'cni' || a.kind === 'flannel' ? a.kind : undefined
}

// ---------------------------------------------------------------- the words of a mapping

const GLOB = /[*?[]/

/** Expand a path whose last component may hold * ? [..] (no ** and no wildcard directories: keep it simple). */
export async function expandGlob(pattern: string, base: string): Promise<string[]> {
  const abs = path.resolve(base, pattern)
  if (!GLOB.test(path.basename(abs))) return (await stat(abs).catch(() => undefined)) ? [abs] : []
  if (GLOB.test(path.dirname(abs))) throw new UserError(`'${pattern}': only the file name may hold a wildcard`)
  const re = new RegExp(
    `^${path
      .basename(abs)
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  )
  const names = await readdir(path.dirname(abs)).catch(() => [] as string[])
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => path.join(path.dirname(abs), n))
}

/** Resource names of one mapping key: `cni-{arch}` is one per release arch. */
export function expandResourceName(key: string, arches: Arch[]): string[] {
  return key.includes('{arch}') ? arches.map((a) => key.replace('{arch}', a.debian)) : [key]
}

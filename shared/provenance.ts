/**
 * Provenance of a build action's run: an in-toto Statement v1 (in-toto/attestation spec/v1/statement.md)
 * whose predicate is SLSA provenance v1 (slsa-framework/slsa docs/spec/v1.0/provenance.md):
 * subjects = the run's artifacts (name, sha256); buildDefinition.externalParameters = the action's inputs
 * (secret inputs and output-dir left out); resolvedDependencies = every file the run downloaded (uri, sha256), every local
 * input file, the Go toolchain, and every source checkout (its git remote and commit, else its path);
 * runDetails.builder.id = the action and its version. Written unsigned as
 * `provenance.<action>[.<arch>...].intoto.json`; on GitHub, release.yml signs the artifacts with
 * actions/attest-build-provenance, whose statement has the same shape.
 */
import path from 'node:path'
import { run } from './exec.js'
import { exists, writeFileAtomic } from './files.js'
import { redact } from './log.js'
import pkg from '../package.json'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1'

export interface ResourceDescriptor {
  name?: string
  uri?: string
  digest?: Record<string, string>
  annotations?: Record<string, string>
}

export interface Subject {
  name: string
  sha256: string
}

/** Where the outputs go: not a build parameter (it changes no byte), left out so two runs into different directories give the same statement. */
const OUTPUT_ONLY = ['output-dir']

/** The inputs a run was given (INPUT_* as the runner sets them), less the secret ones and output-dir, values redacted. */
export function actionInputs(env: NodeJS.ProcessEnv = process.env, secretInputs: string[] = []): Record<string, string> {
  const secret = new Set([...secretInputs, ...OUTPUT_ONLY].map((s) => s.toLowerCase()))
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!k.startsWith('INPUT_') || v === undefined) continue
    const name = k.slice(6).toLowerCase()
    if (!secret.has(name)) out[name] = redact(v.trim())
  }
  return out
}

/** Version of build-snaps in use: the ref the workflow pinned (GITHUB_ACTION_REF), else package.json's. */
export function builderVersion(env = process.env): string {
  return env.GITHUB_ACTION_REF || `v${pkg.version}`
}

/** builder.id: the action and its version, as a URI. */
export function builderId(action: string, env = process.env): string {
  const repo = env.GITHUB_ACTION_REPOSITORY || env.GITHUB_REPOSITORY
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  return repo ? `${server}/${repo}/actions/${action}@${builderVersion(env)}` : `urn:build-snaps:${action}@${builderVersion(env)}`
}

/** Collects what one run resolved: downloads, local files, toolchains and checkouts. */
export class ProvenanceRecorder {
  private readonly deps = new Map<string, ResourceDescriptor>()

  constructor(
    readonly action: string,
    readonly externalParameters: Record<string, unknown> = actionInputs(),
  ) {}

  private add(key: string, d: ResourceDescriptor): void {
    if (!this.deps.has(key)) this.deps.set(key, d)
  }

  /** A verified download (the URL and the sha256 it was checked against). */
  download(uri: string, sha256: string, name = path.posix.basename(new URL(uri).pathname)): void {
    this.add(`${uri} ${sha256}`, { name, uri, digest: { sha256 } })
  }

  /** An input file taken from the local disk (air-gapped mode, a prebuilt tarball). */
  localFile(file: string, sha256: string, name = path.basename(file)): void {
    this.add(`file ${file} ${sha256}`, { name, uri: `file://${path.resolve(file)}`, digest: { sha256 } })
  }

  /** A tool the build ran (the Go toolchain). */
  tool(name: string, version: string, origin?: string): void {
    this.add(`tool ${name} ${version}`, {
      name,
      uri: `pkg:golang/${name === 'go' ? 'stdlib' : name}@${version.replace(/^go/, '')}`,
      ...(origin ? { annotations: { origin } } : {}),
    })
  }

  /** Another tool the build ran (charmcraft in the emulated pack): its package URL or file, digest and notes as given. */
  buildTool(d: ResourceDescriptor & { name: string }): void {
    this.add(`tool ${d.name} ${d.uri ?? ''} ${d.digest?.sha256 ?? ''}`, d)
  }

  /** A source checkout: its git remote and commit when it is one, else its path. */
  async checkout(dir: string, name = path.basename(dir)): Promise<void> {
    const abs = path.resolve(dir)
    const git = async (...args: string[]) => {
      const r = await run('git', ['-C', abs, ...args], { allowFailure: true }).catch(() => undefined)
      return r?.exitCode === 0 ? r.stdout.trim() : undefined
    }
    const commit = (await exists(abs)) ? await git('rev-parse', 'HEAD') : undefined
    const remote = commit ? await git('remote', 'get-url', 'origin') : undefined
    const uri = remote ? `git+${redactUrl(remote)}@${commit}` : `file://${abs}`
    this.add(`checkout ${abs}`, { name, uri, ...(commit ? { digest: { gitCommit: commit } } : {}), annotations: { path: abs } })
  }

  /** Sorted, so the statement does not depend on the order parallel downloads finished in. */
  resolvedDependencies(): ResourceDescriptor[] {
    return [...this.deps.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d)
  }
}

/** A remote URL without credentials (https://user:token@host/... → https://host/...). */
function redactUrl(url: string): string {
  return redact(url.replace(/^(\w+:\/\/)[^@/]+@/, '$1'))
}

export interface StatementOptions {
  epoch: number
  env?: NodeJS.ProcessEnv
}

/** The in-toto Statement v1 with an SLSA provenance v1 predicate; deterministic for the same run inputs. */
export function provenanceStatement(subjects: Subject[], rec: ProvenanceRecorder, opts: StatementOptions): Record<string, unknown> {
  const env = opts.env ?? process.env
  const invocation =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT || '1'}`
      : undefined
  return {
    _type: STATEMENT_TYPE,
    subject: [...subjects].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ name: s.name, digest: { sha256: s.sha256 } })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: `${builderId(rec.action, env).replace(/@[^@]*$/, '')}/buildtypes/v1`,
        externalParameters: rec.externalParameters,
        internalParameters: {
          SOURCE_DATE_EPOCH: String(opts.epoch),
          ...(env.GITHUB_SHA ? { GITHUB_SHA: env.GITHUB_SHA } : {}),
          ...(env.GITHUB_WORKFLOW_REF ? { GITHUB_WORKFLOW_REF: env.GITHUB_WORKFLOW_REF } : {}),
        },
        resolvedDependencies: rec.resolvedDependencies(),
      },
      runDetails: {
        builder: { id: builderId(rec.action, env), version: { 'build-snaps': builderVersion(env) } },
        metadata: invocation ? { invocationId: invocation } : {},
      },
    },
  }
}

/** `provenance.<action>[.<part>...].intoto.json`: unique per action and arches, so actions can share a directory. */
export function provenanceFileName(action: string, parts: string[] = []): string {
  return ['provenance', action, ...parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '_'))].join('.') + '.intoto.json'
}

export async function writeProvenance(
  outDir: string,
  parts: string[],
  subjects: Subject[],
  rec: ProvenanceRecorder,
  opts: StatementOptions,
): Promise<string> {
  const dest = path.join(outDir, provenanceFileName(rec.action, parts))
  await writeFileAtomic(dest, JSON.stringify(provenanceStatement(subjects, rec, opts), null, 2) + '\n')
  return dest
}

/** Is this an in-toto Statement v1 with an SLSA provenance v1 predicate? Returns the problems (empty: yes). */
export function checkStatement(doc: unknown): string[] {
  const problems: string[] = []
  const d = doc as Record<string, unknown>
  if (!d || typeof d !== 'object') return ['not a JSON object']
  if (d._type !== STATEMENT_TYPE) problems.push(`_type is ${JSON.stringify(d._type)}, not ${STATEMENT_TYPE}`)
  if (!Array.isArray(d.subject) || d.subject.length === 0) problems.push('subject is not a non-empty array')
  else
    for (const s of d.subject as Array<Record<string, unknown>>) {
      const digest = s?.digest as Record<string, unknown> | undefined
      if (typeof s?.name !== 'string' || !digest || typeof digest !== 'object' || Object.keys(digest).length === 0)
        problems.push(`subject ${JSON.stringify(s)} needs a name and a digest`)
      else if (digest.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(String(digest.sha256)))
        problems.push(`subject ${s.name}: sha256 is not 64 lowercase hex digits`)
    }
  if (typeof d.predicateType !== 'string' || !/^[a-z][a-z0-9+.-]*:/.test(d.predicateType)) problems.push('predicateType is not a URI')
  if (d.predicateType === SLSA_PROVENANCE_V1) {
    const p = d.predicate as Record<string, Record<string, unknown>> | undefined
    if (typeof p?.buildDefinition?.buildType !== 'string') problems.push('predicate.buildDefinition.buildType is missing')
    if (typeof p?.buildDefinition?.externalParameters !== 'object') problems.push('predicate.buildDefinition.externalParameters is missing')
    if (typeof (p?.runDetails?.builder as Record<string, unknown> | undefined)?.id !== 'string')
      problems.push('predicate.runDetails.builder.id is missing')
  }
  return problems
}

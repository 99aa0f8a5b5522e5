/**
 * follow.yaml: which Kubernetes minors (snap tracks), risks, snaps and arches follow upstream
 * (schema/follow.schema.json; docs/follow.md). Validated against the schema (one line per bad field, all at once),
 * then the rules a schema cannot say: `latest` names one of the tracks, the cdk-addons directory exists.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArch } from '../arch.js'
import { DescriptionError, loadSchemaDocument } from '../release/description.js'
import { KUBE_SNAPS } from '../release/snaps.js'

/** The risks, safest first (the order snapcraft status lists them in). */
export const RISKS = ['stable', 'candidate', 'beta', 'edge'] as const
export type Risk = (typeof RISKS)[number]

/** follow.yaml as written. */
export interface FollowFile {
  arches: string[]
  snaps?: string[]
  'cdk-addons'?: string
  tracks: Record<string, { risks: Risk[]; 'pre-releases'?: boolean }>
  latest?: string
}

export interface FollowTrack {
  /** The Kubernetes minor, also the snap track: '1.35'. */
  track: string
  /** Its risks, safest first. */
  risks: Risk[]
  preReleases: boolean
}

/** follow.yaml read: arches as Debian names, the default snaps filled in, tracks newest first. */
export interface FollowConfig {
  file: string
  arches: string[]
  /** The Kubernetes snaps (cdk-addons is not among them; see cdkAddons). */
  snaps: string[]
  /** The cdk-addons build directory (absolute), '' when cdk-addons does not follow. */
  cdkAddons: string
  tracks: FollowTrack[]
  /** The track latest/* follows, '' when none. */
  latest: string
}

/** Every snap the run reads and publishes: the Kubernetes snaps, then cdk-addons when it follows. */
export function allSnaps(c: Pick<FollowConfig, 'snaps' | 'cdkAddons'>): string[] {
  return [...c.snaps, ...(c.cdkAddons ? ['cdk-addons'] : [])]
}

const minorKey = (t: string) => t.split('.').map(Number) as [number, number]
const newestFirst = (a: string, b: string) => {
  const [am, an] = minorKey(a)
  const [bm, bn] = minorKey(b)
  return bm - am || bn - an
}

/** A schema-valid document → the config, or one line per problem. */
export async function readFollow(doc: FollowFile, file: string): Promise<FollowConfig> {
  const label = path.basename(file)
  const problems: string[] = []
  const arches: string[] = []
  for (const a of doc.arches) {
    const debian = parseArch(a, 'arches').debian
    if (arches.includes(debian)) problems.push(`${label}: arches: ${debian} is listed twice (as '${a}'); list it once`)
    else arches.push(debian)
  }
  const tracks = Object.keys(doc.tracks).sort(newestFirst)
  if (doc.latest !== undefined && !tracks.includes(doc.latest))
    problems.push(
      `${label}: latest: '${doc.latest}' is not one of the tracks (${tracks.join(', ')}); name one of them, or leave latest out`,
    )
  let cdkAddons = ''
  if (doc['cdk-addons'] !== undefined) {
    cdkAddons = path.resolve(path.dirname(file), doc['cdk-addons'])
    if (!(await stat(cdkAddons).catch(() => undefined))?.isDirectory())
      problems.push(`${label}: cdk-addons: ${cdkAddons} is not a directory; name the cdk-addons build directory (relative to ${label})`)
  }
  if (problems.length) throw new DescriptionError(problems)
  return {
    file,
    arches,
    snaps: doc.snaps ?? [...KUBE_SNAPS],
    cdkAddons,
    tracks: tracks.map((t) => ({
      track: t,
      risks: RISKS.filter((r) => doc.tracks[t].risks.includes(r)),
      preReleases: doc.tracks[t]['pre-releases'] === true,
    })),
    latest: doc.latest ?? '',
  }
}

/** Read and check follow.yaml: one error line per bad field (all of them), nothing done before. */
export async function loadFollow(file: string): Promise<FollowConfig> {
  const doc = await loadSchemaDocument(
    file,
    `--config: ${path.resolve(file)} does not exist; write a follow.yaml (start from examples/follow.yaml) or pass --config PATH`,
    'follow.schema.json',
  )
  return readFollow(doc as FollowFile, path.resolve(file))
}

/**
 * Upstream, read for the follow run through the one download path (shared/download.ts): each track's markers
 * (`<base-url>/release/stable-X.Y.txt`, with pre-releases also `latest-X.Y.txt`), and whether the binaries of a
 * (version, arch) the run would build are there yet (each one's `.sha256`, a few bytes).
 */
import { parseArch } from '../../shared/arch.js'
import { fetchText, httpStatusOf, type Logger, urlForLog } from '../../shared/download.js'
import { errorMessage } from '../../shared/errors.js'
import { mapLimit } from '../../shared/concurrency.js'
import type { FollowTrack } from '../../shared/follow/config.js'
import { type BuildPair, type MarkerRead, type TrackUpstream, trackUpstream } from '../../shared/follow/decide.js'
import { binaryUrl, markerUrl } from '../../shared/k8s.js'

/** Read one marker: its body, or (4xx) missing, or (anything else) failed. */
async function readMarker(baseUrl: string, name: string, log: Logger): Promise<MarkerRead> {
  const url = markerUrl(baseUrl, name)
  try {
    return { name: `${name}.txt`, body: await fetchText(url, log) }
  } catch (e) {
    const status = httpStatusOf(e)
    if (status !== undefined && status >= 400 && status < 500)
      return { name: `${name}.txt`, missing: `HTTP ${status} from ${urlForLog(url)}` }
    return { name: `${name}.txt`, failed: errorMessage(e) }
  }
}

/** Every track's upstream, from its markers. */
export async function readUpstream(baseUrl: string, tracks: FollowTrack[], log: Logger): Promise<Record<string, TrackUpstream>> {
  const out: Record<string, TrackUpstream> = {}
  await mapLimit(tracks, 4, async (t) => {
    const stable = await readMarker(baseUrl, `stable-${t.track}`, log)
    const latest = t.preReleases ? await readMarker(baseUrl, `latest-${t.track}`, log) : undefined
    out[t.track] = trackUpstream(t, stable, latest)
  })
  return out
}

/** What a (version, arch) build downloads: each Kubernetes snap's binary, kubectl for cdk-addons. */
const binariesOf = (p: BuildPair) => [...new Set([...p.components, ...(p.cdkAddons ? ['kubectl'] : [])])]

/**
 * Which pairs cannot be built yet: `missing` (the CDN answers 4xx for a binary: not there yet, the pair waits)
 * and `failed` (the check itself failed), by `${version}|${arch}`.
 */
export async function probeBinaries(
  baseUrl: string,
  pairs: BuildPair[],
  log: Logger,
): Promise<{ missing: Record<string, string>; failed: Record<string, string> }> {
  const missing: Record<string, string> = {}
  const failed: Record<string, string> = {}
  const checks = pairs.flatMap((p) => binariesOf(p).map((b) => ({ p, b })))
  await mapLimit(checks, 8, async ({ p, b }) => {
    const key = `${p.version}|${p.arch}`
    const url = `${binaryUrl(baseUrl, p.version, parseArch(p.arch), b)}.sha256`
    try {
      await fetchText(url, log)
    } catch (e) {
      const status = httpStatusOf(e)
      if (status !== undefined && status >= 400 && status < 500)
        missing[key] ??= `upstream has no ${p.arch} ${b} of ${p.version} yet (HTTP ${status} from ${urlForLog(url)}); a later run takes it`
      else failed[key] ??= `could not check upstream's ${p.arch} binaries of ${p.version}: ${errorMessage(e)}`
    }
  })
  return { missing, failed }
}

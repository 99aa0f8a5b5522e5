/**
 * The local follow run's default upstream: a loopback mirror tree in the dl.k8s.io layout with one release per
 * track of follow.yaml (v<track>.1, stand-in binaries cross-compiled for every arch) and its markers
 * (stable-X.Y.txt; latest-X.Y.txt too for a track with pre-releases).
 */
import { tmpdir } from 'node:os'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArches } from '../../shared/arch.js'
import type { FollowConfig } from '../../shared/follow/config.js'
import { populateK8sMirror } from '../fake-k8s.js'

/** The version the default mirror serves for a track. */
export const defaultVersion = (track: string) => `v${track}.1`

export async function layOutDefaultUpstream(root: string, c: FollowConfig): Promise<void> {
  const arches = parseArches(c.arches.join(' '))
  const components = c.snaps.includes('kubectl') || !c.cdkAddons ? c.snaps : [...c.snaps, 'kubectl']
  for (const t of c.tracks) {
    const v = defaultVersion(t.track)
    await populateK8sMirror(root, v, arches, path.join(tmpdir(), 'build-snaps-fake-k8s'), [...new Set([...components, 'kubectl'])])
    await mkdir(path.join(root, 'release'), { recursive: true })
    await writeFile(path.join(root, 'release', `stable-${t.track}.txt`), `${v}\n`)
    if (t.preReleases) await writeFile(path.join(root, 'release', `latest-${t.track}.txt`), `${v}\n`)
  }
}

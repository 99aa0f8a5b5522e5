/** Upstream release tarballs: the base URL input, the download verified against its .sha256, the safe unpack. */
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { extractTarGz } from '../archive.js'
import { downloadWithSha256File } from '../download.js'
import { UserError, errorMessage } from '../errors.js'
import { expandTemplate } from '../inputs.js'
import type { Runtime } from '../runtime.js'

export interface ReleaseSpec {
  url: string
  /** What the file is, for messages: e.g. 'CNI plugins v1.1.1 for s390x (cni-plugins-linux-s390x-v1.1.1.tgz)'. */
  what: string
  inputName: string
  dest: string
}

/** Download a release tarball verified against its .sha256 and unpack it (safely) into dir; returns its files. */
export async function fetchReleaseTarball(rt: Runtime, spec: ReleaseSpec, dir: string): Promise<{ files: string[]; sha256: string }> {
  try {
    const res = await downloadWithSha256File(spec.url, spec.dest, { cacheDir: rt.cacheRoot(), log: (m) => rt.warning(m) })
    const names = await extractTarGz(res.path, dir, path.basename(spec.url))
    const files: string[] = []
    for (const n of names) if ((await lstat(path.join(dir, n))).isFile()) files.push(n)
    return { files, sha256: res.sha256 }
  } catch (e) {
    const msg = errorMessage(e)
    if (/HTTP 404/.test(msg))
      throw new UserError(
        `${spec.inputName}: ${spec.what} not found: ${msg.replace(/^download failed: /, '')}; check the tag and that it was released for this architecture`,
      )
    throw e instanceof UserError ? new UserError(`${spec.what}: ${msg}`) : e
  }
}

/** Release base URL: expand {version} (and {go-arch}, {arch}) in a base-url input. */
export function releaseBase(template: string, values: Record<string, string>, inputName: string): string {
  if (!/^https?:\/\/[^/]+/.test(template)) throw new UserError(`${inputName}: '${template}' is not an http(s) URL`)
  return expandTemplate(template, values, inputName).replace(/\/+$/, '')
}

/**
 * A download's URL as a resource's BUILD_INFO records it. BUILD_INFO is inside the tarball, so what it says is
 * part of the bytes a store compares when it decides whether a resource is new. A URL on a loopback address (the
 * local pipeline's mirror, CI's serve-mirror) carries the port that server happened to get when it started, so
 * a rebuild from a restarted mirror would differ in that line alone, and be uploaded again.
 *
 * Such a URL is recorded as `loopback mirror <path>`: stable across restarts, and honest about where the bytes
 * came from, a server on the build machine. It is not recorded as the upstream URL the mirror stands in for: the
 * local mirror serves stand-ins, and BUILD_INFO would then claim a file upstream never published. The path and
 * the sha256 beside it identify the file. Any other URL is recorded as fetched; the provenance statement keeps
 * every URL exactly as fetched (it describes this run, and is not part of the tarball).
 */
export function recordedUrl(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return url
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1')
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  return loopback ? `loopback mirror ${u.pathname}${u.search}` : url
}

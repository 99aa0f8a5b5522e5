/** Read a packed snap back: its meta/snap.yaml (via `unsquashfs -cat`) and its architectures. */
import { stat } from 'node:fs/promises'
import { parse } from 'yaml'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'

export interface SnapInfo {
  /** Parsed meta/snap.yaml; undefined for a zero-byte placeholder. */
  yaml?: Record<string, unknown>
  size: number
  architectures: string[]
}

/** Inspect a .snap file; a zero-byte file is a valid placeholder (docs/upstream.md#zero-byte-snap-placeholder) with no yaml. */
export async function inspectSnap(file: string, label = file): Promise<SnapInfo> {
  const st = await stat(file).catch(() => undefined)
  if (!st?.isFile()) throw new UserError(`${label}: '${file}' does not exist`)
  if (st.size === 0) return { size: 0, architectures: [] }
  const unsquashfs = which('unsquashfs')
  if (!unsquashfs) throw new UserError('unsquashfs is not installed; install squashfs-tools')
  const res = await run(unsquashfs, ['-cat', file, 'meta/snap.yaml'], { allowFailure: true })
  if (res.exitCode !== 0) throw new UserError(`${label}: '${file}' is not a snap (cannot read meta/snap.yaml from it as squashfs)`)
  const yaml = parse(res.stdout) as Record<string, unknown>
  const archs = Array.isArray(yaml?.architectures) ? (yaml.architectures as unknown[]).map(String) : ['all']
  return { yaml, size: st.size, architectures: archs }
}

/** The per-arch loop of a resource action: how many arches at once, every arch run to its end, a lock for in-place work. */
import { availableParallelism } from 'node:os'
import type { Arch } from '../arch.js'
import { mapLimit } from '../concurrency.js'

export interface ArchResult<T> {
  arch: Arch
  value?: T
  error?: unknown
  seconds: number
}

/** How many arches to build at once: one per core, at most the number of arches. */
export function archParallelism(count: number): number {
  return Math.max(1, Math.min(count, availableParallelism()))
}

/** Run fn for every arch, `limit` at a time; every arch runs to its end even when another fails. */
export function forEachArch<T>(arches: Arch[], limit: number, fn: (arch: Arch) => Promise<T>): Promise<ArchResult<T>[]> {
  return mapLimit(arches, limit, async (arch): Promise<ArchResult<T>> => {
    const t0 = performance.now()
    const seconds = () => (performance.now() - t0) / 1000
    try {
      const value = await fn(arch)
      return { arch, value, seconds: seconds() }
    } catch (error) {
      return { arch, error, seconds: seconds() }
    }
  })
}

/** A lock for work that must not overlap (a build script writing into a shared tree): calls run one at a time. */
export function serialLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn, fn)
    tail = next.catch(() => undefined)
    return next
  }
}

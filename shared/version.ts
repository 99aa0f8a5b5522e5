/**
 * Versions and release tags, on semver (npm/node-semver): one parser for every tag an input, a checkout or a
 * marker file gives (Kubernetes, etcd, flannel, CNI plugins), one way to drop the leading v, and Go's own
 * release spelling (1.21, 1.21.5, 1.21rc2) mapped onto semver the way actions/setup-go does, for the tool cache
 * and for comparisons.
 */
import semver from 'semver'
import { UserError } from './errors.js'

/** '1.2.3' from 'v1.2.3' or '1.2.3' (pre-releases kept: '1.2.3-rc.0'); undefined when not a semantic version. */
export function cleanVersion(value: string): string | undefined {
  return semver.valid(value.trim()) ?? undefined
}

export interface Tag {
  /** 'v1.2.3', as upstream tags and release URLs spell it. */
  tag: string
  /** '1.2.3', as snaps and --version outputs spell it. */
  version: string
}

/** A release tag from an input ('v1.2.3' or '1.2.3'); anything else is a UserError naming the input and an example. */
export function parseTag(value: string, inputName: string, example: string, what = 'a release tag'): Tag {
  const version = cleanVersion(value)
  if (!version) throw new UserError(`${inputName}: '${value}' is not ${what}; use e.g. ${example}`)
  return { tag: `v${version}`, version }
}

/** The version without its leading v; text that is not a semantic version is returned as given. */
export function stripV(value: string): string {
  return cleanVersion(value) ?? value.trim()
}

/** Whether a version is a pre-release (1.31.0-rc.1, 3.5.0-alpha.0). */
export function isPrerelease(value: string): boolean {
  return (semver.prerelease(stripV(value))?.length ?? 0) > 0
}

// ---------------------------------------------------------------- Go releases

const GO_RELEASE = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/

/**
 * A Go release as semver, as setup-go keys the tool cache: '1.21.5' → '1.21.5', '1.20' → '1.20.0',
 * '1.21rc2' → '1.21.0-rc.2', 'go1.9' → '1.9.0'; undefined when the text is not a Go release.
 */
export function goSemver(value: string): string | undefined {
  const m = value.trim().match(GO_RELEASE)
  if (!m) return undefined
  const [, major, minor, patch, pre, n] = m
  return `${major}.${minor}.${patch ?? 0}${pre ? `-${pre}.${n}` : ''}`
}

/** Compare two Go versions (go.mod's `go 1.21`, `go env GOVERSION`'s go1.21.3), by their release numbers. */
export function compareGoVersions(a: string, b: string): number {
  return semver.compare(semver.coerce(a) ?? '0.0.0', semver.coerce(b) ?? '0.0.0')
}

/** The release numbers of a Go version as `go env GOVERSION` or `go version` prints it; undefined when there are none. */
export function goVersionNumber(value: string): string | undefined {
  return semver.coerce(value)?.version
}

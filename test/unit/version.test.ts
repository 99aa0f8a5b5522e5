import { describe, expect, test } from 'vitest'
import { UserError } from '../../shared/errors.js'
import { cleanVersion, compareGoVersions, goSemver, goVersionNumber, isPrerelease, parseTag, stripV } from '../../shared/version.js'

describe('release tags (semver)', () => {
  test.each([
    ['v1.1.1', 'v1.1.1', '1.1.1'],
    ['1.1.1', 'v1.1.1', '1.1.1'],
    [' v3.5.0-rc.1 ', 'v3.5.0-rc.1', '3.5.0-rc.1'],
    ['v0.22.3-rc1', 'v0.22.3-rc1', '0.22.3-rc1'],
  ])('%j is the tag %s (version %s)', (input, tag, version) => {
    expect(parseTag(input, 'version', 'v1.1.1')).toEqual({ tag, version })
  })

  test.each(['', 'latest', 'main', '1.1', 'v1.1.x', '=1.1.1', 'v 1.1.1', 'vv1.1.1', 'v1.1.1; rm -rf /', '../v1.1.1', '01.1.1'])(
    '%j is refused, naming the input and an example',
    (bad) => {
      expect(() => parseTag(bad, 'flannel-version', 'v0.22.3')).toThrow(UserError)
      expect(() => parseTag(bad, 'flannel-version', 'v0.22.3')).toThrow(`flannel-version: '${bad}' is not a release tag; use e.g. v0.22.3`)
      expect(cleanVersion(bad)).toBeUndefined()
    },
  )

  test('the message says what kind of release it wanted', () => {
    expect(() => parseTag('x', 'etcd-version', 'v3.4.22', 'an etcd release')).toThrow(
      "etcd-version: 'x' is not an etcd release; use e.g. v3.4.22",
    )
  })

  test('stripV drops exactly one leading v of a version and leaves other text alone', () => {
    expect(stripV('v1.31.2')).toBe('1.31.2')
    expect(stripV('3.4.22')).toBe('3.4.22')
    expect(stripV('v1.32.0-rc.1')).toBe('1.32.0-rc.1')
    expect(stripV('vendor')).toBe('vendor')
    expect(isPrerelease('v1.32.0-rc.1')).toBe(true)
    expect(isPrerelease('v1.32.0')).toBe(false)
  })
})

describe('Go releases', () => {
  test.each([
    ['1.21.5', '1.21.5'],
    ['1.20', '1.20.0'],
    ['1.21rc2', '1.21.0-rc.2'],
    ['1.18beta1', '1.18.0-beta.1'],
    ['go1.9', '1.9.0'],
  ])('%s is %s in the tool cache', (go, sv) => {
    expect(goSemver(go)).toBe(sv)
  })

  test.each(['latest', '1', '1.21.x', 'v1.21.5', '1.21.5; rm'])('%j is not a Go release', (bad) => {
    expect(goSemver(bad)).toBeUndefined()
  })

  test('compares go.mod directives with toolchain versions by release number', () => {
    expect(compareGoVersions('1.19.8', '1.19')).toBeGreaterThan(0)
    expect(compareGoVersions('1.21', '1.21.0')).toBe(0)
    expect(compareGoVersions('go1.9', '1.10')).toBeLessThan(0)
    expect(compareGoVersions('1.22.0 X:nocoverageredesign', '1.21.9')).toBeGreaterThan(0)
    expect(goVersionNumber('go1.15.15')).toBe('1.15.15')
    expect(goVersionNumber('devel')).toBeUndefined()
  })
})

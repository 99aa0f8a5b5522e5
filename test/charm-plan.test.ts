/** The pure parts of the charm actions: channels, the resources input, arch inference, coverage, plans, retries. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArches } from '../shared/arch.js'
import { builderInvocation, checkLayerIncludes, chooseBuilder } from '../shared/charm/build.js'
import { loadCharm } from '../shared/charm/metadata.js'
import { checkResourceCoverage, parseChannel, parseResourceLines, planCommands, resourceArch, showCommand } from '../shared/charm/plan.js'
import { sameRelease } from '../shared/charm/release.js'
import { isTransient } from '../shared/charm/store.js'
import { FIXTURES } from './charm-fixtures.js'

describe('parseChannel', () => {
  it('accepts track/risk[/branch] and a bare risk', () => {
    expect(parseChannel('1.31/edge')).toEqual({ track: '1.31', risk: 'edge', name: '1.31/edge' })
    expect(parseChannel('latest/stable/hotfix-1')).toEqual({ track: 'latest', risk: 'stable', branch: 'hotfix-1', name: 'latest/stable/hotfix-1' })
    expect(parseChannel('candidate').name).toBe('latest/candidate')
    expect(parseChannel('edge', 'channel', true).name).toBe('edge')
  })
  it('rejects a bad risk, too many parts, empty parts, tracks on the legacy store', () => {
    expect(() => parseChannel('1.31/nightly')).toThrow(/channel: '1.31\/nightly' has risk 'nightly'; use track\/risk/)
    expect(() => parseChannel('a/edge/b/c')).toThrow(/not a valid channel/)
    expect(() => parseChannel('1.31//edge')).toThrow(/not a valid channel/)
    expect(() => parseChannel('')).toThrow(/not a valid channel/)
    expect(() => parseChannel('1.31/edge', 'channel', true)).toThrow(/the charm store has no tracks/)
  })
})

describe('resources input', () => {
  const three = parseArches('amd64 arm64 s390x')
  it('expands {arch} over arches with Debian names, keeps plain lines, refuses duplicates', () => {
    const r = parseResourceLines('cni-{arch}=out/cni-{arch}.tgz\n# comment\nkubectl=zero/kubectl.snap', three)
    expect(r.map((x) => `${x.name}=${x.path}`)).toEqual(['cni-amd64=out/cni-amd64.tgz', 'cni-arm64=out/cni-arm64.tgz', 'cni-s390x=out/cni-s390x.tgz', 'kubectl=zero/kubectl.snap'])
    expect(r[2].arch?.debian).toBe('s390x')
    expect(parseResourceLines('flannel-{arch}=f-{arch}.tgz', parseArches('ppc64le armhf')).map((x) => x.name)).toEqual(['flannel-ppc64el', 'flannel-armhf'])
    expect(() => parseResourceLines('a=x\na=y', three)).toThrow(/resource 'a' is given twice/)
    expect(() => parseResourceLines('cni-{arch}=x', [])).toThrow(/uses \{arch\}; set the arches input/)
    expect(() => parseResourceLines('kubectl', three)).toThrow(/'kubectl' is not a name=path line/)
    expect(() => parseResourceLines('k={version}', three)).toThrow(/unknown placeholder \{version\}/)
  })
  it('infers the arch from {arch}, the name suffix, or a single arches hint', () => {
    expect(resourceArch({ name: 'cni-s390x', path: 'x' }, three)?.debian).toBe('s390x')
    expect(resourceArch({ name: 'flannel-ppc64el', path: 'x' }, [])?.debian).toBe('ppc64el')
    expect(resourceArch({ name: 'kubectl', path: 'x' }, parseArches('arm64'))?.debian).toBe('arm64')
    expect(resourceArch({ name: 'kubectl', path: 'x' }, three)).toBeUndefined()
  })
  it('checks coverage against the declared resources', async () => {
    const meta = await loadCharm(path.join(FIXTURES, 'kubernetes-worker'))
    const all = parseResourceLines('cni-{arch}=c\nkubectl=k\nkubelet=k\nkube-proxy=k\ncore=c', three)
    expect(() => checkResourceCoverage(meta.name, meta.resources, all, [])).not.toThrow()
    expect(() => checkResourceCoverage(meta.name, meta.resources, all.slice(1), [])).toThrow(/declares cni-amd64 but no file is given for it; .*keep-resources/)
    expect(() => checkResourceCoverage(meta.name, meta.resources, all.slice(1), ['cni-amd64'])).not.toThrow()
    expect(() => checkResourceCoverage(meta.name, meta.resources, [...all, { name: 'etcd', path: 'e' }], [])).toThrow(/declares no resource 'etcd'; its resources are cni-amd64/)
    expect(() => checkResourceCoverage(meta.name, meta.resources, all, ['core'])).toThrow(/keep-resources: 'core' is also given in resources/)
    expect(() => checkResourceCoverage(meta.name, [{ name: 'img', type: 'oci-image' }], [{ name: 'img', path: 'x' }], [])).toThrow(/oci-image resource/)
  })
})

describe('plan and release', () => {
  it('plans upload, one upload-resource per file and one release naming every resource', () => {
    const r = { name: 'cni-amd64', path: 'c', snap: false, facts: { path: '/w/cni-amd64.tgz', size: 5, sha256: 'ab' } }
    const cmds = planCommands('charmcraft', { name: 'kw', file: '/w/kw.charm' }, [r], ['core'], parseChannel('1.31/edge'))
    expect(cmds.map(showCommand)).toEqual([
      'charmcraft upload --format json /w/kw.charm',
      'charmcraft upload-resource --format json kw cni-amd64 --filepath /w/cni-amd64.tgz',
      "charmcraft release kw --revision '<charm revision from upload>' --channel 1.31/edge --resource 'cni-amd64:<revision from upload-resource cni-amd64>' --resource 'core:<revision released in 1.31/edge>'",
    ])
    expect(planCommands('charmcraft', { name: 'kw', revision: 7 }, [], [], parseChannel('edge'))).toEqual([['charmcraft', 'release', 'kw', '--revision', '7', '--channel', 'latest/edge']])
  })
  it('tells a finished release from one that differs', () => {
    expect(sameRelease({ revision: 3, resources: { a: 1, b: 2 } }, 3, { b: 2, a: 1 })).toBe(true)
    expect(sameRelease({ revision: 3, resources: { a: 1, b: 2 } }, 3, { a: 1, b: 3 })).toBe(false)
    expect(sameRelease({ revision: 3, resources: { a: 1 } }, 4, { a: 1 })).toBe(false)
    expect(sameRelease({ revision: 3, resources: { a: 1, b: 2 } }, 3, { a: 1 })).toBe(false)
  })
  it('retries timeouts, resets and 502/503/504, not a 500, bad credentials or a rejection', () => {
    expect(isTransient('ReadTimeout: The read operation timed out')).toBe(true)
    expect(isTransient("ConnectionResetError(104, 'Connection reset by peer')")).toBe(true)
    expect(isTransient('[503] Service Unavailable')).toBe(true)
    expect(isTransient('[500] Internal Server Error.')).toBe(false)
    expect(isTransient('Provided credentials are no longer valid for Charmhub.')).toBe(false)
    expect(isTransient('Revision of the existing package is: 3')).toBe(false)
  })
})

describe('charm-build helpers', () => {
  it('chooses the builder and builds its argument array', async () => {
    expect(await chooseBuilder(path.join(FIXTURES, 'kubernetes-worker'), 'auto')).toBe('charm')
    expect(await chooseBuilder(path.join(FIXTURES, 'kubernetes-worker-charmcraft'), 'auto')).toBe('charmcraft')
    await expect(chooseBuilder(FIXTURES, 'auto')).rejects.toThrow(/neither charmcraft.yaml nor layer.yaml/)
    await expect(chooseBuilder(FIXTURES, 'make')).rejects.toThrow(/builder: 'make' is not a builder/)
    expect(builderInvocation('charmcraft', '/c', '/o', { destructiveMode: true })).toEqual({ args: ['pack', '--project-dir', '/c', '--destructive-mode', '--verbose'], cwd: '/o', env: {} })
    expect(builderInvocation('charmcraft', '/c', '/o', { destructiveMode: false }).args).not.toContain('--destructive-mode')
    expect(builderInvocation('charm', '/c', '/o', { destructiveMode: true, layersDir: '/l', interfacesDir: '/i' })).toEqual({
      args: ['build', '--output-dir', '/o', '/c'],
      cwd: '/c',
      env: { CHARM_LAYERS_DIR: '/l', LAYER_PATH: '/l', CHARM_INTERFACES_DIR: '/i', INTERFACE_PATH: '/i' },
    })
  })
  it('resolves layer includes: local ones (recursively), the rest named for fetching', async () => {
    const inc = await checkLayerIncludes(path.join(FIXTURES, 'kubernetes-worker'), path.join(FIXTURES, 'layers'), path.join(FIXTURES, 'interfaces'))
    expect(inc.map((i) => [i.include, i.local ? 'local' : 'fetch'])).toEqual([
      ['layer:basic', 'local'],
      ['layer:snap', 'local'],
      ['layer:status', 'fetch'],
      ['interface:kube-control', 'local'],
    ])
    const none = await checkLayerIncludes(path.join(FIXTURES, 'kubernetes-worker'))
    expect(none.every((i) => !i.local)).toBe(true)
  })
})

import { describe, expect, test } from 'vitest'
import { UserError } from '../../shared/errors.js'
import { expandTemplate, parseBool, parseKeyValueLines, splitLines, splitList } from '../../shared/inputs.js'
import {
  COMPONENTS,
  DEFAULT_COMPONENTS,
  binaryUrl,
  markerUrl,
  parseComponents,
  parseKubeVersion,
  parseMarkerBody,
  snapFileName,
  snapVersion,
} from '../../shared/k8s.js'
import { parseArch } from '../../shared/arch.js'
import { actionDefaults } from '../helpers/runner.js'

describe('input parsing', () => {
  test('lists split on spaces, commas and newlines', () => {
    expect(splitList('kubectl,kubelet\n kube-proxy  kubeadm,,')).toEqual(['kubectl', 'kubelet', 'kube-proxy', 'kubeadm'])
    expect(splitList(' \n, ')).toEqual([])
    expect(splitLines('a=1\n\n# comment\n b=2 ')).toEqual(['a=1', 'b=2'])
  })
  test('booleans', () => {
    expect(parseBool('', 'verify', true)).toBe(true)
    expect(parseBool('FALSE', 'verify', true)).toBe(false)
    expect(() => parseBool('maybe', 'verify', true)).toThrow("verify: 'maybe' is not a boolean; use true or false")
  })
  test('KEY=value lines', () => {
    expect(parseKeyValueLines('GO111MODULE=off\nGOPATH=/x=y', 'build-env')).toEqual([
      ['GO111MODULE', 'off'],
      ['GOPATH', '/x=y'],
    ])
    expect(() => parseKeyValueLines('nokey', 'build-env')).toThrow("build-env: 'nokey' is not a KEY=value line")
  })
  test('templates expand known placeholders and name unknown ones', () => {
    expect(expandTemplate('cni-{arch}-{go-arch}.tgz', { arch: 'ppc64el', 'go-arch': 'ppc64le' }, 'filename')).toBe(
      'cni-ppc64el-ppc64le.tgz',
    )
    expect(() => expandTemplate('{nope}', { arch: 'x' }, 'filename')).toThrow('filename: unknown placeholder {nope}')
  })
})

describe('Kubernetes versions and components', () => {
  test.each([
    ['v1.31.2', 'v1.31.2'],
    ['1.31.2', 'v1.31.2'],
    [' 1.29.0 ', 'v1.29.0'],
    ['v1.32.0-rc.1', 'v1.32.0-rc.1'],
  ])('%s is the exact version %s', (input, version) => {
    expect(parseKubeVersion(input)).toEqual({ kind: 'exact', version })
  })
  test.each(['stable', 'stable-1.31', 'latest', 'latest-1.30'])('%s is a marker', (m) => {
    expect(parseKubeVersion(m)).toEqual({ kind: 'marker', marker: m })
  })
  test.each(['', '1.31', 'v1.31.x', 'stable-', 'stable-one', '1.31.2; rm -rf /', '../1.31.2'])('%j is refused naming the input', (bad) => {
    expect(() => parseKubeVersion(bad)).toThrow(UserError)
    expect(() => parseKubeVersion(bad)).toThrow(
      /^kube-version: .* is not a Kubernetes version; use v1.31.2, 1.31.2, stable or stable-1.31$/,
    )
  })
  test('marker bodies must name a version', () => {
    expect(parseMarkerBody('v1.31.2\n', 'u')).toBe('v1.31.2')
    expect(() => parseMarkerBody('<html>', 'http://x/release/stable.txt')).toThrow()
  })
  test('URLs use the Kubernetes arch directory (ppc64le, arm), file names the Debian one', () => {
    const ppc = parseArch('ppc64el')
    expect(binaryUrl('https://dl.k8s.io/', 'v1.31.2', ppc, 'kubelet')).toBe('https://dl.k8s.io/release/v1.31.2/bin/linux/ppc64le/kubelet')
    expect(binaryUrl('http://m', 'v1.31.2', parseArch('armhf'), 'kubectl')).toBe('http://m/release/v1.31.2/bin/linux/arm/kubectl')
    expect(markerUrl('https://dl.k8s.io', 'stable-1.31')).toBe('https://dl.k8s.io/release/stable-1.31.txt')
    expect(snapFileName('kubelet', 'v1.31.2', ppc)).toBe('kubelet_1.31.2_ppc64el.snap')
    expect(snapVersion('v1.31.2')).toBe('1.31.2')
  })
  test('components: default set, order kept, duplicates dropped, unknown and empty refused', () => {
    expect(parseComponents(DEFAULT_COMPONENTS).map((c) => c.name)).toEqual([
      'kubectl',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'kubelet',
      'kube-proxy',
      'kubeadm',
    ])
    expect(parseComponents('kubelet,kubectl kubelet').map((c) => c.name)).toEqual(['kubelet', 'kubectl'])
    expect(() => parseComponents(' , ')).toThrow(/^components: empty; use one or more of kubectl/)
    expect(() => parseComponents('kubectl kube-dns')).toThrow(/^components: unknown component 'kube-dns'/)
  })
  test("action.yml's defaults are the code's defaults", () => {
    const d = actionDefaults('build-k8s-snaps')
    expect(d.components).toBe(DEFAULT_COMPONENTS)
    expect(d['base-url']).toBe('https://dl.k8s.io')
    expect(d['output-dir']).toBe('snaps')
    expect(d.verify).toBe('true')
    expect(COMPONENTS.length).toBe(7)
  })
})

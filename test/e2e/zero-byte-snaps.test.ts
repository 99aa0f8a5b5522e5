/** zero-byte-snaps end to end through dist/zero-byte-snaps/index.js. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { clearFailure, runDist, tempDir } from '../helpers/runner.js'

const WORKER_METADATA = `name: kubernetes-worker
summary: The workload bearing units of a Kubernetes cluster
resources:
  cni-amd64:
    type: file
    filename: cni.tgz
    description: CNI plugins for amd64
  cni-s390x:
    type: file
    filename: cni.tgz
    description: CNI plugins for s390x
  kubectl:
    type: file
    filename: kubectl.snap
    description: kubectl snap
  kubelet:
    type: file
    filename: kubelet.snap
    description: kubelet snap
  kube-proxy:
    type: file
    filename: kube-proxy.snap
    description: kube-proxy snap
  core:
    type: file
    filename: core.snap
    description: core snap
`

function charm(files: Record<string, string>): string {
  const dir = tempDir('bs-charm-')
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

describe('zero-byte-snaps', () => {
  test('writes an empty snap for every .snap file resource of metadata.yaml, and the outputs charm-attach-release takes', async () => {
    const dir = charm({ 'metadata.yaml': WORKER_METADATA })
    const out = path.join(tempDir('bs-zb-'), 'placeholders')
    const r = await runDist('zero-byte-snaps', { charm: dir, 'output-dir': out })
    expect(r.exitCode, r.log).toBe(0)
    const files = JSON.parse(r.outputs.files) as Record<string, string>
    expect(Object.keys(files)).toEqual(['kubectl', 'kubelet', 'kube-proxy', 'core'])
    for (const [name, file] of Object.entries(files)) {
      expect(file).toBe(path.join(out, `${name}.snap`))
      expect(statSync(file).size).toBe(0)
    }
    expect(readdirSync(out).sort()).toEqual(['core.snap', 'kube-proxy.snap', 'kubectl.snap', 'kubelet.snap'])
    expect(r.outputs.resources.split('\n')).toEqual(
      ['kubectl', 'kubelet', 'kube-proxy', 'core'].map((n) => `${n}=${path.join(out, `${n}.snap`)}`),
    )
    expect(r.summary).toContain('Zero-byte snap resources for kubernetes-worker')
  })
  test('accepts the path of charmcraft.yaml and an explicit resource list', async () => {
    const dir = charm({
      'charmcraft.yaml': `name: kubernetes-control-plane\ntype: charm\nresources:\n  cdk-addons:\n    type: file\n    filename: cdk-addons.snap\n  kube-apiserver:\n    type: file\n    filename: kube-apiserver.snap\n  cni-plugins:\n    type: file\n    filename: cni-plugins.tar.gz\n`,
    })
    const r = await runDist('zero-byte-snaps', { charm: path.join(dir, 'charmcraft.yaml'), resources: 'kube-apiserver' })
    expect(r.exitCode, r.log).toBe(0)
    expect(Object.keys(JSON.parse(r.outputs.files))).toEqual(['kube-apiserver'])
  })
  test.each([
    [
      { charm: '/nonexistent/charm' },
      /^charm: '\/nonexistent\/charm' does not exist; give a charm directory or its metadata.yaml \/ charmcraft.yaml$/,
    ],
    [
      { resources: 'kubectl etcd' },
      /^resources: charm kubernetes-worker declares no resource 'etcd'; its resources are cni-amd64, cni-s390x, kubectl/,
    ],
  ])('bad input %j is one clear line', async (inputs, expected) => {
    const dir = charm({ 'metadata.yaml': WORKER_METADATA })
    const out = tempDir('bs-zb-')
    const r = await runDist('zero-byte-snaps', { charm: dir, 'output-dir': out, ...inputs })
    expect(clearFailure(r)).toMatch(expected)
    expect(readdirSync(out)).toEqual([])
  })
  test('a charm without snap resources, and broken YAML, are clear errors', async () => {
    const none = charm({ 'metadata.yaml': 'name: flannel\nresources:\n  flannel-amd64:\n    type: file\n    filename: flannel.tar.gz\n' })
    expect(clearFailure(await runDist('zero-byte-snaps', { charm: none }))).toMatch(
      /^charm: flannel declares no file resource ending in \.snap/,
    )
    const broken = charm({ 'metadata.yaml': 'name: [x\n' })
    expect(clearFailure(await runDist('zero-byte-snaps', { charm: broken }))).toMatch(/metadata\.yaml: not valid YAML .*; fix the file$/)
    const sub = tempDir('bs-zb-')
    mkdirSync(path.join(sub, 'empty'))
    expect(clearFailure(await runDist('zero-byte-snaps', { charm: path.join(sub, 'empty') }))).toMatch(
      /^charm: no metadata.yaml or charmcraft.yaml in /,
    )
  })
})

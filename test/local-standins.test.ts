/**
 * The local try's stand-ins and summary: the etcd stand-in answers `etcd --version` as real etcd does, so a local
 * release mapping snap:etcd gets through build-etcd-snap's verifier (the dist bundle, as the local release runs
 * it, against the loopback mirror it serves); the summary lists a multi-arch .charm under every arch it serves.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { collectArtifacts, openMirror, summaryMarkdown } from '../cli/release.js'
import type { Mirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { runDist, tempDir } from './helpers/runner.js'

describe('the etcd stand-in of the local release', () => {
  let mirror: Mirror | undefined
  afterAll(async () => mirror?.close())

  test('build-etcd-snap takes the mirror etcd v3.5.21 tarball: etcd Version and etcdctl version as the verifier wants', async () => {
    mirror = await openMirror(tempDir('bs-local-mirror-'), { kube: 'v1.33.2', cni: 'v1.7.1', flannel: 'v0.26.7', etcd: 'v3.5.21' }, [
      parseArch('amd64'),
    ])
    const out = tempDir('bs-local-etcd-')
    const res = await runDist('build-etcd-snap', {
      'etcd-version': 'v3.5.21',
      arch: 'amd64',
      'base-url': `${mirror.url}/etcd`,
      'output-dir': out,
    })
    expect(res.exitCode, res.log).toBe(0)
    expect(res.log).toMatch(/etcd: ELF amd64; ran natively: etcd Version: 3\.5\.21/)
    expect(res.log).toMatch(/etcdctl: ELF amd64; ran natively: etcdctl version: 3\.5\.21/)
    expect(res.outputs.snap).toBe(path.join(out, 'etcd_3.5.21_amd64.snap'))
  })
})

describe('the summary lists a charm under every arch it serves', () => {
  /** A real zip with the manifest.yaml charmcraft writes: one bases entry per run-on base. */
  function packCharm(dir: string, file: string, arches: string[]) {
    const src = tempDir('bs-charm-src-')
    writeFileSync(path.join(src, 'metadata.yaml'), 'name: x\n')
    writeFileSync(
      path.join(src, 'manifest.yaml'),
      stringify({ bases: ['22.04', '24.04'].map((channel) => ({ name: 'ubuntu', channel, architectures: arches })) }),
    )
    mkdirSync(dir, { recursive: true })
    execFileSync('zip', ['-q', '-j', path.join(dir, file), path.join(src, 'metadata.yaml'), path.join(src, 'manifest.yaml')])
  }

  test('flannel (one revision for three arches) is "amd64, arm64, s390x"; the control plane is its own arch', async () => {
    const dir = tempDir('bs-summary-')
    packCharm(path.join(dir, 'charm-flannel', 'charms'), 'flannel_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm', [
      'amd64',
      'arm64',
      's390x',
    ])
    packCharm(
      path.join(dir, 'charm-kubernetes-control-plane', 'charms'),
      'kubernetes-control-plane_ubuntu-22.04-arm64_ubuntu-24.04-arm64.charm',
      ['arm64'],
    )
    const rows = await collectArtifacts(dir)
    expect(rows.map((r) => [r.arch, r.artifact])).toEqual([
      ['amd64, arm64, s390x', 'flannel_ubuntu-22.04-amd64-arm64-s390x_ubuntu-24.04-amd64-arm64-s390x.charm'],
      ['arm64', 'kubernetes-control-plane_ubuntu-22.04-arm64_ubuntu-24.04-arm64.charm'],
    ])
    expect(summaryMarkdown('Release', [], [], rows)).toContain('2 artifacts for 3 architectures (amd64, arm64, s390x).')
  })
})

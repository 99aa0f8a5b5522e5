/** The loopback mirror of stand-in upstream binaries the local release downloads from. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Arch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { inspectGo } from '../../shared/golang.js'
import { writeTarGz } from '../../shared/archive.js'
import { buildFakeK8s, hexDigest, populateK8sMirror } from '../fake-k8s.js'
import { startMirror, type Mirror } from '../mirror.js'

// ---------------------------------------------------------------- the loopback mirror of upstream stand-ins

export interface UpstreamVersions {
  kube: string
  cni: string
  flannel: string
  etcd: string
}

export const CNI_PLUGINS = [
  'bandwidth',
  'bridge',
  'dhcp',
  'firewall',
  'host-device',
  'host-local',
  'ipvlan',
  'loopback',
  'macvlan',
  'portmap',
  'ptp',
  'sbr',
  'static',
  'tuning',
  'vlan',
  'vrf',
]

/** The one stand-in (cli/fake-k8s.ts) answers as a CNI plugin, flanneld, etcd and etcdctl too. */
export async function buildStandIn(buildDir: string, arch: Arch, version: string): Promise<string> {
  if (!(await inspectGo('go')))
    throw new UserError(
      'go is not installed; the local release cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  return buildFakeK8s(buildDir, arch, version)
}

export async function tarballWithSha256(dest: string, entries: { name: string; file?: string; data?: string }[]): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true })
  await writeTarGz(dest, entries, { mtime: 1_700_000_000 })
  await writeFile(`${dest}.sha256`, `${hexDigest(await readFile(dest), 'sha256')}  ${path.basename(dest)}\n`)
}

/**
 * Lay out, under root, what the release downloads, in the upstream layouts and names:
 *   k8s/release/<v>/bin/linux/<k8s-arch>/<binary>{,.sha256}            (dl.k8s.io)
 *   cni/<v>/cni-plugins-linux-<go-arch>-<v>.tgz{,.sha256}               (containernetworking/plugins releases)
 *   flannel/<v>/flannel-<v>-linux-<go-arch>.tar.gz{,.sha256}            (flannel-io/flannel releases)
 *   etcd/<v>/etcd-<v>-linux-<go-arch>.tar.gz{,.sha256}, SHA256SUMS      (etcd-io/etcd releases)
 */
export async function populateUpstreamMirror(root: string, v: UpstreamVersions, arches: Arch[], buildDir: string): Promise<void> {
  await populateK8sMirror(path.join(root, 'k8s'), v.kube, arches, buildDir)
  for (const arch of arches) {
    const cni = await buildStandIn(buildDir, arch, v.cni)
    await tarballWithSha256(path.join(root, 'cni', v.cni, `cni-plugins-linux-${arch.go}-${v.cni}.tgz`), [
      ...CNI_PLUGINS.map((p) => ({ name: `./${p}`, file: cni })),
      { name: './LICENSE', data: 'Apache-2.0 (stand-in)\n' },
    ])
    const flannel = await buildStandIn(buildDir, arch, v.flannel)
    await tarballWithSha256(path.join(root, 'flannel', v.flannel, `flannel-${v.flannel}-linux-${arch.go}.tar.gz`), [
      { name: 'flanneld', file: flannel },
      { name: 'mk-docker-opts.sh', data: '#!/bin/sh\n# stand-in\n' },
      { name: 'README.md', data: 'flannel (stand-in)\n' },
    ])
    const etcd = await buildStandIn(buildDir, arch, v.etcd)
    const top = `etcd-${v.etcd}-linux-${arch.go}`
    await tarballWithSha256(path.join(root, 'etcd', v.etcd, `${top}.tar.gz`), [
      { name: `${top}/etcd`, file: etcd },
      { name: `${top}/etcdctl`, file: etcd },
      { name: `${top}/README.md`, data: 'etcd (stand-in)\n' },
    ])
  }
  // etcd-io/etcd publishes one SHA256SUMS per release (build-etcd-snap checks the tarball against it).
  const etcdDir = path.join(root, 'etcd', v.etcd)
  const tarballs = (await readdir(etcdDir)).filter((f) => f.endsWith('.tar.gz')).sort()
  await writeFile(
    path.join(etcdDir, 'SHA256SUMS'),
    (await Promise.all(tarballs.map(async (f) => `${hexDigest(await readFile(path.join(etcdDir, f)), 'sha256')}  ${f}\n`))).join(''),
  )
}

/** Lay out the mirror for a description's versions and arches, and serve it on 127.0.0.1. */
export async function openMirror(root: string, v: UpstreamVersions, arches: Arch[]): Promise<Mirror> {
  await populateUpstreamMirror(root, v, arches, path.join(tmpdir(), 'build-snaps-fake-upstream'))
  return startMirror(root)
}

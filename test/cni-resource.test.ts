/** Unit tests of shared/resource.ts and the pure helpers of build-cnitgz and build-flannel. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { flanneldLdflags, flannelVersionPackage } from '../shared/flannel.js'
import { readEtcdSource } from '../shared/etcd.js'
import { parseArch, parseArches } from '../shared/arch.js'
import { UserError } from '../shared/errors.js'
import { cniBuildArgv, smokePlugin } from '../shared/cni.js'
import { outputName, renderBuildInfo } from '../shared/resource/pack.js'
import { forEachArch, serialLock } from '../shared/resource/per-arch.js'
import { releaseBase } from '../shared/resource/release.js'
import { fixtureCopy } from './cni-fixture.js'
import { tempDir } from './helpers/runner.js'

describe('resource helpers', () => {
  it('renders BUILD_INFO in the charm script shape with the epoch as date', () => {
    expect(renderBuildInfo({ title: 'cni-s390x v1.1.1', epoch: 1700000000, lines: [['cni-plugins commit', 'abc']] })).toBe(
      'cni-s390x v1.1.1\nBuilt 2023-11-14T22:13:20Z\ncni-plugins commit: abc\n',
    )
  })

  it('expands filenames and refuses paths', () => {
    expect(outputName('cni-{arch}-{go-arch}-{version}.tgz', parseArch('ppc64el'), 'v1.1.1')).toBe('cni-ppc64el-ppc64le-v1.1.1.tgz')
    expect(() => outputName('../{arch}.tgz', parseArch('s390x'), 'v1')).toThrow(/filename: '\.\.\/s390x\.tgz' is not a plain file name/)
    expect(() => outputName('{arhc}.tgz', parseArch('s390x'), 'v1')).toThrow(/filename: unknown placeholder \{arhc\}/)
  })

  it('expands release base URLs and refuses non-http ones', () => {
    expect(releaseBase('https://x/releases/download/{version}/', { version: 'v1' }, 'base-url')).toBe('https://x/releases/download/v1')
    expect(() => releaseBase('ftp://x', { version: 'v1' }, 'base-url')).toThrow("base-url: 'ftp://x' is not an http(s) URL")
  })

  it('runs every arch even when one fails, keeping order and each error', async () => {
    const arches = parseArches('amd64 arm64 s390x')
    const res = await forEachArch(arches, 2, async (a) => {
      if (a.debian === 'arm64') throw new UserError('boom')
      await new Promise((r) => setTimeout(r, a.debian === 'amd64' ? 30 : 1))
      return a.go
    })
    expect(res.map((r) => [r.arch.debian, r.value, (r.error as Error | undefined)?.message])).toEqual([
      ['amd64', 'amd64', undefined],
      ['arm64', undefined, 'boom'],
      ['s390x', 's390x', undefined],
    ])
  })

  it('serialLock never overlaps calls, even after a failure', async () => {
    const lock = serialLock()
    let running = 0
    let most = 0
    const job = (fail: boolean) =>
      lock(async () => {
        running++
        most = Math.max(most, running)
        await new Promise((r) => setTimeout(r, 5))
        running--
        if (fail) throw new Error('x')
        return 1
      })
    const all = await Promise.allSettled([job(false), job(true), job(false), job(false)])
    expect(all.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect(most).toBe(1)
  })

  it('picks the build script and the plugin to smoke-run', async () => {
    const src = fixtureCopy('cni')
    expect(await cniBuildArgv(src, '', 'source')).toEqual(['bash', './build_linux.sh'])
    expect(await cniBuildArgv(src, 'make all', 'source')).toEqual(['bash', '-e', '-c', 'make all'])
    expect(smokePlugin(['host-local', 'bridge'])).toBe('bridge')
    expect(smokePlugin(['host-local', 'loopback'])).toBe('host-local')
  })
})

describe('flannel and etcd checkouts', () => {
  it('finds the version package: pkg/version (v0.22+), else version/', async () => {
    const src = fixtureCopy('flannel')
    expect(await flannelVersionPackage(src)).toBe('github.com/flannel-io/flannel/pkg/version')
    mkdirSync(path.join(src, 'version'))
    writeFileSync(path.join(src, 'version/version.go'), 'package version\n')
    rmSync(path.join(src, 'pkg'), { recursive: true })
    writeFileSync(path.join(src, 'go.mod'), 'module github.com/coreos/flannel\n\ngo 1.12\n')
    expect(await flannelVersionPackage(src)).toBe('github.com/coreos/flannel/version')
    expect(flanneldLdflags('github.com/coreos/flannel/version', 'v0.11.0')).toBe(
      '-s -w -X github.com/coreos/flannel/version.Version=v0.11.0',
    )
    await expect(flannelVersionPackage(tempDir())).rejects.toThrow(/flannel-source: no go\.mod in .*use the release/)
  })

  it('reads the etcd checkouts of the flannel fixtures with the etcd snap detection', async () => {
    expect((await readEtcdSource(fixtureCopy('etcd/v2'), 'etcd-source')).layout).toEqual({ kind: 'build-script' })
    const v3 = fixtureCopy('etcd/v3')
    expect((await readEtcdSource(v3, 'etcd-source')).layout).toMatchObject({ kind: 'go-mod', etcdctl: { cwd: v3, pkg: './etcdctl' } })
  })
})

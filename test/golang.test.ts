import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMirror, type Mirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { writeTarGz } from '../shared/archive.js'
import { assertElfArch } from '../shared/elf.js'
import * as tc from '@actions/tool-cache'
import { compareGoVersions } from '../shared/version.js'
import {
  dependencyHash,
  goBuild,
  goBuildEnv,
  goModDirective,
  goModModule,
  inspectGo,
  installGo,
  restoreGoCache,
  saveGoCache,
  setupGo,
} from '../shared/golang.js'
import { Runtime } from '../shared/runtime.js'
import { tempDir } from './helpers/runner.js'

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k]
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  return fn().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
}

function module(dir: string, goLine: string): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'go.mod'), `module example.com/hello\n\ngo ${goLine}\n`)
  writeFileSync(
    path.join(dir, 'main.go'),
    'package main\n\nimport "fmt"\n\nvar Version = "dev"\n\nfunc main() { fmt.Println("hello", Version) }\n',
  )
  return dir
}

describe('Go versions and go.mod', () => {
  it('parses and compares', () => {
    expect(goModDirective('module x\n\ngo 1.21.3\n\nrequire y v1\n')).toBe('1.21.3')
    expect(goModDirective('module x\n')).toBeUndefined()
    expect(goModModule('module github.com/flannel-io/flannel\n')).toBe('github.com/flannel-io/flannel')
    expect(compareGoVersions('1.19.8', '1.19')).toBeGreaterThan(0)
    expect(compareGoVersions('1.21', '1.21.0')).toBe(0)
    expect(compareGoVersions('go1.9', '1.10')).toBeLessThan(0)
  })

  it('hashes go.sum, else vendor/modules.txt', async () => {
    const dir = tempDir()
    expect(await dependencyHash(dir)).toBe('nodeps')
    mkdirSync(path.join(dir, 'vendor'))
    writeFileSync(path.join(dir, 'vendor/modules.txt'), 'a')
    const v = await dependencyHash(dir)
    writeFileSync(path.join(dir, 'go.sum'), 'b')
    expect(await dependencyHash(dir)).not.toBe(v)
  })

  it('cross-compile env comes from the arch table and build-env wins', async () => {
    const go = { go: '/x/bin/go', root: '/x', version: '1.19.8', origin: 'PATH' as const }
    const env = goBuildEnv(go, parseArch('armhf'), undefined, { CGO_ENABLED: '1' })
    expect(env).toMatchObject({ GOOS: 'linux', GOARCH: 'arm', GOARM: '7', CGO_ENABLED: '1', GOTOOLCHAIN: 'local', GOROOT: '/x' })
    expect(env.PATH.startsWith('/x/bin:')).toBe(true)
    expect(env.GOFLAGS).toContain('-trimpath')
  })
})

describe('setupGo', () => {
  it('uses the Go on PATH when it satisfies go.mod', async () => {
    const rt = new Runtime()
    const go = await setupGo(rt, { srcDir: module(tempDir(), '1.16') })
    expect(go.origin).toBe('PATH')
    expect(go.version).toMatch(/^\d+\.\d+/)
  })

  it('says Go is too old for go.mod, naming both versions and the input', async () => {
    const rt = new Runtime()
    const dir = module(tempDir(), '1.99')
    await expect(setupGo(rt, { srcDir: dir })).rejects.toThrow(
      /Go too old: .*go\.mod needs go 1\.99 and the Go on PATH is [\d.]+; set go-version to 1\.99 or newer/,
    )
    await expect(setupGo(rt, { srcDir: dir, requested: '1.98.1' })).rejects.toThrow(/go-version: Go 1\.98\.1 is older than the go 1\.99/)
  })

  describe('install into the tool cache from a (loopback) download server', () => {
    let mirror: Mirror
    let root: string
    beforeAll(async () => {
      // A stand-in Go release tarball: go/bin/go answers `go env GOROOT GOVERSION` like a Go older than 1.16 (no GOVERSION), and `go version`.
      root = tempDir()
      const script =
        '#!/bin/sh\nif [ "$1" = env ]; then cd "$(dirname "$0")/.." && pwd; exit 0; fi; if [ "$1" = version ]; then echo "go version go1.99.1 linux/amd64"; exit 0; fi\necho "fake go $*"\n'
      const tgz = path.join(root, 'go1.99.1.linux-amd64.tar.gz')
      await writeTarGz(
        tgz,
        [
          { name: 'go/bin/go', data: script, mode: 0o755 },
          { name: 'go/VERSION', data: 'go1.99.1' },
        ],
        { mtime: 1 },
      )
      writeFileSync(`${tgz}.sha256`, createHash('sha256').update(readFileSync(tgz)).digest('hex') + '\n')
      const bad = path.join(root, 'go1.99.2.linux-amd64.tar.gz')
      writeFileSync(bad, readFileSync(tgz))
      writeFileSync(`${bad}.sha256`, '0'.repeat(64) + '\n')
      mirror = await startMirror(root)
    })
    afterAll(() => mirror?.close())

    it('installs a verified version once, then finds it in the tool cache', async () => {
      const toolCache = tempDir()
      await withEnv(
        {
          BUILD_SNAPS_GO_BASE_URL: mirror.url,
          RUNNER_TOOL_CACHE: toolCache,
          BUILD_SNAPS_CACHE_DIR: tempDir(),
          BUILD_SNAPS_HTTP_ATTEMPTS: '1',
        },
        async () => {
          const rt = new Runtime()
          const dir = module(tempDir(), '1.99')
          const go = await setupGo(rt, { srcDir: dir, requested: '1.99.1' })
          expect(go).toMatchObject({ version: '1.99.1', origin: 'tool cache', go: path.join(toolCache, 'go/1.99.1/x64/bin/go') })
          expect(existsSync(path.join(toolCache, 'go/1.99.1/x64.complete'))).toBe(true)
          const before = mirror.requests.length
          await installGo(rt, '1.99.1')
          expect(mirror.requests.length).toBe(before)
          expect((await inspectGo(go.go))?.version).toBe('1.99.1')
          await expect(installGo(rt, '1.99.2')).rejects.toThrow(/go-version: cannot install Go 1\.99\.2: checksum mismatch/)
          expect(existsSync(path.join(toolCache, 'go/1.99.2'))).toBe(false)
          await expect(installGo(rt, '1.99.3')).rejects.toThrow(/cannot install Go 1\.99\.3: .*HTTP 404/)
          await expect(installGo(rt, 'latest')).rejects.toThrow(/go-version: 'latest' is not a Go release/)
        },
      )
    })

    it("finds a Go that setup-go's layout already holds (a runner's preinstalled Go) without downloading", async () => {
      const toolCache = tempDir()
      await withEnv({ BUILD_SNAPS_GO_BASE_URL: mirror.url, RUNNER_TOOL_CACHE: toolCache, BUILD_SNAPS_CACHE_DIR: tempDir() }, async () => {
        // What actions/setup-go leaves for go1.99.4rc1: <tool cache>/go/1.99.4-rc.1/x64 and x64.complete.
        const src = path.join(tempDir(), 'go')
        mkdirSync(path.join(src, 'bin'), { recursive: true })
        writeFileSync(
          path.join(src, 'bin', 'go'),
          '#!/bin/sh\nif [ "$1" = env ]; then cd "$(dirname "$0")/.." && pwd; echo go1.99.4rc1; exit 0; fi\n',
          { mode: 0o755 },
        )
        const cached = await tc.cacheDir(src, 'go', '1.99.4-rc.1', 'x64')
        expect(cached).toBe(path.join(toolCache, 'go/1.99.4-rc.1/x64'))
        const before = mirror.requests.length
        const go = await installGo(new Runtime(), '1.99.4rc1')
        expect(go).toMatchObject({ go: path.join(cached, 'bin/go'), version: '1.99.4rc1', origin: 'tool cache' })
        expect(mirror.requests.length).toBe(before)
      })
    })
  })
})

describe('goBuild', () => {
  it('cross-compiles for s390x with ldflags, reproducibly, and saves/restores the Go caches', async () => {
    await withEnv({ BUILD_SNAPS_CACHE_DIR: tempDir(), RUNNER_TEMP: tempDir() }, async () => {
      const rt = new Runtime()
      const dir = module(tempDir(), '1.16')
      const arch = parseArch('s390x')
      const go = await setupGo(rt, { srcDir: dir })
      const cache = await restoreGoCache(rt, go, arch, dir)
      expect(cache.hit).toBeUndefined()
      expect(cache.key).toBe(`build-snaps-go-${go.version}-linux-s390x-nodeps`)
      const out = path.join(tempDir(), 'hello')
      await goBuild({
        go,
        arch,
        cwd: dir,
        packages: ['.'],
        output: out,
        ldflags: '-s -w -X main.Version=v9',
        cache,
        label: 'hello for s390x',
      })
      await assertElfArch(out, arch, 'hello')
      expect(readFileSync(out).includes(Buffer.from('v9'))).toBe(true)
      await saveGoCache(rt, cache)
      // A second build elsewhere restores the exact key and gives the same bytes.
      const again = await restoreGoCache(rt, go, arch, dir)
      expect(again.hit).toBe(cache.key)
      const out2 = path.join(tempDir(), 'hello')
      await goBuild({
        go,
        arch,
        cwd: module(tempDir(), '1.16'),
        packages: ['.'],
        output: out2,
        ldflags: '-s -w -X main.Version=v9',
        cache: again,
        label: 'hello',
      })
      expect(readFileSync(out2).equals(readFileSync(out))).toBe(true)
      await expect(goBuild({ go, arch, cwd: dir, packages: ['./nope'], output: out2, label: 'nope for s390x' })).rejects.toThrow(
        /nope for s390x: go build failed/,
      )
    })
  })
})

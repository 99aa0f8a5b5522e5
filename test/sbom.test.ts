/**
 * The SBOM beside every artifact (shared/sbom.ts), on real artifacts: snaps that build-k8s-snaps packs
 * (dist bundle, loopback mirror), a tarball of cross-compiled Go binaries with dependencies, a charm (zip),
 * Debian's s390x kubectl. Each SBOM validates against the official SPDX 2.3 JSON schema
 * (test/schemas/spdx-2.3.schema.json, spdx/spdx-spec schemas/spdx-schema.json at tag v2.3) with ajv; its
 * digests match the files; its Go modules equal what `go version -m` prints; two runs are byte-identical.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mirror } from '../cli/mirror.js'
import { ARCHES, parseArch } from '../shared/arch.js'
import { writeTarGz } from '../shared/archive.js'
import { sha256File } from '../shared/files.js'
import { parseModInfo } from '../shared/gobuildinfo.js'
import { artifactContents, listTree, readSbom, writeSbom } from '../shared/sbom.js'
import { KUBE_VERSION, k8sMirror } from './helpers/k8s-mirror.js'
import { type DistRun, runDist, tempDir } from './helpers/runner.js'
import { expectValidSpdx } from './sbom-schema.js'
import { DEBIAN_KUBECTL_ROOT, type GoFixture, buildGoFixture, goVersionM } from './gobuildinfo-fixture.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** `go version -m` of the binary, parsed, for comparison with the SBOM's Go packages. */
function goModules(file: string): { goVersion: string; path: string; deps: Array<{ path: string; version: string; sum: string }> } {
  const text = goVersionM(file)
  const [first, ...rest] = text.split('\n')
  const info = parseModInfo(rest.map((l) => l.replace(/^\t/, '')).join('\n'))
  return {
    goVersion: first.split(': ').pop()!,
    path: info.path,
    deps: info.deps.map((d) => ({ path: d.path, version: d.version, sum: d.sum })),
  }
}

/** The SBOM's Go packages of one file: main path (from the summary), stdlib version, dependencies with sums. */
function sbomGo(
  doc: Json,
  fileName: string,
): { goVersion: string; path: string; deps: Array<{ path: string; version: string; sum: string }> } {
  const file = doc.files.find((f: Json) => f.fileName === fileName)
  const mainId = doc.relationships.find(
    (r: Json) => r.spdxElementId === file.SPDXID && r.relationshipType === 'GENERATED_FROM',
  ).relatedSpdxElement
  const deps = doc.relationships
    .filter((r: Json) => r.spdxElementId === mainId && r.relationshipType === 'DEPENDS_ON')
    .map((r: Json) => doc.packages.find((p: Json) => p.SPDXID === r.relatedSpdxElement))
  const stdlib = deps.find((p: Json) => p.name === 'stdlib')
  const main = doc.packages.find((p: Json) => p.SPDXID === mainId)
  expect(main.externalRefs[0].referenceLocator).toMatch(/^pkg:golang\//)
  return {
    goVersion: stdlib.versionInfo,
    path: main.comment.split('\n')[0].replace(/^path\t/, ''),
    deps: deps
      .filter((p: Json) => p !== stdlib)
      .map((p: Json) => {
        expect(p.externalRefs[0].referenceLocator).toBe(`pkg:golang/${p.name}@${p.versionInfo}`)
        return { path: p.name, version: p.versionInfo, sum: /^sum\t(\S+)/m.exec(p.comment ?? '')?.[1] ?? '' }
      }),
  }
}

let root: string
let fx: GoFixture
beforeAll(async () => {
  root = tempDir('bs-sbom-')
  fx = await buildGoFixture(root, [parseArch('arm64'), parseArch('s390x'), parseArch('armhf')])
}, 300_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('tarball and charm SBOMs', () => {
  it('a tarball of Go binaries for three arches: schema-valid, digests right, Go modules equal go version -m', async () => {
    const tgz = path.join(root, 'out', 'hello-multi.tar.gz')
    mkdirSync(path.dirname(tgz), { recursive: true })
    const entries = [...fx.binaries].map(([arch, file]) => ({ name: `${arch}/hello`, file }))
    await writeTarGz(
      tgz,
      [...entries, { name: 'BUILD_INFO', data: 'fixture\n' }, { name: 'link', type: 'symlink' as const, linkname: 'BUILD_INFO' }],
      { mtime: 1700000000, label: 'hello-multi' },
    )
    const sha256 = await sha256File(tgz)
    const sbom = await writeSbom(
      tgz,
      { version: '1.0.0', sha256 },
      { epoch: 1700000000, tool: 'build-snaps-test', namespaceBase: 'https://example.invalid', tmpRoot: root },
    )
    expect(sbom).toBe(`${tgz}.spdx.json`)
    const doc = JSON.parse(readFileSync(sbom, 'utf8')) as Json
    expectValidSpdx(doc)
    expect(doc.creationInfo.created).toBe('2023-11-14T22:13:20Z')
    const pkg = doc.packages[0]
    expect(pkg.checksums).toEqual([{ algorithm: 'SHA256', checksumValue: sha256 }])
    expect(pkg.externalRefs[0].referenceLocator).toBe('pkg:generic/hello-multi@1.0.0')
    expect(doc.files.map((f: Json) => f.fileName)).toEqual(['./BUILD_INFO', './arm64/hello', './armhf/hello', './link', './s390x/hello'])
    for (const [arch, file] of fx.binaries) {
      const f = doc.files.find((x: Json) => x.fileName === `./${arch}/hello`)
      expect(f.checksums.find((c: Json) => c.algorithm === 'SHA256').checksumValue).toBe(await sha256File(file))
      // The file's comment is go version -m, byte for byte (the name relative to the tarball).
      expect(f.comment).toBe(goVersionM(file).replace(file, `./${arch}/hello`))
      const want = goModules(file)
      expect(sbomGo(doc, `./${arch}/hello`)).toEqual(want)
      expect(want.deps.map((d) => d.path)).toEqual(['example.com/greet', 'example.com/local'])
      expect(want.deps[0].sum).toMatch(/^h1:/)
    }
    const back = await readSbom(sbom)
    expect(back.sha256).toBe(sha256)
    expect(back.files.get('arm64/hello')).toBe(await sha256File(fx.binaries.get('arm64')!))
  })

  it('a charm (zip): its files listed from inside it', async () => {
    const src = path.join(root, 'charm-src')
    mkdirSync(path.join(src, 'bin'), { recursive: true })
    writeFileSync(path.join(src, 'metadata.yaml'), 'name: demo\n')
    copyFileSync(fx.binaries.get('s390x')!, path.join(src, 'bin', 'helper'))
    const charm = path.join(root, 'out', 'demo_ubuntu-22.04-amd64.charm')
    execFileSync('zip', ['-q', '-X', '-r', charm, '.'], { cwd: src })
    const inside = await artifactContents(charm, root)
    expect(inside.map((f) => f.path)).toEqual(['bin/helper', 'metadata.yaml'])
    expect(inside[0].go?.deps.map((d) => d.path)).toEqual(['example.com/greet', 'example.com/local'])
    const sbom = await writeSbom(
      charm,
      { version: '', sha256: await sha256File(charm), packageName: 'demo' },
      { epoch: 0, tool: 't', namespaceBase: 'https://example.invalid', tmpRoot: root },
    )
    const doc = JSON.parse(readFileSync(sbom, 'utf8')) as Json
    expectValidSpdx(doc)
    expect(doc.packages[0].externalRefs[0].referenceLocator).toBe('pkg:generic/demo')
  })

  it("the contents listing is cached by the artifact's sha256: the second SBOM is the same bytes without unpacking again", async () => {
    const tgz = path.join(root, 'out', 'cached.tgz')
    await writeTarGz(tgz, [{ name: 'hello', file: fx.binaries.get('arm64')! }], { mtime: 0, label: 'cached' })
    const sha256 = await sha256File(tgz)
    const cacheDir = path.join(root, 'cache')
    const opts = { epoch: 0, tool: 't', namespaceBase: 'https://example.invalid', tmpRoot: root, cacheDir }
    const first = readFileSync(await writeSbom(tgz, { version: '1', sha256 }, opts))
    const entry = path.join(cacheDir, 'sbom-contents', `${sha256}.json`)
    expect((JSON.parse(readFileSync(entry, 'utf8')) as Array<{ path: string }>).map((f) => f.path)).toEqual(['hello'])
    writeFileSync(tgz, 'no longer a tarball') // a hit never reads the artifact
    expect(readFileSync(await writeSbom(tgz, { version: '1', sha256 }, opts)).equals(first)).toBe(true)
  })

  it('refuses what is not an artifact, and an artifact that does not unpack, clearly', async () => {
    await expect(artifactContents(path.join(root, 'x.txt'), root)).rejects.toThrow(/not a snap, tarball or charm/)
    const broken = path.join(root, 'broken.snap')
    writeFileSync(broken, 'not squashfs')
    await expect(artifactContents(broken, root)).rejects.toThrow(/broken.snap: cannot unpack it with unsquashfs/)
    const empty = path.join(root, 'empty.snap')
    writeFileSync(empty, '')
    expect(await artifactContents(empty, root)).toEqual([])
    expect(readdirSync(root).filter((n) => n.startsWith('unpack-'))).toEqual([]) // scratch directories removed
  })
})

describe("Debian's kubectl for s390x in an artifact", () => {
  const kubectl = path.join(DEBIAN_KUBECTL_ROOT, 'usr', 'bin', 'kubectl')
  it.skipIf(!existsSync(kubectl))(
    existsSync(kubectl)
      ? 'its Go version, main path and dependencies equal go version -m'
      : `skipped: no ${kubectl}; run .ci/setup.d/debian-kubectl.sh`,
    async () => {
      const inside = await listTree(path.dirname(kubectl))
      const k = inside.find((f) => f.path === 'kubectl')!
      expect(k.go).toBeDefined()
      const want = goModules(kubectl)
      expect({
        goVersion: k.go!.goVersion,
        path: k.go!.path,
        deps: k.go!.deps.map((d) => ({ path: d.path, version: d.version, sum: d.sum })),
      }).toEqual(want)
      const tgz = path.join(root, 'out', 'kubectl-s390x.tgz')
      await writeTarGz(tgz, [{ name: 'kubectl', file: kubectl }], { mtime: 0, label: 'kubectl' })
      const doc = JSON.parse(
        readFileSync(
          await writeSbom(
            tgz,
            { version: '1.20', sha256: await sha256File(tgz), arch: 's390x' },
            { epoch: 0, tool: 't', namespaceBase: 'https://example.invalid', tmpRoot: root },
          ),
          'utf8',
        ),
      ) as Json
      expectValidSpdx(doc)
      expect(sbomGo(doc, './kubectl')).toEqual(want)
    },
  )
})

describe('build-k8s-snaps writes an SBOM beside every snap', () => {
  let mirror: Mirror
  let out: string
  let run: DistRun
  beforeAll(async () => {
    ;({ mirror } = await k8sMirror([parseArch('s390x')]))
    out = tempDir('bs-sbom-out-')
    run = await runDist('build-k8s-snaps', {
      'kube-version': KUBE_VERSION,
      arch: 's390x',
      components: 'kubectl kubelet',
      'base-url': mirror.url,
      'output-dir': out,
    })
  }, 300_000)
  afterAll(() => mirror?.close())

  it('sboms output: one schema-valid SPDX 2.3 document per snap, its files those inside the snap', async () => {
    expect(run.exitCode, run.log).toBe(0)
    const snaps = JSON.parse(run.outputs.snaps) as string[]
    const sboms = JSON.parse(run.outputs.sboms) as string[]
    expect(sboms).toEqual(snaps.map((s) => `${s}.spdx.json`))
    for (const [i, snap] of snaps.entries()) {
      const doc = JSON.parse(readFileSync(sboms[i], 'utf8')) as Json
      expectValidSpdx(doc)
      expect(doc.name).toBe(path.basename(snap))
      expect(doc.packages[0]).toMatchObject({
        name: path.basename(snap).split('_')[0],
        versionInfo: '1.31.2',
        checksums: [{ algorithm: 'SHA256', checksumValue: await sha256File(snap) }],
      })
      expect(doc.packages[0].externalRefs[0].referenceLocator).toBe(`pkg:generic/${path.basename(snap).split('_')[0]}@1.31.2?arch=s390x`)
      const dir = path.join(tempDir('bs-sbom-unsq-'), 'x')
      execFileSync('unsquashfs', ['-q', '-n', '-d', dir, snap])
      const listed = Object.fromEntries(
        doc.files.map((f: Json) => [f.fileName, f.checksums.find((c: Json) => c.algorithm === 'SHA256').checksumValue]),
      )
      const real = Object.fromEntries((await listTree(dir)).map((f) => [`./${f.path}`, f.sha256]))
      expect(listed).toEqual(real)
      expect(Object.keys(listed)).toContain('./meta/snap.yaml')
      const name = path.basename(snap).split('_')[0]
      expect(sbomGo(doc, `./${name}`)).toEqual(goModules(path.join(dir, name)))
    }
  })

  it('SHA256SUMS covers the snaps, their SBOMs and the provenance, and checks out with sha256sum -c', () => {
    const listed = readFileSync(run.outputs.manifest, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('  ')[1])
    expect(listed).toEqual([
      'kubectl_1.31.2_s390x.snap',
      'kubectl_1.31.2_s390x.snap.spdx.json',
      'kubelet_1.31.2_s390x.snap',
      'kubelet_1.31.2_s390x.snap.spdx.json',
      'provenance.build-k8s-snaps.s390x.intoto.json',
    ])
    execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out })
  })

  it('reproducible: a second run gives byte-identical snaps, SBOMs and provenance', async () => {
    const first = new Map(readdirSync(out).map((n) => [n, readFileSync(path.join(out, n))]))
    rmSync(out, { recursive: true, force: true })
    const again = await runDist('build-k8s-snaps', {
      'kube-version': KUBE_VERSION,
      arch: 's390x',
      components: 'kubectl kubelet',
      'base-url': mirror.url,
      'output-dir': out,
    })
    expect(again.exitCode, again.log).toBe(0)
    expect(readdirSync(out).sort()).toEqual([...first.keys()].sort())
    expect([...first].filter(([n, bytes]) => !readFileSync(path.join(out, n)).equals(bytes)).map(([n]) => n)).toEqual([])
  }, 300_000)
})

describe('a snap of a Go binary with dependencies (binaries-dir, armhf)', () => {
  it("lists the binary's modules with versions and sums", async () => {
    const bins = path.join(root, 'k8s-bins')
    mkdirSync(bins, { recursive: true })
    const hello = fx.binaries.get('armhf')!
    copyFileSync(hello, path.join(bins, 'kubectl'))
    const out = tempDir('bs-sbom-armhf-')
    const r = await runDist('build-k8s-snaps', {
      'kube-version': KUBE_VERSION,
      arch: 'armhf',
      components: 'kubectl',
      'binaries-dir': bins,
      verify: 'false',
      'output-dir': out,
    })
    expect(r.exitCode, r.log).toBe(0)
    const doc = JSON.parse(readFileSync(JSON.parse(r.outputs.sboms)[0], 'utf8')) as Json
    expectValidSpdx(doc)
    const go = sbomGo(doc, './kubectl')
    expect(go).toEqual(goModules(hello))
    expect(go.deps.find((d) => d.path === 'example.com/greet')?.sum).toMatch(/^h1:/)
    expect(ARCHES.find((a) => a.debian === 'armhf')?.elf.bits).toBe(32)
  }, 300_000)
})

/**
 * cdk-release.yaml's architectures take every spelling the actions take (parseArch, the one table in
 * shared/arch.ts), read as Debian names: `arches: [x86_64, aarch64]` plans amd64 and arm64; the schema keeps no
 * list of names of its own.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { planFromConfig } from '../cli/release.js'
import { ARCHES } from '../shared/arch.js'
import { DescriptionError, loadDescription } from '../shared/release/description.js'
import { planOutputs } from '../shared/release/plan.js'
import { writeCdkFixture } from './cdk-release.fixtures.js'
import { repoRoot, tempDir } from './helpers/runner.js'

describe("a description's arches in any spelling the actions take", () => {
  test('arches: [x86_64, aarch64] plans amd64 and arm64', async () => {
    const root = tempDir('bs-arches-')
    const { config } = writeCdkFixture(root, ['amd64', 'arm64'], (d) => (d.arches = ['x86_64', 'aarch64']))
    const { desc, plan } = await planFromConfig({ config, artifacts: path.join(root, 'artifacts') })
    expect(desc.arches).toEqual(['amd64', 'arm64'])
    expect(plan.arches.map((a) => a.debian)).toEqual(['amd64', 'arm64'])
    expect(plan.matrix.map((r) => r.arch)).toEqual(['amd64', 'arm64'])
    expect(planOutputs(plan, true).arches).toBe('amd64 arm64')
    // Each charm packs one entry per arch, named by the Debian name.
    expect(plan.packs.filter((p) => p.charm === 'flannel').map((p) => p.arches)).toEqual(['amd64', 'arm64'])
  })

  test("every row's every spelling, in any case, in arches and snap-store.arches, is read as its Debian name", async () => {
    const root = tempDir('bs-arches-')
    const { config, description } = writeCdkFixture(root, ['amd64'])
    for (const a of ARCHES) {
      for (const spelling of [a.debian, a.go, a.k8s, a.uname, a.platform, a.qemu, a.uname.toUpperCase()]) {
        writeFileSync(
          config,
          stringify({ ...description, arches: [spelling], 'snap-store': { channels: ['1.31/edge'], arches: [spelling] } }),
        )
        const desc = await loadDescription(config)
        expect([desc.arches, desc['snap-store']!.arches], spelling).toEqual([[a.debian], [a.debian]])
      }
    }
  })

  test('two spellings of one arch: one line; an unknown arch: the Debian names', async () => {
    const root = tempDir('bs-arches-')
    const { config } = writeCdkFixture(root, ['amd64'], (d) => (d.arches = ['amd64', 'x86_64', 'ppc64le']))
    const e = await loadDescription(config).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DescriptionError)
    expect((e as DescriptionError).lines).toEqual(["cdk-release.yaml: arches: 'amd64' and 'x86_64' are both amd64; list it once"])
    writeCdkFixture(root, ['amd64'], (d) => (d.arches = ['amd64', 'mips']))
    expect(((await loadDescription(config).catch((x: unknown) => x)) as DescriptionError).lines).toEqual([
      "cdk-release.yaml: arches.1: 'mips' is not one of amd64, arm64, armhf, ppc64el, s390x, riscv64; use a Debian architecture name: amd64, arm64, armhf, ppc64el, s390x or riscv64",
    ])
  })

  test('the schema lists no architecture names: its x-arch keyword reads the table', () => {
    const schema = readFileSync(path.join(repoRoot, 'schema', 'cdk-release.schema.json'), 'utf8')
    const enums: unknown[][] = []
    JSON.parse(schema, (k, v: unknown) => {
      if (k === 'enum') enums.push(v as unknown[])
      return v
    })
    for (const e of enums) expect(e).not.toContain('amd64')
    expect(schema.match(/"x-arch": true/g)).toHaveLength(1)
    expect(schema.match(/"\$ref": "#\/definitions\/arch"/g)).toHaveLength(2)
  })
})

/**
 * The emulated pack route's pure parts (shared/charm/container.ts): the script that installs charmcraft by pip
 * (no PyPI here, so its text is what is checked), the docker command line, the cache key, the log tail, the
 * platform and the ':'-renaming of log files. The container itself runs in test/charm-emulated.test.ts.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHARMCRAFT_2_7_6_REQUIREMENTS, CHARMCRAFT_CONSTRAINTS_SOURCE } from '../shared/charm/charmcraft-pins.js'
import {
  charmcraftKey,
  charmcraftRecord,
  type ContainerRoute,
  containerScript,
  dockerRunArgs,
  killedBySignal,
  logTail,
  parseContainerPlatform,
  pipCacheKey,
  pipCharmcraft,
  renameColons,
  requirementsHash,
} from '../shared/charm/container.js'
import { ARCHES, type Arch, hostArch } from '../shared/arch.js'
import { spdxDocument } from '../shared/sbom.js'
import { tempDir } from './helpers/runner.js'
import { expectValidSpdx } from './sbom-schema.js'

describe('charmcraft by pip in the container', () => {
  const pip = pipCharmcraft('2.x/stable')

  it("installs 2.7.6 for 2.x, with the tag's requirements.txt as constraints less cryptography and pynacl", () => {
    expect(pip).toMatchObject({ kind: 'pip', version: '2.7.6', constraintsSource: CHARMCRAFT_CONSTRAINTS_SOURCE })
    if (pip.kind !== 'pip') throw new Error('not pip')
    const lines = pip.constraints.trim().split('\n')
    expect(lines).toContain('craft-parts==1.25.3')
    expect(lines).toContain('craft-cli==2.4.0')
    expect(lines).toContain('pydantic==1.10.24')
    expect(lines.some((l) => /^(cryptography|pynacl)==/.test(l))).toBe(false)
    // every other pin of the tag's file is kept
    expect(lines.length).toBe(CHARMCRAFT_2_7_6_REQUIREMENTS.trim().split('\n').length - 2)
  })

  it('refuses a track it has no pins for, naming charmcraft-path as the way out', () => {
    expect(() => pipCharmcraft('3.x/stable')).toThrow(
      /charmcraft-path: empty, and charmcraft 3.x\/stable has no pip install.*set charmcraft-path/,
    )
  })

  it('the script: jammy python3-apt/-nacl/-cryptography from apt, a --system-site-packages venv, pip under the constraints, then pack', () => {
    const script = containerScript({ source: pip, basesIndex: '1', uid: 1001, gid: 127 })
    const lines = script.split('\n')
    expect(lines[0]).toBe('set -eu')
    const apt = lines.find((l) => l.startsWith('apt-get install'))!
    for (const p of ['python3-apt', 'python3-nacl', 'python3-cryptography', 'python3-venv']) expect(apt.split(' ')).toContain(p)
    expect(lines).toContain('python3 -m venv --system-site-packages /opt/charmcraft')
    expect(lines).toContain('/opt/charmcraft/bin/pip install --constraint /opt/charmcraft/constraints.txt charmcraft==2.7.6')
    expect(lines).toContain('ln -sf /opt/charmcraft/bin/charmcraft /usr/local/bin/charmcraft')
    expect(lines).toContain("echo 'build-snaps: charmcraft installed'")
    // the constraints go in through a quoted here-document, byte for byte
    const start = lines.indexOf("cat > /opt/charmcraft/constraints.txt <<'BUILD_SNAPS_EOF'")
    const end = lines.indexOf('BUILD_SNAPS_EOF')
    expect(start).toBeGreaterThan(0)
    expect(lines.slice(start + 2, end).join('\n') + '\n').toBe((pip as { constraints: string }).constraints)
    const order = [
      'apt-get install',
      'python3 -m venv',
      '/opt/charmcraft/bin/pip install',
      "echo 'build-snaps: charmcraft installed'",
      'charmcraft pack',
    ].map((s) => lines.findIndex((l) => l.startsWith(s)))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(lines).toContain('charmcraft pack --destructive-mode --project-dir /build/project --bases-index 1 --verbose || rc=$?')
    expect(script).toContain('chown -R 1001:127 /build/out')
    expect(lines.at(-1)).toBe('exit $rc')
  })

  it('the script is valid sh (sh -n) and, with a mounted charmcraft, installs nothing', () => {
    const mounted = containerScript({ source: { kind: 'mounted', path: '/x/charmcraft', sha256: 'ab'.repeat(32) }, uid: 0, gid: 0 })
    expect(mounted).not.toMatch(/apt-get|pip install/)
    expect(mounted).toContain('charmcraft pack --destructive-mode --project-dir /build/project --verbose')
    for (const s of [mounted, containerScript({ source: pip, uid: 0, gid: 0 })]) execFileSync('sh', ['-n', '-c', s])
  })
})

describe('docker run and the cache key', () => {
  it("mounts the copy, the output, pip's cache, the log directory and the charmcraft read-only; never pulls", () => {
    const args = dockerRunArgs({
      name: 'n',
      platform: 'linux/s390x',
      network: 'none',
      image: 'ubuntu:22.04',
      project: '/t/p',
      out: '/t/o',
      pipCache: '/t/pip',
      logs: '/t/logs',
      charmcraft: '/src/charmcraft2',
      script: 'S',
    })
    expect(args.join(' ')).toBe(
      'run --rm --name n --platform linux/s390x --network none --pull never -v /t/p:/build/project -v /t/o:/build/out -w /build/out -v /t/pip:/root/.cache/pip -v /t/logs:/root/.local/state/charmcraft/log -v /src/charmcraft2:/usr/local/bin/charmcraft:ro ubuntu:22.04 sh -c S',
    )
    const dflt = dockerRunArgs({
      name: 'n',
      platform: 'linux/s390x',
      network: '',
      image: 'i',
      project: 'p',
      out: 'o',
      pipCache: 'c',
      logs: 'l',
      script: 'S',
    })
    expect(dflt).not.toContain('--network')
    expect(dflt.join(' ')).not.toContain('/usr/local/bin/charmcraft')
  })

  it('keys the wheel cache on charm, arch, release, charmcraft and the requirements files, and on nothing else', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'charmcraft.yaml'), 'type: charm\n')
    writeFileSync(path.join(dir, 'requirements.txt'), 'probe-ext==0.1.0\n')
    writeFileSync(path.join(dir, 'README.md'), 'a\n')
    const h1 = await requirementsHash(dir)
    writeFileSync(path.join(dir, 'README.md'), 'b\n')
    expect(await requirementsHash(dir)).toBe(h1)
    writeFileSync(path.join(dir, 'requirements.txt'), 'probe-ext==0.2.0\n')
    const h2 = await requirementsHash(dir)
    expect(h2).not.toBe(h1)
    writeFileSync(path.join(dir, 'requirements-dev.txt'), 'x\n')
    expect(await requirementsHash(dir)).not.toBe(h2)
    const k = pipCacheKey({
      charm: 'emu-probe',
      arch: 's390x',
      release: '22.04',
      charmcraft: charmcraftKey(pipCharmcraft('2.x/stable')),
      requirements: h1,
    })
    expect(k.key).toBe(`build-snaps-charm-pip-emu-probe-s390x-ubuntu22.04-charmcraft-2.7.6-${h1}`)
    expect(k.key.startsWith(k.prefix)).toBe(true)
    expect(charmcraftKey({ kind: 'mounted', path: '/x', sha256: 'c'.repeat(64) })).toBe(`mounted-${'c'.repeat(12)}`)
  })
})

describe('platform, signals, logs', () => {
  it('takes docker platforms from the arch table and refuses others in one line', () => {
    expect(parseContainerPlatform('linux/s390x').debian).toBe('s390x')
    expect(parseContainerPlatform('linux/ppc64le').debian).toBe('ppc64el')
    expect(() => parseContainerPlatform('s390x')).toThrow(/^container-platform: 's390x' is not a docker platform.*linux\/s390x/)
  })

  it('retries only a death by signal (128+N)', () => {
    expect([139, 135, 134, 132, 137].every(killedBySignal)).toBe(true)
    expect([0, 1, 2, 125, 126, 127, 128, 255].some(killedBySignal)).toBe(false)
  })

  it("the log's tail: timestamps, nesting and traceback frames dropped; the compiler's error, then the last lines, in one line", () => {
    const log = [
      '2026-12-07 10:00:00.000 Starting charmcraft version 2.7.6',
      '2026-12-07 10:00:05.123 :: ext/_probe.c:22:27: error: expected expression before } token',
      '2026-12-07 10:00:05.124 ::    22 | int broken(void) { return }',
      '2026-12-07 10:00:06.000 Traceback (most recent call last):',
      '2026-12-07 10:00:06.000   File "/usr/lib/python3/x.py", line 3, in <module>',
      '2026-12-07 10:00:06.001 ',
      "2026-12-07 10:00:06.002 Parts processing error: Failed to run the build script for part 'charm'.",
      "2026-12-07 10:00:06.003 Full execution log: '/root/.local/state/charmcraft/log/charmcraft-x.log'",
    ].join('\n')
    expect(logTail(log)).toBe(
      "ext/_probe.c:22:27: error: expected expression before } token | Parts processing error: Failed to run the build script for part 'charm'.",
    )
    // the compiler's error comes first even when later lines fill the tail
    expect(logTail(log + '\n2026-12-07 10:00:07.000 one\n2026-12-07 10:00:07.000 two')).toBe(
      'ext/_probe.c:22:27: error: expected expression before } token | one | two',
    )
    expect(logTail('x'.repeat(1000)).length).toBeLessThanOrEqual(400)
  })

  it("renames every ':' in the log directory's file names to '-'", async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'charmcraft-20261207-10:00:00.1.log'), 'a')
    writeFileSync(path.join(dir, 'plain.log'), 'b')
    mkdirSync(path.join(dir, 'x'))
    const files = await renameColons(dir)
    expect(readdirSync(dir).sort()).toEqual(['charmcraft-20261207-10-00-00.1.log', 'plain.log', 'x'])
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['charmcraft-20261207-10-00-00.1.log', 'plain.log', 'x'])
  })
})

describe('the charmcraft that packed, in the SBOM', () => {
  it('is a package BUILD_TOOL_OF the .charm, and the document stays valid SPDX 2.3', () => {
    const doc = spdxDocument({ name: 'emu-probe_ubuntu-22.04-s390x.charm', version: '1', sha256: 'a'.repeat(64), kind: 'charm' }, [], {
      epoch: 1700000000,
      tool: 'build-snaps-charm-build-v1',
      namespaceBase: 'https://example.invalid',
      buildTools: [{ name: 'charmcraft', version: '2.7.6', purl: 'pkg:pypi/charmcraft@2.7.6', comment: 'installed by pip' }],
    }) as { packages: Array<Record<string, unknown>>; relationships: Array<Record<string, string>> }
    expectValidSpdx(doc)
    const tool = doc.packages.find((p) => p.name === 'charmcraft')!
    expect(tool).toMatchObject({ versionInfo: '2.7.6', externalRefs: [{ referenceLocator: 'pkg:pypi/charmcraft@2.7.6' }] })
    expect(doc.relationships).toContainEqual({
      spdxElementId: tool.SPDXID,
      relationshipType: 'BUILD_TOOL_OF',
      relatedSpdxElement: 'SPDXRef-Package-artifact',
    })
  })

  it('says QEMU user emulation only when the container is of another arch than this machine', () => {
    const route = (arch: Arch): ContainerRoute => ({
      docker: '/usr/bin/docker',
      arch,
      release: '22.04',
      image: 'ubuntu:22.04',
      network: '',
      source: { kind: 'pip', version: '2.7.6', constraints: '', constraintsSource: 'c' },
      logsDir: '/tmp/logs',
    })
    const host = hostArch()
    const foreign = ARCHES.find((a) => a !== host)!
    expect(charmcraftRecord(route(foreign), '2.7.6').line).toMatch(
      new RegExp(`, in a ${foreign.platform} ubuntu:22\\.04 container under QEMU user emulation$`),
    )
    expect(charmcraftRecord(route(host), '2.7.6').line).toMatch(new RegExp(`, in a ${host.platform} ubuntu:22\\.04 container$`))
  })
})

/**
 * A real upstream source through build-cnitgz: Debian's golang-github-containernetworking-plugins
 * (containernetworking/plugins v1.1.1), fetched by .ci/setup.d/cni-source.sh with its build dependencies,
 * built for s390x in GOPATH mode (GO111MODULE=off, GOPATH passed through build-env) by its own build_linux.sh.
 * Skipped, saying why, when that set-up step has not run.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArch } from '../shared/arch.js'
import { readElfHeader } from '../shared/elf.js'
import { errorLines, runDist, tempDir } from './helpers/runner.js'

const ROOT = process.env.CNI_DEBSRC_ROOT || '/var/lib/build-snaps/cni-debsrc'
const SRC = path.join(ROOT, 'gopath/src/github.com/containernetworking/plugins')
const present = existsSync(path.join(SRC, 'build_linux.sh'))
if (!present) console.warn(`test/cni-debian.test.ts skipped: no Debian source at ${SRC}; run .ci/setup.d/cni-source.sh as root`)

// Every plugin build_linux.sh builds from v1.1.1's plugins/{main,ipam,meta} (windows excluded).
const PLUGINS = [
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

describe.skipIf(!present)('build-cnitgz on the real containernetworking/plugins v1.1.1 source (Debian)', () => {
  it('builds s390x with build_linux.sh in GOPATH mode: 16 plugins, ELF s390x, bridge answers VERSION under qemu', async () => {
    const gopath = tempDir('bs-gopath-')
    const src = path.join(gopath, 'src/github.com/containernetworking/plugins')
    mkdirSync(path.dirname(src), { recursive: true })
    cpSync(SRC, src, { recursive: true })
    const out = tempDir()
    const r = await runDist('build-cnitgz', {
      version: 'v1.1.1',
      source: src,
      arch: 's390x',
      'build-env': `GO111MODULE=off\nGOPATH=${gopath}:/usr/share/gocode`,
      'output-dir': out,
    })
    expect(errorLines(r)).toEqual([])
    const tgz = path.join(out, 'cni-s390x.tgz')
    expect(execFileSync('tar', ['-tzf', tgz]).toString().trim().split('\n')).toEqual(['BUILD_INFO', ...PLUGINS])
    // The real plugins are well over the charm's floor: no "Incomplete cni resource" warning.
    expect(readFileSync(tgz).length).toBeGreaterThan(1_000_000)
    expect(r.log).not.toContain('under the 1000000-byte floor')
    const x = tempDir()
    execFileSync('tar', ['-xzf', tgz, '-C', x])
    for (const p of PLUGINS) expect((await readElfHeader(path.join(x, p)))?.machine).toBe(parseArch('s390x').elf.machine)
    const version = JSON.parse(
      execFileSync('qemu-s390x-static', [path.join(x, 'bridge')], { env: { ...process.env, CNI_COMMAND: 'VERSION' } }).toString(),
    )
    expect(version.supportedVersions).toEqual(expect.arrayContaining(['0.3.1', '0.4.0', '1.0.0']))
    expect(r.log).toMatch(
      /s390x: 16 binaries, each ELF s390x; bridge: ELF s390x; ran (?:under qemu-s390x-static|through binfmt_misc qemu-s390x): \{"cniVersion":"1\.0\.0"/,
    )
    // GOPATH mode builds in place, one arch at a time
    expect(r.log).toContain('1 at a time')
  }, 600_000)
})

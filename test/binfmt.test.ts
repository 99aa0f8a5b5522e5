/**
 * The binfmt_misc reader and the smoke-run policy (shared/binfmt.ts, shared/emulate.ts): this machine's
 * /proc/sys/fs/binfmt_misc as the kernel shows it, fixture directories shaped like it (rendered from the handler
 * definitions qemu-user-static installs in /usr/lib/binfmt.d, in the kernel's entry format), real s390x and
 * amd64 ELF headers (the Go-built stand-in binaries), and the one-line failure when nothing can run a binary.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ARCHES, parseArch } from '../shared/arch.js'
import { BINFMT_DIR, binfmtHandler, binfmtMatches, elfHeaderFor, parseBinfmtEntry, readBinfmt } from '../shared/binfmt.js'
import { ensureRunner, findRunner, parseSmokePolicy, smokeRun } from '../shared/emulate.js'
import { UserError } from '../shared/errors.js'
import { buildFakeK8s } from '../cli/fake-k8s.js'
import { FAKE_BUILD_DIR, KUBE_VERSION } from './helpers/k8s-mirror.js'
import { tempDir } from './helpers/runner.js'

/** A /usr/lib/binfmt.d line (`:name:M:offset:magic:mask:interpreter:flags`, \xNN escapes) as the kernel prints the entry. */
function kernelEntry(conf: string, interpreter?: string, enabled = true): { name: string; text: string } {
  const [, name, , offset, magic, mask, interp, flags] = conf.trim().split(':')
  // each byte is \xNN or a literal character (qemu-hexagon.conf spells \x7fELF)
  const hex = (s: string) =>
    (s.match(/\\x[0-9a-f]{2}|[^\\]/gi) ?? [])
      .map((b) => (b.length === 4 ? b.slice(2) : b.charCodeAt(0).toString(16).padStart(2, '0')))
      .join('')
      .toLowerCase()
  const text = [
    enabled ? 'enabled' : 'disabled',
    `interpreter ${interpreter ?? interp}`,
    `flags: ${flags}`,
    `offset ${offset || '0'}`,
    `magic ${hex(magic)}`,
    `mask ${hex(mask)}`,
    '',
  ].join('\n')
  return { name, text }
}

const confDir = '/usr/lib/binfmt.d'
const confs = existsSync(confDir) ? readdirSync(confDir).filter((f) => /^qemu-.*\.conf$/.test(f)) : []

/** A directory shaped like /proc/sys/fs/binfmt_misc holding the given entries. */
function binfmtDir(entries: Array<{ name: string; text: string }>, status = 'enabled'): string {
  const dir = tempDir('bs-binfmt-')
  writeFileSync(path.join(dir, 'status'), `${status}\n`)
  writeFileSync(path.join(dir, 'register'), '')
  for (const e of entries) writeFileSync(path.join(dir, e.name), e.text)
  return dir
}

describe('binfmt_misc entries', () => {
  test('this machine: what readBinfmt finds under /proc is what the kernel lists there', () => {
    const listed = existsSync(BINFMT_DIR) ? readdirSync(BINFMT_DIR).filter((n) => n !== 'register' && n !== 'status') : []
    const found = readBinfmt(BINFMT_DIR)
    // binfmt_misc unmounted (this container) lists nothing; mounted, every qemu magic entry is read with its interpreter
    expect(found.map((e) => e.name)).toEqual(listed.filter((n) => found.some((e) => e.name === n)).sort())
    for (const e of found) expect(e.interpreter).toMatch(/^\//)
    for (const n of listed.filter((n) => n.startsWith('qemu-'))) expect(found.map((e) => e.name)).toContain(n)
  })

  test.skipIf(confs.length === 0)("qemu-user-static's own handler definitions, read back as kernel entries, match only their arch", () => {
    const entries = confs.map((f) => kernelEntry(readFileSync(path.join(confDir, f), 'utf8')))
    const dir = binfmtDir(entries)
    const read = readBinfmt(dir)
    expect(read.length).toBe(entries.length)
    for (const arch of ARCHES.filter((a) => a.debian !== 'amd64')) {
      const matched = read.filter((e) => binfmtMatches(e, elfHeaderFor(arch))).map((e) => e.name)
      expect(matched, arch.debian).toEqual([arch.qemu])
    }
    // no qemu handler claims the host's own amd64 executables
    expect(read.filter((e) => binfmtMatches(e, elfHeaderFor(parseArch('amd64'))))).toEqual([])
  })

  describe('real Go binaries', () => {
    let s390x: Buffer
    let amd64: Buffer
    beforeAll(async () => {
      s390x = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('s390x'), KUBE_VERSION)).subarray(0, 64)
      amd64 = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('amd64'), KUBE_VERSION)).subarray(0, 64)
    })
    test.skipIf(!confs.includes('qemu-s390x.conf'))('the s390x handler matches an s390x executable, not an amd64 one', () => {
      const e = parseBinfmtEntry('qemu-s390x', kernelEntry(readFileSync(path.join(confDir, 'qemu-s390x.conf'), 'utf8')).text)!
      expect(binfmtMatches(e, s390x)).toBe(true)
      expect(binfmtMatches(e, amd64)).toBe(false)
      expect(binfmtMatches(e, elfHeaderFor(parseArch('s390x')))).toBe(true)
    })
  })

  const s390xLine =
    ':qemu-s390x:M::\\x7fELF\\x02\\x02\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x16:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff:/usr/bin/qemu-s390x:POCF'
  const fixLine = s390xLine.replace('\\x7fELF', '\\x7f\\x45\\x4c\\x46')

  // docker/setup-qemu-action runs tonistiigi/binfmt, which registers `:<binary>:M:0:<magic>:<mask>:/usr/bin/<binary>:CF`
  // (cmd/binfmt/main.go install(), magic and mask from cmd/binfmt/config.go, tonistiigi/binfmt at 02f2143a / c5411f31).
  const tonistiigi: Record<string, [string, string]> = {
    'qemu-aarch64': [
      '\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00',
      '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    ],
    'qemu-arm': [
      '\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00',
      '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    ],
    'qemu-s390x': [
      '\\x7fELF\\x02\\x02\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x16',
      '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    ],
    'qemu-ppc64le': [
      '\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x15\\x00',
      '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\x00',
    ],
    'qemu-riscv64': [
      '\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xf3\\x00',
      '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    ],
  }
  test("docker/setup-qemu-action's handlers (tonistiigi/binfmt, flags CF, interpreter inside its image) are found for their arch", () => {
    const dir = binfmtDir(
      Object.entries(tonistiigi).map(([n, [magic, mask]]) => kernelEntry(`:${n}:M:0:${magic}:${mask}:/nonexistent/${n}:CF`)),
    )
    const entries = readBinfmt(dir)
    expect(entries.map((e) => [e.name, e.flags])).toEqual(
      Object.keys(tonistiigi)
        .sort()
        .map((n) => [n, 'CF']),
    )
    for (const arch of ARCHES.filter((a) => a.debian !== 'amd64')) {
      expect(findRunner(arch, tempDir('bs-empty-'), entries), arch.debian).toEqual({
        kind: 'binfmt',
        handler: arch.qemu,
        interpreter: `/nonexistent/${arch.qemu}`,
      })
    }
  })

  test('a handler is used only when enabled, with binfmt_misc enabled, and with an interpreter the kernel can open', () => {
    const s390x = parseArch('s390x')
    const header = elfHeaderFor(s390x)
    const withF = kernelEntry(fixLine, '/nonexistent/qemu-s390x')
    expect(binfmtHandler(header, readBinfmt(binfmtDir([withF])))?.name).toBe('qemu-s390x') // F: opened at registration
    const noF = { name: 'qemu-s390x', text: withF.text.replace('flags: POCF', 'flags: POC') }
    expect(binfmtHandler(header, readBinfmt(binfmtDir([noF])))).toBeUndefined() // interpreter absent here
    const noFPresent = kernelEntry(fixLine.replace(':POCF', ':POC'), execFileSync('sh', ['-c', 'command -v sh']).toString().trim())
    expect(binfmtHandler(header, readBinfmt(binfmtDir([noFPresent])))?.name).toBe('qemu-s390x')
    expect(binfmtHandler(header, readBinfmt(binfmtDir([kernelEntry(fixLine, undefined, false)])))).toBeUndefined()
    expect(readBinfmt(binfmtDir([withF], 'disabled'))).toEqual([])
    expect(readBinfmt(path.join(tempDir(), 'absent'))).toEqual([])
    // an extension entry is no magic handler
    const ext = binfmtDir([{ name: 'python', text: 'enabled\ninterpreter /usr/bin/python3\nflags: \nextension .py\n' }])
    expect(readBinfmt(ext)).toEqual([])
  })

  test('findRunner: native, then a binfmt handler, then qemu on PATH, else none with the reason', () => {
    const s390x = parseArch('s390x')
    const handler = readBinfmt(binfmtDir([kernelEntry(fixLine, '/nonexistent/qemu-s390x')]))
    expect(findRunner(parseArch('amd64'), '', handler)).toEqual({ kind: 'native' })
    expect(findRunner(s390x, process.env.PATH, handler)).toEqual({
      kind: 'binfmt',
      handler: 'qemu-s390x',
      interpreter: '/nonexistent/qemu-s390x',
    })
    const bin = tempDir('bs-path-')
    writeFileSync(path.join(bin, 'qemu-s390x'), '#!/bin/sh\n', { mode: 0o755 })
    expect(findRunner(s390x, bin, [])).toEqual({ kind: 'qemu', emulator: path.join(bin, 'qemu-s390x') })
    const none = findRunner(s390x, tempDir('bs-empty-'), [])
    expect(none.kind).toBe('none')
    expect(none.kind === 'none' && none.reason).toContain('qemu-s390x-static')
  })
})

describe('the smoke-run policy', () => {
  test('empty: required on a runner, auto elsewhere; bad values name the input and the choices', () => {
    expect(parseSmokePolicy('', true)).toBe('required')
    expect(parseSmokePolicy('', false)).toBe('auto')
    expect(parseSmokePolicy(' Skip ', true)).toBe('skip')
    expect(() => parseSmokePolicy('maybe', true)).toThrow(UserError)
    expect(() => parseSmokePolicy('maybe', true)).toThrow(/^smoke-run: 'maybe' is not one of auto, required, skip/)
  })

  test('nothing can run s390x: required fails with one line, auto returns none, skip never looks', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, { PATH: tempDir('bs-empty-'), BUILD_SNAPS_BINFMT_DIR: binfmtDir([]), BUILD_SNAPS_NO_INSTALL: '1' })
    try {
      const s390x = parseArch('s390x')
      const err = await ensureRunner(s390x, 'required', () => {}).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(UserError)
      expect(String((err as Error).message)).not.toContain('\n')
      expect((err as Error).message).toMatch(/^smoke-run: cannot run s390x binaries here \(.*\); set up QEMU .* or set smoke-run: auto/)
      expect((await ensureRunner(s390x, 'auto', () => {})).kind).toBe('none')
      expect(await ensureRunner(s390x, 'skip', () => {})).toEqual({ kind: 'none', reason: 'smoke-run is skip' })
    } finally {
      process.env = saved
    }
  })

  test('a runner that is none runs nothing and says why', async () => {
    const res = await smokeRun('/bin/false', [], { kind: 'none', reason: 'smoke-run is skip' }, {}, 's390x')
    expect(res).toEqual({ ran: false, how: 'skipped: smoke-run is skip', exitCode: 0, output: '' })
  })
})

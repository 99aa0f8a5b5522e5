/**
 * Smoke runs never vanish on a runner (shared/emulate.ts): dist/build-k8s-snaps/index.js run as the runner
 * runs it (GITHUB_ACTIONS=true), for s390x, on a PATH holding every program of this machine's PATH except
 * qemu-*, with BUILD_SNAPS_BINFMT_DIR (read only by tests) pointing at an empty binfmt_misc directory and no
 * install allowed: nothing can run an s390x binary. By default the step fails with one line; with
 * smoke-run: auto or skip it builds, and the job summary lists every binary that was not run.
 *
 * Then the same build through a REAL binfmt_misc handler: since Linux 6.7 binfmt_misc is per user namespace, so
 * `unshare --user --map-root-user --mount` gets a private instance (the machine's own /proc/sys/fs/binfmt_misc,
 * and every other process, are untouched). qemu-user-static's own definition of the s390x handler
 * (/usr/lib/binfmt.d/qemu-s390x.conf, interpreter /usr/bin/qemu-s390x-static, flag F) is registered there, the
 * kernel's entry text is read back, and the bundle, with no qemu on PATH, runs the s390x binaries directly.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Mirror } from '../../cli/mirror.js'
import { parseArch } from '../../shared/arch.js'
import { binfmtMatches, parseBinfmtEntry } from '../../shared/binfmt.js'
import { buildFakeK8s } from '../../cli/fake-k8s.js'
import { FAKE_BUILD_DIR, KUBE_VERSION, k8sMirror } from '../helpers/k8s-mirror.js'
import { type DistRun, clearFailure, runDist, tempDir } from '../helpers/runner.js'

let mirror: Mirror
let noQemuPath: string
let emptyBinfmt: string

/** A PATH directory with a symlink to every program of PATH except the qemu user emulators. */
function pathWithoutQemu(): string {
  const dir = tempDir('bs-noqemu-')
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!d || !existsSync(d)) continue
    for (const name of readdirSync(d)) {
      if (name.startsWith('qemu-') || existsSync(path.join(dir, name))) continue
      symlinkSync(path.join(d, name), path.join(dir, name))
    }
  }
  return dir
}

beforeAll(async () => {
  ;({ mirror } = await k8sMirror([parseArch('s390x')]))
  noQemuPath = pathWithoutQemu()
  emptyBinfmt = tempDir('bs-binfmt-')
  writeFileSync(path.join(emptyBinfmt, 'status'), 'enabled\n')
  writeFileSync(path.join(emptyBinfmt, 'register'), '')
})
afterAll(() => mirror?.close())

function build(inputs: Record<string, string>, out = tempDir('bs-out-')): Promise<DistRun> {
  return runDist(
    'build-k8s-snaps',
    { 'base-url': mirror.url, 'output-dir': out, 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl kubelet', ...inputs },
    { env: { PATH: noQemuPath, BUILD_SNAPS_BINFMT_DIR: emptyBinfmt, BUILD_SNAPS_NO_INSTALL: '1' } },
  )
}

describe('build-k8s-snaps for s390x with no way to run s390x binaries, on a runner', () => {
  test('the machine really has no qemu on that PATH', () => {
    expect(readdirSync(noQemuPath).filter((n) => n.startsWith('qemu-'))).toEqual([])
    expect(readdirSync(noQemuPath)).toContain('mksquashfs')
  })

  test('default (required on a runner): exit 1 with one line naming smoke-run and the fix; no snap written', async () => {
    const out = tempDir('bs-out-')
    mkdirSync(out, { recursive: true })
    const r = await build({}, out)
    const line = clearFailure(r)
    expect(line).toMatch(
      /^smoke-run: cannot run s390x binaries here \(no enabled binfmt_misc handler matches s390x ELF files and neither qemu-s390x-static nor qemu-s390x is on PATH\); set up QEMU before this step \(docker\/setup-qemu-action, or install qemu-user-static\), or set smoke-run: auto/,
    )
    expect(readdirSync(out).filter((f) => f.endsWith('.snap'))).toEqual([])
  })

  test.each(['auto', 'skip'])('smoke-run: %s: exit 0, a warning, and the summary lists both binaries not run', async (policy) => {
    const r = await build({ 'smoke-run': policy })
    expect(r.exitCode, r.log).toBe(0)
    expect(JSON.parse(r.outputs.snaps).map((s: string) => path.basename(s))).toEqual([
      'kubectl_1.31.2_s390x.snap',
      'kubelet_1.31.2_s390x.snap',
    ])
    expect(r.stdout).toMatch(/::warning::smoke runs skipped for s390x: /)
    expect(r.summary).toContain('Smoke runs not done: 2 binaries were built but never run')
    for (const bin of ['kubectl', 'kubelet']) expect(r.summary).toMatch(new RegExp(`\\| \`${bin}\` \\| s390x \\| `))
    if (policy === 'skip') expect(r.summary).toContain('smoke-run is skip')
  })

  test('a bad smoke-run value fails with one line naming the input and its choices', async () => {
    expect(clearFailure(await build({ 'smoke-run': 'sometimes' }))).toMatch(/^smoke-run: 'sometimes' is not one of auto, required, skip/)
  })
})

/** `unshare` into a new user and mount namespace with a private binfmt_misc holding the qemu-s390x handler, then run "$@". */
const S390X_CONF = '/usr/lib/binfmt.d/qemu-s390x.conf'
const register = existsSync(S390X_CONF)
  ? readFileSync(S390X_CONF, 'utf8')
      .trim()
      .replace(/:[^:]*:[A-Z]*$/, ':/usr/bin/qemu-s390x-static:F')
  : ''
const inNamespace = [
  'unshare',
  '--user',
  '--map-root-user',
  '--mount',
  '--fork',
  'bash', // not sh: dash drops INPUT_KUBE-VERSION and the other hyphenated names the runner sets
  '-c',
  'mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc && printf %s "$BINFMT_REGISTER" > /proc/sys/fs/binfmt_misc/register && exec "$@"',
  'bash',
]
const probe = register
  ? spawnSync(inNamespace[0], [...inNamespace.slice(1), 'cat', '/proc/sys/fs/binfmt_misc/qemu-s390x'], {
      env: { ...process.env, BINFMT_REGISTER: register },
      encoding: 'utf8',
    })
  : undefined
const why = !register ? `${S390X_CONF} is missing` : probe!.status !== 0 ? `no private binfmt_misc here: ${probe!.stderr.trim()}` : ''

describe.skipIf(why !== '')(`through a real binfmt_misc handler in a private user namespace${why ? ` (skipped: ${why})` : ''}`, () => {
  test("the kernel's entry, read back from /proc, is enabled, uses qemu-s390x-static with F, and matches a real s390x executable only", async () => {
    const entry = parseBinfmtEntry('qemu-s390x', probe!.stdout)!
    expect(entry).toMatchObject({ enabled: true, interpreter: '/usr/bin/qemu-s390x-static', flags: 'F', offset: 0 })
    const s390x = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('s390x'), KUBE_VERSION)).subarray(0, 64)
    const amd64 = readFileSync(await buildFakeK8s(FAKE_BUILD_DIR, parseArch('amd64'), KUBE_VERSION)).subarray(0, 64)
    expect(binfmtMatches(entry, s390x)).toBe(true)
    expect(binfmtMatches(entry, amd64)).toBe(false)
  })

  test('build-k8s-snaps for s390x on a runner, no qemu on PATH: the default (required) passes, each binary run through the handler', async () => {
    const r = await runDist(
      'build-k8s-snaps',
      {
        'base-url': mirror.url,
        'output-dir': tempDir('bs-out-'),
        'kube-version': KUBE_VERSION,
        arch: 's390x',
        components: 'kubectl kubelet',
      },
      { env: { PATH: noQemuPath, BUILD_SNAPS_NO_INSTALL: '1', BINFMT_REGISTER: register }, prefix: inNamespace },
    )
    expect(r.exitCode, r.log).toBe(0)
    expect(r.log).toMatch(/kubectl: .*ELF s390x; ran through binfmt_misc qemu-s390x: Client Version: v1\.31\.2/)
    expect(r.log).toMatch(/kubelet: .*ELF s390x; ran through binfmt_misc qemu-s390x: Kubernetes v1\.31\.2/)
    expect(r.summary).not.toContain('Smoke runs not done')
  })
})

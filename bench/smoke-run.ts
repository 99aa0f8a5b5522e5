/**
 * What a smoke run costs by each way shared/emulate.ts can run a foreign binary (issue 17), side by side in one
 * run on the same s390x executable (the Go-built stand-in kubectl, `version --client`): under
 * qemu-s390x-static named on the command line (the PATH route) vs executed directly through a binfmt_misc
 * handler (the route docker/setup-qemu-action gives a hosted runner). The handler is qemu-user-static's own
 * s390x definition, registered in a private binfmt_misc of a new user namespace (Linux 6.7+), so the machine's
 * handlers are untouched. Both timings include the same `unshare` start-up. Prints medians and the ratio.
 * Run: npx vite-node bench/smoke-run.ts   (needs go, qemu-user-static, unshare; ROUNDS=9 by default)
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArch } from '../shared/arch.js'
import { buildFakeK8s } from '../cli/fake-k8s.js'
import { FAKE_BUILD_DIR, KUBE_VERSION } from '../test/helpers/k8s-mirror.js'

const rounds = Number(process.env.ROUNDS || 9)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const bin = await buildFakeK8s(FAKE_BUILD_DIR, parseArch('s390x'), KUBE_VERSION)
const register = readFileSync('/usr/lib/binfmt.d/qemu-s390x.conf', 'utf8')
  .trim()
  .replace(/:[^:]*:[A-Z]*$/, ':/usr/bin/qemu-s390x-static:F')
const ns = (cmd: string) =>
  [
    'unshare',
    [
      '--user',
      '--map-root-user',
      '--mount',
      '--fork',
      'bash',
      '-c',
      `mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc && printf %s "$R" > /proc/sys/fs/binfmt_misc/register && ${cmd}`,
    ],
  ] as const
const routes: Record<string, readonly [string, readonly string[]]> = {
  'qemu-s390x-static on PATH': ns(`/usr/bin/qemu-s390x-static ${bin} version --client`),
  'binfmt_misc handler': ns(`${bin} version --client`),
}
const times: Record<string, number[]> = {}
for (let i = 0; i < rounds; i++) {
  for (const [name, [cmd, args]] of Object.entries(routes)) {
    const t = performance.now()
    const r = spawnSync(cmd, [...args], { env: { ...process.env, R: register }, encoding: 'utf8' })
    if (r.status !== 0 || !r.stdout.includes('Client Version')) throw new Error(`${name}: ${r.stderr || r.stdout}`)
    ;(times[name] ??= []).push(performance.now() - t)
  }
}
const [a, b] = Object.keys(routes).map((n) => median(times[n]))
console.log(`smoke run of an s390x kubectl stand-in (version --client), median of ${rounds}:`)
console.log(`  under qemu-s390x-static (PATH route)    ${a.toFixed(0)} ms`)
console.log(`  through binfmt_misc (setup-qemu route)  ${b.toFixed(0)} ms`)
console.log(`  binfmt / PATH                           ${(b / a).toFixed(2)}`)

/**
 * What the SBOM costs next to packing (issue 12), side by side in one run on the same snap: stage and pack a
 * kubelet-sized snap (a real Go binary of tens of MB: Debian's s390x kubectl when .ci/setup.d/debian-kubectl.sh
 * ran, else the Go toolchain binary), then write its SBOM (unsquash it, hash every file, read the Go build info)
 * and its provenance statement. Prints the medians and the ratio SBOM / pack.
 * Run: npx vite-node bench/attest.ts   (needs go, mksquashfs, unsquashfs)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArch } from '../shared/arch.js'
import { sha256File } from '../shared/files.js'
import { COMPONENTS, componentSnapYaml, daemonWrapper } from '../shared/k8s.js'
import { ProvenanceRecorder, writeProvenance } from '../shared/provenance.js'
import { writeSbom } from '../shared/sbom.js'
import { packSnap, stageSnap } from '../shared/snap/pack.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'bench-attest-'))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const debian = '/var/lib/build-snaps/debian-kubectl/usr/bin/kubectl'
const payload = existsSync(debian) ? debian : spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim() + '/bin/go'
const rounds = Number(process.env.ROUNDS || 3)

try {
  const kubelet = COMPONENTS.find((c) => c.name === 'kubelet')!
  const epoch = 1700000000
  const pack: number[] = []
  const sbom: number[] = []
  const prov: number[] = []
  let files = 0
  for (let i = 0; i < rounds; i++) {
    const dir = path.join(tmp, `stage-${i}`)
    const snap = path.join(tmp, `kubelet_1.31.2_s390x-${i}.snap`)
    let t = performance.now()
    await stageSnap(
      dir,
      componentSnapYaml(kubelet, 'v1.31.2', parseArch('s390x')),
      [
        { path: 'kubelet', source: payload, executable: true },
        { path: 'bin/kubelet-wrapper', content: daemonWrapper('kubelet'), executable: true },
      ],
      epoch,
    )
    await packSnap(dir, snap, epoch)
    pack.push(performance.now() - t)
    const sha256 = await sha256File(snap)
    t = performance.now()
    const written = await writeSbom(
      snap,
      { version: '1.31.2', arch: 's390x', sha256 },
      { epoch, tool: 'bench', namespaceBase: 'https://example.invalid', tmpRoot: tmp },
    )
    sbom.push(performance.now() - t)
    files = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(written, 'utf8'))) as { files: unknown[] }).files.length
    t = performance.now()
    await writeProvenance(tmp, [`s390x-${i}`], [{ name: path.basename(snap), sha256 }], new ProvenanceRecorder('build-k8s-snaps', {}), {
      epoch,
    })
    prov.push(performance.now() - t)
  }
  console.log(`payload: ${payload}; ${rounds} rounds; SBOM lists ${files} files`)
  console.log(`stage + pack (mksquashfs xz):   median ${fmt(median(pack))}`)
  console.log(`SBOM (unsquash, hash, Go info): median ${fmt(median(sbom))}`)
  console.log(`provenance statement:           median ${fmt(median(prov))}`)
  console.log(`ratio SBOM / pack: ${(median(sbom) / median(pack)).toFixed(3)}`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

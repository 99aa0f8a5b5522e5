/** A loopback dl.k8s.io mirror of real cross-compiled stand-in binaries, shared by the tests of a file. */
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Arch } from '../../shared/arch.js'
import { populateK8sMirror } from '../../cli/fake-k8s.js'
import { type Mirror, startMirror } from '../../cli/mirror.js'
import { tempDir } from './runner.js'

export const KUBE_VERSION = 'v1.31.2'
/** Go build outputs are reused across test files and runs (cross-compiling is the slow part). */
export const FAKE_BUILD_DIR = path.join(tmpdir(), 'build-snaps-test-fake-k8s')

export async function k8sMirror(arches: Arch[]): Promise<{ mirror: Mirror; root: string }> {
  const root = tempDir('bs-mirror-')
  await populateK8sMirror(root, KUBE_VERSION, arches, FAKE_BUILD_DIR)
  return { mirror: await startMirror(root), root }
}

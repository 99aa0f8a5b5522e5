/** Fresh copies of the fixture trees under test/fixtures (builds write bin/ into them). */
import { cpSync } from 'node:fs'
import path from 'node:path'
import { repoRoot, tempDir } from './helpers/runner.js'

export function fixtureCopy(name: 'cni' | 'flannel' | 'etcd/v2' | 'etcd/v3'): string {
  const dir = path.join(tempDir('bs-fixture-'), name.replace('/', '-'))
  cpSync(path.join(repoRoot, 'test/fixtures', name), dir, { recursive: true })
  return dir
}

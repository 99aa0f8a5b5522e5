/**
 * The one bundle behind every action: dist/actions/index.js. Each action's dist/<name>/index.js is a
 * two-line stub (written by scripts/build.mjs) that imports this bundle and runs its action by name, so
 * the shared library and its dependencies ship once instead of once per action. Importing this module
 * runs nothing.
 */
import { runAction } from '../shared/runtime.js'
import { main as buildCdkAddonsSnap } from './build-cdk-addons-snap/main.js'
import { main as buildCnitgz } from './build-cnitgz/main.js'
import { main as buildEtcdSnap } from './build-etcd-snap/main.js'
import { main as buildFlannel } from './build-flannel/main.js'
import { main as buildK8sSnaps } from './build-k8s-snaps/main.js'
import { main as buildSnapcraft } from './build-snapcraft/main.js'
import { main as charmAttachRelease } from './charm-attach-release/main.js'
import { main as charmBuild } from './charm-build/main.js'
import { main as zeroByteSnaps } from './zero-byte-snaps/main.js'

export const actions = {
  'build-cdk-addons-snap': buildCdkAddonsSnap,
  'build-cnitgz': buildCnitgz,
  'build-etcd-snap': buildEtcdSnap,
  'build-flannel': buildFlannel,
  'build-k8s-snaps': buildK8sSnaps,
  'build-snapcraft': buildSnapcraft,
  'charm-attach-release': charmAttachRelease,
  'charm-build': charmBuild,
  'zero-byte-snaps': zeroByteSnaps,
} as const

export type ActionName = keyof typeof actions

/** Run one action under the runner contract (the stubs' only call). */
export async function run(name: ActionName): Promise<void> {
  await runAction(actions[name], name)
}

/**
 * The one bundle behind every action: dist/actions/index.js. Each action's dist/<name>/index.js is a
 * two-line stub (written by scripts/build.mjs) that imports this bundle and runs its action by name, so
 * the shared library and its dependencies ship once instead of once per action. Importing this module
 * runs nothing and loads no action: each action is a dynamic import(), so the bundler emits it as its own
 * chunk (with chunks shared between actions), and a step loads only the code of the action it runs.
 */
import { runAction } from '../shared/runtime.js'
import type { Runtime } from '../shared/runtime.js'

type Main = (rt: Runtime) => Promise<void>

export const actions = {
  'build-cdk-addons-snap': async () => (await import('./build-cdk-addons-snap/main.js')).main,
  'build-cnitgz': async () => (await import('./build-cnitgz/main.js')).main,
  'build-etcd-snap': async () => (await import('./build-etcd-snap/main.js')).main,
  'build-flannel': async () => (await import('./build-flannel/main.js')).main,
  'build-k8s-snaps': async () => (await import('./build-k8s-snaps/main.js')).main,
  'build-snapcraft': async () => (await import('./build-snapcraft/main.js')).main,
  'charm-attach-release': async () => (await import('./charm-attach-release/main.js')).main,
  'charm-build': async () => (await import('./charm-build/main.js')).main,
  'zero-byte-snaps': async () => (await import('./zero-byte-snaps/main.js')).main,
} satisfies Record<string, () => Promise<Main>>

export type ActionName = keyof typeof actions

/** Run one action under the runner contract (the stubs' only call); loading its code is part of the run. */
export async function run(name: ActionName): Promise<void> {
  await runAction(async (rt) => (await actions[name]())(rt), name)
}

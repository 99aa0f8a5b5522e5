/**
 * A small CDK set written at test time: kubernetes-master (kubectl, kube-apiserver, cdk-addons),
 * kubernetes-worker (kubectl, kubelet, core placeholder, cni-{arch}) and flannel (flannel-{arch}), charmcraft
 * charms whose bases run on the release arches (so charmcraft pack writes one .charm per arch), and the
 * cdk-release.yaml that releases them. Resource names as in FACTS-era charms: charm-kubernetes-worker's
 * metadata.yaml (cni-<arch>), charm-flannel's (flannel-<arch>).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { stringify } from 'yaml'
import { fileURLToPath } from 'node:url'

/** The repository (not from test/helpers/runner.ts, which needs vitest: bench/release.ts uses this file too). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type Res = Record<string, { type: 'file'; filename: string; description?: string }>
const snap = (n: string) => ({ type: 'file' as const, filename: `${n}.snap` })

export function charmResources(arches: string[]): Record<string, Res> {
  return {
    'kubernetes-master': { kubectl: snap('kubectl'), 'kube-apiserver': snap('kube-apiserver'), 'cdk-addons': snap('cdk-addons') },
    'kubernetes-worker': {
      kubectl: snap('kubectl'),
      kubelet: snap('kubelet'),
      core: snap('core'),
      ...Object.fromEntries(
        arches.map((a) => [`cni-${a}`, { type: 'file' as const, filename: 'cni.tgz', description: `CNI plugins for ${a}` }]),
      ),
    },
    flannel: Object.fromEntries(arches.map((a) => [`flannel-${a}`, { type: 'file' as const, filename: 'flannel.tar.gz' }])),
  }
}

export function writeCharm(dir: string, name: string, resources: Res, arches: string[]): void {
  mkdirSync(path.join(dir, 'src'), { recursive: true })
  writeFileSync(path.join(dir, 'metadata.yaml'), stringify({ name, summary: `${name} (test fixture)`, description: 'fixture', resources }))
  writeFileSync(
    path.join(dir, 'charmcraft.yaml'),
    stringify({
      type: 'charm',
      // One base entry per arch: charmcraft pack writes one .charm per entry (one revision per base/arch).
      bases: arches.map((a) => ({
        'build-on': [{ name: 'ubuntu', channel: '22.04', architectures: [a] }],
        'run-on': [{ name: 'ubuntu', channel: '22.04', architectures: [a] }],
      })),
      parts: { charm: { plugin: 'dump', source: '.' } },
    }),
  )
  writeFileSync(path.join(dir, 'src', 'charm.py'), '#!/usr/bin/env python3\n"""fixture"""\n')
  // As CK's charms do: charmcraft 2.x (its bases run on 24.04 too), the track the emulated route installs.
  writeFileSync(path.join(dir, '.charmcraft-channel'), '2.x/stable\n')
}

export interface CdkFixture {
  root: string
  config: string
  description: RawDescription
}

/**
 * A description as raw YAML data, before validation: the tests break it on purpose (wrong types, unknown
 * fields), so it is deliberately untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawDescription = Record<string, any>

/** Write the charms and a cdk-release.yaml under root; `edit` changes the description before it is written. */
export function writeCdkFixture(root: string, arches: string[], edit: (d: RawDescription) => void = () => {}): CdkFixture {
  const res = charmResources(arches)
  for (const [name, r] of Object.entries(res)) writeCharm(path.join(root, 'charms', name), name, r, arches)
  const description: RawDescription = {
    arches,
    channel: '1.31/edge',
    snaps: 'real',
    versions: { kubernetes: 'v1.31.2', cni: 'v1.5.1', flannel: 'v0.25.6', etcd: 'v3.5.16' },
    sources: { 'cdk-addons': path.join(repoRoot, 'test/fixtures/cdk-addons') },
    charms: {
      'kubernetes-master': {
        path: 'charms/kubernetes-master',
        builder: 'charmcraft',
        resources: { kubectl: 'snap:kubectl', 'kube-apiserver': 'snap:kube-apiserver', 'cdk-addons': 'snap:cdk-addons' },
      },
      'kubernetes-worker': {
        path: 'charms/kubernetes-worker',
        builder: 'charmcraft',
        resources: { kubectl: 'snap:kubectl', kubelet: 'snap:kubelet', core: 'placeholder', 'cni-{arch}': 'cni' },
      },
      flannel: { path: 'charms/flannel', builder: 'charmcraft', resources: { 'flannel-{arch}': 'flannel' } },
    },
  }
  edit(description)
  const config = path.join(root, 'cdk-release.yaml')
  writeFileSync(config, stringify(description))
  return { root, config, description }
}

/** Evaluate one `${{ }}` expression (or its inside) with GitHub's own evaluator, @actions/expressions. */
export function evaluateExpression(expr: string, ctx: RawDescription): unknown {
  const inner = expr.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
  const ast = new Parser(new Lexer(inner).lex().tokens, Object.keys(ctx), []).parse()
  return JSON.parse(
    JSON.stringify(new Evaluator(ast, JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary).evaluate(), data.replacer),
  )
}

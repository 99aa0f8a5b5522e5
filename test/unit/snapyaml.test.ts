import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { parseArch } from '../../shared/arch.js'
import { COMPONENTS, CONFIGURE_HOOK, componentSnapYaml, daemonWrapper } from '../../shared/k8s.js'
import { renderSnapYaml, snapYamlProblems, type SnapYaml } from '../../shared/snap/snapyaml.js'
import { tempDir } from '../helpers/runner.js'

const s390x = parseArch('s390x')
const byName = (n: string) => COMPONENTS.find((c) => c.name === n)!

describe('snap.yaml of the Kubernetes snaps (docs/upstream.md#kubernetes-binaries)', () => {
  test.each([
    ['kubectl', 'classic'],
    ['kubelet', 'classic'],
    ['kube-proxy', 'classic'],
    ['kubeadm', 'classic'],
    ['kube-apiserver', 'strict'],
    ['kube-controller-manager', 'strict'],
    ['kube-scheduler', 'strict'],
  ])('%s is %s', (name, confinement) => {
    const y = componentSnapYaml(byName(name), 'v1.31.2', s390x)
    expect(y.confinement).toBe(confinement)
    expect(y.version).toBe('1.31.2')
    expect(y.architectures).toEqual(['s390x'])
    expect(snapYamlProblems(y)).toEqual([])
    const app = y.apps[name]
    if (confinement === 'strict') expect(app.plugs).toEqual(['home', 'network', 'network-bind'])
    else expect(app.plugs).toBeUndefined()
  })
  test('daemons run through their wrapper; kubelet restarts always; clients run directly', () => {
    expect(componentSnapYaml(byName('kubelet'), 'v1.31.2', s390x).apps.kubelet).toEqual({
      command: 'bin/kubelet-wrapper',
      daemon: 'simple',
      'restart-condition': 'always',
    })
    expect(componentSnapYaml(byName('kube-proxy'), 'v1.31.2', s390x).apps['kube-proxy']).toEqual({
      command: 'bin/kube-proxy-wrapper',
      daemon: 'simple',
    })
    expect(componentSnapYaml(byName('kubectl'), 'v1.31.2', s390x).apps.kubectl).toEqual({ command: 'kubectl' })
  })
  test('ppc64el snaps say ppc64el, never ppc64le', () => {
    const text = renderSnapYaml(componentSnapYaml(byName('kubelet'), 'v1.31.2', parseArch('ppc64le')))
    expect(parse(text).architectures).toEqual(['ppc64el'])
    expect(text).not.toMatch(/architectures:\s*\n\s*- ppc64le/)
  })
  test('rendering is deterministic and keeps the version a string', () => {
    const y = componentSnapYaml(byName('kubectl'), 'v1.30.0', s390x)
    expect(renderSnapYaml(y)).toBe(renderSnapYaml(structuredClone(y)))
    expect(renderSnapYaml(y)).toMatch(/^version: '1.30.0'$/m)
    expect(parse(renderSnapYaml(y)).version).toBe('1.30.0')
  })
  test('validation catches what snapd refuses', () => {
    const good = componentSnapYaml(byName('kubectl'), 'v1.31.2', s390x)
    const bad: SnapYaml = {
      ...good,
      name: 'Kube_ctl',
      version: '-1',
      architectures: ['ppc64le'],
      confinement: 'loose' as never,
      grade: 'beta' as never,
      summary: 'x'.repeat(79),
    }
    const p = snapYamlProblems(bad).join('\n')
    for (const needle of ["name 'Kube_ctl'", "version '-1'", "architecture 'ppc64le'", "confinement 'loose'", "grade 'beta'", 'summary'])
      expect(p).toContain(needle)
    expect(() => renderSnapYaml(bad)).toThrow(/^snap Kube_ctl: invalid snap.yaml/)
    expect(snapYamlProblems({ ...good, apps: { kubectl: { command: 'kubectl', plugs: ['home'] } } })).toEqual([
      "app 'kubectl' declares plugs, which classic snaps do not use",
    ])
  })
  test('snap pack --check-skeleton accepts every rendered snap.yaml', () => {
    for (const c of COMPONENTS) {
      const dir = tempDir('bs-skel-')
      chmodSync(dir, 0o755)
      mkdirSync(path.join(dir, 'meta'), { recursive: true })
      mkdirSync(path.join(dir, 'bin'), { recursive: true })
      writeFileSync(path.join(dir, 'meta', 'snap.yaml'), renderSnapYaml(componentSnapYaml(c, 'v1.31.2', s390x)))
      writeFileSync(path.join(dir, c.name), '', { mode: 0o755 })
      writeFileSync(path.join(dir, 'bin', `${c.name}-wrapper`), daemonWrapper(c.name), { mode: 0o755 })
      execFileSync('snap', ['pack', '--check-skeleton', dir])
    }
  })
  test('the daemon wrapper and configure hook pass shellcheck', () => {
    const dir = tempDir('bs-sh-')
    writeFileSync(path.join(dir, 'wrapper'), daemonWrapper('kubelet'))
    writeFileSync(path.join(dir, 'configure'), CONFIGURE_HOOK)
    execFileSync('shellcheck', ['-s', 'sh', path.join(dir, 'wrapper'), path.join(dir, 'configure')])
  })
})

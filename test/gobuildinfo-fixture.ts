/**
 * Real Go binaries in module mode with dependencies, built offline: a module example.com/hello that needs
 * example.com/greet v1.2.0 (served from a GOPROXY=file:// directory in the module proxy layout, so the
 * binary records its h1: sum) and example.com/local (a `replace` to a directory), cross-compiled with the
 * installed go for each arch asked for. Everything lives under root; nothing touches the network.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type Arch } from '../shared/arch.js'

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, text)
}

/** The module proxy layout (go help goproxy): <module>/@v/list, <v>.info, <v>.mod, <v>.zip. */
async function proxyModule(proxy: string, work: string, mod: string, version: string, files: Record<string, string>): Promise<void> {
  const v = path.join(proxy, mod, '@v')
  await put(path.join(v, 'list'), `${version}\n`)
  await put(path.join(v, `${version}.info`), JSON.stringify({ Version: version, Time: '2024-01-01T00:00:00Z' }))
  const gomod = `module ${mod}\n\ngo 1.17\n`
  await put(path.join(v, `${version}.mod`), gomod)
  const tree = path.join(work, 'zip')
  const top = `${mod}@${version}`
  await put(path.join(tree, top, 'go.mod'), gomod)
  for (const [name, text] of Object.entries(files)) await put(path.join(tree, top, name), text)
  execFileSync('zip', ['-q', '-X', '-r', path.join(v, `${version}.zip`), top], { cwd: tree })
}

/** Where .ci/setup.d/debian-kubectl.sh unpacks Debian's kubernetes-client:s390x. */
export const DEBIAN_KUBECTL_ROOT = process.env.DEBIAN_KUBECTL_ROOT || '/var/lib/build-snaps/debian-kubectl'

export interface GoFixture {
  /** arch.debian → binary path */
  binaries: Map<string, string>
  env: NodeJS.ProcessEnv
}

export async function buildGoFixture(root: string, arches: Arch[], opts: { ldflags?: string; name?: string } = {}): Promise<GoFixture> {
  const proxy = path.join(root, 'proxy')
  const src = path.join(root, 'hello')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOPROXY: `file://${proxy}`,
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod',
    GOPATH: path.join(root, 'gopath'),
    GOMODCACHE: path.join(root, 'gopath', 'pkg', 'mod'),
    GOCACHE: path.join(root, 'gocache'),
    CGO_ENABLED: '0',
  }
  if (!existsSync(path.join(src, 'go.mod'))) {
    await proxyModule(proxy, root, 'example.com/greet', 'v1.2.0', {
      'greet.go': 'package greet\n\nfunc Hello() string { return "hello" }\n',
    })
    await put(path.join(src, 'local', 'go.mod'), 'module example.com/local\n\ngo 1.17\n')
    await put(path.join(src, 'local', 'local.go'), 'package local\n\nconst Name = "local"\n')
    await put(
      path.join(src, 'go.mod'),
      'module example.com/hello\n\ngo 1.17\n\nrequire (\n\texample.com/greet v1.2.0\n\texample.com/local v0.0.0\n)\n\nreplace example.com/local => ./local\n',
    )
    await put(
      path.join(src, 'cmd', 'hello', 'main.go'),
      'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/greet"\n\t"example.com/local"\n)\n\nfunc main() { fmt.Println(greet.Hello(), local.Name) }\n',
    )
    execFileSync('go', ['mod', 'download', 'all'], { cwd: src, env, stdio: 'pipe' })
  }
  const binaries = new Map<string, string>()
  for (const arch of arches) {
    const out = path.join(root, 'bin', arch.debian, opts.name ?? 'hello')
    const archEnv = { ...env, GOOS: 'linux', GOARCH: arch.go, ...(arch.goarm ? { GOARM: arch.goarm } : {}) }
    const args = ['build', '-o', out, ...(opts.ldflags ? ['-ldflags', opts.ldflags] : []), './cmd/hello']
    execFileSync('go', args, { cwd: src, env: archEnv, stdio: 'pipe' })
    binaries.set(arch.debian, out)
  }
  return { binaries, env }
}

/** What the installed go prints for `go version -m file` (any architecture: it only reads the file). */
export function goVersionM(file: string): string {
  return execFileSync('go', ['version', '-m', file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString()
}

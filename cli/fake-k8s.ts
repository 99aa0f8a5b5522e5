/**
 * Stand-in upstream binaries for the demo, the local release, the tests and the benchmarks: one small Go
 * program, cross-compiled for real for each architecture, that answers like the real binaries do, by the
 * name it is called under (`kubectl version --client`, `<daemon> --version`, `kubeadm version -o short`,
 * a CNI plugin's `CNI_COMMAND=VERSION`, `flanneld --version`, `etcd --version`, `etcdctl version`).
 * etcd prints `etcd Version: 3.5.21`, then Git SHA, Go Version and Go OS/Arch lines, as etcd-io/etcd
 * server/etcdmain/config.go (037de81) `config.parse` does; etcdctl prints `etcdctl version: 3.5.21` and
 * `API version: 3.5`.
 * It is then laid out as a dl.k8s.io mirror tree with .sha256 and .sha512 files.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type Arch, goEnv } from '../shared/arch.js'
import { run } from '../shared/exec.js'
import { exists } from '../shared/files.js'
import { COMPONENTS } from '../shared/k8s.js'

export const FAKE_K8S_GO = `package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

var version = "v0.0.0"

func main() {
	name := filepath.Base(os.Args[0])
	args := strings.Join(os.Args[1:], " ")
	switch {
	case os.Getenv("CNI_COMMAND") == "VERSION":
		fmt.Printf("{\\"cniVersion\\":\\"1.0.0\\",\\"supportedVersions\\":[\\"0.1.0\\",\\"0.2.0\\",\\"0.3.0\\",\\"0.3.1\\",\\"0.4.0\\",\\"1.0.0\\"]}\\n")
	case name == "flanneld" && (args == "--version" || args == "-version"):
		fmt.Println(version)
	case name == "etcd" && args == "--version":
		fmt.Printf("etcd Version: %s\\nGit SHA: 0000000\\nGo Version: %s\\nGo OS/Arch: %s/%s\\n", strings.TrimPrefix(version, "v"), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case name == "etcdctl" && (args == "--version" || args == "version"):
		v, api := strings.TrimPrefix(version, "v"), ""
		if p := strings.SplitN(v, ".", 3); len(p) >= 2 {
			api = p[0] + "." + p[1]
		}
		fmt.Printf("etcdctl version: %s\\nAPI version: %s\\n", v, api)
	case args == "version --client":
		fmt.Printf("Client Version: %s\\nKustomize Version: v5.4.2\\n", version)
	case args == "version -o short":
		fmt.Println(version)
	case args == "--version":
		fmt.Printf("Kubernetes %s\\n", version)
	default:
		fmt.Fprintf(os.Stderr, "%s (build-snaps stand-in for the real %s %s)\\n", name, name, version)
		os.Exit(1)
	}
}
`

/** Cross-compile the stand-in for arch into dir (reproducibly); reused while its source and version are the same. */
export async function buildFakeK8s(dir: string, arch: Arch, version: string): Promise<string> {
  const out = path.join(dir, `stand-in-${hexDigest(Buffer.from(FAKE_K8S_GO), 'sha256').slice(0, 12)}-${version}-${arch.debian}`)
  if (await exists(out)) return out
  const src = path.join(dir, 'src')
  await mkdir(src, { recursive: true })
  await writeFile(path.join(src, 'main.go'), FAKE_K8S_GO)
  await writeFile(path.join(src, 'go.mod'), 'module fakek8s\n\ngo 1.19\n')
  await run('go', ['build', '-trimpath', '-ldflags', `-s -w -buildid= -X main.version=${version}`, '-o', out, '.'], {
    cwd: src,
    env: { ...goEnv(arch), GOFLAGS: '-mod=mod', GO111MODULE: 'on', GOTOOLCHAIN: 'local' },
  })
  return out
}

export function hexDigest(data: Uint8Array, algo: 'sha256' | 'sha512'): string {
  return createHash(algo).update(data).digest('hex')
}

/** Lay out root/release/<version>/bin/linux/<k8s-arch>/<component>{,.sha256,.sha512} and the stable markers. */
export async function populateK8sMirror(
  root: string,
  version: string,
  arches: Arch[],
  buildDir: string,
  components = COMPONENTS.map((c) => c.name),
): Promise<void> {
  for (const arch of arches) {
    const bin = await buildFakeK8s(buildDir, arch, version)
    const data = await readFile(bin)
    const dir = path.join(root, 'release', version, 'bin', 'linux', arch.k8s)
    await mkdir(dir, { recursive: true })
    for (const c of components) {
      await copyFile(bin, path.join(dir, c))
      await writeFile(path.join(dir, `${c}.sha256`), hexDigest(data, 'sha256'))
      await writeFile(path.join(dir, `${c}.sha512`), hexDigest(data, 'sha512'))
    }
  }
  const minor = version.replace(/^v(\d+\.\d+)\..*$/, '$1')
  await mkdir(path.join(root, 'release'), { recursive: true })
  await writeFile(path.join(root, 'release', 'stable.txt'), `${version}\n`)
  await writeFile(path.join(root, 'release', `stable-${minor}.txt`), `${version}\n`)
}

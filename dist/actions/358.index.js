export const id = 358;
export const ids = [358];
export const modules = {

/***/ 80358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ parseEtcdTag),
/* harmony export */   Ek: () => (/* binding */ etcdBuildCommand),
/* harmony export */   IA: () => (/* binding */ etcdUnsupportedArch),
/* harmony export */   RQ: () => (/* binding */ etcdSmokes),
/* harmony export */   _v: () => (/* binding */ ETCD_RELEASES),
/* harmony export */   cC: () => (/* binding */ fetchEtcdRelease),
/* harmony export */   iL: () => (/* binding */ packEtcdSnap),
/* harmony export */   jj: () => (/* binding */ buildEtcd),
/* harmony export */   oc: () => (/* binding */ readEtcdSource)
/* harmony export */ });
/* unused harmony exports etcdTarballName, etcdWrapper, ETCD_CONF_SAMPLE, etcdSnapYaml */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _archive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65264);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71844);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(32635);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(78365);
/* harmony import */ var _golang_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79310);
/* harmony import */ var _k8s_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75082);
/* harmony import */ var _resource_build_script_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83163);
/* harmony import */ var _resource_checkout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5415);
/* harmony import */ var _snap_pack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(29082);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(84402);
/**
 * The etcd snap (docs/upstream.md#cdk-addons-and-etcd-snaps, canonical/etcd-snaps): etcd + etcdctl, strict
 * confinement, a daemon app through a wrapper that sets ETCD_UNSUPPORTED_ARCH where etcd refuses to start
 * without it. The binaries come from an etcd checkout, cross-compiled with Go (v2: the checkout's own `build` script in GOPATH mode; v3.4: `go build`
 * of the root module; v3.5+: the server/ and etcdctl/ modules), or from an upstream release tarball
 * (`etcd-<tag>-linux-<go-arch>.tar.gz`, checked against the release's SHA256SUMS).
 */












const ETCD_RELEASES = 'https://github.com/etcd-io/etcd/releases/download';
/** etcd's version.go: `Version = "3.4.22"`. */
const VERSION_RE = /\bVersion\s*=\s*"([^"]*)"/;
async function isFile(p) {
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(p).catch(() => undefined))?.isFile() ?? false;
}
async function readVersion(dir, rel, inputName) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, rel), 'utf8').catch(() => undefined);
    const v = (0,_version_js__WEBPACK_IMPORTED_MODULE_10__/* .cleanVersion */ .aH)(text?.match(VERSION_RE)?.[1] ?? '');
    if (!v)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${inputName}: cannot read etcd's version from ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, rel)} (expected Version = "x.y.z"); is this an etcd checkout?`);
    return v;
}
async function modulePath(gomod) {
    return (0,_golang_js__WEBPACK_IMPORTED_MODULE_5__/* .goModModule */ .$L)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(gomod, 'utf8')) ?? '';
}
/** Recognise an etcd checkout's layout and version. */
async function readEtcdSource(dirInput, inputName = 'source-dir') {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dirInput);
    if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(dir).catch(() => undefined))?.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${inputName}: '${dirInput}' is not a directory; point it at an etcd checkout`);
    let layout;
    let versionFile;
    if ((await isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'server', 'go.mod'))) && (await isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'etcdctl', 'go.mod')))) {
        versionFile = 'api/version/version.go';
        const api = await modulePath(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'api', 'go.mod')).catch(() => 'go.etcd.io/etcd/api/v3');
        layout = {
            kind: 'go-mod',
            etcd: { cwd: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'server'), pkg: '.' },
            etcdctl: { cwd: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'etcdctl'), pkg: '.' },
            versionPkg: `${api}/version`,
        };
    }
    else if (await isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'go.mod'))) {
        versionFile = 'version/version.go';
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'etcdctl')).catch(() => undefined))?.isDirectory()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${inputName}: '${dirInput}' has a go.mod but no etcdctl/ package; point it at an etcd v3 checkout`);
        }
        layout = {
            kind: 'go-mod',
            etcd: { cwd: dir, pkg: '.' },
            etcdctl: { cwd: dir, pkg: './etcdctl' },
            versionPkg: `${await modulePath(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'go.mod'))}/version`,
        };
    }
    else if (await isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'build'))) {
        versionFile = 'version/version.go';
        layout = { kind: 'build-script' };
    }
    else {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${inputName}: '${dirInput}' is not an etcd checkout: no go.mod (etcd v3) and no build script (etcd v2)`);
    }
    const version = await readVersion(dir, versionFile, inputName);
    return { dir, layout, version };
}
/** How a checkout builds its binaries, for BUILD_INFO: `./build`, or `go build <pkg>` of etcdctl's package. */
function etcdBuildCommand(src) {
    return src.layout.kind === 'build-script' ? './build' : `go build ${src.layout.etcdctl.pkg}`;
}
/** Cross-compile etcd and etcdctl (or `only` some) for arch into outDir (never under emulation). */
async function buildEtcd(src, arch, go, outDir, cache, opts = {}) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(outDir, { recursive: true });
    const out = { etcd: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, 'etcd'), etcdctl: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, 'etcdctl') };
    const names = opts.only ?? ['etcd', 'etcdctl'];
    const { layout } = src;
    if (layout.kind === 'build-script') {
        const label = `etcd ${src.version} for ${arch.debian}`;
        await (0,_resource_build_script_js__WEBPACK_IMPORTED_MODULE_7__/* .runBuildScript */ .N)({ argv: ['sh', '-e', './build'], tree: src.dir, arch, go, cache, env: { ...opts.env, BINDIR: outDir }, label });
        for (const name of names) {
            if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .exists */ .t2)(out[name])))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${label}: ./build did not write ${name} into $BINDIR (${outDir})`);
        }
        return out;
    }
    const sha = (await (0,_resource_checkout_js__WEBPACK_IMPORTED_MODULE_8__/* .gitCommit */ .om)(src.dir))?.slice(0, 7);
    const ldflags = sha ? `-X ${layout.versionPkg}.GitSHA=${sha}` : undefined;
    for (const name of names) {
        const t = layout[name];
        await (0,_golang_js__WEBPACK_IMPORTED_MODULE_5__/* .goBuild */ .BC)({
            go,
            arch,
            cwd: t.cwd,
            packages: [t.pkg],
            output: out[name],
            ldflags,
            cache,
            env: opts.env,
            label: `${name} ${src.version} for ${arch.debian}`,
        });
    }
    return out;
}
// ---------------------------------------------------------------- release tarballs
/** `v3.4.22` from `3.4.22` or `v3.4.22`. */
function parseEtcdTag(value, inputName = 'etcd-version') {
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_10__/* .parseTag */ .ED)(value, inputName, 'v3.4.22', 'an etcd release').tag;
}
function etcdTarballName(tag, arch) {
    return `etcd-${tag}-linux-${arch.go}.tar.gz`;
}
/** Download the release tarball (verified) and take etcd and etcdctl out of it into workDir/bin. */
async function fetchEtcdRelease(f) {
    const dir = (0,_k8s_js__WEBPACK_IMPORTED_MODULE_6__/* .trimSlash */ .Y0)(f.dirUrl ?? `${(0,_k8s_js__WEBPACK_IMPORTED_MODULE_6__/* .trimSlash */ .Y0)(f.baseUrl)}/${f.tag}`);
    const name = etcdTarballName(f.tag, f.arch);
    const url = `${dir}/${name}`;
    let sha256 = f.sha256;
    if (!sha256) {
        const sumsUrl = `${dir}/SHA256SUMS`;
        sha256 = (0,_download_js__WEBPACK_IMPORTED_MODULE_3__/* .digestFromSums */ .lW)(await (0,_download_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchText */ .Sy)(sumsUrl, f.log, f.policy), name, sumsUrl);
    }
    const tgz = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(f.workDir, name);
    const got = await (0,_download_js__WEBPACK_IMPORTED_MODULE_3__/* .download */ .RG)(url, tgz, { sha256, cacheDir: f.cacheDir, log: f.log, policy: f.policy });
    const entries = await (0,_archive_js__WEBPACK_IMPORTED_MODULE_2__/* .readTarGz */ .Jq)(tgz, url);
    const out = { etcd: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(f.workDir, 'bin', 'etcd'), etcdctl: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(f.workDir, 'bin', 'etcdctl') };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(f.workDir, 'bin'), { recursive: true });
    for (const bin of ['etcd', 'etcdctl']) {
        const entry = entries.find((e) => e.type === 'file' && e.name.split('/').length <= 2 && node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(e.name) === bin);
        if (!entry?.data)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${url}: no ${bin} inside (expected etcd-${f.tag}-linux-${f.arch.go}/${bin}); not an etcd release tarball`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(out[bin], entry.data, { mode: 0o755 });
    }
    return { ...out, url, sha256, cached: got.cached };
}
// ---------------------------------------------------------------- the snap
/**
 * The value of ETCD_UNSUPPORTED_ARCH for a target, or undefined for amd64. etcd refuses to start on an
 * architecture it does not list as supported unless ETCD_UNSUPPORTED_ARCH equals its GOARCH (v3.4 lists amd64
 * and ppc64le, v3.5 adds arm64 and s390x, v2 only amd64); where the architecture is supported the variable is
 * ignored, so every target but amd64 gets it, spelled as Go spells the architecture (armhf → arm).
 */
function etcdUnsupportedArch(arch) {
    return arch.debian === 'amd64' ? undefined : arch.go;
}
/** bin/snap-wrap.sh: run etcd from its configuration file, with ETCD_UNSUPPORTED_ARCH set where needed. */
function etcdWrapper(arch) {
    const unsupported = etcdUnsupportedArch(arch);
    return `#!/bin/sh
# Runs etcd with its configuration file: $SNAP_COMMON/etcd.conf.yml as root, $SNAP_USER_COMMON/etcd.conf.yml otherwise.
set -eu
if [ "$(id -u)" = 0 ]; then conf_dir="$SNAP_COMMON"; else conf_dir="$SNAP_USER_COMMON"; fi
conf="$conf_dir/etcd.conf.yml"
if [ ! -e "$conf" ]; then
  echo "No configuration at $conf; create one (see $SNAP/etcd.conf.yml.sample)"
  exit 0
fi
${unsupported ? `# etcd starts on ${arch.debian} only with ETCD_UNSUPPORTED_ARCH set to its GOARCH.\nexport ETCD_UNSUPPORTED_ARCH=${unsupported}\n` : ''}exec "$SNAP/bin/etcd" --config-file "$conf" "$@"
`;
}
const ETCD_CONF_SAMPLE = `# etcd configuration: copy to $SNAP_COMMON/etcd.conf.yml (/var/snap/etcd/common/etcd.conf.yml) and edit.
name: default
data-dir: /var/snap/etcd/current/default.etcd
listen-client-urls: http://127.0.0.1:2379
advertise-client-urls: http://127.0.0.1:2379
listen-peer-urls: http://127.0.0.1:2380
initial-advertise-peer-urls: http://127.0.0.1:2380
initial-cluster: default=http://127.0.0.1:2380
`;
function etcdSnapYaml(version, arch) {
    return {
        name: 'etcd',
        version: (0,_version_js__WEBPACK_IMPORTED_MODULE_10__/* .stripV */ .tQ)(version),
        summary: 'Resilient key-value store by CoreOS',
        description: `etcd ${(0,_version_js__WEBPACK_IMPORTED_MODULE_10__/* .stripV */ .tQ)(version)} and etcdctl for ${arch.debian}: a highly available key-value store implementing the Raft algorithm, cross-compiled or taken from the upstream release, verified and packed by build-snaps.`,
        architectures: [arch.debian],
        base: _k8s_js__WEBPACK_IMPORTED_MODULE_6__/* .SNAP_BASE */ .$s,
        confinement: 'strict',
        grade: 'stable',
        apps: {
            etcd: { command: 'bin/snap-wrap.sh', daemon: 'simple', plugs: ['network', 'network-bind', 'removable-media'] },
            etcdctl: { command: 'bin/etcdctl', plugs: ['home', 'network', 'network-bind'] },
        },
    };
}
/** The smoke runs: `etcd --version`, and `etcdctl version` (`--version` for the v2 etcdctl). */
function etcdSmokes(version, arch) {
    const v = (0,_version_js__WEBPACK_IMPORTED_MODULE_10__/* .stripV */ .tQ)(version);
    const unsupported = etcdUnsupportedArch(arch);
    return {
        etcd: { args: ['--version'], expect: `etcd Version: ${v}`, env: unsupported ? { ETCD_UNSUPPORTED_ARCH: unsupported } : {} },
        etcdctl: { args: v.startsWith('2.') ? ['--version'] : ['version'], expect: `etcdctl version: ${v}` },
    };
}
async function packEtcdSnap(bins, version, arch, outDir, stageRoot, epoch) {
    const files = [
        { path: 'bin/etcd', source: bins.etcd, executable: true },
        { path: 'bin/etcdctl', source: bins.etcdctl, executable: true },
        { path: 'bin/snap-wrap.sh', content: etcdWrapper(arch), executable: true },
        { path: 'etcd.conf.yml.sample', content: ETCD_CONF_SAMPLE },
    ];
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stageRoot, `etcd-${arch.debian}`);
    await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_9__/* .stageSnap */ .vV)(dir, etcdSnapYaml(version, arch), files, epoch);
    await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_9__/* .checkSkeleton */ .yu)(dir, 'etcd');
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(outDir, (0,_k8s_js__WEBPACK_IMPORTED_MODULE_6__/* .snapFileName */ .CE)('etcd', version, arch));
    await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_9__/* .packSnap */ .em)(dir, file, epoch);
    return file;
}


/***/ }),

/***/ 79310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ goModModule),
/* harmony export */   BC: () => (/* binding */ goBuild),
/* harmony export */   SE: () => (/* binding */ goBuildEnv),
/* harmony export */   kB: () => (/* binding */ setupGo),
/* harmony export */   lr: () => (/* binding */ restoreGoCache),
/* harmony export */   yU: () => (/* binding */ saveGoCache)
/* harmony export */ });
/* unused harmony exports goModDirective, requiredGoVersion, inspectGo, goDownloadUrl, installGo, dependencyHash, goCacheKeyPrefix */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82220);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71844);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83497);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78365);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84402);
/**
 * The Go toolchain for cross-compiling: the Go on PATH when it satisfies the checkout's go.mod, otherwise a
 * requested version installed through @actions/tool-cache (download verified against its .sha256), the cross-compile
 * environment from the arch table, GOCACHE/GOMODCACHE saved and restored through the runtime's cache, and
 * one `goBuild` for `go build` calls. Builds never run under emulation.
 */









// ---------------------------------------------------------------- go.mod (pure)
/** The `go` directive of a go.mod text ('1.17', '1.21.3'); undefined when absent. */
function goModDirective(gomod) {
    return gomod.match(/^go\s+(\d+\.\d+(?:\.\d+)?)\s*$/m)?.[1];
}
/** The `module` path of a go.mod text. */
function goModModule(gomod) {
    return gomod.match(/^module\s+"?([^\s"]+)"?\s*$/m)?.[1];
}
/** The Go version a checkout needs (go.mod's `go` line), or undefined for a GOPATH layout. */
async function requiredGoVersion(srcDir) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(srcDir, 'go.mod'), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : goModDirective(text);
}
// ---------------------------------------------------------------- toolchain
/** Describe the go binary: version and GOROOT; undefined when it does not run. */
async function inspectGo(goBinary) {
    const env = { GOTOOLCHAIN: 'local', GOFLAGS: '' };
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .run */ .e)(goBinary, ['env', 'GOROOT', 'GOVERSION'], { allowFailure: true, env });
    if (res.exitCode !== 0)
        return undefined;
    const [root, ver] = res.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim());
    // GOVERSION exists from Go 1.16; older ones say it in `go version` (go version go1.15.15 linux/amd64).
    const text = ver || (await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .run */ .e)(goBinary, ['version'], { allowFailure: true, env })).stdout.split(/\s+/)[2] || '';
    const version = text.startsWith('go') ? text.slice(2) : text;
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .goVersionNumber */ .Yn)(version) ? { version, root } : undefined;
}
/** @actions/tool-cache keeps tools under RUNNER_TOOL_CACHE; off a runner that is <cache root>/tool-cache. */
function useToolCache(rt) {
    process.env.RUNNER_TOOL_CACHE ||= node_path__WEBPACK_IMPORTED_MODULE_2___default().join(rt.cacheRoot(), 'tool-cache');
}
/** The Go download's arch suffix for this host (go.dev/dl names arm as armv6l). */
function goDownloadArch() {
    const a = (0,_arch_js__WEBPACK_IMPORTED_MODULE_3__/* .hostArch */ .LY)();
    return a.go === 'arm' ? 'armv6l' : a.go;
}
/** Where Go downloads come from: dl.google.com (which serves <file>.sha256), or BUILD_SNAPS_GO_BASE_URL. */
function goDownloadUrl(version, base = process.env.BUILD_SNAPS_GO_BASE_URL || 'https://dl.google.com/go') {
    return `${base.replace(/\/+$/, '')}/go${version}.linux-${goDownloadArch()}.tar.gz`;
}
/**
 * Install Go `version` through @actions/tool-cache, the way actions/setup-go does: `find` it in the tool cache
 * (<RUNNER_TOOL_CACHE>/go/<semver>/<arch>, so a runner's preinstalled Go is found), else download it on our one
 * verified path (checked against go.dev's published .sha256), `extractTar` and `cacheDir` it.
 */
async function installGo(rt, version, inputName = 'go-version') {
    const toolVersion = (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .goSemver */ .Dq)(version);
    if (!toolVersion)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${inputName}: '${version}' is not a Go release; give an exact one such as 1.21.5`);
    useToolCache(rt);
    const tc = await Promise.all(/* import() */[__webpack_require__.e(838), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805)); // loaded here, not by every step that imports this module
    const nodeArch = (0,_arch_js__WEBPACK_IMPORTED_MODULE_3__/* .hostArch */ .LY)().node;
    let dir = tc.find('go', toolVersion, nodeArch);
    if (!dir) {
        const url = goDownloadUrl(version);
        rt.info(`installing Go ${version} from ${url} into the tool cache`);
        dir = await (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .withScratchDir */ .Cc)(rt.tempRoot(), 'go-install-', async (work) => {
            const tgz = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(work, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(url));
            await (0,_download_js__WEBPACK_IMPORTED_MODULE_4__/* .downloadWithSha256File */ .e8)(url, tgz, { cacheDir: rt.cacheRoot(), log: (m) => rt.warning(m) }).catch((e) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${inputName}: cannot install Go ${version}: ${e.message}`);
            });
            const unpacked = await tc.extractTar(tgz, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(work, 'x'));
            if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .exists */ .t2)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(unpacked, 'go', 'bin', 'go'))))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${url}: no go/bin/go inside; not a Go release tarball`);
            return tc.cacheDir(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(unpacked, 'go'), 'go', toolVersion, nodeArch);
        });
    }
    const go = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'bin', 'go');
    const info = await inspectGo(go);
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${inputName}: the Go ${version} in ${dir} does not run; delete ${dir} and ${dir}.complete and retry`);
    return { go, root: info.root || dir, version: info.version, origin: 'tool cache' };
}
/**
 * Pick the Go for a build: the Go on PATH when it satisfies go.mod (or there is no go.mod), else the
 * requested version from the tool cache. A Go older than go.mod asks for is a UserError naming both.
 */
async function setupGo(rt, opts = {}) {
    const inputName = opts.inputName ?? 'go-version';
    const needed = opts.srcDir ? await requiredGoVersion(opts.srcDir) : undefined;
    const onPath = (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .which */ .K)('go');
    const pathInfo = onPath ? await inspectGo(onPath) : undefined;
    if (pathInfo && (!needed || (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .compareGoVersions */ .X_)(pathInfo.version, needed) >= 0)) {
        return { go: onPath, root: pathInfo.root, version: pathInfo.version, origin: 'PATH' };
    }
    const have = pathInfo ? `the Go on PATH is ${pathInfo.version}` : 'there is no Go on PATH';
    if (!opts.requested) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(needed
            ? `Go too old: ${opts.srcDir}/go.mod needs go ${needed} and ${have}; set ${inputName} to ${needed} or newer`
            : `${have}; set ${inputName} (e.g. 1.21.5) to install one`);
    }
    if (needed && (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .compareGoVersions */ .X_)(opts.requested, needed) < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${inputName}: Go ${opts.requested} is older than the go ${needed} that ${opts.srcDir}/go.mod needs; set ${inputName} to ${needed} or newer`);
    }
    return installGo(rt, opts.requested, inputName);
}
/** Flags every build gets: no local paths, no VCS stamp (reproducible wherever the checkout is). */
function reproducibleFlags(go) {
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_7__/* .compareGoVersions */ .X_)(go.version, '1.18') >= 0 ? ['-trimpath', '-buildvcs=false'] : ['-trimpath'];
}
/**
 * The environment of a cross build: this Go first on PATH, GOROOT, GOOS/GOARCH/GOARM/CGO_ENABLED from the
 * arch table, GOTOOLCHAIN=local (never fetch another toolchain), reproducible GOFLAGS, the caches.
 * `extra` (build-env) is applied last and wins.
 */
function goBuildEnv(go, arch, cache, extra = {}) {
    return {
        PATH: `${node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(go.go)}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter)}${process.env.PATH ?? ''}`,
        GOROOT: go.root,
        GOTOOLCHAIN: 'local',
        GOFLAGS: [...reproducibleFlags(go), '-modcacherw'].join(' '),
        ...(0,_arch_js__WEBPACK_IMPORTED_MODULE_3__/* .goEnv */ .Aq)(arch),
        ...(cache ? { GOCACHE: cache.GOCACHE, GOMODCACHE: cache.GOMODCACHE } : {}),
        ...extra,
    };
}
/** A short hash of the checkout's dependency list (go.sum, else vendor/modules.txt, else 'nodeps'). */
async function dependencyHash(srcDir) {
    for (const f of ['go.sum', 'vendor/modules.txt', 'Godeps/Godeps.json']) {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(srcDir, f)).catch(() => undefined);
        if (text)
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16);
    }
    return 'nodeps';
}
function goCacheKeyPrefix(go, arch) {
    return `build-snaps-go-${go.version}-linux-${arch.go}${arch.goarm ? `v${arch.goarm}` : ''}-`;
}
/** Restore GOCACHE and GOMODCACHE for (Go version, target arch, dependency hash); never fails the step. */
async function restoreGoCache(rt, go, arch, srcDir) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(rt.tempRoot(), 'build-snaps-go', arch.debian);
    const cache = {
        GOCACHE: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, 'build'),
        GOMODCACHE: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, 'mod'),
        key: goCacheKeyPrefix(go, arch) + (await dependencyHash(srcDir)),
    };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(cache.GOCACHE, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(cache.GOMODCACHE, { recursive: true });
    const hit = await rt.restoreCache([cache.GOCACHE, cache.GOMODCACHE], cache.key, [goCacheKeyPrefix(go, arch)]);
    if (hit)
        rt.info(`Go cache for ${arch.debian} restored from ${hit}`);
    return { ...cache, hit: hit === cache.key ? hit : undefined };
}
/** Save the caches unless the restore already matched the exact key. */
async function saveGoCache(rt, cache) {
    if (cache.hit)
        return;
    await rt.saveCache([cache.GOCACHE, cache.GOMODCACHE], cache.key);
}
/** `go build` for one target; a failure is a UserError naming the label and the compiler's last lines. */
async function goBuild(spec) {
    const args = ['build', ...reproducibleFlags(spec.go)];
    // -mod exists only in module mode: a GOPATH build (GO111MODULE=off) finds vendor/ by itself.
    if (spec.vendor && spec.env?.GO111MODULE !== 'off')
        args.push('-mod=vendor');
    if (spec.ldflags)
        args.push(`-ldflags=${spec.ldflags}`);
    args.push('-o', spec.output, ...spec.packages);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(spec.output), { recursive: true });
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .run */ .e)(spec.go.go, args, { cwd: spec.cwd, env: goBuildEnv(spec.go, spec.arch, spec.cache, spec.env), allowFailure: true });
    if (res.exitCode !== 0) {
        const tail = (res.stderr || res.stdout).trim().split('\n').slice(-4).join(' | ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${spec.label}: go build failed (exit ${res.exitCode}): ${tail}`);
    }
    return spec.output;
}


/***/ }),

/***/ 75082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $j: () => (/* binding */ COMPONENTS),
/* harmony export */   $s: () => (/* binding */ SNAP_BASE),
/* harmony export */   $z: () => (/* binding */ componentSmoke),
/* harmony export */   CE: () => (/* binding */ snapFileName),
/* harmony export */   He: () => (/* binding */ parseKubeVersion),
/* harmony export */   U8: () => (/* binding */ resolveKubeVersion),
/* harmony export */   XQ: () => (/* binding */ snapVersion),
/* harmony export */   Y0: () => (/* binding */ trimSlash),
/* harmony export */   YX: () => (/* binding */ parseComponents),
/* harmony export */   bM: () => (/* binding */ packComponentSnap),
/* harmony export */   lp: () => (/* binding */ DEFAULT_COMPONENTS),
/* harmony export */   zz: () => (/* binding */ binaryUrl)
/* harmony export */ });
/* unused harmony exports parseMarkerBody, markerUrl, daemonWrapper, CONFIGURE_HOOK, componentSnapYaml */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71844);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32635);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18573);
/* harmony import */ var _snap_pack_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29082);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84402);
/** The Kubernetes components the suite snaps (docs/upstream.md#kubernetes-binaries): URLs, versions, confinement, apps, smoke runs. */






const STRICT_PLUGS = ['home', 'network', 'network-bind'];
const COMPONENTS = [
    {
        name: 'kubectl',
        summary: 'kubectl controls the Kubernetes cluster manager.',
        confinement: 'classic',
        daemon: false,
        smokeArgs: ['version', '--client'],
    },
    { name: 'kube-apiserver', summary: 'Kubernetes API server', confinement: 'strict', daemon: true, smokeArgs: ['--version'] },
    {
        name: 'kube-controller-manager',
        summary: 'Kubernetes controller manager',
        confinement: 'strict',
        daemon: true,
        smokeArgs: ['--version'],
    },
    { name: 'kube-scheduler', summary: 'Kubernetes scheduler', confinement: 'strict', daemon: true, smokeArgs: ['--version'] },
    { name: 'kubelet', summary: 'Kubernetes node agent', confinement: 'classic', daemon: true, smokeArgs: ['--version'] },
    { name: 'kube-proxy', summary: 'Kubernetes network proxy', confinement: 'classic', daemon: true, smokeArgs: ['--version'] },
    {
        name: 'kubeadm',
        summary: 'Kubernetes cluster bootstrapping tool',
        confinement: 'classic',
        daemon: false,
        smokeArgs: ['version', '-o', 'short'],
    },
];
const DEFAULT_COMPONENTS = COMPONENTS.map((c) => c.name).join(' ');
function parseComponents(value) {
    const names = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .splitList */ .ry)(value);
    if (names.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`components: empty; use one or more of ${DEFAULT_COMPONENTS}`);
    const out = [];
    for (const n of names) {
        const c = COMPONENTS.find((x) => x.name === n);
        if (!c)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`components: unknown component '${n}'; use one or more of ${DEFAULT_COMPONENTS}`);
        if (!out.includes(c))
            out.push(c);
    }
    return out;
}
/** `v1.31.2`, `1.31.2`, `1.31.2-rc.0`, `stable`, `stable-1.31`, `latest`, `latest-1.31`. */
function parseKubeVersion(value) {
    const v = value.trim();
    const exact = (0,_version_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanVersion */ .aH)(v);
    if (exact)
        return { kind: 'exact', version: `v${exact}` };
    if (/^(stable|latest)(-\d+(\.\d+)?)?$/.test(v))
        return { kind: 'marker', marker: v };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`kube-version: '${value}' is not a Kubernetes version; use v1.31.2, 1.31.2, stable or stable-1.31`);
}
/** Parse the body of stable.txt & co. */
function parseMarkerBody(body, url) {
    const spec = parseKubeVersion(body.trim().split(/\s+/)[0] ?? '');
    if (spec.kind !== 'exact')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${url} does not name a version: '${body.slice(0, 40)}'`);
    return spec.version;
}
/** Resolve a kube-version input (exact, or a marker read from <baseUrl>/release/<marker>.txt) to `v1.2.3`. */
async function resolveKubeVersion(value, baseUrl, log) {
    const spec = parseKubeVersion(value);
    if (spec.kind === 'exact')
        return spec.version;
    const url = markerUrl(baseUrl, spec.marker);
    return parseMarkerBody(await (0,_download_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchText */ .Sy)(url, log), url);
}
function markerUrl(baseUrl, marker) {
    return `${trimSlash(baseUrl)}/release/${marker}.txt`;
}
function binaryUrl(baseUrl, version, arch, component) {
    return `${trimSlash(baseUrl)}/release/${version}/bin/linux/${arch.k8s}/${component}`;
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
/** Snap version: the Kubernetes version without its leading v. */
function snapVersion(version) {
    return (0,_version_js__WEBPACK_IMPORTED_MODULE_3__/* .stripV */ .tQ)(version);
}
function snapFileName(name, version, arch) {
    return `${name}_${snapVersion(version)}_${arch.debian}.snap`;
}
const SNAP_BASE = 'core22';
/** The wrapper that turns snap configuration into daemon arguments. */
function daemonWrapper(binary) {
    return `#!/bin/sh
# Runs ${binary} with the arguments configured through: snap set <snap> args="--flag=value ..."
# (the configure hook writes them to $SNAP_DATA/args, one per line).
set -eu
args_file="$SNAP_DATA/args"
if [ -f "$args_file" ]; then
  # shellcheck disable=SC2046
  set -- $(grep -v '^#' "$args_file") "$@"
fi
exec "$SNAP/${binary}" "$@"
`;
}
const CONFIGURE_HOOK = `#!/bin/sh
# Writes the snap's "args" configuration to $SNAP_DATA/args, one argument per line, and restarts the daemon.
set -eu
args="$(snapctl get args)"
tmp="$SNAP_DATA/args.tmp"
: > "$tmp"
for a in $args; do
  printf '%s\\n' "$a" >> "$tmp"
done
mv "$tmp" "$SNAP_DATA/args"
snapctl restart "$SNAP_NAME" 2>/dev/null || true
`;
function componentSnapYaml(c, version, arch) {
    const app = c.daemon ? { command: `bin/${c.name}-wrapper`, daemon: 'simple' } : { command: c.name };
    if (c.name === 'kubelet')
        app['restart-condition'] = 'always';
    if (c.confinement === 'strict')
        app.plugs = [...STRICT_PLUGS];
    return {
        name: c.name,
        version: snapVersion(version),
        summary: c.summary,
        description: `${c.summary} Kubernetes ${version} ${c.name} binary for ${arch.debian}, from the upstream release, verified (sha256, ELF architecture, smoke run) and packed by build-snaps.`,
        architectures: [arch.debian],
        base: SNAP_BASE,
        confinement: c.confinement,
        grade: 'stable',
        apps: { [c.name]: app },
    };
}
/** Stage and pack the snap of one component; returns the snap's path in outDir. */
async function packComponentSnap(c, binary, version, arch, outDir, stageRoot, epoch, cacheDir, binarySha256) {
    const yaml = componentSnapYaml(c, version, arch);
    const files = [{ path: c.name, source: binary, executable: true }];
    if (c.daemon) {
        files.push({ path: `bin/${c.name}-wrapper`, content: daemonWrapper(c.name), executable: true });
        files.push({ path: 'meta/hooks/configure', content: CONFIGURE_HOOK, executable: true });
    }
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(stageRoot, `${c.name}-${arch.debian}`);
    await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_2__/* .stageSnap */ .vV)(dir, yaml, files, epoch);
    await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_2__/* .checkSkeleton */ .yu)(dir, c.name);
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(outDir, snapFileName(c.name, version, arch));
    const cached = await (0,_snap_pack_js__WEBPACK_IMPORTED_MODULE_2__/* .packSnap */ .em)(dir, file, epoch, cacheDir, binarySha256 ? { [c.name]: binarySha256 } : {});
    return { file, cached };
}
/** What the smoke run of a component must print: its version. */
function componentSmoke(c, version) {
    return { args: c.smokeArgs, expect: version };
}


/***/ }),

/***/ 83163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ runBuildScript)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83497);
/* harmony import */ var _golang_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79310);



/** Run an upstream build script with the cross-compile environment; a failure names the label and the last lines. */
async function runBuildScript(spec) {
    const [program, ...args] = spec.argv;
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)(program, args, { cwd: spec.tree, env: (0,_golang_js__WEBPACK_IMPORTED_MODULE_1__/* .goBuildEnv */ .SE)(spec.go, spec.arch, spec.cache, spec.env), allowFailure: true });
    if (res.exitCode !== 0) {
        const tail = (res.stderr || res.stdout).trim().split('\n').slice(-4).join(' | ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${spec.label}: \`${spec.argv.join(' ')}\` failed (exit ${res.exitCode})${tail ? `: ${tail}` : ''}`);
    }
}


/***/ }),

/***/ 5415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ copyableTree),
/* harmony export */   Nk: () => (/* binding */ archTree),
/* harmony export */   k9: () => (/* binding */ checkoutDir),
/* harmony export */   nG: () => (/* binding */ filesIn),
/* harmony export */   om: () => (/* binding */ gitCommit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83497);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78365);
/** Go checkouts given as inputs: the directory check, a per-arch copy for parallel builds, the git commit, the files a build wrote. */





/** A checkout given as an input: must be a directory. */
async function checkoutDir(dir, inputName) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(abs).catch(() => undefined);
    if (!st?.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${inputName}: '${dir}' is not a directory; give the path of a checkout`);
    return abs;
}
/**
 * The tree to build arch in: a copy of srcDir per arch (without .git and build outputs) when builds run in
 * parallel, so scripts that write into the tree (bin/, gopath/) do not collide; srcDir itself otherwise.
 */
async function archTree(srcDir, workDir, arch, copy, outputs = ['bin']) {
    if (!copy) {
        for (const o of outputs)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(srcDir, o), { recursive: true, force: true });
        return srcDir;
    }
    const dest = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workDir, `src-${arch.debian}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dest, { recursive: true, force: true });
    const skip = new Set(['.git', ...outputs].map((o) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(srcDir, o)));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.cp)(srcDir, dest, { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(src) });
    return dest;
}
/**
 * Whether a checkout can be copied per arch: module mode (go.mod, and build-env does not set GO111MODULE=off).
 * A GOPATH layout resolves imports by where it sits, so it builds in place, one arch at a time.
 */
async function copyableTree(srcDir, buildEnv) {
    return (await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .exists */ .t2)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(srcDir, 'go.mod'))) && buildEnv.GO111MODULE !== 'off';
}
/** Regular files directly in dir, sorted. */
async function filesIn(dir) {
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true }).catch(() => []);
    return names
        .filter((d) => d.isFile())
        .map((d) => d.name)
        .sort();
}
/** Git HEAD of dir when dir is the top of a git checkout, else undefined. */
async function gitCommit(dir) {
    if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .exists */ .t2)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, '.git'))))
        return undefined;
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)('git', ['-C', dir, 'rev-parse', 'HEAD'], { allowFailure: true });
    return res.exitCode === 0 ? res.stdout.trim() : undefined;
}


/***/ }),

/***/ 29082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   em: () => (/* binding */ packSnap),
/* harmony export */   vV: () => (/* binding */ stageSnap),
/* harmony export */   yu: () => (/* binding */ checkSkeleton)
/* harmony export */ });
/* unused harmony export MKSQUASHFS_ARGS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83497);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(78365);
/* harmony import */ var _snapyaml_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40948);
/**
 * Pack a snap from a staged directory the way snapd does, reproducibly:
 * `mksquashfs DIR FILE -noappend -comp xz -all-root -no-xattrs -no-fragments` with SOURCE_DATE_EPOCH set
 * (squashfs-tools >= 4.5 then stamps every inode and the superblock with it), after normalising modes.
 * `snap pack --check-skeleton` validates meta/snap.yaml first when snap is installed.
 */







/** Stage a snap directory from a snap.yaml model and files; modes and times are normalised. */
async function stageSnap(dir, yaml, files, epoch) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'meta'), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'meta', 'snap.yaml'), (0,_snapyaml_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSnapYaml */ .Uc)(yaml));
    for (const f of files) {
        const dest = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, f.path);
        if (!dest.startsWith(dir + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)))
            throw new Error(`staged path escapes the snap: ${f.path}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dest), { recursive: true });
        if (f.source)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(f.source, dest);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(dest, f.content ?? '');
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(dir, 0o755);
    await normaliseTree(dir, new Set(files.filter((f) => f.executable).map((f) => f.path)), epoch);
}
async function normaliseTree(root, executables, epoch, rel = '') {
    const here = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, rel);
    for (const name of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(here)) {
        const relPath = rel ? `${rel}/${name}` : name;
        const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, relPath);
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(full);
        if (st.isDirectory()) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(full, 0o755);
            await normaliseTree(root, executables, epoch, relPath);
        }
        else if (st.isFile()) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(full, executables.has(relPath) ? 0o755 : 0o644);
        }
        if (!st.isSymbolicLink())
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(full, epoch, epoch);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(here, epoch, epoch);
}
const MKSQUASHFS_ARGS = ['-noappend', '-comp', 'xz', '-all-root', '-no-xattrs', '-no-fragments'];
/** snap pack --check-skeleton, when snap is installed. Returns whether it ran. */
async function checkSkeleton(dir, label) {
    const snap = (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .which */ .K)('snap');
    if (!snap)
        return false;
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(snap, ['pack', '--check-skeleton', dir], { allowFailure: true });
    if (res.exitCode !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`snap ${label}: snap pack --check-skeleton rejected it: ${(res.stderr || res.stdout).trim()}`);
    return true;
}
/**
 * Pack dir into file (atomically), reproducibly. With a cacheDir, the snap is content-addressed by everything
 * that determines its bytes (every staged path, mode and content, the epoch, the mksquashfs version and
 * arguments), so a warm run copies the identical file instead of compressing again. Returns whether it was a hit.
 */
async function packSnap(dir, file, epoch, cacheDir, knownDigests = {}) {
    const mksquashfs = (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .which */ .K)('mksquashfs');
    if (!mksquashfs)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo('mksquashfs is not installed; install squashfs-tools (apt-get install squashfs-tools)');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    const cached = cacheDir ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(cacheDir, 'snaps', `${await treeKey(dir, epoch, mksquashfs, knownDigests)}.snap`) : undefined;
    if (cached && (await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .exists */ .t2)(cached))) {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .copyAtomic */ .nB)(cached, file);
        return true;
    }
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .produceAtomic */ .Kx)(file, async (tmp) => {
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(mksquashfs, [dir, tmp, ...MKSQUASHFS_ARGS, '-quiet', '-no-progress'], { env: { SOURCE_DATE_EPOCH: String(epoch) } });
    });
    if (cached) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(cached), { recursive: true });
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .copyAtomic */ .nB)(file, cached);
    }
    return false;
}
const squashfsVersions = new Map();
/** A digest of everything that determines the packed bytes; knownDigests (staged path → sha256, already verified) spare re-reading large files. */
async function treeKey(dir, epoch, mksquashfs, knownDigests) {
    if (!squashfsVersions.has(mksquashfs)) {
        const v = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(mksquashfs, ['-version'], { allowFailure: true });
        squashfsVersions.set(mksquashfs, v.stdout.split('\n')[0]);
    }
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${squashfsVersions.get(mksquashfs)}\n${MKSQUASHFS_ARGS.join(' ')}\n${epoch}\n`);
    const walk = async (rel) => {
        for (const name of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, rel))).sort()) {
            const r = rel ? `${rel}/${name}` : name;
            const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, r));
            h.update(`${r}\0${st.mode}\0`);
            if (st.isDirectory())
                await walk(r);
            else if (st.isFile())
                h.update(knownDigests[r] ?? (await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256File */ .Q3)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, r))));
        }
    };
    await walk('');
    return h.digest('hex');
}


/***/ }),

/***/ 40948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SK: () => (/* binding */ validateSnapYaml),
/* harmony export */   Uc: () => (/* binding */ renderSnapYaml)
/* harmony export */ });
/* unused harmony export snapYamlProblems */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82220);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/** The meta/snap.yaml model: build it, validate it (snapd's rules), render it deterministically. */



const NAME_RE = /^(?=.*[a-z])[a-z0-9](?:-?[a-z0-9])*$/;
const VERSION_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/;
const APP_RE = /^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$/;
const KNOWN_PLUGS = new Set([
    'home',
    'network',
    'network-bind',
    'network-control',
    'firewall-control',
    'kubernetes-support',
    'mount-observe',
    'system-observe',
    'hardware-observe',
    'removable-media',
    'process-control',
]);
/** Every rule violation in one list (empty when valid). */
function snapYamlProblems(y) {
    const p = [];
    if (!NAME_RE.test(y.name) || y.name.length > 40)
        p.push(`name '${y.name}' must be 1-40 lower-case letters, digits and single hyphens, with at least one letter`);
    if (!VERSION_RE.test(y.version))
        p.push(`version '${y.version}' must be 1-32 characters of letters, digits and .:+~- and start and end with a letter or digit`);
    if (!y.summary || y.summary.length > 78)
        p.push('summary must be 1-78 characters');
    if (!y.description)
        p.push('description must not be empty');
    if (y.architectures.length === 0)
        p.push('architectures must name at least one architecture');
    for (const a of y.architectures)
        if (!_arch_js__WEBPACK_IMPORTED_MODULE_1__/* .ARCH_NAMES */ .KH.includes(a))
            p.push(`architecture '${a}' is not a snap architecture (${_arch_js__WEBPACK_IMPORTED_MODULE_1__/* .ARCH_NAMES */ .KH.join(', ')})`);
    if (!['strict', 'classic', 'devmode'].includes(y.confinement))
        p.push(`confinement '${y.confinement}' must be strict, classic or devmode`);
    if (!['stable', 'devel'].includes(y.grade))
        p.push(`grade '${y.grade}' must be stable or devel`);
    if (!/^(core\d*|bare)$/.test(y.base))
        p.push(`base '${y.base}' is not a base snap name`);
    for (const [name, app] of Object.entries(y.apps)) {
        if (!APP_RE.test(name))
            p.push(`app name '${name}' is invalid`);
        if (!app.command || app.command.startsWith('/'))
            p.push(`app '${name}' needs a command relative to the snap`);
        if (app['restart-condition'] && !app.daemon)
            p.push(`app '${name}' has restart-condition but is not a daemon`);
        if (y.confinement === 'classic' && app.plugs?.length)
            p.push(`app '${name}' declares plugs, which classic snaps do not use`);
        for (const plug of app.plugs ?? [])
            if (!KNOWN_PLUGS.has(plug))
                p.push(`app '${name}' plugs unknown interface '${plug}'`);
    }
    if (Object.keys(y.apps).length === 0)
        p.push('a snap needs at least one app');
    return p;
}
function validateSnapYaml(y) {
    const problems = snapYamlProblems(y);
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`snap ${y.name}: invalid snap.yaml: ${problems.join('; ')}`);
}
/** Render with a fixed key order, so equal models give equal bytes. */
function renderSnapYaml(y) {
    validateSnapYaml(y);
    const ordered = {
        name: y.name,
        version: y.version,
        summary: y.summary,
        description: y.description,
        architectures: y.architectures,
        base: y.base,
        confinement: y.confinement,
        grade: y.grade,
        apps: y.apps,
        ...(y.plugs ? { plugs: y.plugs } : {}),
    };
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(ordered, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(/^version: (.*)$/m, (_m, v) => `version: '${v.replace(/^'|'$/g, '')}'`);
}


/***/ })

};

export const id = 418;
export const ids = [418];
export const modules = {

/***/ 29418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_BASE_URL: () => (/* binding */ DEFAULT_BASE_URL),
  getInputs: () => (/* binding */ getInputs),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/cni.ts
var cni = __webpack_require__(6650);
// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/resource/pack.ts
var pack = __webpack_require__(55898);
// EXTERNAL MODULE: ./shared/resource/per-arch.ts
var per_arch = __webpack_require__(43221);
// EXTERNAL MODULE: ./shared/resource/report.ts
var report = __webpack_require__(55457);
// EXTERNAL MODULE: ./shared/resource/verify.ts
var verify = __webpack_require__(98650);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(90002);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(21562);
// EXTERNAL MODULE: ./shared/publish.ts
var publish = __webpack_require__(10285);
// EXTERNAL MODULE: ./shared/version.ts
var shared_version = __webpack_require__(84402);
// EXTERNAL MODULE: ./shared/golang.ts
var golang = __webpack_require__(79310);
// EXTERNAL MODULE: ./shared/resource/build-script.ts
var build_script = __webpack_require__(83163);
// EXTERNAL MODULE: ./shared/resource/checkout.ts
var checkout = __webpack_require__(5415);
// EXTERNAL MODULE: ./shared/resource/release.ts
var release = __webpack_require__(40594);
;// CONCATENATED MODULE: ./shared/cni-plugins.ts
/**
 * Where build-cnitgz's plugins come from, per arch: a containernetworking/plugins checkout built with its own
 * script (one copy of the tree per arch for parallel builds; GOPATH trees in place, one at a time; the Go cache
 * saved while the plugins are verified and packed), or the upstream release tarball, verified. Each records
 * what it used in the run's provenance.
 */







/** fn's value and how long it took. */
async function timed(fn) {
    const t0 = performance.now();
    const value = await fn();
    return { value, seconds: (performance.now() - t0) / 1000 };
}
/** The per-arch build (or fetch) for the inputs, and how many arches may run at once. */
async function cniBuilder(rt, inputs, work, prov) {
    let build;
    let limit = (0,per_arch/* archParallelism */.py)(inputs.arches.length);
    if (inputs.from === 'source') {
        const src = await (0,checkout/* checkoutDir */.k9)(inputs.source, 'source');
        const argv = await (0,cni/* cniBuildArgv */.BP)(src, inputs.buildCommand, 'source');
        const go = await (0,golang/* setupGo */.kB)(rt, { srcDir: src, requested: inputs.goVersion });
        const commit = (await (0,checkout/* gitCommit */.om)(src)) ?? 'unknown (not a git checkout)';
        await prov.checkout(src, 'cni-plugins');
        prov.tool('go', go.version, go.origin);
        // Scripts write bin/ into the tree: parallel builds each get a copy; GOPATH builds stay in place, one at a time.
        const copy = inputs.arches.length > 1 && (await (0,checkout/* copyableTree */.A3)(src, inputs.buildEnv));
        if (!copy)
            limit = 1;
        rt.info(`Go ${go.version} from ${go.origin}; build: ${argv.slice(1).join(' ')}; ${limit} at a time${copy ? ' (one copy of the checkout per arch)' : ''}`);
        build = async (arch) => {
            const tree = await (0,checkout/* archTree */.Nk)(src, work, arch, copy);
            const cache = await (0,golang/* restoreGoCache */.lr)(rt, go, arch, src);
            await (0,build_script/* runBuildScript */.N)({ argv, tree, arch, go, cache, env: inputs.buildEnv, label: `build for ${arch.debian}` });
            const dir = external_node_path_default().join(tree, 'bin');
            // The Go cache is saved while the plugins are verified and packed: nothing after the build needs it.
            const background = timed(() => (0,golang/* saveGoCache */.yU)(rt, cache));
            return {
                dir,
                files: await (0,checkout/* filesIn */.nG)(dir),
                origin: [
                    ['cni-plugins commit', commit],
                    ['go', `${go.version} (${argv.slice(1).join(' ')})`],
                ],
                background,
            };
        };
    }
    else {
        build = async (arch) => {
            const file = `cni-plugins-linux-${arch.go}-${inputs.version}.tgz`;
            const url = `${(0,release/* releaseBase */.vU)(inputs.baseUrl, { version: inputs.version }, 'base-url')}/${file}`;
            const dir = external_node_path_default().join(work, `release-${arch.debian}`);
            const got = await (0,release/* fetchReleaseTarball */.AA)(rt, { url, what: `CNI plugins ${inputs.version} for ${arch.debian} (${file})`, inputName: 'version', dest: external_node_path_default().join(work, file) }, dir);
            prov.download(url, got.sha256);
            return { dir, files: got.files, origin: [['cni-plugins release', `${(0,release/* recordedUrl */.Sj)(url)} sha256 ${got.sha256}`]] };
        };
    }
    return { build, limit };
}

;// CONCATENATED MODULE: ./actions/build-cnitgz/main.ts
/**
 * build-cnitgz: the CNI plugins resource (cni-<arch>.tgz) for one or several architectures, from a
 * containernetworking/plugins checkout (its own build script, cross-compiled natively) or from the upstream
 * release tarballs (verified, repacked). Every binary's ELF arch is checked, one plugin answers
 * CNI_COMMAND=VERSION natively or under qemu, and the tarball is byte-identical across runs.
 */
















const DEFAULT_BASE_URL = 'https://github.com/containernetworking/plugins/releases/download/{version}';
function getInputs(rt) {
    const { tag: version } = (0,shared_version/* parseTag */.ED)(rt.input('version', { required: true }), 'version', 'v1.1.1', 'a containernetworking/plugins tag');
    const source = rt.input('source');
    const from = rt.input('from', { default: source ? 'source' : 'release' });
    if (from !== 'source' && from !== 'release')
        throw new errors/* UserError */.yo(`from: '${from}' is neither source nor release`);
    if (from === 'source' && !source)
        throw new errors/* UserError */.yo('source: required when from is source; give the path of a containernetworking/plugins checkout');
    return {
        version,
        from,
        source,
        buildCommand: rt.input('build-command'),
        buildEnv: Object.fromEntries((0,inputs/* parseKeyValueLines */.FF)(rt.input('build-env'), 'build-env')),
        arches: (0,arch/* archesOrHost */.ku)(rt.input('arch')),
        goVersion: rt.input('go-version'),
        baseUrl: rt.input('base-url', { default: DEFAULT_BASE_URL }),
        filename: rt.input('filename', { default: 'cni-{arch}.tgz' }),
        outputDir: rt.input('output-dir', { default: '.' }),
    };
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ source: inputs.source });
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const names = (0,pack/* outputNames */.gr)(inputs.filename, inputs.arches, inputs.version);
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const prov = new provenance/* ProvenanceRecorder */.Ej('build-cnitgz');
    rt.info(`CNI plugins ${inputs.version} from ${inputs.from} for ${inputs.arches.map((a) => a.debian).join(', ')}`);
    await (0,files/* withScratchDir */.Cc)(rt.tempRoot(), 'build-cnitgz-', async (work) => {
        const { build, limit } = await cniBuilder(rt, inputs, work, prov);
        const results = await rt.group(`Build, verify and pack ${inputs.arches.length} tarballs`, () => (0,per_arch/* forEachArch */.v7)(inputs.arches, limit, async (arch) => {
            const built = await timed(() => build(arch));
            const { value } = built;
            try {
                const files = value.files.map((name) => ({ name, path: external_node_path_default().join(value.dir, name) }));
                const checked = await timed(async () => (0,verify/* verifyBinaries */.b)(files, arch, await (0,verify/* smokeRunner */.K)(rt, arch), { [(0,cni/* smokePlugin */.hk)(value.files)]: cni/* CNI_VERSION_SMOKE */.aP }, `cni-${arch.debian}`));
                rt.info(`${arch.debian}: ${checked.value.join('; ')}`);
                const info = (0,pack/* renderBuildInfo */.Bt)({
                    title: `cni-${arch.debian} ${inputs.version}`,
                    epoch,
                    lines: [['build script commit', (0,pack/* buildScriptCommit */.Hl)('build-cnitgz')], ...value.origin],
                });
                const dest = external_node_path_default().join(outDir, names.get(arch));
                const packed = await timed(() => (0,pack/* packResource */.Og)(rt, dest, [...files.map((f) => ({ name: f.name, file: f.path })), { name: 'BUILD_INFO', data: info }], epoch, 'cni'));
                const cacheSave = value.background ? ` (Go cache saved alongside in ${(await value.background).seconds.toFixed(1)} s)` : '';
                rt.info(`${arch.debian}: ${inputs.from === 'source' ? 'build' : 'fetch'} ${built.seconds.toFixed(1)} s, verify ${checked.seconds.toFixed(1)} s, pack ${packed.seconds.toFixed(1)} s${cacheSave}`);
                return packed.value;
            }
            finally {
                // A failed check must not leave the cache save half done when the step ends.
                await value.background;
            }
        }));
        await (0,publish/* attestBuilt */.mu)(rt, { action: 'build-cnitgz', outDir, epoch, provenance: prov, version: inputs.version, results });
        await (0,report/* reportResults */.z)(rt, `CNI plugins ${inputs.version}`, outDir, results);
    });
}


/***/ }),

/***/ 6650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ cniBuildArgv),
/* harmony export */   aP: () => (/* binding */ CNI_VERSION_SMOKE),
/* harmony export */   hk: () => (/* binding */ smokePlugin)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78365);
/** containernetworking/plugins: which build script a checkout has, and the smoke run every plugin answers. */



/** A CNI plugins checkout's own build: build-command, else build_linux.sh (v0.8.0+), else build.sh (older tags). */
async function cniBuildArgv(srcDir, buildCommand, inputName) {
    if (buildCommand)
        return ['bash', '-e', '-c', buildCommand];
    for (const script of ['build_linux.sh', 'build.sh'])
        if (await (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .exists */ .t2)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(srcDir, script)))
            return ['bash', `./${script}`];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: no build_linux.sh or build.sh in ${srcDir}; is it a containernetworking/plugins checkout? Or set build-command`);
}
/** The smoke run every CNI plugin answers. */
const CNI_VERSION_SMOKE = { args: [], env: { CNI_COMMAND: 'VERSION' }, expect: 'supportedVersions' };
/** The plugin to smoke-run: `bridge`, else the first binary. */
function smokePlugin(names) {
    return names.includes('bridge') ? 'bridge' : names[0];
}


/***/ }),

/***/ 88837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Map over items with at most `limit` running at once; results keep the input order. All settle before a rejection is thrown. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    const errors = [];
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (e) {
                errors.push(e);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (errors.length > 0)
        throw errors[0];
    return results;
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

/***/ 55898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ renderBuildInfo),
/* harmony export */   Hl: () => (/* binding */ buildScriptCommit),
/* harmony export */   Og: () => (/* binding */ packResource),
/* harmony export */   gr: () => (/* binding */ outputNames)
/* harmony export */ });
/* unused harmony exports CHARM_SIZE_FLOOR, outputName */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _archive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65264);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18573);
/** The resource tarball: its file name, BUILD_INFO, the deterministic tar.gz and the charm's size floor. */





/** The charms refuse a CNI or flannel resource smaller than this (docs/upstream.md#cni-resource, #flannel-resource). */
const CHARM_SIZE_FLOOR = 1_000_000;
/** BUILD_INFO in the charm build script's shape (docs/upstream.md#cni-resource), deterministic: the date is SOURCE_DATE_EPOCH. */
function renderBuildInfo(info) {
    const built = new Date(info.epoch * 1000).toISOString().replace('.000Z', 'Z');
    return [info.title, `Built ${built}`, ...info.lines.map(([k, v]) => `${k}: ${v}`)].join('\n') + '\n';
}
/** The build-snaps commit that produced a resource: GITHUB_SHA on a runner, else unknown. */
function buildScriptCommit(action) {
    return `${process.env.GITHUB_SHA || 'unknown'} (build-snaps ${action})`;
}
/** Write the resource tarball; warn when it is under the charm's floor. Returns its path. */
async function packResource(rt, dest, entries, epoch, resource) {
    await (0,_archive_js__WEBPACK_IMPORTED_MODULE_2__/* .writeTarGz */ .SB)(dest, entries, { mtime: epoch, label: node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(dest) });
    const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dest)).size;
    if (size < CHARM_SIZE_FLOOR) {
        rt.warning(`${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(dest)} is ${size} bytes, under the ${CHARM_SIZE_FLOOR}-byte floor below which the charm refuses the ${resource} resource ("Incomplete ${resource} resource")`);
    }
    return dest;
}
/** Output filename from a template; must stay a plain file name. */
function outputName(template, arch, version, inputName = 'filename') {
    const name = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .expandTemplate */ .Ly)(template, { arch: arch.debian, 'go-arch': arch.go, version }, inputName);
    if (!name || name.includes('/') || name === '.' || name === '..')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${inputName}: '${name}' is not a plain file name; use e.g. cni-{arch}.tgz`);
    return name;
}
/** One output name per arch; a template giving two arches the same name is refused. */
function outputNames(template, arches, version, inputName = 'filename') {
    const names = new Map(arches.map((a) => [a, outputName(template, a, version, inputName)]));
    if (new Set(names.values()).size < names.size)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${inputName}: '${template}' gives the same name for several arches; put {arch} in it`);
    return names;
}


/***/ }),

/***/ 43221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cO: () => (/* binding */ serialLock),
/* harmony export */   py: () => (/* binding */ archParallelism),
/* harmony export */   v7: () => (/* binding */ forEachArch)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88837);
/** The per-arch loop of a resource action: how many arches at once, every arch run to its end, a lock for in-place work. */


/** How many arches to build at once: one per core, at most the number of arches. */
function archParallelism(count) {
    return Math.max(1, Math.min(count, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)()));
}
/** Run fn for every arch, `limit` at a time; every arch runs to its end even when another fails. */
function forEachArch(arches, limit, fn) {
    return (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .s)(arches, limit, async (arch) => {
        const t0 = performance.now();
        const seconds = () => (performance.now() - t0) / 1000;
        try {
            const value = await fn(arch);
            return { arch, value, seconds: seconds() };
        }
        catch (error) {
            return { arch, error, seconds: seconds() };
        }
    });
}
/** A lock for work that must not overlap (a build script writing into a shared tree): calls run one at a time. */
function serialLock() {
    let tail = Promise.resolve();
    return (fn) => {
        const next = tail.then(fn, fn);
        tail = next.catch(() => undefined);
        return next;
    };
}


/***/ }),

/***/ 40594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ fetchReleaseTarball),
/* harmony export */   Sj: () => (/* binding */ recordedUrl),
/* harmony export */   vU: () => (/* binding */ releaseBase)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _archive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65264);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71844);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18573);
/** Upstream release tarballs: the base URL input, the download verified against its .sha256, the safe unpack. */






/** Download a release tarball verified against its .sha256 and unpack it (safely) into dir; returns its files. */
async function fetchReleaseTarball(rt, spec, dir) {
    try {
        const res = await (0,_download_js__WEBPACK_IMPORTED_MODULE_3__/* .downloadWithSha256File */ .e8)(spec.url, spec.dest, { cacheDir: rt.cacheRoot(), log: (m) => rt.warning(m) });
        const names = await (0,_archive_js__WEBPACK_IMPORTED_MODULE_2__/* .extractTarGz */ .Ce)(res.path, dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(spec.url));
        const files = [];
        for (const n of names)
            if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, n))).isFile())
                files.push(n);
        return { files, sha256: res.sha256 };
    }
    catch (e) {
        const msg = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e);
        if (/HTTP 404/.test(msg))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${spec.inputName}: ${spec.what} not found: ${msg.replace(/^download failed: /, '')}; check the tag and that it was released for this architecture`);
        throw e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo ? new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${spec.what}: ${msg}`) : e;
    }
}
/** Release base URL: expand {version} (and {go-arch}, {arch}) in a base-url input. */
function releaseBase(template, values, inputName) {
    if (!/^https?:\/\/[^/]+/.test(template))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${inputName}: '${template}' is not an http(s) URL`);
    return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .expandTemplate */ .Ly)(template, values, inputName).replace(/\/+$/, '');
}
/**
 * A download's URL as a resource's BUILD_INFO records it. BUILD_INFO is inside the tarball, so what it says is
 * part of the bytes a store compares when it decides whether a resource is new. A URL on a loopback address (the
 * local pipeline's mirror, CI's serve-mirror) carries the port that server happened to get when it started, so
 * a rebuild from a restarted mirror would differ in that line alone, and be uploaded again.
 *
 * Such a URL is recorded as `loopback mirror <path>`: stable across restarts, and honest about where the bytes
 * came from, a server on the build machine. It is not recorded as the upstream URL the mirror stands in for: the
 * local mirror serves stand-ins, and BUILD_INFO would then claim a file upstream never published. The path and
 * the sha256 beside it identify the file. Any other URL is recorded as fetched; the provenance statement keeps
 * every URL exactly as fetched (it describes this run, and is not part of the tarball).
 */
function recordedUrl(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return url;
    }
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
    return loopback ? `loopback mirror ${u.pathname}${u.search}` : url;
}


/***/ }),

/***/ 55457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ reportResults)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39273);
/** What a resource action reports: outputs, SHA256SUMS and manifest.json, the summary, the per-arch failures. */


/**
 * Report what was built: outputs `tarballs` and `sha256` (arch → path / digest) for the arches that
 * succeeded, SHA256SUMS + manifest.json, a summary table; then fail naming every arch that did not build.
 */
async function reportResults(rt, title, outDir, results) {
    const ok = results.filter((r) => r.value);
    const entries = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFiles */ .LG)(ok.map((r) => r.value), (f) => ok.find((r) => r.value === f)?.arch.debian);
    if (entries.length)
        await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .writeManifest */ .HN)(outDir, entries);
    rt.output('tarballs', Object.fromEntries(ok.map((r) => [r.arch.debian, r.value])));
    rt.output('sha256', Object.fromEntries(entries.map((e) => [e.arch, e.sha256])));
    for (const e of entries)
        rt.info(`${e.sha256}  ${e.name}`);
    const times = results.map((r) => `${r.arch.debian} ${r.seconds.toFixed(1)} s`).join(', ');
    rt.summary(`### ${title}\n\n${entries.length ? (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryTable */ .jb)(entries) : 'Nothing was built.'}\n\nPer-arch time: ${times}.`);
    const failed = results.filter((r) => !r.value);
    if (failed.length) {
        for (const f of failed)
            rt.info(`${f.arch.debian}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(f.error)}`);
        const built = ok.length ? `; built: ${ok.map((r) => r.arch.debian).join(', ')}` : '';
        const first = failed[0];
        if (failed.length === 1 && !(first.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo))
            throw first.error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`failed for ${failed.map((f) => f.arch.debian).join(', ')}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(first.error)}${built}`);
    }
    return entries;
}


/***/ })

};

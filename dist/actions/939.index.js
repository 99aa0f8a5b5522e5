export const id = 939;
export const ids = [939];
export const modules = {

/***/ 92939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getInputs: () => (/* binding */ getInputs),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/cni.ts
var shared_cni = __webpack_require__(6650);
// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/etcd.ts
var shared_etcd = __webpack_require__(80358);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/archive.ts
var archive = __webpack_require__(65264);
// EXTERNAL MODULE: ./shared/golang.ts
var golang = __webpack_require__(79310);
// EXTERNAL MODULE: ./shared/inputs.ts
var shared_inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/resource/build-script.ts
var build_script = __webpack_require__(83163);
// EXTERNAL MODULE: ./shared/resource/checkout.ts
var resource_checkout = __webpack_require__(5415);
// EXTERNAL MODULE: ./shared/resource/per-arch.ts
var per_arch = __webpack_require__(43221);
// EXTERNAL MODULE: ./shared/resource/release.ts
var release = __webpack_require__(40594);
;// CONCATENATED MODULE: ./shared/flannel.ts
/**
 * The flannel charm resource (flannel-<arch>.tar.gz: flanneld, etcdctl, optional CNI plugins, BUILD_INFO;
 * docs/upstream.md#flannel-resource). flanneld is built with `go build` directly (upstream's Makefile needs
 * docker) or taken from flannel's release tarball; etcdctl comes through shared/etcd.ts (the same checkout
 * detection, tag check and release fetch, SHA256SUMS-verified, as the etcd snap); the CNI plugins from a
 * checkout's own build script or a build-cnitgz tarball.
 */













const FLANNEL_BASE_URL = 'https://github.com/flannel-io/flannel/releases/download/{version}';
const ETCD_BASE_URL = 'https://github.com/etcd-io/etcd/releases/download/{version}';
/** The CNI plugins the flannel resource carries (docs/upstream.md#flannel-resource): `flannel` only when the CNI build has it. */
const CNI_PLUGINS = ['bridge', 'host-local', 'flannel'];
/** Where flannel keeps its version variable (docs/upstream.md#flannel-resource): `<module>/pkg/version` from v0.22, `<module>/version` before. */
async function flannelVersionPackage(srcDir) {
    const gomod = await (0,promises_.readFile)(external_node_path_default().join(srcDir, 'go.mod'), 'utf8').catch(() => undefined);
    if (gomod === undefined)
        throw new errors/* UserError */.yo(`flannel-source: no go.mod in ${srcDir}; flannel before v0.12 builds only in GOPATH mode: use the release (leave flannel-source empty)`);
    const module = (0,golang/* goModModule */.$L)(gomod);
    if (!module)
        throw new errors/* UserError */.yo(`flannel-source: ${srcDir}/go.mod has no module line`);
    for (const pkg of ['pkg/version', 'version'])
        if (await (0,files/* exists */.t2)(external_node_path_default().join(srcDir, pkg, 'version.go')))
            return `${module}/${pkg}`;
    throw new errors/* UserError */.yo(`flannel-source: neither pkg/version/version.go nor version/version.go in ${srcDir}; is it a flannel checkout?`);
}
function flanneldLdflags(versionPackage, version) {
    return `-s -w -X ${versionPackage}.Version=${version}`;
}
/**
 * The checkouts of one run, checked once before any arch is built, and a builder per part of the tarball.
 * Work that writes into a shared tree (etcd v2's build script, an in-place CNI build) runs one arch at a time.
 */
class FlannelParts {
    rt;
    inputs;
    prov;
    flannel;
    etcd;
    cniSrc;
    inPlace = (0,per_arch/* serialLock */.cO)();
    constructor(rt, inputs, prov, flannel, etcd, cniSrc) {
        this.rt = rt;
        this.inputs = inputs;
        this.prov = prov;
        this.flannel = flannel;
        this.etcd = etcd;
        this.cniSrc = cniSrc;
    }
    static async prepare(rt, inputs, prov) {
        const checkout = async (dir, srcDir, name) => {
            const go = await (0,golang/* setupGo */.kB)(rt, { srcDir, requested: inputs.goVersion, inputName: `go-version (for ${name})` });
            rt.info(`${external_node_path_default().basename(dir)}: Go ${go.version} from ${go.origin}`);
            await prov.checkout(dir);
            prov.tool('go', go.version, go.origin);
            return { dir, go, commit: (await (0,resource_checkout/* gitCommit */.om)(dir)) ?? 'unknown (not a git checkout)' };
        };
        let flannel, etcd, cni;
        if (inputs.flannelSource) {
            const dir = await (0,resource_checkout/* checkoutDir */.k9)(inputs.flannelSource, 'flannel-source');
            const versionPkg = await flannelVersionPackage(dir);
            flannel = { ...(await checkout(dir, dir, 'flannel-source')), versionPkg, vendor: await (0,files/* exists */.t2)(external_node_path_default().join(dir, 'vendor')) };
        }
        if (inputs.etcdSource) {
            const src = await (0,shared_etcd/* readEtcdSource */.oc)(inputs.etcdSource, 'etcd-source');
            etcd = { ...(await checkout(src.dir, src.layout.kind === 'go-mod' ? src.layout.etcdctl.cwd : src.dir, 'etcd-source')), src };
        }
        if (inputs.cniSource) {
            const dir = await (0,resource_checkout/* checkoutDir */.k9)(inputs.cniSource, 'cni-source');
            const argv = await (0,shared_cni/* cniBuildArgv */.BP)(dir, '', 'cni-source');
            cni = { ...(await checkout(dir, dir, 'cni-source')), argv, copy: await (0,resource_checkout/* copyableTree */.A3)(dir, inputs.buildEnv) };
        }
        return new FlannelParts(rt, inputs, prov, flannel, etcd, cni);
    }
    /** The Go and checkout whose caches the builds of one arch share (the first checkout given). */
    cacheSource() {
        return this.flannel ?? this.etcd ?? this.cniSrc;
    }
    async flanneld(arch, dir, cache) {
        const { inputs, flannel } = this;
        if (!flannel) {
            const file = `flannel-${inputs.flannelVersion}-linux-${arch.go}.tar.gz`;
            const url = `${(0,release/* releaseBase */.vU)(inputs.flannelBaseUrl, { version: inputs.flannelVersion }, 'flannel-base-url')}/${file}`;
            const x = external_node_path_default().join(dir, 'flannel-release');
            const what = `flannel ${inputs.flannelVersion} for ${arch.debian} (${file})`;
            const got = await (0,release/* fetchReleaseTarball */.AA)(this.rt, { url, what, inputName: 'flannel-version', dest: external_node_path_default().join(dir, file) }, x);
            this.prov.download(url, got.sha256);
            const found = got.files.filter((f) => external_node_path_default().posix.basename(f) === 'flanneld');
            if (found.length !== 1)
                throw new errors/* UserError */.yo(`${file}: expected one flanneld inside, found ${found.length}`);
            return {
                files: [{ name: 'flanneld', path: external_node_path_default().join(x, found[0]) }],
                info: [['flannel release', `${(0,release/* recordedUrl */.Sj)(url)} sha256 ${got.sha256}`]],
            };
        }
        const { go, versionPkg } = flannel;
        const ldflags = flanneldLdflags(versionPkg, inputs.flannelVersion);
        const out = await (0,golang/* goBuild */.BC)({
            go,
            arch,
            cwd: flannel.dir,
            packages: ['.'],
            output: external_node_path_default().join(dir, 'flanneld'),
            cache,
            env: inputs.buildEnv,
            ldflags,
            vendor: flannel.vendor,
            label: `flanneld for ${arch.debian}`,
        });
        return {
            files: [{ name: 'flanneld', path: out }],
            info: [['flannel commit', `${flannel.commit} (go build, Go ${go.version}, -X ${versionPkg}.Version)`]],
        };
    }
    async etcdctl(arch, dir, cache) {
        const { inputs, etcd } = this;
        if (!etcd) {
            const dirUrl = (0,release/* releaseBase */.vU)(inputs.etcdBaseUrl, { version: inputs.etcdVersion }, 'etcd-base-url');
            const got = await (0,shared_etcd/* fetchEtcdRelease */.cC)({
                tag: inputs.etcdVersion,
                arch,
                baseUrl: dirUrl,
                dirUrl,
                workDir: external_node_path_default().join(dir, 'etcd-release'),
                cacheDir: this.rt.cacheRoot(),
                log: (m) => this.rt.warning(m),
            });
            this.prov.download(got.url, got.sha256);
            return { files: [{ name: 'etcdctl', path: got.etcdctl }], info: [['etcd release', `${(0,release/* recordedUrl */.Sj)(got.url)} sha256 ${got.sha256}`]] };
        }
        const build = () => (0,shared_etcd/* buildEtcd */.jj)(etcd.src, arch, etcd.go, external_node_path_default().join(dir, 'etcd-bin'), cache, { env: inputs.buildEnv, only: ['etcdctl'] });
        // The v2 build script symlinks the checkout into gopath/: one arch at a time.
        const bins = etcd.src.layout.kind === 'build-script' ? await this.inPlace(build) : await build();
        return {
            files: [{ name: 'etcdctl', path: bins.etcdctl }],
            info: [['etcd commit', `${etcd.commit} (${(0,shared_etcd/* etcdBuildCommand */.Ek)(etcd.src)}, Go ${etcd.go.version})`]],
        };
    }
    async cni(arch, dir, cache) {
        const { inputs, cniSrc } = this;
        let binDir;
        let info;
        if (cniSrc) {
            const build = async () => {
                const tree = await (0,resource_checkout/* archTree */.Nk)(cniSrc.dir, dir, arch, cniSrc.copy);
                await (0,build_script/* runBuildScript */.N)({
                    argv: cniSrc.argv,
                    tree,
                    arch,
                    go: cniSrc.go,
                    cache,
                    env: inputs.buildEnv,
                    label: `CNI plugins for ${arch.debian}`,
                });
                if (cniSrc.copy)
                    return external_node_path_default().join(tree, 'bin');
                // In place: take the plugins out before the next arch's build replaces bin/.
                await (0,promises_.cp)(external_node_path_default().join(tree, 'bin'), external_node_path_default().join(dir, 'cni-bin'), { recursive: true });
                return external_node_path_default().join(dir, 'cni-bin');
            };
            binDir = cniSrc.copy ? await build() : await this.inPlace(build);
            info = ['cni-plugins commit', `${cniSrc.commit} (${cniSrc.argv.slice(1).join(' ')}, Go ${cniSrc.go.version})`];
        }
        else if (inputs.cniTarball) {
            const tgz = external_node_path_default().resolve((0,shared_inputs/* expandTemplate */.Ly)(inputs.cniTarball, { arch: arch.debian, 'go-arch': arch.go }, 'cni-tarball'));
            if (!(await (0,files/* exists */.t2)(tgz)))
                throw new errors/* UserError */.yo(`cni-tarball: ${tgz} does not exist; give the path of a build-cnitgz tarball ({arch} expands)`);
            binDir = external_node_path_default().join(dir, 'cni');
            await (0,archive/* extractTarGz */.Ce)(tgz, binDir);
            const digest = await (0,files/* sha256File */.Q3)(tgz);
            this.prov.localFile(tgz, digest);
            info = ['cni-plugins tarball', `${external_node_path_default().basename(tgz)} sha256 ${digest}`];
        }
        else {
            return { files: [], info: [] };
        }
        const have = await (0,resource_checkout/* filesIn */.nG)(binDir);
        for (const need of ['bridge', 'host-local']) {
            if (!have.includes(need))
                throw new errors/* UserError */.yo(`${cniSrc ? 'cni-source' : 'cni-tarball'}: no ${need} plugin for ${arch.debian} (found: ${have.join(', ') || 'nothing'})`);
        }
        return { files: CNI_PLUGINS.filter((p) => have.includes(p)).map((p) => ({ name: p, path: external_node_path_default().join(binDir, p) })), info: [info] };
    }
}

// EXTERNAL MODULE: ./shared/resource/pack.ts
var pack = __webpack_require__(55898);
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
var version = __webpack_require__(84402);
;// CONCATENATED MODULE: ./actions/build-flannel/main.ts
/**
 * build-flannel: the flannel charm resource (flannel-<arch>.tar.gz: flanneld, etcdctl, optional CNI plugins,
 * BUILD_INFO) for one or several architectures; the parts come from shared/flannel.ts. Every binary's arch is
 * checked and smoke-run; the tarball is reproducible.
 */



















function getInputs(rt) {
    const inputs = {
        flannelVersion: (0,version/* parseTag */.ED)(rt.input('flannel-version', { required: true }), 'flannel-version', 'v0.22.3').tag,
        flannelSource: rt.input('flannel-source'),
        flannelBaseUrl: rt.input('flannel-base-url', { default: FLANNEL_BASE_URL }),
        etcdVersion: (0,shared_etcd/* parseEtcdTag */.As)(rt.input('etcd-version', { required: true }), 'etcd-version'),
        etcdSource: rt.input('etcd-source'),
        etcdBaseUrl: rt.input('etcd-base-url', { default: ETCD_BASE_URL }),
        cniTarball: rt.input('cni-tarball'),
        cniSource: rt.input('cni-source'),
        arches: (0,arch/* archesOrHost */.ku)(rt.input('arch')),
        goVersion: rt.input('go-version'),
        buildEnv: Object.fromEntries((0,shared_inputs/* parseKeyValueLines */.FF)(rt.input('build-env'), 'build-env')),
        filename: rt.input('filename', { default: 'flannel-{arch}.tar.gz' }),
        outputDir: rt.input('output-dir', { default: '.' }),
    };
    if (inputs.cniTarball && inputs.cniSource)
        throw new errors/* UserError */.yo('cni-tarball and cni-source: give one of them, not both');
    return inputs;
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ 'flannel-source': inputs.flannelSource, 'etcd-source': inputs.etcdSource, 'cni-source': inputs.cniSource });
    await (0,paths/* checkInputPaths */.bk)({ 'cni-tarball': inputs.cniTarball }, 'file');
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const names = (0,pack/* outputNames */.gr)(inputs.filename, inputs.arches, inputs.flannelVersion);
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const smoke = {
        flanneld: { args: ['--version'], expect: inputs.flannelVersion },
        etcdctl: { args: ['--version'], expect: `version: ${(0,version/* stripV */.tQ)(inputs.etcdVersion)}` },
        bridge: shared_cni/* CNI_VERSION_SMOKE */.aP,
    };
    await (0,files/* withScratchDir */.Cc)(rt.tempRoot(), 'build-flannel-', async (work) => {
        const prov = new provenance/* ProvenanceRecorder */.Ej('build-flannel');
        const parts = await FlannelParts.prepare(rt, inputs, prov);
        const cacheSrc = parts.cacheSource();
        const results = await rt.group(`Build, verify and pack ${inputs.arches.length} tarballs`, () => (0,per_arch/* forEachArch */.v7)(inputs.arches, (0,per_arch/* archParallelism */.py)(inputs.arches.length), async (arch) => {
            const dir = external_node_path_default().join(work, arch.debian);
            await (0,promises_.mkdir)(dir, { recursive: true });
            const cache = cacheSrc ? await (0,golang/* restoreGoCache */.lr)(rt, cacheSrc.go, arch, cacheSrc.dir) : undefined;
            const built = [await parts.flanneld(arch, dir, cache), await parts.etcdctl(arch, dir, cache), await parts.cni(arch, dir, cache)];
            if (cache)
                await (0,golang/* saveGoCache */.yU)(rt, cache);
            const files = built.flatMap((p) => p.files);
            const checks = await (0,verify/* verifyBinaries */.b)(files, arch, await (0,verify/* smokeRunner */.K)(rt, arch), smoke, `flannel-${arch.debian}`);
            rt.info(`${arch.debian}: ${checks.join('; ')}`);
            const info = (0,pack/* renderBuildInfo */.Bt)({
                title: `flannel-${arch.debian} ${inputs.flannelVersion}`,
                epoch,
                lines: [
                    ['build script commit', (0,pack/* buildScriptCommit */.Hl)('build-flannel')],
                    ['etcd', inputs.etcdVersion],
                    ...built.flatMap((p) => p.info),
                ],
            });
            const entries = [...files.map((f) => ({ name: f.name, file: f.path, mode: 0o755 })), { name: 'BUILD_INFO', data: info }];
            return (0,pack/* packResource */.Og)(rt, external_node_path_default().join(outDir, names.get(arch)), entries, epoch, 'flannel');
        }));
        await (0,publish/* attestBuilt */.mu)(rt, { action: 'build-flannel', outDir, epoch, provenance: prov, version: inputs.flannelVersion, results });
        await (0,report/* reportResults */.z)(rt, `flannel ${inputs.flannelVersion} (etcdctl ${inputs.etcdVersion})`, outDir, results);
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

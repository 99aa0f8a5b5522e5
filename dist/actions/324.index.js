export const id = 324;
export const ids = [324];
export const modules = {

/***/ 73324:
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
// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/etcd.ts
var etcd = __webpack_require__(80358);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(21562);
// EXTERNAL MODULE: ./shared/publish.ts
var publish = __webpack_require__(10285);
// EXTERNAL MODULE: ./shared/resource/verify.ts
var verify = __webpack_require__(98650);
// EXTERNAL MODULE: ./shared/verify.ts
var shared_verify = __webpack_require__(54377);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(90002);
// EXTERNAL MODULE: ./shared/golang.ts
var golang = __webpack_require__(79310);
// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(84402);
;// CONCATENATED MODULE: ./shared/etcd-snap-sources.ts
/**
 * The binaries of the etcd snap (build-etcd-snap), acquired one of two ways: cross-compiled from an etcd checkout
 * with the Go caches restored and saved, or taken from the upstream release tarball checked against its
 * SHA256SUMS (or a given sha256). Each way records what it used in the run's provenance.
 */




/** Cross-compile the checkout for the target, with the Go caches restored and saved. */
async function etcdFromSource(rt, inputs, work, prov) {
    const src = await (0,etcd/* readEtcdSource */.oc)(inputs.sourceDir, 'source-dir');
    const { arch } = inputs;
    const go = await (0,golang/* setupGo */.kB)(rt, { srcDir: src.layout.kind === 'go-mod' ? src.layout.etcd.cwd : src.dir, requested: inputs.goVersion });
    await prov.checkout(src.dir, 'etcd');
    prov.tool('go', go.version, go.origin);
    const how = src.layout.kind === 'build-script' ? 'its build script (GOPATH)' : 'go build';
    rt.info(`etcd ${src.version} from ${inputs.sourceDir} with ${how}, Go ${go.version} (${go.origin}), for ${arch.debian} (GOARCH=${arch.go})`);
    const cache = await (0,golang/* restoreGoCache */.lr)(rt, go, arch, src.dir);
    const bins = await rt.group(`Cross-compile etcd and etcdctl for ${arch.debian}`, () => (0,etcd/* buildEtcd */.jj)(src, arch, go, external_node_path_default().join(work, 'bin'), cache));
    await (0,golang/* saveGoCache */.yU)(rt, cache);
    return { bins, version: src.version, origin: `built from ${inputs.sourceDir} with ${how}, Go ${go.version}` };
}
async function etcdFromRelease(rt, inputs, work, prov) {
    const got = await rt.group(`Fetch etcd ${inputs.etcdTag} for ${inputs.arch.debian}`, () => (0,etcd/* fetchEtcdRelease */.cC)({
        tag: inputs.etcdTag,
        arch: inputs.arch,
        baseUrl: inputs.baseUrl,
        sha256: inputs.sha256 || undefined,
        workDir: work,
        cacheDir: rt.cacheRoot(),
        log: (m) => rt.warning(m),
    }));
    prov.download(got.url, got.sha256);
    const origin = `${got.cached ? 'cache hit for' : 'downloaded'} ${got.url}, sha256 verified${inputs.sha256 ? '' : ' (SHA256SUMS)'}`;
    return { bins: got, version: (0,version/* stripV */.tQ)(inputs.etcdTag), origin };
}

;// CONCATENATED MODULE: ./actions/build-etcd-snap/main.ts
/**
 * build-etcd-snap: the etcd snap (etcd + etcdctl) for one architecture, from an etcd checkout cross-compiled
 * with Go (v2 through its build script, v3 with go build) or from the upstream release tarball (checked
 * against the release's SHA256SUMS). Each binary is verified (ELF architecture, one smoke run natively or
 * under qemu-user), then packed reproducibly with the daemon wrapper.
 */













function getInputs(rt) {
    const sourceDir = rt.input('source-dir');
    const etcdVersion = rt.input('etcd-version');
    if (sourceDir && etcdVersion)
        throw new errors/* UserError */.yo('source-dir and etcd-version are both set; set source-dir to build an etcd checkout, or etcd-version to take the upstream release, not both');
    if (!sourceDir && !etcdVersion)
        throw new errors/* UserError */.yo('neither source-dir nor etcd-version is set; set source-dir (an etcd checkout) or etcd-version (a release tag such as v3.4.22)');
    const sha256 = rt.input('sha256').toLowerCase();
    if (sha256 && !/^[0-9a-f]{64}$/.test(sha256))
        throw new errors/* UserError */.yo(`sha256: '${sha256}' is not a sha256 digest (64 hex digits)`);
    if (sha256 && !etcdVersion)
        throw new errors/* UserError */.yo("sha256: only used with etcd-version (the release tarball's digest); drop it when building from source-dir");
    return {
        arch: (0,arch/* archOrHost */.g)(rt.input('arch')),
        sourceDir,
        etcdTag: etcdVersion ? (0,etcd/* parseEtcdTag */.As)(etcdVersion, 'etcd-version') : '',
        baseUrl: (0,inputs/* parseHttpUrl */.f$)(rt.input('base-url', { default: etcd/* ETCD_RELEASES */._v }), 'base-url', etcd/* ETCD_RELEASES */._v),
        sha256,
        goVersion: rt.input('go-version'),
        outputDir: rt.input('output-dir', { default: 'snaps' }),
        artifactName: rt.input('artifact-name'),
        verify: (0,inputs/* parseBool */.q6)(rt.input('verify'), 'verify', true),
    };
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ 'source-dir': inputs.sourceDir });
    const { arch } = inputs;
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const prov = new provenance/* ProvenanceRecorder */.Ej('build-etcd-snap');
    await (0,files/* withScratchDir */.Cc)(rt.tempRoot(), 'build-snaps-', async (work) => {
        const { bins, version, origin } = inputs.sourceDir
            ? await etcdFromSource(rt, inputs, work, prov)
            : await etcdFromRelease(rt, inputs, work, prov);
        rt.info(`etcd ${version}: ${origin}`);
        if (inputs.verify) {
            await rt.group('Verify etcd and etcdctl', async () => {
                const runner = await (0,verify/* smokeRunner */.K)(rt, arch);
                const smokes = (0,etcd/* etcdSmokes */.RQ)(version, arch);
                for (const name of ['etcd', 'etcdctl'])
                    rt.info(`${name}: ${(await (0,shared_verify/* verifyBinary */.X)(bins[name], name, arch, runner, smokes[name])).join('; ')}`);
            });
        }
        const unsupported = (0,etcd/* etcdUnsupportedArch */.IA)(arch);
        rt.info(`daemon wrapper: ${unsupported ? `sets ETCD_UNSUPPORTED_ARCH=${unsupported}` : `no ETCD_UNSUPPORTED_ARCH (etcd supports ${arch.debian})`}`);
        const snap = await rt.group('Pack the etcd snap', () => (0,etcd/* packEtcdSnap */.iL)(bins, version, arch, outDir, external_node_path_default().join(work, 'stage'), epoch));
        await (0,publish/* publish */.mk)(rt, {
            action: 'build-etcd-snap',
            outDir,
            epoch,
            provenance: prov,
            parts: [arch.debian],
            artifactName: inputs.artifactName,
            artifacts: [{ file: snap, version, arch: arch.debian }],
            title: `etcd ${version} for ${arch.debian}`,
            notes: `Binaries ${origin}. Reproducible: SOURCE_DATE_EPOCH=${epoch}.`,
        });
        rt.output('snap', snap);
        rt.output('version', version);
        rt.output('arch', arch.debian);
    });
}


/***/ })

};

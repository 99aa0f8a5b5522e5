export const id = 671;
export const ids = [671];
export const modules = {

/***/ 33671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs),
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_arch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82220);
/* harmony import */ var _shared_concurrency_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(88837);
/* harmony import */ var _shared_binaries_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22549);
/* harmony import */ var _shared_download_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71844);
/* harmony import */ var _shared_epoch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37747);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78365);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(18573);
/* harmony import */ var _shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(75082);
/* harmony import */ var _shared_provenance_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(21562);
/* harmony import */ var _shared_publish_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(10285);
/* harmony import */ var _shared_resource_verify_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(98650);
/* harmony import */ var _shared_verify_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(54377);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(90002);
/**
 * build-k8s-snaps: download (or take) the Kubernetes binaries for one architecture, verify each
 * (sha256, ELF architecture, one smoke run), and pack one reproducible snap per binary.
 */















function getInputs(rt) {
    const kubeVersion = rt.input('kube-version', { required: true });
    (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .parseKubeVersion */ .He)(kubeVersion);
    const baseUrl = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .parseHttpUrl */ .f$)(rt.input('base-url', { default: 'https://dl.k8s.io' }), 'base-url', 'https://dl.k8s.io');
    return {
        kubeVersion,
        arch: (0,_shared_arch_js__WEBPACK_IMPORTED_MODULE_2__/* .archOrHost */ .g)(rt.input('arch')),
        components: (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .parseComponents */ .YX)(rt.input('components', { default: _shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_COMPONENTS */ .lp })),
        baseUrl,
        binariesDir: rt.input('binaries-dir'),
        outputDir: rt.input('output-dir', { default: 'snaps' }),
        artifactName: rt.input('artifact-name'),
        verify: (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .parseBool */ .q6)(rt.input('verify'), 'verify', true),
    };
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_12__/* .checkInputPaths */ .bk)({ 'binaries-dir': inputs.binariesDir });
    const outDir = await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureWritableDir */ .gA)(inputs.outputDir, 'output-dir');
    const version = await (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveKubeVersion */ .U8)(inputs.kubeVersion, inputs.baseUrl, (m) => rt.warning(m));
    const { arch } = inputs;
    rt.info(`Kubernetes ${version} for ${arch.debian} (Go/Kubernetes ${arch.go}): ${inputs.components.map((c) => c.name).join(', ')}`);
    const epoch = (0,_shared_epoch_js__WEBPACK_IMPORTED_MODULE_5__/* .sourceDateEpoch */ .p)();
    const prov = new _shared_provenance_js__WEBPACK_IMPORTED_MODULE_8__/* .ProvenanceRecorder */ .Ej('build-k8s-snaps');
    await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_6__/* .withScratchDir */ .Cc)(rt.tempRoot(), 'build-snaps-', async (work) => {
        const runner = inputs.verify ? await (0,_shared_resource_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .smokeRunner */ .K)(rt, arch) : undefined;
        const policy = (0,_shared_download_js__WEBPACK_IMPORTED_MODULE_4__/* .downloadPolicy */ .bK)();
        const binaries = await rt.group(`Fetch and verify ${inputs.components.length} binaries`, () => (0,_shared_concurrency_js__WEBPACK_IMPORTED_MODULE_14__/* .mapLimit */ .s)(inputs.components, 4, async (c) => {
            const url = inputs.binariesDir ? undefined : (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .binaryUrl */ .zz)(inputs.baseUrl, version, arch, c.name);
            const bin = await (0,_shared_binaries_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireBinary */ ._)(c.name, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(work, 'bin', c.name), {
                url,
                localDir: inputs.binariesDir || undefined,
                cacheDir: rt.cacheRoot(),
                policy,
                log: (m) => rt.warning(m),
            });
            if (url)
                prov.download(url, bin.sha256);
            else
                prov.localFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(inputs.binariesDir, c.name), bin.sha256);
            if (!bin.sha256Verified)
                rt.warning(`${c.name}: no ${c.name}.sha256 beside it in binaries-dir; not checksum-verified`);
            const checks = inputs.verify
                ? await (0,_shared_verify_js__WEBPACK_IMPORTED_MODULE_11__/* .verifyBinary */ .X)(bin.path, c.name, arch, runner, (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .componentSmoke */ .$z)(c, version))
                : ['verification off'];
            rt.info(`${c.name}: ${bin.origin}; ${checks.join('; ')}`);
            return { component: c, ...bin, checks: [bin.sha256Verified ? 'sha256' : 'no sha256', ...checks] };
        }));
        const snaps = await rt.group(`Pack ${binaries.length} snaps`, async () => {
            const made = [];
            try {
                for (const b of binaries) {
                    const { file, cached } = await (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .packComponentSnap */ .bM)(b.component, b.path, version, arch, outDir, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(work, 'stage'), epoch, rt.cacheRoot(), b.sha256);
                    made.push(file);
                    if (cached)
                        rt.info(`${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}: identical inputs packed before; reused from the snap cache`);
                }
            }
            catch (e) {
                await Promise.all(made.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(f, { force: true })));
                throw e;
            }
            return made;
        });
        const checked = binaries.map((b) => `- ${b.component.name}: ${b.checks.join(', ')}`).join('\n');
        const { manifest } = await (0,_shared_publish_js__WEBPACK_IMPORTED_MODULE_9__/* .publish */ .mk)(rt, {
            action: 'build-k8s-snaps',
            outDir,
            epoch,
            provenance: prov,
            parts: [arch.debian],
            artifactName: inputs.artifactName,
            artifacts: snaps.map((file) => ({ file, version: (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .snapVersion */ .XQ)(version), arch: arch.debian })),
            title: `Kubernetes ${(0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .snapVersion */ .XQ)(version)} snaps for ${arch.debian}`,
            notes: `Verified:\n${checked}\n\nReproducible: SOURCE_DATE_EPOCH=${epoch}.`,
        });
        rt.output('snaps', snaps);
        rt.output('version', (0,_shared_k8s_js__WEBPACK_IMPORTED_MODULE_7__/* .snapVersion */ .XQ)(version));
        rt.output('arch', arch.debian);
        rt.info(`checksums: ${manifest}`);
    });
}


/***/ }),

/***/ 22549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ acquireBinary)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71844);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78365);
/** Where a build's input binaries come from: a verified download, or a local directory (air-gapped mode). */





/** Fetch or take the binary `name` into dest (made executable), checked against its sha256. */
async function acquireBinary(name, dest, src) {
    const got = await acquire(name, dest, src);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dest, 0o755);
    return got;
}
async function acquire(name, dest, src) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dest), { recursive: true });
    if (src.localDir) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(src.localDir, name);
        if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .exists */ .t2)(file)))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${src.localInput ?? 'binaries-dir'}: '${file}' does not exist; put the ${name} binary there or drop ${name} from components`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(file, dest);
        const actual = await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q3)(dest);
        const digestFile = `${file}.sha256`;
        if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .exists */ .t2)(digestFile)))
            return { path: dest, sha256: actual, origin: `from ${file} (no .sha256)`, sha256Verified: false };
        const expected = (0,_download_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestFile */ .UC)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(digestFile, 'utf8'), 'sha256', digestFile);
        if (expected !== actual)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`checksum mismatch: ${file}: sha256 is ${actual}, ${digestFile} says ${expected}; replace the binary or its .sha256`);
        return { path: dest, sha256: actual, origin: `from ${file}, sha256 verified`, sha256Verified: true };
    }
    if (!src.url)
        throw new Error('acquireBinary: neither url nor localDir');
    const res = await (0,_download_js__WEBPACK_IMPORTED_MODULE_2__/* .downloadWithSha256File */ .e8)(src.url, dest, { cacheDir: src.cacheDir, log: src.log, policy: src.policy });
    return {
        path: dest,
        sha256: res.sha256,
        origin: `${res.cached ? 'cache hit for' : 'downloaded'} ${src.url}, sha256 verified`,
        sha256Verified: true,
    };
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

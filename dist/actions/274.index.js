export const id = 274;
export const ids = [274];
export const modules = {

/***/ 97274:
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
// EXTERNAL MODULE: ./shared/binaries.ts
var binaries = __webpack_require__(22549);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/k8s.ts
var k8s = __webpack_require__(75082);
// EXTERNAL MODULE: ./shared/snap/pack.ts
var pack = __webpack_require__(29082);
;// CONCATENATED MODULE: ./shared/cdk-addons.ts
/**
 * The cdk-addons snap (docs/upstream.md#cdk-addons-and-etcd-snaps): a cdk-addons build directory (the `apply` script, `templates/`,
 * `meta/hooks/`, packed like snapcraft's dump plugin does) plus the target's kubectl, with `{{ arch }}` in the
 * templates rendered for the target at build time. Image names use Go spellings (armhf → arm, ppc64el →
 * ppc64le), so the arch table's Go column is what goes in. Every other Jinja placeholder is left for `apply`
 * to render at run time.
 */





const CDK_ADDONS = 'cdk-addons';
/** `{{ arch }}`, `{{arch}}`, `{{- arch -}}`: the one placeholder rendered at build time. */
const ARCH_PLACEHOLDER = /\{\{-?\s*arch\s*-?\}\}/g;
/** The image architecture of a target: upstream images use Go names. */
function imageArch(arch) {
    return arch.go;
}
/** Render `{{ arch }}` in one template; returns the text and how many placeholders were replaced. */
function renderArchTemplate(text, arch) {
    let replaced = 0;
    const out = text.replace(ARCH_PLACEHOLDER, () => {
        replaced++;
        return imageArch(arch);
    });
    return { text: out, replaced };
}
/** Not packed from a build directory: VCS data, a snap.yaml (we write our own), and the kubectl we replace. */
function excluded(rel) {
    return (rel === '.git' ||
        rel.startsWith('.git/') ||
        rel === 'meta/snap.yaml' ||
        rel === 'snap' ||
        rel.startsWith('snap/') ||
        rel === 'kubectl' ||
        /\.snap$/.test(rel));
}
async function walk(root, rel, inputName, out) {
    const here = external_node_path_default().join(root, rel);
    for (const name of (await (0,promises_.readdir)(here)).sort()) {
        const r = rel ? `${rel}/${name}` : name;
        if (excluded(r))
            continue;
        const full = external_node_path_default().join(root, r);
        const st = await (0,promises_.lstat)(full);
        if (st.isDirectory())
            await walk(root, r, inputName, out);
        else if (st.isFile())
            out.push({ rel: r, full, executable: (st.mode & 0o111) !== 0 });
        else
            throw new errors/* UserError */.yo(`${inputName}: '${r}' in ${root} is not a regular file or directory (a symlink?); replace it with the file itself`);
    }
}
/**
 * Read a cdk-addons build directory: `apply` (executable), `templates/` (at least one file), optional
 * `meta/hooks/*`, and anything else beside them, as the dump plugin would pack it.
 */
async function readCdkAddonsSource(dir, inputName = 'source-dir') {
    const root = external_node_path_default().resolve(dir);
    const st = await (0,promises_.lstat)(root).catch(() => undefined);
    if (!st?.isDirectory())
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' is not a directory; point it at a cdk-addons build directory (apply, templates/, meta/hooks/)`);
    const files = [];
    await walk(root, '', inputName, files);
    const apply = files.find((f) => f.rel === 'apply');
    if (!apply) {
        const nested = (await (0,promises_.lstat)(external_node_path_default().join(root, 'cdk-addons', 'apply')).catch(() => undefined))?.isFile();
        const hint = nested
            ? `; it has cdk-addons/apply: run 'make prep' and use build/, or point ${inputName} at ${external_node_path_default().join(dir, 'cdk-addons')} with templates/ beside apply`
            : '';
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' has no apply script; point it at a cdk-addons build directory (apply, templates/, meta/hooks/)${hint}`);
    }
    if (!apply.executable)
        throw new errors/* UserError */.yo(`${inputName}: '${apply.full}' is not executable; chmod +x it (the snap's apply app runs it)`);
    if (!files.some((f) => f.rel.startsWith('templates/'))) {
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' has no templates/ with addon manifests; run cdk-addons' get-addon-templates (make prep) first`);
    }
    for (const h of files.filter((f) => f.rel.startsWith('meta/hooks/'))) {
        if (!h.executable)
            throw new errors/* UserError */.yo(`${inputName}: hook '${h.full}' is not executable; chmod +x it (snapd runs hooks directly)`);
    }
    return files;
}
function cdkAddonsSnapYaml(version, arch, base = k8s/* SNAP_BASE */.$s) {
    return {
        name: CDK_ADDONS,
        version: (0,k8s/* snapVersion */.XQ)(version),
        summary: 'Addons for Charmed Kubernetes',
        description: `Addons for Charmed Kubernetes ${version} on ${arch.debian}: addon manifests (images for ${imageArch(arch)}), the apply script and kubectl, packed by build-snaps.`,
        architectures: [arch.debian],
        base,
        confinement: 'strict',
        grade: 'stable',
        apps: { apply: { command: 'apply', plugs: ['home', 'network'] } },
    };
}
/** Stage the build directory with rendered templates and the target's kubectl, check and pack it. */
async function packCdkAddonsSnap(p) {
    const rendered = {};
    const files = [{ path: 'kubectl', source: p.kubectl, executable: true }];
    for (const f of p.source) {
        if (f.rel.startsWith('templates/')) {
            const r = renderArchTemplate(await (0,promises_.readFile)(f.full, 'utf8'), p.arch);
            rendered[f.rel] = r.replaced;
            files.push({ path: f.rel, content: r.text, executable: f.executable });
        }
        else {
            files.push({ path: f.rel, source: f.full, executable: f.executable });
        }
    }
    const dir = external_node_path_default().join(p.stageRoot, `${CDK_ADDONS}-${p.arch.debian}`);
    await (0,pack/* stageSnap */.vV)(dir, cdkAddonsSnapYaml(p.version, p.arch, p.base), files, p.epoch);
    await (0,pack/* checkSkeleton */.yu)(dir, CDK_ADDONS);
    const snap = external_node_path_default().join(p.outDir, (0,k8s/* snapFileName */.CE)(CDK_ADDONS, p.version, p.arch));
    await (0,pack/* packSnap */.em)(dir, snap, p.epoch);
    return { snap, rendered, files: files.length };
}

// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(21562);
// EXTERNAL MODULE: ./shared/publish.ts
var publish = __webpack_require__(10285);
// EXTERNAL MODULE: ./shared/snap/snapyaml.ts
var snapyaml = __webpack_require__(40948);
// EXTERNAL MODULE: ./shared/resource/verify.ts
var verify = __webpack_require__(98650);
// EXTERNAL MODULE: ./shared/verify.ts
var shared_verify = __webpack_require__(54377);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(90002);
;// CONCATENATED MODULE: ./actions/build-cdk-addons-snap/main.ts
/**
 * build-cdk-addons-snap: the cdk-addons snap for one architecture: the target's kubectl (downloaded and
 * verified like the Kubernetes snaps: sha256, ELF architecture, one smoke run), a cdk-addons build directory
 * with `{{ arch }}` rendered in its templates, packed reproducibly. No emulation, no snapcraft.
 */














const KUBECTL = k8s/* COMPONENTS */.$j.find((c) => c.name === 'kubectl');
function getInputs(rt) {
    const kubeVersion = rt.input('kube-version', { required: true });
    (0,k8s/* parseKubeVersion */.He)(kubeVersion);
    return {
        kubeVersion,
        arch: (0,arch/* archOrHost */.g)(rt.input('arch')),
        sourceDir: rt.input('source-dir', { required: true }),
        baseUrl: (0,inputs/* parseHttpUrl */.f$)(rt.input('base-url', { default: 'https://dl.k8s.io' }), 'base-url', 'https://dl.k8s.io'),
        kubectlDir: rt.input('kubectl-dir'),
        base: rt.input('base', { default: k8s/* SNAP_BASE */.$s }),
        outputDir: rt.input('output-dir', { default: 'snaps' }),
        artifactName: rt.input('artifact-name'),
        verify: (0,inputs/* parseBool */.q6)(rt.input('verify'), 'verify', true),
    };
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ 'source-dir': inputs.sourceDir, 'kubectl-dir': inputs.kubectlDir });
    const { arch } = inputs;
    const source = await readCdkAddonsSource(inputs.sourceDir, 'source-dir');
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const version = await (0,k8s/* resolveKubeVersion */.U8)(inputs.kubeVersion, inputs.baseUrl, (m) => rt.warning(m));
    (0,snapyaml/* validateSnapYaml */.SK)(cdkAddonsSnapYaml(version, arch, inputs.base));
    rt.info(`cdk-addons ${(0,k8s/* snapVersion */.XQ)(version)} for ${arch.debian} (images: ${imageArch(arch)}) from ${inputs.sourceDir}: ${source.length} files`);
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const prov = new provenance/* ProvenanceRecorder */.Ej('build-cdk-addons-snap');
    await prov.checkout(inputs.sourceDir, 'cdk-addons');
    await (0,files/* withScratchDir */.Cc)(rt.tempRoot(), 'build-snaps-', async (work) => {
        const kubectl = await rt.group('Fetch and verify kubectl', async () => {
            const url = inputs.kubectlDir ? undefined : (0,k8s/* binaryUrl */.zz)(inputs.baseUrl, version, arch, 'kubectl');
            const bin = await (0,binaries/* acquireBinary */._)('kubectl', external_node_path_default().join(work, 'bin', 'kubectl'), {
                url,
                localDir: inputs.kubectlDir || undefined,
                localInput: 'kubectl-dir',
                cacheDir: rt.cacheRoot(),
                log: (m) => rt.warning(m),
            });
            if (url)
                prov.download(url, bin.sha256);
            else
                prov.localFile(external_node_path_default().join(inputs.kubectlDir, 'kubectl'), bin.sha256);
            if (!bin.sha256Verified)
                rt.warning(`kubectl: no kubectl.sha256 beside it in kubectl-dir; not checksum-verified`);
            let checks = ['verification off'];
            if (inputs.verify) {
                const runner = await (0,verify/* smokeRunner */.K)(rt, arch);
                checks = await (0,shared_verify/* verifyBinary */.X)(bin.path, 'kubectl', arch, runner, (0,k8s/* componentSmoke */.$z)(KUBECTL, version));
            }
            rt.info(`kubectl: ${bin.origin}; ${checks.join('; ')}`);
            return bin.path;
        });
        const built = await rt.group(`Render templates for ${arch.debian} and pack`, () => packCdkAddonsSnap({ source, kubectl, version, arch, base: inputs.base, outDir, stageRoot: external_node_path_default().join(work, 'stage'), epoch }));
        const templates = Object.entries(built.rendered);
        const withArch = templates.filter(([, n]) => n > 0);
        rt.info(`rendered {{ arch }} -> ${imageArch(arch)} in ${withArch.length} of ${templates.length} templates (${withArch.reduce((s, [, n]) => s + n, 0)} placeholders)`);
        await (0,publish/* publish */.mk)(rt, {
            action: 'build-cdk-addons-snap',
            outDir,
            epoch,
            provenance: prov,
            parts: [arch.debian],
            artifactName: inputs.artifactName,
            artifacts: [{ file: built.snap, version: (0,k8s/* snapVersion */.XQ)(version), arch: arch.debian }],
            title: `${CDK_ADDONS} ${(0,k8s/* snapVersion */.XQ)(version)} for ${arch.debian}`,
            notes: `Templates: ${templates.length}, \`{{ arch }}\` rendered as \`${imageArch(arch)}\` in ${withArch.length}. Reproducible: SOURCE_DATE_EPOCH=${epoch}.`,
        });
        rt.output('snap', built.snap);
        rt.output('version', (0,k8s/* snapVersion */.XQ)(version));
        rt.output('arch', arch.debian);
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

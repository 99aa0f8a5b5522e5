export const id = 807;
export const ids = [807];
export const modules = {

/***/ 71807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getInputs: () => (/* binding */ getInputs),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(54970);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(41581);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(63795);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(56855);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(86395);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(44852);
// EXTERNAL MODULE: ./shared/publish.ts + 2 modules
var publish = __webpack_require__(4035);
// EXTERNAL MODULE: ./shared/epoch.ts
var epoch = __webpack_require__(94269);
// EXTERNAL MODULE: ./shared/snap/inspect.ts
var inspect = __webpack_require__(53205);
;// CONCATENATED MODULE: ./shared/snapcraft.ts
/**
 * The snapcraft mode, for projects that really need snapcraft (stage-packages and the like): run the user's
 * snapcraft project for each target with `snapcraft pack --build-for=<arch>`, or all targets at once with
 * `snapcraft remote-build --build-for=<a>,<b>` on Launchpad, then collect the .snap files it wrote and check
 * each one's meta/snap.yaml names the architecture asked for.
 */





function parseMode(value, inputName = 'mode') {
    const v = value.trim() || 'pack';
    if (v !== 'pack' && v !== 'remote-build')
        throw new errors/* UserError */.yo(`${inputName}: '${value}' is not a snapcraft mode; use pack or remote-build`);
    return v;
}
/** Where snapcraft looks for the project file, in its order. */
const PROJECT_FILES = ['snap/snapcraft.yaml', 'snapcraft.yaml', '.snapcraft.yaml', 'build-aux/snap/snapcraft.yaml'];
async function findProjectFile(dir, inputName = 'project-dir') {
    if (!(await (0,promises_.stat)(dir).catch(() => undefined))?.isDirectory())
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' is not a directory; point it at your snapcraft project`);
    for (const f of PROJECT_FILES)
        if (await (0,files/* exists */.t2)(external_node_path_default().join(dir, f)))
            return external_node_path_default().join(dir, f);
    throw new errors/* UserError */.yo(`${inputName}: '${dir}' has no snapcraft project (${PROJECT_FILES.join(', ')}); point it at the directory that holds snap/snapcraft.yaml`);
}
/** remote-build pushes the project with git: it must be the top of a full (not shallow) clone. */
async function checkRemoteBuildRepo(dir, inputName = 'project-dir') {
    if (!(await (0,files/* exists */.t2)(external_node_path_default().join(dir, '.git')))) {
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' is not the top of a git repository; snapcraft remote-build uploads the project with git (use actions/checkout, and point ${inputName} at the repository root)`);
    }
    if (await (0,files/* exists */.t2)(external_node_path_default().join(dir, '.git', 'shallow'))) {
        throw new errors/* UserError */.yo(`${inputName}: '${dir}' is a shallow clone, which snapcraft remote-build cannot push; check out with fetch-depth: 0`);
    }
}
/** The snapcraft calls for a mode: one pack per target, or one remote-build for all of them. */
function snapcraftInvocations(mode, arches, extra, acceptPublicUpload) {
    if (mode === 'pack')
        return arches.map((a) => ({ args: ['pack', `--build-for=${a.debian}`, ...extra], arches: [a] }));
    const accept = acceptPublicUpload ? ['--launchpad-accept-public-upload'] : [];
    return [{ args: ['remote-build', `--build-for=${arches.map((a) => a.debian).join(',')}`, ...accept, ...extra], arches }];
}
/** Name → "size:mtime" of the .snap files in dir, to tell what a snapcraft run wrote. */
async function snapFiles(dir) {
    const out = new Map();
    for (const name of await (0,promises_.readdir)(dir)) {
        if (!name.endsWith('.snap'))
            continue;
        const st = await (0,promises_.stat)(external_node_path_default().join(dir, name));
        if (st.isFile())
            out.set(name, `${st.size}:${st.mtimeMs}`);
    }
    return out;
}
/** The .snap files that are new or rewritten since `before`. */
function writtenSince(before, after) {
    return [...after]
        .filter(([name, sig]) => before.get(name) !== sig)
        .map(([name]) => name)
        .sort();
}
/** Check the snaps one invocation wrote: each for an architecture it was asked to build, every target covered. */
async function checkSnaps(projectDir, names, inv, command) {
    const asked = inv.arches.map((a) => a.debian);
    if (names.length === 0)
        throw new errors/* UserError */.yo(`${command} wrote no .snap into ${projectDir}; see its output above`);
    const found = [];
    for (const name of names) {
        const file = external_node_path_default().join(projectDir, name);
        const info = await (0,inspect/* inspectSnap */.d)(file, name);
        if (info.size === 0)
            throw new errors/* UserError */.yo(`${command} wrote an empty ${name}; see its output above`);
        const wrong = info.architectures.filter((a) => a !== 'all' && !asked.includes(a));
        if (wrong.length > 0 || info.architectures.length === 0) {
            throw new errors/* UserError */.yo(`${command} wrote ${name} for ${info.architectures.join(', ') || 'no architecture'}, not for ${asked.join(', ')}; check platforms/architectures in snapcraft.yaml`);
        }
        found.push({ file, name: String(info.yaml?.name ?? ''), version: String(info.yaml?.version ?? ''), arch: info.architectures.join(',') });
    }
    const covered = new Set(found.flatMap((f) => f.arch.split(',')));
    const missing = asked.filter((a) => !covered.has(a) && !covered.has('all'));
    if (missing.length > 0)
        throw new errors/* UserError */.yo(`${command} wrote no snap for ${missing.join(', ')} (it wrote ${names.join(', ')}); check platforms/architectures in snapcraft.yaml`);
    return found;
}
/** Move checked snaps from the project into outDir (once every invocation succeeded). */
async function moveSnaps(snaps, outDir) {
    const moved = [];
    for (const f of snaps) {
        const dest = external_node_path_default().join(outDir, external_node_path_default().basename(f.file));
        if (external_node_path_default().resolve(f.file) !== dest) {
            await (0,promises_.rename)(f.file, dest).catch(async () => {
                await (0,files/* copyAtomic */.nB)(f.file, dest);
                await (0,promises_.rm)(f.file, { force: true });
            });
        }
        moved.push({ ...f, file: dest });
    }
    return moved;
}

// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(49024);
;// CONCATENATED MODULE: ./actions/build-snapcraft/main.ts
/**
 * build-snapcraft: for projects that really need snapcraft (stage-packages and the like). Runs the user's
 * snapcraft project once per target with `snapcraft pack --build-for=<arch>`, or once for all targets with
 * `snapcraft remote-build --build-for=<a>,<b>` (Launchpad builds natively), collects the .snap files it writes,
 * checks each is for an architecture asked for, and writes SHA256SUMS.
 */












function getInputs(rt) {
    const mode = parseMode(rt.input('mode', { default: 'pack' }));
    const extraArgs = rt.input('snapcraft-args').split(/\s+/).filter(Boolean);
    if (extraArgs.some((a) => a.startsWith('--build-for')))
        throw new errors/* UserError */.yo('snapcraft-args: drop --build-for; the arch input sets it');
    const acceptPublicUpload = (0,inputs/* parseBool */.q6)(rt.input('accept-public-upload'), 'accept-public-upload', false);
    if (mode === 'remote-build' && !acceptPublicUpload && !extraArgs.some((a) => a.startsWith('--project'))) {
        throw new errors/* UserError */.yo('accept-public-upload: remote-build uploads the project publicly to Launchpad; set accept-public-upload: true, or pass --project <private Launchpad project> in snapcraft-args');
    }
    return {
        projectDir: external_node_path_default().resolve(rt.input('project-dir', { default: '.' })),
        arches: (0,arch/* archesOrHost */.ku)(rt.input('arch')),
        mode,
        extraArgs,
        launchpadCredentials: rt.secretInput('launchpad-credentials'),
        acceptPublicUpload,
        outputDir: rt.input('output-dir', { default: 'snaps' }),
        artifactName: rt.input('artifact-name'),
    };
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ 'project-dir': inputs.projectDir });
    const projectFile = await findProjectFile(inputs.projectDir, 'project-dir');
    if (inputs.mode === 'remote-build')
        await checkRemoteBuildRepo(inputs.projectDir, 'project-dir');
    const snapcraft = (0,exec/* which */.K)('snapcraft');
    if (!snapcraft)
        throw new errors/* UserError */.yo('snapcraft is not installed; install it first (sudo snap install snapcraft --classic; pack also needs LXD, or --destructive-mode in snapcraft-args)');
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    await (0,files/* withScratchDir */.Cc)(rt.tempRoot(), 'build-snaps-', async (work) => {
        const env = {};
        if (inputs.launchpadCredentials) {
            const dataHome = external_node_path_default().join(work, 'xdg-data');
            await (0,promises_.mkdir)(external_node_path_default().join(dataHome, 'snapcraft'), { recursive: true });
            await (0,files/* writeFileAtomic */.Zf)(external_node_path_default().join(dataHome, 'snapcraft', 'launchpad-credentials'), inputs.launchpadCredentials + '\n', 0o600);
            env.XDG_DATA_HOME = dataHome;
        }
        rt.info(`snapcraft ${inputs.mode} of ${external_node_path_default().relative(inputs.projectDir, projectFile)} in ${inputs.projectDir} for ${inputs.arches.map((a) => a.debian).join(', ')}`);
        const checked = [];
        for (const inv of snapcraftInvocations(inputs.mode, inputs.arches, inputs.extraArgs, inputs.acceptPublicUpload)) {
            const command = `snapcraft ${inv.args.join(' ')}`;
            await rt.group(command, async () => {
                const before = await snapFiles(inputs.projectDir);
                const res = await (0,exec/* run */.e)(snapcraft, inv.args, { cwd: inputs.projectDir, env, allowFailure: true });
                for (const line of (res.stdout + res.stderr).trim().split('\n'))
                    if (line)
                        rt.info(line);
                if (res.exitCode !== 0) {
                    const tail = (res.stderr || res.stdout).trim().split('\n').slice(-3).join(' | ');
                    throw new errors/* UserError */.yo(`${command} failed (exit ${res.exitCode}): ${tail}`);
                }
                const found = await checkSnaps(inputs.projectDir, writtenSince(before, await snapFiles(inputs.projectDir)), inv, command);
                for (const s of found)
                    rt.info(`${external_node_path_default().basename(s.file)}: ${s.name} ${s.version} for ${s.arch}`);
                checked.push(...found);
            });
        }
        const snaps = await moveSnaps(checked, outDir);
        const prov = new provenance/* ProvenanceRecorder */.Ej('build-snapcraft', (0,provenance/* actionInputs */.eh)(process.env, ['launchpad-credentials']));
        await prov.checkout(inputs.projectDir, 'project');
        await (0,publish/* publish */.mk)(rt, {
            action: 'build-snapcraft',
            outDir,
            epoch: (0,epoch/* sourceDateEpoch */.p)(),
            provenance: prov,
            parts: inputs.arches.map((a) => a.debian),
            artifactName: inputs.artifactName,
            artifacts: snaps.map((s) => ({ file: s.file, version: s.version, arch: s.arch, packageName: s.name })),
            title: `snapcraft ${inputs.mode}: ${snaps.length} snaps`,
        });
        rt.output('snaps', snaps.map((s) => s.file));
    });
}


/***/ }),

/***/ 53205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ inspectSnap)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43439);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41581);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63795);
/** Read a packed snap back: its meta/snap.yaml (via `unsquashfs -cat`) and its architectures. */




/** Inspect a .snap file; a zero-byte file is a valid placeholder (docs/upstream.md#zero-byte-snap-placeholder) with no yaml. */
async function inspectSnap(file, label = file) {
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).catch(() => undefined);
    if (!st?.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${label}: '${file}' does not exist`);
    if (st.size === 0)
        return { size: 0, architectures: [] };
    const unsquashfs = (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .which */ .K)('unsquashfs');
    if (!unsquashfs)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('unsquashfs is not installed; install squashfs-tools');
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(unsquashfs, ['-cat', file, 'meta/snap.yaml'], { allowFailure: true });
    if (res.exitCode !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${label}: '${file}' is not a snap (cannot read meta/snap.yaml from it as squashfs)`);
    const yaml = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(res.stdout);
    const archs = Array.isArray(yaml?.architectures) ? yaml.architectures.map(String) : ['all'];
    return { yaml, size: st.size, architectures: archs };
}


/***/ })

};

export const id = 252;
export const ids = [252];
export const modules = {

/***/ 46252:
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
var arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(83497);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(21562);
// EXTERNAL MODULE: ./shared/publish.ts
var publish = __webpack_require__(10285);
// EXTERNAL MODULE: ./shared/epoch.ts
var epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/snap/inspect.ts
var inspect = __webpack_require__(28231);
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
var paths = __webpack_require__(90002);
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

/***/ 37747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ sourceDateEpoch)
/* harmony export */ });
/* unused harmony export FALLBACK_EPOCH */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/** The timestamp every reproducible artifact carries: SOURCE_DATE_EPOCH, else the commit time, else a constant. */


/** 2000-01-01T00:00:00Z: used when there is neither SOURCE_DATE_EPOCH nor a git commit. */
const FALLBACK_EPOCH = 946684800;
function sourceDateEpoch(env = process.env, cwd = env.GITHUB_WORKSPACE || process.cwd()) {
    const given = env.SOURCE_DATE_EPOCH?.trim();
    if (given) {
        if (!/^\d+$/.test(given))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`SOURCE_DATE_EPOCH: '${given}' is not a whole number of seconds; unset it or give a Unix time`);
        return Number(given);
    }
    try {
        const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['log', '-1', '--format=%ct'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
            .toString()
            .trim();
        if (/^\d+$/.test(out))
            return Number(out);
    }
    catch {
        // not a git checkout, or no git: fall through
    }
    return FALLBACK_EPOCH;
}


/***/ }),

/***/ 21562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ej: () => (/* binding */ ProvenanceRecorder),
  eh: () => (/* binding */ actionInputs),
  u: () => (/* binding */ builderVersion),
  fu: () => (/* binding */ writeProvenance)
});

// UNUSED EXPORTS: SLSA_PROVENANCE_V1, STATEMENT_TYPE, builderId, checkStatement, provenanceFileName, provenanceStatement

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(83497);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/log.ts
var log = __webpack_require__(61620);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./shared/provenance.ts
/**
 * Provenance of a build action's run: an in-toto Statement v1 (in-toto/attestation spec/v1/statement.md)
 * whose predicate is SLSA provenance v1 (slsa-framework/slsa docs/spec/v1.0/provenance.md):
 * subjects = the run's artifacts (name, sha256); buildDefinition.externalParameters = the action's inputs
 * (secret inputs and output-dir left out); resolvedDependencies = every file the run downloaded (uri, sha256), every local
 * input file, the Go toolchain, and every source checkout (its git remote and commit, else its path);
 * runDetails.builder.id = the action and its version. Written unsigned as
 * `provenance.<action>[.<arch>...].intoto.json`; on GitHub, release.yml signs the artifacts with
 * actions/attest-build-provenance, whose statement has the same shape.
 */





const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** Where the outputs go: not a build parameter (it changes no byte), left out so two runs into different directories give the same statement. */
const OUTPUT_ONLY = ['output-dir'];
/** The inputs a run was given (INPUT_* as the runner sets them), less the secret ones and output-dir, values redacted. */
function actionInputs(env = process.env, secretInputs = []) {
    const secret = new Set([...secretInputs, ...OUTPUT_ONLY].map((s) => s.toLowerCase()));
    const out = {};
    for (const [k, v] of Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!k.startsWith('INPUT_') || v === undefined)
            continue;
        const name = k.slice(6).toLowerCase();
        if (!secret.has(name))
            out[name] = (0,log/* redact */.E)(v.trim());
    }
    return out;
}
/** Version of build-snaps in use: the ref the workflow pinned (GITHUB_ACTION_REF), else package.json's. */
function builderVersion(env = process.env) {
    return env.GITHUB_ACTION_REF || `v${package_namespaceObject.rE}`;
}
/** builder.id: the action and its version, as a URI. */
function builderId(action, env = process.env) {
    const repo = env.GITHUB_ACTION_REPOSITORY || env.GITHUB_REPOSITORY;
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return repo ? `${server}/${repo}/actions/${action}@${builderVersion(env)}` : `urn:build-snaps:${action}@${builderVersion(env)}`;
}
/** Collects what one run resolved: downloads, local files, toolchains and checkouts. */
class ProvenanceRecorder {
    action;
    externalParameters;
    deps = new Map();
    constructor(action, externalParameters = actionInputs()) {
        this.action = action;
        this.externalParameters = externalParameters;
    }
    add(key, d) {
        if (!this.deps.has(key))
            this.deps.set(key, d);
    }
    /** A verified download (the URL and the sha256 it was checked against). */
    download(uri, sha256, name = external_node_path_default().posix.basename(new URL(uri).pathname)) {
        this.add(`${uri} ${sha256}`, { name, uri, digest: { sha256 } });
    }
    /** An input file taken from the local disk (air-gapped mode, a prebuilt tarball). */
    localFile(file, sha256, name = external_node_path_default().basename(file)) {
        this.add(`file ${file} ${sha256}`, { name, uri: `file://${external_node_path_default().resolve(file)}`, digest: { sha256 } });
    }
    /** A tool the build ran (the Go toolchain). */
    tool(name, version, origin) {
        this.add(`tool ${name} ${version}`, {
            name,
            uri: `pkg:golang/${name === 'go' ? 'stdlib' : name}@${version.replace(/^go/, '')}`,
            ...(origin ? { annotations: { origin } } : {}),
        });
    }
    /** Another tool the build ran (charmcraft in the emulated pack): its package URL or file, digest and notes as given. */
    buildTool(d) {
        this.add(`tool ${d.name} ${d.uri ?? ''} ${d.digest?.sha256 ?? ''}`, d);
    }
    /** A source checkout: its git remote and commit when it is one, else its path. */
    async checkout(dir, name = external_node_path_default().basename(dir)) {
        const abs = external_node_path_default().resolve(dir);
        const git = async (...args) => {
            const r = await (0,exec/* run */.e)('git', ['-C', abs, ...args], { allowFailure: true }).catch(() => undefined);
            return r?.exitCode === 0 ? r.stdout.trim() : undefined;
        };
        const commit = (await (0,files/* exists */.t2)(abs)) ? await git('rev-parse', 'HEAD') : undefined;
        const remote = commit ? await git('remote', 'get-url', 'origin') : undefined;
        const uri = remote ? `git+${redactUrl(remote)}@${commit}` : `file://${abs}`;
        this.add(`checkout ${abs}`, { name, uri, ...(commit ? { digest: { gitCommit: commit } } : {}), annotations: { path: abs } });
    }
    /** Sorted, so the statement does not depend on the order parallel downloads finished in. */
    resolvedDependencies() {
        return [...this.deps.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
    }
}
/** A remote URL without credentials (https://user:token@host/... → https://host/...). */
function redactUrl(url) {
    return (0,log/* redact */.E)(url.replace(/^(\w+:\/\/)[^@/]+@/, '$1'));
}
/** The in-toto Statement v1 with an SLSA provenance v1 predicate; deterministic for the same run inputs. */
function provenanceStatement(subjects, rec, opts) {
    const env = opts.env ?? process.env;
    const invocation = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT || '1'}`
        : undefined;
    return {
        _type: STATEMENT_TYPE,
        subject: [...subjects].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ name: s.name, digest: { sha256: s.sha256 } })),
        predicateType: SLSA_PROVENANCE_V1,
        predicate: {
            buildDefinition: {
                buildType: `${builderId(rec.action, env).replace(/@[^@]*$/, '')}/buildtypes/v1`,
                externalParameters: rec.externalParameters,
                internalParameters: {
                    SOURCE_DATE_EPOCH: String(opts.epoch),
                    ...(env.GITHUB_SHA ? { GITHUB_SHA: env.GITHUB_SHA } : {}),
                    ...(env.GITHUB_WORKFLOW_REF ? { GITHUB_WORKFLOW_REF: env.GITHUB_WORKFLOW_REF } : {}),
                },
                resolvedDependencies: rec.resolvedDependencies(),
            },
            runDetails: {
                builder: { id: builderId(rec.action, env), version: { 'build-snaps': builderVersion(env) } },
                metadata: invocation ? { invocationId: invocation } : {},
            },
        },
    };
}
/** `provenance.<action>[.<part>...].intoto.json`: unique per action and arches, so actions can share a directory. */
function provenanceFileName(action, parts = []) {
    return ['provenance', action, ...parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '_'))].join('.') + '.intoto.json';
}
async function writeProvenance(outDir, parts, subjects, rec, opts) {
    const dest = external_node_path_default().join(outDir, provenanceFileName(rec.action, parts));
    await (0,files/* writeFileAtomic */.Zf)(dest, JSON.stringify(provenanceStatement(subjects, rec, opts), null, 2) + '\n');
    return dest;
}
/** Is this an in-toto Statement v1 with an SLSA provenance v1 predicate? Returns the problems (empty: yes). */
function checkStatement(doc) {
    const problems = [];
    const d = doc;
    if (!d || typeof d !== 'object')
        return ['not a JSON object'];
    if (d._type !== STATEMENT_TYPE)
        problems.push(`_type is ${JSON.stringify(d._type)}, not ${STATEMENT_TYPE}`);
    if (!Array.isArray(d.subject) || d.subject.length === 0)
        problems.push('subject is not a non-empty array');
    else
        for (const s of d.subject) {
            const digest = s?.digest;
            if (typeof s?.name !== 'string' || !digest || typeof digest !== 'object' || Object.keys(digest).length === 0)
                problems.push(`subject ${JSON.stringify(s)} needs a name and a digest`);
            else if (digest.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(String(digest.sha256)))
                problems.push(`subject ${s.name}: sha256 is not 64 lowercase hex digits`);
        }
    if (typeof d.predicateType !== 'string' || !/^[a-z][a-z0-9+.-]*:/.test(d.predicateType))
        problems.push('predicateType is not a URI');
    if (d.predicateType === SLSA_PROVENANCE_V1) {
        const p = d.predicate;
        if (typeof p?.buildDefinition?.buildType !== 'string')
            problems.push('predicate.buildDefinition.buildType is missing');
        if (typeof p?.buildDefinition?.externalParameters !== 'object')
            problems.push('predicate.buildDefinition.externalParameters is missing');
        if (typeof p?.runDetails?.builder?.id !== 'string')
            problems.push('predicate.runDetails.builder.id is missing');
    }
    return problems;
}


/***/ }),

/***/ 10285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   mu: () => (/* binding */ attestBuilt)
/* harmony export */ });
/* unused harmony exports sbomNamespaceBase, attest, attestationNote */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39273);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21562);
/* harmony import */ var _sbom_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62479);
/**
 * How a build action hands over what it built, in one place: describe the artifacts → an SBOM beside each
 * (shared/sbom.ts) → the run's provenance statement (shared/provenance.ts) → SHA256SUMS + manifest.json
 * covering all of them → the workflow artifact → the outputs `manifest`, `sboms`, `provenance` → the summary.
 * `attest` is the first half alone, for actions that report their results themselves (the resource tarballs).
 */




function sbomNamespaceBase(env = process.env) {
    return env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
        : 'https://spdx.org/spdxdocs/build-snaps';
}
/** SBOMs and the provenance statement for the artifacts; sets the outputs `sboms` and `provenance`. */
async function attest(rt, spec) {
    const t0 = performance.now();
    const entries = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFiles */ .LG)(spec.artifacts.map((a) => a.file), (f) => spec.artifacts.find((a) => a.file === f)?.arch);
    const opts = {
        epoch: spec.epoch,
        tool: `build-snaps-${spec.action}-${(0,_provenance_js__WEBPACK_IMPORTED_MODULE_2__/* .builderVersion */ .u)()}`,
        namespaceBase: sbomNamespaceBase(),
        tmpRoot: rt.tempRoot(),
        cacheDir: rt.cacheRoot(),
    };
    const sboms = [];
    for (const [i, a] of spec.artifacts.entries()) {
        const subject = { version: a.version, arch: a.arch, packageName: a.packageName, sha256: entries[i].sha256 };
        sboms.push(await (0,_sbom_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSbom */ .Tz)(a.file, subject, { ...opts, buildTools: a.buildTools }));
    }
    const provenance = await (0,_provenance_js__WEBPACK_IMPORTED_MODULE_2__/* .writeProvenance */ .fu)(spec.outDir, spec.parts, entries.map((e) => ({ name: e.name, sha256: e.sha256 })), spec.provenance, { epoch: spec.epoch });
    rt.info(`SBOMs (SPDX 2.3) and provenance (in-toto v1, SLSA v1, unsigned) for ${entries.length} artifacts in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(provenance)}`);
    rt.output('sboms', sboms);
    rt.output('provenance', provenance);
    return { entries, sboms, provenance };
}
/** The whole hand-over of a snap action: attest → manifest → artifact → outputs → summary. */
async function publish(rt, spec) {
    const attested = await attest(rt, spec);
    const manifest = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .writeManifest */ .HN)(spec.outDir, attested.entries);
    if (spec.artifactName) {
        const files = [...attested.entries.map((e) => e.file), ...attested.sboms, attested.provenance, manifest];
        rt.info(`uploaded ${attested.entries.length} artifacts with their SBOMs, provenance and SHA256SUMS to ${await rt.uploadArtifact(spec.artifactName, files, spec.outDir)}`);
    }
    rt.output('manifest', manifest);
    for (const e of attested.entries)
        rt.info(`${e.sha256}  ${e.name}`);
    rt.summary([`### ${spec.title}`, (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryTable */ .jb)(attested.entries), spec.notes ?? '', attestationNote(attested)].filter(Boolean).join('\n\n'));
    return { ...attested, manifest };
}
/** The summary line naming the SBOMs and the provenance statement. */
function attestationNote(a) {
    return `SBOMs: ${a.sboms.map((s) => `\`${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(s)}\``).join(', ')}. Provenance: \`${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(a.provenance)}\` (unsigned; release.yml signs it on GitHub). Checksums: SHA256SUMS.`;
}
/** attest for the arches of a per-arch build that succeeded (the resource tarballs); nothing when none did. */
async function attestBuilt(rt, spec) {
    const ok = spec.results.filter((r) => r.value);
    if (!ok.length)
        return undefined;
    const artifacts = ok.map((r) => ({ file: r.value, version: spec.version, arch: r.arch.debian }));
    return attest(rt, { ...spec, artifacts, parts: spec.results.map((r) => r.arch.debian) });
}


/***/ }),

/***/ 28231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ inspectSnap)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83497);
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

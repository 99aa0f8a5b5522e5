export const id = 411;
export const ids = [411];
export const modules = {

/***/ 33908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ binfmtMatches),
/* harmony export */   Gz: () => (/* binding */ elfHeaderFor),
/* harmony export */   fL: () => (/* binding */ readBinfmt),
/* harmony export */   tR: () => (/* binding */ binfmtHandler)
/* harmony export */ });
/* unused harmony exports BINFMT_DIR, parseBinfmtEntry */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The kernel's binfmt_misc handlers (docs/upstream.md#binfmt_misc): which registered handler, if any, would run
 * a foreign ELF binary when it is executed directly. docker/setup-qemu-action registers such handlers
 * (`qemu-<arch>`, interpreter inside the binfmt image, flag F) and puts no qemu on PATH, so the handlers are
 * the first way to run a target's binary on a hosted runner.
 *
 * Each entry of /proc/sys/fs/binfmt_misc (other than `register` and `status`) reads as lines:
 *   enabled|disabled, `interpreter <path>`, `flags: <letters>`, `offset <n>`, `magic <hex>`, `mask <hex>`
 * (an extension entry has `extension .<ext>` instead of magic/mask and never matches an ELF header).
 * `status` says whether binfmt_misc as a whole is enabled.
 */


const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/** Parse one entry's text; undefined for an extension entry or text that is not an entry. */
function parseBinfmtEntry(name, text) {
    const lines = text.split('\n').map((l) => l.trim());
    const field = (key) => lines
        .find((l) => l.startsWith(`${key} `) || l.startsWith(`${key}:`))
        ?.slice(key.length + 1)
        .trim();
    const magic = field('magic');
    const interpreter = field('interpreter');
    if (!magic || !interpreter || !/^[0-9a-f]+$/i.test(magic))
        return undefined;
    const mask = field('mask');
    const magicBytes = Buffer.from(magic, 'hex');
    return {
        name,
        enabled: lines[0] === 'enabled',
        interpreter,
        flags: field('flags') ?? '',
        offset: Number(field('offset') ?? '0') || 0,
        magic: magicBytes,
        // No mask line: every bit of the magic counts.
        mask: mask && /^[0-9a-f]+$/i.test(mask) ? Buffer.from(mask, 'hex') : Buffer.alloc(magicBytes.length, 0xff),
    };
}
/** Every magic entry under dir (BUILD_SNAPS_BINFMT_DIR, for tests only, else /proc's); [] when binfmt_misc is off or absent. */
function readBinfmt(dir = process.env.BUILD_SNAPS_BINFMT_DIR || BINFMT_DIR) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
    const status = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'status');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(status) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(status, 'utf8').trim() !== 'enabled')
        return [];
    const entries = [];
    for (const name of names) {
        if (name === 'register' || name === 'status')
            continue;
        try {
            const e = parseBinfmtEntry(name, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name), 'utf8'));
            if (e)
                entries.push(e);
        }
        catch {
            // an entry removed while we read, or unreadable: not a handler we can use
        }
    }
    return entries.sort((a, b) => a.name.localeCompare(b.name));
}
/** The kernel's test: header[offset+i] & mask[i] === magic[i] & mask[i] for every byte of the magic. */
function binfmtMatches(entry, header) {
    if (header.length < entry.offset + entry.magic.length)
        return false;
    for (let i = 0; i < entry.magic.length; i++) {
        const m = entry.mask[i] ?? 0xff;
        if ((header[entry.offset + i] & m) !== (entry.magic[i] & m))
            return false;
    }
    return true;
}
/**
 * A handler that can run the binary now: enabled, matching its header, and with an interpreter the kernel can
 * open (flag F: opened when registered, so it need not exist in this mount namespace; else it must exist here).
 */
function binfmtHandler(header, entries) {
    return entries.find((e) => e.enabled && binfmtMatches(e, header) && (e.flags.includes('F') || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(e.interpreter)));
}
/** The first 20 bytes of an ELF executable of arch (e_ident, e_type ET_EXEC, e_machine): what the handlers match. */
function elfHeaderFor(arch) {
    const h = Buffer.alloc(20);
    h.set([0x7f, 0x45, 0x4c, 0x46, arch.elf.bits === 64 ? 2 : 1, arch.elf.endian === 'LSB' ? 1 : 2, 1], 0);
    if (arch.elf.endian === 'LSB') {
        h.writeUInt16LE(2, 16);
        h.writeUInt16LE(arch.elf.machine, 18);
    }
    else {
        h.writeUInt16BE(2, 16);
        h.writeUInt16BE(arch.elf.machine, 18);
    }
    return h;
}


/***/ }),

/***/ 80983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ nativeFor),
/* harmony export */   HQ: () => (/* binding */ parseSmokePolicy),
/* harmony export */   hW: () => (/* binding */ ensureRunner),
/* harmony export */   hb: () => (/* binding */ smokeRun)
/* harmony export */ });
/* unused harmony exports SMOKE_POLICIES, findRunner */
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82220);
/* harmony import */ var _binfmt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33908);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83497);
/* harmony import */ var _not_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77495);
/**
 * Run a target binary once, as a smoke test: natively when the host can, else through a registered binfmt_misc
 * handler (docker/setup-qemu-action's), else under qemu-<arch>-static (or qemu-<arch>) on PATH, else, on a
 * runner, after installing qemu-user-static. Builds never run here: only the finished binary does.
 *
 * The input smoke-run (every action that smoke-runs has it) says what happens when none of these works:
 * required (the default on a runner) fails the step with one line; auto (the default elsewhere) builds on
 * with a warning; skip runs nothing. Every binary that was not run is listed in the job summary.
 */





const SMOKE_POLICIES = ['auto', 'required', 'skip'];
/** The smoke-run input: empty means required on a runner (GITHUB_ACTIONS=true), auto elsewhere. */
function parseSmokePolicy(value, onRunner = process.env.GITHUB_ACTIONS === 'true') {
    const v = value.trim().toLowerCase();
    if (v === '')
        return onRunner ? 'required' : 'auto';
    if (SMOKE_POLICIES.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`smoke-run: '${value}' is not one of ${SMOKE_POLICIES.join(', ')}; use required (fail when a binary cannot be run), auto (build on with a warning) or skip`);
}
/** Native only on a host of the same architecture (an arm64 host may run armhf, but that is not assumed). */
function nativeFor(arch) {
    try {
        return (0,_arch_js__WEBPACK_IMPORTED_MODULE_0__/* .hostArch */ .LY)() === arch;
    }
    catch {
        return false;
    }
}
/** Decide how to run a binary of arch on this host: native, a binfmt_misc handler, or qemu on PATH. Installs nothing. */
function findRunner(arch, pathEnv = process.env.PATH ?? '', binfmt = (0,_binfmt_js__WEBPACK_IMPORTED_MODULE_1__/* .readBinfmt */ .fL)()) {
    if (nativeFor(arch))
        return { kind: 'native' };
    const handler = (0,_binfmt_js__WEBPACK_IMPORTED_MODULE_1__/* .binfmtHandler */ .tR)((0,_binfmt_js__WEBPACK_IMPORTED_MODULE_1__/* .elfHeaderFor */ .Gz)(arch), binfmt);
    if (handler)
        return { kind: 'binfmt', handler: handler.name, interpreter: handler.interpreter };
    for (const name of [`${arch.qemu}-static`, arch.qemu]) {
        const found = (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .which */ .K)(name, pathEnv);
        if (found)
            return { kind: 'qemu', emulator: found };
    }
    return {
        kind: 'none',
        reason: `no enabled binfmt_misc handler matches ${arch.debian} ELF files and neither ${arch.qemu}-static nor ${arch.qemu} is on PATH`,
    };
}
let installed;
/** apt-get update, then apt-get install qemu-user-static; once per process. */
function installQemu(log) {
    installed ??= (async () => {
        const apt = (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .which */ .K)('apt-get');
        if (!apt)
            return false;
        const [cmd, ...pre] = [...(process.getuid?.() === 0 ? [] : ['sudo', '-n']), apt];
        const env = { DEBIAN_FRONTEND: 'noninteractive' };
        log('installing qemu-user-static (apt-get update, apt-get install) to smoke-run foreign binaries');
        const update = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(cmd, [...pre, 'update', '-qq'], { allowFailure: true, env });
        if (update.exitCode !== 0)
            return false;
        const inst = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(cmd, [...pre, 'install', '-y', '-qq', 'qemu-user-static'], { allowFailure: true, env });
        return inst.exitCode === 0;
    })();
    return installed;
}
/**
 * How to run arch's binaries under the policy. On a runner (GITHUB_ACTIONS=true, BUILD_SNAPS_NO_INSTALL unset)
 * a missing emulator is installed first. When nothing works: required throws one line naming the input and
 * the fix; auto and skip return kind 'none' with the reason.
 */
async function ensureRunner(arch, policy, log) {
    if (policy === 'skip')
        return { kind: 'none', reason: 'smoke-run is skip' };
    let r = findRunner(arch);
    if (r.kind === 'none' && process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL) {
        const ok = await installQemu(log);
        r = findRunner(arch);
        if (r.kind === 'none')
            r = { kind: 'none', reason: `${r.reason}${ok ? '' : '; installing qemu-user-static failed'}` };
    }
    if (r.kind === 'none' && policy === 'required') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`smoke-run: cannot run ${arch.debian} binaries here (${r.reason}); set up QEMU before this step (docker/setup-qemu-action, or install qemu-user-static), or set smoke-run: auto to build without running them`);
    }
    return r;
}
/** Run binary with args under the given runner and capture what it printed; never throws on a non-zero exit. */
async function smokeRun(binary, args, runner, env = {}, arch = '') {
    if (runner.kind === 'none') {
        (0,_not_run_js__WEBPACK_IMPORTED_MODULE_4__/* .recordNotRun */ .q)(binary, arch, runner.reason);
        return { ran: false, how: `skipped: ${runner.reason}`, exitCode: 0, output: '' };
    }
    const [program, argv, how] = runner.kind === 'native'
        ? [binary, args, 'natively']
        : runner.kind === 'binfmt'
            ? [binary, args, `through binfmt_misc ${runner.handler}`]
            : [runner.emulator, [binary, ...args], `under ${runner.emulator.split('/').pop()}`];
    const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(program, argv, { env, allowFailure: true });
    return { ran: true, how, exitCode: res.exitCode, output: (res.stdout + res.stderr).trim() };
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

/***/ 42372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T$: () => (/* binding */ RetryFailure),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dc: () => (/* binding */ envNumber)
/* harmony export */ });
/**
 * The one retry helper: a bounded number of attempts with exponential backoff (or the delay a server
 * asked for), used by the download path and the store client alike. The caller decides what is
 * transient; this module only counts, waits and says so in the log.
 */
/** A positive number from the environment, else the fallback. */
function envNumber(env, name, fallback) {
    const v = env[name];
    const n = Number(v);
    return v && Number.isFinite(n) && n > 0 ? n : fallback;
}
/** The attempts ended in failure: the last error, what the caller made of it, and how many attempts were made. */
class RetryFailure extends Error {
    last;
    verdict;
    attempts;
    constructor(last, verdict, attempts) {
        super(verdict.message);
        this.last = last;
        this.verdict = verdict;
        this.attempts = attempts;
    }
}
/** Run attempt(n) until it succeeds, the verdict says not to retry, or the attempts run out (then RetryFailure). */
async function withRetry(opts, attempt) {
    const { policy } = opts;
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (e) {
            const verdict = opts.judge(e);
            if (!verdict.retry || n >= policy.attempts)
                throw new RetryFailure(e, verdict, n);
            const delay = verdict.delayMs ?? policy.backoffMs * 2 ** (n - 1);
            opts.log(`${opts.label}: ${verdict.message}; retrying in ${Math.round(delay)} ms (attempt ${n + 1} of ${policy.attempts})`);
            await new Promise((r) => setTimeout(r, delay));
        }
    }
}


/***/ })

};

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 32635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Two kinds of failure, told apart everywhere (docs/architecture.md#ideas-that-shape-the-code):
 * a UserError is something the user can fix (bad input, missing file, upstream 404, checksum mismatch)
 * and ends the step with one clear line and no stack trace; anything else is a bug and keeps its stack.
 */
class UserError extends Error {
    name = 'UserError';
}
function isUserError(e) {
    return e instanceof UserError;
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}


/***/ }),

/***/ 61620:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ addSecret),
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
/** The redaction list every log line, error and summary passes through. */
const secrets = new Set();
function addSecret(value) {
    if (value && value.length >= 3)
        secrets.add(value);
}
function redact(text) {
    let out = text;
    for (const s of secrets)
        out = out.split(s).join('***');
    return out;
}


/***/ }),

/***/ 77495:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ notRunSummary),
/* harmony export */   q: () => (/* binding */ recordNotRun)
/* harmony export */ });
/**
 * Every binary this process built but did not smoke-run (shared/emulate.ts records them), for the job summary
 * the runtime writes when the step ends. A module of its own so that the runtime, which every step loads,
 * does not load the emulation code and the process runner behind it.
 */
const notRun = [];
function recordNotRun(binary, arch, reason) {
    notRun.push({ binary, arch, reason });
}
/** Markdown listing every binary not run (empty when all ran): the job summary's part. */
function notRunSummary() {
    if (notRun.length === 0)
        return '';
    const rows = notRun.map((n) => `| \`${n.binary.split('/').pop()}\` | ${n.arch} | ${n.reason.replaceAll('|', '\\|')} |`);
    return [
        `**Smoke runs not done: ${notRun.length} binaries were built but never run** (ELF checks still applied)`,
        '',
        '| binary | arch | why |',
        '| --- | --- | --- |',
        ...rows,
    ].join('\n');
}


/***/ }),

/***/ 90002:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I7: () => (/* binding */ sweepDeadTemps),
/* harmony export */   WJ: () => (/* binding */ checkInputPath),
/* harmony export */   bk: () => (/* binding */ checkInputPaths),
/* harmony export */   gA: () => (/* binding */ ensureWritableDir),
/* harmony export */   u8: () => (/* binding */ tempName)
/* harmony export */ });
/* unused harmony export tempOwner */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(32635);
/**
 * Path inputs, checked before any work starts, and the temporary names every writer uses.
 *
 * A path input fails in well under a second with one line naming it: missing, not a directory, not
 * writable, or on a kernel file system (/proc, /sys), where Node's recursive mkdir never returns.
 * Directories are therefore created one level at a time from the nearest existing ancestor.
 *
 * Temporary files are named `<dest>.<kind>-<pid>-<random>`, so that a run can tell the leftovers of a
 * killed run (its pid is gone) from the files of a run still going on beside it (two jobs on one
 * self-hosted runner sharing a cache) and sweep only the former.
 */




const KERNEL_FS = ['/proc', '/sys'];
/** A temporary name beside dest carrying this process's pid. */
function tempName(dest, kind = 'tmp') {
    return `${dest}.${kind}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
}
/** `<name>.tmp-<pid>[-<random>]` or `<name>.part-<pid>-<random>`: the pid of the writer, else undefined. */
function tempOwner(name) {
    const m = name.match(/\.(?:tmp|part)-(\d+)(?:-[0-9a-z]+)?$/);
    return m ? Number(m[1]) : undefined;
}
function alive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM'; // exists, owned by someone else
    }
}
/** Remove the temporary files (and directories) of dead writers in dir, depth levels down. Never fails. */
async function sweepDeadTemps(dir, depth = 0) {
    const removed = [];
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
        const p = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name);
        const pid = tempOwner(e.name);
        if (pid !== undefined && !alive(pid)) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(p, { recursive: true, force: true }).then(() => removed.push(p), () => undefined);
        }
        else if (depth > 0 && e.isDirectory()) {
            removed.push(...(await sweepDeadTemps(p, depth - 1)));
        }
    }
    return removed;
}
function under(p, roots) {
    return roots.find((r) => p === r || p.startsWith(`${r}/`));
}
/** The nearest existing ancestor of abs (abs itself when it exists), with its stat. */
async function nearestExisting(abs) {
    for (let p = abs;; p = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(p)) {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(p).catch((e) => e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e));
        if (st)
            return { at: p, isDir: st.isDirectory() };
        if (p === node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(p))
            return { at: p, isDir: true };
    }
}
async function refuseKernelFs(value, abs, existing, inputName) {
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(existing).catch(() => existing);
    const root = under(abs, KERNEL_FS) ?? under(real, KERNEL_FS);
    if (root)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${value}' is under ${root}, a kernel file system; choose a directory on disk`);
}
function failure(inputName, value, e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo)
        return e;
    const code = e.code ?? 'error';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: cannot write to '${value}' (${code}); choose a writable directory`);
}
/** Create an output directory (one level at a time) and prove it is writable, or fail naming the input. Sweeps dead writers' temporary files. */
async function ensureWritableDir(value, inputName) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(value);
    try {
        const { at, isDir } = await nearestExisting(abs);
        await refuseKernelFs(value, abs, at, inputName);
        if (!isDir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(at === abs
                ? `${inputName}: '${value}' is not a directory (a file is there); choose a directory`
                : `${inputName}: '${at}' is a file, so '${value}' cannot be a directory; choose a directory`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(at, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
        let p = at;
        for (const part of node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(at, abs).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).filter(Boolean)) {
            p = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(p, part);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(p).catch((e) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
        }
        const probe = tempName(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(abs, '.write-test'));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(probe, '');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(probe, { force: true });
    }
    catch (e) {
        throw failure(inputName, value, e);
    }
    await sweepDeadTemps(abs);
    return abs;
}
/**
 * A path input that must be an existing directory (a checkout, a binaries directory) or file; '' is
 * skipped. Refused at once: a path on /proc or /sys, one of the wrong kind, one that cannot be read. A
 * path that does not exist is left to the check that reads it, which names what belongs there.
 */
async function checkInputPath(value, inputName, kind = 'dir') {
    if (!value)
        return;
    const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(value);
    const { at } = await nearestExisting(abs).catch(() => ({ at: abs }));
    await refuseKernelFs(value, abs, at, inputName);
    if (at !== abs)
        return;
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(abs).catch(() => undefined);
    if (!st)
        return;
    if (kind === 'dir' && !st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${value}' is not a directory (it is a file); give a directory`);
    if (kind === 'file' && !st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${value}' is not a file`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(abs, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | (st.isDirectory() ? node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK : 0)).catch(() => Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${value}' cannot be read (permission denied)`)));
}
/** Check several path inputs at once: `{ 'source-dir': value, ... }` (empty values are skipped). */
async function checkInputPaths(inputs, kind = 'dir') {
    for (const [name, value] of Object.entries(inputs))
        await checkInputPath(value, name, kind);
}


/***/ }),

/***/ 42408:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export error */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The runner contract an action step speaks, written exactly as @actions/core 3 writes it: inputs from INPUT_*,
 * outputs to the GITHUB_OUTPUT file, the job summary appended to GITHUB_STEP_SUMMARY, and `::command::` lines
 * on stdout (add-mask, debug, warning, error, group). Only these few calls, and nothing else: importing
 * @actions/core also loads its OIDC client (@actions/http-client and undici) and @actions/exec, about half
 * of a small step's start-up (bench/step-start.ts), for calls no action makes. test/unit/workflow-commands.test.ts
 * holds each function to @actions/core's own output for the same call.
 */




/** A value as a command carries it (@actions/core's toCommandValue). */
function commandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
function escapeData(s) {
    return commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** `::name::message` on stdout (commands without properties: the only ones the actions issue). */
function issue(name, message = '') {
    process.stdout.write(`::${name}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
/** The input's value, whitespace trimmed ('' when unset). */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** Set a step output: the GITHUB_OUTPUT file (a heredoc with a random delimiter), else the old ::set-output. */
function setOutput(name, value) {
    const filePath = process.env.GITHUB_OUTPUT || '';
    if (filePath) {
        const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
        const converted = commandValue(value);
        if (name.includes(delimiter))
            throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
        if (converted.includes(delimiter))
            throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(filePath))
            throw new Error(`Missing file at path: ${filePath}`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, { encoding: 'utf8' });
        return;
    }
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
    process.stdout.write(`::set-output ${name ? `name=${escapeProperty(name)}` : ''}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Mask a value in the runner's log. */
function setSecret(secret) {
    issue('add-mask', secret);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
}
function debug(message) {
    issue('debug', message);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Fail the step: exit code 1 when the process ends, and the message as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Run fn inside a collapsible log group. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}
/** Append markdown and a line end to the job summary file (GITHUB_STEP_SUMMARY), which must exist. */
async function appendSummary(markdown) {
    const filePath = process.env.GITHUB_STEP_SUMMARY;
    if (!filePath)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(filePath, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(filePath, markdown + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o: () => (/* binding */ actions),
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(32635);
// EXTERNAL MODULE: ./shared/log.ts
var log = __nccwpck_require__(61620);
// EXTERNAL MODULE: ./shared/not-run.ts
var not_run = __nccwpck_require__(77495);
// EXTERNAL MODULE: ./shared/paths.ts
var shared_paths = __nccwpck_require__(90002);
// EXTERNAL MODULE: ./shared/workflow-commands.ts
var workflow_commands = __nccwpck_require__(42408);
;// CONCATENATED MODULE: ./shared/runtime.ts
/**
 * The one runtime adapter: inputs, outputs, logging, summary, cache and artifacts.
 *
 * Inputs, outputs and the summary always go through the runner contract (INPUT_*, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, written as @actions/core writes them: ./workflow-commands.ts), the only contract, on
 * GitHub and from the local CLI alike (the CLI sets the same variables). Cache and artifacts use the Actions services when the runner
 * provides them (ACTIONS_RUNTIME_TOKEN) and otherwise a local directory, said once in the log.
 */








class Runtime {
    summaryParts = [];
    saidLocal = new Set();
    /** True when the Actions cache/artifact services are reachable (a real runner). */
    onRunner = Boolean(process.env.ACTIONS_RUNTIME_TOKEN);
    input(name, opts = {}) {
        const value = workflow_commands/* getInput */.V4(name).trim();
        if (value === '') {
            if (opts.required)
                throw new errors/* UserError */.yo(`input '${name}' is required; set it in the step's with: block (or --${name} on the CLI)`);
            return opts.default ?? '';
        }
        return value;
    }
    /** A secret input: masked on the runner, redacted from every line this process writes. */
    secretInput(name) {
        const value = workflow_commands/* getInput */.V4(name).trim();
        this.secret(value);
        return value;
    }
    secret(value) {
        if (!value)
            return;
        (0,log/* addSecret */.C)(value);
        if (process.env.GITHUB_ACTIONS === 'true')
            workflow_commands/* setSecret */.Pq(value);
    }
    output(name, value) {
        workflow_commands/* setOutput */.uH(name, typeof value === 'string' ? (0,log/* redact */.E)(value) : (0,log/* redact */.E)(JSON.stringify(value)));
    }
    info(message) {
        workflow_commands/* info */.pq((0,log/* redact */.E)(message));
    }
    warning(message) {
        workflow_commands/* warning */.$e((0,log/* redact */.E)(message));
    }
    debug(message) {
        workflow_commands/* debug */.Yz((0,log/* redact */.E)(message));
    }
    async group(title, fn) {
        return workflow_commands/* group */.Os((0,log/* redact */.E)(title), fn);
    }
    /** Append markdown to the job summary (written once, when the action ends). */
    summary(markdown) {
        this.summaryParts.push(markdown);
    }
    async writeSummary() {
        if (this.summaryParts.length === 0 || !process.env.GITHUB_STEP_SUMMARY)
            return;
        await workflow_commands/* appendSummary */.fe((0,log/* redact */.E)(this.summaryParts.join('\n\n')));
        this.summaryParts.length = 0;
    }
    /** Scratch space: RUNNER_TEMP on a runner, the system temp directory elsewhere. */
    tempRoot() {
        return process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    }
    /** Where downloads and other persistent caches live: the tool cache on a runner, ~/.cache locally. */
    cacheRoot() {
        if (process.env.BUILD_SNAPS_CACHE_DIR)
            return process.env.BUILD_SNAPS_CACHE_DIR;
        if (process.env.RUNNER_TOOL_CACHE)
            return external_node_path_default().join(process.env.RUNNER_TOOL_CACHE, 'build-snaps');
        return external_node_path_default().join(process.env.XDG_CACHE_HOME || external_node_path_default().join((0,external_node_os_.homedir)(), '.cache'), 'build-snaps');
    }
    sayLocalOnce(what, where) {
        if (this.saidLocal.has(what))
            return;
        this.saidLocal.add(what);
        this.info(`No GitHub Actions ${what} service here (ACTIONS_RUNTIME_TOKEN is unset): using the local directory ${where}`);
    }
    /** Restore directories saved under key (or the newest key starting with a restore key). Never fails the step. */
    async restoreCache(paths, key, restoreKeys = []) {
        try {
            if (this.onRunner) {
                const cache = await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(88), __nccwpck_require__.e(838), __nccwpck_require__.e(110), __nccwpck_require__.e(377), __nccwpck_require__.e(39)]).then(__nccwpck_require__.bind(__nccwpck_require__, 84039));
                return await cache.restoreCache(paths, key, restoreKeys);
            }
            const root = external_node_path_default().join(this.cacheRoot(), 'actions-cache');
            this.sayLocalOnce('cache', root);
            const hit = await localCacheLookup(root, key, restoreKeys);
            if (!hit)
                return undefined;
            for (const [i, p] of paths.entries()) {
                const src = external_node_path_default().join(root, hit, String(i));
                if (await exists(src))
                    await (0,promises_.cp)(src, p, { recursive: true, force: true });
            }
            return hit;
        }
        catch (e) {
            this.warning(`cache restore failed (continuing without it): ${(0,errors/* errorMessage */.gJ)(e)}`);
            return undefined;
        }
    }
    /** Save directories under key. Never fails the step. */
    async saveCache(paths, key) {
        try {
            if (this.onRunner) {
                const cache = await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(88), __nccwpck_require__.e(838), __nccwpck_require__.e(110), __nccwpck_require__.e(377), __nccwpck_require__.e(39)]).then(__nccwpck_require__.bind(__nccwpck_require__, 84039));
                await cache.saveCache(paths, key);
                return;
            }
            const root = external_node_path_default().join(this.cacheRoot(), 'actions-cache');
            this.sayLocalOnce('cache', root);
            const dest = external_node_path_default().join(root, safeKey(key));
            const tmp = (0,shared_paths/* tempName */.u8)(dest);
            await (0,promises_.rm)(tmp, { recursive: true, force: true });
            for (const [i, p] of paths.entries()) {
                if (await exists(p))
                    await (0,promises_.cp)(p, external_node_path_default().join(tmp, String(i)), { recursive: true });
            }
            await (0,promises_.rm)(dest, { recursive: true, force: true });
            await (0,promises_.mkdir)(tmp, { recursive: true });
            await (0,promises_.rename)(tmp, dest);
        }
        catch (e) {
            this.warning(`cache save failed (continuing): ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
    /** Upload files as one workflow artifact; locally, copy them to <BUILD_SNAPS_ARTIFACT_DIR|artifacts>/<name>. */
    async uploadArtifact(name, files, rootDir) {
        if (this.onRunner) {
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(838), __nccwpck_require__.e(110), __nccwpck_require__.e(458)]).then(__nccwpck_require__.bind(__nccwpck_require__, 67458));
            const res = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir);
            return `artifact ${name} (id ${res.id ?? '?'})`;
        }
        const root = process.env.BUILD_SNAPS_ARTIFACT_DIR || 'artifacts';
        const dest = external_node_path_default().resolve(root, name);
        this.sayLocalOnce('artifact', external_node_path_default().resolve(root));
        await (0,promises_.mkdir)(dest, { recursive: true });
        for (const f of files)
            await (0,promises_.cp)(f, external_node_path_default().join(dest, external_node_path_default().relative(rootDir, f)));
        return dest;
    }
}
function safeKey(key) {
    return key.replace(/[^A-Za-z0-9._-]+/g, '_');
}
async function exists(p) {
    return (0,promises_.stat)(p).then(() => true, () => false);
}
async function localCacheLookup(root, key, restoreKeys) {
    if (await exists(external_node_path_default().join(root, safeKey(key))))
        return safeKey(key);
    const entries = await (0,promises_.readdir)(root).catch(() => []);
    for (const prefix of restoreKeys.map(safeKey)) {
        const matches = entries.filter((e) => e.startsWith(prefix) && !e.includes('.tmp-'));
        if (matches.length === 0)
            continue;
        const withTime = await Promise.all(matches.map(async (m) => ({ m, t: (await (0,promises_.stat)(external_node_path_default().join(root, m))).mtimeMs })));
        withTime.sort((a, b) => b.t - a.t);
        return withTime[0].m;
    }
    return undefined;
}
/** Where to report a bug (the repository's issue tracker). */
const BUG_REPORT_URL = 'https://github.com/cdk/build-snaps/issues';
/** The one line a bug (anything but a UserError) ends the step with; its stack goes to the debug log only. */
function bugLine(action, e) {
    const first = (0,log/* redact */.E)((0,errors/* errorMessage */.gJ)(e)).split('\n')[0];
    return `${action}: internal error: ${first}. This is a bug in build-snaps, not in your inputs; please report it at ${BUG_REPORT_URL} with this step's debug log (re-run with debug logging on)`;
}
let failed = false;
/** End the step with one ::error:: line: the message of a UserError, else the bug line (stack to core.debug). */
function fail(action, e) {
    const first = !failed;
    failed = true;
    if (!(0,errors/* isUserError */.iU)(e))
        workflow_commands/* debug */.Yz((0,log/* redact */.E)(e instanceof Error && e.stack ? e.stack : String(e)));
    const line = (0,errors/* isUserError */.iU)(e) ? (0,log/* redact */.E)(e.message) : bugLine(action, e);
    if (first)
        workflow_commands/* setFailed */.C1(line);
    process.exitCode = 1;
    return line;
}
/**
 * The last guard: an exception or rejection that escapes everything (a stray socket error, a promise
 * nobody awaited) ends the step with one line and exit code 1 instead of Node's stack trace.
 */
function installLastGuard(action) {
    const escaped = (e) => {
        fail(action, e);
        process.exit(1);
    };
    process.on('uncaughtException', escaped);
    process.on('unhandledRejection', escaped);
}
/**
 * Entry point of every action bundle: run main, end the step with one clear line and exit code 1 on
 * failure (a UserError's message, or the bug line for anything else), write the job summary either way.
 * Before main, the temporary files of killed runs are swept from the caches.
 */
async function runAction(main, action = 'build-snaps') {
    installLastGuard(action);
    const rt = new Runtime();
    try {
        const cache = rt.cacheRoot();
        await Promise.all([
            (0,shared_paths/* sweepDeadTemps */.I7)(external_node_path_default().join(cache, 'downloads'), 2),
            (0,shared_paths/* sweepDeadTemps */.I7)(external_node_path_default().join(cache, 'snaps')),
            (0,shared_paths/* sweepDeadTemps */.I7)(external_node_path_default().join(cache, 'actions-cache')),
        ]);
        await main(rt);
    }
    catch (e) {
        const line = fail(action, e);
        rt.summary(`**Failed:** ${line}`);
    }
    const notRun = (0,not_run/* notRunSummary */.n)();
    if (notRun)
        rt.summary(notRun);
    try {
        await rt.writeSummary();
    }
    catch (e) {
        workflow_commands/* warning */.$e(`could not write the job summary: ${(0,log/* redact */.E)((0,errors/* errorMessage */.gJ)(e))}`);
    }
}

;// CONCATENATED MODULE: ./actions/index.ts
/**
 * The one bundle behind every action: dist/actions/index.js. Each action's dist/<name>/index.js is a
 * two-line stub (written by scripts/build.mjs) that imports this bundle and runs its action by name, so
 * the shared library and its dependencies ship once instead of once per action. Importing this module
 * runs nothing and loads no action: each action is a dynamic import(), so the bundler emits it as its own
 * chunk (with chunks shared between actions), and a step loads only the code of the action it runs.
 */

const actions = {
    'build-cdk-addons-snap': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(770), __nccwpck_require__.e(274)]).then(__nccwpck_require__.bind(__nccwpck_require__, 97274))).main,
    'build-cnitgz': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(88), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(770), __nccwpck_require__.e(418)]).then(__nccwpck_require__.bind(__nccwpck_require__, 29418))).main,
    'build-etcd-snap': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(770), __nccwpck_require__.e(358), __nccwpck_require__.e(324)]).then(__nccwpck_require__.bind(__nccwpck_require__, 73324))).main,
    'build-flannel': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(770), __nccwpck_require__.e(358), __nccwpck_require__.e(939)]).then(__nccwpck_require__.bind(__nccwpck_require__, 92939))).main,
    'build-k8s-snaps': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(88), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(770), __nccwpck_require__.e(671)]).then(__nccwpck_require__.bind(__nccwpck_require__, 33671))).main,
    'build-snapcraft': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(663), __nccwpck_require__.e(252)]).then(__nccwpck_require__.bind(__nccwpck_require__, 46252))).main,
    'charm-attach-release': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(663), __nccwpck_require__.e(902), __nccwpck_require__.e(929)]).then(__nccwpck_require__.bind(__nccwpck_require__, 11386))).main,
    'charm-build': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(118), __nccwpck_require__.e(815), __nccwpck_require__.e(663), __nccwpck_require__.e(411), __nccwpck_require__.e(902), __nccwpck_require__.e(3)]).then(__nccwpck_require__.bind(__nccwpck_require__, 23003))).main,
    'zero-byte-snaps': async () => (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(889)]).then(__nccwpck_require__.bind(__nccwpck_require__, 31889))).main,
};
/** Run one action under the runner contract (the stubs' only call); loading its code is part of the run. */
async function run(name) {
    await runAction(async (rt) => (await actions[name]())(rt), name);
}

var __webpack_exports__actions = __webpack_exports__.o;
var __webpack_exports__run = __webpack_exports__.e;
export { __webpack_exports__actions as actions, __webpack_exports__run as run };

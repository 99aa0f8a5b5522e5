export const id = 770;
export const ids = [770];
export const modules = {

/***/ 71844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RG: () => (/* binding */ download),
/* harmony export */   Sy: () => (/* binding */ fetchText),
/* harmony export */   UC: () => (/* binding */ parseDigestFile),
/* harmony export */   bK: () => (/* binding */ downloadPolicy),
/* harmony export */   e8: () => (/* binding */ downloadWithSha256File),
/* harmony export */   lW: () => (/* binding */ digestFromSums)
/* harmony export */ });
/* unused harmony exports MAX_REDIRECTS, urlForLog, httpStatusOf, cachePath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(32635);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(78365);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(61620);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(90002);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(42372);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(42408);
/**
 * The one download path: HTTP(S) with an idle timeout, retry with backoff on 5xx/408/429/connection errors
 * (never on other 4xx), sha256 verification while streaming, and a cache keyed by URL + digest.
 * A failed download leaves no partial file and no cache entry: bytes go to a temporary name that carries
 * the writer's pid (so a later run can sweep what a killed one left, see shared/paths.ts) and are renamed
 * into place only after the digest matched.
 *
 * The HTTP client is Node's own node:http/node:https, on purpose: it ships with the runtime, every failure
 * of a request or a response is an 'error' event this module listens to, and nothing a dependency installs
 * changes it. (Node's global fetch() runs on the dispatcher stored under
 * Symbol.for('undici.globalDispatcher.1'), and the undici that @actions/http-client depends on puts its own
 * Agent there when it loads (nodejs/undici, lib/global.js); in the bundle, that copy's HTTP parser threw an
 * uncaught `assert(!this.paused)` from Parser.finish on close-delimited HTTP/1.0 bodies.)
 */














/** Defaults, overridable for slow mirrors (and by the tests) through the environment. */
function downloadPolicy(env = process.env) {
    return {
        timeoutSeconds: (0,_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .envNumber */ .dc)(env, 'BUILD_SNAPS_HTTP_TIMEOUT', 60),
        attempts: (0,_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .envNumber */ .dc)(env, 'BUILD_SNAPS_HTTP_ATTEMPTS', 4),
        backoffMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .envNumber */ .dc)(env, 'BUILD_SNAPS_HTTP_BACKOFF_MS', 1000),
        maxBytes: (0,_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .envNumber */ .dc)(env, 'BUILD_SNAPS_HTTP_MAX_MB', 2048) * 1024 * 1024,
    };
}
/** Redirects followed before a chain is called a loop (browsers and curl use 20 and 50; no mirror needs more than 2). */
const MAX_REDIRECTS = 10;
/** Small text resources (stable.txt, .sha256, SHA256SUMS) larger than this are not what they claim to be. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/** Why an attempt failed, and whether another attempt may succeed. */
class AttemptError extends Error {
    retryable;
    retryAfterMs;
    constructor(message, retryable, retryAfterMs) {
        super(message);
        this.retryable = retryable;
        this.retryAfterMs = retryAfterMs;
    }
}
/** A URL as every line shows it: without user:password@ (a --base-url may carry them; they never reach a log). */
function urlForLog(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}
async function withRetries(url, policy, log, attempt) {
    const judge = (e) => {
        const a = toAttemptError(e);
        return { retry: a.retryable, delayMs: a.retryAfterMs, message: a.message };
    };
    const shown = urlForLog(url);
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_11__/* .withRetry */ .bD)({ policy, label: shown, log, judge }, async () => {
            const ctl = new AbortController();
            let timer;
            const bump = () => {
                clearTimeout(timer);
                timer = setTimeout(() => ctl.abort(new AttemptError(`no data for ${policy.timeoutSeconds}s (timed out)`, true)), policy.timeoutSeconds * 1000);
            };
            bump();
            try {
                return await attempt(ctl.signal, bump);
            }
            catch (e) {
                throw ctl.signal.aborted ? ctl.signal.reason : e;
            }
            finally {
                clearTimeout(timer);
                ctl.abort(new AttemptError('attempt over', false)); // ends whatever of this attempt still runs (a socket, a stream)
            }
        });
    }
    catch (e) {
        if (!(e instanceof _retry_js__WEBPACK_IMPORTED_MODULE_11__/* .RetryFailure */ .T$))
            throw e;
        if (e.last instanceof _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo)
            throw e.last;
        const tries = e.verdict.retry ? ` after ${e.attempts} attempts` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`download failed: ${shown}: ${e.verdict.message}${tries}`);
    }
}
function toAttemptError(e) {
    if (e instanceof AttemptError)
        return e;
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo)
        return new AttemptError(e.message, false);
    const code = e?.code;
    const msg = (0,_errors_js__WEBPACK_IMPORTED_MODULE_13__/* .errorMessage */ .gJ)(e);
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const withCode = code && !msg.includes(code) ? `${msg} ${code}` : msg;
    // Disk trouble while writing is not the server's: say so and do not retry.
    if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' || code === 'EDQUOT')
        return new AttemptError(`cannot write the download (${withCode})`, false);
    return new AttemptError(`connection error (${withCode}${cause})`, true);
}
// Our own agents: keep-alive (a mirror serves many files), independent of http.globalAgent.
const agents = {
    'http:': new (node_http__WEBPACK_IMPORTED_MODULE_3___default().Agent)({ keepAlive: true, maxSockets: 16 }),
    'https:': new (node_https__WEBPACK_IMPORTED_MODULE_4___default().Agent)({ keepAlive: true, maxSockets: 16 }),
};
/** One GET, no redirects followed; every error of the request (and, once it is answered, of the response) rejects or is listened to. */
function get(url, signal) {
    return new Promise((resolve, reject) => {
        const mod = url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_4___default()) : (node_http__WEBPACK_IMPORTED_MODULE_3___default());
        const req = mod.get(url, {
            agent: agents[url.protocol],
            signal,
            headers: { 'user-agent': 'build-snaps', 'accept-encoding': 'identity' },
        }, (res) => {
            res.on('error', () => undefined); // the consumer's pipeline sees it too; this one only keeps an early error from escaping
            resolve(res);
        });
        req.on('error', reject); // stays attached: a socket error after the response was handed over never escapes
    });
}
const seenHosts = new Set();
/** GET url, following redirects (at most MAX_REDIRECTS, never from https to http); a non-2xx answer throws. */
async function open(url, signal) {
    let current = new URL(url);
    for (let hops = 0;; hops++) {
        if (current.protocol !== 'http:' && current.protocol !== 'https:')
            throw new AttemptError(`redirected to ${current.protocol} URL ${urlForLog(current.href)}, which is not http(s) (not retried)`, false);
        const res = await get(current, signal);
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300)
            return res;
        res.resume(); // drain, so a keep-alive socket goes back to the pool
        if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
            if (hops >= MAX_REDIRECTS)
                throw new AttemptError(`more than ${MAX_REDIRECTS} redirects (a redirect loop?) (not retried)`, false);
            const next = new URL(res.headers.location, current);
            if (current.protocol === 'https:' && next.protocol === 'http:')
                throw new AttemptError(`redirected from https to plain http (${urlForLog(next.href)}); refused (not retried)`, false);
            if (next.host !== current.host && !seenHosts.has(`${current.host}>${next.host}`)) {
                seenHosts.add(`${current.host}>${next.host}`);
                _workflow_commands_js__WEBPACK_IMPORTED_MODULE_12__/* .info */ .pq((0,_log_js__WEBPACK_IMPORTED_MODULE_9__/* .redact */ .E)(`${urlForLog(url)}: redirected to another host, ${next.host}`));
            }
            current = next;
            continue;
        }
        const line = `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`;
        if (status >= 500 || status === 429 || status === 408)
            throw new AttemptError(line, true, retryAfterMs(res.headers['retry-after']));
        throw new AttemptError(`${line} (not retried)`, false);
    }
}
/** Retry-After in seconds or as an HTTP date, capped at 30 s. */
function retryAfterMs(value) {
    if (!value)
        return undefined;
    const secs = Number(value);
    const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(value) - Date.now();
    return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 30_000) : undefined;
}
/** The declared length, refused when over the limit; NaN when the body is chunked or ends with the connection. */
function declaredLength(res, limit) {
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit)
        throw new AttemptError(`the server declares ${declared} bytes, more than the limit of ${limit} (BUILD_SNAPS_HTTP_MAX_MB) (not retried)`, false);
    return declared;
}
/** Counts, hashes and caps the bytes of a body, and bumps the idle timer on each chunk. */
function meter(limit, bump) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const t = new node_stream__WEBPACK_IMPORTED_MODULE_6__.Transform({
        transform(chunk, _enc, cb) {
            t.got += chunk.length;
            bump();
            if (t.got > limit)
                return cb(new AttemptError(`the body goes on past ${limit} bytes (BUILD_SNAPS_HTTP_MAX_MB); cut off (not retried)`, false));
            hash.update(chunk);
            cb(null, chunk);
        },
    });
    t.got = 0;
    t.hash = hash;
    return t;
}
function checkLength(got, declared) {
    if (Number.isFinite(declared) && got !== declared)
        throw new AttemptError(`truncated body: got ${got} of ${declared} bytes`, true);
}
/** The HTTP status a failed download or fetchText was answered with (a 404, a 403), undefined when there was none. */
function httpStatusOf(e) {
    const m = /: HTTP (\d{3})\b/.exec(errorMessage(e));
    return m ? Number(m[1]) : undefined;
}
/** GET a small text resource (stable.txt, a .sha256 file) with the same timeout and retry policy. */
async function fetchText(url, log, policy = downloadPolicy()) {
    const limit = Math.min(policy.maxBytes ?? MAX_TEXT_BYTES, MAX_TEXT_BYTES);
    return withRetries(url, policy, log, async (signal, bump) => {
        const res = await open(url, signal);
        const declared = declaredLength(res, limit);
        const chunks = [];
        const m = meter(limit, bump);
        m.on('data', (c) => chunks.push(c));
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.pipeline)(res, m);
        checkLength(m.got, declared);
        return Buffer.concat(chunks).toString('utf8').trim();
    });
}
/** The first hex digest of a .sha256/.sha512 file ("<hex>" or "<hex>  <name>"). */
function parseDigestFile(text, algorithm, url) {
    const len = algorithm === 'sha256' ? 64 : 128;
    const m = text.trim().match(new RegExp(`^([0-9a-fA-F]{${len}})(\\s|$)`));
    if (m)
        return m[1].toLowerCase();
    if (/^\s*</.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${urlForLog(url)}: an HTML page, not a ${algorithm} digest file (a login, proxy or error page?); check the base URL`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${urlForLog(url)}: not a ${algorithm} digest file (expected ${len} hex digits)`);
}
function cachePath(cacheDir, url, sha256) {
    const urlKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(url).digest('hex').slice(0, 32);
    return node_path__WEBPACK_IMPORTED_MODULE_5___default().join(cacheDir, 'downloads', urlKey, sha256, node_path__WEBPACK_IMPORTED_MODULE_5___default().basename(new URL(url).pathname) || 'file');
}
/** Copy src to dest through a temporary name, hashing on the way; the sha256 of what was copied. */
async function copyHashed(src, dest) {
    const tmp = (0,_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .tempName */ .u8)(dest);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(src), new node_stream__WEBPACK_IMPORTED_MODULE_6__.Transform({ transform: (c, _e, cb) => (hash.update(c), cb(null, c)) }), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(tmp));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, dest);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
    }
    return hash.digest('hex');
}
/** A verified cache entry copied to dest, or undefined (absent, or damaged: then it is dropped). */
async function fromCache(cached, dest, expected, log) {
    await (0,_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .sweepDeadTemps */ .I7)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(cached));
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(cached).catch(() => undefined);
    if (!st?.isFile())
        return undefined;
    if ((await copyHashed(cached, dest)) === expected)
        return st.size;
    log(`${cached}: cache entry does not match its sha256; dropped, downloading again`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(cached, { force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { force: true });
    return undefined;
}
/** Download url to dest, verified against sha256, through the cache when one is given. */
async function download(url, dest, opts) {
    const expected = opts.sha256.toLowerCase();
    const policy = opts.policy ?? downloadPolicy();
    const limit = policy.maxBytes ?? downloadPolicy().maxBytes;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(dest), { recursive: true });
    const cached = opts.cacheDir ? cachePath(opts.cacheDir, url, expected) : undefined;
    if (cached) {
        const size = await fromCache(cached, dest, expected, opts.log);
        if (size !== undefined)
            return { path: dest, sha256: expected, size, cached: true };
    }
    const tmp = (0,_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .tempName */ .u8)(dest, 'part');
    let closeRetried = false;
    try {
        const size = await withRetries(url, policy, opts.log, async (signal, bump) => {
            const res = await open(url, signal);
            const declared = declaredLength(res, limit);
            const closeDelimited = !Number.isFinite(declared) && !/chunked/i.test(String(res.headers['transfer-encoding'] ?? ''));
            const m = meter(limit, bump);
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_7__.pipeline)(res, m, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(tmp));
            checkLength(m.got, declared);
            const digest = m.hash.digest('hex');
            if (digest !== expected) {
                // A body that ends when the connection closes cannot tell a cut-off from the end: try it once more.
                if (closeDelimited && !closeRetried) {
                    closeRetried = true;
                    throw new AttemptError(`sha256 mismatch on a body ended by the connection closing (${m.got} bytes; cut off?)`, true);
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`checksum mismatch: ${urlForLog(url)}: sha256 is ${digest}, expected ${expected}; the file or its .sha256 is wrong upstream (nothing was kept or cached)`);
            }
            return m.got;
        });
        if (cached) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(cached), { recursive: true });
            await (0,_files_js__WEBPACK_IMPORTED_MODULE_8__/* .copyAtomic */ .nB)(tmp, cached);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, dest);
        return { path: dest, sha256: expected, size, cached: false };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
    }
}
/** Download url after reading its digest from `<url>.sha256` (the dl.k8s.io and GitHub releases layout). */
async function downloadWithSha256File(url, dest, opts) {
    const digestUrl = `${url}.sha256`;
    const sha256 = parseDigestFile(await fetchText(digestUrl, opts.log, opts.policy), 'sha256', digestUrl);
    return download(url, dest, { ...opts, sha256 });
}
/** The sha256 of `fileName` in a SHA256SUMS listing (`<hex>  <name>` or `<hex> *<name>` lines). */
function digestFromSums(text, fileName, url) {
    for (const line of text.split(/\r?\n/)) {
        const m = line.trim().match(/^([0-9a-fA-F]{64})\s+\*?(?:\.\/)?(\S+)$/);
        if (m && m[2] === fileName)
            return m[1].toLowerCase();
    }
    if (/^\s*</.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${urlForLog(url)}: an HTML page, not a SHA256SUMS listing (a login, proxy or error page?); check the base URL`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${urlForLog(url)} lists no sha256 for ${fileName}; check the version and architecture`);
}


/***/ }),

/***/ 98650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ smokeRunner),
/* harmony export */   b: () => (/* binding */ verifyBinaries)
/* harmony export */ });
/* harmony import */ var _elf_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87563);
/* harmony import */ var _emulate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80983);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54377);




/** Check the ELF arch of every ELF file and smoke-run the chosen ones; returns what was checked. */
async function verifyBinaries(files, arch, runner, smoke, label) {
    const lines = [];
    let binaries = 0;
    for (const f of files) {
        const elf = await (0,_elf_js__WEBPACK_IMPORTED_MODULE_0__/* .readElfHeader */ .x9)(f.path);
        if (!elf)
            continue;
        binaries++;
        const spec = smoke[f.name];
        if (spec)
            lines.push(`${f.name}: ${(await (0,_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyBinary */ .X)(f.path, `${label}: ${f.name}`, arch, runner, spec)).join('; ')}`);
        else
            await (0,_elf_js__WEBPACK_IMPORTED_MODULE_0__/* .assertElfArch */ .as)(f.path, arch, `${label}: ${f.name}`);
    }
    if (binaries === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${label}: no binaries found (${files.map((f) => f.name).join(', ') || 'nothing'}); the build produced nothing to pack`);
    lines.unshift(`${binaries} binaries, each ELF ${arch.debian}`);
    return lines;
}
/**
 * How to run a target's binaries under the input smoke-run (shared/emulate.ts): fails the step with one line
 * when they cannot be run and smoke-run is required; warns when they will not be run.
 */
async function smokeRunner(rt, arch) {
    const runner = await (0,_emulate_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureRunner */ .hW)(arch, (0,_emulate_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSmokePolicy */ .HQ)(rt.input('smoke-run')), (m) => rt.info(m));
    if (runner.kind === 'none')
        rt.warning(`smoke runs skipped for ${arch.debian}: ${runner.reason}; ELF checks still apply`);
    return runner;
}


/***/ }),

/***/ 54377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ verifyBinary)
/* harmony export */ });
/* harmony import */ var _elf_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87563);
/* harmony import */ var _emulate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80983);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);



/** Check file's ELF arch and smoke-run it; returns short lines saying what was checked. */
async function verifyBinary(file, label, arch, runner, smoke) {
    await (0,_elf_js__WEBPACK_IMPORTED_MODULE_0__/* .assertElfArch */ .as)(file, arch, label);
    const done = [`ELF ${arch.debian}`];
    const res = await (0,_emulate_js__WEBPACK_IMPORTED_MODULE_1__/* .smokeRun */ .hb)(file, smoke.args, runner, smoke.env, arch.debian);
    if (!res.ran)
        return [...done, `smoke run ${res.how}`];
    const said = res.output.split('\n').slice(-2).join(' | ').slice(0, 200);
    if (res.exitCode !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${label}: smoke run \`${smoke.args.join(' ')}\` ${res.how} failed for ${arch.debian} (exit ${res.exitCode})${said ? `: ${said}` : ''}`);
    }
    if (smoke.expect && !res.output.includes(smoke.expect)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${label}: smoke run \`${smoke.args.join(' ')}\` ${res.how} printed '${res.output.split('\n')[0].slice(0, 120)}', expected it to mention ${smoke.expect}`);
    }
    return [...done, `ran ${res.how}: ${res.output.split('\n')[0].slice(0, 80)}`];
}


/***/ }),

/***/ 84402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dq: () => (/* binding */ goSemver),
/* harmony export */   ED: () => (/* binding */ parseTag),
/* harmony export */   X_: () => (/* binding */ compareGoVersions),
/* harmony export */   Yn: () => (/* binding */ goVersionNumber),
/* harmony export */   aH: () => (/* binding */ cleanVersion),
/* harmony export */   tQ: () => (/* binding */ stripV)
/* harmony export */ });
/* unused harmony export isPrerelease */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/**
 * Versions and release tags, on semver (npm/node-semver): one parser for every tag an input, a checkout or a
 * marker file gives (Kubernetes, etcd, flannel, CNI plugins), one way to drop the leading v, and Go's own
 * release spelling (1.21, 1.21.5, 1.21rc2) mapped onto semver the way actions/setup-go does, for the tool cache
 * and for comparisons.
 */


/** '1.2.3' from 'v1.2.3' or '1.2.3' (pre-releases kept: '1.2.3-rc.0'); undefined when not a semantic version. */
function cleanVersion(value) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().valid(value.trim()) ?? undefined;
}
/** A release tag from an input ('v1.2.3' or '1.2.3'); anything else is a UserError naming the input and an example. */
function parseTag(value, inputName, example, what = 'a release tag') {
    const version = cleanVersion(value);
    if (!version)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${inputName}: '${value}' is not ${what}; use e.g. ${example}`);
    return { tag: `v${version}`, version };
}
/** The version without its leading v; text that is not a semantic version is returned as given. */
function stripV(value) {
    return cleanVersion(value) ?? value.trim();
}
/** Whether a version is a pre-release (1.31.0-rc.1, 3.5.0-alpha.0). */
function isPrerelease(value) {
    return (semver.prerelease(stripV(value))?.length ?? 0) > 0;
}
// ---------------------------------------------------------------- Go releases
const GO_RELEASE = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;
/**
 * A Go release as semver, as setup-go keys the tool cache: '1.21.5' → '1.21.5', '1.20' → '1.20.0',
 * '1.21rc2' → '1.21.0-rc.2', 'go1.9' → '1.9.0'; undefined when the text is not a Go release.
 */
function goSemver(value) {
    const m = value.trim().match(GO_RELEASE);
    if (!m)
        return undefined;
    const [, major, minor, patch, pre, n] = m;
    return `${major}.${minor}.${patch ?? 0}${pre ? `-${pre}.${n}` : ''}`;
}
/** Compare two Go versions (go.mod's `go 1.21`, `go env GOVERSION`'s go1.21.3), by their release numbers. */
function compareGoVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(a) ?? '0.0.0', semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(b) ?? '0.0.0');
}
/** The release numbers of a Go version as `go env GOVERSION` or `go version` prints it; undefined when there are none. */
function goVersionNumber(value) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(value)?.version;
}


/***/ })

};

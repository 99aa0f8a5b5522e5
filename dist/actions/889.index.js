export const id = 889;
export const ids = [889];
export const modules = {

/***/ 31889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32635);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78365);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18573);
/* harmony import */ var _shared_charm_metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(173);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90002);
/**
 * zero-byte-snaps: an empty `<resource>.snap` per snap resource of a charm. The charm treats a zero-byte
 * snap resource as absent and installs the snap from the store instead (docs/upstream.md#zero-byte-snap-placeholder).
 */






async function main(rt) {
    await (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .checkInputPaths */ .bk)({ charm: rt.input('charm') }, 'any');
    const charm = await (0,_shared_charm_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .loadCharm */ ._0)(rt.input('charm', { required: true }));
    const wanted = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .splitList */ .ry)(rt.input('resources'));
    const declaredSnaps = (0,_shared_charm_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .snapResources */ .yb)(charm);
    let names;
    if (wanted.length > 0) {
        for (const n of wanted) {
            const r = charm.resources.find((x) => x.name === n);
            if (!r)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`resources: charm ${charm.name} declares no resource '${n}'; its resources are ${charm.resources.map((x) => x.name).join(', ') || '(none)'}`);
            if (r.type !== 'file')
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`resources: '${n}' is an ${r.type} resource, not a file; drop it from resources`);
        }
        names = wanted;
    }
    else {
        names = declaredSnaps.map((r) => r.name);
        if (names.length === 0)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`charm: ${charm.name} declares no file resource ending in .snap (${charm.sources.join(', ')}); name them in the resources input`);
    }
    const outDir = await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_1__/* .ensureWritableDir */ .gA)(rt.input('output-dir', { default: 'zero-byte-snaps' }), 'output-dir');
    const files = {};
    for (const n of names) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(outDir, `${n}.snap`);
        await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Zf)(file, '');
        files[n] = file;
    }
    const lines = Object.entries(files).map(([n, f]) => `${n}=${f}`);
    rt.info(`charm ${charm.name}: ${names.length} zero-byte snap resources (installed from the store at deploy time):`);
    for (const l of lines)
        rt.info(`  ${l}`);
    rt.output('files', files);
    rt.output('resources', lines.join('\n'));
    rt.summary(`### Zero-byte snap resources for ${charm.name}\n\n${names.map((n) => `- \`${n}\` → \`${files[n]}\` (0 bytes)`).join('\n')}`);
}


/***/ }),

/***/ 173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _0: () => (/* binding */ loadCharm),
/* harmony export */   gM: () => (/* binding */ readYaml),
/* harmony export */   px: () => (/* binding */ isCharmName),
/* harmony export */   yb: () => (/* binding */ snapResources)
/* harmony export */ });
/* unused harmony export charmDir */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);
/** Read a charm's identity and resources from metadata.yaml and/or charmcraft.yaml. */




const CHARM_NAME_RE = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/;
const RESOURCE_NAME_RE = /^[a-z][a-z0-9-]*$/;
/** A charm directory's YAML file as a mapping: undefined when absent, {} when empty; one UserError line when it is not a YAML mapping. */
async function readYaml(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text);
        if (doc === null || doc === undefined)
            return {};
        if (typeof doc !== 'object' || Array.isArray(doc))
            throw new Error('not a mapping');
        return doc;
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); fix the file`);
    }
}
/** Resolve a charm input (a directory, or the path of its metadata.yaml / charmcraft.yaml) to its directory. */
async function charmDir(input, inputName = 'charm') {
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(input).catch(() => undefined);
    if (!st)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${input}' does not exist; give a charm directory or its metadata.yaml / charmcraft.yaml`);
    if (st.isDirectory())
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(input);
    const base = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(input);
    if (base === 'metadata.yaml' || base === 'charmcraft.yaml')
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(input));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: '${input}' is neither a directory nor a metadata.yaml / charmcraft.yaml`);
}
async function loadCharm(input, inputName = 'charm') {
    const dir = await charmDir(input, inputName);
    const metaFile = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'metadata.yaml');
    const ccFile = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'charmcraft.yaml');
    const meta = await readYaml(metaFile);
    const cc = await readYaml(ccFile);
    if (!meta && !cc)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${inputName}: no metadata.yaml or charmcraft.yaml in ${dir}`);
    const name = (meta?.name ?? cc?.name);
    const where = meta?.name ? metaFile : ccFile;
    if (typeof name !== 'string' || !CHARM_NAME_RE.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${where}: charm name ${JSON.stringify(name)} is missing or invalid; use lower-case letters, digits and hyphens, starting with a letter`);
    }
    const raw = (meta?.resources ?? cc?.resources ?? {});
    const resFile = meta?.resources ? metaFile : ccFile;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${resFile}: resources must be a mapping of name to definition`);
    const resources = [];
    for (const [rname, def] of Object.entries(raw)) {
        if (!RESOURCE_NAME_RE.test(rname))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${resFile}: resource name '${rname}' is invalid; use lower-case letters, digits and hyphens`);
        if (typeof def !== 'object' || def === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${resFile}: resource '${rname}' must be a mapping with a type`);
        const d = def;
        const type = d.type ?? 'file';
        if (type !== 'file' && type !== 'oci-image')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${resFile}: resource '${rname}' has type '${String(type)}'; use file or oci-image`);
        if (type === 'file' && (typeof d.filename !== 'string' || d.filename === '' || d.filename.includes('/'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${resFile}: file resource '${rname}' needs a filename without '/'`);
        }
        resources.push({
            name: rname,
            type,
            ...(typeof d.filename === 'string' ? { filename: d.filename } : {}),
            ...(typeof d.description === 'string' ? { description: d.description.trim() } : {}),
        });
    }
    const endpoints = {};
    for (const role of ['provides', 'requires', 'peers']) {
        const defs = meta?.[role] ?? cc?.[role];
        for (const [ep, def] of Object.entries(typeof defs === 'object' && defs !== null ? defs : {}))
            endpoints[ep] = {
                role,
                interface: String((typeof def === 'object' && def !== null ? def.interface : def) ?? ''),
            };
    }
    const config = ((await readYaml(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'config.yaml'))) ?? cc?.config);
    const channelDefault = config?.options?.channel?.default;
    return {
        name,
        dir,
        ...(typeof channelDefault === 'string' ? { channelDefault } : {}),
        sources: [meta ? metaFile : undefined, cc ? ccFile : undefined].filter((x) => !!x),
        resources,
        subordinate: (meta?.subordinate ?? cc?.subordinate) === true,
        endpoints,
    };
}
/** File resources whose filename ends in .snap. */
function snapResources(meta) {
    return meta.resources.filter((r) => r.type === 'file' && r.filename?.endsWith('.snap'));
}
/** A valid charm name: lower-case letters, digits and hyphens, starting with a letter. */
function isCharmName(name) {
    return CHARM_NAME_RE.test(name);
}


/***/ }),

/***/ 78365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cc: () => (/* binding */ withScratchDir),
/* harmony export */   Kx: () => (/* binding */ produceAtomic),
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   gA: () => (/* reexport safe */ _paths_js__WEBPACK_IMPORTED_MODULE_5__.gA),
/* harmony export */   nB: () => (/* binding */ copyAtomic),
/* harmony export */   t2: () => (/* binding */ exists)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90002);
/** Small file helpers every module shares: atomic writes, hashing, existence. */






const tmpName = (dest) => (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .tempName */ .u8)(dest);
/** Copy src to dest through a temporary name, so dest is either absent or whole. */
async function copyAtomic(src, dest) {
    const tmp = tmpName(dest);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(src, tmp);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, dest);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
    }
}
/** Write data to dest through a temporary name. */
async function writeFileAtomic(dest, data, mode = 0o644) {
    const tmp = tmpName(dest);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(tmp, data, { mode });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, dest);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
    }
}
/** Run produce(tmp) and rename tmp to dest only when it succeeds. */
async function produceAtomic(dest, produce) {
    const tmp = tmpName(dest);
    try {
        await produce(tmp);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, dest);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true, recursive: true });
    }
}
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file), hash);
    return hash.digest('hex');
}
async function exists(p) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(p).then(() => true, () => false);
}
/** Output directories are checked in shared/paths.ts (the one path-input helper). */

/** Run fn in a fresh scratch directory under parent (created), removed afterwards whatever fn does. */
async function withScratchDir(parent, prefix, fn) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(parent, { recursive: true });
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(parent, prefix));
    try {
        return await fn(dir);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 18573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ parseKeyValueLines),
/* harmony export */   Ly: () => (/* binding */ expandTemplate),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   q6: () => (/* binding */ parseBool),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/** Pure parsers for action inputs; each error names the input and the fix. */

/** Split an input list on spaces, commas and newlines, dropping empties. */
function splitList(value) {
    return value
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
/** Non-empty, non-comment lines of a multi-line input. */
function splitLines(value) {
    return value
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
}
function parseBool(value, inputName, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: '${value}' is not a boolean; use true or false`);
}
/** `KEY=value` lines (e.g. build-env); a line without '=' is an error naming the input. */
function parseKeyValueLines(value, inputName) {
    return splitLines(value).map((line) => {
        const i = line.indexOf('=');
        if (i <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: '${line}' is not a KEY=value line`);
        return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
    });
}
/** Expand `{name}` placeholders; an unknown placeholder is an error naming the input. */
function expandTemplate(template, values, inputName) {
    return template.replace(/\{([a-z0-9-]+)\}/g, (_m, key) => {
        if (!(key in values)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: unknown placeholder {${key}} in '${template}'; use ${Object.keys(values)
                .map((k) => `{${k}}`)
                .join(', ')}`);
        }
        return values[key];
    });
}
/** An http(s) URL input (a download root); the error names the input and an example. */
function parseHttpUrl(value, inputName, example) {
    if (!/^https?:\/\/[^/\s]+\S*$/.test(value.trim()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: '${value}' is not an http(s) URL; use e.g. ${example}`);
    return value.trim();
}


/***/ })

};

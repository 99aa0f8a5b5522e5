export const id = 902;
export const ids = [902];
export const modules = {

/***/ 25902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XC: () => (/* binding */ checkPackedCharms),
/* harmony export */   lN: () => (/* binding */ checkGivenCharmArch)
/* harmony export */ });
/* unused harmony exports inspectPackedCharm, elfProblem, basesProblem, checkCharmArch, givenCharmArchProblem */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82220);
/* harmony import */ var _elf_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87563);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(32635);
/* harmony import */ var _sbom_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62479);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(173);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18003);
/* harmony import */ var _routes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(72658);
/**
 * Every packed charm checked for its arch (docs/release.md#every-charm-is-checked-for-its-arch). No charm tool does
 * this, and a charm can carry machine code: charmcraft 2.x's `charm` plugin builds every Python dependency from
 * source on the build machine (`pip --no-binary :all:`), so a charm packed on the wrong host, or packed on amd64
 * and renamed, ships the wrong machine code to its units. Two checks, each refused in one line naming the .charm:
 *
 * - every ELF file inside is for the arch the charm runs on (e_machine, class, byte order, compared with the arch
 *   table's `elf` field through shared/elf.ts). A charm that runs on several arches, or on `all`, can hold no
 *   machine code that is right for all of them: one that carries any is refused;
 * - (charm-build) its manifest.yaml `bases` are exactly the run-on of the entry it was packed for.
 *
 * The .charm is unpacked with the real unzip into scratch (shared/sbom.ts withUnpackedArtifact, removed on every
 * path). charm-build checks each charm it packed before it is published (and deletes them all when one is
 * refused); charm-attach-release checks every .charm against its own manifest.yaml before anything is uploaded.
 */









/** Every regular file under root that is ELF (symlinks are not followed), sorted by path. */
async function elfFilesUnder(root) {
    const out = [];
    for (const rel of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(root, { recursive: true })).sort()) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel);
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(abs)).isFile())
            continue;
        const header = await (0,_elf_js__WEBPACK_IMPORTED_MODULE_3__/* .readElfHeader */ .x9)(abs);
        if (header)
            out.push({ path: rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/'), header });
    }
    return out;
}
/** Unpack a .charm (real unzip, scratch under tmpRoot, removed on every path) and read its manifest bases and ELF files. */
async function inspectPackedCharm(file, tmpRoot, inputName = 'charm') {
    return (0,_sbom_js__WEBPACK_IMPORTED_MODULE_4__/* .withUnpackedArtifact */ .GQ)(file, tmpRoot, async (root) => {
        const manifest = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, 'manifest.yaml'), 'utf8').catch(() => undefined);
        const bases = manifest === undefined
            ? undefined
            : (0,_release_js__WEBPACK_IMPORTED_MODULE_6__/* .manifestBases */ .Yi)(manifest, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file), inputName).map((b) => ({ name: b.name, channel: b.channel, arch: b.architecture }));
        return { ...(bases ? { bases } : {}), elf: await elfFilesUnder(root) };
    });
}
const showBase = (b) => `${b.name} ${b.channel} ${b.arch}`;
const baseKeys = (bs) => [...new Set(bs.map(showBase))].sort();
const article = (arch) => (/^[aeios]/.test(arch) ? 'an' : 'a');
/**
 * The one-line refusal when the ELF files do not fit the arches of runOn, else undefined (pure). `what` is how
 * the fix names what to pack again: "this entry" (charm-build) or "it" (a charm given to charm-attach-release).
 */
function elfProblem(charm, runOn, elf, what = 'this entry') {
    if (elf.length === 0)
        return undefined;
    const first = elf[0];
    const arches = [...new Set(runOn.map((b) => b.arch))];
    const carries = `${first.path} is machine code for ${(0,_elf_js__WEBPACK_IMPORTED_MODULE_3__/* .describeElf */ .Rg)(first.header)}${elf.length > 1 ? ` (and ${elf.length - 1} more ELF file${elf.length > 2 ? 's' : ''})` : ''}`;
    if (arches.length === 0)
        return `${charm}: ${carries}, but its manifest.yaml names no bases, so nothing says which arch it is for; pack it with charmcraft, one bases entry per arch`;
    if (arches.includes('all'))
        return `${charm}: runs on arch all, but ${carries}; a charm for every arch can hold no machine code: give it one bases entry per arch and pack each on its arch`;
    if (arches.length > 1)
        return `${charm}: runs on ${arches.join(', ')}, but ${carries}; one .charm cannot hold the right machine code for several arches: give each arch its own bases entry and pack each on its arch`;
    const want = _arch_js__WEBPACK_IMPORTED_MODULE_2__/* .ARCHES */ .Pr.find((a) => a.debian === arches[0]);
    if (!want)
        return `${charm}: runs on '${arches[0]}', which is no arch of ${_arch_js__WEBPACK_IMPORTED_MODULE_2__/* .ARCHES */ .Pr.map((a) => a.debian).join(', ')}, but ${carries}; fix its bases`;
    const fits = (h) => h.machine === want.elf.machine && h.bits === want.elf.bits && h.endian === want.elf.endian;
    const bad = elf.filter((f) => !fits(f.header));
    if (bad.length === 0)
        return undefined;
    const found = (0,_arch_js__WEBPACK_IMPORTED_MODULE_2__/* .archFromElf */ .YE)(bad[0].header.machine, bad[0].header.bits, bad[0].header.endian);
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more file${bad.length > 2 ? 's' : ''} not built for ${want.debian})` : '';
    return (`${charm}: ${bad[0].path} is built for ${(0,_elf_js__WEBPACK_IMPORTED_MODULE_3__/* .describeElf */ .Rg)(bad[0].header)}, not ${want.debian}${more}; ` +
        `pack ${what} on ${article(want.debian)} ${want.debian} host or under emulation (it carries machine code)${found ? `, never on ${found.debian}` : ''}`);
}
/**
 * The one-line refusal when manifest.yaml's bases are not the entry's run-on (order-insensitive), else undefined
 * (pure). The entry is a BuildEntry (named in the fix), or just its run-on bases.
 */
function basesProblem(charm, bases, entry) {
    const runOn = Array.isArray(entry) ? entry : entry.runOn;
    const want = baseKeys(runOn);
    const got = baseKeys(bases ?? []);
    if (bases !== undefined && want.length === got.length && want.every((k, i) => k === got[i]))
        return undefined;
    const what = bases === undefined
        ? 'has no manifest.yaml'
        : got.length
            ? `has manifest.yaml bases ${got.join(', ')}`
            : 'has a manifest.yaml that names no bases';
    if (Array.isArray(entry))
        return `${charm}: ${what}, but the entry it was packed for runs on ${want.join(', ')}; it was not packed for that entry: pack that entry again on a host of its build-on`;
    const sel = (0,_routes_js__WEBPACK_IMPORTED_MODULE_7__/* .showSelect */ .YV)(entry);
    return `${charm}: ${what}, but it was packed for ${sel}, which runs on ${want.join(', ')}; it was not packed for that entry: pack ${sel} again on a host of its build-on (${entry.buildOn.map(showBase).join(' or ')})`;
}
/**
 * Check a packed .charm against the entry it was packed for (a BuildEntry, or just its run-on bases):
 * manifest.yaml's bases are the entry's run-on, and every ELF file inside is for its arch. Throws a one-line
 * UserError naming the charm file, the file inside and its arch.
 */
async function checkCharmArch(file, entry, tmpRoot) {
    refuseUnfit(file, await inspectPackedCharm(file, tmpRoot), entry);
}
/** How a charm that passed reads in the log. */
function fitLine(packed) {
    const n = packed.elf.length;
    return n === 0 ? 'no machine code' : `${n} ELF file${n === 1 ? '' : 's'}, all ${(0,_elf_js__WEBPACK_IMPORTED_MODULE_3__/* .describeElf */ .Rg)(packed.elf[0].header)}`;
}
function refuseUnfit(file, packed, entry) {
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file);
    const problem = basesProblem(name, packed.bases, entry) ?? elfProblem(name, Array.isArray(entry) ? entry : entry.runOn, packed.elf);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(problem);
}
/**
 * The one-line problem of a prebuilt or given .charm, else undefined: its ELF files are for the arch its
 * manifest.yaml bases name (the only statement of what it runs on). `label` names it (default: its file name).
 */
async function givenCharmArchProblem(file, tmpRoot, label = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)) {
    const packed = await inspectPackedCharm(file, tmpRoot, label);
    return elfProblem(label, packed.bases ?? [], packed.elf, 'it');
}
/** charm-attach-release, before anything is uploaded: givenCharmArchProblem as a one-line UserError. */
async function checkGivenCharmArch(file, tmpRoot, inputName = 'charm') {
    const problem = await givenCharmArchProblem(file, tmpRoot, `${inputName}: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}`);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(problem);
}
/** The entry a packed charm was packed for: the selected one, else the one whose run-on its manifest names. */
function entryOf(file, entries, src, bases) {
    const name = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file);
    if (src.builder === 'charm')
        return entries[0];
    if (src.basesIndex || src.platform) {
        const e = entries.find((x) => src.basesIndex
            ? x.select.kind === 'bases-index' && x.select.index === Number(src.basesIndex)
            : x.select.kind === 'platform' && x.select.name === src.platform);
        if (!e)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${name}: ${src.name}/charmcraft.yaml has no ${src.basesIndex ? `bases[${src.basesIndex}]` : `platforms.${src.platform}`}, so what it should run on is unknown; fix bases-index / platform`);
        return e;
    }
    const got = baseKeys(bases ?? []).join(', ');
    const e = entries.find((x) => baseKeys(x.runOn).join(', ') === got);
    if (!e)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${name}: ${bases?.length ? `manifest.yaml bases ${got} are` : 'manifest.yaml names no bases, which is'} the run-on of no entry of ${src.name}/charmcraft.yaml (${entries.map((x) => `${(0,_routes_js__WEBPACK_IMPORTED_MODULE_7__/* .showSelect */ .YV)(x)}: ${baseKeys(x.runOn).join(', ')}`).join('; ')}); pack one entry per job (bases-index or platform)`);
    return e;
}
/**
 * charm-build, after the pack and before publishing: check every .charm it packed against its entry (from the
 * source's charmcraft.yaml bases/platforms, or the charm-tools build's series and arches). When one is refused,
 * every charm of this pack is deleted (nothing half-made stays in output-dir) and the one line is thrown.
 */
async function checkPackedCharms(charms, src, tmpRoot, log = () => { }) {
    try {
        const cc = await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_5__/* .readYaml */ .gM)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(src.dir, 'charmcraft.yaml'));
        const md = await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_5__/* .readYaml */ .gM)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(src.dir, 'metadata.yaml'));
        // A platform built for `all` stays `all` here, as charmcraft writes it in manifest.yaml.
        const entries = (0,_routes_js__WEBPACK_IMPORTED_MODULE_7__/* .charmEntries */ .So)(src.name, cc, md, src.builder, src.builder === 'charm' ? src.arches : ['all']);
        for (const file of charms) {
            const packed = await inspectPackedCharm(file, tmpRoot);
            const entry = entryOf(file, entries, src, packed.bases);
            refuseUnfit(file, packed, entry);
            log(`arch check: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)} is ${(0,_routes_js__WEBPACK_IMPORTED_MODULE_7__/* .showSelect */ .YV)(entry)} (runs on ${baseKeys(entry.runOn).join(', ')}): ${fitLine(packed)}`);
        }
    }
    catch (e) {
        await Promise.all(charms.map((c) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(c, { force: true })));
        throw e;
    }
}


/***/ }),

/***/ 22488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ CHARMCRAFT_2_7_6_REQUIREMENTS),
/* harmony export */   l1: () => (/* binding */ CONSTRAINTS_LEFT_TO_APT),
/* harmony export */   tn: () => (/* binding */ CHARMCRAFT_CONSTRAINTS_SOURCE),
/* harmony export */   un: () => (/* binding */ CHARMCRAFT_FOR_TRACK)
/* harmony export */ });
/**
 * charmcraft 2.7.6's own pins, for installing it by pip inside an emulated container (shared/charm/container.ts).
 *
 * The text below is canonical/charmcraft at tag 2.7.6 (commit 61c4a365834e271abb1069ac5c74760ac20859f4),
 * file `requirements.txt`, unchanged: the versions its snap was built with. charmcraft's setup.py leaves its
 * dependencies unpinned (`craft-parts>=1.18`, ...), and a plain `pip install charmcraft==2.7.6` today pulls
 * pydantic-2 craft libraries it cannot run with; these pins, given as constraints, give the same set as the snap.
 * 2.7.6 is the last 2.x tag (2.x/stable), the track CK's charms pin in .charmcraft-channel.
 */
/** The charmcraft version each snap track installs in the container. */
const CHARMCRAFT_FOR_TRACK = Object.freeze({ '2.x': '2.7.6' });
/** Where CHARMCRAFT_CONSTRAINTS comes from (named in the log, the summary, the SBOM and the provenance). */
const CHARMCRAFT_CONSTRAINTS_SOURCE = 'https://github.com/canonical/charmcraft/blob/2.7.6/requirements.txt';
/**
 * Pins left out: no s390x/ppc64le wheels exist for them, their sdists need Rust (cryptography) or build libsodium
 * and run its `make check` (pynacl) under emulation. jammy's python3-cryptography and python3-nacl (apt) stand in,
 * seen through a venv made with --system-site-packages; they satisfy every requirement that names them.
 */
const CONSTRAINTS_LEFT_TO_APT = ['cryptography', 'pynacl'];
const CHARMCRAFT_2_7_6_REQUIREMENTS = `
attrs==23.1.0
certifi==2023.7.22
cffi==1.16.0
charset-normalizer==3.3.2
craft-cli==2.4.0
craft-parts==1.25.3
craft-providers==1.20.4
craft-store==2.5.0
cryptography==43.0.3
deprecated==1.2.18
distro==1.8.0
humanize==4.8.0
idna==3.4
importlib-metadata==6.8.0
jaraco-classes==3.3.1
jeepney==0.8.0
jinja2==3.1.6
jsonschema==4.19.2
jsonschema-specifications==2023.7.1
keyring==24.2.0
macaroonbakery==1.3.4
markupsafe==2.1.5
more-itertools==10.1.0
overrides==7.4.0
packaging==23.2
platformdirs==3.11.0
protobuf==3.20.3
pycparser==2.21
pydantic==1.10.24
pydantic-yaml==0.11.2
pymacaroons==0.13.0
pynacl==1.5.0
pyrfc3339==1.1
python-dateutil==2.8.2
pytz==2023.4
pyxdg==0.28
pyyaml==6.0.3
referencing==0.30.2
requests==2.32.5
requests-toolbelt==1.0.0
requests-unixsocket2==0.4.2
rpds-py==0.10.6
secretstorage==3.3.3
six==1.16.0
snap-helpers==0.4.2
tabulate==0.9.0
types-deprecated==1.2.9.20240311
types-pyyaml==6.0.12.20250915
typing-extensions==4.8.0
urllib3==2.2.3
wrapt==1.15.0
zipp==3.17.0
`.trimStart();


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

/***/ 36863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ff: () => (/* binding */ planLegacyCommands),
/* harmony export */   Ft: () => (/* binding */ mismatchTable),
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   H9: () => (/* binding */ checkResourceCoverage),
/* harmony export */   H_: () => (/* binding */ baseKey),
/* harmony export */   Jm: () => (/* binding */ checkCharmFiles),
/* harmony export */   OW: () => (/* binding */ sameRelease),
/* harmony export */   Oy: () => (/* binding */ charmLedgerKey),
/* harmony export */   PI: () => (/* binding */ compareChannelMap),
/* harmony export */   TB: () => (/* binding */ showCommand),
/* harmony export */   dd: () => (/* binding */ releaseArgs),
/* harmony export */   hU: () => (/* binding */ createTrackArgs),
/* harmony export */   iY: () => (/* binding */ planJson),
/* harmony export */   lj: () => (/* binding */ ledgerKey),
/* harmony export */   lq: () => (/* binding */ resourceArch),
/* harmony export */   pn: () => (/* binding */ parseChannel),
/* harmony export */   uk: () => (/* binding */ planCommands),
/* harmony export */   vA: () => (/* binding */ parseResourceLines),
/* harmony export */   wt: () => (/* binding */ alreadyReleased),
/* harmony export */   y8: () => (/* binding */ uploadsOf)
/* harmony export */ });
/* unused harmony exports RISKS, reusableResource */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82220);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18573);
/**
 * The pure half of a charm release (plan → execute → verify): channel validation, the `resources` input
 * (with `{arch}` expansion), which architecture a resource file must be, completeness against what the charm
 * declares, and the ReleasePlan itself: built from the inputs and what the store says today (a StoreView),
 * it names every upload, every release (one per charm revision, i.e. per base/arch) and the channel map
 * expected afterwards. No I/O here; shared/charm/release.ts reads the files and the store, executes the
 * plan (the only code that writes to the store) and verifies it.
 */




const RISKS = ['edge', 'beta', 'candidate', 'stable'];
const CHANNEL_PART_RE = /^[a-z0-9][a-z0-9._-]*$/i;
/**
 * Parse `track/risk[/branch]` (or a bare risk, meaning track `latest`, as charmcraft reads it).
 * With legacy (charm store) channels only a bare risk is valid: that store had no tracks.
 */
function parseChannel(value, inputName = 'channel', legacy = false) {
    const text = value.trim();
    const parts = text.split('/');
    const fix = legacy
        ? `use one of ${RISKS.join(', ')} (the charm store has no tracks)`
        : `use track/risk[/branch], e.g. 1.31/edge or latest/stable, with risk one of ${RISKS.join(', ')}`;
    if (text === '' || parts.length > 3 || parts.some((p) => !CHANNEL_PART_RE.test(p)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: '${text}' is not a valid channel; ${fix}`);
    const [track, risk, branch] = parts.length === 1 ? ['latest', parts[0], undefined] : [parts[0], parts[1], parts[2]];
    if (!RISKS.includes(risk))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: '${text}' has risk '${risk}'; ${fix}`);
    if (legacy && parts.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: '${text}' is not a valid charm store channel; ${fix}`);
    const name = legacy ? risk : [track, risk, branch].filter(Boolean).join('/');
    return { track, risk: risk, ...(branch ? { branch } : {}), name };
}
/**
 * Parse the resources input: `name=path` lines. A line with `{arch}` in the name is repeated for every arch
 * of `arches` with `{arch}` replaced by the Debian name (the spelling of charm resource names: `cni-s390x`);
 * a line with `{arch}` only in the path (`kubectl=snaps/{arch}/kubectl.snap`) is one per-arch resource, a
 * file for every arch. The `resources` output of zero-byte-snaps can be pasted in as is.
 */
function parseResourceLines(value, arches, inputName = 'resources') {
    const out = [];
    const lineOf = new Map();
    for (const line of (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .splitLines */ .uz)(value)) {
        const i = line.indexOf('=');
        if (i <= 0 || i === line.length - 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: '${line}' is not a name=path line`);
        const [nameT, pathT] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        const expanded = [];
        if (line.includes('{arch}')) {
            if (arches.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: '${line}' uses {arch}; set the arches input (e.g. amd64 arm64 s390x)`);
            const perArch = !nameT.includes('{arch}');
            for (const a of arches) {
                expanded.push({
                    name: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .expandTemplate */ .Ly)(nameT, { arch: a.debian }, inputName),
                    path: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .expandTemplate */ .Ly)(pathT, { arch: a.debian }, inputName),
                    arch: a,
                    ...(perArch ? { perArch } : {}),
                });
            }
        }
        else {
            expanded.push({ name: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .expandTemplate */ .Ly)(nameT, {}, inputName), path: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .expandTemplate */ .Ly)(pathT, {}, inputName) });
        }
        for (const r of expanded) {
            if (lineOf.has(r.name) && lineOf.get(r.name) !== line)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${inputName}: resource '${r.name}' is given twice; keep one line for it`);
            lineOf.set(r.name, line);
        }
        out.push(...expanded);
    }
    return out;
}
/**
 * The architecture a resource file must be: the `{arch}` it was expanded with, else the Debian name the
 * resource name ends with (`cni-s390x`, docs/upstream.md#cni-resource), else the single arch of `arches` (a hint for a matrix job
 * that attaches one arch's snaps), else unknown (any architecture is accepted).
 */
function resourceArch(r, arches) {
    if (r.arch)
        return r.arch;
    const bySuffix = _arch_js__WEBPACK_IMPORTED_MODULE_1__/* .ARCHES */ .Pr.find((a) => r.name.endsWith(`-${a.debian}`));
    if (bySuffix)
        return bySuffix;
    return arches.length === 1 ? arches[0] : undefined;
}
/**
 * Check the given resources against the charm's declared ones: each given one is declared and a file
 * resource, and each declared one is either given or kept. Returns the names kept.
 */
function checkResourceCoverage(charm, declared, given, keep) {
    const names = new Set(declared.map((d) => d.name));
    const list = declared.map((d) => d.name).join(', ') || '(none)';
    for (const r of given) {
        const d = declared.find((x) => x.name === r.name);
        if (!d)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`resources: charm ${charm} declares no resource '${r.name}'; its resources are ${list}`);
        if (d.type !== 'file')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`resources: '${r.name}' is an ${d.type} resource; only file resources can be uploaded here, name it in keep-resources`);
    }
    for (const k of keep) {
        if (!names.has(k))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`keep-resources: charm ${charm} declares no resource '${k}'; its resources are ${list}`);
        if (given.some((g) => g.name === k))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`keep-resources: '${k}' is also given in resources; drop it from one of them`);
    }
    const missing = declared.filter((d) => !given.some((g) => g.name === d.name) && !keep.includes(d.name)).map((d) => d.name);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`resources: charm ${charm} declares ${missing.join(', ')} but no file is given for ${missing.length === 1 ? 'it' : 'them'}; add name=path lines, or name ${missing.length === 1 ? 'it' : 'them'} in keep-resources to keep the released revision`);
    }
}
/** `"<base-channel>/<arch>"` (e.g. `22.04/amd64`), the key of the `revisions` output; `all` for a charm with no base. */
function baseKey(b) {
    return b ? `${b.channel}/${b.architecture}` : 'all';
}
function ledgerKey(r) {
    return `${r.name}${r.perArch ? `@${r.arch.debian}` : ''}/${r.facts.sha256}`;
}
const charmLedgerKey = (f) => `charm/${f.sha3_384}`;
const largest = (xs) => xs.reduce((m, x) => (m === undefined || x.revision > m.revision ? x : m), undefined);
/** Can this resource revision be released with charm revisions for `arches`? */
function fits(rev, arches) {
    return !rev.arches || rev.arches.includes('all') || arches.every((a) => rev.arches.includes(a));
}
/**
 * An upload this run can skip: the ledger's revision for this very file, confirmed by the store (same size,
 * fit for the arches), or for an empty file the largest zero-byte revision (any empty file is the same
 * content). Never "the newest row": the store's rows are unsorted.
 */
function reusableResource(r, revs, ledger, arches) {
    if (!revs)
        return undefined;
    const need = r.perArch ? [r.arch.debian] : arches;
    const known = ledger[ledgerKey(r)];
    const confirmed = known === undefined
        ? undefined
        : revs.find((x) => x.revision === known && (x.size === undefined || x.size === r.facts.size) && fits(x, need));
    if (confirmed)
        return { revision: confirmed.revision, why: 'already uploaded (ledger, confirmed by the store)' };
    if (r.facts.size !== 0)
        return undefined;
    const empty = largest(revs.filter((x) => x.size === 0 && fits(x, need)));
    return empty ? { revision: empty.revision, why: 'zero-byte revision already in the store' } : undefined;
}
function sameBase(a, b) {
    return baseKey(a) === baseKey(b) && (a?.name ?? '') === (b?.name ?? '');
}
/**
 * The .charm files of one step: one charm name, one file per base/arch, a base-less file only alone, and one
 * file for the legacy store.
 */
function checkCharmFiles(files, store) {
    const other = files.find((f) => f.name !== files[0].name);
    if (other)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`charm: ${other.path} is charm '${other.name}' but ${files[0].path} is '${files[0].name}'; give the .charm files of one charm per step`);
    const byKey = new Map();
    for (const f of files) {
        for (const k of f.bases.length ? f.bases.map(baseKey) : ['all']) {
            if (byKey.has(k))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`charm: ${byKey.get(k)} and ${f.path} are both for base ${k}; give one .charm per base/arch`);
            byKey.set(k, f.path);
        }
    }
    if (files.length > 1 && byKey.has('all'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`charm: ${byKey.get('all')} names no base in manifest.yaml, so it cannot be told from the other .charm files; pack with charmcraft (one .charm per base) or give one file`);
    if (store === 'charmstore' && files.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('charm: the legacy charm store takes one charm per release; give one .charm file, or use store: charmhub for a multi-base charm');
}
/**
 * Build the ReleasePlan: pure, from the inputs and the store's view. Every check happens here, before anything
 * is touched: one charm name, one file per base, per-arch resources cover every base's arch, kept resources
 * resolvable, a promotion's missing bases named.
 */
function buildPlan(input, view) {
    const plan = planReleases(input, view);
    const track = input.channel.track;
    // Every charm has `latest`; the legacy store has no tracks. Any other track must exist before a release to it.
    // Whether it does is read from the store, never from a ledger (which may describe another store): a track in
    // the store's list, or one that holds a release. Before the first release the store lists no tracks, so the
    // plan asks for the track and `create-track`'s "already exists" counts as yes (ensureTrack).
    const exists = view.tracks?.includes(track) || view.channelMap?.some((r) => r.channel.split('/')[0] === track);
    if (input.store === 'charmhub' && track !== 'latest' && !exists)
        plan.createTrack = { track, known: view.tracks !== undefined };
    return plan;
}
function planReleases(input, view) {
    const { charm, channel } = input;
    const plan = {
        charm,
        mode: 'upload',
        channel,
        files: [],
        resources: input.resources,
        keep: input.keep,
        releases: [],
        skipped: [],
        view,
    };
    if (input.from)
        return planPromotion(plan, input, view);
    let revisions;
    if (input.files && input.files.length > 0) {
        const files = input.files;
        checkCharmFiles(files, input.store);
        plan.files = files;
        revisions = files.map((f, i) => {
            const known = view.ledger[charmLedgerKey(f)];
            const charmRef = known !== undefined && view.charmRevisions?.includes(known)
                ? { revision: known, why: 'already uploaded (ledger, confirmed by the store)' }
                : { upload: i };
            return { charm: charmRef, bases: f.bases.length ? f.bases : [null] };
        });
    }
    else {
        if (input.revision === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('revision: required when charm is a name (which revision to release?); or give .charm files to upload, or from-channel to promote');
        plan.mode = 'revision';
        if (view.charmRevisions && !view.charmRevisions.includes(input.revision))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`revision: charm ${charm} has no revision ${input.revision} in the store; upload it or pick an existing revision`);
        // The store does not list a revision's bases; the channel map shows them where the revision is released.
        const seen = (view.channelMap ?? []).filter((r) => r.revision === input.revision).map((r) => r.base);
        const bases = seen.filter((b, i) => seen.findIndex((x) => sameBase(x, b)) === i);
        revisions = [{ charm: { revision: input.revision, why: 'given' }, bases }];
    }
    const arches = [...new Set(revisions.flatMap((r) => r.bases.map((b) => b?.architecture)).filter((a) => Boolean(a)))];
    for (const rev of revisions) {
        const resources = {};
        for (const name of [...new Set(input.resources.map((r) => r.name))]) {
            const entries = input.resources.filter((r) => r.name === name);
            let pick;
            if (entries[0].perArch) {
                // Count architectures, not bases: one arch on several Ubuntu releases takes that arch's file.
                const revArches = [...new Set(rev.bases.map((b) => b?.architecture))];
                if (rev.bases.length === 0 || revArches.length !== 1 || !revArches[0]) {
                    const what = rev.bases.length === 0
                        ? `${describeRef(rev.charm, plan)} has no known base`
                        : revArches.some((a) => !a)
                            ? `${describeRef(rev.charm, plan)} names no base (one revision for every architecture)`
                            : `${describeRef(rev.charm, plan)} serves ${revArches.join(', ')} in one revision`;
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`resources: ${name} of charm ${charm} is per-arch ({arch} only in its path), but ${what}; a multi-arch charm takes one resource per arch by name (${name}-{arch}=${entries[0].path.replace(entries[0].arch?.debian ?? '{arch}', '{arch}')}, declared so in its metadata, as flannel does), or pack one .charm per arch`);
                }
                pick = entries.find((r) => r.arch?.debian === revArches[0]);
                if (!pick)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`resources: ${name} has no file for ${revArches[0]} (${describeRef(rev.charm, plan)} is for ${revArches[0]}); add ${revArches[0]} to arches`);
            }
            else {
                pick = entries[0];
            }
            const j = input.resources.indexOf(pick);
            resources[name] = reusableResource(pick, view.resourceRevisions[name], view.ledger, arches) ?? { upload: j };
        }
        for (const k of input.keep)
            resources[k] = keptRevision(k, rev.bases, channel, view, arches);
        plan.releases.push({ bases: rev.bases, charm: rev.charm, resources });
    }
    return plan;
}
function describeRef(ref, plan) {
    if ('upload' in ref)
        return plan.files[ref.upload].path;
    if ('revision' in ref)
        return `revision ${ref.revision}`;
    return ref.pending;
}
/** A kept resource keeps what the channel holds for this base, else the largest revision in the store that fits. */
function keptRevision(resource, bases, channel, view, arches) {
    if (!view.channelMap)
        return { pending: `revision released in ${channel.name}` };
    const inChannel = view.channelMap.find((r) => r.channel === channel.name && bases.some((b) => sameBase(b, r.base)) && resource in r.resources);
    if (inChannel)
        return { revision: inChannel.resources[resource], why: `kept from ${channel.name}` };
    const revs = view.resourceRevisions[resource];
    if (!revs)
        return { pending: `largest revision of ${resource} in the store` };
    const need = bases.map((b) => b?.architecture).filter((a) => Boolean(a));
    const best = largest(revs.filter((x) => fits(x, need.length ? need : arches)));
    if (!best)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`keep-resources: ${resource} has no revision in ${channel.name} or in the store${need.length ? ` for ${need.join(', ')}` : ''}; give a file for it in resources`);
    return { revision: best.revision, why: 'kept: the largest revision in the store' };
}
/** Promotion: for every base from-channel holds, its exact revision and resource revisions, to channel. */
function planPromotion(plan, input, view) {
    const from = input.from;
    plan.mode = 'promotion';
    plan.from = from;
    if (input.store === 'charmstore')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('from-channel: promotion needs a readable channel map, which the legacy charm store does not offer; use store: charmhub');
    if (input.files?.length || input.revision !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('from-channel: a promotion releases what from-channel holds; give the charm by name, without .charm files or revision');
    if (input.resources.length || input.keep.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('from-channel: a promotion keeps the resource revisions from-channel holds; leave resources and keep-resources empty');
    if (from.name === input.channel.name)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`from-channel: '${from.name}' is the channel itself; promote to another channel (e.g. ${from.track}/beta)`);
    if (!view.channelMap) {
        plan.releases.push({ bases: [], charm: { pending: `each base's revision in ${from.name}` }, resources: {} });
        return plan;
    }
    const source = view.channelMap.filter((r) => r.channel === from.name);
    const tracks = new Set([from.track, input.channel.track]);
    const universe = view.channelMap.filter((r) => tracks.has(r.channel.split('/')[0]));
    const missing = [];
    for (const r of universe) {
        if (source.some((s) => sameBase(s.base, r.base)) || missing.some((m) => m.key === baseKey(r.base)))
            continue;
        missing.push({ key: baseKey(r.base), where: [...new Set(universe.filter((u) => sameBase(u.base, r.base)).map((u) => u.channel))] });
    }
    if (source.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`from-channel: ${from.name} holds no release of ${input.charm}${universe.length ? ` (it is released in ${[...new Set(universe.map((u) => u.channel))].join(', ')})` : ''}; release to ${from.name} first, or promote from another channel`);
    if (missing.length && !input.allowMissingBases) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`from-channel: ${from.name} holds nothing for base ${missing.map((m) => `${m.key} (released in ${m.where.join(', ')})`).join(', ')}; release ${missing.length === 1 ? 'it' : 'them'} to ${from.name} first, or set allow-missing-bases: true to promote the other bases`);
    }
    plan.skipped = missing.map((m) => m.key);
    for (const r of source) {
        const same = plan.releases.find((p) => 'revision' in p.charm && p.charm.revision === r.revision && sameResources(p.resources, r.resources));
        if (same) {
            same.bases.push(r.base);
            continue;
        }
        const resources = {};
        for (const [n, v] of Object.entries(r.resources))
            resources[n] = { revision: v, why: `as in ${from.name}` };
        plan.releases.push({ bases: [r.base], charm: { revision: r.revision, why: `in ${from.name}` }, resources });
    }
    return plan;
}
function sameResources(refs, revs) {
    const a = Object.entries(refs);
    return a.length === Object.keys(revs).length && a.every(([n, ref]) => 'revision' in ref && revs[n] === ref.revision);
}
/** Does the channel already hold exactly this for every base? (then the release is skipped) */
function alreadyReleased(map, channel, rel) {
    if (!map || rel.bases.length === 0)
        return false;
    return rel.bases.every((b) => {
        const cur = map.find((r) => r.channel === channel.name && sameBase(r.base, b));
        return cur !== undefined && sameRelease(cur, rel.revision, rel.resources);
    });
}
function sameRelease(current, revision, resources) {
    if (current.revision !== revision)
        return false;
    const a = Object.entries(current.resources).sort();
    const b = Object.entries(resources).sort();
    return a.length === b.length && a.every(([n, v], i) => b[i][0] === n && b[i][1] === v);
}
/**
 * Compare the channel map read back after the release with what the plan released (read-only, pure): per base,
 * the charm revision and every resource revision. A release with no known bases is checked wherever the
 * channel now holds its revision.
 */
function compareChannelMap(expected, found, channel) {
    const out = [];
    const inChannel = found.filter((r) => r.channel === channel.name);
    for (const rel of expected) {
        const bases = rel.bases.length ? rel.bases : inChannel.filter((r) => r.revision === rel.revision).map((r) => r.base);
        if (bases.length === 0)
            out.push({ base: '(any)', what: 'charm revision', expected: String(rel.revision), found: 'not in the channel' });
        for (const b of bases) {
            const cur = inChannel.find((r) => sameBase(r.base, b));
            if (!cur) {
                out.push({ base: baseKey(b), what: 'charm revision', expected: String(rel.revision), found: 'nothing released' });
                continue;
            }
            if (cur.revision !== rel.revision)
                out.push({ base: baseKey(b), what: 'charm revision', expected: String(rel.revision), found: String(cur.revision) });
            for (const [n, v] of Object.entries(rel.resources)) {
                if (cur.resources[n] !== v)
                    out.push({
                        base: baseKey(b),
                        what: `resource ${n}`,
                        expected: String(v),
                        found: cur.resources[n] === undefined ? 'not attached' : String(cur.resources[n]),
                    });
            }
        }
    }
    return out;
}
function mismatchTable(ms) {
    return [
        '| base | what | expected | found |',
        '|---|---|---|---|',
        ...ms.map((m) => `| ${m.base} | ${m.what} | ${m.expected} | ${m.found} |`),
    ].join('\n');
}
/** The plan as JSON (the `plan` output): every file, upload and release, with `<...>` where a value comes back later. */
function planJson(plan) {
    const ref = (r) => ('revision' in r ? r.revision : 'upload' in r ? `<upload>` : `<${r.pending}>`);
    return {
        charm: plan.charm,
        mode: plan.mode,
        channel: plan.channel.name,
        ...(plan.from ? { 'from-channel': plan.from.name } : {}),
        files: plan.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256, bases: f.bases.map(baseKey) })),
        uploads: {
            charms: uploadsOf(plan, 'charm').map((i) => plan.files[i].path),
            resources: uploadsOf(plan, 'resource').map((j) => {
                const r = plan.resources[j];
                return {
                    name: r.name,
                    ...(r.perArch ? { arch: r.arch.debian } : {}),
                    path: r.facts.path,
                    size: r.facts.size,
                    sha256: r.facts.sha256,
                };
            }),
        },
        releases: plan.releases.map((r) => ({
            bases: r.bases.map(baseKey),
            revision: ref(r.charm),
            resources: Object.fromEntries(Object.entries(r.resources).map(([n, x]) => [n, ref(x)])),
        })),
        ...(plan.skipped.length ? { skipped: plan.skipped } : {}),
        ...(plan.createTrack ? { 'create-track': plan.createTrack.track } : {}),
    };
}
/** Indices of the charm files / resource files this plan uploads, in order, each once. */
function uploadsOf(plan, what) {
    const ids = new Set();
    for (const r of plan.releases) {
        if (what === 'charm' && 'upload' in r.charm)
            ids.add(r.charm.upload);
        if (what === 'resource')
            for (const x of Object.values(r.resources))
                if ('upload' in x)
                    ids.add(x.upload);
    }
    return [...ids].sort((a, b) => a - b);
}
/** The commands a release runs, with `<...>` where a value comes back from an earlier command. */
function planCommands(tool, plan) {
    const cmds = [];
    if (plan.createTrack)
        cmds.push([tool, ...createTrackArgs(plan.charm, plan.createTrack.track)]);
    for (const i of uploadsOf(plan, 'charm'))
        cmds.push([tool, 'upload', '--format', 'json', plan.files[i].path]);
    for (const j of uploadsOf(plan, 'resource')) {
        const r = plan.resources[j];
        cmds.push([
            tool,
            'upload-resource',
            '--format',
            'json',
            plan.charm,
            r.name,
            '--filepath',
            r.facts.path,
            ...(r.perArch ? ['--arch', r.arch.debian] : []),
        ]);
    }
    for (const rel of plan.releases) {
        const rev = 'revision' in rel.charm
            ? String(rel.charm.revision)
            : 'upload' in rel.charm
                ? `<revision from upload ${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(plan.files[rel.charm.upload].path)}>`
                : `<${rel.charm.pending}>`;
        const res = {};
        for (const [n, x] of Object.entries(rel.resources)) {
            res[n] =
                'revision' in x
                    ? String(x.revision)
                    : 'upload' in x
                        ? `<revision from upload-resource ${n}${plan.resources[x.upload].perArch ? ` --arch ${plan.resources[x.upload].arch.debian}` : ''}>`
                        : `<${x.pending}>`;
        }
        cmds.push([tool, ...releaseArgs(plan.charm, rev, plan.channel, res)]);
    }
    return cmds;
}
/** `charmcraft create-track --format json --name NAME --track T` (charmcraft store.py CreateTrack). */
function createTrackArgs(name, track) {
    return ['create-track', '--format', 'json', '--name', name, '--track', track];
}
/** `charmcraft release NAME --revision N --channel C --resource R:M ...` */
function releaseArgs(name, revision, channel, resources) {
    const args = ['release', name, '--revision', String(revision), '--channel', channel.name];
    for (const [r, rev] of Object.entries(resources))
        args.push('--resource', `${r}:${rev}`);
    return args;
}
/** The legacy charm store's commands (the seed's push / attach / release / grant), with `<...>` placeholders. */
function planLegacyCommands(url, charmFile, revision, resources, channel) {
    const rev = revision !== undefined ? `${url}-${revision}` : `${url}-<revision from push>`;
    const cmds = [];
    if (charmFile)
        cmds.push(['charm', 'push', `<${charmFile} unpacked>`, url]);
    for (const r of resources)
        cmds.push(['charm', 'attach', rev, `${r.name}=${r.facts.path}`]);
    cmds.push([
        'charm',
        'release',
        rev,
        '--channel',
        channel.name,
        ...resources.flatMap((r) => ['-r', `${r.name}-<revision from attach ${r.name}>`]),
    ]);
    cmds.push(['charm', 'grant', rev, '--channel', channel.name, '--acl', 'read', 'everyone']);
    return cmds;
}
/** Quote an argument for display when it needs it (the commands are always run as argument arrays). */
function showCommand(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_./:=<>@+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}


/***/ }),

/***/ 18003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ verifyReleases),
/* harmony export */   D4: () => (/* binding */ readStoreView),
/* harmony export */   Gm: () => (/* binding */ ledgerScope),
/* harmony export */   Kh: () => (/* binding */ checkResourceFiles),
/* harmony export */   M5: () => (/* binding */ filesTable),
/* harmony export */   Oc: () => (/* binding */ Ledger),
/* harmony export */   SL: () => (/* binding */ verifyFailure),
/* harmony export */   Yi: () => (/* binding */ manifestBases),
/* harmony export */   vY: () => (/* binding */ executePlan),
/* harmony export */   y$: () => (/* binding */ readCharmFile)
/* harmony export */ });
/* unused harmony exports charmArches, readPackedMeta, unpackCharm, GUARDRAIL_REQUEST, ensureTrack, duplicateRevision */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38815);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(88837);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(32635);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83497);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78365);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(39273);
/* harmony import */ var _snap_inspect_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(28231);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(173);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(36863);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3002);
/**
 * The I/O half of a charm release, around the pure ReleasePlan of shared/charm/plan.ts:
 * - read: every .charm (name, resources, and its bases from manifest.yaml, as `charmcraft pack` writes it:
 *   canonical/charmcraft `charmcraft/models/manifest.py`), every resource file (checked before anything is
 *   uploaded), and what the store says today (a StoreView: channel map, revisions, the ledger);
 * - execute: the only code that writes to the store; walks the plan, records each revision as it comes back;
 * - verify: read-only; reads the channel map back and compares it with what was released.
 *
 * Re-runs. The store keeps no digest of a resource (resource-revisions lists revision and size only), so "this
 * file is already uploaded" is known from a ledger, `charm/<sha3-384>` and `<resource>[@arch]/<sha256>` →
 * revision, kept in the Actions cache (a local directory off a runner) and always checked against the store.
 * An empty file needs no ledger: any zero-byte revision is the same content. When the ledger is gone (evicted
 * cache, another runner) the only cost is one more upload, never a wrong release. An identical charm re-upload
 * is refused by Charmhub: the revision it names is reused; where it names none, the charm's SHA3-384 is looked
 * up in the ledger, and without a match the step stops rather than guess (canonical/charmcraft issue #826).
 * A channel that already holds a revision with exactly these resource revisions is not released again.
 */















function unzipTool() {
    const unzip = (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .which */ .K)('unzip');
    if (!unzip)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo('unzip is not installed; install it (apt-get install unzip)');
    return unzip;
}
async function sha3File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha3-384');
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file), hash);
    return hash.digest('hex');
}
/** The architectures a packed charm serves, from its manifest.yaml bases ([] when it names none). */
async function charmArches(file) {
    const res = await run(unzipTool(), ['-p', file, 'manifest.yaml'], { allowFailure: true });
    if (res.exitCode !== 0)
        return [];
    return [...new Set(manifestBases(res.stdout, file).map((b) => b.architecture))];
}
/** manifest.yaml's `bases: [{name, channel, architectures}]`, one Base per architecture. */
function manifestBases(text, file, inputName = 'charm') {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_5__/* .parse */ .qg)(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: ${file}: manifest.yaml is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); repack the charm`);
    }
    const bases = doc?.bases;
    if (bases === undefined || bases === null)
        return [];
    if (!Array.isArray(bases))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: ${file}: manifest.yaml's bases is not a list; repack the charm`);
    const out = [];
    for (const b of bases) {
        const archs = b?.architectures;
        if (typeof b?.name !== 'string' ||
            (typeof b.channel !== 'string' && typeof b.channel !== 'number') ||
            !Array.isArray(archs) ||
            archs.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: ${file}: manifest.yaml has a base without name, channel and architectures (${JSON.stringify(b)}); repack the charm`);
        }
        for (const a of archs)
            out.push({ name: b.name, channel: String(b.channel), architecture: String(a) });
    }
    return out;
}
/** Read name, resources and bases from inside a packed charm (a zip with metadata.yaml / charmcraft.yaml, manifest.yaml). */
async function readCharmFile(file, scratch, inputName = 'charm') {
    const { meta, manifest } = await readPackedMeta(file, scratch, inputName);
    const [facts] = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .describeFiles */ .LG)([node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(file)]);
    return {
        path: facts.file,
        size: facts.size,
        sha256: facts.sha256,
        sha3_384: await sha3File(file),
        name: meta.name,
        bases: manifest === undefined ? [] : manifestBases(manifest, file, inputName),
        resources: meta.resources,
    };
}
/** The metadata inside a packed charm (metadata.yaml / charmcraft.yaml, unzipped into scratch) and its manifest.yaml. */
async function readPackedMeta(file, scratch, inputName = 'charm') {
    if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .exists */ .t2)(file)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: '${file}' does not exist; give .charm files (from charm-build) or a charm name`);
    const unzip = unzipTool();
    const dir = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(scratch, `charm-meta-${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(file)}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
    let found = 0;
    let manifest;
    for (const member of ['metadata.yaml', 'charmcraft.yaml', 'config.yaml', 'manifest.yaml']) {
        const res = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .run */ .e)(unzip, ['-p', file, member], { allowFailure: true });
        if (res.exitCode === 9)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: '${file}' is not a zip archive, so not a packed charm; build it with charm-build`);
        if (res.exitCode !== 0)
            continue;
        if (member === 'manifest.yaml') {
            manifest = res.stdout;
            continue;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, member), res.stdout);
        if (member !== 'config.yaml')
            found++;
    }
    if (found === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`${inputName}: '${file}' has no metadata.yaml or charmcraft.yaml inside; is it a charm?`);
    return { meta: await (0,_metadata_js__WEBPACK_IMPORTED_MODULE_10__/* .loadCharm */ ._0)(dir, inputName), ...(manifest === undefined ? {} : { manifest }) };
}
/** Unpack a .charm into a directory (the legacy `charm push` takes a directory). */
async function unpackCharm(file, dest) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dest, { recursive: true });
    await (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .run */ .e)(unzipTool(), ['-q', '-o', file, '-d', dest]);
    return dest;
}
/** A snap resource: the charm names a .snap filename for it, or the given file is a .snap. */
function isSnapResource(r, declared) {
    const d = declared.find((x) => x.name === r.name);
    return Boolean(d?.filename?.endsWith('.snap') || r.path.endsWith('.snap'));
}
/**
 * Check every file before anything is uploaded: it exists, and a non-empty snap resource is a snap built for
 * the architecture the resource is for (zero-byte snaps are placeholders, docs/upstream.md#zero-byte-snap-placeholder). Returns each file with
 * its size and sha256.
 */
async function checkResourceFiles(given, declared, arches) {
    for (const r of given) {
        if (!(await (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .exists */ .t2)(r.path)))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`resources: ${r.name}=${r.path}: the file does not exist; build it first or fix the path`);
    }
    const facts = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .describeFiles */ .LG)(given.map((r) => node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(r.path)));
    const out = [];
    for (const [i, r] of given.entries()) {
        const snap = isSnapResource(r, declared);
        const arch = (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .resourceArch */ .lq)(r, arches);
        if (snap && facts[i].size > 0) {
            const info = await (0,_snap_inspect_js__WEBPACK_IMPORTED_MODULE_9__/* .inspectSnap */ .d)(r.path, `resources: ${r.name}`);
            if (arch && !info.architectures.includes(arch.debian) && !info.architectures.includes('all')) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`resources: ${r.name}=${r.path} is a snap for ${info.architectures.join(', ')}, but resource '${r.name}' is for ${arch.debian}; attach the ${arch.debian} build`);
            }
        }
        out.push({ ...r, ...(arch ? { arch } : {}), snap, facts: { path: facts[i].file, size: facts[i].size, sha256: facts[i].sha256 } });
    }
    return out;
}
/** The file table a dry run and a real run both show. */
function filesTable(resources, charms = []) {
    const rows = [
        ...charms.map((c) => `| (charm) | ${c.bases.map(_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .baseKey */ .H_).join(', ')} | \`${c.path}\` | ${(0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .humanSize */ .Xe)(c.size)} (${c.size}) | \`${c.sha256}\` |`),
        ...resources.map((r) => `| ${r.name} | ${r.arch?.debian ?? ''} | \`${r.facts.path}\` | ${(0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .humanSize */ .Xe)(r.facts.size)} (${r.facts.size}) | \`${r.facts.sha256}\` |`),
    ];
    return ['| resource | arch | file | size (bytes) | sha256 |', '|---|---|---|---|---|', ...rows].join('\n');
}
/**
 * Which store and account a ledger describes: the store's API address (CHARMCRAFT_STORE_API_URL, else Charmhub's)
 * and the account, known here only through its credential, so a digest of both (never the credential itself).
 * A new credential starts a new ledger: one more upload, never another store's revisions.
 */
function ledgerScope(kind, credentials, env = process.env) {
    const api = kind === 'charmhub' ? env.CHARMCRAFT_STORE_API_URL || 'https://api.charmhub.io' : kind;
    return `${kind}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${api}\n${credentials}`).digest('hex').slice(0, 16)}`;
}
/** `charm/<sha3-384>` and `<resource>[@arch]/<sha256>` → revision, for one store, account and charm (ledgerScope). */
class Ledger {
    rt;
    entries = {};
    changed = false;
    dir;
    prefix;
    constructor(rt, store, charm) {
        this.rt = rt;
        this.dir = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(rt.tempRoot(), `charm-ledger-${store}-${charm}`);
        this.prefix = `charm-release-ledger-${store}-${charm}-`;
    }
    async load() {
        await this.rt.restoreCache([this.dir], `${this.prefix}none`, [this.prefix]);
        try {
            const doc = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.dir, 'ledger.json'), 'utf8'));
            this.entries = doc.entries ?? {};
        }
        catch {
            this.entries = {};
        }
    }
    get(key) {
        return this.entries[key];
    }
    all() {
        return { ...this.entries };
    }
    set(key, revision) {
        if (this.entries[key] === revision)
            return;
        this.entries[key] = revision;
        this.changed = true;
    }
    async save() {
        if (!this.changed)
            return;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(this.dir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.dir, 'ledger.json'), JSON.stringify({ entries: this.entries }, null, 1));
        await this.rt.saveCache([this.dir], `${this.prefix}${Date.now()}-${process.pid}`);
        this.changed = false;
    }
}
/**
 * Read what the store says today (read-only; up to four reads side by side): channel map, charm revisions,
 * each resource's revisions, the ledger.
 */
async function readStoreView(store, name, resources, ledger, needRevisions = true) {
    const view = { resourceRevisions: {}, ledger: ledger?.all() ?? {} };
    const reads = [
        async () => {
            const status = await store.status(name);
            if (status)
                view.channelMap = status.releases;
            if (status?.tracks)
                view.tracks = status.tracks;
        },
        async () => {
            const revs = needRevisions ? await store.charmRevisions(name) : undefined;
            if (revs)
                view.charmRevisions = revs;
        },
        ...(store.kind === 'charmhub'
            ? resources.map((r) => async () => void (view.resourceRevisions[r] = await store.resourceRevisions(name, r)))
            : []),
    ];
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_14__/* .mapLimit */ .s)(reads, 4, (read) => read());
    return view;
}
const label = (r) => (r.perArch ? `${r.name}[${r.arch.debian}]` : r.name);
/**
 * Walk the plan: upload each charm file and resource file the plan names (each once), then release every
 * revision with the resource revisions of this run. The only code that writes to the store.
 */
async function executePlan(rt, store, plan, ledger, beforeRelease) {
    const charmRevs = new Map();
    const resRevs = new Map();
    const uploaded = [];
    const reused = [];
    const resolve = (ref, map) => {
        if ('revision' in ref)
            return ref.revision;
        if ('upload' in ref)
            return map.get(ref.upload);
        throw new Error(`unresolved plan reference: ${ref.pending}`);
    };
    // The track first: a track no guardrail allows stops the run before anything is uploaded.
    const trackCreated = plan.createTrack && (await ensureTrack(rt, store, plan.charm, plan.createTrack)) ? plan.createTrack.track : undefined;
    try {
        for (const rel of plan.releases) {
            const ref = rel.charm;
            if ('revision' in ref && plan.mode === 'upload' && !reused.includes(`charm ${ref.revision}`)) {
                reused.push(`charm ${ref.revision}`);
                rt.info(`charm ${plan.charm} (${rel.bases.map(_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .baseKey */ .H_).join(', ')}): ${ref.why}: revision ${ref.revision}; not uploading`);
            }
            if (!('upload' in ref) || charmRevs.has(ref.upload))
                continue;
            const f = plan.files[ref.upload];
            const file = store.kind === 'charmstore' ? await unpackCharm(f.path, node_path__WEBPACK_IMPORTED_MODULE_4___default().join(rt.tempRoot(), `charm-unpacked-${plan.charm}`)) : f.path;
            const up = await store.uploadCharm(file, plan.charm);
            let revision;
            if ('revision' in up) {
                revision = up.revision;
                uploaded.push(node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(f.path));
                rt.info(`charm ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(f.path)} (${f.bases.map(_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .baseKey */ .H_).join(', ') || 'no base'}): uploaded as revision ${revision}`);
            }
            else {
                revision = duplicateRevision(up.duplicate, f, ledger.get((0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .charmLedgerKey */ .Oy)(f)), plan.charm);
                reused.push(node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(f.path));
                rt.info(`charm ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(f.path)}: the store already has this charm as revision ${revision} (duplicate upload${up.duplicate.revision === undefined ? ', matched by its SHA3-384 in the ledger' : ''}); reusing it`);
            }
            charmRevs.set(ref.upload, revision);
            ledger.set((0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .charmLedgerKey */ .Oy)(f), revision);
        }
        for (const rel of plan.releases) {
            for (const [name, ref] of Object.entries(rel.resources)) {
                if ('revision' in ref) {
                    if (!reused.includes(`${name}:${ref.revision}`) && !plan.keep.includes(name) && plan.mode !== 'promotion') {
                        reused.push(`${name}:${ref.revision}`);
                        rt.info(`resource ${name}: revision ${ref.revision}: ${ref.why}; not uploading`);
                    }
                    continue;
                }
                if (!('upload' in ref) || resRevs.has(ref.upload))
                    continue;
                const r = plan.resources[ref.upload];
                const revision = await store.uploadResource(plan.charm, r.name, r.facts.path, r.perArch ? r.arch.debian : undefined);
                resRevs.set(ref.upload, revision);
                uploaded.push(label(r));
                ledger.set((0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .ledgerKey */ .lj)(r), revision);
                rt.info(`resource ${label(r)}: uploaded ${r.facts.path} as revision ${revision}`);
            }
        }
    }
    finally {
        await ledger.save();
    }
    const releases = plan.releases.map((rel) => ({
        bases: rel.bases,
        revision: resolve(rel.charm, charmRevs),
        resources: Object.fromEntries(Object.entries(rel.resources).map(([n, ref]) => [n, resolve(ref, resRevs)])),
    }));
    await beforeRelease?.(releases); // the channel guard (shared/charm/channel-guard.ts), after the uploads
    let released = 0;
    for (const rel of releases) {
        const res = Object.entries(rel.resources)
            .map(([n, v]) => `${n}:${v}`)
            .join(' ');
        if ((0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .alreadyReleased */ .wt)(plan.view.channelMap, plan.channel, rel)) {
            rt.info(`${plan.channel.name} already holds ${plan.charm} revision ${rel.revision} (${rel.bases.map(_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .baseKey */ .H_).join(', ')}) with ${res || 'no resources'}: nothing changed`);
            continue;
        }
        await store.release(plan.charm, rel.revision, plan.channel, rel.resources);
        released++;
        rt.info(`released ${plan.charm} revision ${rel.revision}${rel.bases.length ? ` (${rel.bases.map(_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .baseKey */ .H_).join(', ')})` : ''} to ${plan.channel.name} with ${res || 'no resources'}`);
    }
    return { releases, uploaded, reused, released, ...(trackCreated ? { trackCreated } : {}) };
}
/** Where Charmhub's track guardrails are requested (charmcraft store.py CreateTrack's own help). */
const GUARDRAIL_REQUEST = 'request a track guardrail in the "charmhub requests" category of https://discourse.charmhub.io';
/**
 * Create the channel's track (charmed-kubernetes/jenkins cilib/ch.py ensure_track does the same before each
 * release). A track that exists already is fine: before the first release the store does not list its tracks,
 * so the plan cannot tell. Anything else the store refuses is a track no guardrail allows: one line.
 */
async function ensureTrack(rt, store, charm, t) {
    try {
        await store.createTrack(charm, t.track);
        rt.info(`track ${t.track} of ${charm}: created`);
        return true;
    }
    catch (e) {
        if (!(e instanceof _store_js__WEBPACK_IMPORTED_MODULE_12__/* .StoreError */ .AD))
            throw e;
        if (/already exist|\b409\b/i.test(e.storeMessage)) {
            rt.info(`track ${t.track} of ${charm}: exists already`);
            return false;
        }
        if (/credentials|authenticat|\b401\b/i.test(e.storeMessage))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`channel: charm ${charm} has no track ${t.track} and Charmhub refused to create it (${e.storeMessage.split('\n').join(' ')}); a new track must match one of the charm's track guardrails: ${GUARDRAIL_REQUEST} for ${charm} (e.g. a pattern covering ${t.track}), then run again`);
    }
}
/**
 * The revision of a refused identical re-upload: the one the store names, else (no revision in the message) the
 * ledger's record of this file's SHA3-384, when the message's digest (if any) is this file's. Never a guess.
 */
function duplicateRevision(dup, f, ledgerRevision, charm) {
    if (dup.revision !== undefined)
        return dup.revision;
    if (dup.digest && dup.digest !== f.sha3_384) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`charm: the store refused ${f.path} as a duplicate of SHA3-384 ${dup.digest}, but this file's SHA3-384 is ${f.sha3_384}; check which file was uploaded`);
    }
    if (ledgerRevision !== undefined)
        return ledgerRevision;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_13__/* .UserError */ .yo(`charm: the store already holds ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(f.path)} (SHA3-384 ${f.sha3_384}) but did not say which revision, and no earlier run recorded it; ` +
        `find it with \`charmcraft revisions ${charm}\` and release it with charm: ${charm} and revision: <N>`);
}
/** Read the channel map back and compare it with what was released (read-only). */
async function verifyReleases(store, plan, releases) {
    const found = await store.channelMap(plan.charm);
    if (!found)
        return undefined;
    return { mismatches: (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .compareChannelMap */ .PI)(releases, found, plan.channel), found };
}
/** The one error line and the summary table of a failed verification. */
function verifyFailure(plan, ms) {
    const line = `verify: ${plan.channel.name} does not hold what was released for ${plan.charm}: ` +
        ms.map((m) => `${m.base} ${m.what} expected ${m.expected}, found ${m.found}`).join('; ') +
        '; the store recorded something else (see the table in the summary); check `charmcraft status ' +
        plan.charm +
        '` and release again';
    return { line, table: (0,_plan_js__WEBPACK_IMPORTED_MODULE_11__/* .mismatchTable */ .Ft)(ms) };
}


/***/ }),

/***/ 72658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R6: () => (/* binding */ seriesRelease),
/* harmony export */   So: () => (/* binding */ charmEntries),
/* harmony export */   YV: () => (/* binding */ showSelect)
/* harmony export */ });
/* unused harmony exports SELF_HOSTED_ARCHES, runnerVariable, EMULATED_SLOWDOWN, EMULATED_RUNNER, slowMark, SELF_HOSTED_RELEASE, entryNeeded, routeEntry, checkBuildRoutes, showRoute, packJobs, routeConfigFromEnv */
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82220);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _charmcraft_pins_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22488);
/**
 * Where each `bases` entry (or `platforms` entry) of a charm is packed: pure, unit-tested (test/charm-routes.test.ts).
 *
 * charmcraft packs an entry only on a host of the entry's build-on arch, and with --destructive-mode only on the
 * entry's Ubuntu release; without it, in an LXD instance of the build-on release (docs/upstream.md#where-charmcraft-packs).
 * So the plan makes ONE PACK JOB PER ENTRY the release needs (an entry is needed when one of its run-on arches is
 * released) and gives it a runner that fits:
 *
 *   hosted       amd64/arm64 on 22.04/24.04: GitHub-hosted ubuntu-<rel> / ubuntu-<rel>-arm, --destructive-mode;
 *   lxd          amd64/arm64 on any other release: ubuntu-24.04(-arm) with LXD set up by a step, managed mode;
 *   self-hosted  s390x/ppc64el: [self-hosted, linux, <arch>] when the repository variable S390X_RUNNER /
 *                PPC64EL_RUNNER is set; destructive when the runner's release is the entry's, else LXD;
 *   emulated     every arch no hosted runner has (s390x, ppc64el, armhf, riscv64), unless a self-hosted runner is
 *                configured for it or the description says `emulate: false`: the hosted amd64 ubuntu-24.04, in a
 *                docker `linux/<arch>` container of the build-on release (`ubuntu:22.04`) run under QEMU user
 *                emulation (binfmt_misc), charmcraft in destructive mode there (docs/upstream.md: under qemu-user
 *                charmcraft sees the guest's machine and the container's os-release, so it packs exactly that
 *                entry). Slow: EMULATED_SLOWDOWN says how slow, and the summaries say it.
 *
 * armhf and riscv64 are emulated too: the arch table has their docker platforms (linux/arm/v7, linux/riscv64),
 * the ubuntu images are published for both, and charmcraft 2.7.6 names their machines armhf and riscv64
 * (`charmcraft/utils/platform.py`: ARCH_TRANSLATIONS maps armv7l to armhf, riscv64 is its own name; its snap is
 * built for both). No hosted runner runs them.
 * An entry no configured route serves (a base other than Ubuntu, an arch outside the table, or `emulate: false`
 * with no runner) stops the plan in one line, before anything is built or uploaded.
 */



const SELF_HOSTED_ARCHES = (/* unused pure expression or super */ null && (['s390x', 'ppc64el']));
/** The repository variable that turns on a self-hosted route. */
const runnerVariable = (arch) => `${arch.toUpperCase()}_RUNNER`;
/**
 * How many times slower an emulated pack is than a native one: ONE figure, shown in both summaries and the docs.
 * Measured by bench/charm-emulated.ts: the whole pack of the test charm 4.4× (its compile step 7.6×), in a
 * linux/s390x container under Debian's qemu 7.2; 4–10× is reported for whole builds (docs/emulated-pack.md).
 */
const EMULATED_SLOWDOWN = 4.4;
/** The emulated route's runner: the hosted amd64 image (docker and binfmt_misc are there). */
const EMULATED_RUNNER = 'ubuntu-24.04';
/** The summaries' mark of a slow route ('' for the native ones). */
const slowMark = (kind) => (kind === 'emulated' ? `emulated, ~${EMULATED_SLOWDOWN}× slower` : '');
const HOSTED_RELEASES = (/* unused pure expression or super */ null && (['22.04', '24.04']));
/** The hosted images' label suffix per arch (ubuntu-24.04, ubuntu-24.04-arm); RUNNER_ARCH comes from shared/arch.ts. */
const HOSTED_SUFFIX = { amd64: '', arm64: '-arm' };
const runnerArch = (debian) => parseArch(debian).runner;
/** The release a self-hosted runner is assumed to run in the local simulation (and documented for the real one). */
const SELF_HOSTED_RELEASE = '22.04';
const imageOs = (release) => `ubuntu${release.split('.')[0]}`;
const isUbuntu = (b) => b.name === 'ubuntu';
/** The Ubuntu releases whose python3 charmcraft 2.x runs on (2.7.6 imports distutils: Python <= 3.11; 24.04 has 3.12). */
const EMULATED_RELEASES = (/* unused pure expression or super */ null && (['20.04', '22.04']));
/**
 * Why the emulated route cannot pack this entry of this base ('' when it can): it installs charmcraft 2.x (the
 * track of .charmcraft-channel) in the container and packs one `bases` entry with --bases-index.
 */
function emulationGap(e, b, charmcraftChannel) {
    if (e.select.kind !== 'bases-index')
        return 'a bases entry for the emulated route (it packs charmcraft 2.x bases entries; platforms need charmcraft 3, not installed in the container)';
    if (!EMULATED_RELEASES.includes(b.channel))
        return `a build-on release the emulated route serves (${EMULATED_RELEASES.join(', ')}: charmcraft 2.x needs Python <= 3.11, Ubuntu ${b.channel} has a newer one)`;
    const track = (charmcraftChannel || 'latest/stable').split('/')[0];
    if (!CHARMCRAFT_FOR_TRACK[track])
        return `a charmcraft the emulated route installs: pin ${Object.keys(CHARMCRAFT_FOR_TRACK)
            .map((t) => `${t}/stable`)
            .join(' or ')} in .charmcraft-channel (it says ${charmcraftChannel || 'nothing: latest/stable'})`;
    return '';
}
/** The routes of one build-on base, best first, whether configured or not (pure). `gap`: why emulation cannot serve it. */
function candidates(b, cfg, gap = '') {
    if (!isUbuntu(b))
        return [];
    const out = [];
    const none = { containerPlatform: '', containerImage: '' };
    const suffix = HOSTED_SUFFIX[b.arch];
    if (suffix !== undefined) {
        const hosted = HOSTED_RELEASES.includes(b.channel);
        const runsOn = hosted ? `ubuntu-${b.channel}${suffix}` : `ubuntu-24.04${suffix}`;
        out.push({
            kind: hosted ? 'hosted' : 'lxd',
            runsOn,
            runnerArch: runnerArch(b.arch),
            imageOs: hosted ? imageOs(b.channel) : 'ubuntu24',
            base: b,
            destructive: hosted ? 'true' : 'false',
            lxd: !hosted,
            ...none,
            configured: true,
            fix: '',
        });
        return out;
    }
    const sh = SELF_HOSTED_ARCHES.find((a) => a === b.arch);
    if (sh)
        out.push({
            kind: 'self-hosted',
            runsOn: ['self-hosted', 'linux', sh],
            runnerArch: runnerArch(sh),
            imageOs: '',
            base: b,
            destructive: 'auto',
            lxd: false,
            ...none,
            configured: !!cfg.selfHosted[sh],
            fix: `set the repository variable ${runnerVariable(sh)} (a self-hosted runner labelled self-hosted, linux, ${sh})`,
        });
    const arch = ARCHES.find((a) => a.debian === b.arch);
    if (arch)
        out.push({
            kind: 'emulated',
            runsOn: EMULATED_RUNNER,
            runnerArch: runnerArch('amd64'),
            imageOs: imageOs('24.04'),
            base: b,
            destructive: 'true',
            lxd: false,
            containerPlatform: arch.platform,
            containerImage: `ubuntu:${b.channel}`,
            configured: cfg.emulate !== false && !gap,
            fix: cfg.emulate === false ? 'remove emulate: false' : gap,
        });
    return out;
}
const showBase = (b) => `${b.name} ${b.channel} ${b.arch}`;
const showBuildOn = (e) => e.buildOn.map(showBase).join(' or ');
const showSelect = (e) => e.select.kind === 'bases-index' ? `bases[${e.select.index}]` : e.select.kind === 'platform' ? `platforms.${e.select.name}` : 'charm build';
/** Is the entry needed by a release of these arches (one of its run-on arches is released)? */
function entryNeeded(e, arches) {
    return e.runOn.some((b) => b.arch === 'all' || arches.includes(b.arch));
}
/**
 * The route that packs an entry, or a UserError naming the charm, the entry's build-on and what would serve it:
 * the first configured native route of its build-on bases, else the first emulated one.
 * A self-hosted route is refused when the caller's owner is not the suite's (GitHub lets a called workflow use
 * the caller's self-hosted runners only when both repositories have the same owner).
 */
function routeEntry(charm, e, cfg, charmcraftChannel) {
    const all = e.buildOn.flatMap((b) => candidates(b, cfg, emulationGap(e, b, charmcraftChannel)));
    // A native route of any build-on base before an emulated one.
    const usable = all.find((r) => r.configured && r.kind !== 'emulated') ?? all.find((r) => r.configured);
    const where = `${charm}: ${showSelect(e)} builds on ${showBuildOn(e)}`;
    if (!usable) {
        if (all.length === 0)
            throw new UserError(`${where}, and no route packs it (GitHub hosts amd64 and arm64 on Ubuntu; the other arches of Ubuntu are packed on a self-hosted runner or emulated); pack it elsewhere and give the .charm files (files:), or drop its arch from arches`);
        throw new UserError(`${where}, and no configured route packs it; ${[...new Set(all.map((r) => r.fix))].join(', or ')}, or drop its arch from arches`);
    }
    if (usable.kind === 'self-hosted' && cfg.callerOwner && cfg.suiteOwner && cfg.callerOwner.toLowerCase() !== cfg.suiteOwner.toLowerCase())
        throw new UserError(`${where}: the self-hosted route (${runnerVariable(usable.base.arch)}) cannot serve a call from ${cfg.callerOwner}: GitHub gives a called workflow the caller's self-hosted runners only when both are owned by the same account (${cfg.suiteOwner}); copy release.yml into a repository of ${cfg.callerOwner} (see the README) or drop ${usable.base.arch} from arches`);
    const { configured: _c, fix: _f, ...route } = usable;
    return route;
}
/**
 * The build job of an arch runs on the self-hosted runner when its variable is set (release.yml: S390X_RUNNER);
 * from a caller of another owner GitHub would queue that job forever, so the plan refuses it up front.
 */
function checkBuildRoutes(arches, cfg) {
    const foreign = cfg.callerOwner && cfg.suiteOwner && cfg.callerOwner.toLowerCase() !== cfg.suiteOwner.toLowerCase();
    if (!foreign)
        return [];
    return SELF_HOSTED_ARCHES.filter((a) => a === 's390x' && arches.includes(a) && cfg.selfHosted[a]).map((a) => `build (${a}): ${runnerVariable(a)} sends the ${a} build job to a self-hosted runner, which cannot serve a call from ${cfg.callerOwner}: GitHub gives a called workflow the caller's self-hosted runners only when both are owned by the same account (${cfg.suiteOwner}); unset ${runnerVariable(a)} (the ${a} build then runs on a hosted amd64 runner, QEMU only for the smoke runs) or copy release.yml into a repository of ${cfg.callerOwner}`);
}
// ---------------------------------------------------------------- reading the entries
const obj = (v) => v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
/** `ubuntu@22.04` → {name, channel}. */
function parseBaseString(s, where) {
    const m = /^([a-z]+)@([0-9.]+|devel)$/.exec(s);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: base '${s}' is not <name>@<channel> (e.g. ubuntu@22.04)`);
    return { name: m[1], channel: m[2] };
}
/** A `bases` item's build-on/run-on list item: {name, channel, architectures}. */
function basesOf(v, where, defaultArch) {
    const d = obj(v);
    if (!d || typeof d.name !== 'string' || (typeof d.channel !== 'string' && typeof d.channel !== 'number'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: each base needs name and channel (e.g. name: ubuntu, channel: "22.04")`);
    const archs = Array.isArray(d.architectures) && d.architectures.length ? d.architectures.map(String) : [defaultArch];
    return archs.map((arch) => ({ name: d.name, channel: String(d.channel), arch }));
}
/**
 * The entries of a charm: from charmcraft.yaml `bases` (short and long forms; an entry without architectures
 * builds on the host's, amd64 on the hosted runner) or `platforms` (charmcraft 3: `ubuntu@22.04:amd64`, or an
 * arch under the top-level `base`, or build-on/build-for lists); for a charm-tools build, one entry from the
 * metadata's `series` (jammy -> 22.04, noble -> 24.04) for every released arch, built anywhere (amd64 hosted).
 */
function charmEntries(charm, charmcraft, metadata, builder, arches) {
    const file = `${charm}/charmcraft.yaml`;
    if (builder === 'charm') {
        const series = Array.isArray(metadata?.series) && metadata.series.length ? metadata.series.map(String) : ['jammy'];
        const runOn = series.flatMap((s) => arches.map((arch) => ({ name: 'ubuntu', channel: seriesRelease(s, `${charm}/metadata.yaml`), arch })));
        return [{ select: { kind: 'charm-tools' }, buildOn: [{ name: 'ubuntu', channel: '24.04', arch: 'amd64' }], runOn }];
    }
    if (Array.isArray(charmcraft?.bases)) {
        return charmcraft.bases.map((item, index) => {
            const where = `${file}: bases[${index}]`;
            const d = obj(item);
            if (d && ('build-on' in d || 'run-on' in d)) {
                if (!Array.isArray(d['build-on']) || !Array.isArray(d['run-on']))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: give both build-on and run-on lists`);
                return {
                    select: { kind: 'bases-index', index },
                    buildOn: d['build-on'].flatMap((b, i) => basesOf(b, `${where}.build-on[${i}]`, 'amd64')),
                    runOn: d['run-on'].flatMap((b, i) => basesOf(b, `${where}.run-on[${i}]`, 'amd64')),
                };
            }
            const bs = basesOf(item, where, 'amd64');
            return { select: { kind: 'bases-index', index }, buildOn: bs, runOn: bs };
        });
    }
    const platforms = obj(charmcraft?.platforms);
    if (platforms) {
        const top = typeof charmcraft?.base === 'string' ? parseBaseString(charmcraft.base, `${file}: base`) : undefined;
        const buildBase = typeof charmcraft?.['build-base'] === 'string' ? parseBaseString(charmcraft['build-base'], `${file}: build-base`) : top;
        const one = (s, where, dflt) => {
            const m = /^(?:([a-z]+@[0-9.]+|[a-z]+@devel):)?([a-z0-9]+)$/.exec(s);
            if (!m)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: '${s}' is not <arch> or <base>:<arch> (e.g. ubuntu@22.04:amd64)`);
            const b = m[1] ? parseBaseString(m[1], where) : dflt;
            if (!b)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: '${s}' names no base and charmcraft.yaml has no top-level base; write ubuntu@22.04:${s}`);
            return m[2] === 'all' ? arches.map((arch) => ({ ...b, arch })) : [{ ...b, arch: m[2] }];
        };
        return Object.entries(platforms).map(([name, v]) => {
            const where = `${file}: platforms.${name}`;
            const d = obj(v);
            if (!d)
                return { select: { kind: 'platform', name }, buildOn: one(name, where, buildBase), runOn: one(name, where, top) };
            const list = (k) => {
                if (!Array.isArray(d[k]))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: ${k} must be a list`);
                return d[k].map(String);
            };
            return {
                select: { kind: 'platform', name },
                buildOn: list('build-on').flatMap((s) => one(s, `${where}.build-on`, buildBase)),
                runOn: list('build-for').flatMap((s) => one(s, `${where}.build-for`, top)),
            };
        });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${file}: no bases or platforms; declare where the charm builds and runs (see charmcraft's docs)`);
}
const SERIES = { focal: '20.04', jammy: '22.04', noble: '24.04' };
/** A metadata `series` name → its Ubuntu release. */
function seriesRelease(series, where) {
    const r = SERIES[series];
    if (!r)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: series '${series}' is not one of ${Object.keys(SERIES).join(', ')}`);
    return r;
}
/**
 * A pack job's route as the summaries name it (markdown): `hosted \`ubuntu-22.04\`, destructive mode`,
 * `lxd \`ubuntu-24.04\`, LXD`, `self-hosted \`self-hosted, linux, s390x\``, and an emulated one with its slow mark:
 * `emulated \`linux/s390x\` in \`ubuntu:22.04\` on \`ubuntu-24.04\`, destructive mode (emulated, ~4.4× slower)`.
 */
function showRoute(p) {
    const runsOn = `\`${Array.isArray(p['runs-on']) ? p['runs-on'].join(', ') : p['runs-on']}\``;
    const where = p.route === 'emulated' ? `\`${p['container-platform']}\` in \`${p['container-image']}\` on ${runsOn}` : runsOn;
    const mode = p.destructive === 'true' ? ', destructive mode' : p.destructive === 'false' ? ', LXD' : '';
    return `${p.route} ${where}${mode}${p.slow ? ` (${p.slow})` : ''}`;
}
/**
 * One pack job per needed entry of one charm, each on its route; refuses (one line) what no route serves.
 * charmcraftChannel: the charm's .charmcraft-channel (which charmcraft the emulated route installs).
 */
function packJobs(charm, entries, arches, cfg, charmcraftChannel) {
    const jobs = [];
    for (const e of entries) {
        if (!entryNeeded(e, arches))
            continue;
        const r = routeEntry(charm, e, cfg, charmcraftChannel);
        jobs.push({
            charm,
            id: String(jobs.length),
            entry: showSelect(e),
            'bases-index': e.select.kind === 'bases-index' ? String(e.select.index) : '',
            platform: e.select.kind === 'platform' ? e.select.name : '',
            'build-on': showBase(r.base),
            'run-on': e.runOn.map(showBase).join(', '),
            arches: [...new Set(e.runOn.map((b) => b.arch))].filter((a) => arches.includes(a)).join(' '),
            route: r.kind,
            'runs-on': r.runsOn,
            'runner-arch': r.runnerArch,
            'image-os': r.imageOs,
            destructive: r.destructive,
            lxd: r.lxd,
            'container-platform': r.containerPlatform,
            'container-image': r.containerImage,
            slow: slowMark(r.kind),
        });
    }
    if (jobs.length === 0)
        throw new UserError(`${charm}: none of its entries runs on ${arches.join(', ')}; add a bases entry for them or drop the charm`);
    return jobs;
}
/** The route configuration the plan job reads from its environment (release.yml passes the repository variables). */
function routeConfigFromEnv(env, extra = []) {
    const selfHosted = {};
    for (const a of SELF_HOSTED_ARCHES)
        if ((env[runnerVariable(a)] ?? '') !== '' || extra.includes(a))
            selfHosted[a] = true;
    const suiteOwner = env.SUITE_REPOSITORY?.split('/')[0];
    return {
        selfHosted,
        ...(env.CALLER_OWNER ? { callerOwner: env.CALLER_OWNER } : {}),
        ...(suiteOwner ? { suiteOwner } : {}),
    };
}


/***/ }),

/***/ 3002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gl: () => (/* binding */ CharmhubStore),
  mJ: () => (/* binding */ CharmstoreStore),
  AD: () => (/* reexport */ StoreError),
  r7: () => (/* binding */ ensureTool),
  d$: () => (/* binding */ legacyUrl)
});

// UNUSED EXPORTS: isTransient, jsonErrors, parseDuplicate, parseResourceRevisions, parseStatus, parseStatusTracks, storePolicy

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(83497);
// EXTERNAL MODULE: ./shared/log.ts
var log = __webpack_require__(61620);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
;// CONCATENATED MODULE: ./shared/store-cli.ts
/**
 * The one way the store backends run their store CLI (charmcraft, snapcraft): an argument array, the credential
 * only in the child's environment, transient failures (timeouts, resets, 502/503/504) retried with backoff
 * (shared/retry.ts), anything else one StoreError with the store's own words, redacted.
 */





/** Defaults, overridable through the environment (the tests use short backoffs). */
function storePolicy(env = process.env) {
    return { attempts: (0,retry/* envNumber */.dc)(env, 'BUILD_SNAPS_STORE_ATTEMPTS', 4), backoffMs: (0,retry/* envNumber */.dc)(env, 'BUILD_SNAPS_STORE_BACKOFF_MS', 2000) };
}
const TRANSIENT_RE = /timed? ?out|timeout|connection (reset|refused|aborted)|ECONNRESET|ETIMEDOUT|EAI_AGAIN|temporar(il)?y unavailable|\b50[234]\b/i;
function isTransient(message) {
    return TRANSIENT_RE.test(message);
}
/** A store command failed; `message` is the store's own text (its JSON errors, else its last lines). */
class StoreError extends errors/* UserError */.yo {
    argv;
    storeMessage;
    codes;
    constructor(argv, storeMessage, codes = []) {
        super(`${argv.slice(0, 2).join(' ')} failed: ${storeMessage}`);
        this.argv = argv;
        this.storeMessage = storeMessage;
        this.codes = codes;
    }
}
class Cli {
    program;
    env;
    log;
    policy;
    readErrors;
    constructor(program, env, log, policy, 
    /** The tool's structured errors (charmcraft's JSON on stdout; snapcraft's `- code: message` lines), if any. */
    readErrors) {
        this.program = program;
        this.env = env;
        this.log = log;
        this.policy = policy;
        this.readErrors = readErrors;
    }
    /** Run one store command; retry transient failures; return stdout. */
    async call(args) {
        const argv = [external_node_path_default().basename(this.program), ...args];
        const judge = (e) => {
            const message = e instanceof StoreError ? e.storeMessage : String(e);
            return { retry: isTransient(message), message: `transient store error (${message})` };
        };
        try {
            return await (0,retry/* withRetry */.bD)({ policy: this.policy, label: args[0], log: this.log, judge }, async () => {
                const res = await (0,exec/* run */.e)(this.program, args, { env: this.env, allowFailure: true });
                if (res.exitCode === 0)
                    return res.stdout;
                const json = this.readErrors?.(res.stdout, res.stderr);
                if (json)
                    throw new StoreError(argv, (0,log/* redact */.E)(json.map((e) => `${e.code}: ${e.message}`).join('; ')), json.map((e) => e.code));
                throw new StoreError(argv, (0,log/* redact */.E)(storeMessage(res.stderr, res.stdout, res.exitCode)));
            });
        }
        catch (e) {
            if (!(e instanceof retry/* RetryFailure */.T$) || !(e.last instanceof StoreError))
                throw e;
            throw new StoreError(argv, e.last.storeMessage + (e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''), e.last.codes);
        }
    }
    async json(args) {
        const out = await this.call(args);
        try {
            return JSON.parse(out);
        }
        catch {
            throw new errors/* UserError */.yo(`${this.program} ${args[0]}: expected JSON, got '${(0,log/* redact */.E)(out.trim().slice(0, 200))}'; is this charmcraft 2.x or newer?`);
        }
    }
}
/** The store's own words: the last non-empty lines of stderr (else stdout), on one line; silence: the exit code. */
function storeMessage(stderr, stdout, exitCode) {
    const lines = (stderr.trim() || stdout.trim() || `exit code ${exitCode}, nothing printed`)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return lines.slice(-3).join(' | ');
}

// EXTERNAL MODULE: ./shared/charm/plan.ts
var plan = __webpack_require__(36863);
;// CONCATENATED MODULE: ./shared/charm/store.ts
/**
 * Store backends: Charmhub through `charmcraft` and the legacy charm store through the `charm` CLI
 * (push/attach/release/grant, for self-hosted legacy stores). Every call is an argument array; the Charmhub
 * credential reaches charmcraft only as CHARMCRAFT_AUTH in the child's environment. Transient failures
 * (timeouts, connection resets, 502/503/504) are retried with backoff; anything else stops with the store's
 * own message.
 *
 * The answers are parsed by the shapes charmcraft itself prints with `--format json` (canonical/charmcraft,
 * `charmcraft/application/commands/store.py` at commit 15966e958a7bc09748cd9aeceb0e24cfa3990bca, and
 * `charmcraft/store/store.py` for how the store's answers reach it):
 * - `status NAME`: `{}` when nothing has been released yet (StatusCommand.run), else a list of tracks,
 *   `[{track, mappings: [{base: {name, channel, architecture} | null, releases: [{status, channel, version,
 *   revision, resources: [{name, revision}] | null, expires_at}]}]}]`. `status` is `open` (a release of its
 *   own), `tracking` (no release of its own: the channel follows a safer risk) or `closed`. The channel map is
 *   per base: one charm revision per base/architecture.
 * - `upload` / `upload-resource`: `{"revision": N}`; a rejected upload prints `{"errors": [{"code",
 *   "message"}]}` on stdout and exits 1 (UploadCommand.run / UploadResourceCommand.run). Other failures
 *   (CraftError) go to stderr.
 * - `revisions NAME`: `[{revision, version, created_at, status, errors?}]`.
 * - `resources NAME`: `[{charm_revision, name, type, optional}]`.
 * - `resource-revisions NAME RES`: `[{revision, "created at", size, bases: [{name, channel, architectures}]}]`,
 *   in the store's order (not sorted) and without a digest.
 * - `status NAME` lists EVERY track of the charm once something is released (a track with no release has one
 *   mapping with `base: null` and every row `closed`): the tracks that exist. Before the first release (`{}`)
 *   the tracks cannot be read through charmcraft.
 * - `create-track --name NAME --track T` (CreateTrack): creates tracks that match one of the charm's track
 *   guardrails (requested in the "charmhub requests" category of discourse.charmhub.io); with `--format json`
 *   it prints the request list. Releasing to a track that does not exist fails at the store ("Invalid track").
 */





/** `{"errors": [{"code", "message"}]}` on stdout: how charmcraft reports a rejected upload with --format json. */
function jsonErrors(stdout) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    const errors = doc?.errors;
    if (!Array.isArray(errors) || errors.length === 0)
        return undefined;
    return errors.map((e) => ({
        code: String(e?.code ?? 'error'),
        message: String(e?.message ?? '')
            .replace(/\s+/g, ' ')
            .trim(),
    }));
}
const DUPLICATE_REVISION_RE = /Revision of the existing package is:\s*(\d+)/i;
const DUPLICATE_DIGEST_RE = /(?:upload with that digest|already exists)/i;
const SHA3_RE = /SHA3-384:\s*'?([0-9a-f]{96})'?/i;
/** Read a refused upload: is it "this exact file is already there", and what does the message say? */
function parseDuplicate(message) {
    const rev = DUPLICATE_REVISION_RE.exec(message);
    const digest = SHA3_RE.exec(message)?.[1]?.toLowerCase();
    if (!rev && !digest && !DUPLICATE_DIGEST_RE.test(message))
        return undefined;
    return { ...(rev ? { revision: Number(rev[1]) } : {}), ...(digest ? { digest } : {}) };
}
function revisionOf(v, what) {
    const r = v?.revision;
    if (typeof r !== 'number' || !Number.isInteger(r))
        throw new errors/* UserError */.yo(`${what}: the store's answer has no revision: ${JSON.stringify(v).slice(0, 200)}`);
    return r;
}
function rows(v, what) {
    if (!Array.isArray(v))
        throw new errors/* UserError */.yo(`${what}: expected a JSON list from the store, got ${JSON.stringify(v).slice(0, 200)}`);
    return v;
}
function parseBase(v, what) {
    if (v === null || v === undefined)
        return null;
    const b = v;
    if (typeof b.name !== 'string' || typeof b.channel !== 'string' || typeof b.architecture !== 'string') {
        throw new errors/* UserError */.yo(`${what}: a mapping's base is not {name, channel, architecture}: ${JSON.stringify(v).slice(0, 200)}`);
    }
    return { name: b.name, channel: b.channel, architecture: b.architecture };
}
/**
 * The open releases in a `charmcraft status --format json` answer: `{}` (nothing released yet) is an empty
 * map; `tracking` and `closed` rows hold no revision of their own and are left out.
 */
function parseStatus(doc) {
    const what = 'charmcraft status';
    if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && Object.keys(doc).length === 0)
        return [];
    const out = [];
    for (const t of rows(doc, what)) {
        const mappings = t.mappings;
        if (!Array.isArray(mappings))
            throw new errors/* UserError */.yo(`${what}: track ${JSON.stringify(t.track)} has no mappings list: ${JSON.stringify(t).slice(0, 200)}`);
        for (const m of mappings) {
            const base = parseBase(m.base, what);
            for (const r of m.releases ?? []) {
                if (r.status !== 'open')
                    continue;
                if (typeof r.channel !== 'string' || typeof r.revision !== 'number')
                    throw new errors/* UserError */.yo(`${what}: an open release without channel or revision: ${JSON.stringify(r).slice(0, 200)}`);
                const resources = {};
                for (const x of r.resources ?? [])
                    resources[x.name] = x.revision;
                out.push({ channel: r.channel, base, revision: r.revision, resources });
            }
        }
    }
    return out;
}
/** The tracks a `charmcraft status --format json` answer lists; undefined for `{}` (nothing released: not listed). */
function parseStatusTracks(doc) {
    if (!Array.isArray(doc))
        return undefined;
    return doc.map((t) => {
        if (typeof t?.track !== 'string')
            throw new errors/* UserError */.yo(`charmcraft status: a track without a name: ${JSON.stringify(t).slice(0, 200)}`);
        return t.track;
    });
}
/** `charmcraft resource-revisions --format json` rows, in the store's order (callers pick by number, never by row). */
function parseResourceRevisions(doc) {
    const what = 'charmcraft resource-revisions';
    return rows(doc, what).map((r) => {
        const arches = Array.isArray(r.bases)
            ? [
                ...new Set(r.bases.flatMap((b) => Array.isArray(b?.architectures) ? b.architectures.map(String) : [])),
            ]
            : [];
        return { revision: revisionOf(r, what), ...(typeof r.size === 'number' ? { size: r.size } : {}), ...(arches.length ? { arches } : {}) };
    });
}

class CharmhubStore {
    tool;
    kind = 'charmhub';
    cli;
    constructor(tool, credentials, log, policy = storePolicy()) {
        this.tool = tool;
        this.cli = new Cli(tool, credentials ? { CHARMCRAFT_AUTH: credentials } : {}, log, policy, jsonErrors);
    }
    async uploadCharm(file) {
        try {
            return { revision: revisionOf(await this.cli.json(['upload', '--format', 'json', file]), 'charmcraft upload') };
        }
        catch (e) {
            const dup = e instanceof StoreError ? parseDuplicate(e.storeMessage) : undefined;
            if (dup)
                return { duplicate: dup };
            throw e;
        }
    }
    async charmRevisions(name) {
        return rows(await this.cli.json(['revisions', name, '--format', 'json']), 'charmcraft revisions').map((r) => revisionOf(r, 'charmcraft revisions'));
    }
    async declaredResources(name) {
        return rows(await this.cli.json(['resources', name, '--format', 'json']), 'charmcraft resources').map((r) => ({
            name: String(r.name),
            type: r.type === 'oci-image' ? 'oci-image' : 'file',
        }));
    }
    async uploadResource(name, resource, file, arch) {
        const args = ['upload-resource', '--format', 'json', name, resource, '--filepath', file, ...(arch ? ['--arch', arch] : [])];
        return revisionOf(await this.cli.json(args), 'charmcraft upload-resource');
    }
    async resourceRevisions(name, resource) {
        return parseResourceRevisions(await this.cli.json(['resource-revisions', name, resource, '--format', 'json']));
    }
    async channelMap(name) {
        return (await this.status(name)).releases;
    }
    async status(name) {
        const doc = await this.cli.json(['status', name, '--format', 'json']);
        const tracks = parseStatusTracks(doc);
        return { releases: parseStatus(doc), ...(tracks ? { tracks } : {}) };
    }
    async createTrack(name, track) {
        await this.cli.call((0,plan/* createTrackArgs */.hU)(name, track));
    }
    async release(name, revision, channel, resources) {
        await this.cli.call((0,plan/* releaseArgs */.dd)(name, revision, channel, resources));
    }
}
/**
 * The legacy charm store (`cs:` URLs), through charm-tools' `charm` CLI, as the seed's release script did:
 * `charm push DIR URL`, `charm attach URL-N res=file`, `charm list-resources`, `charm release URL-N --channel C
 * -r res-N ...`, `charm grant URL-N --channel C --acl read everyone`. Authentication is the CLI's own login
 * (`charm login`, its cookie jar); the credentials input is not used for this store.
 */
class CharmstoreStore {
    tool;
    namespace;
    kind = 'charmstore';
    cli;
    constructor(tool, namespace, log, policy = storePolicy()) {
        this.tool = tool;
        this.namespace = namespace;
        this.cli = new Cli(tool, {}, log, policy, jsonErrors);
    }
    url(name, revision) {
        const base = legacyUrl(this.namespace, name);
        return revision === undefined ? base : `${base}-${revision}`;
    }
    /** `charm push` takes the charm directory; `file` here is the unpacked directory of the .charm. */
    async uploadCharm(dir, name) {
        const out = await this.cli.call(['push', dir, this.url(name)]);
        const m = /url:\s*\S+-(\d+)\s*$/m.exec(out);
        if (!m)
            throw new errors/* UserError */.yo(`charm push: no revision in its answer '${out.trim().slice(0, 200)}'`);
        return { revision: Number(m[1]) };
    }
    async charmRevisions() {
        return undefined;
    }
    async declaredResources(name) {
        return rows(await this.cli.json(['list-resources', this.url(name), '--format', 'json']), 'charm list-resources').map((r) => ({
            name: String(r.name),
            type: 'file',
        }));
    }
    async uploadResource(name, resource, file) {
        const out = await this.cli.call(['attach', this.url(name), `${resource}=${file}`]);
        const m = /uploaded revision (\d+) of/.exec(out);
        if (!m)
            throw new errors/* UserError */.yo(`charm attach: no revision in its answer '${out.trim().slice(0, 200)}'`);
        return Number(m[1]);
    }
    async resourceRevisions() {
        return [];
    }
    /** The legacy CLI offers no machine-readable channel map: a re-run releases again (harmless: same revisions). */
    async channelMap() {
        return undefined;
    }
    async status() {
        return undefined;
    }
    /** The legacy store has no tracks (its channels are bare risks): the plan never asks for one. */
    async createTrack(name, track) {
        throw new Error(`the legacy charm store has no tracks (asked to create ${track} for ${name})`);
    }
    async release(name, revision, channel, resources) {
        const url = this.url(name, revision);
        await this.cli.call([
            'release',
            url,
            '--channel',
            channel.name,
            ...Object.entries(resources).flatMap(([r, rev]) => ['-r', `${r}-${rev}`]),
        ]);
        await this.cli.call(['grant', url, '--channel', channel.name, '--acl', 'read', 'everyone']);
    }
}
/** A legacy charm store URL without revision: cs:~namespace/name (or cs:name). */
function legacyUrl(namespace, name) {
    return namespace ? `cs:~${namespace}/${name}` : `cs:${name}`;
}
/**
 * charmcraft or charm-tools' `charm` from PATH; on a GitHub runner, installed from the snap store (the given
 * channel) when missing, unless BUILD_SNAPS_NO_INSTALL is set.
 */
async function ensureTool(program, channel, log) {
    const found = (0,exec/* which */.K)(program);
    if (found)
        return found;
    if (process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL && (0,exec/* which */.K)('sudo') && (0,exec/* which */.K)('snap')) {
        log(`${program} is missing: installing the ${program} snap from ${channel}`);
        await (0,exec/* run */.e)('sudo', ['snap', 'install', program, '--classic', `--channel=${channel}`]);
        const installed = (0,exec/* which */.K)(program, `${process.env.PATH}${(external_node_path_default()).delimiter}/snap/bin`);
        if (installed)
            return installed;
    }
    throw new errors/* UserError */.yo(`${program} is not installed; install it (sudo snap install ${program} --classic) or run on a GitHub runner, where this action installs it from charmcraft-channel`);
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

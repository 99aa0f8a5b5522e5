export const id = 663;
export const ids = [663];
export const modules = {

/***/ 82220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ goEnv),
/* harmony export */   KH: () => (/* binding */ ARCH_NAMES),
/* harmony export */   LY: () => (/* binding */ hostArch),
/* harmony export */   Pr: () => (/* binding */ ARCHES),
/* harmony export */   YE: () => (/* binding */ archFromElf),
/* harmony export */   eQ: () => (/* binding */ parseArches),
/* harmony export */   g: () => (/* binding */ archOrHost),
/* harmony export */   ku: () => (/* binding */ archesOrHost)
/* harmony export */ });
/* unused harmony export parseArch */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18573);
/**
 * The one architecture table (docs/upstream.md#architecture-names). Every spelling of an architecture used anywhere in the
 * suite comes from here: Debian/Juju/snap names for snaps and charm resources, Go names for Go,
 * Kubernetes, CNI, flannel and etcd, and the rest for emulation and verification.
 */


const ARCHES = Object.freeze([
    {
        debian: 'amd64',
        go: 'amd64',
        k8s: 'amd64',
        uname: 'x86_64',
        qemu: 'qemu-x86_64',
        platform: 'linux/amd64',
        elf: { machine: 62, bits: 64, endian: 'LSB' },
        node: 'x64',
        runner: 'X64',
    },
    {
        debian: 'arm64',
        go: 'arm64',
        k8s: 'arm64',
        uname: 'aarch64',
        qemu: 'qemu-aarch64',
        platform: 'linux/arm64',
        elf: { machine: 183, bits: 64, endian: 'LSB' },
        node: 'arm64',
        runner: 'ARM64',
    },
    {
        debian: 'armhf',
        go: 'arm',
        goarm: '7',
        k8s: 'arm',
        uname: 'armv7l',
        qemu: 'qemu-arm',
        platform: 'linux/arm/v7',
        elf: { machine: 40, bits: 32, endian: 'LSB' },
        node: 'arm',
        runner: 'ARM',
    },
    {
        debian: 'ppc64el',
        go: 'ppc64le',
        k8s: 'ppc64le',
        uname: 'ppc64le',
        qemu: 'qemu-ppc64le',
        platform: 'linux/ppc64le',
        elf: { machine: 21, bits: 64, endian: 'LSB' },
        node: 'ppc64',
        runner: 'PPC64LE',
    },
    {
        debian: 's390x',
        go: 's390x',
        k8s: 's390x',
        uname: 's390x',
        qemu: 'qemu-s390x',
        platform: 'linux/s390x',
        elf: { machine: 22, bits: 64, endian: 'MSB' },
        node: 's390x',
        runner: 'S390X',
    },
    {
        debian: 'riscv64',
        go: 'riscv64',
        k8s: 'riscv64',
        uname: 'riscv64',
        qemu: 'qemu-riscv64',
        platform: 'linux/riscv64',
        elf: { machine: 243, bits: 64, endian: 'LSB' },
        node: 'riscv64',
    },
]);
const ARCH_NAMES = ARCHES.map((a) => a.debian);
/** Every spelling that names an architecture, lower-cased, mapped to its table row. */
const SPELLINGS = new Map();
for (const a of ARCHES) {
    for (const s of [a.debian, a.go, a.k8s, a.uname, a.platform, a.qemu]) {
        if (!SPELLINGS.has(s))
            SPELLINGS.set(s, a);
    }
}
// Common aliases seen in the wild.
SPELLINGS.set('x64', ARCHES[0]);
SPELLINGS.set('linux/arm', ARCHES[2]);
SPELLINGS.set('armv7', ARCHES[2]);
/** Parse any spelling (Debian, Go, Kubernetes, uname, Docker platform) into the table row. */
function parseArch(value, inputName = 'arch') {
    const key = value.trim().toLowerCase();
    const arch = SPELLINGS.get(key);
    if (!arch) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: unknown architecture '${value.trim()}'; use one of ${ARCH_NAMES.join(', ')} (Go spellings ppc64le and arm are accepted too)`);
    }
    return arch;
}
/** Parse a space/comma/newline separated list of architectures, without duplicates, in table order kept as given. */
function parseArches(value, inputName = 'arch') {
    const out = [];
    for (const word of (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(value)) {
        const a = parseArch(word, inputName);
        if (!out.includes(a))
            out.push(a);
    }
    if (out.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${inputName}: no architecture given; use one or more of ${ARCH_NAMES.join(', ')}`);
    return out;
}
/** The architecture of the machine this code runs on. */
function hostArch() {
    const a = ARCHES.find((x) => x.node === process.arch);
    if (!a)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`this runner's architecture '${process.arch}' is not one of ${ARCH_NAMES.join(', ')}; set the arch input`);
    return a;
}
/** The arch input, or this host when it is empty. */
function archOrHost(value, inputName = 'arch') {
    return value ? parseArch(value, inputName) : hostArch();
}
/** The arch input (one or several), or this host when it is empty. */
function archesOrHost(value, inputName = 'arch') {
    return value ? parseArches(value, inputName) : [hostArch()];
}
/** Look an architecture up by its ELF header fields; undefined when no row matches. */
function archFromElf(machine, bits, endian) {
    return ARCHES.find((a) => a.elf.machine === machine && a.elf.bits === bits && a.elf.endian === endian);
}
/** The environment for a Go cross-compile to this architecture (CGO off, GOARM for armhf). */
function goEnv(arch) {
    const env = { GOOS: 'linux', GOARCH: arch.go, CGO_ENABLED: '0' };
    if (arch.goarm)
        env.GOARM = arch.goarm;
    return env;
}


/***/ }),

/***/ 65264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ extractTarGz),
/* harmony export */   Jq: () => (/* binding */ readTarGz),
/* harmony export */   SB: () => (/* binding */ writeTarGz)
/* harmony export */ });
/* unused harmony export safeEntryName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(32635);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78365);
/**
 * Tarballs: one deterministic tar.gz writer and one safe tar(.gz) reader, on tar-stream (mafintosh/tar-stream)
 * for the tar format and node:zlib for gzip; this file adds only the determinism and the refusals.
 *
 * Writer: entries sorted by name, parent directories added, mtime fixed (SOURCE_DATE_EPOCH), owner 0:0
 * (root/root), modes normalised (0755 for directories and executables, 0644 otherwise), ustar headers
 * (pax for long names), gzip without a file name or time: the same inputs give the same bytes.
 * Reader: streams a tar or tar.gz (ustar, pax, GNU long names) and refuses, before anything is written,
 * any entry whose path or link target would land outside the root (absolute, `..`, or through a link).
 */








/** A path that stays inside the archive root: relative, no `..`, no empty name; './' prefixes dropped. */
function safeEntryName(name, label) {
    const raw = name.replace(/\\/g, '/');
    if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: entry '${name}' has an absolute path; refusing to unpack it (it would land outside the target directory)`);
    const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: entry '${name}' contains '..'; refusing to unpack it (it would land outside the target directory)`);
    return parts.join('/');
}
async function resolveInputs(entries, label) {
    const byName = new Map();
    for (const e of entries) {
        const name = safeEntryName(e.name, label);
        if (!name)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: an entry has an empty name`);
        if (byName.has(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: two entries are named '${name}'`);
        const type = e.type ?? (e.linkname !== undefined ? 'symlink' : 'file');
        let size = 0;
        let mode = e.mode ?? 0o644;
        let data;
        if (type === 'file') {
            if (e.file !== undefined) {
                const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(e.file);
                if (!st.isFile())
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: '${e.file}' is not a regular file`);
                size = st.size;
                if (e.mode === undefined)
                    mode = st.mode & 0o111 ? 0o755 : 0o644;
            }
            else {
                data = Buffer.from(e.data ?? '');
                size = data.length;
            }
        }
        else if (type === 'dir') {
            mode = e.mode ?? 0o755;
        }
        else {
            if (!e.linkname)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: symlink '${name}' has no target`);
            assertLinkInside(name, e.linkname, label);
            mode = 0o777;
        }
        byName.set(name, { name, type, mode: e.mode ?? mode, linkname: e.linkname, data, file: e.file, size });
    }
    // Every parent directory gets its own entry, so tar -x creates it with a normalised mode and time.
    for (const name of [...byName.keys()]) {
        const parts = name.split('/');
        for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/');
            const have = byName.get(dir);
            if (!have)
                byName.set(dir, { name: dir, type: 'dir', mode: 0o755, size: 0 });
            else if (have.type !== 'dir')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: '${dir}' is both a file and a directory`);
        }
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
const TAR_TYPE = { file: 'file', dir: 'directory', symlink: 'symlink' };
/** Feed the entries into a tar-stream pack one after another, then finalize it. */
async function packEntries(pack, entries, mtime) {
    for (const e of entries) {
        const data = e.type !== 'file' ? Buffer.alloc(0) : (e.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(e.file)));
        if (data.length !== e.size)
            throw new Error(`${e.file} changed size while being archived`);
        // A directory's name ends in '/' (GNU tar's spelling; tar-stream adds it only for a numeric typeflag).
        const header = {
            name: e.type === 'dir' ? `${e.name}/` : e.name,
            type: TAR_TYPE[e.type],
            mode: e.mode,
            uid: 0,
            gid: 0,
            uname: 'root',
            gname: 'root',
            mtime: new Date(mtime * 1000),
            size: data.length,
            linkname: e.linkname,
        };
        await new Promise((resolve, reject) => pack.entry(header, data, (err) => (err ? reject(err) : resolve())));
    }
    pack.finalize();
}
/**
 * gzip level: zlib's default. On Go binaries level 9 took 2.4x as long for 0.3 % less (31.7 MB of Go tools:
 * 6.7 s vs 2.8 s, 12.71 MB vs 12.75 MB); packing was most of build-cnitgz's time beyond `go build`.
 */
const GZIP_LEVEL = 6;
/**
 * Write a deterministic tar.gz to dest (atomically: dest is whole or absent). tar-stream writes the ustar
 * headers (a pax header for a name ustar cannot hold); zlib writes a gzip header with no file name, mtime 0 and,
 * at a fixed level, a fixed XFL byte.
 */
async function writeTarGz(dest, entries, opts) {
    const resolved = await resolveInputs(entries, opts.label ?? node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(dest));
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .produceAtomic */ .Kx)(dest, async (tmp) => {
        const pack = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.pack)();
        await Promise.all([
            (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(pack, (0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGzip)({ level: GZIP_LEVEL }), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(tmp)),
            packEntries(pack, resolved, opts.mtime).catch((e) => {
                pack.destroy(e);
                throw e;
            }),
        ]);
    });
}
// ---------------------------------------------------------------- reader
function assertLinkInside(name, target, label) {
    const stack = name.split('/').slice(0, -1);
    let escapes = target.startsWith('/');
    for (const part of target.split('/')) {
        if (part === '..') {
            if (stack.length === 0)
                escapes = true;
            stack.pop();
        }
        else if (part !== '' && part !== '.')
            stack.push(part);
    }
    if (escapes)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: link '${name}' -> '${target}' points outside the archive; refusing to unpack it`);
}
async function readAll(stream) {
    const chunks = [];
    for await (const c of stream)
        chunks.push(c);
    return Buffer.concat(chunks);
}
/** tar-stream's parse errors as what they mean for the user. */
function tarError(e, label) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo)
        return e;
    const msg = e?.message ?? '';
    if (/Invalid tar header|unknown format/i.test(msg))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: not a tar archive (bad header checksum)`);
    if (/Unexpected end of data/i.test(msg))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: truncated tar archive (entry data cut short)`);
    return e;
}
/**
 * Every entry of a tar or tar.gz stream (tar-stream parses ustar, pax and GNU long names), checked: names
 * made safe (no absolute paths, no '..', no link leading outside), file data included. Hard links and devices
 * are refused.
 */
async function* readTarEntries(source, label) {
    const ex = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.extract)();
    source.on('error', (e) => ex.destroy(e));
    source.pipe(ex);
    try {
        for await (const entry of ex) {
            const h = entry.header;
            const data = await readAll(entry);
            const name = safeEntryName(h.name, label);
            const base = { name, mode: h.mode & 0o7777, uid: h.uid, gid: h.gid, mtime: Math.floor(h.mtime.getTime() / 1000) };
            if (h.type === 'file' || h.type === 'contiguous-file') {
                if (!name)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: a file entry has an empty name`);
                yield { ...base, type: 'file', size: data.length, data };
            }
            else if (h.type === 'directory') {
                if (name)
                    yield { ...base, type: 'dir', size: 0 };
            }
            else if (h.type === 'symlink') {
                assertLinkInside(name, h.linkname, label);
                yield { ...base, type: 'symlink', size: 0, linkname: h.linkname };
            }
            else {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: entry '${h.name}' is a ${h.type === 'link' ? 'hard link' : `${h.type} entry`}; only files, directories and symlinks are accepted`);
            }
        }
    }
    catch (e) {
        throw tarError(e, label);
    }
    finally {
        ex.destroy();
    }
}
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** A file as a stream of tar bytes, gunzipped when it starts with the gzip magic. */
async function tarSource(file) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file);
    const magic = Buffer.alloc(2);
    await fh.read(magic, 0, 2, 0);
    await fh.close();
    const raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file);
    return magic.equals(GZIP_MAGIC) ? raw.pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip)()) : raw;
}
async function iterate(file, label) {
    try {
        return readTarEntries(await tarSource(file), label);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: cannot read ${file}: ${e.message}`);
    }
}
/** Read a whole tar(.gz) into memory (small archives: resources, release tarballs). */
async function readTarGz(file, label = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)) {
    const out = [];
    try {
        for await (const e of await iterate(file, label))
            out.push(e);
    }
    catch (e) {
        throw wrapZlib(e, label);
    }
    return out;
}
function wrapZlib(e, label) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo)
        return e;
    const code = e.code;
    if (code && code.startsWith('Z_'))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: not a valid gzip file (${e.message})`);
    return e;
}
/**
 * Unpack a tar(.gz) into dir (created). Every entry is checked before it is written; an unsafe entry
 * stops the extraction with a UserError and dir, when this call created it, is removed, so nothing
 * half-unpacked is left.
 */
async function extractTarGz(file, dir, label = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)) {
    const names = [];
    const created = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true })) !== undefined;
    try {
        const links = new Set();
        for await (const e of await iterate(file, label)) {
            // Never write through a symlink the archive itself created.
            const parts = e.name.split('/');
            for (let i = 1; i <= parts.length; i++) {
                if (links.has(parts.slice(0, i).join('/')))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UserError */ .yo(`${label}: entry '${e.name}' goes through the link '${parts.slice(0, i).join('/')}'; refusing to unpack it`);
            }
            const dest = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name);
            if (e.type === 'dir') {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dest, { recursive: true });
            }
            else {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dest), { recursive: true });
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dest, { force: true, recursive: true });
                if (e.type === 'symlink') {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(e.linkname, dest);
                    links.add(e.name);
                }
                else {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(dest, e.data);
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(dest, e.mode & 0o777);
                }
            }
            names.push(e.name);
        }
    }
    catch (e) {
        if (created)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        throw wrapZlib(e, label);
    }
    return names;
}


/***/ }),

/***/ 87563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ag: () => (/* binding */ openElf),
/* harmony export */   Rg: () => (/* binding */ describeElf),
/* harmony export */   as: () => (/* binding */ assertElfArch),
/* harmony export */   x9: () => (/* binding */ readElfHeader)
/* harmony export */ });
/* unused harmony export parseElfHeader */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82220);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/** Read an ELF header and check that a binary is built for the expected architecture. */



/** The ELF header of file, or undefined when it is not an ELF file. */
async function readElfHeader(file) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const buf = Buffer.alloc(20);
        const { bytesRead } = await fh.read(buf, 0, 20, 0);
        return parseElfHeader(buf.subarray(0, bytesRead));
    }
    finally {
        await fh.close();
    }
}
function parseElfHeader(buf) {
    if (buf.length < 20 || buf[0] !== 0x7f || buf[1] !== 0x45 || buf[2] !== 0x4c || buf[3] !== 0x46)
        return undefined;
    const bits = buf[4] === 1 ? 32 : buf[4] === 2 ? 64 : undefined;
    const endian = buf[5] === 1 ? 'LSB' : buf[5] === 2 ? 'MSB' : undefined;
    if (!bits || !endian)
        return undefined;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const le = endian === 'LSB';
    return { bits, endian, type: view.getUint16(16, le), machine: view.getUint16(18, le) };
}
function describeElf(h) {
    const a = (0,_arch_js__WEBPACK_IMPORTED_MODULE_1__/* .archFromElf */ .YE)(h.machine, h.bits, h.endian);
    return a ? `${a.debian} (ELF machine ${h.machine}, ${h.bits}-bit ${h.endian})` : `ELF machine ${h.machine}, ${h.bits}-bit ${h.endian}`;
}
/** Throw a UserError unless file is an ELF executable for arch. `label` names the file in the message. */
async function assertElfArch(file, arch, label = file) {
    const h = await readElfHeader(file);
    if (!h)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${label} is not an ELF binary; expected a Linux ${arch.debian} executable`);
    if (h.machine !== arch.elf.machine || h.bits !== arch.elf.bits || h.endian !== arch.elf.endian) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${label} is built for ${describeElf(h)}, not ${arch.debian}; use the ${arch.debian} binary (Go/Kubernetes name ${arch.go})`);
    }
    return h;
}
/**
 * Open file as ELF (32/64-bit, either byte order) and read its section and program header tables, the
 * layout of the ELF specification (System V gABI, "Sections" and "Program Header"). Undefined when the file
 * is not ELF. Only the tables are read; contents are read on demand.
 */
async function openElf(file) {
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    const read = async (offset, length) => {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await fh.read(buf, 0, length, offset);
        return buf.subarray(0, bytesRead);
    };
    try {
        const ident = await read(0, 64);
        const header = parseElfHeader(ident);
        if (!header) {
            await fh.close();
            return undefined;
        }
        const le = header.endian === 'LSB';
        const b64 = header.bits === 64;
        const u16 = (b, o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
        const u32 = (b, o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
        const word = (b, o) => (b64 ? Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o));
        const phoff = word(ident, b64 ? 32 : 28);
        const shoff = word(ident, b64 ? 40 : 32);
        const [phentsize, phnum, shentsize, shnum, shstrndx] = (b64 ? [54, 56, 58, 60, 62] : [42, 44, 46, 48, 50]).map((o) => u16(ident, o));
        const segments = [];
        if (phoff && phnum) {
            const tab = await read(phoff, phentsize * phnum);
            for (let i = 0; i < phnum && (i + 1) * phentsize <= tab.length; i++) {
                const p = tab.subarray(i * phentsize);
                segments.push(b64
                    ? { type: u32(p, 0), flags: u32(p, 4), offset: word(p, 8), vaddr: word(p, 16), filesz: word(p, 32) }
                    : { type: u32(p, 0), offset: u32(p, 4), vaddr: u32(p, 8), filesz: u32(p, 16), flags: u32(p, 24) });
            }
        }
        const sections = [];
        if (shoff && shnum) {
            const tab = await read(shoff, shentsize * shnum);
            const raw = [];
            for (let i = 0; i < shnum && (i + 1) * shentsize <= tab.length; i++) {
                const s = tab.subarray(i * shentsize);
                raw.push(b64
                    ? { nameOff: u32(s, 0), type: u32(s, 4), addr: word(s, 16), offset: word(s, 24), size: word(s, 32) }
                    : { nameOff: u32(s, 0), type: u32(s, 4), addr: u32(s, 12), offset: u32(s, 16), size: u32(s, 20) });
            }
            const strtab = raw[shstrndx] ? await read(raw[shstrndx].offset, raw[shstrndx].size) : Buffer.alloc(0);
            for (const s of raw) {
                const end = strtab.indexOf(0, s.nameOff);
                sections.push({
                    name: strtab.toString('latin1', s.nameOff, end < 0 ? strtab.length : end),
                    type: s.type,
                    addr: s.addr,
                    offset: s.offset,
                    size: s.size,
                });
            }
        }
        return {
            header,
            sections,
            segments,
            read,
            async readAt(vaddr, length) {
                const seg = segments.find((p) => p.type === 1 && vaddr >= p.vaddr && vaddr + length <= p.vaddr + p.filesz);
                return seg ? read(seg.offset + (vaddr - seg.vaddr), length) : undefined;
            },
            close: () => fh.close(),
        };
    }
    catch (e) {
        await fh.close();
        throw e;
    }
}


/***/ }),

/***/ 83497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ which),
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41955);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61620);
/** Run a program with an argument array (never a shell string), capture its output, redact secrets. */





async function run(program, args, opts = {}) {
    const env = {};
    for (const [k, v] of Object.entries({ ...process.env, ...opts.env }))
        if (v !== undefined)
            env[k] = v;
    const input = opts.input === undefined ? undefined : Buffer.from(opts.input);
    let res;
    try {
        const onLine = opts.onLine;
        const listeners = onLine ? { stdline: (l) => onLine((0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(l)), errline: (l) => onLine((0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(l)) } : undefined;
        res = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(program, args, { cwd: opts.cwd, env, input, silent: true, ignoreReturnCode: true, listeners });
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`cannot run ${program}: ${(0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(e instanceof Error ? e.message : String(e))}`);
    }
    if (res.exitCode !== 0 && !opts.allowFailure) {
        const tail = lastLines(res.stderr || res.stdout, 3);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo((0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E)(`${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(program)} ${args.join(' ')} exited with ${res.exitCode}${tail ? `: ${tail}` : ''}`));
    }
    return res;
}
function lastLines(text, n) {
    return text.trim().split('\n').slice(-n).join(' | ');
}
/** Find a program on PATH (or the given PATH); undefined when absent. */
function which(program, pathEnv = process.env.PATH ?? '') {
    if (program.includes('/'))
        return isExecutable(program) ? program : undefined;
    for (const dir of pathEnv.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter))) {
        if (!dir)
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, program);
        if (isExecutable(candidate))
            return candidate;
    }
    return undefined;
}
function isExecutable(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
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


/***/ }),

/***/ 39273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HN: () => (/* binding */ writeManifest),
/* harmony export */   LG: () => (/* binding */ describeFiles),
/* harmony export */   Xe: () => (/* binding */ humanSize),
/* harmony export */   jb: () => (/* binding */ summaryTable)
/* harmony export */ });
/* unused harmony export sha256sums */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(78365);
/** SHA256SUMS + manifest.json of everything a run produced. */



async function describeFiles(files, archOf) {
    return Promise.all(files.map(async (file) => ({
        file,
        name: node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file),
        size: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size,
        sha256: await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(file),
        ...(archOf?.(file) ? { arch: archOf(file) } : {}),
    })));
}
/** `sha256sum -c`-compatible lines, sorted by name. */
function sha256sums(entries) {
    return [...entries]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => `${e.sha256}  ${e.name}\n`)
        .join('');
}
/**
 * Write SHA256SUMS and manifest.json into dir; returns the SHA256SUMS path. Entries of earlier runs into the
 * same directory (another arch, say) are kept while their files still exist, so the file covers the directory.
 */
async function writeManifest(dir, given) {
    const sums = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'SHA256SUMS');
    const entries = [...given, ...(await sidecars(dir, given))];
    const mine = new Set(entries.map((e) => e.name));
    const earlier = await readManifestJson(dir);
    const kept = [];
    for (const e of earlier) {
        if (!mine.has(e.name) && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, e.name)).catch(() => undefined))?.size === e.size)
            kept.push({ ...e, file: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, e.name) });
    }
    const all = [...kept, ...entries];
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(sums, sha256sums(all));
    const json = [...all]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ name, size, sha256, arch }) => ({ name, size, sha256, ...(arch ? { arch } : {}) }));
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'manifest.json'), JSON.stringify(json, null, 2) + '\n');
    return sums;
}
/**
 * The attestation files beside the entries (shared/sbom.ts, shared/provenance.ts), so SHA256SUMS covers them:
 * each entry's `<name>.spdx.json` and every `provenance.*.intoto.json` in dir.
 */
async function sidecars(dir, entries) {
    const have = new Set(entries.map((e) => e.name));
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir).catch(() => []);
    const arch = new Map(entries.map((e) => [`${e.name}.spdx.json`, e.arch]));
    const extra = names.filter((n) => !have.has(n) && (arch.has(n) || /^provenance\..+\.intoto\.json$/.test(n))).sort();
    return describeFiles(extra.map((n) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, n)), (f) => arch.get(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(f)));
}
async function readManifestJson(dir) {
    try {
        const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'manifest.json'), 'utf8'));
        return Array.isArray(parsed)
            ? parsed.filter((e) => typeof e?.name === 'string' && typeof e?.sha256 === 'string')
            : [];
    }
    catch {
        return [];
    }
}
function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = bytes / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v.toFixed(1)} ${units[i]}`;
}
/** A markdown table of artifacts. */
function summaryTable(entries) {
    const rows = entries.map((e) => `| ${e.name} | ${e.arch ?? ''} | ${humanSize(e.size)} | \`${e.sha256.slice(0, 16)}…\` |`);
    return ['| file | arch | size | sha256 |', '|---|---|---|---|', ...rows].join('\n');
}


/***/ }),

/***/ 62479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GQ: () => (/* binding */ withUnpackedArtifact),
  Tz: () => (/* binding */ writeSbom)
});

// UNUSED EXPORTS: artifactContents, artifactKind, fileDigests, listTree, purlGeneric, readSbom, sbomPath, spdxDocument

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/archive.ts
var archive = __webpack_require__(65264);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(83497);
// EXTERNAL MODULE: ./shared/elf.ts
var shared_elf = __webpack_require__(87563);
;// CONCATENATED MODULE: ./shared/gobuildinfo.ts
/**
 * Go build info read from a binary of any architecture, in TypeScript: no Go toolchain needed, and no
 * emulation (the binary is never run). The layout is Go's own reader, golang/go src/debug/buildinfo/buildinfo.go:
 * a 32-byte header `\xff Go buildinf:` (16-aligned) at the start of the `.go.buildinfo` section (else the
 * first writable, non-executable PT_LOAD segment); byte 14 the pointer size, byte 15 flags (bit 1: strings
 * inline, Go >= 1.18; bit 0: big-endian pointers). Inline: two uvarint-length strings after the header (the
 * Go version, the module info). Older (Go 1.13-1.17): two pointers to Go string headers {ptr, len}.
 * The module info text is runtime/debug.BuildInfo.String(), framed by 16-byte sentinels, and is parsed as
 * golang/go src/runtime/debug/mod.go ParseBuildInfo does. formatGoVersionM prints it as `go version -m`.
 */

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ALIGN = 16;
const HEADER = 32;
const SEARCH = 64 * 1024;
/** The build info of a Go ELF binary; undefined when file is not ELF or not a Go binary with build info. */
async function readGoBuildInfo(file) {
    const elf = await (0,shared_elf/* openElf */.Ag)(file);
    if (!elf)
        return undefined;
    try {
        const raw = await readRaw(elf);
        if (!raw)
            return undefined;
        return { ...parseModInfo(raw.mod), goVersion: raw.version };
    }
    finally {
        await elf.close();
    }
}
/** The two raw strings: Go version and module info (sentinels stripped, '' when absent). */
async function readRaw(elf) {
    const section = elf.sections.find((s) => s.name === '.go.buildinfo');
    let data;
    if (section && section.type !== 8 /* SHT_NOBITS */) {
        data = await elf.read(section.offset, Math.min(section.size, SEARCH));
    }
    else {
        const seg = elf.segments.find((p) => p.type === 1 && (p.flags & 3) === 2);
        if (seg)
            data = await elf.read(seg.offset, Math.min(seg.filesz, SEARCH));
    }
    if (!data)
        return undefined;
    // Find the 16-aligned header.
    let at = 0;
    for (;;) {
        const i = data.indexOf(MAGIC, at);
        if (i < 0 || data.length - i < HEADER)
            return undefined;
        if (i % ALIGN === 0) {
            data = data.subarray(i);
            break;
        }
        at = i + 1;
    }
    const ptrSize = data[14];
    const flags = data[15];
    let version;
    let mod;
    if (flags & 2) {
        const v = decodeString(data, HEADER);
        if (!v)
            return undefined;
        const m = decodeString(data, v.next);
        version = v.value;
        mod = m?.value ?? '';
    }
    else {
        if (ptrSize !== 4 && ptrSize !== 8)
            return undefined;
        const big = (flags & 1) !== 0;
        const ptr = (b, o) => ptrSize === 8 ? Number(big ? b.readBigUInt64BE(o) : b.readBigUInt64LE(o)) : big ? b.readUInt32BE(o) : b.readUInt32LE(o);
        const readString = async (addr) => {
            const hdr = await elf.readAt(addr, 2 * ptrSize);
            if (!hdr || hdr.length < 2 * ptrSize)
                return '';
            const len = ptr(hdr, ptrSize);
            if (len === 0 || len > 1 << 24)
                return '';
            return (await elf.readAt(ptr(hdr, 0), len))?.toString('utf8') ?? '';
        };
        version = await readString(ptr(data, 16));
        mod = await readString(ptr(data, 16 + ptrSize));
    }
    if (!version)
        return undefined;
    mod = mod.length >= 33 && mod[mod.length - 17] === '\n' ? mod.slice(16, mod.length - 16) : '';
    return { version, mod };
}
function decodeString(b, at) {
    let len = 0;
    let shift = 0;
    let i = at;
    for (;;) {
        if (i >= b.length || shift > 49)
            return undefined;
        const byte = b[i++];
        len += (byte & 0x7f) * 2 ** shift;
        if (!(byte & 0x80))
            break;
        shift += 7;
    }
    if (i + len > b.length)
        return undefined;
    return { value: b.toString('utf8', i, i + len), next: i + len };
}
/** Parse runtime/debug.BuildInfo.String() text (ParseBuildInfo); malformed lines are skipped, not fatal. */
function parseModInfo(text) {
    const info = { path: '', deps: [], settings: [] };
    let last;
    for (const line of text.split('\n')) {
        const [word, ...rest] = line.split('\t');
        const body = line.slice(word.length + 1);
        switch (word) {
            case 'go':
                info.goVersion = body;
                last = undefined;
                break;
            case 'path':
                info.path = body;
                last = undefined;
                break;
            case 'mod':
            case 'dep': {
                if (rest.length !== 2 && rest.length !== 3)
                    break;
                const m = { path: rest[0], version: rest[1], sum: rest[2] ?? '' };
                if (word === 'mod')
                    info.main = m;
                else
                    info.deps.push(m);
                last = m;
                break;
            }
            case '=>':
                if (rest.length === 3 && last)
                    last.replace = { path: rest[0], version: rest[1], sum: rest[2] };
                last = undefined;
                break;
            case 'build': {
                const kv = splitSetting(body);
                if (kv)
                    info.settings.push(kv);
                last = undefined;
                break;
            }
        }
    }
    return info;
}
function splitSetting(s) {
    let key;
    let rest;
    if (s.startsWith('"')) {
        const q = quotedPrefix(s);
        if (!q)
            return undefined;
        key = unquote(q);
        rest = s.slice(q.length);
        if (!rest.startsWith('='))
            return undefined;
        rest = rest.slice(1);
    }
    else {
        const i = s.indexOf('=');
        if (i < 0)
            return undefined;
        key = s.slice(0, i);
        rest = s.slice(i + 1);
    }
    const value = rest.startsWith('"') && quotedPrefix(rest) === rest ? unquote(rest) : rest;
    return { key, value };
}
/** The leading Go double-quoted string literal of s. */
function quotedPrefix(s) {
    for (let i = 1; i < s.length; i++) {
        if (s[i] === '\\')
            i++;
        else if (s[i] === '"')
            return s.slice(0, i + 1);
    }
    return undefined;
}
/** Unquote a Go strconv.Quote literal (\a \v \xNN are not JSON; the rest is). */
function unquote(q) {
    const bytes = [];
    const body = q.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const n = body[++i];
        const simple = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 };
        if (n in simple)
            bytes.push(simple[n]);
        else if (n === 'x') {
            bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
            i += 2;
        }
        else if (n === 'u' || n === 'U') {
            const len = n === 'u' ? 4 : 8;
            bytes.push(...Buffer.from(String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + len), 16)), 'utf8'));
            i += len;
        }
        else if (/[0-7]/.test(n)) {
            bytes.push(parseInt(body.slice(i, i + 3), 8));
            i += 2;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
function quoteGo(s) {
    // strconv.Quote for the printable ASCII/UTF-8 text build settings hold; control characters escaped.
    let out = '"';
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        const esc = {
            '\x07': '\\a',
            '\b': '\\b',
            '\f': '\\f',
            '\n': '\\n',
            '\r': '\\r',
            '\t': '\\t',
            '\v': '\\v',
            '\\': '\\\\',
            '"': '\\"',
        };
        if (esc[ch])
            out += esc[ch];
        else if (cp < 0x20 || cp === 0x7f)
            out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else
            out += ch;
    }
    return out + '"';
}
/** runtime/debug.BuildInfo.String() without the `go` line, as the binary embeds it. */
function formatModInfo(info) {
    let out = '';
    if (info.path)
        out += `path\t${info.path}\n`;
    const mod = (word, m) => {
        out += `${word}\t${m.path}\t${m.version}`;
        if (m.replace) {
            out += '\n';
            mod('=>', m.replace);
        }
        else
            out += `\t${m.sum}`;
        out += '\n';
    };
    if (info.main && (info.main.path || info.main.version || info.main.sum))
        mod('mod', info.main);
    for (const d of info.deps)
        mod('dep', d);
    for (const s of info.settings) {
        const key = s.key === '' || /[= \t\r\n"`]/.test(s.key) ? quoteGo(s.key) : s.key;
        const value = /[ \t\r\n"`]/.test(s.value) ? quoteGo(s.value) : s.value;
        out += `build\t${key}=${value}\n`;
    }
    return out;
}
/** What `go version -m FILE` prints (golang/go src/cmd/go/internal/version/version.go). */
function formatGoVersionM(file, info) {
    const mod = formatModInfo(info);
    return `${file}: ${info.goVersion}\n` + (mod ? `\t${mod.slice(0, -1).replace(/\n/g, '\n\t')}\n` : '');
}
/** The purl of a Go module (pkg:golang/<path>@<version>), per the purl spec's golang type. */
function goPurl(path, version) {
    const name = path
        .split('/')
        .map((p) => encodeURIComponent(p))
        .join('/');
    return `pkg:golang/${name}${version && version !== '(devel)' ? `@${encodeURIComponent(version)}` : ''}`;
}

// EXTERNAL MODULE: ./shared/files.ts
var shared_files = __webpack_require__(78365);
;// CONCATENATED MODULE: ./shared/sbom.ts
/**
 * The SBOM beside every artifact: `<artifact>.spdx.json`, an SPDX 2.3 JSON document (spdx/spdx-spec
 * schemas/spdx-schema.json at tag v2.3) describing the artifact (name, version, sha256, purl
 * pkg:generic/<name>@<version>?arch=<arch>), every file in it (read back out of the finished snap, tarball
 * or charm, so what is listed is what ships), and for every Go binary its build info read from the binary
 * (shared/gobuildinfo.ts): a package for the main module (purl pkg:golang/...), the Go standard library
 * (pkg:golang/stdlib@<go version>) and each dependency with version and h1: sum, the build settings, and
 * the file's `go version -m` text as its comment. Deterministic: `created` is SOURCE_DATE_EPOCH, entries
 * sorted, so two builds of the same artifact give byte-identical SBOMs.
 */









function artifactKind(file) {
    if (file.endsWith('.snap'))
        return 'snap';
    if (/\.(tgz|tar\.gz)$/.test(file))
        return 'tarball';
    if (file.endsWith('.charm'))
        return 'charm';
    return undefined;
}
/** Unpack the artifact into a scratch directory under tmpRoot and list (and hash) every file in it, sorted. */
async function artifactContents(file, tmpRoot) {
    const kind = artifactKind(file);
    if (!kind)
        throw new errors/* UserError */.yo(`${external_node_path_default().basename(file)}: not a snap, tarball or charm; cannot list its contents`);
    if (kind === 'snap' && (await (0,promises_.lstat)(file)).size === 0)
        return []; // the zero-byte placeholder snap
    return withUnpackedArtifact(file, tmpRoot, listTree);
}
/**
 * Unpack a snap (unsquashfs), tarball or charm (unzip) into a scratch directory under tmpRoot, run fn on the
 * unpacked root, and remove the scratch directory on every path. The one way the suite looks inside an
 * artifact (the SBOM's file list, the charm arch check of shared/charm/charm-arch.ts).
 */
async function withUnpackedArtifact(file, tmpRoot, fn) {
    const kind = artifactKind(file);
    if (!kind)
        throw new errors/* UserError */.yo(`${external_node_path_default().basename(file)}: not a snap, tarball or charm; cannot unpack it`);
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(tmpRoot, 'unpack-'));
    try {
        const x = external_node_path_default().join(dir, 'x');
        if (kind === 'tarball') {
            await (0,archive/* extractTarGz */.Ce)(file, x);
        }
        else {
            const [tool, args] = kind === 'snap' ? ['unsquashfs', ['-q', '-n', '-no-xattrs', '-d', x, file]] : ['unzip', ['-q', '-o', file, '-d', x]];
            const bin = (0,exec/* which */.K)(tool);
            if (!bin)
                throw new errors/* UserError */.yo(`${tool} is not installed; install ${tool === 'unsquashfs' ? 'squashfs-tools' : 'unzip'} (it unpacks the ${kind} to list and check its files)`);
            const res = await (0,exec/* run */.e)(bin, args, { allowFailure: true });
            if (res.exitCode !== 0)
                throw new errors/* UserError */.yo(`${external_node_path_default().basename(file)}: cannot unpack it with ${tool} (exit ${res.exitCode}): ${(res.stderr || res.stdout).trim().split('\n').slice(-1)[0] ?? ''}`);
        }
        return await fn(x);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** Every file and symlink under root (directories are implied), hashed, Go build info read, sorted by path. */
async function listTree(root) {
    const out = [];
    const names = (await (0,promises_.readdir)(root, { recursive: true })).sort();
    for (const rel of names) {
        const abs = external_node_path_default().join(root, rel);
        const st = await (0,promises_.lstat)(abs);
        const p = rel.split((external_node_path_default()).sep).join('/');
        if (st.isSymbolicLink()) {
            const target = await (0,promises_.readlink)(abs);
            out.push({ path: p, size: Buffer.byteLength(target), ...digests(Buffer.from(target)), linkname: target });
        }
        else if (st.isFile()) {
            const d = await fileDigests(abs);
            const go = await readGoBuildInfo(abs);
            out.push({ path: p, size: st.size, ...d, ...(go ? { go } : {}) });
        }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function digests(data) {
    return { sha256: (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex'), sha1: (0,external_node_crypto_.createHash)('sha1').update(data).digest('hex') };
}
/** sha256 and sha1 of a file in one read. */
async function fileDigests(file) {
    const a = (0,external_node_crypto_.createHash)('sha256');
    const b = (0,external_node_crypto_.createHash)('sha1');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
        a.update(chunk);
        b.update(chunk);
    }
    return { sha256: a.digest('hex'), sha1: b.digest('hex') };
}
const PURPOSE = { snap: 'APPLICATION', tarball: 'ARCHIVE', charm: 'APPLICATION' };
function purlGeneric(name, version, arch) {
    return `pkg:generic/${encodeURIComponent(name)}${version ? `@${encodeURIComponent(version)}` : ''}${arch ? `?arch=${encodeURIComponent(arch)}` : ''}`;
}
function purlRef(locator) {
    return { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator };
}
/** SPDX 2.3 package verification code: sha1 over the sorted sha1s of the package's files (spec clause 7.9). */
function verificationCode(files) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(files
        .map((f) => f.sha1)
        .sort()
        .join(''))
        .digest('hex');
}
function idPart(s) {
    return s.replace(/[^A-Za-z0-9.-]+/g, '-');
}
/** The SPDX 2.3 JSON document for one artifact and its files. */
function spdxDocument(subject, files, opts) {
    const created = new Date(opts.epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    // A snap file is <name>_<version>_<arch>.snap (snapcraft's and snap pack's naming).
    const pkgName = subject.packageName ??
        (subject.kind === 'snap' ? subject.name.split('_')[0].replace(/\.snap$/, '') : subject.name.replace(/\.(charm|tgz|tar\.gz)$/, ''));
    const artifactId = 'SPDXRef-Package-artifact';
    const packages = [
        {
            SPDXID: artifactId,
            name: pkgName,
            ...(subject.version ? { versionInfo: subject.version } : {}),
            packageFileName: subject.name,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: files.length > 0,
            ...(files.length ? { packageVerificationCode: { packageVerificationCodeValue: verificationCode(files) } } : {}),
            checksums: [{ algorithm: 'SHA256', checksumValue: subject.sha256 }],
            primaryPackagePurpose: PURPOSE[subject.kind],
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            externalRefs: [purlRef(purlGeneric(pkgName, subject.version, subject.arch))],
            ...(subject.arch ? { comment: `architecture: ${subject.arch}` } : {}),
        },
    ];
    const relationships = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId }];
    for (const [i, t] of (opts.buildTools ?? []).entries()) {
        const id = `SPDXRef-Package-build-tool-${i}-${idPart(t.name)}`;
        packages.push({
            SPDXID: id,
            name: t.name,
            versionInfo: t.version,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            ...(t.sha256 ? { checksums: [{ algorithm: 'SHA256', checksumValue: t.sha256 }] } : {}),
            primaryPackagePurpose: 'APPLICATION',
            ...(t.purl ? { externalRefs: [purlRef(t.purl)] } : {}),
            comment: t.comment,
        });
        relationships.push({ spdxElementId: id, relationshipType: 'BUILD_TOOL_OF', relatedSpdxElement: artifactId });
    }
    const spdxFiles = [];
    files.forEach((f, i) => {
        const fileId = `SPDXRef-File-${i}-${idPart(f.path)}`.slice(0, 200);
        const entry = {
            SPDXID: fileId,
            fileName: `./${f.path}`,
            checksums: [
                { algorithm: 'SHA1', checksumValue: f.sha1 },
                { algorithm: 'SHA256', checksumValue: f.sha256 },
            ],
            fileTypes: [f.go ? 'BINARY' : 'OTHER'],
            licenseConcluded: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
        };
        if (f.linkname !== undefined)
            entry.comment = `symlink to ${f.linkname}`;
        relationships.push({ spdxElementId: artifactId, relationshipType: 'CONTAINS', relatedSpdxElement: fileId });
        if (f.go) {
            entry.comment = formatGoVersionM(`./${f.path}`, f.go);
            packages.push(...goPackages(f.go, i, fileId, relationships));
        }
        spdxFiles.push(entry);
    });
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: subject.name,
        documentNamespace: `${opts.namespaceBase.replace(/\/+$/, '')}/spdx/${encodeURIComponent(subject.name)}-${subject.sha256}`,
        creationInfo: { created, creators: [`Tool: ${opts.tool}`] },
        documentDescribes: [artifactId],
        packages,
        files: spdxFiles,
        relationships,
    };
}
/** The Go packages of one binary: main module, stdlib, dependencies; the file GENERATED_FROM main, main DEPENDS_ON the rest. */
function goPackages(go, i, fileId, relationships) {
    const mainId = `SPDXRef-Package-go-${i}-main`;
    const main = go.main ?? { path: go.path, version: '', sum: '' };
    const settings = go.settings.map((s) => `build\t${s.key}=${s.value}`).join('\n');
    const out = [
        {
            SPDXID: mainId,
            name: main.path || go.path,
            versionInfo: main.version || 'NOASSERTION',
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            primaryPackagePurpose: 'APPLICATION',
            externalRefs: [purlRef(goPurl(main.path || go.path, main.version))],
            summary: `main package ${go.path || '(unknown)'}, built with ${go.goVersion}`,
            comment: [`path\t${go.path}`, ...(main.sum ? [`sum\t${main.sum}`] : []), settings].filter(Boolean).join('\n'),
        },
        {
            SPDXID: `SPDXRef-Package-go-${i}-stdlib`,
            name: 'stdlib',
            versionInfo: go.goVersion,
            downloadLocation: 'https://go.dev/dl/',
            filesAnalyzed: false,
            primaryPackagePurpose: 'LIBRARY',
            externalRefs: [purlRef(`pkg:golang/stdlib@${go.goVersion.replace(/^go/, '')}`)],
        },
    ];
    relationships.push({ spdxElementId: fileId, relationshipType: 'GENERATED_FROM', relatedSpdxElement: mainId });
    relationships.push({ spdxElementId: mainId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: `SPDXRef-Package-go-${i}-stdlib` });
    go.deps.forEach((d, j) => {
        const id = `SPDXRef-Package-go-${i}-dep-${j}`;
        const notes = [
            d.sum ? `sum\t${d.sum}` : '',
            d.replace ? `replaced by\t${d.replace.path}\t${d.replace.version}\t${d.replace.sum}`.trimEnd() : '',
        ].filter(Boolean);
        out.push({
            SPDXID: id,
            name: d.path,
            versionInfo: d.version,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            primaryPackagePurpose: 'LIBRARY',
            externalRefs: [purlRef(goPurl(d.path, d.version))],
            ...(notes.length ? { comment: notes.join('\n') } : {}),
        });
        relationships.push({ spdxElementId: mainId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: id });
    });
    return out;
}
/**
 * artifactContents, kept under cacheDir by the artifact's sha256 (content-addressed, so exact): a warm build
 * that reuses a cached snap does not unpack and hash it again. verify-artifacts never uses it.
 */
async function cachedContents(file, sha256, tmpRoot, cacheDir) {
    const cached = cacheDir && /^[0-9a-f]{64}$/.test(sha256) ? external_node_path_default().join(cacheDir, 'sbom-contents', `${sha256}.json`) : undefined;
    if (cached) {
        const hit = await (0,promises_.readFile)(cached, 'utf8').then((t) => JSON.parse(t), () => undefined);
        if (hit)
            return hit;
    }
    const files = await artifactContents(file, tmpRoot);
    if (cached) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(cached), { recursive: true });
        await (0,shared_files/* writeFileAtomic */.Zf)(cached, JSON.stringify(files));
    }
    return files;
}
/** `<artifact>.spdx.json` beside the artifact. */
function sbomPath(artifact) {
    return `${artifact}.spdx.json`;
}
/** Write the SBOM of file (whose sha256 is known) beside it; returns its path. */
async function writeSbom(file, subject, opts) {
    const kind = subject.kind ?? artifactKind(file);
    if (!kind)
        throw new Error(`writeSbom: ${file} is not a snap, tarball or charm`);
    const files = await cachedContents(file, subject.sha256, opts.tmpRoot, opts.cacheDir);
    const doc = spdxDocument({ ...subject, kind, name: external_node_path_default().basename(file) }, files, opts);
    const dest = sbomPath(file);
    await (0,shared_files/* writeFileAtomic */.Zf)(dest, JSON.stringify(doc, null, 2) + '\n');
    return dest;
}
/** Read an SBOM back: the artifact package's sha256 and the files' sha256 by path. */
async function readSbom(file) {
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const describes = doc.documentDescribes?.[0];
    const pkg = doc.packages?.find((p) => p.SPDXID === describes);
    const sha = pkg?.checksums?.find((c) => c.algorithm === 'SHA256')?.checksumValue;
    const files = new Map();
    for (const f of doc.files ?? []) {
        const s = f.checksums.find((c) => c.algorithm === 'SHA256')?.checksumValue;
        files.set(String(f.fileName).replace(/^\.\//, ''), s ?? '');
    }
    return { name: String(doc.name), sha256: sha, files };
}


/***/ })

};

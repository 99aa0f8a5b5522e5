export const id = 455;
export const ids = [455];
export const modules = {

/***/ 12911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _0: () => (/* binding */ loadCharm),
/* harmony export */   px: () => (/* binding */ isCharmName),
/* harmony export */   yb: () => (/* binding */ snapResources)
/* harmony export */ });
/* unused harmony export charmDir */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43439);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41581);
/** Read a charm's identity and resources from metadata.yaml and/or charmcraft.yaml. */




const CHARM_NAME_RE = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/;
const RESOURCE_NAME_RE = /^[a-z][a-z0-9-]*$/;
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

/***/ 42533:
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
/* harmony import */ var _arch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54970);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41581);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86395);
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

/***/ 21225:
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
var errors = __webpack_require__(41581);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(63795);
// EXTERNAL MODULE: ./shared/log.ts
var log = __webpack_require__(31662);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(21934);
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
                throw new StoreError(argv, (0,log/* redact */.E)(storeMessage(res.stderr, res.stdout)));
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
/** The store's own words: the last non-empty lines of stderr (else stdout), on one line. */
function storeMessage(stderr, stdout) {
    const lines = (stderr.trim() || stdout.trim() || 'no message')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return lines.slice(-3).join(' | ');
}

// EXTERNAL MODULE: ./shared/charm/plan.ts
var plan = __webpack_require__(42533);
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

/***/ 21934:
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

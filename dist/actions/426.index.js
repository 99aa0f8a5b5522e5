export const id = 426;
export const ids = [426];
export const modules = {

/***/ 52426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getInputs: () => (/* reexport */ getInputs),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(54970);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(41581);
// EXTERNAL MODULE: ./shared/charm/plan.ts
var charm_plan = __webpack_require__(42533);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(43439);
// EXTERNAL MODULE: ./shared/concurrency.ts
var concurrency = __webpack_require__(32911);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(63795);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(56855);
// EXTERNAL MODULE: ./shared/manifest.ts
var shared_manifest = __webpack_require__(85723);
// EXTERNAL MODULE: ./shared/snap/inspect.ts
var inspect = __webpack_require__(53205);
// EXTERNAL MODULE: ./shared/charm/metadata.ts
var metadata = __webpack_require__(12911);
// EXTERNAL MODULE: ./shared/charm/store.ts + 1 modules
var charm_store = __webpack_require__(21225);
;// CONCATENATED MODULE: ./shared/charm/release.ts
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
    const unzip = (0,exec/* which */.K)('unzip');
    if (!unzip)
        throw new errors/* UserError */.yo('unzip is not installed; install it (apt-get install unzip)');
    return unzip;
}
async function sha3File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha3-384');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
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
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (e) {
        throw new errors/* UserError */.yo(`${inputName}: ${file}: manifest.yaml is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); repack the charm`);
    }
    const bases = doc?.bases;
    if (bases === undefined || bases === null)
        return [];
    if (!Array.isArray(bases))
        throw new errors/* UserError */.yo(`${inputName}: ${file}: manifest.yaml's bases is not a list; repack the charm`);
    const out = [];
    for (const b of bases) {
        const archs = b?.architectures;
        if (typeof b?.name !== 'string' ||
            (typeof b.channel !== 'string' && typeof b.channel !== 'number') ||
            !Array.isArray(archs) ||
            archs.length === 0) {
            throw new errors/* UserError */.yo(`${inputName}: ${file}: manifest.yaml has a base without name, channel and architectures (${JSON.stringify(b)}); repack the charm`);
        }
        for (const a of archs)
            out.push({ name: b.name, channel: String(b.channel), architecture: String(a) });
    }
    return out;
}
/** Read name, resources and bases from inside a packed charm (a zip with metadata.yaml / charmcraft.yaml, manifest.yaml). */
async function readCharmFile(file, scratch, inputName = 'charm') {
    const { meta, manifest } = await readPackedMeta(file, scratch, inputName);
    const [facts] = await (0,shared_manifest/* describeFiles */.LG)([external_node_path_default().resolve(file)]);
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
    if (!(await (0,files/* exists */.t2)(file)))
        throw new errors/* UserError */.yo(`${inputName}: '${file}' does not exist; give .charm files (from charm-build) or a charm name`);
    const unzip = unzipTool();
    const dir = external_node_path_default().join(scratch, `charm-meta-${external_node_path_default().basename(file)}`);
    await (0,promises_.mkdir)(dir, { recursive: true });
    let found = 0;
    let manifest;
    for (const member of ['metadata.yaml', 'charmcraft.yaml', 'config.yaml', 'manifest.yaml']) {
        const res = await (0,exec/* run */.e)(unzip, ['-p', file, member], { allowFailure: true });
        if (res.exitCode === 9)
            throw new errors/* UserError */.yo(`${inputName}: '${file}' is not a zip archive, so not a packed charm; build it with charm-build`);
        if (res.exitCode !== 0)
            continue;
        if (member === 'manifest.yaml') {
            manifest = res.stdout;
            continue;
        }
        await (0,promises_.writeFile)(external_node_path_default().join(dir, member), res.stdout);
        if (member !== 'config.yaml')
            found++;
    }
    if (found === 0)
        throw new errors/* UserError */.yo(`${inputName}: '${file}' has no metadata.yaml or charmcraft.yaml inside; is it a charm?`);
    return { meta: await (0,metadata/* loadCharm */._0)(dir, inputName), ...(manifest === undefined ? {} : { manifest }) };
}
/** Unpack a .charm into a directory (the legacy `charm push` takes a directory). */
async function unpackCharm(file, dest) {
    await (0,promises_.mkdir)(dest, { recursive: true });
    await (0,exec/* run */.e)(unzipTool(), ['-q', '-o', file, '-d', dest]);
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
        if (!(await (0,files/* exists */.t2)(r.path)))
            throw new errors/* UserError */.yo(`resources: ${r.name}=${r.path}: the file does not exist; build it first or fix the path`);
    }
    const facts = await (0,shared_manifest/* describeFiles */.LG)(given.map((r) => external_node_path_default().resolve(r.path)));
    const out = [];
    for (const [i, r] of given.entries()) {
        const snap = isSnapResource(r, declared);
        const arch = (0,charm_plan/* resourceArch */.lq)(r, arches);
        if (snap && facts[i].size > 0) {
            const info = await (0,inspect/* inspectSnap */.d)(r.path, `resources: ${r.name}`);
            if (arch && !info.architectures.includes(arch.debian) && !info.architectures.includes('all')) {
                throw new errors/* UserError */.yo(`resources: ${r.name}=${r.path} is a snap for ${info.architectures.join(', ')}, but resource '${r.name}' is for ${arch.debian}; attach the ${arch.debian} build`);
            }
        }
        out.push({ ...r, ...(arch ? { arch } : {}), snap, facts: { path: facts[i].file, size: facts[i].size, sha256: facts[i].sha256 } });
    }
    return out;
}
/** The file table a dry run and a real run both show. */
function filesTable(resources, charms = []) {
    const rows = [
        ...charms.map((c) => `| (charm) | ${c.bases.map(charm_plan/* baseKey */.H_).join(', ')} | \`${c.path}\` | ${(0,shared_manifest/* humanSize */.Xe)(c.size)} (${c.size}) | \`${c.sha256}\` |`),
        ...resources.map((r) => `| ${r.name} | ${r.arch?.debian ?? ''} | \`${r.facts.path}\` | ${(0,shared_manifest/* humanSize */.Xe)(r.facts.size)} (${r.facts.size}) | \`${r.facts.sha256}\` |`),
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
    return `${kind}-${(0,external_node_crypto_.createHash)('sha256').update(`${api}\n${credentials}`).digest('hex').slice(0, 16)}`;
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
        this.dir = external_node_path_default().join(rt.tempRoot(), `charm-ledger-${store}-${charm}`);
        this.prefix = `charm-release-ledger-${store}-${charm}-`;
    }
    async load() {
        await this.rt.restoreCache([this.dir], `${this.prefix}none`, [this.prefix]);
        try {
            const doc = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(this.dir, 'ledger.json'), 'utf8'));
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
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(this.dir, 'ledger.json'), JSON.stringify({ entries: this.entries }, null, 1));
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
    await (0,concurrency/* mapLimit */.s)(reads, 4, (read) => read());
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
                rt.info(`charm ${plan.charm} (${rel.bases.map(charm_plan/* baseKey */.H_).join(', ')}): ${ref.why}: revision ${ref.revision}; not uploading`);
            }
            if (!('upload' in ref) || charmRevs.has(ref.upload))
                continue;
            const f = plan.files[ref.upload];
            const file = store.kind === 'charmstore' ? await unpackCharm(f.path, external_node_path_default().join(rt.tempRoot(), `charm-unpacked-${plan.charm}`)) : f.path;
            const up = await store.uploadCharm(file, plan.charm);
            let revision;
            if ('revision' in up) {
                revision = up.revision;
                uploaded.push(external_node_path_default().basename(f.path));
                rt.info(`charm ${external_node_path_default().basename(f.path)} (${f.bases.map(charm_plan/* baseKey */.H_).join(', ') || 'no base'}): uploaded as revision ${revision}`);
            }
            else {
                revision = duplicateRevision(up.duplicate, f, ledger.get((0,charm_plan/* charmLedgerKey */.Oy)(f)), plan.charm);
                reused.push(external_node_path_default().basename(f.path));
                rt.info(`charm ${external_node_path_default().basename(f.path)}: the store already has this charm as revision ${revision} (duplicate upload${up.duplicate.revision === undefined ? ', matched by its SHA3-384 in the ledger' : ''}); reusing it`);
            }
            charmRevs.set(ref.upload, revision);
            ledger.set((0,charm_plan/* charmLedgerKey */.Oy)(f), revision);
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
                ledger.set((0,charm_plan/* ledgerKey */.lj)(r), revision);
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
        if ((0,charm_plan/* alreadyReleased */.wt)(plan.view.channelMap, plan.channel, rel)) {
            rt.info(`${plan.channel.name} already holds ${plan.charm} revision ${rel.revision} (${rel.bases.map(charm_plan/* baseKey */.H_).join(', ')}) with ${res || 'no resources'}: nothing changed`);
            continue;
        }
        await store.release(plan.charm, rel.revision, plan.channel, rel.resources);
        released++;
        rt.info(`released ${plan.charm} revision ${rel.revision}${rel.bases.length ? ` (${rel.bases.map(charm_plan/* baseKey */.H_).join(', ')})` : ''} to ${plan.channel.name} with ${res || 'no resources'}`);
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
        if (!(e instanceof charm_store/* StoreError */.AD))
            throw e;
        if (/already exist|\b409\b/i.test(e.storeMessage)) {
            rt.info(`track ${t.track} of ${charm}: exists already`);
            return false;
        }
        if (/credentials|authenticat|\b401\b/i.test(e.storeMessage))
            throw e;
        throw new errors/* UserError */.yo(`channel: charm ${charm} has no track ${t.track} and Charmhub refused to create it (${e.storeMessage.split('\n').join(' ')}); a new track must match one of the charm's track guardrails: ${GUARDRAIL_REQUEST} for ${charm} (e.g. a pattern covering ${t.track}), then run again`);
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
        throw new errors/* UserError */.yo(`charm: the store refused ${f.path} as a duplicate of SHA3-384 ${dup.digest}, but this file's SHA3-384 is ${f.sha3_384}; check which file was uploaded`);
    }
    if (ledgerRevision !== undefined)
        return ledgerRevision;
    throw new errors/* UserError */.yo(`charm: the store already holds ${external_node_path_default().basename(f.path)} (SHA3-384 ${f.sha3_384}) but did not say which revision, and no earlier run recorded it; ` +
        `find it with \`charmcraft revisions ${charm}\` and release it with charm: ${charm} and revision: <N>`);
}
/** Read the channel map back and compare it with what was released (read-only). */
async function verifyReleases(store, plan, releases) {
    const found = await store.channelMap(plan.charm);
    if (!found)
        return undefined;
    return { mismatches: (0,charm_plan/* compareChannelMap */.PI)(releases, found, plan.channel), found };
}
/** The one error line and the summary table of a failed verification. */
function verifyFailure(plan, ms) {
    const line = `verify: ${plan.channel.name} does not hold what was released for ${plan.charm}: ` +
        ms.map((m) => `${m.base} ${m.what} expected ${m.expected}, found ${m.found}`).join('; ') +
        '; the store recorded something else (see the table in the summary); check `charmcraft status ' +
        plan.charm +
        '` and release again';
    return { line, table: (0,charm_plan/* mismatchTable */.Ft)(ms) };
}

// EXTERNAL MODULE: ./shared/paths.ts
var shared_paths = __webpack_require__(49024);
;// CONCATENATED MODULE: ./shared/charm/channel-guard.ts
/**
 * Release only onto the channel the plan saw (issue 17, item 5). What the channel held when the release was
 * planned is a snapshot, base -> revision and resource revisions; right before the first release command the
 * channel map is read again and compared. When another run (or a person) released to the channel since, the
 * step stops with one line instead of overwriting it. A difference that is this plan's own release (a re-run
 * after a partial release) is not a change.
 *
 * The snapshot is the action's output `channel-held` and its input `expect-channel`, so a workflow that read the
 * store earlier (a dry run with credentials) can pin what the release job must still find.
 */


/** What channel holds in a channel map (sorted by base, so two snapshots compare as JSON). */
function channelHeld(map, channel) {
    const held = {};
    for (const r of map.filter((r) => r.channel === channel.name).sort((a, b) => (0,charm_plan/* baseKey */.H_)(a.base).localeCompare((0,charm_plan/* baseKey */.H_)(b.base))))
        held[(0,charm_plan/* baseKey */.H_)(r.base)] = { revision: r.revision, resources: Object.fromEntries(Object.entries(r.resources).sort()) };
    return held;
}
/** The input expect-channel: empty, or the JSON object a `channel-held` output gave. */
function parseExpectChannel(value, inputName = 'expect-channel') {
    if (value.trim() === '')
        return undefined;
    const fix = `give the \`channel-held\` output of an earlier step (a JSON object such as {"22.04/amd64": {"revision": 12, "resources": {"cni": 3}}}), or leave it empty`;
    let doc;
    try {
        doc = JSON.parse(value);
    }
    catch {
        throw new errors/* UserError */.yo(`${inputName}: not JSON; ${fix}`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new errors/* UserError */.yo(`${inputName}: not a JSON object; ${fix}`);
    for (const [k, v] of Object.entries(doc)) {
        const e = v;
        const resourcesOk = typeof e?.resources === 'object' && e.resources !== null && Object.values(e.resources).every((n) => Number.isInteger(n));
        if (!Number.isInteger(e?.revision) || !resourcesOk)
            throw new errors/* UserError */.yo(`${inputName}: entry '${k}' has no integer revision and resources; ${fix}`);
    }
    return doc;
}
const show = (e) => e
    ? `revision ${e.revision}${Object.keys(e.resources).length
        ? ` (${Object.entries(e.resources)
            .map(([n, r]) => `${n}:${r}`)
            .join(' ')})`
        : ''}`
    : 'nothing';
/**
 * The bases whose entry differs between planned and now, other than by this plan's own releases;
 * each as `<base>: planned <what>, now <what>`.
 */
function channelChanges(planned, now, ours) {
    const mine = (key, e) => e !== undefined && ours.some((r) => r.bases.some((b) => (0,charm_plan/* baseKey */.H_)(b) === key) && (0,charm_plan/* sameRelease */.OW)(e, r.revision, r.resources));
    const changes = [];
    for (const key of [...new Set([...Object.keys(planned), ...Object.keys(now)])].sort()) {
        const [p, n] = [planned[key], now[key]];
        const same = p === undefined ? n === undefined : n !== undefined && (0,charm_plan/* sameRelease */.OW)(n, p.revision, p.resources);
        if (!same && !mine(key, n))
            changes.push(`${key}: planned ${show(p)}, now ${show(n)}`);
    }
    return changes;
}
/** Stop with one line when the channel changed since the plan; `now` is the channel map read just now. */
function assertChannelUnchanged(charm, channel, planned, now, ours) {
    const changes = channelChanges(planned, channelHeld(now, channel), ours);
    if (changes.length === 0)
        return;
    throw new errors/* UserError */.yo(`${channel.name} changed since this release was planned (${charm}: ${changes.join('; ')}): another release wrote to it; nothing was released. Check who released, then run the release again to plan against what the channel holds now`);
}

// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(86395);
;// CONCATENATED MODULE: ./shared/charm/action-io.ts
/**
 * charm-attach-release's inputs and outputs around the plan: the charm input (a JSON array, lines of .charm paths
 * or globs, or a charm name), glob expansion, the store backend an input asks for, and the rendering of what
 * was released (the resource-revisions output and the summary table). The action's story is in
 * actions/charm-attach-release/main.ts; the plan, execution and verification in plan.ts and release.ts.
 */








const GLOB_RE = /[*?[]/;
/**
 * The charm input: a JSON array (charm-build's `charms` output), or lines of .charm paths / globs, or one charm
 * name already in the store.
 */
function parseCharmInput(value) {
    const text = value.trim();
    if (text.startsWith('[')) {
        let list;
        try {
            list = JSON.parse(text);
        }
        catch {
            throw new errors/* UserError */.yo(`charm: '${text.slice(0, 80)}' looks like a JSON array but is not valid JSON; give one .charm path per line, or charm-build's charms output as is`);
        }
        if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && x.trim() !== '')) {
            throw new errors/* UserError */.yo("charm: the JSON array must list one or more .charm paths (charm-build's charms output)");
        }
        return { files: list.map((x) => x.trim()) };
    }
    const lines = (0,inputs/* splitLines */.uz)(text);
    if (lines.length === 1 && !lines[0].endsWith('.charm') && !lines[0].includes('/') && !GLOB_RE.test(lines[0])) {
        if (!(0,metadata/* isCharmName */.px)(lines[0]))
            throw new errors/* UserError */.yo(`charm: '${lines[0]}' is neither a .charm file nor a valid charm name`);
        return { name: lines[0] };
    }
    return { files: lines };
}
/** Expand globs (relative to the working directory); a pattern that matches nothing is an error naming it. */
async function expandFiles(patterns) {
    const out = [];
    for (const p of patterns) {
        if (!GLOB_RE.test(p)) {
            out.push(p);
            continue;
        }
        const glob = await Promise.all(/* import() */[__webpack_require__.e(846), __webpack_require__.e(401)]).then(__webpack_require__.bind(__webpack_require__, 33401)); // loaded only when a pattern needs it
        const matches = (await (await glob.create(p, { matchDirectories: false, implicitDescendants: false })).glob()).sort();
        if (matches.length === 0)
            throw new errors/* UserError */.yo(`charm: '${p}' matches no file; build the charm first (charm-build) or fix the pattern`);
        out.push(...matches);
    }
    return [...new Set(out.map((f) => external_node_path_default().resolve(f)))];
}
async function makeStore(rt, inputs) {
    const log = (m) => rt.info(m);
    if (inputs.store === 'charmstore')
        return inputs.dryRun ? undefined : new charm_store/* CharmstoreStore */.mJ(await (0,charm_store/* ensureTool */.r7)('charm', inputs.charmcraftChannel, log), inputs.namespace, log);
    if (!inputs.credentials) {
        if (inputs.dryRun)
            return undefined;
        throw new errors/* UserError */.yo('credentials: Charmhub credentials are required to upload; export them with `charmcraft login --export=creds.txt` and pass a secret (credentials: ${{ secrets.CHARMHUB_TOKEN }}), or set dry-run: true');
    }
    return new charm_store/* CharmhubStore */.gl(await (0,charm_store/* ensureTool */.r7)('charmcraft', inputs.charmcraftChannel, log), inputs.credentials, log);
}
/** name → revision; a resource whose revision differs per base/arch (per-arch resources) → {arch: revision}. */
function resourceRevisionsOutput(releases) {
    const out = {};
    const names = [...new Set(releases.flatMap((r) => Object.keys(r.resources)))];
    for (const n of names) {
        const withIt = releases.filter((r) => n in r.resources);
        const values = new Set(withIt.map((r) => r.resources[n]));
        if (values.size === 1) {
            out[n] = [...values][0];
            continue;
        }
        const per = {};
        for (const r of withIt)
            for (const b of r.bases)
                per[b?.architecture ?? (0,charm_plan/* baseKey */.H_)(b)] = r.resources[n];
        out[n] = per;
    }
    return out;
}
function releaseTable(plan, releases, revisions) {
    const names = [...new Set(releases.flatMap((r) => Object.keys(r.resources)))];
    const rows = Object.entries(revisions).map(([key, rev]) => {
        const rel = releases.find((r) => r.revision === rev && (r.bases.length === 0 || r.bases.some((b) => (0,charm_plan/* baseKey */.H_)(b) === key)));
        return `| ${plan.charm} | ${key} | ${rev} | ${names.map((n) => rel?.resources[n] ?? '').join(' | ')} |`;
    });
    return [`| charm | base | revision | ${names.join(' | ')} |`, `|---|---|---|${names.map(() => '---|').join('')}`, ...rows].join('\n');
}
function getInputs(rt) {
    const store = rt.input('store', { default: 'charmhub' });
    if (store !== 'charmhub' && store !== 'charmstore')
        throw new errors/* UserError */.yo(`store: '${store}' is not a store; use charmhub (default) or charmstore`);
    const credentials = rt.secretInput('credentials');
    const archText = rt.input('arches');
    const revText = rt.input('revision');
    if (revText && !/^[1-9][0-9]*$/.test(revText))
        throw new errors/* UserError */.yo(`revision: '${revText}' is not a revision number; use a positive integer`);
    const keep = (0,inputs/* splitList */.ry)(rt.input('keep-resources'));
    if (keep.length > 0 && store === 'charmstore')
        throw new errors/* UserError */.yo('keep-resources: only supported with store: charmhub; give a file for every resource');
    const legacy = store === 'charmstore';
    const fromText = rt.input('from-channel');
    const charm = parseCharmInput(rt.input('charm', { required: true }));
    return {
        ...charm,
        channel: (0,charm_plan/* parseChannel */.pn)(rt.input('channel', { required: true }), 'channel', legacy),
        ...(fromText ? { from: (0,charm_plan/* parseChannel */.pn)(fromText, 'from-channel', legacy) } : {}),
        allowMissingBases: (0,inputs/* parseBool */.q6)(rt.input('allow-missing-bases'), 'allow-missing-bases', false),
        store,
        namespace: rt.input('namespace'),
        charmcraftChannel: rt.input('charmcraft-channel', { default: 'latest/stable' }),
        credentials,
        resourcesText: rt.input('resources'),
        arches: archText ? (0,arch/* parseArches */.eQ)(archText, 'arches') : [],
        keep,
        ...(revText ? { revision: Number(revText) } : {}),
        verify: (0,inputs/* parseBool */.q6)(rt.input('verify'), 'verify', true),
        dryRun: (0,inputs/* parseBool */.q6)(rt.input('dry-run'), 'dry-run', false),
        expectChannel: parseExpectChannel(rt.input('expect-channel')),
    };
}
/** A dry run: every command a real run would make and every file (size, sha256), in the log and the summary. */
function reportDryRun(rt, inputs, o) {
    const { plan, files, resources, declared, table } = o;
    const cmds = (inputs.store === 'charmhub'
        ? (0,charm_plan/* planCommands */.uk)('charmcraft', plan)
        : (0,charm_plan/* planLegacyCommands */.Ff)((0,charm_store/* legacyUrl */.d$)(inputs.namespace, plan.charm), files[0]?.path, inputs.revision, resources, inputs.channel)).map(charm_plan/* showCommand */.TB);
    if (!declared && !inputs.from)
        cmds.unshift(`(charm ${plan.charm} is a name: its declared resources are checked against the store at release time)`);
    const what = plan.from
        ? `promotion of ${plan.charm} ${plan.from.name} → ${inputs.channel.name}`
        : `release of ${plan.charm} → ${inputs.channel.name}`;
    rt.info(`DRY RUN: nothing is uploaded or released. Plan for the ${what}:`);
    for (const c of cmds)
        rt.info(`  ${c}`);
    if (plan.skipped.length)
        rt.info(`  (skipped, nothing in ${plan.from.name}: ${plan.skipped.join(', ')})`);
    rt.info('Files:');
    for (const r of resources)
        rt.info(`  ${r.name}${r.arch ? ` [${r.arch.debian}]` : ''}: ${r.facts.path} ${r.facts.size} bytes sha256 ${r.facts.sha256}`);
    for (const f of files)
        rt.info(`  (charm ${f.bases.map(charm_plan/* baseKey */.H_).join(', ') || 'no base'}): ${f.path} ${f.size} bytes sha256 ${f.sha256}`);
    rt.summary(`### Dry run: ${what}\n\nNothing was uploaded or released.\n\n\`\`\`\n${cmds.join('\n')}\n\`\`\`\n\n${table}`);
}
/** The revisions output: "<base-channel>/<arch>" → revision (a release without bases: the bases the store shows). */
function revisionsOutput(releases, found, channel) {
    const revisions = {};
    for (const rel of releases) {
        const bases = rel.bases.length
            ? rel.bases
            : found.filter((r) => r.channel === channel.name && r.revision === rel.revision).map((r) => r.base);
        for (const b of bases)
            revisions[(0,charm_plan/* baseKey */.H_)(b)] = rel.revision;
        if (bases.length === 0)
            revisions[`revision-${rel.revision}`] = rel.revision;
    }
    return revisions;
}

;// CONCATENATED MODULE: ./actions/charm-attach-release/main.ts
/**
 * charm-attach-release: release a charm to a channel, as plan → execute → verify.
 * - plan (pure, shared/charm/plan.ts): from the inputs and what the store says today, one ReleasePlan: every
 *   .charm (one revision per base/arch), every resource upload (each once for the charm; a per-arch resource
 *   once per arch), every release with its resource revisions, or, for a promotion, what from-channel holds.
 * - execute (shared/charm/release.ts): the only code that writes to the store.
 * - verify: read the channel map back and check, per base, the revision and every resource revision.
 * A dry run prints the plan and stops; a re-run uploads nothing new and releases only what differs.
 */








async function main(rt) {
    const inputs = getInputs(rt);
    // 1. Read and check everything before a store is written to.
    const files = [];
    const paths = await expandFiles(inputs.files ?? []);
    for (const f of paths)
        await (0,shared_paths/* checkInputPath */.WJ)(f, 'charm', 'file');
    for (const f of paths)
        files.push(await readCharmFile(f, rt.tempRoot()));
    (0,charm_plan/* checkCharmFiles */.Jm)(files, inputs.store);
    const name = files[0]?.name ?? inputs.name;
    const fileArches = [...new Set(files.flatMap((f) => f.bases.map((b) => b.architecture)))].filter((a) => a !== 'all');
    const arches = inputs.arches.length
        ? inputs.arches
        : fileArches.length
            ? (0,arch/* parseArches */.eQ)(fileArches.join(' '), 'charm (the architectures in manifest.yaml)')
            : [];
    const given = (0,charm_plan/* parseResourceLines */.vA)(inputs.resourcesText, arches);
    if (inputs.store === 'charmstore' && given.some((r) => r.perArch))
        throw new errors/* UserError */.yo('resources: per-arch resources ({arch} only in the path) need Charmhub; the legacy charm store has no architectures per resource revision');
    const store = await makeStore(rt, inputs);
    let declared = files[0]?.resources;
    if (!declared && store && !inputs.from)
        declared = await store.declaredResources(name);
    if (declared)
        (0,charm_plan/* checkResourceCoverage */.H9)(name, declared, given, inputs.keep);
    const resources = await checkResourceFiles(given, declared ?? [], arches);
    // 2. What the store says, then the plan (pure).
    const ledger = store ? new Ledger(rt, ledgerScope(store.kind, inputs.credentials), name) : undefined;
    await ledger?.load();
    const view = store
        ? await readStoreView(store, name, inputs.from ? [] : [...new Set([...given.map((r) => r.name), ...inputs.keep])], ledger, !inputs.from)
        : { resourceRevisions: {}, ledger: {} };
    const plan = (0,charm_plan/* buildPlan */.Gg)({
        charm: name,
        channel: inputs.channel,
        store: inputs.store,
        files,
        ...(inputs.revision ? { revision: inputs.revision } : {}),
        ...(inputs.from ? { from: inputs.from } : {}),
        allowMissingBases: inputs.allowMissingBases,
        resources,
        keep: inputs.keep,
    }, view);
    const table = filesTable(resources, files);
    const held = view.channelMap && channelHeld(view.channelMap, inputs.channel);
    if (held)
        rt.output('channel-held', held);
    const planned = inputs.expectChannel ?? held;
    rt.output('plan', (0,charm_plan/* planJson */.iY)(plan));
    rt.output('channel', inputs.channel.name);
    for (const s of plan.skipped)
        rt.warning(`from-channel: ${plan.from.name} holds nothing for base ${s}; not promoted (allow-missing-bases: true)`);
    if (inputs.dryRun)
        return reportDryRun(rt, inputs, { plan, files, resources, declared, table });
    // 3. Execute (the only writes), 4. verify (read-only).
    const result = await rt.group(`${plan.from ? `Promote ${name} ${plan.from.name} →` : `Release ${name} to`} ${inputs.channel.name}`, () => executePlan(rt, store, plan, ledger, async (releases) => {
        const now = planned && (await store.channelMap(name));
        if (planned && now)
            assertChannelUnchanged(name, inputs.channel, planned, now, releases);
    }));
    let verified = 'not verified (verify: false)';
    const check = inputs.verify ? await verifyReleases(store, plan, result.releases) : undefined;
    if (inputs.verify && !check)
        verified = 'not verified: the legacy charm store has no channel map to read back';
    const revisions = revisionsOutput(result.releases, check?.found ?? [], inputs.channel);
    const resourceRevisions = resourceRevisionsOutput(result.releases);
    rt.output('revisions', revisions);
    rt.output('revision', String(result.releases[0]?.revision ?? ''));
    rt.output('resource-revisions', resourceRevisions);
    const revs = [...new Set(result.releases.map((r) => r.revision))];
    const state = result.released
        ? `released revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}`
        : `already released (revision${revs.length === 1 ? '' : 's'} ${revs.join(', ')}): nothing changed`;
    const head = `### ${name}${plan.from ? ` ${plan.from.name}` : ''} → \`${inputs.channel.name}\`: ${state}\n\nUploaded: ${result.uploaded.join(', ') || 'nothing'}; reused: ${result.reused.join(', ') || 'nothing'}.${result.trackCreated ? ` Track \`${result.trackCreated}\` created.` : ''}`;
    const body = `${releaseTable(plan, result.releases, revisions)}${plan.skipped.length ? `\n\nNot promoted (nothing in ${plan.from.name}): ${plan.skipped.join(', ')}` : ''}${(0,charm_plan/* uploadsOf */.y8)(plan, 'resource').length || files.length ? `\n\n${table}` : ''}`;
    if (check && check.mismatches.length) {
        const { line, table: diff } = verifyFailure(plan, check.mismatches);
        rt.info(`verify: expected vs found in ${inputs.channel.name}:`);
        for (const l of diff.split('\n'))
            rt.info(`  ${l}`);
        rt.summary(`${head}\n\n**Verify failed**: the channel map differs from what was released.\n\n${diff}\n\n${body}`);
        throw new errors/* UserError */.yo(line);
    }
    if (check)
        verified = `verified: ${inputs.channel.name} holds every revision and resource revision released, for ${Object.keys(revisions).length} base${Object.keys(revisions).length === 1 ? '' : 's'}`;
    rt.info(verified);
    rt.summary(`${head} ${verified[0].toUpperCase()}${verified.slice(1)}.\n\n${body}`);
}


/***/ }),

/***/ 54970:
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41581);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86395);
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

/***/ 32911:
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

/***/ 63795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ which),
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5427);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41581);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31662);
/** Run a program with an argument array (never a shell string), capture its output, redact secrets. */





async function run(program, args, opts = {}) {
    const env = {};
    for (const [k, v] of Object.entries({ ...process.env, ...opts.env }))
        if (v !== undefined)
            env[k] = v;
    const input = opts.input === undefined ? undefined : Buffer.from(opts.input);
    let res;
    try {
        res = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(program, args, { cwd: opts.cwd, env, input, silent: true, ignoreReturnCode: true });
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

/***/ 56855:
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
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49024);
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

/***/ 86395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ parseKeyValueLines),
/* harmony export */   Ly: () => (/* binding */ expandTemplate),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   q6: () => (/* binding */ parseBool),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41581);
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

/***/ 85723:
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
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56855);
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

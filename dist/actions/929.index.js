export const id = 929;
export const ids = [929];
export const modules = {

/***/ 11386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getInputs: () => (/* reexport */ getInputs),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./shared/arch.ts
var arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/charm/plan.ts
var charm_plan = __webpack_require__(36863);
// EXTERNAL MODULE: ./shared/charm/release.ts
var release = __webpack_require__(18003);
// EXTERNAL MODULE: ./shared/paths.ts
var shared_paths = __webpack_require__(90002);
// EXTERNAL MODULE: ./shared/charm/charm-arch.ts
var charm_arch = __webpack_require__(25902);
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/charm/metadata.ts
var metadata = __webpack_require__(173);
// EXTERNAL MODULE: ./shared/charm/store.ts + 1 modules
var store = __webpack_require__(3002);
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
        const glob = await Promise.all(/* import() */[__webpack_require__.e(838), __webpack_require__.e(377)]).then(__webpack_require__.bind(__webpack_require__, 42377)); // loaded only when a pattern needs it
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
        return inputs.dryRun ? undefined : new store/* CharmstoreStore */.mJ(await (0,store/* ensureTool */.r7)('charm', inputs.charmcraftChannel, log), inputs.namespace, log);
    if (!inputs.credentials) {
        if (inputs.dryRun)
            return undefined;
        throw new errors/* UserError */.yo('credentials: Charmhub credentials are required to upload; export them with `charmcraft login --export=creds.txt` and pass a secret (credentials: ${{ secrets.CHARMHUB_TOKEN }}), or set dry-run: true');
    }
    return new store/* CharmhubStore */.gl(await (0,store/* ensureTool */.r7)('charmcraft', inputs.charmcraftChannel, log), inputs.credentials, log);
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
        : (0,charm_plan/* planLegacyCommands */.Ff)((0,store/* legacyUrl */.d$)(inputs.namespace, plan.charm), files[0]?.path, inputs.revision, resources, inputs.channel)).map(charm_plan/* showCommand */.TB);
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
        files.push(await (0,release/* readCharmFile */.y$)(f, rt.tempRoot()));
    // Machine code for the arches manifest.yaml names, or nothing is uploaded (docs/release.md#every-charm-is-checked-for-its-arch).
    for (const f of files)
        await (0,charm_arch/* checkGivenCharmArch */.lN)(f.path, rt.tempRoot());
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
    const resources = await (0,release/* checkResourceFiles */.Kh)(given, declared ?? [], arches);
    // 2. What the store says, then the plan (pure).
    const ledger = store ? new release/* Ledger */.Oc(rt, (0,release/* ledgerScope */.Gm)(store.kind, inputs.credentials), name) : undefined;
    await ledger?.load();
    const view = store
        ? await (0,release/* readStoreView */.D4)(store, name, inputs.from ? [] : [...new Set([...given.map((r) => r.name), ...inputs.keep])], ledger, !inputs.from)
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
    const table = (0,release/* filesTable */.M5)(resources, files);
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
    const result = await rt.group(`${plan.from ? `Promote ${name} ${plan.from.name} →` : `Release ${name} to`} ${inputs.channel.name}`, () => (0,release/* executePlan */.vY)(rt, store, plan, ledger, async (releases) => {
        const now = planned && (await store.channelMap(name));
        if (planned && now)
            assertChannelUnchanged(name, inputs.channel, planned, now, releases);
    }));
    let verified = 'not verified (verify: false)';
    const check = inputs.verify ? await (0,release/* verifyReleases */.C1)(store, plan, result.releases) : undefined;
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
        const { line, table: diff } = (0,release/* verifyFailure */.SL)(plan, check.mismatches);
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

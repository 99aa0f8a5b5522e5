export const id = 140;
export const ids = [140];
export const modules = {

/***/ 61140:
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
// EXTERNAL MODULE: ../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(43439);
// EXTERNAL MODULE: ./shared/arch.ts
var shared_arch = __webpack_require__(54970);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(41581);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(56855);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(86395);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(44852);
// EXTERNAL MODULE: ./shared/publish.ts + 2 modules
var publish = __webpack_require__(4035);
// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(94269);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(63795);
;// CONCATENATED MODULE: ./shared/charm/routes.ts
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
 *                PPC64EL_RUNNER is set; destructive when the runner's release is the entry's, else LXD.
 *
 * Emulation is not a route: charmcraft is a snap and snapd does not run inside a QEMU-user container. An entry no
 * configured route serves stops the plan in one line, before anything is built or uploaded.
 */


const SELF_HOSTED_ARCHES = (/* unused pure expression or super */ null && (['s390x', 'ppc64el']));
/** The repository variable that turns on a self-hosted route. */
const runnerVariable = (arch) => `${arch.toUpperCase()}_RUNNER`;
const HOSTED_RELEASES = (/* unused pure expression or super */ null && (['22.04', '24.04']));
/** The hosted images' label suffix per arch (ubuntu-24.04, ubuntu-24.04-arm); RUNNER_ARCH comes from shared/arch.ts. */
const HOSTED_SUFFIX = { amd64: '', arm64: '-arm' };
const runnerArch = (debian) => parseArch(debian).runner;
/** The release a self-hosted runner is assumed to run in the local simulation (and documented for the real one). */
const SELF_HOSTED_RELEASE = '22.04';
const imageOs = (release) => `ubuntu${release.split('.')[0]}`;
const isUbuntu = (b) => b.name === 'ubuntu';
/** The routes of one build-on base, best first, whether configured or not (pure). */
function candidates(b, cfg) {
    const out = [];
    const suffix = HOSTED_SUFFIX[b.arch];
    if (suffix !== undefined && isUbuntu(b)) {
        if (HOSTED_RELEASES.includes(b.channel)) {
            const runsOn = `ubuntu-${b.channel}${suffix}`;
            out.push({
                kind: 'hosted',
                runsOn,
                runnerArch: runnerArch(b.arch),
                imageOs: imageOs(b.channel),
                base: b,
                destructive: 'true',
                lxd: false,
                configured: true,
                needs: `the GitHub-hosted runner ${runsOn}`,
            });
        }
        else {
            const runsOn = `ubuntu-24.04${suffix}`;
            out.push({
                kind: 'lxd',
                runsOn,
                runnerArch: runnerArch(b.arch),
                imageOs: 'ubuntu24',
                base: b,
                destructive: 'false',
                lxd: true,
                configured: true,
                needs: `LXD on ${runsOn}`,
            });
        }
    }
    const sh = SELF_HOSTED_ARCHES.find((a) => a === b.arch);
    if (sh && isUbuntu(b)) {
        out.push({
            kind: 'self-hosted',
            runsOn: ['self-hosted', 'linux', sh],
            runnerArch: runnerArch(sh),
            imageOs: '',
            base: b,
            destructive: 'auto',
            lxd: false,
            configured: !!cfg.selfHosted[sh],
            needs: `the repository variable ${runnerVariable(sh)} (a self-hosted runner labelled self-hosted, linux, ${sh})`,
        });
    }
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
 * The route that packs an entry, or a UserError naming the charm, the entry's build-on and what would serve it.
 * A self-hosted route is refused when the caller's owner is not the suite's (GitHub lets a called workflow use
 * the caller's self-hosted runners only when both repositories have the same owner).
 */
function routeEntry(charm, e, cfg) {
    const all = e.buildOn.flatMap((b) => candidates(b, cfg));
    const usable = all.find((r) => r.configured);
    const where = `${charm}: ${showSelect(e)} builds on ${showBuildOn(e)}`;
    if (!usable) {
        if (all.length === 0)
            throw new UserError(`${where}, and no route packs it (GitHub hosts amd64 and arm64 on Ubuntu; s390x and ppc64el need a self-hosted runner); pack it elsewhere and give the .charm files (files:), or drop its arch from arches`);
        throw new UserError(`${where}, and no configured route packs it; set ${[...new Set(all.map((r) => r.needs))].join(', or ')}, or drop its arch from arches`);
    }
    if (usable.kind === 'self-hosted' && cfg.callerOwner && cfg.suiteOwner && cfg.callerOwner.toLowerCase() !== cfg.suiteOwner.toLowerCase())
        throw new UserError(`${where}: the self-hosted route (${runnerVariable(usable.base.arch)}) cannot serve a call from ${cfg.callerOwner}: GitHub gives a called workflow the caller's self-hosted runners only when both are owned by the same account (${cfg.suiteOwner}); copy release.yml into a repository of ${cfg.callerOwner} (see the README) or drop ${usable.base.arch} from arches`);
    const { configured: _c, needs: _n, ...route } = usable;
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
        throw new errors/* UserError */.yo(`${where}: base '${s}' is not <name>@<channel> (e.g. ubuntu@22.04)`);
    return { name: m[1], channel: m[2] };
}
/** A `bases` item's build-on/run-on list item: {name, channel, architectures}. */
function basesOf(v, where, defaultArch) {
    const d = obj(v);
    if (!d || typeof d.name !== 'string' || (typeof d.channel !== 'string' && typeof d.channel !== 'number'))
        throw new errors/* UserError */.yo(`${where}: each base needs name and channel (e.g. name: ubuntu, channel: "22.04")`);
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
                    throw new errors/* UserError */.yo(`${where}: give both build-on and run-on lists`);
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
                throw new errors/* UserError */.yo(`${where}: '${s}' is not <arch> or <base>:<arch> (e.g. ubuntu@22.04:amd64)`);
            const b = m[1] ? parseBaseString(m[1], where) : dflt;
            if (!b)
                throw new errors/* UserError */.yo(`${where}: '${s}' names no base and charmcraft.yaml has no top-level base; write ubuntu@22.04:${s}`);
            return m[2] === 'all' ? arches.map((arch) => ({ ...b, arch })) : [{ ...b, arch: m[2] }];
        };
        return Object.entries(platforms).map(([name, v]) => {
            const where = `${file}: platforms.${name}`;
            const d = obj(v);
            if (!d)
                return { select: { kind: 'platform', name }, buildOn: one(name, where, buildBase), runOn: one(name, where, top) };
            const list = (k) => {
                if (!Array.isArray(d[k]))
                    throw new errors/* UserError */.yo(`${where}: ${k} must be a list`);
                return d[k].map(String);
            };
            return {
                select: { kind: 'platform', name },
                buildOn: list('build-on').flatMap((s) => one(s, `${where}.build-on`, buildBase)),
                runOn: list('build-for').flatMap((s) => one(s, `${where}.build-for`, top)),
            };
        });
    }
    throw new errors/* UserError */.yo(`${file}: no bases or platforms; declare where the charm builds and runs (see charmcraft's docs)`);
}
const SERIES = { focal: '20.04', jammy: '22.04', noble: '24.04' };
/** A metadata `series` name → its Ubuntu release. */
function seriesRelease(series, where) {
    const r = SERIES[series];
    if (!r)
        throw new errors/* UserError */.yo(`${where}: series '${series}' is not one of ${Object.keys(SERIES).join(', ')}`);
    return r;
}
/** One pack job per needed entry of one charm, each on its route; refuses (one line) what no route serves. */
function packJobs(charm, entries, arches, cfg) {
    const jobs = [];
    for (const e of entries) {
        if (!entryNeeded(e, arches))
            continue;
        const r = routeEntry(charm, e, cfg);
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

// EXTERNAL MODULE: ./shared/charm/store.ts + 1 modules
var store = __webpack_require__(21225);
;// CONCATENATED MODULE: ./shared/charm/build.ts
/**
 * Build a charm: check the source (metadata, resources, layer.yaml includes), then run the builder with an
 * argument array: `charmcraft pack` (one .charm per base/arch) or charm-tools' `charm build` (a directory,
 * zipped here into a .charm). Results land in the output directory only when the build succeeded.
 */









/** auto: charmcraft when charmcraft.yaml exists, else charm-tools for a layer.yaml. */
async function chooseBuilder(dir, requested) {
    if (requested !== 'auto' && requested !== 'charmcraft' && requested !== 'charm')
        throw new errors/* UserError */.yo(`builder: '${requested}' is not a builder; use auto, charmcraft or charm`);
    const hasCc = await (0,files/* exists */.t2)(external_node_path_default().join(dir, 'charmcraft.yaml'));
    const hasLayer = await (0,files/* exists */.t2)(external_node_path_default().join(dir, 'layer.yaml'));
    if (requested === 'charmcraft' && !hasCc)
        throw new errors/* UserError */.yo(`builder: charmcraft needs ${external_node_path_default().join(dir, 'charmcraft.yaml')}; add it or use builder: charm for a layered charm`);
    if (requested === 'charm' && !hasLayer)
        throw new errors/* UserError */.yo(`builder: charm (charm-tools) needs ${external_node_path_default().join(dir, 'layer.yaml')}; add it or use builder: charmcraft`);
    if (requested !== 'auto')
        return requested;
    if (hasCc)
        return 'charmcraft';
    if (hasLayer)
        return 'charm';
    throw new errors/* UserError */.yo(`charm-path: ${dir} has neither charmcraft.yaml nor layer.yaml; point charm-path at a charm or a top-level layer`);
}
const PART_RE = /^[a-z0-9][a-z0-9._-]*$/;
async function readIncludes(layerDir) {
    const file = external_node_path_default().join(layerDir, 'layer.yaml');
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(await (0,promises_.readFile)(file, 'utf8')) ?? {};
    }
    catch (e) {
        throw new errors/* UserError */.yo(`${file}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : e}); fix the file`);
    }
    const includes = doc.includes ?? [];
    if (!Array.isArray(includes) || includes.some((i) => typeof i !== 'string'))
        throw new errors/* UserError */.yo(`${file}: includes must be a list of strings (layer:<name>, interface:<name>)`);
    return { file, includes: includes };
}
/**
 * Check every include of layer.yaml, recursively through local layers: `layer:<name>` / `interface:<name>`
 * is local when layers-dir/<name> (interfaces-dir/<name>) exists, else fetched by name; a path must exist;
 * a URL is fetched. Anything else is an error naming the file.
 */
async function checkLayerIncludes(topDir, layersDir, interfacesDir) {
    const out = [];
    const seen = new Set();
    const visit = async (layerDir) => {
        const { file, includes } = await readIncludes(layerDir);
        for (const inc of includes) {
            if (seen.has(inc))
                continue;
            seen.add(inc);
            const m = /^(layer|interface):(.*)$/.exec(inc);
            if (m) {
                if (!PART_RE.test(m[2]))
                    throw new errors/* UserError */.yo(`${file}: include '${inc}' has an invalid name; use ${m[1]}:<lower-case name>`);
                const base = m[1] === 'layer' ? layersDir : interfacesDir;
                const local = base ? external_node_path_default().resolve(base, m[2]) : undefined;
                if (local && (await (0,promises_.stat)(local).catch(() => undefined))?.isDirectory()) {
                    out.push({ include: inc, local, from: file });
                    if (m[1] === 'layer' && (await (0,files/* exists */.t2)(external_node_path_default().join(local, 'layer.yaml'))))
                        await visit(local);
                }
                else
                    out.push({ include: inc, from: file });
            }
            else if (/^[a-z+]+:\/\//.test(inc)) {
                out.push({ include: inc, from: file });
            }
            else if (inc.startsWith('.') || inc.startsWith('/')) {
                const local = external_node_path_default().resolve(layerDir, inc);
                if (!(await (0,files/* exists */.t2)(local)))
                    throw new errors/* UserError */.yo(`${file}: include '${inc}' is a path that does not exist (${local}); fix the path or use layer:<name>`);
                out.push({ include: inc, local, from: file });
                if (await (0,files/* exists */.t2)(external_node_path_default().join(local, 'layer.yaml')))
                    await visit(local);
            }
            else {
                throw new errors/* UserError */.yo(`${file}: include '${inc}' is neither layer:<name>, interface:<name>, a path (./dir) nor a URL; fix it`);
            }
        }
    };
    await visit(topDir);
    return out;
}
/** The builder's command line and environment (pure; the tests check it). */
function builderInvocation(builder, charmDir, outDir, opts) {
    if (builder === 'charmcraft') {
        return {
            args: [
                'pack',
                '--project-dir',
                charmDir,
                ...(opts.destructiveMode ? ['--destructive-mode'] : []),
                ...(opts.basesIndex ? ['--bases-index', opts.basesIndex] : []),
                ...(opts.platform ? ['--platform', opts.platform] : []),
                '--verbose',
            ],
            cwd: outDir,
            env: {},
        };
    }
    // charm-tools reads local layer overrides from these (docs/upstream.md#charms-and-the-store); the newer names first, the old ones too.
    const env = {};
    if (opts.layersDir)
        Object.assign(env, { CHARM_LAYERS_DIR: opts.layersDir, LAYER_PATH: opts.layersDir });
    if (opts.interfacesDir)
        Object.assign(env, { CHARM_INTERFACES_DIR: opts.interfacesDir, INTERFACE_PATH: opts.interfacesDir });
    return { args: ['build', '--output-dir', outDir, charmDir], cwd: charmDir, env };
}
/** Zip a built charm directory into a .charm (a zip, as charmcraft makes), atomically. */
async function zipCharmDir(dir, dest) {
    const zip = (0,exec/* which */.K)('zip');
    if (!zip)
        throw new errors/* UserError */.yo('zip is not installed; install it (apt-get install zip) to pack a charm-tools build into a .charm');
    const entries = (await (0,promises_.readdir)(dir)).sort();
    if (!entries.includes('metadata.yaml'))
        throw new errors/* UserError */.yo(`${dir}: the built charm has no metadata.yaml; the build did not produce a charm`);
    await (0,files/* produceAtomic */.Kx)(dest, async (tmp) => {
        await (0,exec/* run */.e)(zip, ['-q', '-r', '-X', tmp, ...entries], { cwd: dir });
    });
}
/**
 * Run the builder into a scratch directory inside outDir and move the .charm files into outDir only when it
 * succeeded; returns their paths.
 */
async function buildCharm(tool, builder, meta, outDir, opts) {
    const scratch = external_node_path_default().join(outDir, `.charm-build-${process.pid}`);
    await (0,promises_.rm)(scratch, { recursive: true, force: true });
    await (0,promises_.mkdir)(scratch, { recursive: true });
    try {
        const inv = builderInvocation(builder, meta.dir, scratch, opts);
        const res = await (0,exec/* run */.e)(tool, inv.args, { cwd: inv.cwd, env: inv.env, allowFailure: true });
        if (res.exitCode !== 0) {
            const tail = (res.stderr.trim() || res.stdout.trim()).split('\n').slice(-3).join(' | ');
            throw new errors/* UserError */.yo(`${external_node_path_default().basename(tool)} ${inv.args[0]} failed (exit ${res.exitCode}): ${tail}`);
        }
        const charms = [];
        if (builder === 'charmcraft') {
            const made = (await (0,promises_.readdir)(scratch)).filter((f) => f.endsWith('.charm')).sort();
            if (made.length === 0)
                throw new errors/* UserError */.yo(`charmcraft pack produced no .charm file in ${scratch}`);
            for (const f of made) {
                await (0,promises_.rename)(external_node_path_default().join(scratch, f), external_node_path_default().join(outDir, f));
                charms.push(external_node_path_default().join(outDir, f));
            }
        }
        else {
            const built = external_node_path_default().join(scratch, meta.name);
            if (!(await (0,files/* exists */.t2)(built)))
                throw new errors/* UserError */.yo(`charm build produced no ${meta.name}/ in ${scratch}`);
            await opts.manifest?.(built);
            const dest = external_node_path_default().join(outDir, `${meta.name}.charm`);
            await zipCharmDir(built, dest);
            charms.push(dest);
        }
        return charms;
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
// ---------------------------------------------------------------- which charmcraft, where, how
/**
 * The charmcraft channel to pack with: the input when given, else the charm's own `.charmcraft-channel` (every
 * CK charm pins one; CK's release tooling installs it), else latest/stable.
 */
async function charmcraftChannel(dir, input) {
    if (input)
        return { channel: input, from: 'the charmcraft-channel input' };
    const pinned = (await (0,promises_.readFile)(external_node_path_default().join(dir, '.charmcraft-channel'), 'utf8').catch(() => '')).trim();
    if (pinned) {
        if (!/^[a-z0-9.]+(\/[a-z]+)?(\/[a-z0-9-]+)?$/.test(pinned))
            throw new errors/* UserError */.yo(`${external_node_path_default().join(dir, '.charmcraft-channel')}: '${pinned}' is not a snap channel (e.g. 2.x/stable); fix the file`);
        return { channel: pinned, from: '.charmcraft-channel' };
    }
    return { channel: 'latest/stable', from: 'the default' };
}
/**
 * The builder to pack with. A charm that pins a charmcraft track (.charmcraft-channel) is packed with that track,
 * as CK's tooling does: on a GitHub runner a charmcraft of another track is refreshed to the pinned channel;
 * elsewhere it is used as found, with a note. The store commands (charm-attach-release) keep their own one.
 */
async function ensurePackTool(builder, channel, pinned, log) {
    const found = (0,exec/* which */.K)(builder);
    const onRunner = process.env.GITHUB_ACTIONS === 'true' && !process.env.BUILD_SNAPS_NO_INSTALL && !!(0,exec/* which */.K)('sudo') && !!(0,exec/* which */.K)('snap');
    if (found && pinned && builder === 'charmcraft') {
        const line = (await (0,exec/* run */.e)(found, ['version'], { allowFailure: true })).stdout.trim().split('\n')[0] ?? '';
        const fits = versionFitsChannel(line, channel);
        if (fits === false && onRunner) {
            log(`${line} does not fit ${channel}: switching the charmcraft snap to ${channel}`);
            const r = await (0,exec/* run */.e)('sudo', ['snap', 'refresh', 'charmcraft', `--channel=${channel}`], { allowFailure: true });
            if (r.exitCode !== 0)
                await (0,exec/* run */.e)('sudo', ['snap', 'install', 'charmcraft', '--classic', `--channel=${channel}`]);
            return (0,exec/* which */.K)('charmcraft', `/snap/bin${(external_node_path_default()).delimiter}${process.env.PATH}`) ?? found;
        }
        if (fits === false)
            log(`${line} does not fit ${channel}; packing with it (install charmcraft from ${channel} to match)`);
    }
    return (0,store/* ensureTool */.r7)(builder, channel, log);
}
/** Does `charmcraft version` output ("charmcraft 2.7.0") fit the channel's track (2.x, 3.x; latest fits all)? */
function versionFitsChannel(versionLine, channel) {
    const track = channel.split('/')[0];
    const major = /^(\d+)\.x$/.exec(track)?.[1];
    if (!major)
        return true;
    const v = /(\d+)\.\d+/.exec(versionLine)?.[1];
    return v === undefined ? undefined : v === major;
}
/** The job's machine as GitHub describes it: RUNNER_ARCH, and the Ubuntu release from ImageOS (hosted) or os-release. */
async function runnerHost(env, hostDebian) {
    const arch = shared_arch/* ARCHES */.Pr.find((a) => a.runner !== undefined && a.runner === env.RUNNER_ARCH)?.debian ?? hostDebian;
    const image = /^ubuntu(\d\d)$/.exec(env.ImageOS ?? '')?.[1];
    if (image)
        return { arch, release: `${image}.04` };
    const osr = await (0,promises_.readFile)('/etc/os-release', 'utf8').catch(() => '');
    return { arch, release: /^VERSION_ID="?([^"\n]+)"?$/m.exec(osr)?.[1] ?? '' };
}
/**
 * destructive-mode auto (a self-hosted runner of unknown release): destructive when the host's release is the
 * build-on release of the entry packed here for the host's arch, else LXD managed mode (pure).
 */
function destructiveFor(entries, opts, host) {
    const picked = entries.filter((e) => opts.basesIndex ? e.select.index === Number(opts.basesIndex) : opts.platform ? e.select.name === opts.platform : true);
    const mine = picked.flatMap((e) => e.buildOn).filter((b) => b.arch === host.arch);
    return mine.length > 0 && mine.every((b) => b.channel === host.release);
}
/**
 * The manifest.yaml a charm-tools build lacks, as CK's release tooling writes one (charmed-kubernetes/jenkins
 * jobs/build-charms/builder_local.py `generate_manifest`): Charmhub reads the bases from it to tell jammy and
 * later apart. bases: one per metadata series with the arches served; the analysis attributes; the charm-tools
 * version and when the build started (SOURCE_DATE_EPOCH here, so the .charm is reproducible).
 */
function charmToolsManifest(series, arches, toolVersion, epoch) {
    return {
        analysis: {
            attributes: [
                { name: 'language', result: 'python' },
                { name: 'framework', result: 'reactive' },
            ],
        },
        bases: series.map((s) => ({ architectures: arches, channel: seriesRelease(s, 'metadata.yaml'), name: 'ubuntu' })),
        'charmtool-version': toolVersion,
        'charmtool-started-at': new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    };
}

// EXTERNAL MODULE: ./shared/charm/metadata.ts
var charm_metadata = __webpack_require__(12911);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(49024);
;// CONCATENATED MODULE: ./actions/charm-build/main.ts
/**
 * charm-build: check a charm source (metadata.yaml / charmcraft.yaml parse, names, resources, every layer.yaml
 * include present locally or named for fetching), then build it with charmcraft or charm-tools. In release.yml
 * each pack job packs one `bases`/`platforms` entry (bases-index / platform) on a runner of its build-on arch.
 */















function getInputs(rt) {
    const dir = (name) => (rt.input(name) ? external_node_path_default().resolve(rt.input(name)) : undefined);
    const destructiveMode = rt.input('destructive-mode', { default: 'true' });
    if (destructiveMode !== 'auto')
        (0,inputs/* parseBool */.q6)(destructiveMode, 'destructive-mode', true);
    const basesIndex = rt.input('bases-index');
    if (basesIndex && !/^\d+$/.test(basesIndex))
        throw new errors/* UserError */.yo(`bases-index: '${basesIndex}' is not an index (0, 1, ...)`);
    return {
        charmPath: rt.input('charm-path', { default: '.' }),
        builder: rt.input('builder', { default: 'auto' }),
        layersDir: dir('layers-dir'),
        interfacesDir: dir('interfaces-dir'),
        outputDir: rt.input('output-dir', { default: 'charms' }),
        charmcraftChannel: rt.input('charmcraft-channel'),
        destructiveMode,
        basesIndex,
        platform: rt.input('platform'),
        arches: (0,inputs/* splitList */.ry)(rt.input('arches', { default: 'amd64' })),
    };
}
async function readYaml(file) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
    return text === undefined ? undefined : ((0,dist/* parse */.qg)(text) ?? {});
}
async function main(rt) {
    const inputs = getInputs(rt);
    await (0,paths/* checkInputPaths */.bk)({ 'charm-path': inputs.charmPath }, 'any');
    await (0,paths/* checkInputPaths */.bk)({ 'layers-dir': inputs.layersDir, 'interfaces-dir': inputs.interfacesDir });
    const charm = await (0,charm_metadata/* loadCharm */._0)(inputs.charmPath, 'charm-path');
    const builder = await chooseBuilder(charm.dir, inputs.builder);
    for (const [name, dir] of [
        ['layers-dir', inputs.layersDir],
        ['interfaces-dir', inputs.interfacesDir],
    ]) {
        if (dir && !(await (0,promises_.stat)(dir).catch(() => undefined))?.isDirectory())
            throw new errors/* UserError */.yo(`${name}: '${dir}' is not a directory`);
    }
    if (builder === 'charm') {
        const includes = await checkLayerIncludes(charm.dir, inputs.layersDir, inputs.interfacesDir);
        rt.info(`layer.yaml includes of ${charm.name}:`);
        for (const i of includes)
            rt.info(`  ${i.include}: ${i.local ? `local ${i.local}` : 'fetched by the builder'}`);
    }
    rt.info(`charm ${charm.name}: ${charm.resources.length} resources (${charm.resources.map((r) => r.name).join(', ') || 'none'})`);
    const metadata = await readYaml(external_node_path_default().join(charm.dir, 'metadata.yaml'));
    let destructive = inputs.destructiveMode !== 'false';
    if (builder === 'charmcraft' && inputs.destructiveMode === 'auto') {
        const host = await runnerHost(process.env, (0,shared_arch/* hostArch */.LY)().debian);
        const entries = charmEntries(charm.name, await readYaml(external_node_path_default().join(charm.dir, 'charmcraft.yaml')), metadata, builder, inputs.arches);
        destructive = destructiveFor(entries, inputs, host);
        rt.info(`this runner: ${host.arch}, Ubuntu ${host.release || '(unknown)'}: ${destructive ? 'destructive mode' : 'LXD managed mode'}`);
    }
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const channel = builder === 'charmcraft' ? await charmcraftChannel(charm.dir, inputs.charmcraftChannel) : undefined;
    if (channel)
        rt.info(`charmcraft channel ${channel.channel} (${channel.from})`);
    const tool = await ensurePackTool(builder, channel?.channel ?? (inputs.charmcraftChannel || 'latest/stable'), channel?.from === '.charmcraft-channel', (m) => rt.info(m));
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const charms = await rt.group(`Build ${charm.name} with ${builder}`, () => buildCharm(tool, builder, charm, outDir, {
        destructiveMode: destructive,
        layersDir: inputs.layersDir,
        interfacesDir: inputs.interfacesDir,
        ...(inputs.basesIndex ? { basesIndex: inputs.basesIndex } : {}),
        ...(inputs.platform ? { platform: inputs.platform } : {}),
        // charm-tools writes no manifest.yaml: Charmhub needs one to tell jammy and later apart.
        manifest: async (built) => {
            if (await (0,promises_.stat)(external_node_path_default().join(built, 'manifest.yaml')).catch(() => undefined))
                return;
            const series = Array.isArray(metadata?.series) ? metadata.series.map(String) : ['jammy'];
            const version = JSON.parse((await (0,exec/* run */.e)(tool, ['version', '--format', 'json'])).stdout);
            const doc = charmToolsManifest(series, inputs.arches, version['charm-tools']?.version ?? '', epoch);
            await (0,promises_.writeFile)(external_node_path_default().join(built, 'manifest.yaml'), (0,dist/* stringify */.As)(doc));
            rt.info(`manifest.yaml: bases ${series.join(', ')} x ${inputs.arches.join(', ')}`);
        },
    }));
    for (const c of charms)
        rt.info(`built ${c}`);
    const prov = new provenance/* ProvenanceRecorder */.Ej('charm-build');
    await prov.checkout(charm.dir, charm.name);
    const version = (await (0,promises_.readFile)(external_node_path_default().join(charm.dir, 'version'), 'utf8').catch(() => '')).trim();
    await (0,publish/* publish */.mk)(rt, {
        action: 'charm-build',
        outDir,
        epoch,
        provenance: prov,
        parts: [charm.name],
        artifacts: charms.map((file) => ({ file, version, packageName: charm.name })),
        title: `Charm ${charm.name} (${builder})`,
    });
    rt.output('charms', charms);
    rt.output('name', charm.name);
    rt.output('resources', charm.resources);
}


/***/ })

};

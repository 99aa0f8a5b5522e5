export const id = 3;
export const ids = [3];
export const modules = {

/***/ 23003:
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/arch.ts
var shared_arch = __webpack_require__(82220);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(78365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/provenance.ts + 1 modules
var provenance = __webpack_require__(21562);
// EXTERNAL MODULE: ./shared/publish.ts
var publish = __webpack_require__(10285);
// EXTERNAL MODULE: ./shared/epoch.ts
var shared_epoch = __webpack_require__(37747);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(83497);
// EXTERNAL MODULE: ./shared/charm/routes.ts
var routes = __webpack_require__(72658);
// EXTERNAL MODULE: ./shared/charm/store.ts + 1 modules
var store = __webpack_require__(3002);
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
        bases: series.map((s) => ({ architectures: arches, channel: (0,routes/* seriesRelease */.R6)(s, 'metadata.yaml'), name: 'ubuntu' })),
        'charmtool-version': toolVersion,
        'charmtool-started-at': new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    };
}

// EXTERNAL MODULE: ./shared/charm/charm-arch.ts
var charm_arch = __webpack_require__(25902);
// EXTERNAL MODULE: ./shared/charm/metadata.ts
var charm_metadata = __webpack_require__(173);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(90002);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./shared/binfmt.ts
var binfmt = __webpack_require__(33908);
// EXTERNAL MODULE: ./shared/emulate.ts
var emulate = __webpack_require__(80983);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
// EXTERNAL MODULE: ./shared/charm/charmcraft-pins.ts
var charmcraft_pins = __webpack_require__(22488);
;// CONCATENATED MODULE: ./shared/charm/container.ts
/**
 * The emulated pack route (docs/emulated-pack.md): pack one `bases` entry of a charm inside a `linux/<arch>`
 * docker container of the entry's build-on release, on a machine of another arch, through QEMU user emulation
 * registered with binfmt_misc (flag F). charmcraft asks only os-release and `uname -m` in destructive mode, and
 * under qemu-user those are the container's: it packs exactly that entry, named as a native build names it.
 *
 *   1. checks, each one line with its fix, before anything runs: docker, its engine, the emulator, the image;
 *   2. `docker run --platform P ... IMAGE sh -c SCRIPT`: a copy of the charm at /build/project, the .charm files
 *      written to /build/out, pip's cache and charmcraft's logs mounted from this machine; SCRIPT installs
 *      charmcraft by pip (the version the charm pins, with its tag's requirements.txt as constraints) or runs the
 *      one mounted from charmcraft-path, prints `charmcraft version`, then `charmcraft pack --destructive-mode`;
 *   3. pip's wheel cache restored and saved through the runtime's cache, so a re-run compiles nothing;
 *   4. a failed pack is one line with the tail of charmcraft's log; a pack killed by a signal (emulated gcc
 *      segfaults) is tried once more; a cancelled step kills the container by its name.
 */















/** Inside the container. */
const PROJECT_MOUNT = '/build/project';
const OUT_MOUNT = '/build/out';
const PIP_CACHE_MOUNT = '/root/.cache/pip';
/** craft-cli 2.4.0 (charmcraft 2.7.6) logs to platformdirs.user_log_dir('charmcraft'): ~/.local/state/charmcraft/log. */
const LOG_MOUNT = '/root/.local/state/charmcraft/log';
const CHARMCRAFT_MOUNT = '/usr/local/bin/charmcraft';
const VENV = '/opt/charmcraft';
/** The line the script prints before packing: which charmcraft runs, and its `charmcraft version`. */
const VERSION_MARK = 'build-snaps: charmcraft version:';
/** The line the script prints once charmcraft is installed (pip route): a failure before it is the install's. */
const INSTALLED_MARK = 'build-snaps: charmcraft installed';
// ---------------------------------------------------------------- inputs and checks
/** container-platform: linux/<arch> as docker spells it (shared/arch.ts). */
function parseContainerPlatform(value) {
    const arch = shared_arch/* ARCHES */.Pr.find((a) => a.platform === value.trim());
    if (!arch)
        throw new errors/* UserError */.yo(`container-platform: '${value}' is not a docker platform of the arch table; use one of ${shared_arch/* ARCHES */.Pr.map((a) => a.platform).join(', ')}, or leave it empty to pack on this machine`);
    return arch;
}
/**
 * Before anything runs: docker on PATH, its engine answering, and (for a foreign arch) a binfmt_misc handler
 * with flag F for the arch, so the kernel opens QEMU from this machine's filesystem inside the container.
 */
async function checkContainerRoute(arch, pathEnv = process.env.PATH ?? '') {
    const where = `container-platform ${arch.platform}`;
    const docker = (0,exec/* which */.K)('docker', pathEnv);
    if (!docker)
        throw new errors/* UserError */.yo(`${where}: docker is not on PATH; install it (sudo apt-get install docker.io; GitHub's ubuntu runners have it) or leave container-platform empty to pack on this machine`);
    const engine = await (0,exec/* run */.e)(docker, ['version', '--format', '{{.Server.Version}}'], { allowFailure: true });
    if (engine.exitCode !== 0)
        throw new errors/* UserError */.yo(`${where}: the docker engine does not answer (${squeeze(engine.stderr || engine.stdout, 160)}); start it (sudo systemctl start docker) and let this user reach its socket (the docker group)`);
    if (!(0,emulate/* nativeFor */.Bi)(arch)) {
        const matching = (0,binfmt/* readBinfmt */.fL)().filter((e) => e.enabled && (0,binfmt/* binfmtMatches */.A_)(e, (0,binfmt/* elfHeaderFor */.Gz)(arch)));
        if (!matching.some((e) => e.flags.includes('F'))) {
            const found = matching.length ? ` (${matching[0].name} is registered without it)` : '';
            throw new errors/* UserError */.yo(`${where}: no binfmt_misc emulator for ${arch.debian} with flag F is registered${found}; register one with docker/setup-qemu-action (platforms: ${arch.debian}) or sudo apt-get install qemu-user-static`);
        }
    }
    return docker;
}
/** The image for the platform, here or pulled: docker run never pulls (--pull never), so it never waits on a registry silently. */
async function ensureImage(rt, docker, image, arch) {
    const have = await (0,exec/* run */.e)(docker, ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', image], { allowFailure: true });
    if (have.exitCode === 0 && have.stdout.trim() === `linux/${arch.platform.split('/')[1]}`)
        return;
    rt.info(`pulling ${image} for ${arch.platform}`);
    const pull = await (0,exec/* run */.e)(docker, ['pull', '--platform', arch.platform, image], { allowFailure: true });
    if (pull.exitCode !== 0)
        throw new errors/* UserError */.yo(`container-image: cannot pull ${image} for ${arch.platform} (${squeeze(pull.stderr || pull.stdout, 200)}); check the name, or docker load the image for that platform first`);
}
/** charmcraft by pip for the pinned snap channel: its track's last release, with its tag's requirements.txt as constraints. */
function pipCharmcraft(channel) {
    const track = channel.split('/')[0];
    const version = charmcraft_pins/* CHARMCRAFT_FOR_TRACK */.un[track];
    if (!version)
        throw new errors/* UserError */.yo(`charmcraft-path: empty, and charmcraft ${channel} has no pip install the container route knows (it installs ${Object.entries(charmcraft_pins/* CHARMCRAFT_FOR_TRACK */.un)
            .map(([t, v]) => `${t}: ${v}`)
            .join(', ')}); set charmcraft-path to a charmcraft to mount, or pin 2.x/stable in .charmcraft-channel`);
    const left = new Set(charmcraft_pins/* CONSTRAINTS_LEFT_TO_APT */.l1);
    const constraints = charmcraft_pins/* CHARMCRAFT_2_7_6_REQUIREMENTS */.Bm.split('\n')
        .filter((l) => l.trim() && !left.has(l.split('==')[0].trim().toLowerCase()))
        .join('\n');
    return { kind: 'pip', version, constraints: `${constraints}\n`, constraintsSource: charmcraft_pins/* CHARMCRAFT_CONSTRAINTS_SOURCE */.tn };
}
/** A charmcraft program of one's own (or a test double), mounted read-only at /usr/local/bin/charmcraft. */
async function mountedCharmcraft(file) {
    const abs = external_node_path_default().resolve(file);
    const st = await (0,promises_.stat)(abs).catch(() => undefined);
    if (!st?.isFile() || !(st.mode & 0o111))
        throw new errors/* UserError */.yo(`charmcraft-path: '${file}' is not an executable file; point it at a charmcraft program (chmod +x), or leave it empty to install charmcraft by pip`);
    return { kind: 'mounted', path: abs, sha256: await (0,files/* sha256File */.Q3)(abs) };
}
/** How the charmcraft was had, in one phrase (log, summary, SBOM, provenance). */
function describeSource(src) {
    return src.kind === 'pip'
        ? `installed by pip (charmcraft==${src.version}, constraints ${src.constraintsSource} less ${charmcraft_pins/* CONSTRAINTS_LEFT_TO_APT */.l1.join(', ')} from apt)`
        : `mounted from charmcraft-path (${external_node_path_default().basename(src.path)}, sha256 ${src.sha256.slice(0, 16)})`;
}
// ---------------------------------------------------------------- the container's script (pure)
/**
 * The shell script pip-installs charmcraft with (pure; unit-tested, as no PyPI is reachable here): jammy's apt
 * python3-apt (craft-parts' apt backend, required but not declared), python3-nacl and python3-cryptography, a
 * venv that sees them (--system-site-packages), then charmcraft==VERSION under the tag's constraints.
 */
function pipInstallScript(src) {
    return [
        'export DEBIAN_FRONTEND=noninteractive',
        'apt-get update -q',
        'apt-get install -y -q --no-install-recommends python3-venv python3-pip python3-dev python3-apt python3-nacl python3-cryptography gcc git',
        `python3 -m venv --system-site-packages ${VENV}`,
        `cat > ${VENV}/constraints.txt <<'BUILD_SNAPS_EOF'`,
        `# ${src.constraintsSource} (less ${charmcraft_pins/* CONSTRAINTS_LEFT_TO_APT */.l1.join(', ')}: from apt)`,
        src.constraints.trimEnd(),
        'BUILD_SNAPS_EOF',
        `${VENV}/bin/pip install --constraint ${VENV}/constraints.txt charmcraft==${src.version}`,
        `ln -sf ${VENV}/bin/charmcraft ${CHARMCRAFT_MOUNT}`,
        `echo '${INSTALLED_MARK}'`,
    ].join('\n');
}
/**
 * The whole script: install (pip route), print `charmcraft version`, pack, give the files written to the mounts
 * back to this machine's user (the container runs as root), exit with the pack's status (128+N: killed by signal N).
 */
function containerScript(opts) {
    const pack = ['charmcraft', 'pack', '--destructive-mode', '--project-dir', PROJECT_MOUNT];
    if (opts.basesIndex)
        pack.push('--bases-index', opts.basesIndex);
    pack.push('--verbose');
    return [
        'set -eu',
        ...(opts.source.kind === 'pip' ? [pipInstallScript(opts.source)] : []),
        `v=$(charmcraft version 2>&1 | head -n 1) || v='(charmcraft version failed)'`,
        `echo "${VERSION_MARK} $v"`,
        'rc=0',
        `${pack.join(' ')} || rc=$?`,
        `chown -R ${opts.uid}:${opts.gid} ${OUT_MOUNT} ${LOG_MOUNT} ${PIP_CACHE_MOUNT} ${PROJECT_MOUNT} 2>/dev/null || true`,
        'exit $rc',
    ].join('\n');
}
/** `docker run` for one pack (pure). */
function dockerRunArgs(s) {
    return [
        'run',
        '--rm',
        '--name',
        s.name,
        '--platform',
        s.platform,
        ...(s.network ? ['--network', s.network] : []),
        '--pull',
        'never',
        '-v',
        `${s.project}:${PROJECT_MOUNT}`,
        '-v',
        `${s.out}:${OUT_MOUNT}`,
        '-w',
        OUT_MOUNT,
        '-v',
        `${s.pipCache}:${PIP_CACHE_MOUNT}`,
        '-v',
        `${s.logs}:${LOG_MOUNT}`,
        ...(s.charmcraft ? ['-v', `${s.charmcraft}:${CHARMCRAFT_MOUNT}:ro`] : []),
        s.image,
        'sh',
        '-c',
        s.script,
    ];
}
// ---------------------------------------------------------------- the wheel cache
/** The files that decide which wheels the charm plugin builds: charmcraft.yaml and every requirements*.txt at the top. */
async function requirementsHash(charmDir) {
    const names = (await (0,promises_.readdir)(charmDir)).filter((f) => f === 'charmcraft.yaml' || /^requirements.*\.txt$/.test(f)).sort();
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const n of names)
        h.update(`${n}\0`)
            .update(await (0,promises_.readFile)(external_node_path_default().join(charmDir, n)))
            .update('\0');
    return h.digest('hex').slice(0, 16);
}
/** The cache key's prefix (a restore key: wheels of an older requirements set still save most compiling) and the key. */
function pipCacheKey(p) {
    const prefix = `build-snaps-charm-pip-${p.charm}-${p.arch}-ubuntu${p.release}-charmcraft-${p.charmcraft}-`;
    return { prefix, key: prefix + p.requirements };
}
/** The charmcraft part of the key: the version pip installs, or the mounted program's digest (known without running it). */
function charmcraftKey(src) {
    return src.kind === 'pip' ? src.version : `mounted-${src.sha256.slice(0, 12)}`;
}
// ---------------------------------------------------------------- failures and logs
/** Killed by a signal: a shell reports 128+N (SIGSEGV 139, SIGBUS 135, SIGILL 132, SIGABRT 134). */
function killedBySignal(exitCode) {
    return exitCode > 128 && exitCode < 128 + 65;
}
/** Collapse whitespace into single spaces and cut to max characters. */
function squeeze(text, max = 400) {
    const s = text.replace(/\s+/g, ' ').trim();
    return s.length > max ? `…${s.slice(s.length - max + 1)}` : s;
}
const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+/;
/** Lines that say nothing about why: blank, traceback frames, pointers to the log itself. */
const NOISE = [/^$/, /^Traceback \(most recent call last\)/, /^File ".*", line \d+/, /^Full execution log/, /^\^+$/, /^During handling of/];
/** A compiler's error line (`file.c:22:27: error: ...`): the cause a failed dependency build names first. */
const COMPILER_ERROR = /:\d+(?::\d+)?: (?:fatal )?error: /;
/**
 * The tail of a charmcraft log in one line: timestamps, `::` nesting and traceback frames dropped; the last
 * compiler error (the usual cause under emulation) when there is one, then the last meaningful lines.
 */
function logTail(text, lines = 2) {
    const kept = text
        .split('\n')
        .map((l) => l.replace(TIMESTAMP, '').replace(/^(?:\s*::)+/, ''))
        .filter((l) => !/^\s{3,}/.test(l) || COMPILER_ERROR.test(l))
        .map((l) => l.trim())
        .filter((l) => !NOISE.some((re) => re.test(l)));
    const tail = kept.slice(-lines);
    const cause = kept.filter((l) => COMPILER_ERROR.test(l)).at(-1);
    const cut = (l) => (l.length > 160 ? `${l.slice(0, 159)}…` : l);
    return squeeze([...(cause && !tail.includes(cause) ? [cause] : []), ...tail].map(cut).join(' | '));
}
/** actions/upload-artifact rejects ':' in file names: rename every ':' to '-'; returns the log files' new paths. */
async function renameColons(dir) {
    const out = [];
    for (const f of (await (0,promises_.readdir)(dir).catch(() => [])).sort()) {
        const to = f.replaceAll(':', '-');
        if (to !== f)
            await (0,promises_.rename)(external_node_path_default().join(dir, f), external_node_path_default().join(dir, to));
        out.push(external_node_path_default().join(dir, to));
    }
    return out;
}
async function newestLogText(dir) {
    const files = (await (0,promises_.readdir)(dir).catch(() => [])).filter((f) => f.endsWith('.log'));
    if (!files.length)
        return '';
    const withTime = await Promise.all(files.map(async (f) => ({ f, t: (await (0,promises_.stat)(external_node_path_default().join(dir, f))).mtimeMs })));
    withTime.sort((a, b) => b.t - a.t || b.f.localeCompare(a.f));
    return (0,promises_.readFile)(external_node_path_default().join(dir, withTime[0].f), 'utf8');
}
/** docker kill <name> when the step is cancelled (the runner sends SIGINT, then SIGTERM): nothing runs on after the step. */
function killOnCancel(docker, name, log, logsDir) {
    const handler = (signal) => {
        log(`${signal}: killing the pack container ${name}`);
        try {
            (0,external_node_child_process_.execFileSync)(docker, ['kill', name], { stdio: 'ignore', timeout: 30_000 });
        }
        catch {
            // gone already
        }
        try {
            (0,external_node_child_process_.execFileSync)(docker, ['rm', '-f', name], { stdio: 'ignore', timeout: 30_000 }); // --rm may still be on its way
        }
        catch {
            // removed by --rm already
        }
        // the logs are still uploaded after a cancel (if: always()): their names must not hold ':'
        try {
            for (const f of logsDir ? (0,external_node_fs_.readdirSync)(logsDir) : [])
                if (f.includes(':'))
                    (0,external_node_fs_.renameSync)(external_node_path_default().join(logsDir, f), external_node_path_default().join(logsDir, f.replaceAll(':', '-')));
        }
        catch {
            // nothing to rename
        }
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}
class PackFailed extends Error {
    exitCode;
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
/** Pack one entry in the container; .charm files reach outDir only when the pack succeeded. */
async function packInContainer(rt, docker, spec) {
    const entry = spec.basesIndex ? `bases[${spec.basesIndex}]` : 'the entry that builds on it';
    const where = `${spec.charm.name}: ${entry} for ${spec.arch.debian} (${spec.arch.platform} container, ${spec.image})`;
    const scratch = external_node_path_default().join(rt.tempRoot(), `build-snaps-pack-${spec.charm.name}-${spec.arch.debian}-${process.pid}`);
    const pipCache = external_node_path_default().join(rt.tempRoot(), 'build-snaps-charm-pip', `${spec.charm.name}-${spec.arch.debian}`);
    await (0,promises_.mkdir)(pipCache, { recursive: true });
    await (0,promises_.mkdir)(spec.logsDir, { recursive: true });
    const { prefix, key } = pipCacheKey({
        charm: spec.charm.name,
        arch: spec.arch.debian,
        release: spec.release,
        charmcraft: charmcraftKey(spec.source),
        requirements: await requirementsHash(spec.charm.dir),
    });
    const hit = await rt.restoreCache([pipCache], key, [prefix]);
    rt.info(hit ? `pip wheel cache restored from ${hit}` : `no pip wheel cache for ${key} yet: every dependency compiles`);
    const name = `build-snaps-pack-${spec.charm.name}-${spec.arch.debian}-${process.pid}`;
    const script = containerScript({
        source: spec.source,
        basesIndex: spec.basesIndex,
        uid: process.getuid?.() ?? 0,
        gid: process.getgid?.() ?? 0,
    });
    const stopKilling = killOnCancel(docker, name, (m) => rt.warning(m), spec.logsDir);
    try {
        const { charms, version } = await (0,retry/* withRetry */.bD)({
            policy: { attempts: 2, backoffMs: 1000 },
            label: where,
            log: (m) => rt.warning(m),
            judge: (e) => ({
                retry: e instanceof PackFailed && killedBySignal(e.exitCode),
                message: e instanceof PackFailed && killedBySignal(e.exitCode) ? `charmcraft was killed by signal ${e.exitCode - 128}` : (0,errors/* errorMessage */.gJ)(e),
            }),
        }, async () => {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
            const project = external_node_path_default().join(scratch, 'project');
            const out = external_node_path_default().join(scratch, 'out');
            // Not charmcraft 2.x's work tree of an earlier pack (<project>/build): its builder would reuse the
            // dependencies installed there, compiled for another arch, when the requirements' hash matches.
            const stale = external_node_path_default().join(spec.charm.dir, 'build');
            await (0,promises_.cp)(spec.charm.dir, project, { recursive: true, filter: (src) => src !== stale });
            await (0,promises_.mkdir)(out, { recursive: true });
            await (0,promises_.chmod)(out, 0o777);
            const args = dockerRunArgs({
                name,
                platform: spec.arch.platform,
                network: spec.network,
                image: spec.image,
                project,
                out,
                pipCache,
                logs: spec.logsDir,
                charmcraft: spec.source.kind === 'mounted' ? spec.source.path : undefined,
                script,
            });
            rt.info(`docker ${args.slice(0, -1).join(' ')} <script>`);
            const res = await (0,exec/* run */.e)(docker, args, { allowFailure: true, onLine: (l) => rt.info(l) });
            const version = /build-snaps: charmcraft version: (?:charmcraft )?(\S+)/.exec(res.stdout)?.[1] ?? 'unknown';
            if (res.exitCode !== 0 && spec.source.kind === 'pip' && !res.stdout.includes(INSTALLED_MARK))
                throw new PackFailed(`${where}: installing charmcraft ${spec.source.version} by pip failed (exit ${res.exitCode}): ${logTail(`${res.stdout}\n${res.stderr}`)}`, res.exitCode);
            if (res.exitCode !== 0) {
                const tail = logTail(await newestLogText(spec.logsDir)) || logTail(res.stderr || res.stdout);
                throw new PackFailed(`${where}: charmcraft pack failed (exit ${res.exitCode}): ${tail}`, res.exitCode);
            }
            const made = (await (0,promises_.readdir)(out)).filter((f) => f.endsWith('.charm')).sort();
            if (!made.length)
                throw new PackFailed(`${where}: charmcraft pack exited 0 but wrote no .charm file`, 0);
            const charms = [];
            for (const f of made) {
                await (0,files/* copyAtomic */.nB)(external_node_path_default().join(out, f), external_node_path_default().join(spec.outDir, f));
                charms.push(external_node_path_default().join(spec.outDir, f));
            }
            return { charms, version };
        }).catch((e) => {
            if (e instanceof retry/* RetryFailure */.T$)
                throw new errors/* UserError */.yo((0,errors/* errorMessage */.gJ)(e.last) + (e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ''));
            throw e;
        });
        if (hit !== key)
            await rt.saveCache([pipCache], key);
        return { charms, version, cacheHit: hit === key };
    }
    finally {
        stopKilling();
        await renameColons(spec.logsDir);
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/**
 * Everything the container route needs, checked up front in the order a user fixes it: the inputs, the entry
 * (it must build on the platform's arch), docker, its engine, the emulator, the image.
 */
async function planContainerPack(rt, inputs, charm, entries) {
    const arch = parseContainerPlatform(inputs.containerPlatform);
    if (inputs.containerNetwork && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(inputs.containerNetwork))
        throw new errors/* UserError */.yo(`container-network: '${inputs.containerNetwork}' is not a docker network name; use none, host, bridge or leave it empty for docker's default`);
    const picked = entries.filter((e) => e.select.kind === 'bases-index' && (!inputs.basesIndex || e.select.index === Number(inputs.basesIndex)));
    const buildOn = picked.flatMap((e) => e.buildOn).find((b) => b.arch === arch.debian);
    if (!buildOn) {
        const what = inputs.basesIndex
            ? `${charm.name}'s bases[${inputs.basesIndex}] does not build on`
            : `no bases entry of ${charm.name} builds on`;
        throw new errors/* UserError */.yo(`container-platform ${arch.platform}: ${what} ${arch.debian}; set bases-index to an entry whose build-on has ${arch.debian}, or container-platform to the entry's build-on arch`);
    }
    const source = inputs.charmcraftPath ? await mountedCharmcraft(inputs.charmcraftPath) : pipCharmcraft(inputs.channel);
    const docker = await checkContainerRoute(arch);
    const image = inputs.containerImage || `ubuntu:${buildOn.channel}`;
    await ensureImage(rt, docker, image, arch);
    const logsDir = external_node_path_default().join(rt.tempRoot(), 'charmcraft-logs', `${charm.name}-${arch.debian}${inputs.basesIndex ? `-${inputs.basesIndex}` : ''}`);
    rt.info(`packing in a ${arch.platform} ${image} container (build-on ubuntu ${buildOn.channel}); charmcraft ${describeSource(source)}`);
    return { docker, arch, release: buildOn.channel, image, network: inputs.containerNetwork, source, basesIndex: inputs.basesIndex, logsDir };
}
/** The charmcraft that packed, as the SBOM lists it (BUILD_TOOL_OF the .charm) and the provenance resolves it. */
function charmcraftRecord(route, version) {
    const src = route.source;
    const ranIn = `${route.arch.platform} ${route.image} container${(0,emulate/* nativeFor */.Bi)(route.arch) ? '' : ' under QEMU user emulation'}`;
    const how = describeSource(src);
    const line = `charmcraft ${version} (${how}), in a ${ranIn}`;
    const purl = src.kind === 'pip' ? `pkg:pypi/charmcraft@${src.version}` : undefined;
    const sha256 = src.kind === 'mounted' ? src.sha256 : undefined;
    return {
        line,
        tool: { name: 'charmcraft', version, purl, sha256, comment: line },
        dependency: {
            name: 'charmcraft',
            uri: purl ?? `file://${src.path}`,
            ...(sha256 ? { digest: { sha256 } } : {}),
            annotations: {
                version,
                installed: how,
                ...(src.kind === 'pip' ? { constraints: src.constraintsSource } : {}),
                container: `${route.arch.platform} ${route.image}`,
            },
        },
    };
}
/**
 * charm-build's container route in one call: plan and check (the `logs` output is set before the pack, so a
 * failed one still hands its logs over), pack, and record the charmcraft that packed in the provenance; returns
 * the .charm files, the SBOM's build tool and the summary's note.
 */
async function packCharmInContainer(rt, inputs, charm, outDir, prov) {
    if (inputs.builder !== 'charmcraft' || !inputs.channel)
        throw new errors/* UserError */.yo(`container-platform: packs with charmcraft only; ${charm.name} builds with charm-tools (layer.yaml), leave container-platform empty`);
    const charmcraftYaml = await (0,charm_metadata/* readYaml */.gM)(external_node_path_default().join(charm.dir, 'charmcraft.yaml'));
    const entries = (0,routes/* charmEntries */.So)(charm.name, charmcraftYaml ?? {}, inputs.metadata, 'charmcraft', inputs.arches);
    const route = await planContainerPack(rt, { ...inputs, channel: inputs.channel }, charm, entries);
    rt.output('logs', route.logsDir);
    const res = await rt.group(`Pack ${charm.name} in a ${route.arch.platform} container`, () => packInContainer(rt, route.docker, { ...route, charm, outDir }));
    const rec = charmcraftRecord(route, res.version);
    prov.buildTool(rec.dependency);
    rt.info(`packed with ${rec.line}`);
    rt.output('charmcraft', rec.line);
    return { charms: res.charms, buildTools: [rec.tool], notes: `Packed with ${rec.line}.` };
}

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
        container: {
            containerPlatform: rt.input('container-platform'),
            containerImage: rt.input('container-image'),
            charmcraftPath: rt.input('charmcraft-path'),
            containerNetwork: rt.input('container-network'),
        },
    };
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
    const metadata = await (0,charm_metadata/* readYaml */.gM)(external_node_path_default().join(charm.dir, 'metadata.yaml'));
    let destructive = inputs.destructiveMode !== 'false';
    if (builder === 'charmcraft' && inputs.destructiveMode === 'auto') {
        const host = await runnerHost(process.env, (0,shared_arch/* hostArch */.LY)().debian);
        const entries = (0,routes/* charmEntries */.So)(charm.name, await (0,charm_metadata/* readYaml */.gM)(external_node_path_default().join(charm.dir, 'charmcraft.yaml')), metadata, builder, inputs.arches);
        destructive = destructiveFor(entries, inputs, host);
        rt.info(`this runner: ${host.arch}, Ubuntu ${host.release || '(unknown)'}: ${destructive ? 'destructive mode' : 'LXD managed mode'}`);
    }
    const outDir = await (0,files/* ensureWritableDir */.gA)(inputs.outputDir, 'output-dir');
    const channel = builder === 'charmcraft' ? await charmcraftChannel(charm.dir, inputs.charmcraftChannel) : undefined;
    if (channel)
        rt.info(`charmcraft channel ${channel.channel} (${channel.from})`);
    const prov = new provenance/* ProvenanceRecorder */.Ej('charm-build');
    // The emulated route (container-platform): a linux/<arch> container under QEMU instead of this machine's charmcraft.
    const contained = inputs.container.containerPlatform
        ? await packCharmInContainer(rt, { ...inputs.container, ...inputs, channel: channel?.channel, builder, metadata }, charm, outDir, prov)
        : undefined;
    const tool = contained
        ? ''
        : await ensurePackTool(builder, channel?.channel ?? (inputs.charmcraftChannel || 'latest/stable'), channel?.from === '.charmcraft-channel', (m) => rt.info(m));
    const epoch = (0,shared_epoch/* sourceDateEpoch */.p)();
    const charms = contained?.charms ??
        (await rt.group(`Build ${charm.name} with ${builder}`, () => buildCharm(tool, builder, charm, outDir, {
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
        })));
    for (const c of charms)
        rt.info(`built ${c}`);
    // Every charm checked for its arch before it is published, on every route; a refused pack leaves nothing in output-dir.
    await (0,charm_arch/* checkPackedCharms */.XC)(charms, { ...inputs, name: charm.name, dir: charm.dir, builder }, rt.tempRoot(), (m) => rt.info(m));
    await prov.checkout(charm.dir, charm.name);
    const version = (await (0,promises_.readFile)(external_node_path_default().join(charm.dir, 'version'), 'utf8').catch(() => '')).trim();
    await (0,publish/* publish */.mk)(rt, {
        action: 'charm-build',
        outDir,
        epoch,
        provenance: prov,
        parts: [charm.name],
        artifacts: charms.map((file) => ({ file, version, packageName: charm.name, buildTools: contained?.buildTools })),
        title: `Charm ${charm.name} (${builder})`,
        notes: contained?.notes,
    });
    rt.output('charms', charms);
    rt.output('name', charm.name);
    rt.output('resources', charm.resources);
}


/***/ })

};
